"""The Crisis plan page: open, checklist, notify (clipboard + mailto), link, close, report."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

from crisisdesk_gui.core import contacts, incidents
from crisisdesk_gui.core.alerts import Alert
from crisisdesk_gui.core.db import utcnow
from crisisdesk_gui.core.paths import ProfilePaths
from crisisdesk_gui.ui.incidents_view import CloseDialog, IncidentsView


@pytest.fixture
def view(qtbot, db, data_dir: Path) -> IncidentsView:
    contacts.save_member(
        db, contacts.Member("Ayşe Yılmaz", email_work="ayse@lezzet.com.tr"), region=None
    )
    now = utcnow()
    for mid in (1, 2):
        db["mentions"].insert(
            {
                "id": mid,
                "dedup_key": f"k{mid}",
                "lane": "new",
                "text": f"Kötü hizmet {mid}",
                "author": f"user{mid}",
                "fetched": (now - timedelta(minutes=10 * mid)).isoformat(),
            }
        )
    db.conn.commit()
    widget = IncidentsView(ProfilePaths(data_dir), db)
    qtbot.addWidget(widget)
    return widget


def test_empty_page_explains_itself(view: IncidentsView) -> None:
    assert view.current is None
    assert "detect" in view.state.text()


def test_open_notify_link_close_export(view: IncidentsView, db, monkeypatch, tmp_path) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    iid = view.open_incident("Zehirlenme iddiası", "3 yorum")
    assert view.current is not None and view.current.id == iid
    assert view.step_boxes["detect"].isChecked()

    view.notify()
    assert opened and opened[0].scheme() == "mailto"
    assert "ayse@lezzet.com.tr" in opened[0].toString()
    assert "Zehirlenme iddiası" in QGuiApplication.clipboard().text()
    assert view.step_boxes["notify"].isChecked()

    view.link([1, 2])
    assert view.cards_model.rowCount() == 2
    view.cards_table.selectRow(0)
    view.unlink_selected()
    assert view.cards_model.rowCount() == 1

    view.step_notes["manage"].setText("Ayşe arıyor")
    view._step_clicked("manage", True)
    assert incidents.get_incident(db, iid).step("manage").note == "Ayşe arıyor"

    assert not view.close_incident("  ")
    assert "review notes" in view.message.text()
    assert view.close_incident("Müşteri arandı, sorun çözüldü.")
    assert not incidents.get_incident(db, iid).is_open
    assert not view.link_button.isEnabled()
    assert "Müşteri arandı" in view.review.text()

    out = tmp_path / "r.pdf"
    assert view.export_report(out)
    assert out.read_bytes().startswith(b"%PDF")


def test_close_dialog_needs_notes(qtbot, view: IncidentsView) -> None:
    view.open_incident("Spike")
    assert view.current is not None
    dialog = CloseDialog(view.current, view)
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    dialog.notes.setPlainText("Learned: answer faster.")
    assert dialog.ok.isEnabled()


def test_spike_alert_offers_an_incident(qtbot, view: IncidentsView) -> None:
    view.offer_spike(Alert("new_negative", "x", "y"))
    assert not hasattr(view, "spike_box")
    alert = Alert("spike", "Spike in negative mentions", "2 negative mentions in the last hour")
    view.offer_spike(alert)
    box = view.spike_box
    qtbot.waitUntil(box.isVisible)
    with qtbot.waitSignal(view.incident_opened):
        box.button(box.StandardButton.Yes).click()
    assert view.current is not None
    assert view.current.step("detect").note == alert.message
    assert view.cards_model.rowCount() == 2
