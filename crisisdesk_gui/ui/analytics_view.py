"""The Review page: response times, breaches, volume and negativity, this period against the
previous one, with pyqtgraph charts (figures from core.analytics)."""

from __future__ import annotations

import os
from datetime import date
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

from babel.dates import format_skeleton
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from crisisdesk_gui.core.analytics import Period, Review, review
from crisisdesk_gui.core.i18n import N_, _, current_locale, ngettext
from crisisdesk_gui.core.paths import ProfilePaths
from crisisdesk_gui.core.reports import (
    lane_name,
    response_table_rows,
    summary_rows,
    volume_table_rows,
)

if TYPE_CHECKING:
    import pyqtgraph as pg


@cache
def _pg() -> ModuleType:
    """pyqtgraph, imported when the page is first built: it costs launch half a second."""
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    import pyqtgraph

    pyqtgraph.setConfigOptions(antialias=True, background="w", foreground="k")
    return pyqtgraph


PERIODS: tuple[tuple[int, str], ...] = (
    (1, N_("Last 24 hours")),
    (7, N_("Last 7 days")),
    (30, N_("Last 30 days")),
    (90, N_("Last 90 days")),
)
CURRENT = "#b3261e"
CURRENT_LIGHT = "#f2b8b5"
PREVIOUS = "#6b7280"


def _table(parent: QWidget) -> tuple[QTableView, QStandardItemModel]:
    model = QStandardItemModel(parent)
    view = QTableView(parent)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view, model


def _fill(model: QStandardItemModel, headers: list[str], rows: list[list[str]] | list) -> None:
    model.clear()
    model.setHorizontalHeaderLabels(headers)
    for row in rows:
        items = []
        for i, value in enumerate(row):
            item = QStandardItem(str(value))
            if i:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            items.append(item)
        model.appendRow(items)


class AnalyticsView(QWidget):
    def __init__(self, profile: ProfilePaths, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile, self.db = profile, db
        self.review: Review | None = None

        self.period = QComboBox(self)
        for days, label in PERIODS:
            self.period.addItem(_(label), days)
        self.period.setCurrentIndex(1)
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button = QPushButton(_("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.caption = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Period:"), self))
        top.addWidget(self.period)
        top.addWidget(self.refresh_button)
        top.addWidget(self.caption, 1)

        self.summary_view, self.summary = _table(self)
        self.tabs = QTabWidget(self)
        self.tables: dict[str, QStandardItemModel] = {}
        for key, title in (
            ("lane", _("By lane")),
            ("member", _("By team member")),
            ("source", _("By source")),
            ("lang", _("By language")),
        ):
            view, model = _table(self.tabs)
            self.tabs.addTab(view, title)
            self.tables[key] = model
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.summary_view)
        left.addWidget(self.tabs)

        self.volume_plot = self._plot(_("Mentions per day"))
        self.share_plot = self._plot(_("Share of negative mentions (%)"))
        self.response_plot = self._plot(_("Median time to first reply (minutes)"))
        charts = QWidget(self)
        charts_layout = QVBoxLayout(charts)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        for plot in (self.volume_plot, self.share_plot, self.response_plot):
            charts_layout.addWidget(plot)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(charts)
        splitter.setSizes([520, 700])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.refresh()

    def _plot(self, title: str) -> pg.PlotWidget:
        pg = _pg()
        plot = pg.PlotWidget(self)
        plot.setTitle(title, size="10pt")
        plot.showGrid(y=True, alpha=0.25)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        plot.setMenuEnabled(False)
        plot.addLegend(offset=(10, 5), labelTextSize="8pt", brush=pg.mkBrush(255, 255, 255, 210))
        plot.setMinimumHeight(150)
        return plot

    def days(self) -> int:
        return int(self.period.currentData())

    def refresh(self) -> None:
        days = self.days()
        rv = self.review = review(self.db, Period.last_days(days))
        self.caption.setText(
            ngettext(
                "compared with the {n} day before", "compared with the {n} days before", days
            ).format(n=days)
            + " · "
            + _("response target: {n} min").format(n=rv.target_minutes)
        )
        _fill(
            self.summary,
            [_("Figure"), _("This period"), _("Previous period"), _("Change")],
            [list(r) for r in summary_rows(rv)],
        )
        response_headers = [_("Cards"), _("Median"), _("90th percentile"), _("Breaches")]
        _fill(
            self.tables["lane"],
            [_("Lane"), *response_headers],
            response_table_rows(rv.by_lane, {k: lane_name(k) for k in rv.by_lane}),
        )
        _fill(
            self.tables["member"],
            [_("Team member"), *response_headers],
            response_table_rows(rv.by_member, {}),
        )
        volume_headers = [_("Mentions"), _("Previous"), _("Negative"), _("Previous")]
        _fill(
            self.tables["source"], [_("Source"), *volume_headers], volume_table_rows(rv.by_source)
        )
        _fill(self.tables["lang"], [_("Language"), *volume_headers], volume_table_rows(rv.by_lang))
        self._draw(rv)

    def _draw(self, rv: Review) -> None:
        pg = _pg()
        current, previous = rv.days.current, rv.days.previous
        xs = list(range(len(current)))
        labels = [d for d, _v in current]
        pen_prev = pg.mkPen(PREVIOUS, width=2, style=Qt.PenStyle.DashLine)

        plot = self.volume_plot
        plot.clear()
        plot.addItem(
            pg.BarGraphItem(
                x=xs,
                height=[v.total for _d, v in current],
                width=0.7,
                brush=CURRENT_LIGHT,
                pen=None,
                name=_("All"),
            )
        )
        plot.addItem(
            pg.BarGraphItem(
                x=xs,
                height=[v.negative for _d, v in current],
                width=0.7,
                brush=CURRENT,
                pen=None,
                name=_("Negative"),
            )
        )
        plot.plot(
            xs,
            [v.negative for _d, v in previous][: len(xs)],
            pen=pen_prev,
            name=_("Negative, previous period"),
        )

        plot = self.share_plot
        plot.clear()
        plot.plot(
            xs,
            [100 * (v.negative_share or 0) for _d, v in current],
            pen=pg.mkPen(CURRENT, width=2),
            symbol="o",
            symbolSize=5,
            symbolBrush=CURRENT,
            name=_("This period"),
        )
        plot.plot(
            xs,
            [100 * (v.negative_share or 0) for _d, v in previous][: len(xs)],
            pen=pen_prev,
            name=_("Previous period"),
        )
        plot.setYRange(0, 100)

        plot = self.response_plot
        plot.clear()
        cur_resp = rv.response_days.current
        prev_resp = rv.response_days.previous

        def medians(rows: list) -> tuple[list[int], list[float]]:
            """Only the days with a reply: a day without one has no median to draw."""
            points = [(x, r.median_minutes) for x, (_d, r) in zip(xs, rows, strict=False)]
            kept = [(x, m) for x, m in points if m is not None]
            return [x for x, _m in kept], [m for _x, m in kept]

        plot.plot(
            *medians(cur_resp),
            pen=pg.mkPen(CURRENT, width=2),
            symbol="o",
            symbolSize=5,
            symbolBrush=CURRENT,
            name=_("This period"),
        )
        plot.plot(*medians(prev_resp), pen=pen_prev, name=_("Previous period"))
        target = pg.InfiniteLine(
            pos=rv.target_minutes,
            angle=0,
            pen=pg.mkPen("#d97706", width=1, style=Qt.PenStyle.DotLine),
        )
        plot.addItem(target)
        for chart in (self.volume_plot, self.share_plot, self.response_plot):
            self._set_day_ticks(chart, labels)

    def _set_day_ticks(self, plot: pg.PlotWidget, labels: list[date]) -> None:
        step = max(1, len(labels) // 8)
        ticks = [
            (i, format_skeleton("MMMd", day, locale=current_locale()))
            for i, day in enumerate(labels)
            if i % step == 0
        ]
        plot.getAxis("bottom").setTicks([ticks, []])
        plot.setXRange(-0.6, max(len(labels) - 0.4, 0.6), padding=0)
