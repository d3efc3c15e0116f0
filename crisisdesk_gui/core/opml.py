"""OPML import and export of the source list.

An OPML file comes from anywhere, so a DOCTYPE (the door to entity bombs and external entities)
is refused before ElementTree sees the document; export goes through a temporary file.
"""

from __future__ import annotations

import os
import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crisisdesk_gui import __version__
from crisisdesk_gui.core.db import utcnow
from crisisdesk_gui.core.i18n import _

MAX_OPML_BYTES = 5 * 1024 * 1024
_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)


class OpmlError(ValueError):
    """The file is not an OPML list we can read; the message says why."""


@dataclass(frozen=True)
class OpmlFeed:
    url: str
    title: str | None


def parse_opml(data: bytes) -> list[OpmlFeed]:
    if _DOCTYPE.search(data):
        raise OpmlError(
            _(
                "The OPML file declares a DOCTYPE or entities, which CrisisDesk "
                "refuses for safety. Remove the <!DOCTYPE …> line and try again."
            )
        )
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise OpmlError(_("The file is not valid OPML: {reason}").format(reason=exc)) from exc
    if root.tag.lower() != "opml":
        raise OpmlError(
            _("The file is not OPML (its root element is <{tag}>).").format(tag=root.tag)
        )
    feeds: list[OpmlFeed] = []
    seen: set[str] = set()
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if not url or url in seen:
            continue
        seen.add(url)
        title = (outline.get("title") or outline.get("text") or "").strip() or None
        feeds.append(OpmlFeed(url=url, title=title))
    return feeds


def read_opml(path: Path) -> list[OpmlFeed]:
    try:
        size = path.stat().st_size
        if size > MAX_OPML_BYTES:
            raise OpmlError(_("The OPML file is too large ({size} bytes).").format(size=size))
        return parse_opml(path.read_bytes())
    except OSError as exc:
        raise OpmlError(
            _("Cannot read {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc


def opml_bytes(sources: Iterable[dict[str, Any]]) -> bytes:
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = "CrisisDesk sources"
    ET.SubElement(head, "dateCreated").text = utcnow().strftime("%a, %d %b %Y %H:%M:%S GMT")
    ET.SubElement(head, "docs").text = "https://opml.org/spec2.opml"
    ET.SubElement(head, "generator").text = f"CrisisDesk {__version__}"
    body = ET.SubElement(root, "body")
    for source in sources:
        name = source.get("name") or source["url"]
        ET.SubElement(body, "outline", type="rss", text=name, title=name, xmlUrl=source["url"])
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def write_opml(path: Path, sources: Iterable[dict[str, Any]]) -> None:
    """Written beside the target and renamed over it: a crash never leaves half a file."""
    data = opml_bytes(sources)
    path = path.expanduser()
    fd, tmp = tempfile.mkstemp(prefix=".opml-", dir=path.parent or Path("."))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
