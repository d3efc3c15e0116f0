"""Hostile hosts on loopback: the poll ends in bounded time, good sources are stored, each bad
source says why."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from crisisdesk_gui.core import sources
from crisisdesk_gui.core.fetch import Limits
from crisisdesk_gui.core.ingest import poll_once
from tests.core.loopback_feeds import (
    BILLION_LAUGHS,
    XXE,
    endless,
    feed_server,
    gzip_bomb,
    quadratic_blowup,
    redirect,
    simple_feed,
    static,
    trickle,
    trickle_headers,
)

LIMITS = Limits(max_bytes=10 * 1024 * 1024, connect_timeout=2, read_timeout=2, total_timeout=3)


def test_hostile_hosts_are_contained(data_dir: Path, db, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    with feed_server() as server:
        server.routes.update(
            {
                "/good1": static(simple_feed("good1", 5)),
                "/good2": static(simple_feed("good2", 7)),
                "/bomb": gzip_bomb(server),
                "/huge": endless(server),
                "/trickle": trickle(server),
                "/trickle-headers": trickle_headers(server),
                "/loop-a": redirect("/loop-b"),
                "/loop-b": redirect("/loop-a"),
                "/busy": static(
                    b"slow down", "text/plain", status=429, headers={"Retry-After": "7200"}
                ),
                "/html": static(
                    b"<!DOCTYPE html><html><head><title>Shop</title></head>"
                    b"<body>Welcome</body></html>",
                    "text/html",
                ),
                "/empty": static(b""),
                "/junk": static(bytes(range(256)) * 64, "application/octet-stream"),
                "/xxe": static(XXE.replace(b"{path}", str(secret).encode())),
                "/laughs": static(BILLION_LAUGHS),
                "/quadratic": static(quadratic_blowup()),
            }
        )
        ids = {path: sources.add_source(db, server.url(path)) for path in server.routes}
        started = time.monotonic()
        summary = poll_once(data_dir, source_ids=list(ids.values()), limits=LIMITS)
        elapsed = time.monotonic() - started

    # Bounded: every limit is a few seconds and sources are fetched concurrently.
    assert elapsed < 30, elapsed
    by_id = {r.source_id: r for r in summary.results}
    assert len(by_id) == len(ids)
    assert by_id[ids["/good1"]].new == 5 and by_id[ids["/good2"]].new == 7
    stored = {r["source_id"] for r in sources.list_mentions(db)}
    assert {ids["/good1"], ids["/good2"]} <= stored

    rows = {r["id"]: r for r in sources.list_sources(db)}

    def error(path: str) -> str:
        row = rows[ids[path]]
        assert row["failures"] == 1, (path, row)
        assert row["next_attempt"], path
        return row["last_error"]

    assert "larger than 10 MB" in error("/bomb")
    assert "larger than 10 MB" in error("/huge")
    assert "too slow" in error("/trickle")
    assert "too slow" in error("/trickle-headers")
    assert "loop" in error("/loop-a")
    assert "429" in error("/busy") and "too many requests" in error("/busy")
    assert "web page (HTML)" in error("/html")
    assert "empty" in error("/empty")
    assert "binary data" in error("/junk")
    # Retry-After (two hours) beats the first backoff step (30 minutes).
    assert rows[ids["/busy"]]["next_attempt"] > by_id[ids["/good1"]].next_attempt.isoformat()

    # Entities are never expanded from a DOCTYPE, external ones never resolved.
    everything = " ".join(f"{m['title']} {m['text']}" for m in sources.list_mentions(db))
    assert "TOP-SECRET-VALUE" not in everything
    assert "lollollol" not in everything
    for path in ("/xxe", "/laughs", "/quadratic"):
        row = rows[ids[path]]
        assert row["last_error"] or row["last_success"], path


POLL_WITHOUT_SCORER = """
import sys
from pathlib import Path
from crisisdesk_gui.core.detect import Score
from crisisdesk_gui.core.ingest import poll_once

class Neutral:  # the detector's lexicons are not what this test measures
    def score(self, text, *, lang=None):
        return Score(lang="en", label="neutral", score=0.0)

summary = poll_once(Path(sys.argv[1]), scorer=Neutral())
print(sorted((r.new, r.error or "") for r in summary.results))
# VmHWM is this process's own peak; ru_maxrss would include the parent's size at fork time.
hwm = [line for line in Path("/proc/self/status").read_text().splitlines()
       if line.startswith("VmHWM:")][0]
print("peak-kb", hwm.split()[1])
"""


def test_bombs_and_endless_bodies_stay_within_bounded_memory(data_dir: Path, db) -> None:
    """A poll of a gzip bomb (a GB unpacked) and 500 MB without Content-Length peaks near the
    10 MB cap, far from what the bodies would take."""
    import subprocess
    import sys

    if not Path("/proc/self/status").exists():
        pytest.skip("needs Linux /proc to read the peak memory of a process")
    repo = Path(__file__).resolve().parents[2]
    with feed_server() as server:
        server.routes.update(
            {
                "/bomb": gzip_bomb(server),
                "/huge": endless(server),
                "/good": static(simple_feed("good", 3)),
            }
        )
        for path in server.routes:
            sources.add_source(db, server.url(path))
        proc = subprocess.Popen(
            [sys.executable, "-c", POLL_WITHOUT_SCORER, str(data_dir)],
            cwd=repo,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        out, _err = proc.communicate(timeout=110)
    out = out.decode()
    assert proc.returncode == 0, out
    assert out.count("larger than 10 MB") == 2 and "(3, '')" in out, out
    peak_mb = int(out.rsplit("peak-kb", 1)[1]) / 1024
    assert peak_mb < 250, (peak_mb, out)
