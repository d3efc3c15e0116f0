"""Incidents: the crisis plan's checklist (detect → notify → manage → review), linked cards,
the team notification, and closing with review notes (Qt-free).

When a spike alert fires the app offers `open_from_spike(db, alert.message, actor=…)`
(ui/incidents_view.IncidentsView.offer_spike): detect is filled in, the hour's cards linked.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

from sqlite_utils import Database

from crisisdesk_gui.core import settings
from crisisdesk_gui.core.contacts import list_members
from crisisdesk_gui.core.db import iso, parse_iso, utcnow
from crisisdesk_gui.core.i18n import N_, _, format_datetime, ngettext

STEPS: dict[str, str] = {
    "detect": N_("Detect: what is happening and how big is it"),
    "notify": N_("Notify the team"),
    "manage": N_("Manage: link the cards, name an owner, answer"),
    "review": N_("Review afterwards"),
}
STEP_NAMES: dict[str, str] = {
    "detect": N_("Detect"),
    "notify": N_("Notify"),
    "manage": N_("Manage"),
    "review": N_("Review"),
}
EVENT_KINDS: dict[str, str] = {
    "open": N_("Incident opened"),
    "step": N_("Checklist step done"),
    "reopen_step": N_("Checklist step reopened"),
    "link": N_("Cards linked"),
    "unlink": N_("Cards unlinked"),
    "owner": N_("Owner changed"),
    "notify": N_("Team notified"),
    "close": N_("Incident closed"),
}


class IncidentError(ValueError):
    """An incident action that cannot be done; the message says why and what to do."""


@dataclass
class Step:
    key: str
    done: bool = False
    note: str = ""
    done_at: str | None = None

    @property
    def title(self) -> str:
        return _(STEPS[self.key])


@dataclass
class Incident:
    id: int
    title: str
    opened_at: datetime
    closed_at: datetime | None
    owner_id: int | None
    status: str
    steps: list[Step] = field(default_factory=list)
    review_notes: str = ""
    card_count: int = 0

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    def step(self, key: str) -> Step:
        return next(s for s in self.steps if s.key == key)


def _checklist(raw: str | None) -> list[Step]:
    stored = {item["key"]: item for item in json.loads(raw or "[]")}
    return [Step(**stored[key]) if key in stored else Step(key) for key in STEPS]


def _row_to_incident(row: dict[str, Any], cards: int) -> Incident:
    opened = parse_iso(row["opened_at"])
    assert opened is not None
    return Incident(
        id=row["id"],
        title=row["title"] or "",
        opened_at=opened,
        closed_at=parse_iso(row["closed_at"]),
        owner_id=row["owner_id"],
        status=row["status"] or "open",
        steps=_checklist(row["checklist"]),
        review_notes=row["review_notes"] or "",
        card_count=cards,
    )


def _event(
    db: Database,
    incident_id: int,
    kind: str,
    *,
    actor: str,
    text: str | None = None,
    data: Any = None,
    at: datetime | None = None,
) -> None:
    db["incident_events"].insert(
        {
            "incident_id": incident_id,
            "at": iso(at or utcnow()),
            "actor": actor,
            "kind": kind,
            "text": text,
            "data": json.dumps(data, ensure_ascii=False) if data is not None else None,
        }
    )


def open_incident(
    db: Database,
    title: str,
    *,
    actor: str,
    detect_note: str = "",
    owner_id: int | None = None,
    mention_ids: Sequence[int] = (),
    now: datetime | None = None,
) -> int:
    """Open an incident (committed); a detect note marks the detect step done."""
    if not title.strip():
        raise IncidentError(
            _("Give the incident a short title, for example “Food poisoning claim on Google Maps”.")
        )
    now = now or utcnow()
    steps = [Step(key) for key in STEPS]
    if detect_note.strip():
        steps[0] = Step("detect", True, detect_note.strip(), iso(now))
    with db.conn:
        incident_id = int(
            db["incidents"]
            .insert(
                {
                    "title": title.strip(),
                    "opened_at": iso(now),
                    "owner_id": owner_id,
                    "status": "open",
                    "checklist": json.dumps([s.__dict__ for s in steps], ensure_ascii=False),
                }
            )
            .last_pk
        )
        _event(db, incident_id, "open", actor=actor, text=title.strip(), at=now)
        if mention_ids:
            _link(db, incident_id, mention_ids, actor=actor, at=now)
    return incident_id


def open_from_spike(
    db: Database,
    message: str,
    *,
    actor: str,
    now: datetime | None = None,
    window: timedelta = timedelta(hours=1),
) -> int:
    """The incident a spike alert offers: the alert's message as the detect note, and the
    negative cards that reached us in the alert's window (the last hour) linked."""
    now = now or utcnow()
    title = _("Spike of negative mentions, {when}").format(when=format_datetime(now, "short"))
    ids = [
        row[0]
        for row in db.execute(
            "SELECT id FROM mentions WHERE lane IS NOT NULL AND lane != 'not_negative' "
            "AND (group_id IS NULL OR group_id = id) AND incident_id IS NULL "
            "AND COALESCE(fetched, published) >= ?",
            [iso(now - window)],
        ).fetchall()
    ]
    return open_incident(db, title, actor=actor, detect_note=message, mention_ids=ids, now=now)


def get_incident(db: Database, incident_id: int) -> Incident:
    rows = list(db.query("SELECT * FROM incidents WHERE id = ?", [incident_id]))
    if not rows:
        raise IncidentError(_("There is no incident {id}.").format(id=incident_id))
    cards = db.execute(
        "SELECT COUNT(*) FROM mentions WHERE incident_id = ?", [incident_id]
    ).fetchone()[0]
    return _row_to_incident(rows[0], cards)


def list_incidents(db: Database, *, status: str | None = None) -> list[Incident]:
    sql = (
        "SELECT i.*, (SELECT COUNT(*) FROM mentions m WHERE m.incident_id = i.id) AS cards "
        "FROM incidents i"
    )
    params: list[Any] = []
    if status:
        sql += " WHERE i.status = ?"
        params.append(status)
    sql += " ORDER BY i.status = 'closed', i.opened_at DESC, i.id DESC"
    return [_row_to_incident(row, row["cards"]) for row in db.query(sql, params)]


def _require_open(db: Database, incident_id: int) -> Incident:
    incident = get_incident(db, incident_id)
    if not incident.is_open:
        raise IncidentError(_("The incident “{title}” is closed.").format(title=incident.title))
    return incident


def _save_steps(db: Database, incident: Incident) -> None:
    db["incidents"].update(
        incident.id,
        {"checklist": json.dumps([s.__dict__ for s in incident.steps], ensure_ascii=False)},
    )


def set_step(
    db: Database,
    incident_id: int,
    key: str,
    *,
    done: bool,
    note: str | None = None,
    actor: str,
    now: datetime | None = None,
) -> None:
    """Tick (or untick) a checklist step, optionally with a note; committed."""
    if key not in STEPS:
        raise IncidentError(_("Unknown checklist step “{key}”.").format(key=key))
    now = now or utcnow()
    incident = _require_open(db, incident_id)
    step = incident.step(key)
    was_done = step.done
    if done != was_done:
        step.done, step.done_at = done, iso(now) if done else None
    if note is not None:
        step.note = note.strip()
    with db.conn:
        _save_steps(db, incident)
        if done != was_done:
            _event(
                db,
                incident_id,
                "step" if done else "reopen_step",
                actor=actor,
                text=_(STEP_NAMES[key]),
                data={"step": key},
                at=now,
            )


def _link(
    db: Database, incident_id: int, mention_ids: Iterable[int], *, actor: str, at: datetime
) -> list[int]:
    ids = sorted(set(mention_ids))
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    # A card is a story: link every mention of its group so the count is per story.
    db.execute(
        f"UPDATE mentions SET incident_id = ? WHERE id IN ({marks}) OR group_id IN ({marks})",
        [incident_id, *ids, *ids],
    )
    _event(
        db,
        incident_id,
        "link",
        actor=actor,
        data={"mention_ids": ids},
        at=at,
        text=ngettext("{n} card", "{n} cards", len(ids)).format(n=len(ids)),
    )
    return ids


def link_cards(
    db: Database,
    incident_id: int,
    mention_ids: Iterable[int],
    *,
    actor: str,
    now: datetime | None = None,
) -> list[int]:
    _require_open(db, incident_id)
    with db.conn:
        return _link(db, incident_id, mention_ids, actor=actor, at=now or utcnow())


def unlink_cards(
    db: Database,
    incident_id: int,
    mention_ids: Iterable[int],
    *,
    actor: str,
    now: datetime | None = None,
) -> None:
    ids = sorted(set(mention_ids))
    if not ids:
        return
    marks = ",".join("?" * len(ids))
    with db.conn:
        db.execute(
            f"UPDATE mentions SET incident_id = NULL WHERE incident_id = ? "
            f"AND (id IN ({marks}) OR group_id IN ({marks}))",
            [incident_id, *ids, *ids],
        )
        _event(
            db,
            incident_id,
            "unlink",
            actor=actor,
            data={"mention_ids": ids},
            at=now or utcnow(),
            text=ngettext("{n} card", "{n} cards", len(ids)).format(n=len(ids)),
        )


def set_owner(db: Database, incident_id: int, owner_id: int | None, *, actor: str) -> None:
    _require_open(db, incident_id)
    name = None
    if owner_id is not None:
        row = db.execute("SELECT name FROM team_members WHERE id = ?", [owner_id]).fetchone()
        if row is None:
            raise IncidentError(_("That team member no longer exists."))
        name = row[0]
    with db.conn:
        db["incidents"].update(incident_id, {"owner_id": owner_id})
        _event(db, incident_id, "owner", actor=actor, text=name)


def linked_cards(db: Database, incident_id: int) -> list[dict[str, Any]]:
    """The incident's cards (primary mentions), oldest first, with source and assignee."""
    return list(
        db.query(
            """
            SELECT m.id, m.title, m.text, m.author, m.url, m.lang, m.lane, m.severity,
                   m.published, m.fetched, m.first_reply_at,
                   COALESCE(s.name, s.url, '') AS source, COALESCE(t.name, '') AS assignee
            FROM mentions m
            LEFT JOIN sources s ON s.id = m.source_id
            LEFT JOIN team_members t ON t.id = m.assignee_id
            WHERE m.incident_id = ? AND (m.group_id IS NULL OR m.group_id = m.id)
            ORDER BY COALESCE(m.fetched, m.published), m.id
            """,
            [incident_id],
        )
    )


def candidate_cards(
    db: Database, incident_id: int, *, since: datetime, limit: int = 500
) -> list[dict[str, Any]]:
    """Board cards that could be linked: recent, not false alarms, not linked here yet."""
    return list(
        db.query(
            """
            SELECT m.id, m.title, m.text, m.author, m.lane, m.incident_id,
                   COALESCE(m.fetched, m.published) AS reached,
                   COALESCE(s.name, s.url, '') AS source
            FROM mentions m LEFT JOIN sources s ON s.id = m.source_id
            WHERE m.lane IS NOT NULL AND m.lane != 'not_negative'
              AND (m.group_id IS NULL OR m.group_id = m.id)
              AND m.incident_id IS NOT ? AND COALESCE(m.fetched, m.published) >= ?
            ORDER BY COALESCE(m.urgency, 0) DESC, reached DESC
            LIMIT ?
            """,
            [incident_id, iso(since), limit],
        )
    )


@dataclass(frozen=True)
class Notification:
    recipients: list[str]
    subject: str
    body: str

    @property
    def mailto(self) -> str:
        """mailto: with every recipient, subject and body percent-encoded (RFC 6068)."""
        to = ",".join(quote(r, safe="@") for r in self.recipients)
        return (
            f"mailto:{to}?subject={quote(self.subject, safe='')}&body={quote(self.body, safe='')}"
        )


def notification(db: Database, incident_id: int) -> Notification:
    """The prepared message to the roster: what happened, who owns it, how to reach each other."""
    incident = get_incident(db, incident_id)
    members = list_members(db)
    business = settings.get(db, "business_name") or ""
    subject = _("Crisis: {title}").format(title=incident.title)
    if business:
        subject = f"[{business}] {subject}"
    owner = next((m.name for m in members if m.id == incident.owner_id), "")
    lines = [
        _("A crisis incident is open: {title}").format(title=incident.title),
        _("Opened: {when}").format(when=format_datetime(incident.opened_at, "short")),
    ]
    if incident.step("detect").note:
        lines.append(_("What we know: {note}").format(note=incident.step("detect").note))
    lines.append(
        ngettext(
            "{n} card is linked to it on the board.",
            "{n} cards are linked to it on the board.",
            incident.card_count,
        ).format(n=incident.card_count)
    )
    if owner:
        lines.append(_("Owner: {name}").format(name=owner))
    lines += [
        "",
        _("Please open CrisisDesk, check the board and confirm you have seen this."),
        "",
        _("Team contacts:"),
    ]
    for member in members:
        phones = ", ".join(member.phones)
        lines.append(
            f"- {member.name} ({member.role_label})" if member.role else f"- {member.name}"
        )
        if phones:
            lines[-1] += f": {phones}"
    recipients = [m.emails[0] for m in members if m.emails]
    return Notification(recipients, subject, "\n".join(lines))


def mark_notified(
    db: Database, incident_id: int, *, actor: str, now: datetime | None = None
) -> None:
    """The notify action ran: tick the step and log whom the message went to."""
    now = now or utcnow()
    note = notification(db, incident_id)
    incident = _require_open(db, incident_id)
    step = incident.step("notify")
    step.done, step.done_at = True, step.done_at or iso(now)
    step.note = ", ".join(note.recipients)
    with db.conn:
        _save_steps(db, incident)
        _event(db, incident_id, "notify", actor=actor, text=step.note, at=now)


def close_incident(
    db: Database, incident_id: int, review_notes: str, *, actor: str, now: datetime | None = None
) -> None:
    """Close with the review notes (required: closing is when the team learns)."""
    if not review_notes.strip():
        raise IncidentError(
            _(
                "Write the review notes before closing: what happened, what "
                "worked, what to change next time."
            )
        )
    now = now or utcnow()
    incident = _require_open(db, incident_id)
    step = incident.step("review")
    step.done, step.done_at, step.note = True, iso(now), ""
    with db.conn:
        db["incidents"].update(
            incident_id,
            {
                "status": "closed",
                "closed_at": iso(now),
                "review_notes": review_notes.strip(),
                "checklist": json.dumps([s.__dict__ for s in incident.steps], ensure_ascii=False),
            },
        )
        _event(db, incident_id, "close", actor=actor, at=now)


def events(db: Database, incident_id: int) -> list[dict[str, Any]]:
    return list(
        db.query(
            "SELECT * FROM incident_events WHERE incident_id = ? ORDER BY at, id", [incident_id]
        )
    )
