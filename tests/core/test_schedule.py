from __future__ import annotations

from datetime import UTC, datetime, timedelta

from crisisdesk_gui.core import schedule

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def test_backoff_doubles_and_is_capped_at_a_week() -> None:
    assert schedule.backoff(0, 30) == timedelta(minutes=30)
    assert [schedule.backoff(n, 30) for n in (1, 2, 3)] == [
        timedelta(minutes=30),
        timedelta(hours=1),
        timedelta(hours=2),
    ]
    assert schedule.backoff(12, 30) == timedelta(days=7)
    assert schedule.backoff(10_000, 30) == timedelta(days=7)
    assert schedule.backoff(1, None) == timedelta(minutes=schedule.DEFAULT_EVERY_MINUTES)


def test_retry_after_wins_when_later_but_never_beyond_a_week() -> None:
    assert schedule.after_failure(NOW, 1, 30, NOW + timedelta(hours=3)) == NOW + timedelta(hours=3)
    assert schedule.after_failure(NOW, 1, 30, NOW + timedelta(minutes=1)) == NOW + timedelta(
        minutes=30
    )
    assert schedule.after_failure(NOW, 1, 30, NOW + timedelta(days=60)) == NOW + timedelta(days=7)
    assert schedule.after_success(NOW, 15) == NOW + timedelta(minutes=15)
    assert schedule.after_success(NOW, 0) == NOW + timedelta(minutes=30)


def test_due_and_next_due() -> None:
    due = {"next_attempt": None}
    later = {"next_attempt": (NOW + timedelta(minutes=5)).isoformat()}
    paused = {"next_attempt": None, "paused": 1}
    assert schedule.is_due(due, NOW) and not schedule.is_due(later, NOW)
    assert not schedule.is_due(paused, NOW)
    assert schedule.next_due([later, paused], NOW) == NOW + timedelta(minutes=5)
    assert schedule.next_due([later, due], NOW) == NOW
    assert schedule.next_due([paused], NOW) is None
