"""Ingest speed: 200 RSS feeds × 50 items on loopback, `poll --once` into an empty profile
(fetch, parse, score, store), then again with nothing changed (conditional GET), against newsboat
reloading the same corpus (`newsboat -x reload`, reload-threads 8). Target: ours ≤ 1.0× newsboat.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

FEEDS, ITEMS = 200, 50
REPO = Path(__file__).resolve().parents[1]

# Invented review-like vocabulary: varied enough that scoring is not all cache hits.
_VOCAB = (
    "bakery bread order delivery shop staff service price quality taste fresh cold late "
    "friendly rude slow quick great awful terrible lovely broken refund waited hours minutes "
    "again never always today yesterday customer manager phone email parcel box cake coffee "
    "table seat window street morning evening weekend recommend disappointed happy angry "
    "clean dirty warm burnt sweet salty portion small large cheap expensive polite helpful"
)
WORDS = _VOCAB.split()


def build_corpus(seed: int = 7) -> dict[str, tuple[bytes, str]]:
    rng = random.Random(seed)
    corpus: dict[str, tuple[bytes, str]] = {}
    for f in range(FEEDS):
        parts = [
            f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>Bench feed {f}</title><link>http://example.com/{f}</link>"
        ]
        for i in range(ITEMS):
            title = " ".join(rng.choices(WORDS, k=8))
            body = " ".join(rng.choices(WORDS, k=40))
            parts.append(
                f"<item><title>{escape(title)}</title><link>http://example.com/{f}/{i}</link>"
                f"<guid>bench-{f}-{i}</guid><description>{escape('<p>' + body + '</p>')}"
                f"</description><pubDate>{formatdate(1_760_000_000 + i * 60, usegmt=True)}"
                f"</pubDate></item>"
            )
        parts.append("</channel></rss>")
        corpus[f"/feed/{f}"] = ("".join(parts).encode(), f'"bench-{f}"')
    return corpus


def serve(corpus: dict[str, tuple[bytes, str]]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            body, etag = corpus.get(self.path, (b"", ""))
            if not body:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.request_queue_size = 256
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def timed(cmd: list[str], **kwargs: object) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, **kwargs)  # type: ignore[call-overload]
    return time.perf_counter() - started, done


class _NullScorer:
    def score(self, text: str, *, lang: str | None = None) -> object:
        from crisisdesk_gui.core.detect import Score

        return Score(lang="other", label="neutral", score=0.0)


def _poll_without_detection(profile: Path) -> float:
    """Ingest's own share of the poll, to tell it apart from the detector's."""
    from crisisdesk_gui.core import detect
    from crisisdesk_gui.core.ingest import poll_once

    hook = getattr(detect, "after_ingest", None)
    detect.after_ingest = lambda db, ids: None  # type: ignore[assignment]
    try:
        started = time.perf_counter()
        poll_once(profile, scorer=_NullScorer())
        return time.perf_counter() - started
    finally:
        if hook is not None:
            detect.after_ingest = hook  # type: ignore[assignment]


ROUNDS = 3  # best of: other work on the machine only ever makes a run slower


def _fresh_profile(urls: list[str], profile: Path) -> None:
    from crisisdesk_gui.core import sources
    from crisisdesk_gui.core.db import open_profile_db

    db = open_profile_db(profile)
    for url in urls:
        sources.add_source(db, url)
    db.conn.close()


def _ours(urls: list[str], profile: Path) -> tuple[float, float, int, int]:
    """(first poll, unchanged poll, mentions stored, mentions scored) through the CLI."""
    from crisisdesk_gui.core.db import open_profile_db

    _fresh_profile(urls, profile)
    cli = [sys.executable, "-m", "crisisdesk_gui.cli", "--data-dir", str(profile), "poll"]
    first, done = timed([*cli, "--once"], cwd=REPO)
    if done.returncode != 0:
        raise RuntimeError(f"poll failed ({done.returncode}): {done.stderr[-1000:]}")
    second, _done = timed([*cli, "--once"], cwd=REPO)
    db = open_profile_db(profile)
    stored = db.execute("SELECT count(*) FROM mentions").fetchone()[0]
    scored = db.execute("SELECT count(*) FROM mentions WHERE label IS NOT NULL").fetchone()[0]
    db.conn.close()
    return first, second, stored, scored


def _newsboat(newsboat: str, urls: list[str], work: Path) -> tuple[float, float]:
    work.mkdir()
    (work / "urls").write_text("\n".join(urls) + "\n")
    (work / "config").write_text("reload-threads 8\n")
    cmd = [
        newsboat,
        "-x",
        "reload",
        "-u",
        str(work / "urls"),
        "-c",
        str(work / "cache.db"),
        "-C",
        str(work / "config"),
    ]
    env = {"HOME": str(work), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    first, done = timed(cmd, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"newsboat failed ({done.returncode}): {done.stderr[-500:]}")
    second, _done = timed(cmd, env=env)
    return first, second


def main() -> int:
    corpus = build_corpus()
    server = serve(corpus)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    urls = [base + path for path in corpus]
    newsboat = shutil.which("newsboat")
    ours: list[tuple[float, float, int, int]] = []
    bare: list[float] = []
    theirs: list[tuple[float, float]] = []
    try:
        with tempfile.TemporaryDirectory(prefix="crisisdesk-bench-") as tmp:
            work = Path(tmp)
            # Interleaved rounds, so a busy spell on the machine does not hit one side only.
            for n in range(ROUNDS):
                ours.append(_ours(urls, work / f"ours{n}"))
                _fresh_profile(urls, work / f"bare{n}")
                bare.append(_poll_without_detection(work / f"bare{n}"))
                if newsboat is not None:
                    theirs.append(_newsboat(newsboat, urls, work / f"newsboat{n}"))
    finally:
        server.shutdown()
    first = min(r[0] for r in ours)
    second = min(r[1] for r in ours)
    stored, scored = ours[0][2], ours[0][3]
    print(f"   corpus: {FEEDS} feeds × {ITEMS} items on loopback; best of {ROUNDS} rounds")
    print(
        f"   crisisdesk poll --once, empty profile : {first:6.2f} s "
        f"({stored} mentions stored, {scored} scored)"
    )
    print(
        f"   crisisdesk poll --once, unchanged     : {second:6.2f} s "
        f"({second / first:.2f}× the first poll; conditional GET)"
    )
    print(
        f"   same first poll without detection     : {min(bare):6.2f} s "
        "(fetch, parse, store; no scorer, no troll pass)"
    )
    if newsboat is None:
        print("   newsboat not installed: comparison skipped (apt-get install newsboat)")
        return 0
    nb_first = min(t[0] for t in theirs)
    nb_second = min(t[1] for t in theirs)
    print(f"   newsboat -x reload, empty cache       : {nb_first:6.2f} s")
    print(f"   newsboat -x reload, unchanged         : {nb_second:6.2f} s")
    ratio = first / nb_first
    print(
        f"   ratio ours/newsboat, first poll       : {ratio:6.2f}  (target ≤ 1.00) "
        f"{'OK' if ratio <= 1.0 else 'SLOWER'}"
    )
    print(f"   ratio ours/newsboat, without detection: {min(bare) / nb_first:6.2f}")
    print(f"   ratio ours/newsboat, unchanged        : {second / nb_second:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
