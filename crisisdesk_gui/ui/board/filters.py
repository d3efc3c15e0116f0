"""The filter bar: search as you type (debounced), source, language, lane, assignee, dates,
severity, sort. Emits one immutable `BoardFilter` whenever the choice changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crisisdesk_gui.core import board
from crisisdesk_gui.core.i18n import N_, _

if TYPE_CHECKING:
    from sqlite_utils import Database

SEARCH_DEBOUNCE_MS = 200
PERIODS = (
    ("any", N_("Any time")),
    ("24h", N_("Last 24 hours")),
    ("7d", N_("Last 7 days")),
    ("30d", N_("Last 30 days")),
    ("custom", N_("Dates…")),
)
SEVERITIES = (
    (0, N_("Any severity")),
    (1, N_("Notable or worse")),
    (2, N_("Serious or worse")),
    (3, N_("Crisis")),
)


class FilterBar(QWidget):
    changed = Signal(object)  # board.BoardFilter

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        # Two rows: one row of nine filters is wider than a 1280 px screen in every language.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        first, second = QHBoxLayout(), QHBoxLayout()
        layout.addLayout(first)
        layout.addLayout(second)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        self.source, self.lang, self.lane, self.assignee, self.severity = (
            QComboBox(self) for _n in range(5)
        )
        self.period = QComboBox(self)
        self.sort = QComboBox(self)
        # Each of these filters applies as soon as it changes; the period first shows dates.
        filters = (self.source, self.lang, self.lane, self.assignee, self.severity)
        self.combos = (*filters, self.period, self.sort)
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDate(QDate.currentDate())
            edit.setVisible(False)
        self.date_from.setDate(QDate.currentDate().addDays(-7))
        self.date_from.setToolTip(_("From"))
        self.date_to.setToolTip(_("To"))
        self.clear = QToolButton(self)
        self.clear.setText(_("Clear filters"))
        first.addWidget(self.search, 1)
        for w in (self.sort, self.clear):
            first.addWidget(w)
        for w in (*filters, self.period, self.date_from, self.date_to):
            second.addWidget(w)
        second.addStretch(1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(self._debounce.start)
        for combo in (self.source, self.assignee):
            # Names the user typed (long source and team names) must not widen the window.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        # The others hold our own short labels: shown whole in every language
        # ("Mikä tahansa vakavuus" was cut at a fixed width).
        for combo in (self.lang, self.lane, self.severity, self.period, self.sort):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for combo in (*filters, self.sort):
            combo.currentIndexChanged.connect(self._emit)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.date_from.dateChanged.connect(self._emit)
        self.date_to.dateChanged.connect(self._emit)
        self.clear.clicked.connect(self.reset)
        self._quiet = False
        self.reload_choices()

    def reload_choices(self) -> None:
        """Refill the combos (sources and team change while the app runs), keeping choices."""
        choices = board.filter_choices(self.db)
        self._quiet = True
        try:
            _fill(self.source, [(None, _("All sources")), *choices["sources"]])
            _fill(self.lang, [(None, _("All languages")), *choices["langs"]])
            _fill(
                self.lane,
                [
                    (None, _("All lanes")),
                    ("playbook", _("Playbook lanes")),
                    ("troll", _("Troll lanes")),
                    *[(lane.key, _(lane.name)) for lane in board.LANES],
                ],
            )
            _fill(self.assignee, [(None, _("Anyone")), (-1, _("Unassigned")), *choices["members"]])
            _fill(self.severity, [(k, _(t)) for k, t in SEVERITIES])
            _fill(self.period, [(k, _(t)) for k, t in PERIODS])
            _fill(self.sort, [("urgency", _("Most urgent first")), ("time", _("Newest first"))])
        finally:
            self._quiet = False

    def reset(self) -> None:
        self._quiet = True
        try:
            self.search.clear()
            for combo in self.combos:
                combo.setCurrentIndex(0)
        finally:
            self._quiet = False
        self._debounce.stop()
        self._emit()

    def flush(self) -> None:
        """Apply pending typing now (Enter in the search box, tests)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self._emit()

    def _period_changed(self) -> None:
        custom = self.period.currentData() == "custom"
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)
        self._emit()

    def current(self) -> board.BoardFilter:
        lane = self.lane.currentData()
        if lane in ("playbook", "troll"):
            lanes = frozenset(x.key for x in board.LANES if x.group == lane)
        else:
            lanes = frozenset({lane}) if lane else frozenset()
        since, until = self._dates()
        return board.BoardFilter(
            sources=frozenset({self.source.currentData()})
            if self.source.currentData()
            else frozenset(),
            langs=frozenset({self.lang.currentData()}) if self.lang.currentData() else frozenset(),
            lanes=lanes,
            assignee=self.assignee.currentData(),
            since=since,
            until=until,
            min_severity=int(self.severity.currentData() or 0),
            text=self.search.text(),
            sort=self.sort.currentData() or "urgency",
        )

    def _dates(self) -> tuple[datetime | None, datetime | None]:
        period = self.period.currentData()
        now = datetime.now(UTC)
        if period == "24h":
            return now - timedelta(hours=24), None
        if period == "7d":
            return now - timedelta(days=7), None
        if period == "30d":
            return now - timedelta(days=30), None
        if period == "custom":
            start = self.date_from.date().startOfDay().toPython()
            end = self.date_to.date().addDays(1).startOfDay().toPython()
            return start.astimezone(UTC), end.astimezone(UTC)
        return None, None

    def _emit(self, *_args: Any) -> None:
        if not self._quiet:
            self.changed.emit(self.current())


def _fill(combo: QComboBox, items: list[tuple[Any, str]]) -> None:
    keep = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for data, label in items:
        combo.addItem(label, data)
    found = combo.findData(keep) if keep is not None else 0
    combo.setCurrentIndex(max(found, 0))
    combo.blockSignals(False)
