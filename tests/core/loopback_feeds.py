"""A threaded HTTP server on 127.0.0.1 for ingest tests: well-behaved feeds and hostile hosts.

Routes map a path to a function(handler). Hostile bodies are generated while they are sent,
never stored; every endless route stops when the client hangs up or the server stops.
"""

from __future__ import annotations

import sqlite3
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

Route = Callable[[BaseHTTPRequestHandler], None]


def rss(items: list[dict[str, str]], title: str = "Feed") -> bytes:
    parts = [
        f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>{escape(title)}</title><link>http://example.com/</link>"
    ]
    for item in items:
        parts.append("<item>")
        for key in ("title", "link", "guid", "description", "author", "pubDate"):
            if key in item:
                parts.append(f"<{key}>{escape(item[key])}</{key}>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


def simple_feed(prefix: str, n: int, title: str | None = None) -> bytes:
    return rss(
        [
            {
                "title": f"{prefix} item {i}",
                "link": f"http://example.com/{prefix}/{i}",
                "guid": f"{prefix}-{i}",
                "description": f"<p>Text of {prefix} item {i}</p>",
                "pubDate": formatdate(1_700_000_000 + i * 60, usegmt=True),
            }
            for i in range(n)
        ],
        title or prefix,
    )


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.stop = threading.Event()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                with server._lock:
                    server.requests.append(
                        (self.path, {k.lower(): v for k, v in self.headers.items()})
                    )
                route = server.routes.get(self.path.split("?")[0])
                try:
                    if route is None:
                        send(self, 404, b"not here", "text/plain")
                    else:
                        route(self)
                except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> FeedServer:
        self._thread.start()
        return self

    def close(self) -> None:
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def hits(self, path: str) -> list[dict[str, str]]:
        with self._lock:
            return [h for p, h in self.requests if p.split("?")[0] == path]


@contextmanager
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer().start()
    try:
        yield server
    finally:
        server.close()


def send(
    handler: BaseHTTPRequestHandler,
    status: int,
    body: bytes,
    ctype: str = "application/rss+xml",
    headers: dict[str, str] | None = None,
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", ctype)
    handler.send_header("Content-Length", str(len(body)))
    for key, value in (headers or {}).items():
        handler.send_header(key, value)
    handler.end_headers()
    handler.wfile.write(body)


def static(
    body: bytes,
    ctype: str = "application/rss+xml",
    etag: str | None = None,
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> Route:
    """A feed that answers 304 to a matching If-None-Match, like a good server."""

    def route(h: BaseHTTPRequestHandler) -> None:
        if etag and h.headers.get("If-None-Match") == etag:
            h.send_response(304)
            h.send_header("ETag", etag)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        extra = dict(headers or {})
        if etag:
            extra["ETag"] = etag
        send(h, status, body, ctype, extra)

    return route


def held(gate: threading.Event, body: bytes, arrived: threading.Semaphore | None = None) -> Route:
    """Answers only once `gate` is set (or after two minutes): a transfer still under way when
    the test acts. `arrived` is released as the request comes in."""

    def route(h: BaseHTTPRequestHandler) -> None:
        if arrived is not None:
            arrived.release()
        gate.wait(120)
        send(h, 200, body)

    return route


def sources_stored(db_file: Path) -> int:
    """Sources whose last poll was committed, read from outside the polling process."""
    conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True, timeout=5)
    try:
        return conn.execute(
            "SELECT count(*) FROM sources WHERE last_success IS NOT NULL"
        ).fetchone()[0]
    finally:
        conn.close()


def redirect(target: str, status: int = 302) -> Route:
    def route(h: BaseHTTPRequestHandler) -> None:
        send(h, status, b"", "text/plain", {"Location": target})

    return route


# --- hostile hosts -------------------------------------------------------------------------


def gzip_bomb(server: FeedServer, total_mb: int = 1024) -> Route:
    """Gzip of an endless run of spaces inside a feed: tiny on the wire, huge unpacked."""

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.send_header("Content-Encoding", "gzip")
        h.send_header("Connection", "close")
        h.end_headers()
        packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        h.wfile.write(packer.compress(b"<?xml version='1.0'?><rss><channel><title>"))
        block = b" " * (1 << 20)
        for _ in range(total_mb):
            if server.stop.is_set():
                return
            h.wfile.write(packer.compress(block) + packer.flush(zlib.Z_SYNC_FLUSH))
        h.wfile.write(packer.flush())

    return route


def endless(server: FeedServer, total_mb: int = 500) -> Route:
    """Hundreds of MB with no Content-Length, generated on the fly."""

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.send_header("Connection", "close")
        h.end_headers()
        h.wfile.write(b"<?xml version='1.0'?><rss><channel><title>big</title>")
        block = b"<item><title>x</title></item>" * 2048
        for _ in range(total_mb * (1 << 20) // len(block)):
            if server.stop.is_set():
                return
            h.wfile.write(block)

    return route


def trickle(server: FeedServer, every: float = 0.5) -> Route:
    """One byte at a time, forever: only a total deadline ends this."""

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.send_header("Content-Length", "1000000")
        h.end_headers()
        while not server.stop.wait(every):
            h.wfile.write(b" ")
            h.wfile.flush()

    return route


def trickle_headers(server: FeedServer, every: float = 0.5) -> Route:
    """The status line and headers themselves arrive one byte at a time."""

    def route(h: BaseHTTPRequestHandler) -> None:
        for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 100_000:
            if server.stop.wait(every):
                return
            h.wfile.write(bytes([byte]))
            h.wfile.flush()

    return route


XXE = (
    b"<?xml version='1.0'?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM 'file://{path}'>]>\n"
    b"<rss version='2.0'><channel><title>xxe</title><item><title>leak &xxe;</title>"
    b"<guid>x1</guid><description>&xxe;</description></item></channel></rss>"
)

BILLION_LAUGHS = (
    b"<?xml version='1.0'?>\n<!DOCTYPE lolz [\n<!ENTITY lol 'lol'>\n"
    + b"".join(
        b"<!ENTITY lol%d '%s'>\n" % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>\n<rss version='2.0'><channel><title>&lol9;</title><item><title>&lol9;</title>"
    b"<guid>l1</guid></item></channel></rss>"
)


def quadratic_blowup(kb: int = 200) -> bytes:
    big = b"a" * (kb * 1024 // 2)
    refs = b"&a;" * (kb * 1024 // 6)
    return (
        b"<?xml version='1.0'?>\n<!DOCTYPE rss [<!ENTITY a '" + big + b"'>]>\n"
        b"<rss version='2.0'><channel><title>q</title><item><title>"
        + refs
        + b"</title><guid>q1</guid></item></channel></rss>"
    )
