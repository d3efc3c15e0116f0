"""Ctrl-C during `poll --once`: the poll stops at once, not when the slowest download gives up,
and keeps what it stored before."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from crisisdesk_gui.core import sources
from tests.core.loopback_feeds import (
    FeedServer,
    feed_server,
    held,
    simple_feed,
    sources_stored,
    static,
)

REPO = Path(__file__).resolve().parents[2]
FAST, HELD, ITEMS = 4, 3, 5


def add_fast_and_held_sources(
    server: FeedServer, db, gate: threading.Event, arrived: threading.Semaphore
) -> None:
    """FAST feeds that answer at once and HELD ones that wait for `gate`."""
    for i in range(FAST):
        server.routes[f"/f{i}"] = static(simple_feed(f"f{i}", ITEMS))
    for i in range(HELD):
        server.routes[f"/h{i}"] = held(gate, simple_feed(f"h{i}", ITEMS), arrived)
    for path in server.routes:
        sources.add_source(db, server.url(path))


def test_ctrl_c_stops_a_poll_at_once_and_keeps_what_was_stored(data_dir: Path, db) -> None:
    gate = threading.Event()
    arrived = threading.Semaphore(0)
    with feed_server() as server:
        add_fast_and_held_sources(server, db, gate, arrived)
        db_file = data_dir / "crisisdesk.db"
        cli = [sys.executable, "-m", "crisisdesk_gui.cli", "--data-dir", str(data_dir)]
        proc = subprocess.Popen(
            [*cli, "poll", "--once"],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # its own group, which gets the SIGINT as a terminal's would
        )
        try:
            for _ in range(HELD):
                assert arrived.acquire(timeout=90), "the held downloads never started"
            deadline = time.monotonic() + 90
            while sources_stored(db_file) < FAST:
                assert proc.poll() is None, "the poll ended before the interrupt"
                assert time.monotonic() < deadline, "the fast sources were not stored in time"
                time.sleep(0.02)
            interrupted = time.monotonic()
            os.killpg(proc.pid, signal.SIGINT)
            _out, err = proc.communicate(timeout=60)
            took = time.monotonic() - interrupted
        finally:
            gate.set()
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(30)
    assert proc.returncode == 130, err
    # Waiting for the held downloads would take the read timeout (15 s) at least; the bound
    # leaves room for a machine busy with other work (a 6 s bound failed once under load).
    assert took < 10, took
    assert "Traceback" not in err, err  # neither the poll nor its parse workers
    assert sources_stored(db_file) == FAST
    count = sqlite3.connect(db_file).execute("SELECT count(*) FROM mentions").fetchone()[0]
    assert count == FAST * ITEMS


def test_a_stop_event_ends_a_poll_within_a_moment(data_dir: Path, db) -> None:
    """What the app does when it quits during a poll."""
    from crisisdesk_gui.core.ingest import poll_once

    gate = threading.Event()
    arrived = threading.Semaphore(0)
    stop = threading.Event()
    with feed_server() as server:
        add_fast_and_held_sources(server, db, gate, arrived)
        done: list[object] = []
        poll = threading.Thread(target=lambda: done.append(poll_once(data_dir, stop=stop)))
        poll.start()
        try:
            for _ in range(HELD):
                assert arrived.acquire(timeout=90), "the held downloads never started"
            deadline = time.monotonic() + 90
            while sources_stored(data_dir / "crisisdesk.db") < FAST:
                assert poll.is_alive(), "the poll ended before it was stopped"
                assert time.monotonic() < deadline, "the fast sources were not stored in time"
                time.sleep(0.02)
            stopped_at = time.monotonic()
            stop.set()
            poll.join(60)
            took = time.monotonic() - stopped_at
        finally:
            gate.set()
            poll.join(60)
    assert took < 10, took  # the read timeout is 15 s
    (summary,) = done
    assert summary.stopped
    assert len(summary.results) == FAST and summary.ok
    assert sources_stored(data_dir / "crisisdesk.db") == FAST
