"""Capturing mentions as evidence, the evidence PDF, and the GUI actions."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMainWindow
from sqlite_utils import Database

from crisisdesk_gui.core import evidence, settings
from crisisdesk_gui.core.paths import ProfilePaths
from crisisdesk_gui.render.evidence_pdf import ExportCancelled, export_evidence_pdf
from crisisdesk_gui.services.evidence_capture import capture_mentions
from crisisdesk_gui.ui import evidence_actions
from tests.core.test_evidence import TURKISH, add_mention

POLISH = "Zażółć gęślą jaźń — ten sklep to oszuści, nie polecam!"
FINNISH = "Älä ikinä osta täältä, töykeä henkilökunta ja huijaushinnat."


@pytest.fixture
def profile(data_dir: Path) -> ProfilePaths:
    return ProfilePaths(data_dir).ensure()


def pdf_text(path: Path) -> str:
    # QPdfWriter spaces words with tabs in the extracted text; compare on single spaces.
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_capture_renders_the_comment_and_keeps_the_raw_entry(
    qapp: object, profile: ProfilePaths, db: Database
) -> None:
    mid = add_mention(db)
    (seq,) = capture_mentions(profile, db, [mid], page=False)
    (rec,) = evidence.read_log(profile)
    assert rec.seq == seq and [f["name"] for f in rec.files] == ["comment.png", "raw-entry.json"]
    image = QImage(str(rec.path(profile, "comment.png")))
    assert image.width() == 1000 and image.height() > 200
    raw = db.execute("SELECT raw FROM mentions WHERE id = ?", [mid]).fetchone()[0]
    assert rec.path(profile, "raw-entry.json").read_text(encoding="utf-8") == raw
    assert rec.captured_at.startswith("20") and rec.app_version
    assert evidence.verify(profile, db).ok


def test_unchanged_mentions_are_not_captured_twice(
    qapp: object, profile: ProfilePaths, db: Database
) -> None:
    mid = add_mention(db)
    first = capture_mentions(profile, db, [mid], page=False)
    assert capture_mentions(profile, db, [mid], page=False) == first
    assert capture_mentions(profile, db, [mid], page=False, again=True) != first
    with db.conn:
        db.execute("UPDATE mentions SET text = 'edited later' WHERE id = ?", [mid])
    assert capture_mentions(profile, db, [mid], page=False)[0] == 3


def test_unknown_mention_captures_nothing(
    qapp: object, profile: ProfilePaths, db: Database
) -> None:
    mid = add_mention(db)
    with pytest.raises(evidence.EvidenceError, match="12345"):
        capture_mentions(profile, db, [mid, 12345], page=False)
    assert evidence.read_log(profile) == []


def _png_rgb_rows(png: bytes) -> bytes:
    image = QImage.fromData(png, "PNG").convertToFormat(QImage.Format.Format_RGB888)
    stride, row = image.bytesPerLine(), image.width() * 3
    bits = bytes(image.constBits())
    return b"".join(bits[y * stride : y * stride + row] for y in range(image.height()))


def test_evidence_pdf(qapp: object, profile: ProfilePaths, db: Database, tmp_path: Path) -> None:
    settings.set_(db, "business_name", "Lezzet Fırını")
    ids = [
        add_mention(db, text=TURKISH, url="https://example.com/tr/1"),
        add_mention(db, text=POLISH, url="https://example.pl/opinie/2", author="Zły Klient"),
        add_mention(db, text=FINNISH, url="https://example.fi/t/3", author="Äijä"),
    ]
    capture_mentions(profile, db, ids, page=False)
    out = tmp_path / "out" / "evidence.pdf"
    steps: list[int] = []
    result = export_evidence_pdf(profile, db, out, progress=lambda d, t: steps.append(d))
    assert result.items == 3 and result.pages >= 4 and result.report.ok
    assert steps[-1] == 100 and steps == sorted(steps)

    text = pdf_text(out)
    for needle in (
        "Lezzet Fırını",
        "https://example.com/tr/1",
        TURKISH,
        POLISH,
        FINNISH,
        "crisisdesk-cli evidence verify",
        f"page 1 of {result.pages}",
        "UTC",
    ):
        assert needle in text, needle
    records = evidence.read_log(profile)
    for rec in records:
        assert rec.hash in text
        for item in rec.files:
            assert item["sha256"] in text

    reader = PdfReader(out)
    # The attachments come back out byte for byte.
    attached = {name: data[0] for name, data in reader.attachments.items()}
    for rec in records:
        for item in rec.files:
            data = attached[f"evidence-{rec.seq}-{item['name']}"]
            assert hashlib.sha256(data).hexdigest() == item["sha256"]
        assert json.loads(attached[f"evidence-{rec.seq}-record.json"])["hash"] == rec.hash

    # The screenshot is embedded losslessly: same size, Flate (not JPEG), same pixels.
    png = records[0].path(profile, "comment.png").read_bytes()
    xobjects = reader.pages[1]["/Resources"]["/XObject"]
    (image,) = [
        o.get_object() for o in xobjects.values() if o.get_object().get("/Subtype") == "/Image"
    ]
    assert image["/Filter"] == "/FlateDecode"
    source = QImage.fromData(png, "PNG")
    assert (image["/Width"], image["/Height"]) == (source.width(), source.height())
    assert image.get_data() == _png_rgb_rows(png)


def test_pdf_for_one_card_and_by_date(
    qapp: object, profile: ProfilePaths, db: Database, tmp_path: Path
) -> None:
    a, b = add_mention(db, url="https://a.example/1"), add_mention(db, url="https://b.example/2")
    capture_mentions(profile, db, [a, b], page=False)
    result = export_evidence_pdf(profile, db, tmp_path / "one.pdf", mention_ids=[b])
    text = pdf_text(tmp_path / "one.pdf")
    assert result.items == 1 and "https://b.example/2" in text and "https://a.example/1" not in text
    since, until = evidence.local_day_bounds(*(2 * [__import__("datetime").date(2001, 1, 1)]))
    with pytest.raises(evidence.EvidenceError):
        export_evidence_pdf(profile, db, tmp_path / "none.pdf", since=since, until=until)
    assert not (tmp_path / "none.pdf").exists()


def test_cancelled_export_leaves_no_file(
    qapp: object, profile: ProfilePaths, db: Database, tmp_path: Path
) -> None:
    capture_mentions(profile, db, [add_mention(db)], page=False)

    def cancel(done: int, total: int) -> None:
        if done > 30:
            raise ExportCancelled

    with pytest.raises(ExportCancelled):
        export_evidence_pdf(profile, db, tmp_path / "x.pdf", progress=cancel)
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".tmp-*")) == []


def test_pdf_cover_names_problems(
    qapp: object, profile: ProfilePaths, db: Database, tmp_path: Path
) -> None:
    capture_mentions(profile, db, [add_mention(db)], page=False)
    rec = evidence.read_log(profile)[0]
    rec.path(profile, "raw-entry.json").write_text("{}")
    result = export_evidence_pdf(profile, db, tmp_path / "x.pdf")
    assert not result.report.ok
    assert "raw-entry.json of record 1 was changed" in pdf_text(tmp_path / "x.pdf")


def test_gui_actions(
    qtbot, profile: ProfilePaths, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    mid = add_mention(db)
    capture, export = evidence_actions.card_actions(window, profile, db, lambda: [mid])
    capture.trigger()
    assert [r.mention_id for r in evidence.read_log(profile)] == [mid]
    assert "Evidence captured" in window.statusBar().currentMessage()

    out = tmp_path / "card"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    export.trigger()
    assert (tmp_path / "card.pdf").is_file()
    assert TURKISH in pdf_text(tmp_path / "card.pdf")


def test_date_range_dialog(qtbot) -> None:
    dialog = evidence_actions.DateRangeDialog()
    qtbot.addWidget(dialog)
    first, last = dialog.days()
    assert first.day == 1 and first <= last


def test_card_detail_entry_points_and_range_export(
    qtbot, profile: ProfilePaths, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog, QMessageBox

    parent = QMainWindow()
    qtbot.addWidget(parent)
    first, second = add_mention(db), add_mention(db, url="https://example.com/second")
    assert evidence_actions.capture_card(profile, db, first, parent) == 1

    targets = iter([tmp_path / "card.pdf", tmp_path / "range.pdf"])
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(next(targets)), ""))
    )
    asked: list[str] = []

    def yes(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(yes))
    # A card without evidence is captured first, after asking.
    result = evidence_actions.export_card_pdf(profile, db, second, parent)
    assert result is not None and result.items == 1 and asked
    assert "https://example.com/second" in pdf_text(tmp_path / "card.pdf")

    monkeypatch.setattr(
        evidence_actions.DateRangeDialog, "exec", lambda self: QDialog.DialogCode.Accepted
    )
    result = evidence_actions.export_range(parent, profile, db)
    assert result is not None and result.items == 2
    assert (tmp_path / "range.pdf").is_file()


def test_page_screenshot_with_qtwebengine(
    qapp: object,
    profile: ProfilePaths,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("PySide6.QtWebEngineWidgets", reason="the webcapture extra is optional")
    import functools
    import http.server
    import threading

    monkeypatch.setenv("QTWEBENGINE_DISABLE_SANDBOX", "1")  # CI may run as root
    (tmp_path / "c.html").write_text(
        '<html><head><meta charset="utf-8"></head><body style="background:#ffeeee">'
        f"<p>{TURKISH}</p></body></html>",
        encoding="utf-8",
    )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        found = add_mention(db, url=f"{base}/c.html")
        missing = add_mention(db, url=f"{base}/missing.html")
        capture_mentions(profile, db, [found, missing], page=True)
    finally:
        server.shutdown()
        server.server_close()
    with_page, without = evidence.read_log(profile)
    assert [f["name"] for f in with_page.files] == ["comment.png", "raw-entry.json", "page.png"]
    page = QImage(str(with_page.path(profile, "page.png")))
    assert page.width() > 0 and page.pixelColor(page.width() - 5, page.height() - 5).name() == (
        "#ffeeee"
    )
    assert "page.png" not in [f["name"] for f in without.files]
    assert evidence.verify(profile, db).ok
