from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crisisdesk_gui.core import detect, sources
from crisisdesk_gui.core.detect import Reason, Score
from crisisdesk_gui.core.ingest import poll_once
from crisisdesk_gui.core.parse import normalise_link
from tests.core.loopback_feeds import rss, simple_feed


class FakeScorer:
    """Negative when the text says "awful"; enough to check what ingest does with a Score."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def score(self, text: str, *, lang: str | None = None) -> Score:
        self.calls.append(text)
        if "awful" in text:
            return Score(
                lang="en",
                label="negative",
                score=0.9,
                severity=1,
                reasons=(Reason("negative", "awful", 0.9),),
            )
        return Score(lang="en", label="neutral", score=0.1)


def write(path: Path, body: bytes) -> str:
    path.write_bytes(body)
    return str(path)


def touch_later(path: Path) -> None:
    # Local sources use the file's mtime as Last-Modified; make the change visible.
    stat = path.stat()
    import os

    os.utime(path, (stat.st_atime + 5, stat.st_mtime + 5))


@pytest.fixture
def scorer() -> FakeScorer:
    return FakeScorer()


def all_ids(db) -> list[int]:
    return [r["id"] for r in sources.list_sources(db)]


def test_items_are_stored_once_and_edits_update_in_place(data_dir, db, tmp_path, scorer) -> None:
    feed = tmp_path / "feed.xml"
    write(feed, simple_feed("a", 3))
    sources.add_source(db, str(feed))
    first = poll_once(data_dir, scorer=scorer)
    assert first.ok and len(first.new_ids) == 3
    again = poll_once(data_dir, source_ids=all_ids(db), scorer=scorer)
    assert again.results[0].not_modified and again.new_ids == []

    items = [
        {
            "title": "a item 0",
            "guid": "a-0",
            "link": "http://example.com/a/0",
            "description": "Edited: this is awful",
        },
        {
            "title": "a item 1",
            "guid": "a-1",
            "link": "http://example.com/a/1",
            "description": "<p>Text of a item 1</p>",
        },
    ]
    write(feed, rss(items))
    touch_later(feed)
    edited = poll_once(data_dir, source_ids=all_ids(db), scorer=scorer)
    assert edited.results[0].updated == 1 and edited.results[0].new == 0
    rows = {m["id"]: m for m in sources.list_mentions(db)}
    assert len(rows) == 3
    changed = rows[first.new_ids[0]]
    assert changed["text"] == "Edited: this is awful"
    assert changed["label"] == "negative" and changed["lane"] == "new"


def test_dedup_falls_back_to_link_then_content_hash(data_dir, db, tmp_path, scorer) -> None:
    items = [
        {"title": "linked", "link": "http://example.com/x"},
        {"title": "no link at all", "description": "only words here"},
    ]
    feed = tmp_path / "feed.xml"
    write(feed, rss(items))
    sources.add_source(db, str(feed))
    poll_once(data_dir, scorer=scorer)
    touch_later(feed)
    second = poll_once(data_dir, source_ids=all_ids(db), scorer=scorer)
    assert second.new_ids == [] and second.results[0].updated == 0
    keys = sorted(r[0].split(":")[0] for r in db.execute("SELECT dedup_key FROM mentions"))
    assert keys == ["hash", "link"]


def test_same_story_on_several_sources_shares_a_group(data_dir, db, tmp_path, scorer) -> None:
    story = "A long enough story about the bakery closing its doors on Monday"
    one = write(
        tmp_path / "one.xml",
        rss(
            [
                {
                    "title": "Bakery closes",
                    "link": "https://news.example/story?utm_source=x",
                    "guid": "n1",
                    "description": story,
                },
                {
                    "title": "Syndicated",
                    "link": "https://other.example/copy",
                    "guid": "n2",
                    "description": story,
                },
            ]
        ),
    )
    two = write(
        tmp_path / "two.xml",
        rss(
            [
                {
                    "title": "Bakery closes!",
                    "link": "http://www.news.example/story/",
                    "guid": "m1",
                    "description": "different words",
                },
                {
                    "title": "Syndicated",
                    "link": "https://third.example/again",
                    "guid": "m2",
                    "description": story,
                },
                {"title": "Unrelated", "link": "https://u.example/", "guid": "m3"},
            ]
        ),
    )
    sources.add_source(db, one)
    sources.add_source(db, two)
    poll_once(data_dir, scorer=scorer)
    rows = {r["url"]: r for r in sources.list_mentions(db)}

    def same_group(*urls: str) -> None:
        group = [rows[u] for u in urls]
        lead = min(m["id"] for m in group)  # whichever source was stored first leads the card
        assert all(m["group_id"] == lead for m in group), group

    same_group("https://news.example/story?utm_source=x", "http://www.news.example/story/")
    same_group("https://other.example/copy", "https://third.example/again")  # same words
    same_group("https://u.example/")
    assert (
        normalise_link("HTTPS://WWW.a.example/p/?b=2&a=1&utm_medium=m#frag")
        == "a.example/p?a=1&b=2"
    )


def test_keywords_only_sources_match_without_case_or_diacritics(
    data_dir, db, tmp_path, scorer
) -> None:
    feed = write(
        tmp_path / "forum.xml",
        rss(
            [
                {"title": "lezzet firini rezalet", "guid": "1"},
                {"title": "LEZZET FIRINI'nda kuyruk", "guid": "2"},
                {"title": "başka bir fırın", "guid": "3"},
                {"title": "Zamówienie z Łodzi", "guid": "4"},
            ]
        ),
    )
    sources.add_source(db, feed, keywords_only=True)
    sources.add_keywords(db, ["Lezzet Fırını", "lodzi"])
    summary = poll_once(data_dir, scorer=scorer)
    assert summary.results[0].new == 3 and summary.results[0].skipped == 1
    matched = {m["title"]: m["matched_keywords"] for m in sources.list_mentions(db)}
    assert matched["lezzet firini rezalet"] == ["Lezzet Fırını"]
    assert matched["LEZZET FIRINI'nda kuyruk"] == ["Lezzet Fırını"]
    assert matched["Zamówienie z Łodzi"] == ["lodzi"]


def test_every_item_source_keeps_everything_and_records_matches(
    data_dir, db, tmp_path, scorer
) -> None:
    feed = write(
        tmp_path / "alerts.xml",
        rss([{"title": "about Lezzet", "guid": "1"}, {"title": "about nothing", "guid": "2"}]),
    )
    sources.add_source(db, feed)
    sources.add_keywords(db, ["lezzet"])
    poll_once(data_dir, scorer=scorer)
    assert sorted(len(m["matched_keywords"]) for m in sources.list_mentions(db)) == [0, 1]


def test_scores_lanes_and_after_ingest(data_dir, db, tmp_path, scorer, monkeypatch) -> None:
    seen: list[list[int]] = []
    monkeypatch.setattr(
        detect, "after_ingest", lambda db, ids: seen.append(list(ids)), raising=False
    )
    feed = write(
        tmp_path / "f.xml",
        rss([{"title": "awful service", "guid": "1"}, {"title": "fine", "guid": "2"}]),
    )
    sources.add_source(db, feed)
    summary = poll_once(data_dir, scorer=scorer)
    assert seen == [summary.new_ids] and len(summary.negative_ids) == 1
    bad = db.execute(
        "SELECT lane, label, score, severity, urgency, reasons, lang, lane_changed"
        " FROM mentions WHERE id = ?",
        summary.negative_ids,
    ).fetchone()
    assert bad[:5] == ("new", "negative", 0.9, 1, pytest.approx(19.0))
    assert json.loads(bad[5]) == [{"kind": "negative", "text": "awful", "weight": 0.9}]
    assert bad[6] == "en" and bad[7]
    fine = db.execute("SELECT lane, label FROM mentions WHERE title = 'fine'").fetchone()
    assert fine == (None, "neutral")


def test_failures_back_off_and_success_resets(data_dir, db, tmp_path, scorer) -> None:
    good = write(tmp_path / "good.xml", simple_feed("g", 2))
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<html><body>moved</body></html>")
    good_id = sources.add_source(db, good, every_minutes=10)
    bad_id = sources.add_source(db, str(broken), every_minutes=10)
    now = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    for attempt in (1, 2, 3):
        summary = poll_once(data_dir, source_ids=[good_id, bad_id], scorer=scorer, now=now)
        assert [r.ok for r in sorted(summary.results, key=lambda r: r.source_id)] == [True, False]
        row = sources.get_source(db, bad_id)
        assert row["failures"] == attempt
        assert row["next_attempt"] == (now + timedelta(minutes=10 * 2 ** (attempt - 1))).isoformat()
    assert "web page (HTML)" in row["last_error"]
    text = sources.health_text(row, now)
    assert "never fetched successfully" in text and "3 failures: The address returns" in text

    # Not due yet: a scheduled poll leaves it alone; once due it is tried again.
    assert poll_once(data_dir, scorer=scorer, now=now).results == []
    broken.write_bytes(simple_feed("b", 1))
    later = now + timedelta(days=1)
    summary = poll_once(data_dir, scorer=scorer, now=later)
    assert {r.source_id for r in summary.results} == {good_id, bad_id} and summary.ok
    row = sources.get_source(db, bad_id)
    assert row["failures"] == 0 and row["last_error"] is None
    assert row["next_attempt"] == (later + timedelta(minutes=10)).isoformat()
    assert sources.health_text(row, later + timedelta(hours=2)).startswith("last OK 2 hours ago")


def test_one_source_storage_failure_does_not_stop_the_others(
    data_dir, db, tmp_path, scorer
) -> None:
    class Exploding(FakeScorer):
        def score(self, text: str, *, lang: str | None = None) -> Score:
            if "boom" in text:
                raise RuntimeError("scorer bug")
            return super().score(text)

    sources.add_source(db, write(tmp_path / "a.xml", rss([{"title": "boom", "guid": "1"}])))
    sources.add_source(db, write(tmp_path / "b.xml", rss([{"title": "ok", "guid": "1"}])))
    summary = poll_once(data_dir, scorer=Exploding())
    assert len(summary.failed) == 1 and "scorer bug" in summary.failed[0].error
    assert [m["title"] for m in sources.list_mentions(db)] == ["ok"]


def test_many_sources_parse_in_worker_processes(data_dir, db, tmp_path, scorer) -> None:
    for i in range(6):
        sources.add_source(db, write(tmp_path / f"f{i}.xml", simple_feed(f"s{i}", 4)))
    summary = poll_once(data_dir, scorer=scorer)
    assert summary.ok and len(summary.new_ids) == 24
    assert (
        db.execute("SELECT count(*) FROM sources WHERE last_success IS NOT NULL").fetchone()[0] == 6
    )
    names = {r["name"] for r in sources.list_sources(db)}
    assert names == {f"s{i}" for i in range(6)}
    # Full-text search over folded text finds the stored items.
    hits = db.execute("SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH 's3'").fetchone()
    assert hits[0] == 4


def test_a_broken_worker_pool_falls_back_to_parsing_here(
    data_dir, db, tmp_path, scorer, monkeypatch
) -> None:
    # Workers that die (killed for memory, a bundle that cannot start them) break the pool;
    # the poll still parses every feed in this process.
    from concurrent.futures import Executor
    from concurrent.futures.process import BrokenProcessPool

    from crisisdesk_gui.core import ingest

    class Broken(Executor):
        def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
            raise BrokenProcessPool("a worker died")

    monkeypatch.setattr(ingest, "_parse_pool", lambda *_a: Broken())
    for i in range(4):
        sources.add_source(db, write(tmp_path / f"f{i}.xml", simple_feed(f"s{i}", 3)))
    summary = poll_once(data_dir, scorer=scorer)
    assert summary.ok and len(summary.new_ids) == 12


def test_a_poll_with_nothing_changed_starts_no_workers(
    data_dir, db, tmp_path, scorer, monkeypatch
) -> None:
    # Starting the parse workers costs a CLI poll most of its time; a poll whose feeds all
    # answer "not modified" has nothing for them to do.
    from crisisdesk_gui.core import ingest

    started: list[int] = []
    real = ingest._parse_pool

    def counting(processes, db_file):  # type: ignore[no-untyped-def]
        started.append(processes)
        return real(processes, db_file)

    monkeypatch.setattr(ingest, "_parse_pool", counting)
    feeds = [write(tmp_path / f"f{i}.xml", simple_feed(f"s{i}", 2)) for i in range(4)]
    for feed in feeds:
        sources.add_source(db, feed)
    first = poll_once(data_dir, scorer=scorer)
    assert first.ok and len(first.new_ids) == 8 and len(started) == 1
    again = poll_once(data_dir, source_ids=all_ids(db), scorer=scorer)
    assert all(r.not_modified for r in again.results) and len(started) == 1
    # One changed feed among unchanged ones: the workers start for it.
    write(tmp_path / "f2.xml", simple_feed("s2", 3))
    touch_later(tmp_path / "f2.xml")
    third = poll_once(data_dir, source_ids=all_ids(db), scorer=scorer)
    assert third.ok and len(third.new_ids) == 1 and len(started) == 2


def test_private_feed_gets_basic_auth_from_the_keyring(data_dir, db, scorer) -> None:
    from crisisdesk_gui.core import secrets
    from tests.core.loopback_feeds import feed_server, static

    secrets.use_memory_backend()
    with feed_server() as server:
        server.routes["/private"] = static(simple_feed("p", 1))
        server.routes["/public"] = static(simple_feed("q", 1))
        private = sources.add_source(db, server.url("/private"))
        sources.add_source(db, server.url("/public"))
        secrets.set_source_credentials(db, private, "ann", "s3cret")
        assert poll_once(data_dir, scorer=scorer).ok
        assert server.hits("/private")[0]["authorization"] == "Basic YW5uOnMzY3JldA=="
        assert "authorization" not in server.hits("/public")[0]


def test_source_store_functions(db, tmp_path) -> None:
    feed = write(tmp_path / "f.xml", simple_feed("x", 1))
    source_id = sources.add_source(db, feed, name="Mine")
    assert sources.get_source(db, source_id)["kind"] == "file"
    assert sources.guess_kind("https://www.google.com/alerts/feeds/1/2") == "google_alerts"
    assert sources.guess_kind("https://www.reddit.com/r/x/search.rss?q=y") == "reddit"
    sources.update_source(db, source_id, every_minutes=5, paused=1, keywords_only=1)
    row = sources.get_source(db, source_id)
    assert (row["every_minutes"], row["paused"], row["keywords_only"]) == (5, 1, 1)
    assert sources.health_text(row).startswith("paused, not fetched yet")
    with pytest.raises(sources.SourceError):
        sources.update_source(db, source_id, etag="x")
    with pytest.raises(sources.SourceError, match="already in the list"):
        sources.add_source(db, feed)
    assert sources.add_keywords(db, ["Łódź", "lodz", "  "]) == ["Łódź"]
    assert sources.remove_keyword(db, "LODZ") and sources.list_keywords(db) == []
    assert sources.remove_source(db, source_id) and not sources.remove_source(db, source_id)
    assert sources.normalise_url("feed://example.com/rss") == "https://example.com/rss"


def test_health_text_names_the_error_and_the_next_try() -> None:
    now = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    row = {
        "last_success": (now - timedelta(hours=2)).isoformat(),
        "last_attempt": now.isoformat(),
        "failures": 3,
        "last_error": "The server answered 503 (service unavailable).",
        "next_attempt": (now + timedelta(hours=4)).isoformat(),
    }
    assert sources.health_text(row, now) == (
        "last OK 2 hours ago, 3 failures: The server answered 503 (service unavailable)., "
        "next try in 4 hours"
    )


def test_big_polls_are_scored_in_the_workers(data_dir, db, tmp_path, monkeypatch) -> None:
    from crisisdesk_gui.core import ingest

    monkeypatch.setattr(ingest, "SCORE_IN_WORKERS_FROM", 3)
    # Were the writer to score, this would fail the poll: the workers must have done it.
    monkeypatch.setattr(ingest, "_load_scorer", lambda db: None)
    for i in range(3):
        items = [
            {"title": "Terrible service, never again", "guid": f"{i}-bad"},
            {"title": "Lovely bread", "guid": f"{i}-ok"},
        ]
        sources.add_source(db, write(tmp_path / f"f{i}.xml", rss(items)))
    summary = poll_once(data_dir)
    assert summary.ok and len(summary.new_ids) == 6
    labels = db.execute("SELECT count(*) FROM mentions WHERE label IS NOT NULL").fetchone()
    assert labels[0] == 6
