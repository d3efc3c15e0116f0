"""HTML to PDF with embedded fonts, lossless images, page numbers and file attachments.

Shared by the evidence PDF, the contact sheet and the post-crisis report.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from crisisdesk_gui import APP_NAME, __version__
from crisisdesk_gui.core.paths import resources_dir

_app: QGuiApplication | None = None
_family: str | None = None


def ensure_gui_app() -> None:
    """Fonts and painting need a Gui application; headless callers get an offscreen one."""
    global _app
    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([APP_NAME])


def document_font_family() -> str:
    """The shipped DejaVu Sans: covers Turkish, Polish and Finnish on every machine."""
    global _family
    ensure_gui_app()
    if _family is None:
        families: list[str] = []
        for ttf in sorted((resources_dir() / "fonts").glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(ttf))
            if font_id >= 0:
                families += QFontDatabase.applicationFontFamilies(font_id)
        _family = families[0] if families else QFont().defaultFamily()
    return _family


def document_font(point_size: float) -> QFont:
    """The document font without ligatures, so copied text (hashes, URLs) is what was typed:
    with them "eff" in a SHA-256 comes out of the PDF as "e\ufb00"."""
    font = QFont(document_font_family())
    font.setPointSizeF(point_size)
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


@dataclass(frozen=True)
class Attachment:
    name: str
    data: bytes
    mime: str


def write_pdf(
    out: Path,
    html: str,
    *,
    title: str,
    images: dict[str, QImage] | None = None,
    attachments: Iterable[Attachment] = (),
    footer: Callable[[int, int], str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Render `html` to `out` (A4) and return the page count.

    `images` maps the names used in <img src="…"> to images; they are drawn losslessly so a
    screenshot in the PDF keeps the pixels that were hashed. The file is written to a temporary
    name and moved into place, so a failure never leaves half a PDF.
    """
    ensure_gui_app()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", suffix=".pdf", dir=out.parent)
    os.close(fd)
    try:
        writer = QPdfWriter(tmp_name)
        writer.setTitle(title)
        writer.setCreator(f"{APP_NAME} {__version__}")
        writer.setResolution(144)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(15, 15, 15, 15),
                QPageLayout.Unit.Millimeter,
            )
        )
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(writer)
        doc.setDefaultFont(document_font(10))
        for name, image in (images or {}).items():
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        doc.setHtml(html)

        paint_rect = writer.pageLayout().paintRectPixels(writer.resolution())
        width, height = paint_rect.width(), paint_rect.height()
        footer_height = int(writer.resolution() * 0.35)
        body_height = height - footer_height
        doc.setPageSize(QSizeF(width, body_height))
        pages = doc.pageCount()

        painter = QPainter(writer)
        painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering, True)
        footer_font = document_font(8)
        for index in range(pages):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * body_height)
            doc.drawContents(painter, QRectF(0, index * body_height, width, body_height))
            painter.restore()
            painter.setFont(footer_font)
            text = footer(index + 1, pages) if footer else f"{index + 1} / {pages}"
            painter.drawText(
                QRectF(0, body_height, width, footer_height),
                int(Qt.AlignmentFlag.AlignCenter),
                text,
            )
            if progress:
                progress(index + 1, pages)
        for item in attachments:
            writer.addFileAttachment(item.name, item.data, item.mime)
        painter.end()
        os.replace(tmp_name, out)
        return pages
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
