"""Fetch a feed's bytes with hard limits: feeds are hostile input.

feedparser's own HTTP has no timeout, no size cap and unbounded gzip, so we fetch with httpx and
hand feedparser bytes only. Limits: the *decompressed* size (we read raw chunks and inflate them
ourselves with a bounded zlib object, so a gzip bomb stops after cap+1 bytes of output), a total
deadline (a host trickling one byte every few seconds is cut off), at most five redirects, and
Retry-After on 429/503. Results are plain data; errors are words a user understands.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import threading
import time
import weakref
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import httpcore
import httpx

from crisisdesk_gui import __version__
from crisisdesk_gui.core.i18n import _, format_time

USER_AGENT = f"CrisisDesk/{__version__} (+feed reader)"
MAX_REDIRECTS = 5
REDIRECT_CODES = {301, 302, 303, 307, 308}
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 10 * 1024 * 1024  # decompressed body
    connect_timeout: float = 10.0
    read_timeout: float = 15.0  # silence between two chunks
    total_timeout: float = 45.0  # whole exchange, redirects included


@dataclass
class FetchResult:
    url: str
    status: int = 0  # HTTP status; 200 for a local file read, 304 when unchanged
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    final_url: str | None = None
    error: str | None = None  # user-facing, translated; None on success
    retry_after: datetime | None = None
    elapsed: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def not_modified(self) -> bool:
        return self.error is None and self.status == 304


class _TooBig(Exception):
    pass


class _Deadline(Exception):
    pass


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def is_local(url: str) -> bool:
    match = _SCHEME.match(url.strip())  # not urlsplit: it raises on a broken IPv6 host
    scheme = match.group(1).lower() if match else ""
    return scheme == "file" or scheme == "" or (len(scheme) == 1 and os.name == "nt")


def local_path(url: str) -> Path:
    if url.lower().startswith("file:"):
        parts = urlsplit(url)
        return Path(unquote(parts.path))
    return Path(url).expanduser()


def parse_retry_after(value: str | None, now: datetime) -> datetime | None:
    """Retry-After is either delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        # Capped (at a year): a hostile number must not overflow the date arithmetic.
        return now + timedelta(seconds=min(int(value[:12]), 365 * 86400))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(when, now)


# httpx has no total timeout: its read timeout applies to each read, so a host trickling one
# byte every few seconds (headers included) would never time out. Every socket operation below
# gets at most the time left until the calling thread's deadline.
_deadline = threading.local()


def _time_left(timeout: float | None) -> float | None:
    deadline: float | None = getattr(_deadline, "at", None)
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise _Deadline
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _time_left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _time_left(timeout))

    def close(self) -> None:
        self._inner.close()

    def abort(self) -> None:
        """Wake a thread blocked reading this socket: closing it from another thread would not."""
        sock = self._inner.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):  # type: ignore[no-untyped-def]
        return _DeadlineStream(
            self._inner.start_tls(ssl_context, server_hostname, _time_left(timeout))
        )

    def get_extra_info(self, info: str) -> object:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.SyncBackend):
    def __init__(self) -> None:
        self.streams: weakref.WeakSet[_DeadlineStream] = weakref.WeakSet()
        self.aborted = False

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):  # type: ignore[no-untyped-def]
        if self.aborted:
            raise httpcore.ConnectError("the poll was stopped")
        stream = _DeadlineStream(
            super().connect_tcp(host, port, _time_left(timeout), local_address, socket_options)
        )
        self.streams.add(stream)
        return stream

    def abort(self) -> None:
        self.aborted = True
        for stream in list(self.streams):
            stream.abort()


class FeedClient(httpx.Client):
    """The fetch threads' shared client, which can also stop every transfer under way."""

    def __init__(self, backend: _DeadlineBackend, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._backend = backend

    def abort(self) -> None:
        """Fail every request in flight now and refuse new ones (Ctrl-C, quitting the app)."""
        self._backend.abort()


def make_client(limits: Limits | None = None, **kwargs: object) -> FeedClient:
    """One client shared by the fetch threads (httpx.Client is thread-safe, pools connections)."""
    limits = limits or Limits()
    backend = _DeadlineBackend()
    transport = httpx.HTTPTransport()
    transport._pool = httpcore.ConnectionPool(  # the public API has no network_backend hook
        ssl_context=httpx.create_ssl_context(),
        max_connections=64,
        max_keepalive_connections=32,
        keepalive_expiry=5.0,
        network_backend=backend,
    )
    return FeedClient(
        backend,
        transport=transport,
        timeout=httpx.Timeout(
            connect=limits.connect_timeout,
            read=limits.read_timeout,
            write=limits.read_timeout,
            pool=limits.total_timeout,
        ),
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        follow_redirects=False,  # we follow by hand to count, detect loops and guard auth
        **kwargs,  # type: ignore[arg-type]
    )


def fetch(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    auth: tuple[str, str] | None = None,
    limits: Limits | None = None,
    client: httpx.Client | None = None,
    now: datetime | None = None,
) -> FetchResult:
    """Fetch `url` (http(s), file:// or a plain path). Never raises for network or size trouble."""
    limits = limits or Limits()
    now = now or datetime.now(UTC)
    started = time.monotonic()
    if is_local(url):
        result = _fetch_local(url, last_modified, limits)
    else:
        own = client is None
        client = client or make_client(limits)
        _deadline.at = started + limits.total_timeout
        try:
            result = _fetch_http(url, etag, last_modified, auth, limits, client, started, now)
        except (ValueError, httpx.InvalidURL) as exc:  # an address that cannot even be parsed
            result = FetchResult(
                url=url,
                error=_("The download from {host} failed: {reason}").format(host=url, reason=exc),
            )
        finally:
            _deadline.at = None
            if own:
                client.close()
    result.elapsed = time.monotonic() - started
    return result


def _fetch_local(url: str, last_modified: str | None, limits: Limits) -> FetchResult:
    path = local_path(url)
    result = FetchResult(url=url, final_url=str(path))
    try:
        stat = path.stat()
        stamp = format_datetime(datetime.fromtimestamp(stat.st_mtime, UTC), usegmt=True)
        if last_modified and stamp == last_modified:
            result.status, result.last_modified = 304, stamp
            return result
        with path.open("rb") as fh:
            body = fh.read(limits.max_bytes + 1)
    except FileNotFoundError:
        result.error = _("The file {path} does not exist.").format(path=path)
        return result
    except OSError as exc:
        result.error = _("The file {path} cannot be read: {reason}").format(
            path=path, reason=exc.strerror or exc
        )
        return result
    if len(body) > limits.max_bytes:
        result.error = _too_big(limits)
        return result
    result.status, result.body, result.last_modified = 200, body, stamp
    return result


def _too_big(limits: Limits) -> str:
    return _(
        "The feed is larger than {size} MB once unpacked; it was not read. "
        "Check the address, or ask the site for a smaller feed."
    ).format(size=limits.max_bytes // (1024 * 1024) or 1)


def _fetch_http(
    url: str,
    etag: str | None,
    last_modified: str | None,
    auth: tuple[str, str] | None,
    limits: Limits,
    client: httpx.Client,
    started: float,
    now: datetime,
) -> FetchResult:
    result = FetchResult(url=url)
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        result.error = _("The address must start with http:// or https:// (got {scheme}).").format(
            scheme=scheme
        )
        return result
    origin = urlsplit(url).netloc.lower()
    seen = {url}
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        # Credentials go only to the host the user gave them for, never to a redirect target.
        hop_auth = auth if auth and urlsplit(current).netloc.lower() == origin else None
        try:
            with client.stream("GET", current, headers=headers, auth=hop_auth) as response:
                if response.status_code in REDIRECT_CODES and "location" in response.headers:
                    target = urljoin(current, response.headers["location"])
                    if urlsplit(target).scheme.lower() not in ("http", "https"):
                        result.error = _(
                            "The server redirected to an address that is not a web address: {url}"
                        ).format(url=target)
                        return result
                    if target in seen:
                        result.error = _(
                            "The server redirects in a loop ({url}). "
                            "Check the address in a browser."
                        ).format(url=target)
                        return result
                    seen.add(target)
                    current = target
                    continue
                return _read_response(response, result, current, limits, started, now)
        except httpx.ConnectTimeout:
            result.error = _(
                "Could not connect to {host} in time. Check the address and your "
                "internet connection."
            ).format(host=urlsplit(current).netloc)
        except (httpx.ReadTimeout, httpx.WriteTimeout, httpx.PoolTimeout, _Deadline):
            result.error = _(
                "The server at {host} was too slow and was cut off after {seconds} seconds."
            ).format(host=urlsplit(current).netloc, seconds=int(limits.total_timeout))
        except httpx.ConnectError as exc:
            result.error = _("Could not connect to {host}: {reason}").format(
                host=urlsplit(current).netloc, reason=_reason(exc)
            )
        except httpx.TooManyRedirects:  # pragma: no cover - we do not let httpx follow
            pass
        except (httpx.HTTPError, zlib.error, OSError) as exc:
            result.error = _("The download from {host} failed: {reason}").format(
                host=urlsplit(current).netloc, reason=_reason(exc)
            )
        except _TooBig:
            result.error = _too_big(limits)
        return result
    result.error = _("The server redirected more than {n} times; the feed was not read.").format(
        n=MAX_REDIRECTS
    )
    return result


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return text or type(exc).__name__


def _read_response(
    response: httpx.Response,
    result: FetchResult,
    url: str,
    limits: Limits,
    started: float,
    now: datetime,
) -> FetchResult:
    result.final_url = url
    result.status = response.status_code
    result.headers = {k.lower(): v for k, v in response.headers.items()}
    status = response.status_code
    if status == 304:
        result.etag = response.headers.get("etag")
        result.last_modified = response.headers.get("last-modified")
        return result
    if status in (429, 503):
        result.retry_after = parse_retry_after(response.headers.get("retry-after"), now)
    if status >= 400:
        result.error = http_error_text(status, result.retry_after)
        return result
    if status != 200:
        result.error = _("The server answered {status} instead of the feed.").format(status=status)
        return result
    result.body = _read_body(response, limits, started)
    result.etag = response.headers.get("etag")
    result.last_modified = response.headers.get("last-modified")
    return result


def _read_body(response: httpx.Response, limits: Limits, started: float) -> bytes:
    encoding = response.headers.get("content-encoding", "identity").lower().strip()
    if encoding in ("gzip", "x-gzip"):
        inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        inflater = _DeflateInflater()  # type: ignore[assignment]
    elif encoding in ("identity", ""):
        inflater = None
    else:
        raise httpx.DecodingError(f"unsupported content encoding {encoding!r}")
    length = response.headers.get("content-length")
    if inflater is None and length and length.isdigit() and int(length) > limits.max_bytes:
        raise _TooBig
    out = bytearray()
    deadline = started + limits.total_timeout
    for chunk in response.iter_raw(CHUNK):
        if time.monotonic() > deadline:
            raise _Deadline
        if inflater is None:
            out += chunk
        else:
            # max_length bounds the output of this one call: a bomb never inflates past cap+1.
            out += inflater.decompress(chunk, limits.max_bytes - len(out) + 1)
        if len(out) > limits.max_bytes:
            raise _TooBig
    if inflater is not None:
        out += inflater.flush()
        if len(out) > limits.max_bytes:
            raise _TooBig
    return bytes(out)


class _DeflateInflater:
    """'deflate' is zlib-wrapped by the standard, raw deflate by some servers: accept both."""

    def __init__(self) -> None:
        self._obj: zlib._Decompress | None = None
        self._head = b""

    def decompress(self, data: bytes, max_length: int) -> bytes:
        if self._obj is None:
            self._head += data
            if len(self._head) < 2:
                return b""
            first = self._head[0]
            wbits = (
                zlib.MAX_WBITS
                if first & 0x0F == 8 and ((first << 8) | self._head[1]) % 31 == 0
                else -zlib.MAX_WBITS
            )
            self._obj = zlib.decompressobj(wbits=wbits)
            data, self._head = self._head, b""
        return self._obj.decompress(data, max_length)

    def flush(self) -> bytes:
        return self._obj.flush() if self._obj is not None else b""


def http_error_text(status: int, retry_after: datetime | None = None) -> str:
    """The error a user reads on the source, in their language."""
    meaning = {
        400: _("bad request"),
        401: _("a user name and password are needed"),
        403: _("access forbidden"),
        404: _("not found; the feed may have moved"),
        410: _("gone; the feed was removed"),
        429: _("too many requests"),
        500: _("the server had an internal error"),
        502: _("bad gateway"),
        503: _("service unavailable"),
        504: _("gateway timeout"),
    }.get(status, _("an error"))
    text = _("The server answered {status} ({meaning}).").format(status=status, meaning=meaning)
    if retry_after is not None:
        text += " " + _("Retrying after {time}.").format(time=format_time(retry_after))
    return text
