"""The sample-data profile: recent dates, four languages, several lanes, a spike, trolls."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crisisdesk_gui.cli import main as cli_main
from crisisdesk_gui.core import demo, settings, sources
from crisisdesk_gui.core.db import open_profile_db, parse_iso


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory):
    data_dir = tmp_path_factory.mktemp("demo") / "profile"
    now = datetime.now(UTC)
    summary = demo.fill_demo(data_dir, now=now)
    db = open_profile_db(data_dir)
    yield summary, db, now
    db.conn.close()


def test_filled_from_every_feed_without_errors(filled) -> None:
    summary, db, _now = filled
    assert summary.errors == []
    assert summary.sources == len(demo.FEEDS)
    per_source = dict(db.execute("SELECT source_id, count(*) FROM mentions GROUP BY 1").fetchall())
    assert len(per_source) == len(demo.FEEDS) and min(per_source.values()) >= 5
    assert settings.get(db, "business_name") == "Lezzet Fırını"
    assert settings.get(db, "first_run_done") is True
    assert db["team_members"].count == 3
    assert {k["word"] for k in sources.list_keywords(db)} >= {"Lezzet Fırını"}


def test_dates_look_recent(filled) -> None:
    _summary, db, now = filled
    published = [parse_iso(r[0]) for r in db.execute("SELECT published FROM mentions")]
    assert max(published) <= now
    assert now - max(published) < timedelta(minutes=10)
    assert now - min(published) < timedelta(days=8)


def test_cards_in_several_lanes_and_languages(filled) -> None:
    summary, db, _now = filled
    assert len(summary.lanes) >= 6
    assert {"new", "acknowledged", "offline", "resolved", "watching"} <= set(summary.lanes)
    langs = {r[0] for r in db.execute("SELECT DISTINCT lang FROM mentions WHERE lane IS NOT NULL")}
    assert {"tr", "pl", "fi", "en"} <= langs
    assert db.execute("SELECT count(*) FROM card_events WHERE kind = 'move'").fetchone()[0] > 5
    assert db.execute("SELECT count(*) FROM mentions WHERE assignee_id IS NOT NULL").fetchone()[0]
    # Cards arrived over the week (countdowns differ) and some were answered.
    assert db.execute("SELECT count(DISTINCT fetched) FROM mentions").fetchone()[0] > 20
    assert db.execute("SELECT count(*) FROM mentions WHERE first_reply_at IS NOT NULL").fetchone()[
        0
    ]


def test_a_spike_in_the_last_hour(filled) -> None:
    _summary, db, now = filled
    rows = db.execute("SELECT published FROM mentions WHERE label = 'negative'").fetchall()
    times = [parse_iso(r[0]) for r in rows]
    last_hour = sum(1 for t in times if now - t <= timedelta(hours=1))
    day_before = sum(1 for t in times if timedelta(hours=1) < now - t <= timedelta(hours=25))
    assert last_hour >= 15
    assert last_hour >= 5 * max(day_before / 24, 1)  # against the usual hourly level


def test_trolls_repeat_one_insult_under_several_names(filled) -> None:
    _summary, db, _now = filled
    rows = db.execute(
        "SELECT text, count(DISTINCT author) FROM mentions GROUP BY text HAVING count(*) > 1"
    ).fetchall()
    assert max(n for _text, n in rows) >= 5
    severe = db.execute("SELECT count(*) FROM mentions WHERE severity >= 2").fetchone()[0]
    assert severe >= 3  # food poisoning in several languages


def test_filling_again_adds_nothing(filled) -> None:
    summary, _db, _now = filled
    again = demo.fill_demo(summary.data_dir)
    assert again.mentions == summary.mentions
    assert again.errors == []


def test_refuses_a_profile_with_its_own_sources(db, data_dir: Path, tmp_path: Path) -> None:
    feed = tmp_path / "mine.rss"
    feed.write_text("<rss version='2.0'><channel><title>x</title></channel></rss>")
    sources.add_source(db, str(feed))
    with pytest.raises(demo.DemoError, match="separate"):
        demo.fill_demo(data_dir)
    with pytest.raises(demo.DemoError):
        demo.fill_demo(data_dir, reset=True)
    assert not (data_dir / demo.FEEDS_FOLDER).exists()  # nothing written
    assert (data_dir / "crisisdesk.db").exists()
    assert [s["url"] for s in sources.list_sources(db)] == [feed.resolve().as_uri()]


def test_an_old_demo_is_filled_afresh(tmp_path: Path) -> None:
    data_dir = tmp_path / "old-demo"
    long_ago = datetime.now(UTC) - timedelta(days=3)
    first = demo.fill_demo(data_dir, now=long_ago)
    assert demo.is_stale(data_dir)
    summary = demo.fill_demo(data_dir, reset=True)
    assert not demo.is_stale(data_dir)
    assert datetime.now(UTC) - demo.newest_mention(data_dir) < timedelta(minutes=10)
    assert summary.mentions == first.mentions and summary.errors == []


def test_shift_dates() -> None:
    rss = (
        "<pubDate>Mon, 02 Jun 2025 11:00:00 +0000</pubDate><updated>2025-06-02T11:00:00Z</updated>"
    )
    out = demo.shift_dates(rss, timedelta(days=1, minutes=5))
    assert "<pubDate>Tue, 03 Jun 2025 11:05:00 +0000</pubDate>" in out
    assert "<updated>2025-06-03T11:05:00Z</updated>" in out
    js = '{"items": [{"date_published": "2025-06-02T11:00:00Z"}]}'
    assert "2025-06-02T12:00:00Z" in demo.shift_dates(js, timedelta(hours=1), json_feed=True)


def test_cli_demo_fills_the_given_profile(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    target = tmp_path / "cli-demo"
    assert cli_main(["--data-dir", str(target), "demo"]) == 0
    out = capsys.readouterr().out
    assert str(target) in out
    assert (target / "crisisdesk.db").exists()
