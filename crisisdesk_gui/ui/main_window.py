"""The main window: a navigation list of pages (board, sources, team, …), menus, a toolbar with
"Poll now", a status bar with poll progress, the tray, and the in-window alert banner."""

from __future__ import annotations

import importlib
import logging
import os
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from crisisdesk_gui import APP_NAME, __version__
from crisisdesk_gui.core import alerts, settings
from crisisdesk_gui.core.db import parse_iso
from crisisdesk_gui.core.i18n import _, format_datetime, format_time, ngettext
from crisisdesk_gui.core.paths import ProfilePaths
from crisisdesk_gui.services.poller import Poller, PollResult
from crisisdesk_gui.services.tray import TrayService

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent  # PySide builds the type on first use: ~1 ms
    from sqlite_utils import Database

log = logging.getLogger(__name__)

# The launch benchmark sets this to learn when the board has painted its first cards.
READY_ENV = "CRISISDESK_REPORT_READY"
TRAY_HINT_KEY = "tray_hint_shown"


class MainWindow(QMainWindow):
    def __init__(self, profile: ProfilePaths, db: Database) -> None:
        super().__init__()
        self.profile = profile
        self.db = db
        self.setWindowTitle(APP_NAME)
        self.resize(1280, 800)
        self._quitting = False

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = _Banner(central)
        outer.addWidget(self.banner)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget(central)
        self.nav.setFixedWidth(150)
        self.pages = QStackedWidget(central)
        body.addWidget(self.nav)
        body.addWidget(self.pages, 1)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self._page_keys: list[str] = []

        self.poller = Poller(profile.data_dir, self)
        self.tray = TrayService(db, self)
        self._build_status_bar()
        self._build_pages()
        self._build_actions()
        self._connect_services()
        if os.environ.get(READY_ENV):
            self.board.first_rows_shown.connect(
                lambda: print(f"CRISISDESK_READY {time.time():.6f}", flush=True)
            )

    def start_services(self) -> None:
        """Show the tray icon and start polling: app.py does it after the first paint."""
        self.tray.start()
        self.poller.start()

    # --- pages ---------------------------------------------------------------------

    def _build_pages(self) -> None:
        from crisisdesk_gui.ui.board.view import BoardView

        self.board = BoardView(self.profile, self.db, self)
        self.add_page("board", _("Board"), self.board)
        self.sources = LazyPage(self._make_sources_view, self)
        self.add_page("sources", _("Sources"), self.sources)
        self.add_page("team", _("Team"), self._lazy("team_view", "TeamView"))
        self.incidents = self._lazy("incidents_view", "IncidentsView")
        self.add_page("incidents", _("Crisis plan"), self.incidents)
        self.review = self._lazy("analytics_view", "AnalyticsView")
        self.add_page("review", _("Review"), self.review)

    def _lazy(self, module: str, cls: str) -> LazyPage:
        """A page whose module is imported only when first shown: launch imports the board only."""

        def build() -> QWidget:
            page_class = getattr(importlib.import_module(f"crisisdesk_gui.ui.{module}"), cls)
            return page_class(self.profile, self.db, self)

        return LazyPage(build, self)

    def _make_sources_view(self) -> QWidget:
        # Built on first show: it pulls in the fetch stack (httpx), which launch does not need.
        from crisisdesk_gui.ui.sources_view import SourcesView

        view = SourcesView(self.profile, self.db, self)
        view.poll_requested.connect(lambda ids: self.poller.poll_now(ids or None))
        return view

    def add_page(self, key: str, title: str, widget: QWidget) -> None:
        self._page_keys.append(key)
        self.pages.addWidget(widget)
        QListWidgetItem(title, self.nav)
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)

    def show_page(self, key: str) -> QWidget:
        index = self._page_keys.index(key)
        self.nav.setCurrentRow(index)
        return self.pages.widget(index)

    # --- menus, toolbar, status bar ------------------------------------------------

    def _build_actions(self) -> None:
        self.act_poll = QAction(_("Poll now"), self)
        self.act_poll.setShortcut(QKeySequence("F5"))
        self.act_poll.triggered.connect(lambda: self.poller.poll_now())
        self.act_undo = QAction(_("Undo move"), self)
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_undo.triggered.connect(self.undo_move)
        act_search = QAction(_("Search"), self)
        act_search.setShortcut(QKeySequence.StandardKey.Find)
        act_search.triggered.connect(self._focus_search)
        act_refresh = QAction(_("Refresh board"), self)
        act_refresh.triggered.connect(self.board.refresh)
        act_clear = QAction(_("Clear filters"), self)
        act_clear.triggered.connect(self.board.filters.reset)
        act_settings = QAction(_("Settings…"), self)
        act_settings.setShortcut(QKeySequence.StandardKey.Preferences)
        act_settings.triggered.connect(self.open_settings)
        act_quit = QAction(_("Quit"), self)
        act_quit.setShortcut(QKeySequence.StandardKey.Quit)
        act_quit.triggered.connect(self.quit_app)
        act_about = QAction(_("About CrisisDesk"), self)
        act_about.triggered.connect(self._about)
        act_keys = QAction(_("Keyboard shortcuts"), self)
        act_keys.triggered.connect(self._keys_help)

        bar = self.menuBar()
        file_menu = bar.addMenu(_("&File"))
        file_menu.addAction(self.act_poll)
        file_menu.addSeparator()
        file_menu.addAction(self._evidence_export_action())
        file_menu.addSeparator()
        file_menu.addAction(act_quit)
        board_menu = bar.addMenu(_("&Board"))
        for action in (self.act_undo, act_search, act_clear, act_refresh):
            board_menu.addAction(action)
        tools = bar.addMenu(_("&Tools"))
        tools.addAction(self.tray.act_pause)
        act_templates = QAction(_("Reply templates…"), self)
        act_templates.triggered.connect(self.open_template_editor)
        tools.addAction(act_templates)
        tools.addAction(act_settings)
        help_menu = bar.addMenu(_("&Help"))
        help_menu.addAction(act_keys)
        help_menu.addAction(act_about)
        # Menus of other pages (evidence export, team) hang here.
        self.menu_file, self.menu_board, self.menu_tools, self.menu_help = (
            file_menu,
            board_menu,
            tools,
            help_menu,
        )

        toolbar = QToolBar(_("Main toolbar"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.act_poll)
        toolbar.addAction(self.act_undo)
        self.addToolBar(toolbar)

    def _build_status_bar(self) -> None:
        self.poll_progress = QProgressBar(self)
        self.poll_progress.setMaximumWidth(180)
        self.poll_progress.setVisible(False)
        self.last_poll = QLabel(self._previous_poll_text(), self)
        self.badge_label = QLabel(self)
        status = self.statusBar()
        status.addPermanentWidget(self.badge_label)
        status.addPermanentWidget(self.poll_progress)
        status.addPermanentWidget(self.last_poll)

    def _previous_poll_text(self) -> str:
        # A profile polled before (by the CLI, the demo or an earlier run) says when.
        row = self.db.execute("SELECT max(last_attempt) FROM sources").fetchone()
        if not row or not row[0]:
            return _("Not polled yet")
        return _("Last poll {time}").format(time=format_datetime(parse_iso(row[0]), "short"))

    def _connect_services(self) -> None:
        self.poller.started.connect(self._poll_started)
        self.poller.progress.connect(self._poll_progress)
        self.poller.finished.connect(self._poll_finished)
        self.tray.open_requested.connect(self.bring_to_front)
        self.tray.poll_requested.connect(lambda: self.poller.poll_now())
        self.tray.quit_requested.connect(self.quit_app)
        self.tray.card_requested.connect(self.open_card)
        self.tray.alert_in_window.connect(self.banner.show_alert)
        self.tray.badge_changed.connect(self._badge_changed)
        self.tray.alerted.connect(self._alerted)
        self.banner.card_requested.connect(self.open_card)
        self.board.moved.connect(lambda *_a: self.tray.update_badge())
        # A reply, assignment or note from the detail pane can answer a card too.
        self.board.detail.changed.connect(lambda *_a: self.tray.update_badge())
        self._badge_changed(self.tray.count)

    def _alerted(self, alert: alerts.Alert) -> None:
        # The plan starts with detection: a spike offers to open an incident right away.
        if alert.kind == "spike":
            self.incidents.build().offer_spike(alert)

    # --- polling -------------------------------------------------------------------

    def _poll_started(self) -> None:
        self.poll_progress.setRange(0, 0)  # busy until the first progress report
        self.poll_progress.setVisible(True)
        self.act_poll.setEnabled(False)
        self.statusBar().showMessage(_("Polling sources…"))

    def _poll_progress(self, done: int, total: int, name: str) -> None:
        if total > 0:
            self.poll_progress.setRange(0, total)
            self.poll_progress.setValue(done)
        if name:
            self.statusBar().showMessage(_("Polling {source}…").format(source=name))

    def _poll_finished(self, result: PollResult) -> None:
        self.poll_progress.setVisible(False)
        self.act_poll.setEnabled(True)
        self.statusBar().clearMessage()
        when = format_time(result.finished)
        if result.error:
            self.last_poll.setText(
                _("Last poll {time} failed: {error}").format(time=when, error=result.error)
            )
        else:
            found = ngettext("{n} new", "{n} new", len(result.new_ids)).format(
                n=len(result.new_ids)
            )
            text = _("Last poll {time}: {found}").format(time=when, found=found)
            if result.sources_failed:
                text += " · " + ngettext(
                    "{n} source failed", "{n} sources failed", result.sources_failed
                ).format(n=result.sources_failed)
            self.last_poll.setText(text)
        if result.new_ids:
            self.board.filters.reload_choices()
            self.board.refresh()
        if self.sources.widget is not None:
            self.sources.widget.refresh()  # type: ignore[attr-defined]
        self.tray.handle_poll(result.new_negative_ids)

    def _badge_changed(self, count: int) -> None:
        self.badge_label.setText(
            ngettext("{n} unanswered", "{n} unanswered", count).format(n=count) if count else ""
        )
        title = APP_NAME if count <= 0 else f"{APP_NAME} ({count})"
        self.setWindowTitle(title)

    # --- actions -------------------------------------------------------------------

    def undo_move(self) -> None:
        if not self.board.undo():
            self.statusBar().showMessage(_("Nothing to undo."), 3000)
        else:
            self.tray.update_badge()

    def _focus_search(self) -> None:
        self.show_page("board")
        self.board.filters.search.setFocus()
        self.board.filters.search.selectAll()

    def open_card(self, mention_id: int) -> None:
        self.bring_to_front()
        self.show_page("board")
        self.board.open_card(mention_id)

    def bring_to_front(self) -> None:
        from crisisdesk_gui.services.single_instance import bring_to_front

        bring_to_front(self)

    def _evidence_export_action(self) -> QAction:
        action = QAction(_("Export evidence PDF for a period…"), self)

        def export() -> None:
            from crisisdesk_gui.ui import evidence_actions

            evidence_actions.export_range(self, self.profile, self.db)

        action.triggered.connect(export)
        return action

    def open_template_editor(self) -> None:
        from crisisdesk_gui.ui.template_editor import TemplateEditor

        TemplateEditor(self.db, self).exec()

    def open_settings(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        try:
            from crisisdesk_gui.ui.settings_dialog import SettingsDialog
        except ImportError:
            QMessageBox.information(self, APP_NAME, _("Settings are not available in this build."))
            return
        SettingsDialog(self.profile, self.db, self).exec()
        self.tray.reload_settings()
        self.board.refresh()

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            _("About CrisisDesk"),
            _("{app} {version}\nWatch what people say about your business and answer fast.").format(
                app=APP_NAME, version=__version__
            ),
        )

    def _keys_help(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(
            self,
            _("Keyboard shortcuts"),
            _(
                "Arrow keys: move between cards and lanes\n"
                "1–8: move the selected cards to lane 1–8\n"
                "Shift/Ctrl+click: select several cards\n"
                "Ctrl+Z: undo the last move\n"
                "Ctrl+F: search\n"
                "F5: poll now"
            ),
        )

    # --- closing -------------------------------------------------------------------

    def quit_app(self) -> None:
        self._quitting = True
        self.poller.stop()
        self.tray.hide()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._quitting or not self.tray.available:
            # Without a tray nothing could bring a hidden window back: closing quits.
            self.poller.stop()
            event.accept()
            if not self._quitting:
                QTimer.singleShot(0, self.quit_app)
            return
        event.ignore()
        self.hide()
        if not settings.get(self.db, TRAY_HINT_KEY, False):
            settings.set_(self.db, TRAY_HINT_KEY, True)
            if self.tray.icon is not None:
                self.tray.icon.showMessage(
                    APP_NAME,
                    _("CrisisDesk keeps watching from the tray. Quit from the tray menu."),
                )

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # With a tray the app lives on after the window closes.
            app.setQuitOnLastWindowClosed(not self.tray.available)


class LazyPage(QWidget):
    """A page whose widget is built the first time it is shown, keeping launch fast."""

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.factory = factory
        self.widget: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def build(self) -> QWidget:
        if self.widget is None:
            self.widget = self.factory()
            self._layout.addWidget(self.widget)
        return self.widget

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.build()
        super().showEvent(event)


class _Banner(QWidget):
    """Alerts shown in the window where the desktop has no tray; a click opens the card."""

    card_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setStyleSheet("background: #fff3e0; color: #4e342e")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.open_btn = QPushButton(_("Open card"), self)
        self.close_btn = QPushButton(_("Dismiss"), self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_btn)
        layout.addWidget(self.close_btn)
        self.alert: alerts.Alert | None = None
        self.open_btn.clicked.connect(self._open)
        self.close_btn.clicked.connect(self.hide)
        self.hide()

    def show_alert(self, alert: alerts.Alert) -> None:
        self.alert = alert
        stamp = format_time(datetime.now(UTC))
        self.label.setText(f"{stamp} · {alert.title}: {alert.message}")
        self.open_btn.setVisible(alert.mention_id is not None)
        self.show()

    def _open(self) -> None:
        if self.alert is not None and self.alert.mention_id is not None:
            self.card_requested.emit(self.alert.mention_id)
        self.hide()
