"""Paints a card: source and author, language badge, snippet, reasons, urgency, countdown.

The countdown is computed here at paint time from the card's start timestamp, so one
30-second repaint keeps every visible card live without touching the model.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from crisisdesk_gui.core import board
from crisisdesk_gui.core.i18n import _, ngettext
from crisisdesk_gui.ui.board.model import CARD_ROLE

STATE_COLORS = {
    "ok": QColor("#2e7d32"),
    "amber": QColor("#ef8f00"),
    "breached": QColor("#c62828"),
    "answered": QColor("#607d8b"),
    "none": QColor("#9e9e9e"),
}
SEVERITY_COLORS = {1: QColor("#ef8f00"), 2: QColor("#d84315"), 3: QColor("#b71c1c")}
CARD_HEIGHT = 104
MARGIN = 4
PAD = 8


def countdown_text(state: board.Countdown) -> str:
    if state.state == "breached":
        minutes = max(1, -state.seconds // 60)
        return ngettext("breached {n} min ago", "breached {n} min ago", minutes).format(n=minutes)
    if state.state in ("ok", "amber"):
        minutes = -(-state.seconds // 60)  # round up: "0 min left" would read as breached
        return ngettext("{n} min left", "{n} min left", minutes).format(n=minutes)
    if state.state == "answered":
        return _("answered")
    return ""


class CardDelegate(QStyledItemDelegate):
    def __init__(
        self,
        target_minutes: Callable[[], int],
        clock=None,
        parent=None,
        view_of: Callable[[Any], QAbstractItemView | None] = lambda model: None,
    ) -> None:
        super().__init__(parent)
        self.target_minutes = target_minutes
        self.view_of = view_of  # the lane showing a model: its selection and focus
        # Tests inject a fixed clock; the app uses the wall clock.
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(220, CARD_HEIGHT)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        card: board.CardRow | None = index.data(CARD_ROLE)
        if card is None:
            return
        state = board.countdown(
            card.started, card.first_reply_at, card.lane, self.target_minutes(), self.clock()
        )
        pal = option.palette  # type: ignore[attr-defined]
        rect: QRect = option.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)  # type: ignore[attr-defined]
        # Selected and focused as the lane has them: reading option.state would build Python's
        # QStyle type with all its enums, ~5 ms of the launch's first paint (and PySide 6.12's
        # option.widget returns an unowned None outside a view, corrupting None's refcount).
        view = self.view_of(index.model())
        if view is not None:
            selected = view.selectionModel().isSelected(index)
            focused = view.hasFocus() and view.currentIndex() == index
        else:  # painted outside a view (an image)
            selected = focused = False

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bg = (
            pal.color(QPalette.ColorRole.Highlight).lighter(170)
            if selected
            else pal.color(QPalette.ColorRole.Base)
        )
        border = (
            pal.color(QPalette.ColorRole.Highlight)
            if selected or focused
            else pal.color(QPalette.ColorRole.Mid)
        )
        painter.setPen(QPen(border, 2 if focused else 1))
        painter.setBrush(bg)
        painter.drawRoundedRect(rect, 6, 6)
        stripe = STATE_COLORS[state.state]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(stripe)
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), 5, rect.height()), 2, 2)

        inner = rect.adjusted(PAD + 3, PAD - 2, -PAD, -PAD + 2)
        base_font = QFont(option.font)  # type: ignore[attr-defined]
        small = QFont(base_font)
        small.setPointSizeF(max(6.0, base_font.pointSizeF() * 0.85))
        bold = QFont(base_font)
        bold.setBold(True)
        text_color = pal.color(QPalette.ColorRole.Text)
        dim = pal.color(QPalette.ColorRole.PlaceholderText)

        # Line 1: language badge, sources (all of a grouped story), urgency.
        fm_small = QFontMetrics(small)
        line_h = fm_small.height()
        x = inner.left()
        if card.lang:
            badge = card.lang.upper()
            w = fm_small.horizontalAdvance(badge) + 8
            painter.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid)))
            painter.drawRoundedRect(QRect(x, inner.top(), w, line_h), 3, 3)
            painter.setFont(small)
            painter.setPen(text_color)
            painter.drawText(QRect(x, inner.top(), w, line_h), Qt.AlignmentFlag.AlignCenter, badge)
            x += w + 6
        urgency = f"{card.urgency:.0f}"
        urg_w = QFontMetrics(bold).horizontalAdvance(urgency) + 4
        sources = " + ".join(card.sources) if card.sources else card.source
        painter.setFont(bold)
        painter.setPen(text_color)
        head = QRect(x, inner.top(), inner.right() - x - urg_w, line_h)
        painter.drawText(
            head,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(bold).elidedText(sources, Qt.TextElideMode.ElideRight, head.width()),
        )
        painter.setPen(SEVERITY_COLORS.get(card.severity, text_color))
        painter.drawText(
            QRect(inner.right() - urg_w, inner.top(), urg_w, line_h),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            urgency,
        )

        # Line 2-3: the snippet, elided to two lines.
        fm = QFontMetrics(base_font)
        painter.setFont(base_font)
        painter.setPen(text_color)
        top = inner.top() + line_h + 3
        snippet_rect = QRect(inner.left(), top, inner.width(), fm.height() * 2)
        painter.drawText(
            snippet_rect, Qt.TextFlag.TextWordWrap, _two_lines(fm, card.snippet, inner.width())
        )

        # Line 4: author and reasons on the left, countdown on the right.
        # One extra pixel row below: underscores in user names sit under the baseline.
        bottom = QRect(inner.left(), inner.bottom() - line_h - 1, inner.width(), line_h + 2)
        painter.setFont(small)
        cd = countdown_text(state)
        cd_w = fm_small.horizontalAdvance(cd) + 2 if cd else 0
        if cd:
            painter.setPen(stripe if state.state != "ok" else dim)
            painter.drawText(
                bottom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, cd
            )
        parts = [p for p in (card.author, ", ".join(card.reasons)) if p]
        if card.assignee:
            parts.insert(0, "→ " + card.assignee)
        info = " · ".join(parts)
        painter.setPen(dim)
        left = QRect(bottom.left(), bottom.top(), bottom.width() - cd_w - 6, bottom.height())
        painter.drawText(
            left,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm_small.elidedText(info, Qt.TextElideMode.ElideRight, left.width()),
        )
        painter.restore()


def _two_lines(fm: QFontMetrics, text: str, width: int) -> str:
    """Break into at most two lines, the second elided (drawText alone cannot elide wrapped text)."""
    words = text.split()
    first = ""
    while words and fm.horizontalAdvance((first + " " + words[0]).strip()) <= width:
        first = (first + " " + words.pop(0)).strip()
    if not first and words:  # one very long word
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
    rest = " ".join(words)
    return first + ("\n" + fm.elidedText(rest, Qt.TextElideMode.ElideRight, width) if rest else "")
