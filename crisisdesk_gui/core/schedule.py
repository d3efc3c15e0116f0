"""When a source is next polled: its interval after a success, exponential backoff after failures.

Pure functions over datetimes, so the poller, the CLI loop and the tests agree on one rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from crisisdesk_gui.core.db import parse_iso

MAX_BACKOFF = timedelta(days=7)
MIN_INTERVAL = timedelta(minutes=1)
DEFAULT_EVERY_MINUTES = 30


def interval(every_minutes: int | None) -> timedelta:
    return max(timedelta(minutes=every_minutes or DEFAULT_EVERY_MINUTES), MIN_INTERVAL)


def backoff(failures: int, every_minutes: int | None) -> timedelta:
    """The wait after the n-th consecutive failure: the interval, doubled per failure, ≤ a week."""
    if failures <= 0:
        return interval(every_minutes)
    base = interval(every_minutes)
    # Cap the exponent before multiplying so a source failing for years cannot overflow.
    factor = 2 ** min(failures - 1, 20)
    return min(base * factor, MAX_BACKOFF)


def after_success(now: datetime, every_minutes: int | None) -> datetime:
    return now + interval(every_minutes)


def after_failure(
    now: datetime, failures: int, every_minutes: int | None, retry_after: datetime | None = None
) -> datetime:
    """Backoff, but never earlier than the server's Retry-After (nor later than a week)."""
    due = now + backoff(failures, every_minutes)
    if retry_after is not None:
        due = max(due, min(retry_after, now + MAX_BACKOFF))
    return due


def is_due(source: Mapping[str, Any], now: datetime) -> bool:
    if source.get("paused"):
        return False
    nxt = parse_iso(source.get("next_attempt"))
    return nxt is None or nxt <= now


def next_due(sources: Iterable[Mapping[str, Any]], now: datetime) -> datetime | None:
    """The earliest moment any active source is due (now when one already is), None if none."""
    best: datetime | None = None
    for source in sources:
        if source.get("paused"):
            continue
        nxt = parse_iso(source.get("next_attempt")) or now
        nxt = max(nxt, now)
        if best is None or nxt < best:
            best = nxt
    return best
