"""Sample data: fill a separate demo profile from the feeds in resources/demo, offline.

The shipped feeds are dated around ANCHOR; filling copies them into the profile with every date
moved so that ANCHOR becomes "now", adds them as local-file sources, polls them through the
normal ingest path, and then gives the board some life: settings, keywords, a team, and a few
cards moved along the playbook and into the troll lanes.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from crisisdesk_gui.core import board, contacts, settings, sources
from crisisdesk_gui.core.db import iso, open_profile_db, parse_iso, utcnow
from crisisdesk_gui.core.i18n import _
from crisisdesk_gui.core.paths import ProfilePaths, resources_dir

log = logging.getLogger(__name__)

ANCHOR = datetime(2025, 6, 2, 12, 0, tzinfo=UTC)
STALE_AFTER = timedelta(hours=12)  # an older demo board is filled afresh when opened
FEEDS_FOLDER = "demo-feeds"
ACTOR = "Ayşe Yılmaz"

# (file in resources/demo, source name)
FEEDS: tuple[tuple[str, str], ...] = (
    ("google-alerts-lezzet-firini.atom", 'Google Alerts: "Lezzet Fırını"'),
    ("sikayet-forumu.rss", "Şikâyet Forumu"),
    ("reddit-krakow.atom", 'Reddit: "Lezzet Fırını"'),
    ("arvostelut-tampere.rss", "Arvostelut Tampere"),
    ("social-posts.json", "Social posts"),
)

SETTINGS: dict[str, Any] = {
    "business_name": "Lezzet Fırını",
    "support_phone": "+90 216 000 12 34",
    "support_email": "destek@lezzetfirini.example",
    "hashtags": ["#LezzetFırını", "#Kadıköy"],
    "actor_name": ACTOR,
    "first_run_done": True,
}
KEYWORDS = ("Lezzet Fırını", "Lezzet Firini", "lezzetfirini")
TEAM = (
    contacts.Member(
        name=ACTOR,
        role="manager",
        phone_mobile="+90 532 000 12 34",
        email_work="ayse@lezzetfirini.example",
        on_call="Hafta içi 07:00–19:00",
    ),
    contacts.Member(
        name="Kamil Nowak",
        role="social_media",
        phone_mobile="+48 512 000 123",
        email_work="kamil@lezzetfirini.example",
        social={"mastodon": "@kamil@social.example"},
    ),
    contacts.Member(
        name="Laura Virtanen",
        role="customer_service",
        phone_mobile="+358 40 000 1234",
        email_work="laura@lezzetfirini.example",
        channels={"live chat": "https://lezzetfirini.example/chat"},
    ),
)

# Where the demo puts some cards, by author: a board in the middle of a working day.
PLAN: dict[str, str] = {
    "hakan_t": "resolved",
    "/u/marek_w": "resolved",
    "Sanna L.": "resolved",
    "selin_a": "acknowledged",
    "@lena_b@social.example": "acknowledged",
    "cem_k": "offline",
    "Timo R.": "offline",
    "esra_kaya": "acknowledged",
    "/u/prawda_krakow": "warned",
    "/u/klient_zly": "blocked",
    "gercek_yorumcu": "watching",
    "kadikoy_sakini34": "watching",
    "@truth_teller@social.example": "watching",
    "Ville": "not_negative",
    "@tom_h@social.example": "not_negative",
}
PLAYBOOK_PATH: dict[str, tuple[str, ...]] = {
    "offline": ("acknowledged",),
    "resolved": ("acknowledged", "offline"),
    "warned": ("watching",),
    "blocked": ("watching", "warned"),
}
ASSIGN: dict[str, int] = {  # author -> index in TEAM
    "esra_kaya": 0,
    "cem_k": 2,
    "Timo R.": 2,
    "selin_a": 1,
    "/u/bartek_92": 1,
    "Anne V.": 2,
}


ANSWERED_LANES = ("acknowledged", "offline", "resolved", "warned", "blocked")
REPLY_MINUTES = (12, 35, 48, 75, 20, 95, 30)  # some within the 60-minute target, some late
REPLY_TEXT = "Merhaba, yaşadığınız sorun için çok üzgünüz. Lütfen bizi arayın, hemen ilgilenelim."


@dataclass
class DemoSummary:
    data_dir: Path
    sources: int = 0
    mentions: int = 0
    on_board: int = 0
    lanes: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


class DemoError(ValueError):
    """The demo cannot be filled here; the message says why."""


# --- moving the shipped dates to now ---------------------------------------------------------

_XML_DATE = re.compile(r"<(pubDate|published|updated|dc:date)>([^<]+)</\1>")
_ISO_Z = "%Y-%m-%dT%H:%M:%SZ"


def _shift_iso(text: str, delta: timedelta) -> str:
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return (moment + delta).astimezone(UTC).strftime(_ISO_Z)


def shift_dates(text: str, delta: timedelta, *, json_feed: bool = False) -> str:
    """The same feed with every entry date moved by `delta`."""
    if json_feed:
        data = json.loads(text)
        for item in data.get("items", []):
            for key in ("date_published", "date_modified"):
                if item.get(key):
                    item[key] = _shift_iso(item[key], delta)
        return json.dumps(data, ensure_ascii=False, indent=2)

    def repl(match: re.Match[str]) -> str:
        tag, value = match.group(1), match.group(2)
        if tag == "pubDate":
            new = format_datetime(parsedate_to_datetime(value) + delta)
        else:
            new = _shift_iso(value, delta)
        return f"<{tag}>{new}</{tag}>"

    return _XML_DATE.sub(repl, text)


def write_feeds(data_dir: Path, now: datetime) -> list[Path]:
    """Copy the shipped feeds into the profile, dated so that ANCHOR is `now`."""
    delta = now.replace(second=0, microsecond=0) - ANCHOR
    target = data_dir / FEEDS_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, _title in FEEDS:
        text = (resources_dir() / "demo" / name).read_text(encoding="utf-8")
        out = target / name
        tmp = out.with_name(out.name + ".tmp")
        tmp.write_text(shift_dates(text, delta, json_feed=name.endswith(".json")), "utf-8")
        tmp.replace(out)
        written.append(out)
    return written


# --- filling ---------------------------------------------------------------------------------


def _check_profile(db: Database, feed_uris: set[str]) -> None:
    own = [row["url"] for row in db.query("SELECT url FROM sources") if row["url"] not in feed_uris]
    if own:
        raise DemoError(
            _(
                "This profile already has its own sources ({count}); the sample data goes into a "
                "separate, empty profile. Use the demo profile or an empty --data-dir."
            ).format(count=len(own))
        )


def _seed(db: Database) -> None:
    values = settings.get_all(db)
    settings.update(db, {k: v for k, v in SETTINGS.items() if values.get(k) != v})
    sources.add_keywords(db, list(KEYWORDS))
    if not contacts.list_members(db):
        for member in TEAM:
            contacts.save_member(db, member)


def _arrange(db: Database) -> None:
    """Move a few cards along the playbook and into the troll lanes (only the first time)."""
    if db.execute("SELECT 1 FROM card_events WHERE kind = 'move' LIMIT 1").fetchone():
        return
    # As if the app had been running all week: each mention arrived when it was published, so
    # the countdowns differ from card to card.
    with db.conn:
        db.execute("UPDATE mentions SET fetched = published WHERE published < fetched")
    members = {m.name: m.id for m in contacts.list_members(db)}
    team_ids = [members.get(m.name) for m in TEAM]
    by_author: dict[str, list[int]] = {}
    for row in db.query("SELECT id, author FROM mentions"):
        by_author.setdefault(row["author"] or "", []).append(row["id"])
    for lane in board.LANE_KEYS:
        ids = [i for author, ln in PLAN.items() if ln == lane for i in by_author.get(author, [])]
        # A card reaches the later lanes through the earlier ones, as in the playbook.
        for step in (*PLAYBOOK_PATH.get(lane, ()), lane) if ids else ():
            board.move_cards(db, ids, step, actor=ACTOR)
    _log_replies(db, by_author)
    for author, index in ASSIGN.items():
        for mention_id in by_author.get(author, []):
            if team_ids[index] is not None:
                board.assign(db, mention_id, team_ids[index], actor=ACTOR)
    for mention_id in by_author.get("esra_kaya", []):
        board.add_note(
            db,
            mention_id,
            "Müşteriyi aradım, hastaneden çıkmış. Üretim partisini kontrol ediyoruz.",
            actor=ACTOR,
        )


def _log_replies(db: Database, by_author: dict[str, list[int]]) -> None:
    """Cards the team has answered get a reply in their history, some of them late."""
    answered = [a for a, lane in PLAN.items() if lane in ANSWERED_LANES]
    for n, author in enumerate(answered):
        for mention_id in by_author.get(author, []):
            row = db.execute("SELECT published FROM mentions WHERE id = ?", [mention_id]).fetchone()
            published = parse_iso(row[0]) if row else None
            if published is None:
                continue
            replied = published + timedelta(minutes=REPLY_MINUTES[n % len(REPLY_MINUTES)])
            with db.conn:
                db.execute(
                    "UPDATE mentions SET first_reply_at = ? WHERE id = ? AND first_reply_at IS NULL",
                    [iso(replied), mention_id],
                )
                board.add_event(db, mention_id, "reply", actor=ACTOR, text=REPLY_TEXT)


def _feed_uris(data_dir: Path) -> set[str]:
    return {(data_dir / FEEDS_FOLDER / name).resolve().as_uri() for name, _title in FEEDS}


def newest_mention(data_dir: Path) -> datetime | None:
    """When the newest sample comment was published (None for an empty or missing profile)."""
    if not ProfilePaths(data_dir).database.exists():
        return None
    db = open_profile_db(data_dir)
    try:
        return parse_iso(db.execute("SELECT max(published) FROM mentions").fetchone()[0])
    finally:
        db.conn.close()


def is_stale(data_dir: Path, now: datetime | None = None) -> bool:
    """True when the demo board would look old: filled more than STALE_AFTER ago."""
    newest = newest_mention(data_dir)
    return newest is not None and (now or utcnow()) - newest > STALE_AFTER


def reset_demo(data_dir: Path) -> None:
    """Empty a demo profile (never one with sources of its own) so it can be filled afresh."""
    paths = ProfilePaths(data_dir)
    if paths.database.exists():
        db = open_profile_db(data_dir)
        try:
            _check_profile(db, _feed_uris(data_dir))
        finally:
            db.conn.close()
    for suffix in ("", "-wal", "-shm"):
        paths.database.with_name(paths.database.name + suffix).unlink(missing_ok=True)
    for folder in (data_dir / FEEDS_FOLDER, paths.evidence):
        shutil.rmtree(folder, ignore_errors=True)
    log.info("demo profile at %s emptied", data_dir)


def fill_demo(data_dir: Path, *, now: datetime | None = None, reset: bool = False) -> DemoSummary:
    """Fill the demo profile at `data_dir` (emptied first with reset); safe to run again."""
    from crisisdesk_gui.core.ingest import poll_once

    now = now or utcnow()
    if reset:
        reset_demo(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    db = open_profile_db(data_dir)
    try:
        # Checked before anything is written: a profile of the user's own stays as it was.
        _check_profile(db, _feed_uris(data_dir))
        feeds = write_feeds(data_dir, now)
        ids = []
        known = {row["url"]: row["id"] for row in db.query("SELECT id, url FROM sources")}
        for path, (_name, title) in zip(feeds, FEEDS, strict=True):
            uri = path.resolve().as_uri()
            ids.append(known.get(uri) or sources.add_source(db, str(path), name=title))
        _seed(db)
    finally:
        db.conn.close()

    summary = DemoSummary(data_dir=data_dir, sources=len(ids))
    # Two sources at a time: ingest parses in place then, and starting its parser processes
    # would cost more than these few small local files.
    for start in range(0, len(ids), 2):
        result = poll_once(data_dir, source_ids=ids[start : start + 2], now=now)
        summary.errors += [f"{r.url}: {r.error}" for r in result.failed]

    db = open_profile_db(data_dir)
    try:
        _arrange(db)
        summary.mentions = db.execute("SELECT count(*) FROM mentions").fetchone()[0]
        for lane, count in db.execute(
            "SELECT lane, count(*) FROM mentions WHERE lane IS NOT NULL GROUP BY lane"
        ).fetchall():
            summary.lanes[lane] = count
        summary.on_board = sum(summary.lanes.values())
    finally:
        db.conn.close()
    log.info("demo profile filled at %s: %s", data_dir, summary)
    return summary
