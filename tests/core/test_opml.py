from __future__ import annotations

from pathlib import Path

import pytest

from crisisdesk_gui.core import opml, sources

SAMPLE = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>mine</title></head><body>
<outline text="News"><outline text="Gazeta" title="Gazeta Krak\xc3\xb3w" type="rss"
 xmlUrl="https://gazeta.example.pl/rss"/></outline>
<outline text="Alerts" type="rss" xmlUrl="https://www.google.com/alerts/feeds/1/2"/>
<outline text="dup" xmlUrl="https://gazeta.example.pl/rss"/>
<outline text="folder only"/>
</body></opml>"""


def test_parse_nested_outlines_once_each() -> None:
    feeds = opml.parse_opml(SAMPLE)
    assert feeds == [
        opml.OpmlFeed("https://gazeta.example.pl/rss", "Gazeta Kraków"),
        opml.OpmlFeed("https://www.google.com/alerts/feeds/1/2", "Alerts"),
    ]


@pytest.mark.parametrize(
    "doc,words",
    [
        (b"<?xml version='1.0'?><!DOCTYPE opml [<!ENTITY a 'b'>]><opml/>", "DOCTYPE"),
        (b"<opml><body>", "not valid OPML"),
        (b"<rss/>", "not OPML"),
    ],
)
def test_hostile_or_wrong_files_are_refused(doc: bytes, words: str) -> None:
    with pytest.raises(opml.OpmlError, match=words):
        opml.parse_opml(doc)


def test_export_then_import_round_trip(db, tmp_path: Path) -> None:
    sources.add_source(db, "https://a.example/feed", name="Łódź & co <news>")
    sources.add_source(db, "https://b.example/rss")
    out = tmp_path / "export" / "sources.opml"
    out.parent.mkdir()
    opml.write_opml(out, sources.list_sources(db))
    feeds = opml.read_opml(out)
    assert [(f.url, f.title) for f in feeds] == [
        ("https://a.example/feed", "Łódź & co <news>"),
        ("https://b.example/rss", "https://b.example/rss"),
    ]
    assert list(out.parent.iterdir()) == [out]  # no temporary file left behind
    with pytest.raises(opml.OpmlError, match="Cannot read"):
        opml.read_opml(tmp_path / "missing.opml")
