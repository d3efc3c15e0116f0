"""Capture a mention as evidence: the comment painted as the app received it, the raw entry,
and (with the optional `webcapture` extra) a screenshot of the comment's page.

Painting uses QImage + QTextDocument, so a QGuiApplication is enough: the CLI captures
headless through render.pdf.ensure_gui_app(). The page screenshot needs QtWebEngine and a
QApplication and is skipped quietly without them.
"""

from __future__ import annotations

import html
import logging
import os
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSizeF
from PySide6.QtGui import QFont, QImage, QPainter, QTextDocument
from sqlite_utils import Database

from crisisdesk_gui import APP_NAME, __version__
from crisisdesk_gui.core import evidence, settings
from crisisdesk_gui.core.board import default_actor
from crisisdesk_gui.core.db import iso, utcnow
from crisisdesk_gui.core.i18n import _
from crisisdesk_gui.core.paths import ProfilePaths
from crisisdesk_gui.render.pdf import document_font_family, ensure_gui_app

log = logging.getLogger(__name__)

CARD_WIDTH = 1000  # pixels; about the printable width of an A4 page at 144 dpi
PAGE_SIZE = (1280, 1600)
PAGE_TIMEOUT_MS = 20_000

_CARD_CSS = """
body { color: #1b1b1b; }
.head { background: #7a1f1f; color: #ffffff; font-weight: bold; }
td.k { color: #555555; padding-right: 12px; white-space: nowrap; }
td.v { color: #111111; }
.text { background: #f6f4ef; border: 1px solid #c9c2b3; }
.foot { color: #666666; }
"""


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buf, "PNG"):
        raise evidence.EvidenceError(_("The screenshot could not be encoded as PNG."))
    return bytes(data.data())


def _times(text: str | None) -> str:
    utc, local = evidence.utc_and_local(text)
    return f"{html.escape(utc)}<br>{html.escape(local)}"


def card_html(snapshot: dict[str, Any], captured_at: str) -> str:
    e = html.escape
    rows = [
        (_("Author"), e(snapshot.get("author") or _("unknown"))),
        (
            _("Source"),
            e(snapshot.get("source_name") or _("unknown"))
            + (f"<br>{e(snapshot['source_url'])}" if snapshot.get("source_url") else ""),
        ),
        (_("URL"), e(snapshot.get("url") or _("none"))),
        (_("Title"), e(snapshot.get("title") or "")),
        (_("Published"), _times(snapshot.get("published"))),
        (_("Fetched"), _times(snapshot.get("fetched"))),
        (_("Captured"), _times(captured_at)),
    ]
    table = "".join(f'<tr><td class="k">{k}</td><td class="v">{v}</td></tr>' for k, v in rows)
    text = e(snapshot.get("text") or "").replace("\n", "<br>")
    foot = _("Mention {id} · {app} {version}").format(
        id=snapshot.get("id"), app=APP_NAME, version=__version__
    )
    return (
        f"<html><head><style>{_CARD_CSS}</style></head><body>"
        f'<table width="100%" class="head" cellpadding="10"><tr><td>'
        f"{e(_('Comment as captured by {app}').format(app=APP_NAME))}</td></tr></table>"
        f'<table cellpadding="4" cellspacing="0" style="margin-top:8px">{table}</table>'
        f'<table width="100%" class="text" cellpadding="12" style="margin-top:10px">'
        f'<tr><td style="font-size:17px">{text}</td></tr></table>'
        f'<p class="foot">{e(foot)}</p></body></html>'
    )


def render_comment(snapshot: dict[str, Any], captured_at: str) -> QImage:
    """The comment as captured, painted on an opaque image (no alpha, so PDFs keep it as is)."""
    ensure_gui_app()
    margin = 24
    probe = QImage(CARD_WIDTH, 10, QImage.Format.Format_RGB32)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(probe)
    font = QFont(document_font_family())
    font.setPixelSize(15)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setHtml(card_html(snapshot, captured_at))
    doc.setTextWidth(CARD_WIDTH - 2 * margin)
    height = int(doc.size().height()) + 2 * margin
    image = QImage(CARD_WIDTH, height, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.translate(margin, margin)
    doc.setPageSize(QSizeF(CARD_WIDTH - 2 * margin, height))
    doc.drawContents(painter)
    painter.end()
    return image


def webengine_available() -> bool:
    try:
        import PySide6.QtWebEngineWidgets  # noqa: F401
        from PySide6.QtWidgets import QApplication
    except ImportError:
        return False
    return isinstance(QCoreApplication.instance(), QApplication)


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def screenshot_page(url: str, timeout_ms: int = PAGE_TIMEOUT_MS) -> QImage | None:
    """The comment's web page as a browser shows it, or None when it cannot be loaded."""
    if not url.startswith(("http://", "https://")) or not webengine_available():
        return None
    if _is_root() and not os.environ.get("QTWEBENGINE_DISABLE_SANDBOX"):
        # Chromium refuses to run as root with its sandbox and ends the whole process; a
        # hostile page without the sandbox is worse than no page screenshot.
        log.warning("page screenshot skipped: running as root")
        return None
    from PySide6.QtCore import QEventLoop, Qt, QTimer, QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView

    view = QWebEngineView()
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    view.resize(*PAGE_SIZE)
    loop = QEventLoop()
    result: list[bool] = []

    def finished(ok: bool) -> None:
        result.append(ok)
        loop.quit()

    view.loadFinished.connect(finished)
    QTimer.singleShot(timeout_ms, loop.quit)
    view.show()
    view.load(QUrl(url))
    loop.exec()
    try:
        if not result or not result[0]:
            log.info("page screenshot skipped, %s did not load", url)
            return None
        QTimer.singleShot(700, loop.quit)  # let the first frame paint after load
        loop.exec()
        image = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        return None if image.isNull() else image
    finally:
        # Now, not later: a page still alive when the app quits outlives its web profile.
        shiboken6.delete(view)


def _unchanged_since_last(
    profile: ProfilePaths,
    db: Database,
    records: dict[int, evidence.EvidenceRecord],
    mention_id: int,
    snapshot: dict[str, Any],
    raw: str | None,
) -> int | None:
    """The id of the mention's latest evidence when nothing about the comment changed since."""
    last = evidence.latest_for_mention(db, mention_id)
    if last is None:
        return None
    rec = records.get(last)
    if rec is None:
        return None
    raw_path = rec.path(profile, "raw-entry.json")
    old_raw = raw_path.read_text(encoding="utf-8") if raw_path.is_file() else None
    same = evidence.content_fingerprint(rec.mention, old_raw) == evidence.content_fingerprint(
        snapshot, raw
    )
    return last if same else None


def capture_one(
    profile: ProfilePaths,
    db: Database,
    mention_id: int,
    *,
    page: bool | None = None,
    actor: str | None = None,
    now: datetime | None = None,
) -> int:
    snapshot = evidence.mention_snapshot(db, mention_id)
    raw = evidence.raw_entry(db, mention_id)
    captured = now or utcnow()
    captured_text = iso(captured) or ""
    files = [
        evidence.CaptureFile(
            "comment.png", "render", png_bytes(render_comment(snapshot, captured_text)), "image/png"
        )
    ]
    if raw is not None:
        files.append(
            evidence.CaptureFile("raw-entry.json", "raw", raw.encode("utf-8"), "application/json")
        )
    if page is None:
        page = bool(settings.get(db, "evidence_page_capture"))
    if page and snapshot.get("url"):
        shot = screenshot_page(str(snapshot["url"]))
        if shot is not None:
            files.append(evidence.CaptureFile("page.png", "page", png_bytes(shot), "image/png"))
    return evidence.store_capture(
        profile, db, snapshot, files, actor=actor or default_actor(db), captured_at=captured
    )


def capture_mentions(
    profile: ProfilePaths,
    db: Database,
    mention_ids: Sequence[int],
    *,
    again: bool = False,
    page: bool | None = None,
) -> list[int]:
    """Capture each mention; returns one evidence id per mention, in order.

    Without `again`, a mention whose comment is unchanged since its last capture keeps that
    capture (moving a card watching → warned → blocked does not pile up copies). Raises
    EvidenceError before capturing anything when an id is unknown.
    """
    ensure_gui_app()
    for mention_id in mention_ids:
        evidence.mention_snapshot(db, mention_id)
    ids: list[int] = []
    records: dict[int, evidence.EvidenceRecord] | None = None
    for mention_id in mention_ids:
        if not again:
            if records is None:  # one read of the log for the whole batch
                records = {r.seq: r for r in evidence.read_log(profile)}
            snapshot = evidence.mention_snapshot(db, mention_id)
            existing = _unchanged_since_last(
                profile, db, records, mention_id, snapshot, evidence.raw_entry(db, mention_id)
            )
            if existing is not None:
                ids.append(existing)
                continue
        ids.append(capture_one(profile, db, mention_id, page=page))
    return ids
