"""The Team page: the roster table, the edit dialog's validation, import and export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from crisisdesk_gui.core import contacts
from crisisdesk_gui.core.paths import ProfilePaths
from crisisdesk_gui.ui.team_view import MemberDialog, TeamView

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "contacts"


@pytest.fixture
def view(qtbot, db, data_dir: Path) -> TeamView:
    widget = TeamView(ProfilePaths(data_dir), db)
    qtbot.addWidget(widget)
    return widget


def test_dialog_keeps_bad_input_and_saves_good(qtbot, db) -> None:
    dialog = MemberDialog(db)
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("Jänne Mäkelä")
    dialog.role.setCurrentText("Customer service")
    dialog.edits["phone_mobile"].setText("+358 40 12")
    dialog.edits["channels"].setText("live chat: https://korjaamo.fi/chat")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    save.click()
    assert "Mobile phone" in dialog.error.text()
    assert contacts.list_members(db) == []
    dialog.edits["phone_mobile"].setText("+358 40 123 4567")
    save.click()
    [saved] = contacts.list_members(db)
    assert (saved.role, saved.phone_mobile) == ("customer_service", "+358401234567")
    assert saved.channels == {"live chat": "https://korjaamo.fi/chat"}
    assert dialog.saved_id == saved.id


def test_import_good_then_bad_file(view: TeamView, monkeypatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    assert view.import_file(FIXTURES / "team_en.csv")
    assert view.model.rowCount() == 3
    assert "Imported 3 contacts" in view.status.text()
    assert view.model.index(0, 0).data() == "Ayşe Yılmaz"
    assert view.model.index(0, 2).data() == "+90 532 123 45 67"
    assert not view.import_file(FIXTURES / "bad_phone.csv")
    assert "Line 3" in warnings[0] and "Nothing was imported" in warnings[0]
    assert view.model.rowCount() == 3


def test_export_files(view: TeamView, tmp_path: Path) -> None:
    view.import_file(FIXTURES / "team_en.csv")
    for fmt in ("csv", "vcf", "pdf"):
        out = tmp_path / f"team.{fmt}"
        view.export_to(out, fmt)
        assert out.stat().st_size > 100
    assert (tmp_path / "team.pdf").read_bytes().startswith(b"%PDF")


def test_delete_asks_first(view: TeamView, monkeypatch) -> None:
    view.import_file(FIXTURES / "team_en.csv")
    view.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    view.delete_selected()
    assert view.model.rowCount() == 3
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.delete_selected()
    assert [m.name for m in view.model.members] == ["Jänne Mäkelä", "Paweł Żółkiewski"]
