"""Turn a feed's bytes into plain entries: RSS 0.9x/1.0/2.0, Atom (feedparser) and JSON Feed.

feedparser only ever sees bytes (a BytesIO: given a bare string it may open a URL or a path).
The DOCTYPE block is removed first: expat refuses entity-heavy documents, and feedparser's loose
fallback then expands the internal entities it kept, quadratically (a 206 KB document took 18 s
and 1.2 GB); without the DOCTYPE it takes milliseconds. External entities are never resolved.
Markup becomes plain text through nh3 (a real sanitiser), only http(s) links are kept, and
Google Alerts' redirect links are unwrapped. Runs in worker processes, so everything is picklable.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, parse_qsl, urlencode, urljoin, urlsplit

import feedparser
import nh3
from feedparser.encodings import convert_to_utf8

from crisisdesk_gui.core.i18n import _
from crisisdesk_gui.core.text import fold

JSONFEED_PREFIX = "https://jsonfeed.org/version/"
MAX_FIELD = 100_000  # characters of one entry's text kept; a feed is not a book
MAX_URL = 4096  # longer "links" are junk or an attack on the indexes
_DROP_WITH_CONTENT = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "applet",
    "noscript",
    "frame",
    "frameset",
    "template",
    "svg",
    "math",
}
_BLOCK = re.compile(r"(?i)(<br\b[^>]*>|</(?:p|div|li|h[1-6]|tr|blockquote|pre)\s*>)")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_NEWLINES = re.compile(r"\s*\n\s*(?:\n\s*)+")
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")
_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*\?>")
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


def _fold(text: str) -> str:
    # Most feed text is ASCII, where folding is only lower-casing; text.fold walks every
    # character through unicodedata, which made it the costliest step of a parse.
    return text.lower() if text.isascii() else fold(text)


@dataclass
class Entry:
    guid: str | None
    url: str | None
    title: str
    text: str
    author: str | None
    published: datetime | None
    updated: datetime | None
    raw: dict[str, Any] = field(default_factory=dict)
    # Computed once in the worker process (see `finish`) so the writer thread only writes.
    content_hash: str = ""
    search_text: str = ""
    words: int = 0  # words in title and text: too few and a shared hash means nothing
    dedup_key: str = ""  # GUID, else link, else content hash: this source's item seen again
    story_key: str = ""  # normalised link, else content hash: the same story on other sources
    raw_json: str = ""
    score: dict[str, Any] | None = None  # detection columns, when a worker already scored it

    def finish(self) -> Entry:
        # Same words, same hash: whitespace, case and diacritics do not count.
        title, text = _fold(self.title), _fold(self.text)
        words = f"{title}\n{text}".split()
        self.words = len(words)
        self.content_hash = hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()
        self.search_text = " ".join(p for p in (title, text, _fold(self.author or "")) if p)
        if self.guid:
            self.dedup_key = "guid:" + self.guid
        elif self.url:
            self.dedup_key = "link:" + self.url
        else:
            self.dedup_key = "hash:" + self.content_hash
        self.story_key = (
            "link:" + normalise_link(self.url) if self.url else "hash:" + self.content_hash
        )
        self.raw_json = json.dumps(self.raw, ensure_ascii=False)
        return self


@dataclass
class ParsedFeed:
    kind: str = ""  # rss20, atom10, rdf, json, …
    title: str = ""
    link: str | None = None
    entries: list[Entry] = field(default_factory=list)
    error: str | None = None  # user-facing: the document is not a usable feed
    warning: str | None = None  # parsed, but the document was ill-formed

    @property
    def ok(self) -> bool:
        return self.error is None


_TRACKING = re.compile(r"^(utm_|fbclid$|gclid$|ref$|ref_src$|cmpid$|ocid$)", re.I)


def normalise_link(url: str) -> str:
    """The same article however it was linked: no scheme, www., fragment or tracking params."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode(
        sorted(
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING.match(k)
        )
    )
    path = parts.path.rstrip("/") or "/"
    return f"{host}{path}" + (f"?{query}" if query else "")


# --- text ----------------------------------------------------------------------------------


def to_text(markup: str | None, *, multiline: bool = True) -> str:
    """Plain text of a fragment of HTML: tags, scripts, handlers and entities gone."""
    if not markup:
        return ""
    markup = markup[: MAX_FIELD * 2]
    if "<" in markup or "&" in markup:
        markup = _BLOCK.sub(lambda m: m.group(1) + "\n", markup)
        markup = nh3.clean(markup, tags=set(), clean_content_tags=_DROP_WITH_CONTENT)
        markup = html.unescape(markup)
    if not multiline:
        return " ".join(markup.split())[:MAX_FIELD]
    text = _SPACES.sub(" ", markup)
    text = _NEWLINES.sub("\n\n", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()[:MAX_FIELD]


def unwrap_link(url: str | None) -> str | None:
    """Google's redirect (google.com/url?...&url=REAL) becomes REAL."""
    if not url:
        return None
    parts = urlsplit(url)
    host = parts.netloc.lower().split(":")[0]
    if parts.path == "/url" and (
        host == "google.com"
        or host.endswith(".google.com")
        or host.startswith("google.")
        or ".google." in host
    ):
        query = parse_qs(parts.query)
        for key in ("url", "q"):
            if query.get(key):
                return query[key][0]
    return url


def safe_link(url: str | None, base: str | None = None) -> str | None:
    """Only http(s) links survive: javascript:, data:, file: and the like are dropped."""
    try:
        url = unwrap_link((url or "").strip())
        if not url:
            return None
        if base and not urlsplit(url).scheme:
            url = urljoin(base, url)
        if len(url) > MAX_URL or any(c in url for c in "\r\n\t "):
            return None
        return url if urlsplit(url).scheme.lower() in ("http", "https") else None
    except ValueError:  # a broken IPv6 host and the like: the link goes, the item stays
        return None


# --- the document --------------------------------------------------------------------------


def strip_doctype(data: bytes) -> bytes:
    """Everything before the root element except the XML declaration goes (DOCTYPE, entities)."""
    match = _FIRST_ELEMENT.search(data)
    if match is None:
        return data
    head, rest = data[: match.start()], data[match.start() :]
    if b"<!" not in head.upper().replace(b"<!--", b""):
        return data
    decl = _XML_DECL.match(head)
    return (decl.group(0) + b"\n" if decl else b"") + rest


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if sample[:2] in (b"\xff\xfe", b"\xfe\xff") or sample[:3] == b"\xef\xbb\xbf":
        return False
    if b"<\x00" in sample[:8] or b"\x00<" in sample[:8]:  # UTF-16/32 without a BOM
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) // 20


def parse_feed(
    data: bytes, headers: dict[str, str] | None = None, url: str | None = None
) -> ParsedFeed:
    """Parse a feed document. Never raises; a document that is not a feed gets `error`."""
    try:
        result = _parse(data, {k.lower(): v for k, v in (headers or {}).items()}, url)
        for entry in result.entries:
            entry.finish()
        return result
    except RecursionError:
        return ParsedFeed(error=_("The feed is nested too deeply to be read."))
    except Exception as exc:  # a parser bug must cost one source, never the poll
        return ParsedFeed(
            error=_("The feed could not be read: {reason}").format(
                reason=f"{type(exc).__name__}: {exc}"[:200]
            )
        )


def _parse(data: bytes, headers: dict[str, str], url: str | None) -> ParsedFeed:
    if not data.strip():
        return ParsedFeed(error=_("The server sent an empty answer instead of a feed."))
    start = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith((b"{", b"[")):
        return _parse_json(data)
    if _HTML_START.match(start):
        return ParsedFeed(error=_html_error())
    if _looks_binary(data):
        return ParsedFeed(
            error=_(
                "The address returned binary data, not a feed. Check that it is the feed's address."
            )
        )
    return _parse_xml(data, headers, url)


def _html_error() -> str:
    return _(
        "The address returns a web page (HTML), not a feed. Open the page in a browser "
        "and look for its RSS or Atom link."
    )


def _parse_xml(data: bytes, headers: dict[str, str], url: str | None) -> ParsedFeed:
    response_headers = dict(headers)
    if b"\x00" in data[:1024]:
        # UTF-16/32: the DOCTYPE is not visible to a byte search until the text is UTF-8.
        probe: dict[str, Any] = {}
        utf8 = convert_to_utf8(headers, data, probe)
        if probe.get("encoding"):
            # Now UTF-8 with its declaration rewritten; the original charset must not win again.
            response_headers["content-type"] = "application/xml; charset=utf-8"
            data = utf8
    parsed = feedparser.parse(
        io.BytesIO(strip_doctype(data)),
        response_headers=response_headers,
        sanitize_html=False,  # nh3 does it; feedparser's own pass would only cost time
        resolve_relative_uris=False,
    )
    version = parsed.get("version") or ""
    entries = parsed.get("entries") or []
    bozo = parsed.get("bozo_exception")
    if not version and not entries:
        if "html" in headers.get("content-type", "").lower() or b"<html" in data[:2048].lower():
            return ParsedFeed(error=_html_error())
        reason = _xml_reason(bozo) if bozo else _("no RSS, Atom or JSON feed found")
        return ParsedFeed(
            error=_("The document is not a feed that can be read ({reason}).").format(
                reason=reason[:200]
            )
        )
    feed = parsed.get("feed", {})
    base = feed.get("link") if isinstance(feed.get("link"), str) else url
    result = ParsedFeed(
        kind=version or "unknown",
        title=to_text(feed.get("title"), multiline=False),
        link=safe_link(feed.get("link")),
    )
    if bozo:
        result.warning = str(bozo)[:200]
    for item in entries:
        result.entries.append(_entry_from_feedparser(item, base))
    return result


def _xml_reason(exc: BaseException) -> str:
    text = str(exc).strip()
    match = re.match(r"<unknown>:(\d+):\d+: (.*)", text)
    if match:
        return _("line {line}: {problem}").format(line=match.group(1), problem=match.group(2))
    return text


def _struct_dt(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def _entry_from_feedparser(item: dict[str, Any], base: str | None) -> Entry:
    link = safe_link(item.get("link"), base)
    if link is None:
        for candidate in item.get("links") or []:
            link = safe_link(candidate.get("href"), base)
            if link and candidate.get("rel", "alternate") == "alternate":
                break
    body = ""
    contents = item.get("content") or []
    if contents:
        body = max((c.get("value") or "" for c in contents), key=len)
    summary = item.get("summary") or ""
    if len(summary) > len(body):
        body = summary
    guid = item.get("id") or None
    return Entry(
        guid=str(guid)[:2000] if guid else None,
        url=link,
        title=to_text(item.get("title"), multiline=False),
        text=to_text(body),
        author=to_text(item.get("author"), multiline=False) or None,
        published=_struct_dt(item.get("published_parsed") or item.get("updated_parsed")),
        updated=_struct_dt(item.get("updated_parsed")),
        raw=_jsonable(item),
    )


def _jsonable(value: Any, depth: int = 0) -> Any:
    """The entry as received, minus feedparser's parsed-date tuples, safe for json.dumps."""
    if depth > 8:
        return None
    if isinstance(value, dict):
        return {
            str(k): _jsonable(v, depth + 1)
            for k, v in value.items()
            if not str(k).endswith("_parsed")
        }
    if isinstance(value, time.struct_time):
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", value)
    if isinstance(value, list | tuple):
        return [_jsonable(v, depth + 1) for v in value[:200]]
    if isinstance(value, str):
        return value[:MAX_FIELD]
    if value is None or isinstance(value, bool | int | float):
        return value
    return str(value)[:1000]


# --- JSON Feed -----------------------------------------------------------------------------


def _json_dt(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return (dt if dt.tzinfo else dt.replace(tzinfo=UTC)).astimezone(UTC)


def _json_author(obj: dict[str, Any]) -> str | None:
    authors = obj.get("authors")
    if isinstance(authors, list) and authors and isinstance(authors[0], dict):
        return to_text(str(authors[0].get("name") or ""), multiline=False) or None
    author = obj.get("author")
    if isinstance(author, dict):
        return to_text(str(author.get("name") or ""), multiline=False) or None
    return None


def _parse_json(data: bytes) -> ParsedFeed:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        return ParsedFeed(
            error=_("The document looks like JSON but cannot be read: {reason}").format(
                reason=str(exc)[:200]
            )
        )
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith(JSONFEED_PREFIX):
        return ParsedFeed(
            error=_(
                "The document is JSON but not a JSON Feed (no "
                '"version": "https://jsonfeed.org/version/1.1").'
            )
        )
    items = doc.get("items")
    if not isinstance(items, list):
        return ParsedFeed(error=_("The JSON Feed has no list of items."))
    base = doc.get("home_page_url") if isinstance(doc.get("home_page_url"), str) else None
    result = ParsedFeed(
        kind="json" + str(doc["version"])[len(JSONFEED_PREFIX) :],
        title=to_text(str(doc.get("title") or ""), multiline=False),
        link=safe_link(base),
    )
    feed_author = _json_author(doc)
    for item in items:
        if not isinstance(item, dict):
            continue
        body = item.get("content_html") or item.get("content_text") or item.get("summary") or ""
        guid = item.get("id")
        result.entries.append(
            Entry(
                guid=str(guid)[:2000] if guid not in (None, "") else None,
                url=safe_link(item.get("url") if isinstance(item.get("url"), str) else None, base)
                or safe_link(
                    item.get("external_url") if isinstance(item.get("external_url"), str) else None
                ),
                title=to_text(str(item.get("title") or ""), multiline=False),
                text=to_text(str(body)),
                author=_json_author(item) or feed_author,
                published=_json_dt(item.get("date_published"))
                or _json_dt(item.get("date_modified")),
                updated=_json_dt(item.get("date_modified")),
                raw=_jsonable(item),
            )
        )
    return result
