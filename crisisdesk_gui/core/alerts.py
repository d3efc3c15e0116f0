"""Alert rules (Qt-free): what deserves a notification, grouped so a burst is one message.

The rules, also stated in the README section "Alerts":

- New negative mentions found by one poll make ONE notification ("3 new negative mentions
  (Google Alerts: …)"), never one per item. A mention is announced at most once.
- Breach soon: a card still unanswered enters the last quarter of its response target (the
  amber countdown). Each card is announced once; cards that breached while nobody watched
  (the machine slept) are not announced afterwards: the red board and the badge show them.
- Spike: the negative mentions that arrived in the last hour number at least SPIKE_MIN and at
  least SPIKE_FACTOR times the usual hourly level, which is the mean hourly count over the
  previous 7 days (168 hours, the last hour excluded). At most one spike alert per
  SPIKE_COOLDOWN.
- Quiet hours (setting "quiet_hours", local time, may wrap midnight) and "pause alerts for
  1 hour" silence notifications; the board and the badge still update, and nothing silenced is
  replayed later as a burst.
- Sleep and resume: the engine remembers what it announced, so a poll after waking (or two
  polls returning the same items) announces only what is genuinely new, in one message.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from crisisdesk_gui.core import board
from crisisdesk_gui.core.db import iso, parse_iso
from crisisdesk_gui.core.i18n import _, format_number, ngettext

if TYPE_CHECKING:
    from sqlite_utils import Database

SPIKE_MIN = 5
SPIKE_FACTOR = 3.0
SPIKE_WINDOW_HOURS = 168
SPIKE_COOLDOWN = timedelta(hours=3)
# The engine forgets announced ids beyond this many, oldest first; plenty for a day of polls.
MEMORY = 20_000


class Alert(NamedTuple):
    kind: str  # new_negative | breach_soon | spike
    title: str
    message: str
    mention_id: int | None = None  # the card a click on the notification opens


class NegativeItem(NamedTuple):
    """A new negative mention as the poller reports it (plain data)."""

    id: int
    source: str
    snippet: str
    urgency: float = 0.0


def in_quiet_hours(now_local: time, start: str, end: str) -> bool:
    """True when `now_local` falls in [start, end), which may wrap past midnight."""
    s, e = _parse_hhmm(start), _parse_hhmm(end)
    if s == e:
        return False
    if s < e:
        return s <= now_local < e
    return now_local >= s or now_local < e


def _parse_hhmm(text: str) -> time:
    hours, _sep, minutes = text.partition(":")
    return time(int(hours) % 24, int(minutes or 0) % 60)


def is_spike(last_hour: int, previous_hours: Sequence[int]) -> bool:
    """The spike rule (module docstring): well above the usual hourly level, and not tiny."""
    usual = sum(previous_hours) / len(previous_hours) if previous_hours else 0.0
    return last_hour >= SPIKE_MIN and last_hour >= SPIKE_FACTOR * usual


def negative_volume(db: Database, now: datetime) -> tuple[int, list[int]]:
    """Negative mentions fetched in the last hour, and per hour over the 7 days before it."""
    start = now - timedelta(hours=SPIKE_WINDOW_HOURS + 1)
    rows = db.execute(
        "SELECT fetched FROM mentions WHERE label = 'negative' AND fetched >= ? AND fetched < ?",
        [iso(start), iso(now)],
    ).fetchall()
    buckets = [0] * (SPIKE_WINDOW_HOURS + 1)
    for (fetched,) in rows:
        when = parse_iso(fetched)
        if when is None:
            continue
        age = int((now - when).total_seconds() // 3600)
        if 0 <= age <= SPIKE_WINDOW_HOURS:
            buckets[age] += 1
    return buckets[0], buckets[1:]


def new_negative_alert(items: Sequence[NegativeItem]) -> Alert | None:
    """One notification for a whole batch of new negatives; a click opens the most urgent."""
    if not items:
        return None
    top = max(items, key=lambda i: (i.urgency, i.id))
    if len(items) == 1:
        return Alert(
            "new_negative",
            _("New negative mention ({source})").format(source=top.source),
            _shorten(top.snippet),
            top.id,
        )
    sources = list(dict.fromkeys(i.source for i in items))
    where = ", ".join(sources[:3]) + ("…" if len(sources) > 3 else "")
    title = ngettext(
        "{n} new negative mention ({sources})",
        "{n} new negative mentions ({sources})",
        len(items),
    ).format(n=len(items), sources=where)
    return Alert("new_negative", title, _shorten(top.snippet), top.id)


def _shorten(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class AlertEngine:
    """Remembers what was announced and applies quiet hours and pauses. No Qt, no clock."""

    def __init__(
        self,
        quiet_hours: dict[str, Any] | None = None,
        notify_new: bool = True,
        notify_breach: bool = True,
        notify_spike: bool = True,
    ) -> None:
        self.quiet_hours: dict[str, Any] = quiet_hours or {}
        self.notify_new = notify_new
        self.notify_breach = notify_breach
        self.notify_spike = notify_spike
        self.paused_until: datetime | None = None
        self._announced: dict[int, None] = {}  # ordered: the oldest are forgotten first
        self._breach_announced: set[int] = set()
        self._last_spike: datetime | None = None

    @classmethod
    def from_settings(cls, values: dict[str, Any]) -> AlertEngine:
        return cls(
            quiet_hours=dict(values.get("quiet_hours") or {}),
            notify_new=bool(values.get("notify_new_negative", True)),
            notify_breach=bool(values.get("notify_breach", True)),
            notify_spike=bool(values.get("notify_spike", True)),
        )

    def pause(self, now: datetime, hours: float = 1.0) -> None:
        self.paused_until = now + timedelta(hours=hours)

    def silenced(self, now: datetime) -> bool:
        if self.paused_until is not None and now < self.paused_until:
            return True
        q = self.quiet_hours
        return bool(q.get("enabled")) and in_quiet_hours(
            now.astimezone().time(), str(q.get("start", "22:00")), str(q.get("end", "07:00"))
        )

    def after_poll(self, items: Iterable[NegativeItem], now: datetime) -> list[Alert]:
        """Alerts for a poll's new negatives; items seen before are dropped silently."""
        fresh = [i for i in items if i.id not in self._announced]
        for item in fresh:
            self._announced[item.id] = None
        while len(self._announced) > MEMORY:
            self._announced.pop(next(iter(self._announced)))
        if not self.notify_new or self.silenced(now):
            return []
        alert = new_negative_alert(fresh)
        return [alert] if alert else []

    def breach_check(
        self, cards: Iterable[board.CardRow], target_minutes: int, now: datetime
    ) -> list[Alert]:
        """One alert for the unanswered cards that just entered the amber quarter."""
        soon: list[board.CardRow] = []
        for card in cards:
            state = board.countdown(
                card.started, card.first_reply_at, card.lane, target_minutes, now
            )
            if state.state == "amber" and card.id not in self._breach_announced:
                soon.append(card)
            if state.state in ("amber", "breached"):
                self._breach_announced.add(card.id)
        if not soon or not self.notify_breach or self.silenced(now):
            return []
        top = min(soon, key=lambda c: c.started or now)
        left = board.countdown(top.started, None, top.lane, target_minutes, now).seconds
        minutes = max(1, left // 60)
        title = ngettext(
            "{n} card will breach the response target soon",
            "{n} cards will breach the response target soon",
            len(soon),
        ).format(n=len(soon))
        message = ngettext(
            "The first in {m} minute: {snippet}",
            "The first in {m} minutes: {snippet}",
            minutes,
        ).format(m=minutes, snippet=_shorten(top.snippet, 90))
        return [Alert("breach_soon", title, message, top.id)]

    def spike_check(
        self, last_hour: int, previous_hours: Sequence[int], now: datetime
    ) -> list[Alert]:
        if not is_spike(last_hour, previous_hours):
            return []
        if self._last_spike is not None and now - self._last_spike < SPIKE_COOLDOWN:
            return []
        self._last_spike = now
        if not self.notify_spike or self.silenced(now):
            return []
        usual = sum(previous_hours) / len(previous_hours) if previous_hours else 0.0
        title = _("Spike in negative mentions")
        message = ngettext(
            "{n} negative mention in the last hour (usually {usual} an hour)",
            "{n} negative mentions in the last hour (usually {usual} an hour)",
            last_hour,
        ).format(n=last_hour, usual=format_number(round(usual, 1)))
        return [Alert("spike", title, message, None)]
