"""kill -9 in the middle of a poll: the database opens and holds every source committed before."""

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
from crisisdesk_gui.core.ingest import poll_once
from tests.core.loopback_feeds import feed_server, held, simple_feed, sources_stored, static

REPO = Path(__file__).resolve().parents[2]
FAST, HELD, ITEMS = 20, 10, 50


def test_kill_9_mid_poll_keeps_committed_sources(data_dir: Path, db) -> None:
    gate = threading.Event()
    with feed_server() as server:
        for i in range(FAST):
            server.routes[f"/f{i}"] = static(simple_feed(f"f{i}", ITEMS))
        for i in range(HELD):
            server.routes[f"/h{i}"] = held(gate, simple_feed(f"h{i}", ITEMS))
        for path in server.routes:
            sources.add_source(db, server.url(path))
        db_file = data_dir / "crisisdesk.db"
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "crisisdesk_gui.cli",
                "--data-dir",
                str(data_dir),
                "poll",
                "--once",
            ],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own group: the kill takes its parse workers too
        )
        try:
            deadline = time.monotonic() + 90
            while sources_stored(db_file) < 3:
                assert proc.poll() is None, "the poll ended before it could be killed"
                assert time.monotonic() < deadline, "no source was committed in time"
                time.sleep(0.02)
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(30)
        finally:
            gate.set()
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(30)
    assert proc.returncode == -signal.SIGKILL

    conn = sqlite3.connect(db_file)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        per_source = dict(
            conn.execute(
                "SELECT s.id, count(m.id) FROM sources s LEFT JOIN mentions m ON m.source_id = s.id"
                " GROUP BY s.id"
            ).fetchall()
        )
        done = {r[0] for r in conn.execute("SELECT id FROM sources WHERE last_success IS NOT NULL")}
    finally:
        conn.close()
    assert 3 <= len(done) <= FAST
    # Each source is one transaction: all its items with its health, or nothing at all.
    for source_id, count in per_source.items():
        assert count == (ITEMS if source_id in done else 0), (source_id, count)
    # And the profile still works: polling the rest (their server is gone) fails cleanly.
    rest = sorted(set(per_source) - done)
    summary = poll_once(data_dir, source_ids=rest)
    assert sorted(r.source_id for r in summary.failed) == rest
