"""The Team, Crisis plan and Review pages in the main window, built when first shown."""

from __future__ import annotations

from pathlib import Path

from crisisdesk_gui.core.paths import ProfilePaths


def test_pages_build_on_first_show(qtbot, db, data_dir: Path) -> None:
    from crisisdesk_gui.ui.analytics_view import AnalyticsView
    from crisisdesk_gui.ui.incidents_view import IncidentsView
    from crisisdesk_gui.ui.main_window import MainWindow
    from crisisdesk_gui.ui.team_view import TeamView

    window = MainWindow(ProfilePaths(data_dir), db)
    qtbot.addWidget(window)
    window.tray.available = False
    window.show()
    assert window._page_keys[2:5] == ["team", "incidents", "review"]
    for key, cls in (("team", TeamView), ("incidents", IncidentsView), ("review", AnalyticsView)):
        page = window.show_page(key)
        qtbot.waitUntil(lambda p=page: p.widget is not None)
        assert isinstance(page.widget, cls)
