"""The poller runs core.ingest.poll_once off the UI thread and reports by signals."""

from __future__ import annotations

import threading
from pathlib import Path

from crisisdesk_gui.core import sources
from crisisdesk_gui.services.poller import JUMP_SECONDS, Poller, PollResult

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Local</title><link>https://example.org/</link>
<description>test</description>
<item><title>Terrible service</title><link>https://example.org/1</link><guid>a1</guid>
<description>Terrible service, rude staff, never again. Not good at all.</description></item>
<item><title>Hiç memnun kalmadım</title><link>https://example.org/2</link><guid>a2</guid>
<description>Hiç memnun kalmadım, ekmek bayattı.</description></item>
</channel></rss>
"""


def test_poll_off_the_ui_thread_with_a_local_file(qtbot, db, data_dir: Path, tmp_path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED, encoding="utf-8")
    sources.add_source(db, str(feed), name="Local file")
    poller = Poller(data_dir)
    progress: list[tuple[int, int, str]] = []
    poller.progress.connect(lambda d, t, n: progress.append((d, t, n)))
    main = threading.get_ident()
    with qtbot.waitSignal(poller.finished, timeout=60_000) as done:
        assert poller.poll_now()
        assert poller.running
        assert not poller.poll_now()  # a request during a poll waits, it does not stack
    result: PollResult = done.args[0]
    assert not result.error and len(result.new_ids) == 2 and result.sources_ok == 1
    assert progress and progress[-1][:2] == (1, 1) and progress[-1][2] == "Local file"
    # The pending request runs once afterwards and finds nothing new.
    with qtbot.waitSignal(poller.finished, timeout=60_000) as again:
        pass
    assert again.args[0].new_ids == ()
    assert poller.wait(10_000) and threading.get_ident() == main
    stored = db.execute("SELECT count(*) FROM mentions").fetchone()[0]
    assert stored == 2


def test_failure_is_reported_not_raised(qtbot, data_dir: Path, monkeypatch) -> None:
    import crisisdesk_gui.core.ingest as ingest

    def broken(*_a, **_k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ingest, "poll_once", broken)
    poller = Poller(data_dir)
    with qtbot.waitSignal(poller.finished, timeout=10_000) as done:
        poller.poll_now()
    assert done.args[0].error == "disk full" and not poller.running


def test_sleep_is_detected_by_a_wall_clock_jump(qtbot, data_dir: Path) -> None:
    poller = Poller(data_dir)
    poller.check_clock(wall=1000.0, mono=50.0)
    with qtbot.assertNotEmitted(poller.resumed):
        assert not poller.check_clock(wall=1060.0, mono=110.0)  # a normal minute
    with qtbot.waitSignal(poller.resumed):
        assert poller.check_clock(wall=1060.0 + 8 * 3600, mono=170.0)  # slept 8 hours
    assert not poller.check_clock(wall=1060.0 + 8 * 3600 + JUMP_SECONDS, mono=170.0 + JUMP_SECONDS)


def test_stopping_ends_a_poll_under_way_at_once(qtbot, db, data_dir: Path) -> None:
    """Quitting during a poll does not wait for a slow host (its fetch deadline is 45 s)."""
    from tests.core.loopback_feeds import feed_server, held, simple_feed, static

    gate, arrived = threading.Event(), threading.Semaphore(0)

    with feed_server() as server:
        server.routes["/fast"] = static(simple_feed("fast", 3))
        server.routes["/slow"] = held(gate, simple_feed("slow", 3), arrived)
        for path in server.routes:
            sources.add_source(db, server.url(path))
        poller = Poller(data_dir)
        try:
            assert poller.poll_now()
            qtbot.waitUntil(lambda: arrived.acquire(blocking=False), timeout=60_000)
            # Waiting for the slow host would take its read timeout, 15 s.
            with qtbot.waitSignal(poller.finished, timeout=8_000) as done:
                poller.stop()
        finally:
            gate.set()
            poller.wait(60_000)
    result: PollResult = done.args[0]
    assert not result.error and result.summary.stopped
