"""How the main window ties the parts together: alerts to the crisis plan, menus, screen fit."""

from __future__ import annotations

from pathlib import Path

import pytest

from crisisdesk_gui.core import i18n
from crisisdesk_gui.core.alerts import Alert
from crisisdesk_gui.core.db import open_profile_db
from crisisdesk_gui.core.paths import ProfilePaths


@pytest.fixture
def window(qtbot, data_dir: Path):
    from crisisdesk_gui.ui.main_window import MainWindow

    win = MainWindow(ProfilePaths(data_dir), open_profile_db(data_dir))
    qtbot.addWidget(win)
    return win


def test_a_spike_alert_offers_an_incident_on_the_crisis_plan(qtbot, window) -> None:
    window.tray._show([Alert("new_negative", "New", "3 new negative mentions", 1)])
    assert window.incidents.widget is None  # other alerts do not build the page

    window.tray._show([Alert("spike", "Spike", "9 negative mentions in the last hour")])

    page = window.incidents.build()
    qtbot.waitUntil(lambda: page.spike_box.isVisible())
    with qtbot.waitSignal(page.incident_opened):
        page.spike_box.button(page.spike_box.StandardButton.Yes).click()
    assert window.db.execute("SELECT count(*) FROM incidents").fetchone()[0] == 1


def test_menus_reach_evidence_export_and_templates(window) -> None:
    texts = [a.text() for a in window.menu_file.actions()]
    assert "Export evidence PDF for a period…" in texts
    assert "Reply templates…" in [a.text() for a in window.menu_tools.actions()]


@pytest.mark.parametrize("lang", ["en", "tr", "pl", "fi"])
def test_the_window_fits_a_1280_pixel_screen(qtbot, data_dir: Path, lang: str) -> None:
    from crisisdesk_gui.ui.main_window import MainWindow

    i18n.set_language(lang)
    win = MainWindow(ProfilePaths(data_dir), open_profile_db(data_dir))
    qtbot.addWidget(win)
    assert win.minimumSizeHint().width() <= 1280


def test_status_bar_tells_when_the_profile_was_last_polled(qtbot, data_dir: Path) -> None:
    from crisisdesk_gui.core import sources
    from crisisdesk_gui.ui.main_window import MainWindow

    db = open_profile_db(data_dir)
    fresh = MainWindow(ProfilePaths(data_dir), db)
    qtbot.addWidget(fresh)
    assert fresh.last_poll.text() == "Not polled yet"

    source_id = sources.add_source(db, "https://example.org/feed.xml")
    with db.conn:
        db.execute(
            "UPDATE sources SET last_attempt = ? WHERE id = ?",
            ["2026-11-20T08:15:00+00:00", source_id],
        )
    polled = MainWindow(ProfilePaths(data_dir), db)
    qtbot.addWidget(polled)
    assert polled.last_poll.text().startswith("Last poll ")
    assert "11/20/26" in polled.last_poll.text()  # Babel's short en date


def test_a_reply_from_the_detail_pane_updates_the_unanswered_count(qtbot, data_dir: Path) -> None:
    from crisisdesk_gui.ui.main_window import MainWindow

    db = open_profile_db(data_dir)
    with db.conn:
        db["mentions"].insert(
            {"id": 1, "dedup_key": "a", "lane": "new", "label": "negative", "text": "Kötü"}
        )
    window = MainWindow(ProfilePaths(data_dir), db)
    qtbot.addWidget(window)
    assert window.tray.count == 1
    with db.conn:
        db.execute("UPDATE mentions SET first_reply_at = '2026-11-22T10:00:00+00:00'")
    window.board.detail.changed.emit(1)
    assert window.tray.count == 0
