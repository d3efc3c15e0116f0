from __future__ import annotations

import gzip
import os
import zlib
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from crisisdesk_gui import __version__
from crisisdesk_gui.core.fetch import Limits, fetch, parse_retry_after
from tests.core.loopback_feeds import feed_server, redirect, send, simple_feed, static

FEED = simple_feed("f", 3)
NOW = datetime(2026, 11, 22, 11, 0, tzinfo=UTC)


def test_user_agent_and_conditional_get() -> None:
    with feed_server() as server:
        server.routes["/feed"] = static(FEED, etag='"v1"')
        first = fetch(server.url("/feed"))
        assert first.ok and first.status == 200 and first.body == FEED
        assert first.etag == '"v1"'
        second = fetch(server.url("/feed"), etag=first.etag)
        assert second.not_modified and second.body == b""
        hits = server.hits("/feed")
    assert hits[0]["user-agent"] == f"CrisisDesk/{__version__} (+feed reader)"
    assert "if-none-match" not in hits[0] and hits[1]["if-none-match"] == '"v1"'


def test_last_modified_is_sent_back() -> None:
    stamp = "Sun, 22 Nov 2026 10:00:00 GMT"

    def route(h: BaseHTTPRequestHandler) -> None:
        if h.headers.get("If-Modified-Since") == stamp:
            send(h, 304, b"")
        else:
            send(h, 200, FEED, headers={"Last-Modified": stamp})

    with feed_server() as server:
        server.routes["/feed"] = route
        first = fetch(server.url("/feed"))
        assert first.last_modified == stamp
        assert fetch(server.url("/feed"), last_modified=stamp).not_modified


def test_gzip_and_both_deflate_flavours_are_unpacked() -> None:
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    bodies = {
        "/gzip": (gzip.compress(FEED), "gzip"),
        "/zlib": (zlib.compress(FEED), "deflate"),
        "/raw": (raw.compress(FEED) + raw.flush(), "deflate"),
    }
    with feed_server() as server:
        for path, (body, enc) in bodies.items():
            server.routes[path] = static(body, headers={"Content-Encoding": enc})
        for path in bodies:
            result = fetch(server.url(path))
            assert result.ok and result.body == FEED, path
        assert "gzip" in server.hits("/gzip")[0]["accept-encoding"]


def test_decompressed_size_is_capped() -> None:
    with feed_server() as server:
        server.routes["/big"] = static(
            gzip.compress(b" " * 300_000), headers={"Content-Encoding": "gzip"}
        )
        result = fetch(server.url("/big"), limits=Limits(max_bytes=100_000))
    assert not result.ok and "larger than" in result.error


def test_redirects_are_followed_up_to_five() -> None:
    with feed_server() as server:
        for i in range(7):
            server.routes[f"/r{i}"] = redirect(f"/r{i + 1}")
        server.routes["/r7"] = static(FEED)
        ok = fetch(server.url("/r2"))  # five hops: r2→r3→r4→r5→r6→r7
        assert ok.ok and ok.body == FEED and ok.final_url == server.url("/r7")
        too_many = fetch(server.url("/r1"))
        assert not too_many.ok and "more than 5 times" in too_many.error


def test_credentials_go_only_to_the_origin_host() -> None:
    with feed_server() as server, feed_server() as other:
        other.routes["/feed"] = static(FEED)
        server.routes["/private"] = static(FEED)
        server.routes["/away"] = redirect(other.url("/feed"))
        assert fetch(server.url("/private"), auth=("ann", "s3cret")).ok
        assert fetch(server.url("/away"), auth=("ann", "s3cret")).ok
        assert server.hits("/private")[0]["authorization"].startswith("Basic ")
        assert "authorization" not in other.hits("/feed")[0]


def test_retry_after_on_429_and_503() -> None:
    later = NOW + timedelta(hours=3)
    with feed_server() as server:
        server.routes["/429"] = static(b"", status=429, headers={"Retry-After": "600"})
        server.routes["/503"] = static(
            b"", status=503, headers={"Retry-After": later.strftime("%a, %d %b %Y %H:%M:%S GMT")}
        )
        busy = fetch(server.url("/429"), now=NOW)
        down = fetch(server.url("/503"), now=NOW)
    assert busy.retry_after == NOW + timedelta(seconds=600)
    assert "429 (too many requests)" in busy.error and "Retrying after" in busy.error
    assert down.retry_after == later and "503" in down.error


def test_parse_retry_after_forms() -> None:
    assert parse_retry_after("120", NOW) == NOW + timedelta(minutes=2)
    assert parse_retry_after("Sun, 22 Nov 2026 12:00:00 GMT", NOW) == NOW + timedelta(hours=1)
    assert parse_retry_after("Sun, 22 Nov 2020 12:00:00 GMT", NOW) == NOW  # past: now
    assert parse_retry_after("9" * 40, NOW) == NOW + timedelta(days=365)
    assert parse_retry_after("soon", NOW) is None and parse_retry_after(None, NOW) is None


def test_http_errors_and_refused_connections_are_words() -> None:
    with feed_server() as server:
        gone = fetch(server.url("/nothing-here"))
        port = server.port
    assert "404" in gone.error and "not found" in gone.error
    refused = fetch(f"http://127.0.0.1:{port}/feed", limits=Limits(connect_timeout=2))
    assert refused.error and "127.0.0.1" in refused.error
    assert "http://" in fetch("ftp://example.com/feed").error


def test_local_files_are_read_capped_and_conditional(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(FEED)
    first = fetch(str(path))
    assert first.ok and first.body == FEED and first.last_modified
    assert fetch(path.as_uri(), last_modified=first.last_modified).not_modified
    os.utime(path, (1, 1))
    assert fetch(path.as_uri(), last_modified=first.last_modified).body == FEED
    assert "larger than" in fetch(str(path), limits=Limits(max_bytes=10)).error
    assert "does not exist" in fetch(str(tmp_path / "missing.xml")).error


def test_unparseable_addresses_are_an_error_not_an_exception() -> None:
    for url in ("http://[::1", "http://exa\x00mple.com/"):
        result = fetch(url, limits=Limits(connect_timeout=1, total_timeout=2))
        assert not result.ok and result.error
