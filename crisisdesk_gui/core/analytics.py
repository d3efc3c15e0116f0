"""Review figures (Qt-free): response times, breaches, volume and negativity, each for a period
and for the previous period of the same length.

Definitions (the report and the charts say the same):
- A *card* is a board story's primary mention (`group_id` NULL or equal to its id) whose lane is
  set and is not "not_negative". It belongs to the period in which it *entered the board*:
  `fetched` (else `published`), the moment the board's countdown starts (core.board.countdown):
  the team cannot answer what the app has not seen yet, and feeds such as Google Alerts deliver
  hours late.
- *Time to first reply* = `first_reply_at` − that moment. Median is the usual one (mean of the two
  middle values for an even count); the 90th percentile uses the nearest-rank method (the value at
  rank ⌈0.9·n⌉ of the sorted times), so it is always a time that really happened.
- A *breach*: answered later than the `response_target_minutes` setting, or not answered and
  already past the target at the end of the period (or now, for a period still running) while in
  a lane where the countdown runs.
- *Volume* counts every mention by when it was said (`published`, else `fetched`), per local day,
  source and language; *negative* = on the board and not moved to "Not negative" (the user's word
  wins over the score), or labelled negative by detection.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from sqlite_utils import Database

from crisisdesk_gui.core import settings
from crisisdesk_gui.core.db import iso, parse_iso, utcnow

# Lanes where an unanswered card's countdown runs (core.board.LANES "counting"); kept here as
# plain data so the figures do not depend on the board module's import.
COUNTING_LANES = frozenset({"new", "acknowledged", "offline", "watching"})
UNASSIGNED = ""


@dataclass(frozen=True)
class Period:
    start: datetime  # inclusive
    end: datetime  # exclusive

    @property
    def length(self) -> timedelta:
        return self.end - self.start

    def previous(self) -> Period:
        return Period(self.start - self.length, self.start)

    @classmethod
    def last_days(cls, days: int, now: datetime | None = None) -> Period:
        end = now or utcnow()
        return cls(end - timedelta(days=days), end)


@dataclass
class ResponseStats:
    cards: int = 0
    answered: int = 0
    breaches: int = 0
    median_minutes: float | None = None
    p90_minutes: float | None = None

    @property
    def unanswered(self) -> int:
        return self.cards - self.answered


@dataclass
class Volume:
    total: int = 0
    negative: int = 0

    @property
    def negative_share(self) -> float | None:
        return self.negative / self.total if self.total else None


@dataclass
class Compared:
    """One figure for the period and the previous one."""

    current: Any
    previous: Any


@dataclass
class Review:
    period: Period
    target_minutes: int
    response: Compared  # of ResponseStats
    by_lane: dict[str, Compared] = field(default_factory=dict)
    by_member: dict[str, Compared] = field(default_factory=dict)  # name ("" = unassigned)
    volume: Compared = field(default_factory=lambda: Compared(Volume(), Volume()))
    by_source: dict[str, Compared] = field(default_factory=dict)
    by_lang: dict[str, Compared] = field(default_factory=dict)
    # (day, volume) for each local day of the period; previous[i] is the same offset before.
    days: Compared = field(default_factory=lambda: Compared([], []))
    # (day, response figures of the cards that entered the board that day), for the chart.
    response_days: Compared = field(default_factory=lambda: Compared([], []))

    def to_dict(self) -> dict[str, Any]:
        def plain(value: Any) -> Any:
            if isinstance(value, Compared):
                return {"current": plain(value.current), "previous": plain(value.previous)}
            if isinstance(value, ResponseStats):
                return {**asdict(value), "unanswered": value.unanswered}
            if isinstance(value, Volume):
                return {**asdict(value), "negative_share": value.negative_share}
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items()}
            if isinstance(value, list | tuple):
                return [plain(v) for v in value]
            if isinstance(value, date):
                return value.isoformat()
            return value

        return {
            "period": {"start": iso(self.period.start), "end": iso(self.period.end)},
            "previous": {
                "start": iso(self.period.previous().start),
                "end": iso(self.period.previous().end),
            },
            "target_minutes": self.target_minutes,
            "response": plain(self.response),
            "by_lane": plain(self.by_lane),
            "by_member": plain(self.by_member),
            "volume": plain(self.volume),
            "by_source": plain(self.by_source),
            "by_lang": plain(self.by_lang),
            "days": plain(self.days),
            "response_days": plain(self.response_days),
        }


def change(current: float | None, previous: float | None) -> float | None:
    """Relative change (0.25 = +25 %); None when there is nothing to compare with."""
    if current is None or previous is None or previous == 0:
        return None
    return (current - previous) / previous


def percentile_nearest_rank(values: list[float], pct: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True)
class _Row:
    id: int
    primary: bool
    source: str
    lang: str
    lane: str | None
    label: str | None
    member: str
    said_at: datetime | None
    started: datetime | None
    replied: datetime | None

    @property
    def negative(self) -> bool:
        if self.lane is not None:
            return self.lane != "not_negative"
        return self.label == "negative"

    @property
    def is_card(self) -> bool:
        return self.primary and self.lane is not None and self.lane != "not_negative"


def _rows(db: Database, start: datetime, end: datetime) -> list[_Row]:
    sql = """
        SELECT m.id, (m.group_id IS NULL OR m.group_id = m.id) AS primary_,
               COALESCE(s.name, s.url, '') AS source, COALESCE(m.lang, 'other') AS lang,
               m.lane, m.label, COALESCE(t.name, '') AS member,
               COALESCE(m.published, m.fetched) AS said_at,
               COALESCE(m.fetched, m.published) AS started, m.first_reply_at
        FROM mentions m
        LEFT JOIN sources s ON s.id = m.source_id
        LEFT JOIN team_members t ON t.id = m.assignee_id
        WHERE (COALESCE(m.published, m.fetched) >= ? AND COALESCE(m.published, m.fetched) < ?)
           OR (COALESCE(m.fetched, m.published) >= ? AND COALESCE(m.fetched, m.published) < ?)
    """
    # Stored times are ISO text in UTC, so text comparison is time order.
    bounds = [iso(start), iso(end)] * 2
    return [
        _Row(
            r[0],
            bool(r[1]),
            r[2],
            r[3],
            r[4],
            r[5],
            r[6],
            parse_iso(r[7]),
            parse_iso(r[8]),
            parse_iso(r[9]),
        )
        for r in db.execute(sql, bounds).fetchall()
    ]


def response_stats(
    rows: Iterable[_Row], target: timedelta, period_end: datetime, now: datetime
) -> ResponseStats:
    stats = ResponseStats()
    times: list[float] = []
    horizon = min(period_end, now)
    for row in rows:
        stats.cards += 1
        if row.replied is not None and row.started is not None:
            stats.answered += 1
            waited = max(row.replied - row.started, timedelta(0))
            times.append(waited.total_seconds() / 60)
            stats.breaches += waited > target
        elif row.started is not None and row.lane in COUNTING_LANES:
            stats.breaches += horizon - row.started > target
    if times:
        stats.median_minutes = statistics.median(times)
        stats.p90_minutes = percentile_nearest_rank(times, 90)
    return stats


def review(
    db: Database,
    period: Period,
    *,
    now: datetime | None = None,
    tz: tzinfo | None = None,
) -> Review:
    """Every figure for `period` and the previous period of the same length."""
    now = now or utcnow()
    zone = tz or datetime.now(UTC).astimezone().tzinfo or UTC
    target_minutes = int(settings.get(db, "response_target_minutes") or 60)
    target = timedelta(minutes=target_minutes)
    previous = period.previous()
    rows = _rows(db, previous.start, period.end)

    def inside(moment: datetime | None, p: Period) -> bool:
        return moment is not None and p.start <= moment < p.end

    def cards(p: Period) -> list[_Row]:
        return [r for r in rows if r.is_card and inside(r.started, p)]

    def said(p: Period) -> list[_Row]:
        return [r for r in rows if inside(r.said_at, p)]

    result = Review(period, target_minutes, Compared(None, None))
    for slot, p in (("current", period), ("previous", previous)):
        in_period = cards(p)
        setattr(result.response, slot, response_stats(in_period, target, p.end, now))
        for attr, key in (("by_lane", "lane"), ("by_member", "member")):
            groups: dict[str, list[_Row]] = defaultdict(list)
            for row in in_period:
                groups[getattr(row, key)].append(row)
            table: dict[str, Compared] = getattr(result, attr)
            for name, members in groups.items():
                entry = table.setdefault(name, Compared(ResponseStats(), ResponseStats()))
                setattr(entry, slot, response_stats(members, target, p.end, now))
        mentions = said(p)
        setattr(result.volume, slot, _volume(mentions))
        for attr, key in (("by_source", "source"), ("by_lang", "lang")):
            vol_table: dict[str, Compared] = getattr(result, attr)
            for row in mentions:
                entry = vol_table.setdefault(getattr(row, key), Compared(Volume(), Volume()))
                _count(getattr(entry, slot), row)
        setattr(result.days, slot, _per_day(mentions, p, zone))
        by_day: dict[date, list[_Row]] = defaultdict(list)
        for row in in_period:
            assert row.started is not None
            by_day[row.started.astimezone(zone).date()].append(row)
        setattr(
            result.response_days,
            slot,
            [(day, response_stats(by_day[day], target, p.end, now)) for day in _days(p, zone)],
        )
    return result


def _volume(rows: Iterable[_Row]) -> Volume:
    volume = Volume()
    for row in rows:
        _count(volume, row)
    return volume


def _count(volume: Volume, row: _Row) -> None:
    volume.total += 1
    volume.negative += row.negative


def _days(period: Period, zone: tzinfo) -> list[date]:
    first = period.start.astimezone(zone).date()
    last = (period.end - timedelta(microseconds=1)).astimezone(zone).date()
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _per_day(rows: list[_Row], period: Period, zone: tzinfo) -> list[tuple[date, Volume]]:
    days = {day: Volume() for day in _days(period, zone)}
    for row in rows:
        assert row.said_at is not None
        day = row.said_at.astimezone(zone).date()
        if day in days:
            _count(days[day], row)
    return list(days.items())
