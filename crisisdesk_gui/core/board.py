"""The board: lanes, moves with history, undo, countdowns, and the card queries (Qt-free).

Contract (other parts call these):
- `move_cards(db, mention_ids, lane, *, actor) -> list[int]` commits the move and its history
  rows in one transaction and returns the ids whose lane changed.
- `add_event(db, mention_id, kind, *, actor, text=None, data=None, from_lane=None, to_lane=None)`
  records one history row (kinds: move, reply, note, assign, capture, correction, create).
  Inside a caller's open transaction it leaves the commit to the caller.

A card is a story: mentions sharing `group_id` are one card, shown by its primary mention
(`group_id = id`, or NULL for a mention never grouped). Moves apply to the whole group.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from crisisdesk_gui.core import settings
from crisisdesk_gui.core.db import iso, parse_iso, utcnow
from crisisdesk_gui.core.i18n import N_
from crisisdesk_gui.core.text import fold

if TYPE_CHECKING:
    from sqlite_utils import Database

log = logging.getLogger(__name__)


class Lane(NamedTuple):
    key: str
    name: str  # marked with N_; show it through _()
    group: str  # playbook | troll | false_alarm
    counting: bool  # the response countdown runs for unanswered cards here


LANES: tuple[Lane, ...] = (
    Lane("new", N_("New"), "playbook", True),
    Lane("acknowledged", N_("Acknowledged"), "playbook", True),
    Lane("offline", N_("Taken offline"), "playbook", True),
    Lane("resolved", N_("Resolved"), "playbook", False),
    Lane("watching", N_("Watching"), "troll", True),
    Lane("warned", N_("Warned"), "troll", False),
    Lane("blocked", N_("Blocked"), "troll", False),
    Lane("not_negative", N_("Not negative"), "false_alarm", False),
)
LANE_KEYS: tuple[str, ...] = tuple(lane.key for lane in LANES)
LANE_BY_KEY: dict[str, Lane] = {lane.key: lane for lane in LANES}
TROLL_LANES = frozenset(lane.key for lane in LANES if lane.group == "troll")
# Cards that still need an answer: the tray badge counts these when unanswered.
OPEN_LANES = ("new", "acknowledged", "offline", "watching")


class BoardError(ValueError):
    """A move or query the board cannot do; the message says why."""


def default_actor(db: Database) -> str:
    """Who is acting, for history: the "actor_name" setting, else the OS user name."""
    name = str(settings.get(db, "actor_name") or "").strip()
    if name:
        return name
    import getpass  # here: the board module is on the app's launch path, the actor is not

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user entry in a container, no env vars
        return "user"


# --- history ---------------------------------------------------------------------------


def add_event(
    db: Database,
    mention_id: int,
    kind: str,
    *,
    actor: str,
    text: str | None = None,
    data: Any = None,
    from_lane: str | None = None,
    to_lane: str | None = None,
    at: datetime | None = None,
) -> int:
    """Record one history row; commits unless the caller already has a transaction open."""
    owns = not db.conn.in_transaction
    cur = db.conn.execute(
        "INSERT INTO card_events(mention_id, at, actor, kind, from_lane, to_lane, text, data) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            mention_id,
            iso(at or utcnow()),
            actor,
            kind,
            from_lane,
            to_lane,
            text,
            None if data is None else json.dumps(data, ensure_ascii=False),
        ],
    )
    if owns:
        db.conn.commit()
    return int(cur.lastrowid or 0)


def history(db: Database, mention_id: int) -> list[dict[str, Any]]:
    """The card's events, oldest first (every member of the story)."""
    rows = db.execute(
        "SELECT e.id, e.mention_id, e.at, e.actor, e.kind, e.from_lane, e.to_lane, e.text, e.data "
        "FROM card_events e WHERE e.mention_id IN (SELECT id FROM mentions WHERE id = ? "
        "OR group_id = ?) ORDER BY e.at, e.id",
        [mention_id, mention_id],
    ).fetchall()
    keys = ("id", "mention_id", "at", "actor", "kind", "from_lane", "to_lane", "text", "data")
    out = []
    for row in rows:
        item = dict(zip(keys, row, strict=True))
        item["data"] = json.loads(item["data"]) if item["data"] else None
        out.append(item)
    return out


def add_note(db: Database, mention_id: int, text: str, *, actor: str) -> int:
    text = text.strip()
    if not text:
        raise BoardError("A note needs some text.")
    return add_event(db, mention_id, "note", actor=actor, text=text)


def assign(db: Database, mention_id: int, member_id: int | None, *, actor: str) -> None:
    """Set the card's assignee (None clears it), with a history row, in one transaction."""
    with db.conn:
        db.conn.execute(
            "UPDATE mentions SET assignee_id = ? WHERE id = ? OR group_id = ?",
            [member_id, mention_id, mention_id],
        )
        name = None
        if member_id is not None:
            row = db.execute("SELECT name FROM team_members WHERE id = ?", [member_id]).fetchone()
            if row is None:
                raise BoardError(f"There is no team member with id {member_id}.")
            name = row[0]
        add_event(db, mention_id, "assign", actor=actor, text=name, data={"member_id": member_id})


# --- moves -----------------------------------------------------------------------------


def lanes_of(db: Database, ids: Sequence[int]) -> dict[int, str | None]:
    """Each mention's lane now (the `previous` to keep for undo)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = db.execute(f"SELECT id, lane FROM mentions WHERE id IN ({marks})", list(ids))
    return {int(i): lane for i, lane in rows.fetchall()}


def _set_lanes(
    db: Database,
    targets: Mapping[int, str | None],
    *,
    actor: str,
    now: datetime | None,
    data: dict[str, Any] | None = None,
) -> tuple[list[int], dict[int, str | None]]:
    for lane in set(targets.values()):
        if lane is not None and lane not in LANE_BY_KEY:
            raise BoardError(f"Unknown lane {lane!r}; use one of: {', '.join(LANE_KEYS)}.")
    when = iso(now or utcnow())
    before = lanes_of(db, list(targets))
    missing = [i for i in targets if i not in before]
    if missing:
        raise BoardError(f"No mention with id {missing[0]}.")
    moved = [i for i, lane in targets.items() if before[i] != lane]
    with db.conn:
        for mention_id in moved:
            lane = targets[mention_id]
            db.conn.execute(
                "UPDATE mentions SET lane = ?, lane_changed = ? WHERE id = ? OR group_id = ?",
                [lane, when, mention_id, mention_id],
            )
            add_event(
                db,
                mention_id,
                "move",
                actor=actor,
                from_lane=before[mention_id],
                to_lane=lane,
                data=data,
                at=parse_iso(when),
            )
    return moved, before


def move_cards(
    db: Database,
    mention_ids: Iterable[int],
    lane: str,
    *,
    actor: str,
    now: datetime | None = None,
) -> list[int]:
    """Move cards to `lane`, committed with their history before returning the moved ids.

    A card leaving the board's negative lanes for "not_negative" teaches the scorer a false
    alarm; a mention put on the board from outside it (or back from "not_negative") teaches it
    a negative. The correction runs after the move is committed, so a failing scorer update
    never loses the move.
    """
    ids = list(dict.fromkeys(int(i) for i in mention_ids))
    moved, before = _set_lanes(db, dict.fromkeys(ids, lane), actor=actor, now=now)
    for mention_id in moved:
        previous = before[mention_id]
        if lane == "not_negative":
            _correct(db, mention_id, "not_negative")
        elif previous in (None, "not_negative"):
            _correct(db, mention_id, "negative")
    return moved


def undo_moves(
    db: Database,
    previous: Mapping[int, str | None],
    *,
    actor: str,
    now: datetime | None = None,
) -> list[int]:
    """Put cards back in the lanes they had (the `before` of a move), recorded as moves."""
    moved, _before = _set_lanes(db, previous, actor=actor, now=now, data={"undo": True})
    return moved


def _correct(db: Database, mention_id: int, label: str) -> None:
    try:
        from crisisdesk_gui.core.detect import record_correction  # type: ignore[attr-defined]
    except ImportError:
        log.warning("detect.record_correction is not available; correction not recorded")
        return
    try:
        record_correction(db, mention_id, label)
    except Exception:  # the move is committed; a scorer failure must not undo it
        log.exception("recording the %s correction for mention %s failed", label, mention_id)


# --- countdowns ------------------------------------------------------------------------


class Countdown(NamedTuple):
    state: str  # none | ok | amber | breached | answered
    seconds: int  # seconds left (negative once breached); 0 for none/answered


def countdown(
    started: datetime | None,
    first_reply_at: datetime | None,
    lane: str | None,
    target_minutes: int,
    now: datetime,
) -> Countdown:
    """The response countdown of one card: amber in the last quarter, breached after.

    The clock starts when the mention reached us (fetched time; feeds such as Google Alerts
    deliver hours late, and the team can only answer what it has seen).
    """
    if first_reply_at is not None:
        return Countdown("answered", 0)
    info = LANE_BY_KEY.get(lane or "")
    if started is None or info is None or not info.counting:
        return Countdown("none", 0)
    left = int((started + timedelta(minutes=target_minutes) - now).total_seconds())
    if left < 0:
        return Countdown("breached", left)
    if left <= target_minutes * 60 / 4:
        return Countdown("amber", left)
    return Countdown("ok", left)


# --- queries ---------------------------------------------------------------------------


class BoardFilter(NamedTuple):
    """What the board shows. Empty collections mean "any"."""

    sources: frozenset[int] = frozenset()
    langs: frozenset[str] = frozenset()
    lanes: frozenset[str] = frozenset()
    assignee: int | None = None  # -1: unassigned
    since: datetime | None = None
    until: datetime | None = None
    min_severity: int = 0
    text: str = ""
    started_since: datetime | None = None  # countdown start (fetched) at or after this
    sort: str = "urgency"  # urgency | time


class CardRow(NamedTuple):
    """What a card paints: small on purpose (a snippet, not the text) for 50,000 cards."""

    id: int
    lane: str
    source: str
    author: str
    lang: str
    snippet: str
    urgency: float
    severity: int
    started: datetime | None
    first_reply_at: datetime | None
    assignee: str
    reasons: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # all sources of a grouped story


SNIPPET_CHARS = 160
DETECTED_LANGS = ("tr", "pl", "fi", "en", "other")


def fts_query(text: str) -> str:
    """The user's words as an FTS5 prefix query over the folded text ("" when none)."""
    words = [w for w in "".join(c if c.isalnum() else " " for c in fold(text)).split() if w]
    return " ".join(f'"{w}"*' for w in words)


def _where(flt: BoardFilter, lane: str | None) -> tuple[str, list[Any]]:
    clauses = ["m.lane IS NOT NULL", "(m.group_id IS NULL OR m.group_id = m.id)"]
    params: list[Any] = []
    if lane is not None:
        clauses.append("m.lane = ?")
        params.append(lane)
    elif flt.lanes:
        clauses.append(f"m.lane IN ({','.join('?' * len(flt.lanes))})")
        params.extend(sorted(flt.lanes))
    if flt.sources:
        clauses.append(f"m.source_id IN ({','.join('?' * len(flt.sources))})")
        params.extend(sorted(flt.sources))
    if flt.langs:
        clauses.append(f"m.lang IN ({','.join('?' * len(flt.langs))})")
        params.extend(sorted(flt.langs))
    if flt.assignee == -1:
        clauses.append("m.assignee_id IS NULL")
    elif flt.assignee is not None:
        clauses.append("m.assignee_id = ?")
        params.append(flt.assignee)
    if flt.since is not None:
        clauses.append("COALESCE(m.published, m.fetched) >= ?")
        params.append(iso(flt.since))
    if flt.until is not None:
        clauses.append("COALESCE(m.published, m.fetched) < ?")
        params.append(iso(flt.until))
    if flt.started_since is not None:
        clauses.append("COALESCE(m.fetched, m.published) >= ?")
        params.append(iso(flt.started_since))
    if flt.min_severity:
        clauses.append("COALESCE(m.severity, 0) >= ?")
        params.append(flt.min_severity)
    if fts_query(flt.text):
        clauses.append("m.id IN (SELECT id FROM temp.board_hits)")
    return " AND ".join(clauses), params


def _prepare_search(db: Database, flt: BoardFilter, *, fresh: bool) -> None:
    """Evaluate the full-text query once into a temp table that every lane's query reads.

    Eight lanes and a count would otherwise run the same FTS match nine times per keystroke.
    `lane_counts` (first in every refresh) re-evaluates; later pages reuse the same hits, so
    counts and pages agree. A story matches when any of its mentions does.
    """
    query = fts_query(flt.text)
    # vars(): a probe through getattr would make a pending database import sqlite-utils.
    if not query or (not fresh and vars(db).get("_board_hits_query") == query):
        return
    with db.conn:
        db.conn.execute("CREATE TEMP TABLE IF NOT EXISTS board_hits(id INTEGER PRIMARY KEY)")
        db.conn.execute("DELETE FROM temp.board_hits")
        # Mention ids straight from the FTS index (no row reads), then the cards of grouped
        # stories whose secondary member matched (a small partial index, m303).
        db.conn.execute(
            "INSERT INTO temp.board_hits SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?",
            [query],
        )
        db.conn.execute(
            "INSERT OR IGNORE INTO temp.board_hits SELECT group_id FROM mentions "
            "INDEXED BY idx_mentions_story_members WHERE group_id IS NOT NULL AND group_id <> id "
            "AND id IN (SELECT id FROM temp.board_hits)"
        )
    db._board_hits_query = query  # type: ignore[attr-defined]


def lane_counts(db: Database, flt: BoardFilter = BoardFilter()) -> dict[str, int]:
    _prepare_search(db, flt, fresh=True)
    where, params = _where(flt, None)
    rows = db.execute(
        f"SELECT m.lane, count(*) FROM mentions m WHERE {where} GROUP BY m.lane", params
    )
    counts = dict.fromkeys(LANE_KEYS, 0)
    counts.update({lane: n for lane, n in rows.fetchall() if lane in counts})
    return counts


def _reason_texts(raw: str | None) -> tuple[str, ...]:
    if not raw:
        return ()
    try:
        items = json.loads(raw)
    except ValueError:
        return ()
    items = sorted(
        (i for i in items if isinstance(i, dict) and i.get("text")),
        key=lambda i: -abs(float(i.get("weight") or 0)),
    )
    return tuple(dict.fromkeys(str(i["text"]) for i in items))[:4]


def query_cards(
    db: Database,
    flt: BoardFilter = BoardFilter(),
    *,
    lane: str | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[CardRow]:
    """One page of cards, most urgent (or newest) first."""
    _prepare_search(db, flt, fresh=False)
    where, params = _where(flt, lane)
    order = (
        # Plain published (not COALESCE) so the (lane, published) index orders without a sort.
        "m.published DESC, m.id DESC" if flt.sort == "time" else "m.urgency DESC, m.id DESC"
    )
    # The snippet is the comment itself; a feed title ("Berbat hizmet") only when there is no text.
    sql = (
        "SELECT m.id, m.lane, COALESCE(s.name, s.url, ''), COALESCE(m.author, ''), "
        f"COALESCE(m.lang, ''), substr(COALESCE(NULLIF(m.text, ''), m.title, ''), 1, {SNIPPET_CHARS}), "
        "COALESCE(m.urgency, 0), COALESCE(m.severity, 0), COALESCE(m.fetched, m.published), "
        "m.first_reply_at, COALESCE(t.name, ''), m.reasons, "
        "(SELECT group_concat(DISTINCT COALESCE(s2.name, s2.url)) FROM mentions g "
        " JOIN sources s2 ON s2.id = g.source_id WHERE g.group_id = m.id) "
        "FROM mentions m LEFT JOIN sources s ON s.id = m.source_id "
        "LEFT JOIN team_members t ON t.id = m.assignee_id "
        f"WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?"
    )
    rows = db.execute(sql, [*params, limit, offset]).fetchall()
    cards = []
    for r in rows:
        group = tuple(r[12].split(",")) if r[12] else ()
        cards.append(
            CardRow(
                id=r[0],
                lane=r[1],
                source=r[2],
                author=r[3],
                lang=r[4],
                snippet=" ".join(r[5].split()),
                urgency=float(r[6]),
                severity=int(r[7]),
                started=parse_iso(r[8]),
                first_reply_at=parse_iso(r[9]),
                assignee=r[10],
                reasons=_reason_texts(r[11]),
                sources=group if len(group) > 1 else (),
            )
        )
    return cards


def card_detail(db: Database, mention_id: int) -> dict[str, Any] | None:
    """Everything the detail pane shows about one card."""
    row = db.execute(
        "SELECT m.*, COALESCE(s.name, s.url) AS source_name FROM mentions m "
        "LEFT JOIN sources s ON s.id = m.source_id WHERE m.id = ?",
        [mention_id],
    ).fetchone()
    if row is None:
        return None
    cols = [d[0] for d in db.execute("SELECT m.*, 1 FROM mentions m LIMIT 0").description][:-1]
    detail = dict(zip([*cols, "source_name"], row, strict=True))
    detail.pop("raw", None)
    detail["reasons"] = json.loads(detail["reasons"]) if detail.get("reasons") else []
    members = db.execute(
        "SELECT m.id, COALESCE(s.name, s.url), m.url FROM mentions m "
        "LEFT JOIN sources s ON s.id = m.source_id WHERE m.group_id = ? ORDER BY m.id",
        [mention_id],
    ).fetchall()
    detail["group"] = [{"id": i, "source": s, "url": u} for i, s, u in members]
    return detail


def unanswered_count(db: Database) -> int:
    """Cards in open lanes with no reply yet: the tray badge."""
    marks = ",".join("?" * len(OPEN_LANES))
    row = db.execute(
        f"SELECT count(*) FROM mentions WHERE lane IN ({marks}) AND first_reply_at IS NULL "
        "AND (group_id IS NULL OR group_id = id)",
        list(OPEN_LANES),
    ).fetchone()
    return int(row[0])


def filter_choices(db: Database) -> dict[str, list[tuple[Any, str]]]:
    """Values the filter bar offers: sources, languages, team members (id, label)."""
    return {
        "sources": [
            (i, n) for i, n in db.execute("SELECT id, COALESCE(name, url) FROM sources ORDER BY 2")
        ],
        # Detection knows these languages; listing them saves a scan of every mention.
        "langs": [(lang, lang.upper()) for lang in DETECTED_LANGS],
        "members": [(i, n) for i, n in db.execute("SELECT id, name FROM team_members ORDER BY 2")],
    }
