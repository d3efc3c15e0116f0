"""Alert rules: grouping, once-only, breach soon, the spike rule, quiet hours, pause, resume."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from crisisdesk_gui.core import alerts, board
from crisisdesk_gui.core.alerts import AlertEngine, NegativeItem

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def items(*ids: int, source: str = "Google Alerts") -> list[NegativeItem]:
    return [NegativeItem(i, source, f"bad thing {i}", urgency=i) for i in ids]


def card(cid: int, minutes_ago: float, *, replied: bool = False) -> board.CardRow:
    return board.CardRow(
        id=cid,
        lane="new",
        source="S",
        author="a",
        lang="en",
        snippet=f"card {cid}",
        urgency=1.0,
        severity=0,
        started=NOW - timedelta(minutes=minutes_ago),
        first_reply_at=NOW if replied else None,
        assignee="",
    )


def test_a_burst_is_one_notification_opening_the_most_urgent() -> None:
    engine = AlertEngine()
    out = engine.after_poll(items(1, 2, 3) + items(4, source="Reddit"), NOW)
    assert len(out) == 1
    assert out[0].title == "4 new negative mentions (Google Alerts, Reddit)"
    assert out[0].mention_id == 4


def test_single_item_and_nothing_twice() -> None:
    engine = AlertEngine()
    assert engine.after_poll(items(1), NOW)[0].title == "New negative mention (Google Alerts)"
    # A resumed machine polling again and getting the same items announces nothing.
    assert engine.after_poll(items(1), NOW + timedelta(hours=8)) == []
    assert len(engine.after_poll(items(1, 2), NOW)) == 1


def test_quiet_hours_wrap_midnight() -> None:
    assert alerts.in_quiet_hours(time(23, 30), "22:00", "07:00")
    assert alerts.in_quiet_hours(time(6, 59), "22:00", "07:00")
    assert not alerts.in_quiet_hours(time(7, 0), "22:00", "07:00")
    assert alerts.in_quiet_hours(time(13, 0), "12:00", "14:00")
    assert not alerts.in_quiet_hours(time(13, 0), "12:00", "12:00")


def test_quiet_hours_silence_without_replaying_later() -> None:
    local_now = NOW.astimezone()
    start = (local_now - timedelta(minutes=5)).strftime("%H:%M")
    end = (local_now + timedelta(minutes=5)).strftime("%H:%M")
    engine = AlertEngine(quiet_hours={"enabled": True, "start": start, "end": end})
    assert engine.after_poll(items(1, 2), NOW) == []
    assert engine.after_poll(items(1, 2), NOW + timedelta(hours=2)) == []
    assert len(engine.after_poll(items(3), NOW + timedelta(hours=2))) == 1


def test_pause_for_an_hour() -> None:
    engine = AlertEngine()
    engine.pause(NOW)
    assert engine.after_poll(items(1), NOW + timedelta(minutes=59)) == []
    assert len(engine.after_poll(items(2), NOW + timedelta(minutes=61))) == 1


def test_breach_soon_once_per_card_and_not_for_already_breached() -> None:
    engine = AlertEngine()
    cards = [card(1, 50), card(2, 47), card(3, 10), card(4, 90), card(5, 50, replied=True)]
    out = engine.breach_check(cards, 60, NOW)
    assert len(out) == 1 and out[0].kind == "breach_soon"
    assert out[0].title == "2 cards will breach the response target soon"
    assert out[0].mention_id == 1  # the oldest, which breaches first
    assert engine.breach_check(cards, 60, NOW + timedelta(minutes=1)) == []


def test_breach_after_sleep_is_not_announced() -> None:
    engine = AlertEngine()
    # Seen fresh before sleeping; after waking it is already breached: no alert.
    assert engine.breach_check([card(1, 5)], 60, NOW) == []
    assert engine.breach_check([card(1, 5)], 60, NOW + timedelta(hours=6)) == []


def test_spike_rule() -> None:
    assert alerts.is_spike(6, [1] * 168)
    assert not alerts.is_spike(4, [0] * 168)  # too few to call a spike
    assert not alerts.is_spike(9, [4] * 168)  # busy, but usual for this business
    assert alerts.is_spike(12, [4] * 168)
    engine = AlertEngine()
    assert len(engine.spike_check(12, [4] * 168, NOW)) == 1
    assert engine.spike_check(12, [4] * 168, NOW + timedelta(hours=1)) == []
    assert len(engine.spike_check(12, [4] * 168, NOW + timedelta(hours=4))) == 1


def test_negative_volume_buckets(db) -> None:
    db["sources"].insert({"id": 1, "url": "file:///x"})
    for i, minutes in enumerate([5, 30, 59, 61, 180, 60 * 200]):
        db["mentions"].insert(
            {
                "id": i + 1,
                "source_id": 1,
                "dedup_key": f"k{i}",
                "label": "negative",
                "fetched": (NOW - timedelta(minutes=minutes)).isoformat(),
            }
        )
    db.conn.commit()
    last, previous = alerts.negative_volume(db, NOW)
    assert last == 3 and len(previous) == 168
    assert previous[0] == 1 and previous[2] == 1 and sum(previous) == 2


def test_from_settings_turns_kinds_off() -> None:
    engine = AlertEngine.from_settings({"notify_new_negative": False})
    assert engine.after_poll(items(1), NOW) == []
