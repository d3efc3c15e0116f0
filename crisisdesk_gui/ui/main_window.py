"""The main window: a navigation list of pages (board, sources, team, …) and a status bar."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)
from sqlite_utils import Database

from crisisdesk_gui import APP_NAME
from crisisdesk_gui.core.paths import ProfilePaths


class MainWindow(QMainWindow):
    def __init__(self, profile: ProfilePaths, db: Database) -> None:
        super().__init__()
        self.profile = profile
        self.db = db
        self.setWindowTitle(APP_NAME)
        self.resize(1280, 800)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget(central)
        self.nav.setFixedWidth(170)
        self.pages = QStackedWidget(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self._page_keys: list[str] = []
        self.statusBar()

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
