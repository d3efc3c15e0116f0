from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crisisdesk_gui.core.parse import parse_feed, safe_link, strip_doctype, to_text, unwrap_link
from tests.core.loopback_feeds import BILLION_LAUGHS, XXE, quadratic_blowup

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"

RSS2 = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Bakery &amp; Co</title><link>https://bakery.example/</link>
<item><title>First</title><link>https://bakery.example/1</link><guid>g-1</guid>
<description>&lt;p&gt;Hello &lt;b&gt;world&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Second paragraph&lt;/p&gt;</description>
<author>ann@example.com (Ann)</author><pubDate>Sat, 21 Nov 2026 10:00:00 +0200</pubDate></item>
<item><title>No guid</title><link>/relative/2</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title>
<entry><id>urn:a:1</id><title type="html">Caf&#233; &lt;i&gt;review&lt;/i&gt;</title>
<link rel="alternate" href="https://a.example/1"/><updated>2026-11-20T08:00:00Z</updated>
<content type="html">&lt;div onclick="steal()"&gt;Tasty&lt;/div&gt;&lt;iframe src="https://evil.example"&gt;frame text&lt;/iframe&gt;
&lt;script&gt;alert('x')&lt;/script&gt;&lt;a href="javascript:alert(1)"&gt;click&lt;/a&gt;</content>
<author><name>Zo&#235;</name></author></entry></feed>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://r.example/"><title>RDF</title><link>https://r.example/</link></channel>
<item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link>
<description>Plain</description></item></rdf:RDF>"""

RSS091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title>
<item><title>Ancient</title><link>https://old.example/1</link><description>Hi</description></item>
</channel></rss>"""


def test_rss2_entries_are_plain_data() -> None:
    feed = parse_feed(RSS2, {"content-type": "application/rss+xml"}, "https://bakery.example/feed")
    assert feed.ok and feed.kind == "rss20" and feed.title == "Bakery & Co"
    first, second = feed.entries
    assert first.guid == "g-1" and first.url == "https://bakery.example/1"
    assert first.text == "Hello world\nSecond paragraph"
    assert first.author and "Ann" in first.author
    assert first.published == datetime(2026, 11, 21, 8, 0, tzinfo=UTC)
    assert first.raw["title"] == "First" and "published_parsed" not in first.raw
    assert second.guid is None and second.url == "https://bakery.example/relative/2"
    assert first.content_hash and first.search_text.startswith("first hello world")


@pytest.mark.parametrize("doc,kind", [(ATOM, "atom10"), (RDF, "rss10"), (RSS091, "rss091u")])
def test_other_formats(doc: bytes, kind: str) -> None:
    feed = parse_feed(doc)
    assert feed.ok and feed.kind == kind and len(feed.entries) == 1


def test_markup_is_sanitised_to_plain_text() -> None:
    entry = parse_feed(ATOM).entries[0]
    assert entry.title == "Café review" and entry.author == "Zoë"
    assert "Tasty" in entry.text and "click" in entry.text
    for bad in ("<", "steal", "alert", "frame text", "javascript", "evil"):
        assert bad not in entry.text
    assert to_text("a &amp;lt;b&amp;gt; c") == "a &lt;b&gt; c"  # escaped text stays text
    assert to_text("<p>x</p>\n\n\n<p>y</p>") == "x\n\ny"


def test_only_http_links_survive() -> None:
    assert safe_link("javascript:alert(1)") is None
    assert safe_link("data:text/html,hi") is None
    assert safe_link("file:///etc/passwd") is None
    assert safe_link("/a", "https://x.example/b/") == "https://x.example/a"
    assert safe_link("https://x.example/a b") is None
    assert safe_link("http://[::1/broken") is None
    assert safe_link("https://x.example/" + "a" * 5000) is None
    assert safe_link("HTTPS://x.example/") == "HTTPS://x.example/"


def test_google_alerts_links_are_unwrapped_and_bold_removed() -> None:
    feed = parse_feed((FIXTURES / "google_alerts.xml").read_bytes())
    first, second = feed.entries
    assert first.url == "https://forum.example.com.tr/konu/lezzet-firini-kadikoy?p=2"
    assert first.title.startswith("Lezzet Fırını Kadıköy") and "<b>" not in first.title
    assert "Lezzet Fırını artık" in first.text and "\xa0" not in first.text
    assert (
        second.url == "https://haber.example.com/yeni-sube"
        and second.text == "Moda'da yeni şube açıldı."
    )
    assert (
        unwrap_link("https://www.google.com/url?q=https://a.example/&sa=U") == "https://a.example/"
    )
    assert unwrap_link("https://example.com/url?url=x") == "https://example.com/url?url=x"


def test_json_feed_1_1_and_1() -> None:
    feed = parse_feed((FIXTURES / "jsonfeed_1_1.json").read_bytes())
    assert feed.ok and feed.kind == "json1.1" and feed.title == "Kraków shop reviews"
    one, two, three = feed.entries
    assert one.url == "https://reviews.example.pl/r/1" and one.author == "Łukasz"
    assert one.text == "Zamówienie przyszło uszkodzone." and one.published == datetime(
        2026, 11, 21, 9, 0, tzinfo=UTC
    )
    assert two.url == "https://elsewhere.example.com/x" and two.author == "Reviews desk"
    assert three.url is None
    old = parse_feed((FIXTURES / "jsonfeed_1.json").read_bytes())
    assert old.kind == "json1" and old.entries[0].guid == "7" and old.entries[0].author == "Matti"
    assert old.entries[0].text == "Ei suosittele."


@pytest.mark.parametrize(
    "body,words",
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"<!DOCTYPE html><html><body>shop</body></html>", "web page (HTML)"),
        (b"<html><head></head><body><p>x</p></body></html>", "web page (HTML)"),
        (bytes(range(256)) * 8, "binary data"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary data"),
        (b"just some text", "not a feed"),
        (b"<?xml version='1.0'?><note><to>x</to></note>", "not a feed"),
        (b'{"hello": 1}', "not a JSON Feed"),
        (b"{broken json", "cannot be read"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": 3}', "no list of items"),
    ],
)
def test_not_a_feed_is_a_clear_error(body: bytes, words: str) -> None:
    feed = parse_feed(body)
    assert not feed.ok and words in feed.error and not feed.entries


def test_external_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    feed = parse_feed(XXE.replace(b"{path}", str(secret).encode()))
    text = " ".join(f"{e.title} {e.text}" for e in feed.entries)
    assert "TOP-SECRET-VALUE" not in text


@pytest.mark.parametrize("doc", [BILLION_LAUGHS, quadratic_blowup(200)])
def test_entity_expansion_is_bounded(doc: bytes) -> None:
    started = time.monotonic()
    feed = parse_feed(doc)
    assert time.monotonic() - started < 5  # unbounded expansion takes minutes and gigabytes
    assert all(len(e.title) < len(doc) for e in feed.entries)


def test_strip_doctype_keeps_declaration_and_body() -> None:
    doc = b"<?xml version='1.0'?>\n<!DOCTYPE x [<!ENTITY a 'b'>]>\n<rss/>"
    assert strip_doctype(doc) == b"<?xml version='1.0'?>\n<rss/>"
    assert strip_doctype(b"<rss/>") == b"<rss/>"


def test_utf16_and_declared_encodings() -> None:
    doc = RSS2.decode().replace('encoding="utf-8"', 'encoding="utf-16"').encode("utf-16")
    assert parse_feed(doc).title == "Bakery & Co"
    latin = (
        "<?xml version='1.0' encoding='iso-8859-9'?><rss version='2.0'><channel>"
        "<title>Fırın</title><item><title>Şube</title></item></channel></rss>"
    )
    feed = parse_feed(latin.encode("iso-8859-9"))
    assert feed.title == "Fırın" and feed.entries[0].title == "Şube"
    feed = parse_feed(
        latin.replace("iso-8859-9", "utf-8").encode("iso-8859-9"),
        {"content-type": "application/xml; charset=iso-8859-9"},
    )
    assert feed.entries[0].title == "Şube"
