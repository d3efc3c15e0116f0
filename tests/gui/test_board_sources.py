"""The Sources page: list with health and next attempt, pause, remove, OPML round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from crisisdesk_gui.core import sources
from crisisdesk_gui.core.paths import ProfilePaths
from crisisdesk_gui.ui.sources_view import SourcesView


@pytest.fixture
def view(qtbot, db, data_dir: Path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    widget = SourcesView(ProfilePaths(data_dir), db)
    qtbot.addWidget(widget)
    return widget


def cell(view: SourcesView, row: int, col: int) -> str:
    return view.model.index(row, col).data(Qt.ItemDataRole.DisplayRole)


def test_health_in_plain_words_pause_and_remove(view: SourcesView, db) -> None:
    sid = sources.add_source(db, "https://example.org/feed.xml", name="Example")
    db.execute(
        "UPDATE sources SET failures = 3, last_error = 'HTTP 503', next_attempt = ? WHERE id = ?",
        ["2999-01-01T00:00:00+00:00", sid],
    )
    db.conn.commit()
    view.refresh()
    assert cell(view, 0, 0) == "Example"
    assert "3 failures: HTTP 503" in cell(view, 0, 3)
    assert cell(view, 0, 4).startswith("in ")
    view.table.selectRow(0)
    view.toggle_pause()
    assert sources.get_source(db, sid)["paused"] == 1
    assert cell(view, 0, 4) == "paused"
    view.table.selectRow(0)
    view.remove_selected()
    assert sources.list_sources(db) == []


def test_opml_export_then_import(view: SourcesView, db, tmp_path: Path) -> None:
    sources.add_source(db, "https://example.org/a.xml", name="A")
    sources.add_source(db, "https://example.org/b.xml", name="B")
    view.refresh()
    out = tmp_path / "list.opml"
    assert view.export_opml(str(out))
    for row in sources.list_sources(db):
        sources.remove_source(db, row["id"])
    assert view.import_opml(str(out)) == 2
    assert [r["name"] for r in sources.list_sources(db)] == ["A", "B"]
    assert view.model.rowCount() == 2
    # Importing again adds nothing and says why instead of failing.
    assert view.import_opml(str(out)) == 0


def test_poll_selected_emits_ids(qtbot, view: SourcesView, db) -> None:
    sid = sources.add_source(db, "https://example.org/a.xml")
    view.refresh()
    view.table.selectRow(0)
    with qtbot.waitSignal(view.poll_requested) as sig:
        view.btn_poll.click()
    assert sig.args == [[sid]]
