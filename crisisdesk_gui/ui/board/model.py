"""One list model per lane over plain `CardRow`s, paged from SQL as the view scrolls."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from crisisdesk_gui.core import board

if TYPE_CHECKING:
    from sqlite_utils import Database

MIME_TYPE = "application/x-crisisdesk-cards"
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE = 20  # a tall screen shows ~10 cards a lane; fetchMore loads on scroll
UNCOUNTED = -1  # a total not counted yet (see LaneModel.reload)

Index = QModelIndex | QPersistentModelIndex
# Called with (card ids, target lane); returns True when the move was committed.
Mover = Callable[[Sequence[int], str], bool]


def encode_ids(ids: Sequence[int]) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(json.dumps(list(ids)).encode()))
    return mime


def decode_ids(mime: QMimeData) -> list[int]:
    if not mime.hasFormat(MIME_TYPE):
        return []
    try:
        return [int(i) for i in json.loads(bytes(mime.data(MIME_TYPE).data()).decode())]
    except (ValueError, TypeError):
        return []


class LaneModel(QAbstractListModel):
    """The cards of one lane. Rows are loaded a page at a time (canFetchMore/fetchMore)."""

    def __init__(self, db: Database, lane: str, mover: Mover | None = None, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.lane = lane
        self.mover = mover
        self.filter = board.BoardFilter()
        self.total = 0
        self._rows: list[board.CardRow] = []

    # --- loading -------------------------------------------------------------------

    def reload(self, flt: board.BoardFilter | None = None, total: int | None = None) -> None:
        """Re-read the first page; `total` (from one lane_counts query for all lanes) saves a
        count. UNCOUNTED leaves it open: a full page may have more behind it (`set_total`)."""
        if flt is not None:
            self.filter = flt
        self.beginResetModel()
        self._rows = board.query_cards(self.db, self.filter, lane=self.lane, limit=PAGE)
        if total is None:
            total = board.lane_counts(self.db, self.filter)[self.lane]
        elif total == UNCOUNTED:
            total = len(self._rows) + (len(self._rows) == PAGE)
        self.total = total
        self.endResetModel()

    def counted(self) -> bool:
        """Whether `total` is known without a count: the first page held every card."""
        return len(self._rows) < PAGE

    def set_total(self, total: int) -> None:
        self.total = max(total, len(self._rows))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = board.query_cards(
            self.db, self.filter, lane=self.lane, limit=PAGE, offset=len(self._rows)
        )
        if not more:
            self.total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # --- reading -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        card = self._rows[index.row()]
        if role == CARD_ROLE:
            return card
        if role == ID_ROLE:
            return card.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{card.source}: {card.snippet}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return card.snippet
        return None

    def card(self, row: int) -> board.CardRow:
        return self._rows[row]

    def ids(self) -> list[int]:
        return [c.id for c in self._rows]

    def row_of(self, mention_id: int) -> int:
        for row, card in enumerate(self._rows):
            if card.id == mention_id:
                return row
        return -1

    # --- drag and drop -------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (
            base
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | (Qt.ItemFlag.ItemIsDragEnabled)
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return encode_ids([self._rows[r].id for r in rows])

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self.mover is not None and bool(decode_ids(data))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        ids = [i for i in decode_ids(data) if i not in set(self.ids())]
        if action == Qt.DropAction.IgnoreAction or self.mover is None or not ids:
            return False
        # The mover commits and reloads the lanes; the view never removes rows itself,
        # so returning False keeps Qt from "removing" the dragged rows a second time.
        self.mover(ids, self.lane)
        return False
