"""The post-crisis report and the emergency contact sheet: their data and HTML (Qt-free).

The HTML is the subset QTextDocument renders (render/pdf.py turns it into a PDF): tables with
cellpadding and bgcolor, no CSS layout.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from html import escape
from typing import Any

from sqlite_utils import Database

from crisisdesk_gui.core import settings
from crisisdesk_gui.core.analytics import Compared, Period, Review, change, review
from crisisdesk_gui.core.contacts import Member, format_phone, list_members
from crisisdesk_gui.core.db import parse_iso, utcnow
from crisisdesk_gui.core.i18n import (
    N_,
    _,
    format_date,
    format_datetime,
    format_duration,
    format_number,
    format_percent,
    ngettext,
)
from crisisdesk_gui.core.incidents import (
    EVENT_KINDS,
    STEPS,
    Incident,
    events,
    get_incident,
    linked_cards,
)

# Card history kinds as the timeline names them (core.board's kinds).
CARD_EVENT_KINDS: dict[str, str] = {
    "move": N_("Card moved"),
    "reply": N_("Reply sent"),
    "note": N_("Note"),
    "assign": N_("Card assigned"),
    "capture": N_("Evidence captured"),
    "correction": N_("Score corrected"),
    "create": N_("Card created"),
}
LANE_NAMES: dict[str, str] = {
    "new": N_("New"),
    "acknowledged": N_("Acknowledged"),
    "offline": N_("Taken offline"),
    "resolved": N_("Resolved"),
    "watching": N_("Watching"),
    "warned": N_("Warned"),
    "blocked": N_("Blocked"),
    "not_negative": N_("Not negative"),
}
SNIPPET = 140


def lane_name(lane: str | None) -> str:
    return _(LANE_NAMES[lane]) if lane in LANE_NAMES else (lane or "")


def format_minutes(minutes: float | None) -> str:
    """ "45 minutes", "1 hour 30 minutes" in the UI language; "–" for no value."""
    if minutes is None:
        return "–"
    if minutes < 1:
        return format_duration(timedelta(seconds=round(minutes * 60)))
    total = round(minutes)
    hours, rest = divmod(total, 60)
    if not hours:
        return format_duration(timedelta(minutes=rest))
    if hours >= 48:
        return format_duration(timedelta(hours=hours))
    text = format_duration(timedelta(hours=hours))
    return f"{text} {format_duration(timedelta(minutes=rest))}" if rest else text


def format_change(current: float | None, previous: float | None) -> str:
    value = change(current, previous)
    if value is None:
        return "–"
    text = format_percent(abs(value))
    return ("+" if value > 0 else "−" if value < 0 else "±") + text


def format_points(current: float | None, previous: float | None) -> str:
    """A change of a share in percentage points: 20 % → 30 % is "+10 pp"."""
    if current is None or previous is None:
        return "–"
    points = round((current - previous) * 100, 1)
    sign = "+" if points > 0 else "−" if points < 0 else "±"
    return _("{sign}{value} pp").format(sign=sign, value=format_number(abs(points)))


def share(value: float | None) -> str:
    return "–" if value is None else format_percent(value)


def summary_rows(rv: Review) -> list[tuple[str, str, str, str]]:
    """(figure, this period, previous period, change) for the headline table."""
    cur, prev = rv.response.current, rv.response.previous
    vcur, vprev = rv.volume.current, rv.volume.previous
    return [
        (
            _("Mentions"),
            format_number(vcur.total),
            format_number(vprev.total),
            format_change(vcur.total, vprev.total),
        ),
        (
            _("Negative mentions"),
            format_number(vcur.negative),
            format_number(vprev.negative),
            format_change(vcur.negative, vprev.negative),
        ),
        (
            _("Share of negative"),
            share(vcur.negative_share),
            share(vprev.negative_share),
            format_points(vcur.negative_share, vprev.negative_share),
        ),
        (
            _("Cards on the board"),
            format_number(cur.cards),
            format_number(prev.cards),
            format_change(cur.cards, prev.cards),
        ),
        (
            _("Answered"),
            format_number(cur.answered),
            format_number(prev.answered),
            format_change(cur.answered, prev.answered),
        ),
        (
            _("Median time to first reply"),
            format_minutes(cur.median_minutes),
            format_minutes(prev.median_minutes),
            format_change(cur.median_minutes, prev.median_minutes),
        ),
        (
            _("90th percentile time to first reply"),
            format_minutes(cur.p90_minutes),
            format_minutes(prev.p90_minutes),
            format_change(cur.p90_minutes, prev.p90_minutes),
        ),
        (
            _("Breaches of the response target"),
            format_number(cur.breaches),
            format_number(prev.breaches),
            format_change(cur.breaches, prev.breaches),
        ),
    ]


def response_table_rows(table: dict[str, Compared], names: dict[str, str]) -> list[list[str]]:
    """Per lane or member: name, cards, median, p90, breaches (previous in brackets)."""
    rows = []
    for key, value in sorted(table.items(), key=lambda kv: -kv[1].current.cards):
        cur, prev = value.current, value.previous
        rows.append(
            [
                names.get(key, key) or _("Unassigned"),
                f"{format_number(cur.cards)} ({format_number(prev.cards)})",
                f"{format_minutes(cur.median_minutes)} ({format_minutes(prev.median_minutes)})",
                f"{format_minutes(cur.p90_minutes)} ({format_minutes(prev.p90_minutes)})",
                f"{format_number(cur.breaches)} ({format_number(prev.breaches)})",
            ]
        )
    return rows


def volume_table_rows(table: dict[str, Compared]) -> list[list[str]]:
    rows = []
    for key, value in sorted(table.items(), key=lambda kv: -kv[1].current.total):
        cur, prev = value.current, value.previous
        rows.append(
            [
                key or "–",
                format_number(cur.total),
                format_number(prev.total),
                share(cur.negative_share),
                share(prev.negative_share),
            ]
        )
    return rows


# --- the post-crisis report ----------------------------------------------------------------


@dataclass
class TimelineEntry:
    at: datetime
    actor: str
    what: str
    detail: str = ""


@dataclass
class IncidentReport:
    business: str
    incident: Incident
    owner: str
    period: Period
    review: Review
    timeline: list[TimelineEntry] = field(default_factory=list)
    cards: list[dict[str, Any]] = field(default_factory=list)
    generated: datetime = field(default_factory=utcnow)


def incident_report(
    db: Database, incident_id: int, *, now: datetime | None = None, tz: Any = None
) -> IncidentReport:
    """Everything the post-crisis report shows; the period is from opening to closing (or now)."""
    now = now or utcnow()
    incident = get_incident(db, incident_id)
    period = Period(incident.opened_at, incident.closed_at or now)
    if period.length <= timedelta(0):
        period = Period(incident.opened_at, incident.opened_at + timedelta(minutes=1))
    owner = ""
    if incident.owner_id is not None:
        row = db.execute(
            "SELECT name FROM team_members WHERE id = ?", [incident.owner_id]
        ).fetchone()
        owner = row[0] if row else ""
    cards = linked_cards(db, incident_id)
    timeline = [
        TimelineEntry(
            parse_iso(e["at"]) or now,
            e["actor"] or "",
            _(EVENT_KINDS.get(e["kind"], e["kind"])),
            e["text"] or "",
        )
        for e in events(db, incident_id)
    ]
    ids = [c["id"] for c in cards]
    if ids:
        marks = ",".join("?" * len(ids))
        for e in db.query(
            f"SELECT e.*, m.author FROM card_events e JOIN mentions m ON m.id = e.mention_id "
            f"WHERE e.mention_id IN ({marks}) ORDER BY e.at, e.id",
            ids,
        ):
            what = _(CARD_EVENT_KINDS.get(e["kind"], e["kind"]))
            detail = [f"#{e['mention_id']}"]
            if e["author"]:
                detail.append(e["author"])
            if e["kind"] == "move" and e["to_lane"]:
                detail.append(f"{lane_name(e['from_lane'])} → {lane_name(e['to_lane'])}")
            if e["text"]:
                detail.append(_shorten(e["text"]))
            timeline.append(
                TimelineEntry(parse_iso(e["at"]) or now, e["actor"] or "", what, " · ".join(detail))
            )
    timeline.sort(key=lambda t: t.at)
    return IncidentReport(
        business=settings.get(db, "business_name") or "",
        incident=incident,
        owner=owner,
        period=period,
        review=review(db, period, now=now, tz=tz),
        timeline=timeline,
        cards=cards,
        generated=now,
    )


def _shorten(text: str, limit: int = SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_STYLE = """
<style>
  h1 { font-size: 17pt; margin-bottom: 2px; }
  h2 { font-size: 12pt; margin-top: 14px; margin-bottom: 4px; color: #7a1f1f; }
  td, th { font-size: 8.5pt; }
  th { background-color: #eeeeee; text-align: left; }
  .muted { color: #555555; }
  .num { text-align: right; }
</style>
"""


def _h2(text: str) -> str:
    return f"<h2>{escape(text)}</h2>"


def _p(text: str, *, muted: bool = False) -> str:
    attrs = ' class="muted"' if muted else ""
    return f"<p{attrs}>{escape(text)}</p>"


def _table(
    headers: Iterable[str],
    rows: Iterable[Iterable[str]],
    *,
    numeric_from: int = 99,
    widths: Iterable[int] = (),
) -> str:
    width_list = list(widths)
    head = "".join(
        f"<th{f' width={width_list[i]}%' if i < len(width_list) else ''}>{escape(h)}</th>"
        for i, h in enumerate(headers)
    )
    body = []
    for row in rows:
        cells = "".join(
            f"<td{' align=right' if i >= numeric_from else ''}>{escape(str(c))}</td>"
            for i, c in enumerate(row)
        )
        body.append(f"<tr>{cells}</tr>")
    return (
        '<table width="100%" cellspacing="0" cellpadding="3" border="1" '
        f'style="border-collapse: collapse; border-color: #bbbbbb;">'
        # <thead> repeats the header row on every page the table runs onto.
        f"<thead><tr>{head}</tr></thead>{''.join(body)}</table>"
        '<p style="font-size: 4pt;">&nbsp;</p>'
    )


def incident_report_html(report: IncidentReport) -> str:
    inc, rv = report.incident, report.review
    prev = report.period.previous()
    parts = [_STYLE]
    title = _("Post-crisis report: {title}").format(title=inc.title)
    parts.append(f"<h1>{escape(title)}</h1>")
    facts = [
        _("Opened {opened}, closed {closed}").format(
            opened=format_datetime(inc.opened_at, "short"),
            closed=format_datetime(inc.closed_at, "short") if inc.closed_at else _("still open"),
        ),
        _("Owner: {name}").format(name=report.owner or _("none named")),
        ngettext("{n} card handled", "{n} cards handled", len(report.cards)).format(
            n=len(report.cards)
        ),
    ]
    if report.business:
        facts.insert(0, report.business)
    parts.append(f'<p class="muted">{escape(" · ".join(facts))}</p>')

    parts.append(_h2(_("Numbers against the previous period")))
    parts.append(
        '<p class="muted">'
        + escape(
            _(
                "This period: {start} – {end}. Previous period of the same length: "
                "{pstart} – {pend}. Response target: {target}."
            ).format(
                start=format_datetime(report.period.start, "short"),
                end=format_datetime(report.period.end, "short"),
                pstart=format_datetime(prev.start, "short"),
                pend=format_datetime(prev.end, "short"),
                target=format_minutes(rv.target_minutes),
            )
        )
        + "</p>"
    )
    parts.append(
        _table(
            [_("Figure"), _("This period"), _("Previous period"), _("Change")],
            summary_rows(rv),
            numeric_from=1,
            widths=[46, 18, 18, 18],
        )
    )
    if rv.by_lane:
        parts.append(_h2(_("Response by lane")))
        parts.append(
            _table(
                [_("Lane"), _("Cards"), _("Median"), _("90th percentile"), _("Breaches")],
                response_table_rows(rv.by_lane, {k: lane_name(k) for k in rv.by_lane}),
                numeric_from=1,
            )
        )
        parts.append(_h2(_("Response by team member")))
        parts.append(
            _table(
                [_("Team member"), _("Cards"), _("Median"), _("90th percentile"), _("Breaches")],
                response_table_rows(rv.by_member, {}),
                numeric_from=1,
            )
        )
        parts.append(_p(_("Previous period in brackets."), muted=True))

    parts.append(_h2(_("Crisis plan checklist")))
    for step in inc.steps:
        mark = "☑" if step.done else "☐"
        when = parse_iso(step.done_at)
        line = f"{mark} {_(STEPS[step.key])}"
        if when:
            line += f" ({format_datetime(when, 'short')})"
        note = f'<br/>&nbsp;&nbsp;&nbsp;&nbsp;<span class="muted">{escape(step.note)}</span>'
        parts.append(f"<p>{escape(line)}{note if step.note else ''}</p>")

    parts.append(_h2(_("Review notes")))
    notes = inc.review_notes or _(
        "No review notes yet: they are written when the incident is closed."
    )
    parts.append("".join(f"<p>{escape(p)}</p>" for p in notes.split("\n") if p.strip()))

    parts.append(_h2(_("Timeline")))
    parts.append(
        _table(
            [_("When"), _("Who"), _("What"), _("Details")],
            [[format_datetime(t.at, "short"), t.actor, t.what, t.detail] for t in report.timeline],
            widths=[18, 14, 20, 48],
        )
    )

    parts.append(_h2(_("Cards handled")))
    card_rows = []
    for card in report.cards:
        started = parse_iso(card["fetched"] or card["published"])
        replied = parse_iso(card["first_reply_at"])
        wait = (replied - started).total_seconds() / 60 if started and replied else None
        text = card["text"] or card["title"] or ""
        card_rows.append(
            [
                format_datetime(started, "short") if started else "",
                " · ".join(x for x in (card["source"], card["author"]) if x),
                _shorten(text),
                lane_name(card["lane"]),
                format_minutes(wait) if wait is not None else _("not answered"),
                card["assignee"] or "–",
            ]
        )
    parts.append(
        _table(
            [
                _("Reached us"),
                _("Source / author"),
                _("Text"),
                _("Lane"),
                _("First reply after"),
                _("Assignee"),
            ],
            card_rows,
            widths=[13, 16, 32, 15, 12, 12],
        )
        if card_rows
        else _p(_("No cards are linked to this incident."))
    )

    if rv.by_source:
        parts.append(_h2(_("Volume by source and language")))
        headers = [_("Mentions"), _("Previous"), _("Negative"), _("Previous")]
        parts.append(
            _table(
                [_("Source"), *headers],
                volume_table_rows(rv.by_source),
                numeric_from=1,
                widths=[44, 14, 14, 14, 14],
            )
        )
        parts.append("<p></p>")
        parts.append(
            _table(
                [_("Language"), *headers],
                volume_table_rows(rv.by_lang),
                numeric_from=1,
                widths=[44, 14, 14, 14, 14],
            )
        )
    parts.append(
        _p(
            _("Generated {when}").format(when=format_datetime(report.generated, "short")),
            muted=True,
        )
    )
    return "\n".join(parts)


# --- the emergency contact sheet -------------------------------------------------------------


def contact_sheet_html(
    db: Database, *, now: datetime | None = None, members: list[Member] | None = None
) -> str:
    """One printable page: everyone's phones, e-mails and channels, big enough to read."""
    now = now or utcnow()
    members = list_members(db) if members is None else members
    business = settings.get(db, "business_name") or ""
    title = _("Emergency contact sheet")
    # One page: a larger team gets a smaller type.
    size = 10 if len(members) <= 8 else 8.5 if len(members) <= 14 else 7
    parts = [
        "<style>h1 { font-size: 18pt; margin-bottom: 0px; } "
        f"td, th {{ font-size: {size}pt; }} "
        "th { background-color: #7a1f1f; color: #ffffff; text-align: left; } "
        ".muted { color: #555555; } "
        f".name {{ font-size: {size + 1.5}pt; font-weight: bold; }} "
        f".role {{ font-size: {size - 1}pt; }} "
        "</style>",
        f"<h1>{escape(title)}{(' – ' + escape(business)) if business else ''}</h1>",
        '<p class="muted">'
        + escape(
            _("Printed {date}. Keep a copy by the phone; call the mobile number first.").format(
                date=format_date(now, "long")
            )
        )
        + "</p>",
    ]
    support = [
        v for v in (settings.get(db, "support_phone"), settings.get(db, "support_email")) if v
    ]
    if support:
        parts.append(
            "<p><b>"
            + escape(_("Customer support line: {contacts}").format(contacts=" · ".join(support)))
            + "</b></p>"
        )
    rows = []
    for m in members:
        phones = [
            (label, getattr(m, key))
            for key, label in (
                ("phone_mobile", _("Mobile")),
                ("phone_work", _("Work")),
                ("phone_home", _("Home")),
            )
            if getattr(m, key)
        ]
        phone_html = "<br/>".join(
            # No-break spaces keep a number on one line; the label may wrap above it.
            escape(label) + ": <b>" + escape(format_phone(p)).replace(" ", "\u00a0") + "</b>"
            for label, p in phones
        )
        email_html = "<br/>".join(escape(e) for e in m.emails)
        other = [f"{k}: {v}" for k, v in (m.channels | m.social).items()]
        other_html = "<br/>".join(escape(o) for o in other)
        call_html = "<br/>".join(escape(x) for x in (m.on_call, m.notes) if x)
        rows.append(
            f'<tr><td><span class="name">{escape(m.name)}</span><br/><span class="role">{escape(m.role_label)}</span></td>'
            f"<td>{phone_html}</td><td>{email_html}</td><td>{other_html}</td>"
            f"<td>{call_html}</td></tr>"
        )
    if not rows:
        empty = escape(_("The team roster is empty."))
        rows.append(f'<tr><td colspan="5">{empty}</td></tr>')
    head = "".join(
        f"<th width={w}%>{escape(h)}</th>"
        for h, w in (
            (_("Name and role"), 20),
            (_("Phones"), 27),
            (_("E-mail"), 25),
            (_("Other channels"), 14),
            (_("On call / notes"), 14),
        )
    )
    parts.append(
        f'<table width="100%" cellspacing="0" cellpadding="{5 if size >= 10 else 2}" border="1" '
        f'style="border-collapse: collapse; border-color: #999999;"><thead><tr>{head}</tr>'
        f"</thead>{''.join(rows)}</table>"
    )
    return "\n".join(parts)


def contact_sheet_text(members: list[Member]) -> str:
    """Plain text for `contacts list`."""
    lines = []
    for m in members:
        bits = [m.name]
        if m.role:
            bits.append(m.role_label)
        bits += [format_phone(p) for p in m.phones] + m.emails
        lines.append(" · ".join(bits))
    return "\n".join(lines)


def members_json(members: list[Member]) -> str:
    return json.dumps([{"id": m.id, **m.data()} for m in members], ensure_ascii=False, indent=2)
