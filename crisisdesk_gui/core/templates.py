"""Reply templates: the shipped library, user wordings, placeholders, rotation, reply logging.

The shipped wordings live in resources/templates/<lang>.json and are copied into the profile's
`templates` table under a stable `shipped_key` ("situation/lang/n"). `sync_shipped` refreshes
them on every start: an untouched shipped row follows the new text, a row the user edited
(origin "user" with a shipped_key), a disabled one, and the user's own wordings are left alone.

Rotation and the repeat warning read the card history (card_events of kind "reply", whose data
holds template_id), so there is one record of what was sent.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import dates as babel_dates
from sqlite_utils import Database

from crisisdesk_gui.core import settings
from crisisdesk_gui.core.db import iso, parse_iso, utcnow
from crisisdesk_gui.core.i18n import N_, _
from crisisdesk_gui.core.paths import resources_dir

LANGS: tuple[str, ...] = ("tr", "pl", "fi", "en")

# Display names are marked with N_ and shown through _().
SITUATIONS: dict[str, str] = {
    "thank_acknowledge": N_("Thank and acknowledge"),
    "apologise": N_("Apologise"),
    "take_offline": N_("Take the conversation offline"),
    "offer_remedy": N_("Offer a refund, replacement or upgrade"),
    "status_update": N_("Status update"),
    "resolved_thanks": N_("Resolved, thank the customer"),
    "troll_warning": N_("Polite warning (page rules)"),
}

PLACEHOLDERS: dict[str, str] = {
    "customer": N_("the comment's author"),
    "brand": N_("your business name (settings)"),
    "phone": N_("the support phone (settings, else the assignee's)"),
    "email": N_("the support e-mail (settings, else the assignee's)"),
    "case_id": N_("the card's case number, e.g. CD-000123"),
    "next_update": N_("when you will give the next update"),
    "agent": N_("who answers (your name in settings, else the assignee)"),
}

# Which situations fit a card in each lane, the first one proposed.
LANE_SITUATIONS: dict[str, tuple[str, ...]] = {
    "new": ("thank_acknowledge", "apologise"),
    "acknowledged": ("take_offline", "offer_remedy", "apologise"),
    "offline": ("status_update", "offer_remedy"),
    "resolved": ("resolved_thanks",),
    "watching": ("troll_warning",),
    "warned": ("troll_warning",),
    "blocked": ("troll_warning",),
    "not_negative": ("thank_acknowledge",),
}

REPEAT_WINDOW_DAYS = 30
_PLACEHOLDER_TOKEN = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class TemplateError(ValueError):
    """A template or a value that cannot be used; the message says why."""


@dataclass(frozen=True)
class Template:
    id: int
    situation: str
    lang: str
    text: str
    origin: str  # shipped | user
    shipped_key: str | None
    enabled: bool

    @property
    def edited(self) -> bool:
        """A shipped wording the user changed: upgrades no longer touch it."""
        return self.origin == "user" and self.shipped_key is not None


@dataclass(frozen=True)
class Rendered:
    text: str  # missing placeholders stay as {name}, so they can be highlighted
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class RecentReply:
    mention_id: int
    at: datetime
    text: str


def situation_name(key: str) -> str:
    """The untranslated display name (pass it through _()); user situations show as typed."""
    return SITUATIONS.get(key, key)


# --- the shipped library ---------------------------------------------------------------


def templates_dir() -> Path:
    return resources_dir() / "templates"


@lru_cache(maxsize=4)
def _read_shipped(folder: Path) -> tuple[tuple[str, str, str, str], ...]:
    rows: list[tuple[str, str, str, str]] = []
    for lang in LANGS:
        path = folder / f"{lang}.json"
        if not path.exists():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for situation, wordings in data["templates"].items():
            for n, text in wordings.items():
                rows.append((f"{situation}/{lang}/{n}", situation, lang, text))
    return tuple(rows)


def shipped_templates(folder: Path | None = None) -> list[tuple[str, str, str, str]]:
    """(shipped_key, situation, lang, text) of every wording in resources/templates."""
    return list(_read_shipped(folder or templates_dir()))


def sync_shipped(db: Database, folder: Path | None = None) -> dict[str, int]:
    """Bring the profile's shipped wordings up to date; the user's changes win."""
    shipped = {key: (sit, lang, text) for key, sit, lang, text in shipped_templates(folder)}
    existing = {
        key: (row_id, origin, text)
        for row_id, key, origin, text in db.execute(
            "SELECT id, shipped_key, origin, text FROM templates WHERE shipped_key IS NOT NULL"
        ).fetchall()
    }
    now = iso(utcnow())
    counts = {"added": 0, "updated": 0, "removed": 0}
    with db.conn:
        for key, (situation, lang, text) in shipped.items():
            if key not in existing:
                db.execute(
                    "INSERT INTO templates(situation, lang, text, origin, shipped_key, enabled, "
                    "created, updated) VALUES (?, ?, ?, 'shipped', ?, 1, ?, ?)",
                    [situation, lang, text, key, now, now],
                )
                counts["added"] += 1
            else:
                row_id, origin, old = existing[key]
                if origin == "shipped" and old != text:
                    db.execute(
                        "UPDATE templates SET text = ?, updated = ? WHERE id = ?",
                        [text, now, row_id],
                    )
                    counts["updated"] += 1
        for key, (row_id, origin, _old) in existing.items():
            if key not in shipped and origin == "shipped":
                db.execute("DELETE FROM templates WHERE id = ?", [row_id])
                counts["removed"] += 1
    return counts


# --- the profile's templates -------------------------------------------------------------

_COLUMNS = "id, situation, lang, text, origin, shipped_key, enabled"


def _template(row: Sequence[Any]) -> Template:
    return Template(
        id=int(row[0]),
        situation=str(row[1]),
        lang=str(row[2]),
        text=str(row[3]),
        origin=str(row[4] or "user"),
        shipped_key=row[5],
        enabled=bool(row[6]),
    )


def list_templates(
    db: Database,
    *,
    situation: str | None = None,
    lang: str | None = None,
    include_disabled: bool = False,
) -> list[Template]:
    clauses, params = [], []
    if situation:
        clauses.append("situation = ?")
        params.append(situation)
    if lang:
        clauses.append("lang = ?")
        params.append(lang)
    if not include_disabled:
        clauses.append("enabled = 1")
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM templates {where} ORDER BY situation, lang, id", params
    ).fetchall()
    return [_template(r) for r in rows]


def get_template(db: Database, template_id: int) -> Template | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM templates WHERE id = ?", [template_id]).fetchone()
    return _template(row) if row else None


def situations(db: Database) -> list[str]:
    """The shipped situations in playbook order, then the user's own."""
    found = [r[0] for r in db.execute("SELECT DISTINCT situation FROM templates ORDER BY 1")]
    return [*SITUATIONS, *(s for s in found if s not in SITUATIONS)]


def _check(situation: str, lang: str, text: str) -> str:
    if lang not in LANGS:
        raise TemplateError(
            _("Unknown language {lang}; use one of: {langs}.").format(
                lang=repr(lang), langs=", ".join(LANGS)
            )
        )
    if not situation.strip():
        raise TemplateError(_("A template needs a situation."))
    text = text.strip()
    if not text:
        raise TemplateError(_("A template needs some text."))
    problems = validate_text(text)
    if problems:
        raise TemplateError(" ".join(problems))
    return text


def add_template(db: Database, situation: str, lang: str, text: str) -> int:
    text = _check(situation, lang, text)
    now = iso(utcnow())
    with db.conn:
        cur = db.conn.execute(
            "INSERT INTO templates(situation, lang, text, origin, shipped_key, enabled, created, "
            "updated) VALUES (?, ?, ?, 'user', NULL, 1, ?, ?)",
            [situation.strip(), lang, text, now, now],
        )
    return int(cur.lastrowid or 0)


def update_template(
    db: Database, template_id: int, *, text: str | None = None, enabled: bool | None = None
) -> Template:
    """Edit a wording (a shipped one becomes the user's) or switch it on or off."""
    current = get_template(db, template_id)
    if current is None:
        raise TemplateError(_("There is no template with id {id}.").format(id=template_id))
    with db.conn:
        if text is not None:
            text = _check(current.situation, current.lang, text)
            if text != current.text:
                db.execute(
                    "UPDATE templates SET text = ?, origin = 'user', updated = ? WHERE id = ?",
                    [text, iso(utcnow()), template_id],
                )
        if enabled is not None:
            db.execute(
                "UPDATE templates SET enabled = ?, updated = ? WHERE id = ?",
                [int(enabled), iso(utcnow()), template_id],
            )
    result = get_template(db, template_id)
    assert result is not None
    return result


def delete_template(db: Database, template_id: int) -> None:
    """Delete one of the user's wordings; shipped ones are disabled instead."""
    current = get_template(db, template_id)
    if current is None:
        return
    if current.shipped_key is not None:
        raise TemplateError(_("Shipped wordings cannot be deleted; disable them instead."))
    with db.conn:
        db.execute("DELETE FROM templates WHERE id = ?", [template_id])


def restore_shipped(db: Database, template_id: int, folder: Path | None = None) -> Template:
    """Undo the user's edit of a shipped wording."""
    current = get_template(db, template_id)
    if current is None or current.shipped_key is None:
        raise TemplateError(_("Only a shipped wording can be restored."))
    shipped = {key: text for key, _s, _l, text in shipped_templates(folder)}
    if current.shipped_key not in shipped:
        raise TemplateError(_("This wording is no longer shipped; it stays as you wrote it."))
    with db.conn:
        db.execute(
            "UPDATE templates SET text = ?, origin = 'shipped', updated = ? WHERE id = ?",
            [shipped[current.shipped_key], iso(utcnow()), template_id],
        )
    result = get_template(db, template_id)
    assert result is not None
    return result


# --- placeholders and rendering ----------------------------------------------------------


def placeholders_in(text: str) -> list[str]:
    """The {names} a template uses, in order, once each."""
    try:
        names = [f for _lit, f, _spec, _conv in string.Formatter().parse(text) if f is not None]
    except ValueError:
        names = _PLACEHOLDER_TOKEN.findall(text)
    return list(dict.fromkeys(names))


def validate_text(text: str) -> list[str]:
    """Problems that would stop a template from rendering: stray braces, unknown names."""
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        return [
            _(
                "A brace is not closed: write placeholders as {example}, and a literal brace "
                "as {open} or {close}."
            ).format(example="{customer}", open="{{", close="}}")
        ]
    problems = []
    for _lit, name, spec, conv in fields:
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            known = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
            problems.append(
                _("Unknown placeholder {placeholder}; use one of: {known}.").format(
                    placeholder="{" + name + "}", known=known
                )
            )
        elif spec or conv:
            problems.append(
                _("Write the placeholder plainly as {placeholder}.").format(
                    placeholder="{" + name + "}"
                )
            )
    return problems


def render(text: str, values: Mapping[str, str | None]) -> Rendered:
    """Fill the placeholders; one without a value stays as {name} and is listed as missing."""
    out: list[str] = []
    missing: list[str] = []
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise TemplateError(validate_text(text)[0]) from exc
    for literal, name, _spec, _conv in parts:
        out.append(literal)
        if name is None:
            continue
        value = (values.get(name) or "").strip()
        if value:
            out.append(value)
        else:
            out.append("{" + name + "}")
            if name not in missing:
                missing.append(name)
    return Rendered("".join(out), tuple(missing))


def unfilled(text: str) -> list[str]:
    """Placeholders still written as {name} in a reply about to be sent."""
    return list(dict.fromkeys(_PLACEHOLDER_TOKEN.findall(text)))


def case_id(mention_id: int) -> str:
    return f"CD-{mention_id:06d}"


def propose_next_update(lang: str, now: datetime | None = None, minutes: int = 60) -> str:
    """A time `minutes` ahead, rounded up to the quarter hour, in the reply's language."""
    moment = (now or utcnow()).astimezone() + timedelta(minutes=minutes)
    extra = (15 - moment.minute % 15) % 15
    moment = (moment + timedelta(minutes=extra)).replace(second=0, microsecond=0)
    return babel_dates.format_time(moment, format="short", locale=lang)


def values_for_mention(
    db: Database, mention_id: int, lang: str, *, now: datetime | None = None
) -> dict[str, str]:
    """Placeholder values from the card, the settings and the team roster ("" when unknown)."""
    row = db.execute(
        "SELECT m.author, m.group_id, t.name, t.phone_work, t.phone_mobile, t.email_work "
        "FROM mentions m LEFT JOIN team_members t ON t.id = m.assignee_id WHERE m.id = ?",
        [mention_id],
    ).fetchone()
    if row is None:
        raise TemplateError(_("There is no mention with id {id}.").format(id=mention_id))
    author, group_id, a_name, a_phone_work, a_phone_mobile, a_email = row
    conf = settings.get_all(db)
    return {
        "customer": (author or "").strip(),
        "brand": str(conf.get("business_name") or "").strip(),
        "phone": str(conf.get("support_phone") or a_phone_work or a_phone_mobile or "").strip(),
        "email": str(conf.get("support_email") or a_email or "").strip(),
        "case_id": case_id(int(group_id or mention_id)),
        "next_update": propose_next_update(lang, now),
        "agent": str(conf.get("actor_name") or a_name or "").strip(),
    }


def settings_values(db: Database) -> dict[str, str]:
    """The values that do not depend on a card (for the command line)."""
    conf = settings.get_all(db)
    return {
        "brand": str(conf.get("business_name") or "").strip(),
        "phone": str(conf.get("support_phone") or "").strip(),
        "email": str(conf.get("support_email") or "").strip(),
        "agent": str(conf.get("actor_name") or "").strip(),
    }


# --- proposals ---------------------------------------------------------------------------


def reply_language(mention_lang: str | None, ui_lang: str) -> str:
    """Answer in the comment's language when we have templates for it, else the UI's."""
    if mention_lang in LANGS:
        return str(mention_lang)
    return ui_lang if ui_lang in LANGS else "en"


def situations_for_lane(lane: str | None) -> tuple[str, ...]:
    return LANE_SITUATIONS.get(lane or "", ("thank_acknowledge",))


def last_uses(db: Database, template_ids: Iterable[int]) -> dict[int, str]:
    """When each template was last sent (ISO time), from the card history."""
    ids = [int(i) for i in template_ids]
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = db.execute(
        "SELECT CAST(json_extract(data, '$.template_id') AS INTEGER) AS tid, max(at) "
        "FROM card_events WHERE kind = 'reply' AND json_valid(data) "
        f"AND tid IN ({marks}) GROUP BY tid",
        ids,
    ).fetchall()
    return {int(tid): str(at) for tid, at in rows}


def rotation(
    db: Database, situation: str, lang: str, values: Mapping[str, str] | None = None
) -> list[Template]:
    """The enabled wordings in the order to propose them.

    Never-used wordings come first, so none repeats while another is unused; then the least
    recently used. Among equals, a wording whose placeholders all have values goes first.
    """
    found = list_templates(db, situation=situation, lang=lang)
    used = last_uses(db, (t.id for t in found))
    known = values or {}

    def key(t: Template) -> tuple[bool, str, bool, int]:
        incomplete = values is not None and any(not known.get(p) for p in placeholders_in(t.text))
        return (t.id in used, used.get(t.id, ""), incomplete, t.id)

    return sorted(found, key=key)


def pick_template(
    db: Database, situation: str, lang: str, values: Mapping[str, str] | None = None
) -> Template | None:
    order = rotation(db, situation, lang, values)
    return order[0] if order else None


# --- repeats and hashtags ----------------------------------------------------------------


def normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def recent_replies(
    db: Database, *, now: datetime | None = None, days: int = REPEAT_WINDOW_DAYS, limit: int = 500
) -> list[RecentReply]:
    since = iso((now or utcnow()) - timedelta(days=days))
    rows = db.execute(
        "SELECT mention_id, at, text FROM card_events WHERE kind = 'reply' AND at >= ? "
        "AND text IS NOT NULL ORDER BY at DESC LIMIT ?",
        [since, limit],
    ).fetchall()
    return [RecentReply(int(m), parse_iso(at) or utcnow(), str(t)) for m, at, t in rows]


def find_repeat(text: str, recent: Iterable[RecentReply]) -> RecentReply | None:
    """The most recent reply identical to `text` (ignoring case and spacing), if any."""
    target = normalise(text)
    if not target:
        return None
    return next((r for r in recent if normalise(r.text) == target), None)


def configured_hashtags(db: Database) -> list[str]:
    """The "hashtags" setting as a list, whether stored as a list or as one line of text."""
    raw = settings.get(db, "hashtags") or []
    if isinstance(raw, str):
        raw = raw.replace(",", " ").split()
    return [str(tag).strip() for tag in raw if str(tag).strip()]


def suggest_hashtag(hashtags: Iterable[str], text: str, limit: int) -> str | None:
    """The first configured hashtag not in the text yet that still fits the limit."""
    folded = text.casefold()
    for raw in hashtags:
        tag = raw.strip()
        if not tag:
            continue
        if not tag.startswith("#"):
            tag = "#" + tag
        if tag.casefold() in folded:
            continue
        if len(text.rstrip()) + 1 + len(tag) <= limit:
            return tag
    return None


def add_hashtag(text: str, tag: str) -> str:
    return f"{text.rstrip()} {tag}"


# --- logging a reply ---------------------------------------------------------------------


def log_reply(
    db: Database,
    mention_id: int,
    text: str,
    *,
    actor: str,
    template_id: int | None = None,
    situation: str | None = None,
    lang: str | None = None,
    move_to: str | None = None,
    now: datetime | None = None,
) -> int:
    """Record a sent reply on the card (committed), then move the card when asked.

    The reply and first_reply_at are one transaction; the move is committed after it by the
    board, so a failing move never loses the record of what was sent.
    """
    from crisisdesk_gui.core import board

    left = unfilled(text)
    if left:
        raise TemplateError(
            _("The reply still has placeholders without a value: {names}").format(
                names=", ".join("{" + n + "}" for n in left)
            )
        )
    when = now or utcnow()
    data = {"template_id": template_id, "situation": situation, "lang": lang}
    with db.conn:
        # The UPDATE opens the transaction, so add_event leaves the commit to us.
        db.conn.execute(
            "UPDATE mentions SET first_reply_at = ? WHERE id = ? AND first_reply_at IS NULL",
            [iso(when), mention_id],
        )
        event_id = board.add_event(
            db, mention_id, "reply", actor=actor, text=text, data=data, at=when
        )
    if move_to:
        board.move_cards(db, [mention_id], move_to, actor=actor, now=when)
    return event_id
