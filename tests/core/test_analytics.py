"""Review figures on a small fixture whose answers were worked out by hand (see the comments)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from crisisdesk_gui.core import analytics
from crisisdesk_gui.core.analytics import Period, percentile_nearest_rank

T0 = datetime(2026, 11, 10, tzinfo=UTC)
PERIOD = Period(T0, T0 + timedelta(days=2))  # 10–11 Nov; previous period: 8–9 Nov
NOW = datetime(2026, 11, 20, tzinfo=UTC)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


def add(
    db,
    mid,
    fetched,
    *,
    reply=None,
    lane=None,
    who=None,
    src=1,
    lang="tr",
    label="negative",
    group=None,
    published=None,
) -> None:
    db["mentions"].insert(
        {
            "id": mid,
            "dedup_key": f"k{mid}",
            "source_id": src,
            "lang": lang,
            "label": label,
            "lane": lane,
            "assignee_id": who,
            "group_id": group,
            "fetched": fetched.isoformat(),
            "published": (published or fetched).isoformat(),
            "first_reply_at": (fetched + timedelta(minutes=reply)).isoformat() if reply else None,
        }
    )


@pytest.fixture
def fixture_db(db):
    db["sources"].insert_all(
        [
            {"id": 1, "url": "file:a", "name": "Google Alerts"},
            {"id": 2, "url": "file:b", "name": "Reddit"},
        ]
    )
    db["team_members"].insert_all([{"id": 1, "name": "Ayşe"}, {"id": 2, "name": "Paweł"}])
    # Current period. Reply times (minutes): 10, 30, 45, 90, 120 and 15 for the late one.
    add(db, 1, at(10, 0), reply=10, lane="resolved", who=1)
    add(db, 2, at(10, 3), reply=30, lane="acknowledged", who=1)
    add(db, 3, at(10, 6), reply=45, lane="offline", who=2, src=2, lang="pl")
    add(db, 4, at(11, 1), reply=90, lane="resolved", who=2, src=2, lang="pl")  # breach
    add(db, 5, at(11, 2), reply=120, lane="acknowledged", lang="en")  # breach
    add(db, 6, at(11, 10), lane="new", lang="en")  # unanswered, overdue at period end: breach
    add(db, 7, at(11, 11), lane="blocked", src=2, lang="fi")  # troll, no countdown: no breach
    add(db, 8, at(11, 12), lane="not_negative", lang="en")  # false alarm: not a card
    add(db, 9, at(10, 4), label="neutral", lang="en")  # not on the board
    add(db, 10, at(11, 13), label="positive", src=2, lang="fi")
    add(db, 11, at(10, 1), lane="resolved", src=2, group=1)  # same story as 1: not a card
    # Said on 9 Nov 23:00 but reached us 10 Nov 01:00: a card now, volume in the previous period.
    add(db, 12, at(10, 1), reply=15, lane="resolved", published=at(9, 23))
    # Previous period: replies 20, 40, 70 (breach), 60 (exactly the target: no breach).
    add(db, 21, at(8, 9), reply=20, lane="resolved", who=1)
    add(db, 22, at(9, 9), reply=40, lane="resolved", who=1)
    add(db, 23, at(9, 10), reply=70, lane="resolved", who=2, src=2, lang="pl")
    add(db, 24, at(9, 11), reply=60, lane="acknowledged", who=2)
    add(db, 25, at(8, 12), label="neutral", lang="en")
    add(db, 30, at(12, 0), reply=5, lane="resolved")  # after the period: ignored
    db.conn.commit()
    return db


def test_nearest_rank_percentile() -> None:
    assert percentile_nearest_rank([], 90) is None
    assert percentile_nearest_rank([5.0], 90) == 5.0
    assert percentile_nearest_rank([float(v) for v in range(1, 11)], 90) == 9.0  # rank 9 of 10
    assert percentile_nearest_rank([1.0, 2.0, 3.0, 4.0, 100.0], 90) == 100.0  # rank ⌈4.5⌉ = 5


def test_response_figures_against_the_previous_period(fixture_db) -> None:
    rv = analytics.review(fixture_db, PERIOD, now=NOW, tz=UTC)
    cur, prev = rv.response.current, rv.response.previous
    # 8 cards: 1–7 and 12. Sorted times 10 15 30 45 90 120 → median (30+45)/2, p90 rank ⌈5.4⌉=6.
    assert (cur.cards, cur.answered, cur.unanswered) == (8, 6, 2)
    assert (cur.median_minutes, cur.p90_minutes, cur.breaches) == (37.5, 120.0, 3)
    # 20 40 60 70 → median 50, p90 rank ⌈3.6⌉ = 4 → 70; only 70 is over the 60-minute target.
    assert (prev.cards, prev.answered, prev.median_minutes, prev.p90_minutes, prev.breaches) == (
        4,
        4,
        50.0,
        70.0,
        1,
    )
    assert analytics.change(cur.median_minutes, prev.median_minutes) == pytest.approx(-0.25)
    assert analytics.change(cur.breaches, prev.breaches) == pytest.approx(2.0)


def test_per_lane_and_per_member(fixture_db) -> None:
    rv = analytics.review(fixture_db, PERIOD, now=NOW, tz=UTC)
    lanes = {
        k: (v.current.cards, v.current.median_minutes, v.current.p90_minutes, v.current.breaches)
        for k, v in rv.by_lane.items()
    }
    assert lanes == {
        "resolved": (3, 15.0, 90.0, 1),  # 10, 15, 90
        "acknowledged": (2, 75.0, 120.0, 1),  # 30, 120
        "offline": (1, 45.0, 45.0, 0),
        "new": (1, None, None, 1),
        "blocked": (1, None, None, 0),
    }
    assert rv.by_lane["resolved"].previous.cards == 3
    members = {
        k: (v.current.cards, v.current.answered, v.current.median_minutes, v.current.breaches)
        for k, v in rv.by_member.items()
    }
    assert members == {
        "Ayşe": (2, 2, 20.0, 0),  # 10, 30
        "Paweł": (2, 2, 67.5, 1),  # 45, 90
        "": (4, 2, 67.5, 2),  # unassigned: 5 (120), 12 (15), 6 and 7 unanswered
    }
    assert rv.by_member["Paweł"].previous.median_minutes == 65.0  # 70, 60


def test_volume_and_negative_share(fixture_db) -> None:
    rv = analytics.review(fixture_db, PERIOD, now=NOW, tz=UTC)
    # Current: 1–11 = 11 mentions; negative: 1–7 and 11 (8 is "not negative", 9, 10 neutral).
    assert (rv.volume.current.total, rv.volume.current.negative) == (11, 8)
    assert rv.volume.current.negative_share == pytest.approx(8 / 11)
    # Previous: 21–25 and 12 (said on the 9th) = 6, negative 5.
    assert (rv.volume.previous.total, rv.volume.previous.negative) == (6, 5)
    days = [(d, v.total, v.negative) for d, v in rv.days.current]
    assert days == [(date(2026, 11, 10), 5, 4), (date(2026, 11, 11), 6, 4)]
    assert [(d, v.total, v.negative) for d, v in rv.days.previous] == [
        (date(2026, 11, 8), 2, 1),
        (date(2026, 11, 9), 4, 4),
    ]
    response_days = [(d, r.cards, r.median_minutes) for d, r in rv.response_days.current]
    # 10 Nov: 1 (10), 2 (30), 3 (45), 12 (15) → median 22.5; 11 Nov: 4 (90), 5 (120), 6, 7.
    assert response_days == [(date(2026, 11, 10), 4, 22.5), (date(2026, 11, 11), 4, 105.0)]
    sources = {
        k: (v.current.total, v.current.negative, v.previous.total, v.previous.negative)
        for k, v in rv.by_source.items()
    }
    assert sources == {"Google Alerts": (6, 4, 5, 4), "Reddit": (5, 4, 1, 1)}
    langs = {k: (v.current.total, v.current.negative) for k, v in rv.by_lang.items()}
    assert langs == {"tr": (3, 3), "pl": (2, 2), "en": (4, 2), "fi": (2, 1)}


def test_unanswered_card_in_a_running_period_breaches_only_once_overdue(db) -> None:
    add(db, 1, at(10, 10), lane="new")
    db.conn.commit()
    period = Period(at(10, 0), at(11, 0))
    assert analytics.review(db, period, now=at(10, 10, 59), tz=UTC).response.current.breaches == 0
    assert analytics.review(db, period, now=at(10, 11, 1), tz=UTC).response.current.breaches == 1


def test_target_comes_from_settings_and_json_is_plain(fixture_db) -> None:
    from crisisdesk_gui.core import settings

    settings.set_(fixture_db, "response_target_minutes", 30)
    rv = analytics.review(fixture_db, PERIOD, now=NOW, tz=UTC)
    assert rv.response.current.breaches == 4  # 45, 90, 120 and the overdue card 6
    data = rv.to_dict()
    import json

    assert json.loads(json.dumps(data))["response"]["current"]["median_minutes"] == 37.5
    assert data["days"]["current"][0][0] == "2026-11-10"
    assert data["previous"]["start"] == "2026-11-08T00:00:00+00:00"
