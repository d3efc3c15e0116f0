"""The board page: filter bar, one list view per lane (drag and drop, keys), the detail pane.

Every move goes through `BoardView.move`, which commits it (core.board.move_cards) before the
lanes reload, so what the user sees is always what the database holds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crisisdesk_gui.core import board, settings
from crisisdesk_gui.core.i18n import _
from crisisdesk_gui.core.paths import ProfilePaths
from crisisdesk_gui.ui.board.delegate import CardDelegate
from crisisdesk_gui.ui.board.filters import FilterBar
from crisisdesk_gui.ui.board.model import ID_ROLE, UNCOUNTED, LaneModel
from crisisdesk_gui.ui.detail_pane import DetailPane, module_exists

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex
    from sqlite_utils import Database

log = logging.getLogger(__name__)

REPAINT_MS = 30_000
LANE_WIDTH = 240
# Keys 1..8 move the selected cards to the lane in LANES order. Qt's codes of the digit keys
# are their ASCII codes (Qt.Key.Key_1 == 0x31); spelling them as Qt.Key here would build that
# 471-member enum at import, ~7 ms of every launch.
LANE_KEYS = {ord("1") + i: lane.key for i, lane in enumerate(board.LANES)}


class LaneList(QListView):
    """One lane's cards. Left/Right hand focus to the neighbour lane; 1–8 move the selection."""

    neighbour = Signal(int)
    move_requested = Signal(str)
    rows_painted = Signal()  # once: the first paint that showed cards

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._painted_rows = False
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setUniformItemSizes(True)  # lets the view skip measuring 50,000 rows
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.NoModifier and event.key() in LANE_KEYS:
            self.move_requested.emit(LANE_KEYS[int(event.key())])
            return
        if mods == Qt.KeyboardModifier.NoModifier and event.key() in (
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
        ):
            self.neighbour.emit(-1 if event.key() == Qt.Key.Key_Left else 1)
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        # The viewport's paints arrive here. (An event filter on viewport() would cost the
        # launch ~8 ms: PySide's first viewport() call wraps a private Qt class.)
        super().paintEvent(event)
        if not self._painted_rows and self.model().rowCount() > 0:
            self._painted_rows = True
            self.rows_painted.emit()

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.selectionModel().selectedIndexes())
        return [self.model().index(r, 0).data(ID_ROLE) for r in rows]


class BoardView(QWidget):
    card_selected = Signal(int)
    moved = Signal(list, str)  # ids, lane: after the move is committed
    first_rows_shown = Signal()  # the first paint of a lane with cards (launch benchmark)

    def __init__(
        self,
        profile: ProfilePaths,
        db: Database,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.db = db
        self.undo_stack: list[dict[int, str | None]] = []
        self._target = int(settings.get(db, "response_target_minutes") or 60)
        self.delegate = CardDelegate(
            lambda: self._target, clock, self, lambda model: self.lists.get(model.lane)
        )
        self.filters = FilterBar(db, self)
        self.detail = DetailPane(profile, db, self)
        self.models: dict[str, LaneModel] = {}
        self.lists: dict[str, LaneList] = {}
        self.headers: dict[str, QLabel] = {}
        self.frames: dict[str, QFrame] = {}
        self._shown_rows = False
        self._first_pick: int | None = None  # see _select
        self._uncounted = False  # see refresh
        self._picking_first = False

        lanes_row = QWidget()
        row = QHBoxLayout(lanes_row)
        row.setContentsMargins(4, 4, 4, 4)
        row.setSpacing(6)
        for position, lane in enumerate(board.LANES):
            frame = QFrame(lanes_row)
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            frame.setMinimumWidth(LANE_WIDTH)
            box = QVBoxLayout(frame)
            box.setContentsMargins(2, 4, 2, 2)
            header = QLabel(frame)
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header.setStyleSheet("font-weight: bold")
            model = LaneModel(db, lane.key, self.move, self)
            view = LaneList(frame)
            view.setModel(model)
            view.setItemDelegate(self.delegate)
            view.setAccessibleName(_(lane.name))
            view.neighbour.connect(lambda step, p=position: self._focus_lane(p, step))
            view.move_requested.connect(lambda target, v=view: self.move_selected(v, target))
            view.selectionModel().currentChanged.connect(
                lambda cur, _prev, v=view: self._current_changed(v, cur)
            )
            view.rows_painted.connect(self._rows_painted)
            box.addWidget(header)
            box.addWidget(view, 1)
            row.addWidget(frame)
            self.models[lane.key] = model
            self.lists[lane.key] = view
            self.headers[lane.key] = header
            self.frames[lane.key] = frame

        scroll = QScrollArea(self)
        scroll.setWidget(lanes_row)
        scroll.setWidgetResizable(True)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter = QSplitter(self)
        splitter.addWidget(scroll)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1000, 300])
        splitter.setCollapsible(0, False)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)

        self.filters.changed.connect(self.apply_filter)
        self.detail.changed.connect(lambda _id: self.refresh())
        QShortcut(QKeySequence.StandardKey.Find, self, self.filters.search.setFocus)
        self._repaint = QTimer(self)
        self._repaint.setInterval(REPAINT_MS)
        self._repaint.timeout.connect(self.repaint_cards)
        self._repaint.start()
        self._picking_first = True
        self.refresh(count=False)
        self._picking_first = False

    # --- loading -------------------------------------------------------------------

    def refresh(self, *, count: bool = True) -> None:
        """Reload every lane from the database, keeping each lane's current card if it is still
        there. count=False (building the board) leaves the card counts of lanes with more than
        a page to `count_lanes`, after the first paint: counting 50,000 cards takes ~5 ms."""
        self._target = int(settings.get(self.db, "response_target_minutes") or 60)
        flt = self.filters.current()
        counts = board.lane_counts(self.db, flt) if count else None
        self._uncounted = False
        for key, model in self.models.items():
            view = self.lists[key]
            current = view.currentIndex().data(ID_ROLE) if view.currentIndex().isValid() else None
            visible = not flt.lanes or key in flt.lanes
            self.frames[key].setVisible(visible)
            model.reload(flt, (counts[key] if counts else UNCOUNTED) if visible else 0)
            if current is not None and (row := model.row_of(current)) >= 0:
                view.selectionModel().setCurrentIndex(
                    model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
                )
            if counts or model.counted():
                self._show_count(key, model.total)
            else:
                self._uncounted = True
                self.headers[key].setText(_(board.LANE_BY_KEY[key].name))
        if self.detail.mention_id is None:
            self._select_first()

    def count_lanes(self) -> None:
        """Count the cards of lanes that hold more than their first page."""
        self._uncounted = False
        counts = board.lane_counts(self.db, self.filters.current())
        for key, model in self.models.items():
            if not self.frames[key].isHidden():
                model.set_total(counts[key])
                self._show_count(key, model.total)

    def _show_count(self, key: str, count: int) -> None:
        self.headers[key].setText(f"{_(board.LANE_BY_KEY[key].name)} ({count})")

    def _select_first(self) -> None:
        """Show the most urgent card's detail rather than an empty pane (no focus stolen)."""
        for key, model in self.models.items():
            if model.rowCount() and not self.frames[key].isHidden():
                self.lists[key].selectionModel().setCurrentIndex(
                    model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
                return

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Sources and the team roster change on other pages; offer their current values.
        self.filters.reload_choices()
        super().showEvent(event)

    def apply_filter(self, flt: board.BoardFilter) -> None:
        self.refresh()

    def repaint_cards(self) -> None:
        for view in self.lists.values():
            view.viewport().update()

    def _rows_painted(self) -> None:
        # Announce the first paint of a lane that holds cards: the launch benchmark's mark.
        if not self._shown_rows:
            self._shown_rows = True
            QTimer.singleShot(0, self.first_rows_shown.emit)
            QTimer.singleShot(0, self._after_first_rows)

    # --- moves ---------------------------------------------------------------------

    def move(self, ids: Sequence[int], lane: str) -> bool:
        """Commit a move (with history) and only then show it. Undo keeps the lanes it had."""
        before = board.lanes_of(self.db, list(ids))
        try:
            moved = board.move_cards(self.db, ids, lane, actor=board.default_actor(self.db))
        except board.BoardError as exc:
            _warn(self, _("Move cards"), str(exc))
            return False
        if not moved:
            return False
        self.undo_stack.append({i: before[i] for i in moved})
        del self.undo_stack[:-50]
        self.refresh()
        self.moved.emit(moved, lane)
        if lane in board.TROLL_LANES:
            self._capture(moved)
        return True

    def move_selected(self, view: LaneList, lane: str) -> None:
        ids = view.selected_ids()
        if not ids:
            return
        row = view.currentIndex().row()
        if self.move(ids, lane):
            # Stay in the lane on the next card, so a run of keyboard moves flows.
            model = view.model()
            if model.rowCount():
                view.setCurrentIndex(model.index(min(max(row, 0), model.rowCount() - 1), 0))

    def undo(self) -> bool:
        if not self.undo_stack:
            return False
        previous = self.undo_stack.pop()
        try:
            board.undo_moves(self.db, previous, actor=board.default_actor(self.db))
        except board.BoardError as exc:  # a card removed since; say so rather than fail
            _warn(self, _("Undo"), str(exc))
            return False
        self.refresh()
        return True

    def _capture(self, ids: list[int]) -> None:
        """Troll lanes keep evidence. The move is already committed; a failed capture only warns."""
        if not module_exists("crisisdesk_gui.services.evidence_capture"):
            return
        try:
            from crisisdesk_gui.services.evidence_capture import capture_mentions

            capture_mentions(self.profile, self.db, ids)
        except Exception as exc:
            log.exception("evidence capture failed for %s", ids)
            _warn(
                self,
                _("Capture evidence"),
                _("The cards were moved, but capturing evidence failed: {error}").format(error=exc),
            )

    # --- navigation ----------------------------------------------------------------

    def _visible_lanes(self) -> list[str]:
        return [k for k in self.models if self.frames[k].isVisibleTo(self)]

    def _focus_lane(self, start: int, step: int) -> None:
        """Focus the nearest visible lane with cards in the direction of `step`."""
        keys = [lane.key for lane in board.LANES]
        position = start + step
        while 0 <= position < len(keys):
            key = keys[position]
            if key in self._visible_lanes() and self.models[key].rowCount():
                view = self.lists[key]
                view.setFocus()
                if not view.currentIndex().isValid():
                    view.setCurrentIndex(self.models[key].index(0, 0))
                return
            position += step

    def _current_changed(self, lane: LaneList, current: QModelIndex) -> None:
        if not current.isValid():
            return
        # One card is chosen on the whole board: the other lanes drop theirs, current index
        # included, so choosing their card again is a change the detail follows.
        for other in self.lists.values():
            if other is not lane:
                other.selectionModel().clear()
        self._select(current.data(ID_ROLE))

    def _select(self, mention_id: int) -> None:
        if self._picking_first:
            # The card picked when the board is built shows its detail once the lanes have
            # painted: formatting its dates loads Babel and its locale data, and it reads the
            # card's history, ~25 ms the launch's first frame need not wait for.
            self._first_pick = mention_id
            return
        self._first_pick = None
        self.detail.show_card(mention_id)
        self.card_selected.emit(mention_id)

    def _after_first_rows(self) -> None:
        """What building the board left for after the first paint (see refresh and _select)."""
        if self._uncounted:
            self.count_lanes()
        if self._first_pick is not None and self.detail.mention_id is None:
            self._select(self._first_pick)

    def open_card(self, mention_id: int) -> None:
        """Show a card (a notification was clicked): its detail, and select it when loaded."""
        lanes = board.lanes_of(self.db, [mention_id])
        lane = lanes.get(mention_id)
        self.detail.show_card(mention_id)
        if lane in self.lists:
            model, view = self.models[lane], self.lists[lane]
            row = model.row_of(mention_id)
            if row >= 0:
                view.setCurrentIndex(model.index(row, 0))
                view.scrollTo(model.index(row, 0))
                view.setFocus()


def _warn(parent: QWidget, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox  # only when something went wrong: not at launch

    QMessageBox.warning(parent, title, text)
