"""The tray icon with the unanswered-cards badge, its menu, and notifications.

The rules of what to announce live in core/alerts.py; this service feeds them the poller's
results and a once-a-minute check, and shows what they return: as tray notifications, or,
where the desktop has no tray, through `alert_in_window` for the main window's banner.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from crisisdesk_gui import APP_NAME
from crisisdesk_gui.core import alerts, board, settings
from crisisdesk_gui.core.i18n import _
from crisisdesk_gui.core.paths import resources_dir

if TYPE_CHECKING:
    from sqlite_utils import Database

log = logging.getLogger(__name__)

CHECK_MS = 60_000
MESSAGE_MS = 10_000


def badge_icon(count: int, size: int = 64) -> QIcon:
    """The app icon with the count painted on a red disc (nothing when zero)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    base = QIcon(str(resources_dir() / "icons" / "crisisdesk.svg"))
    if base.isNull():
        painter.setBrush(QColor("#37474f"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(2, 2, size - 4, size - 4)
    else:
        base.paint(painter, QRect(0, 0, size, size))
    if count > 0:
        text = str(count) if count < 100 else "99+"
        disc = QRect(size // 3 - 2, 0, size * 2 // 3 + 2, size * 2 // 3 - 6)
        painter.setBrush(QColor("#d32f2f"))
        painter.setPen(QColor("white"))
        painter.drawRoundedRect(disc, disc.height() / 2, disc.height() / 2)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(disc.height() * (0.75 if len(text) < 3 else 0.55)))
        painter.setFont(font)
        painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)


class TrayService(QObject):
    open_requested = Signal()
    poll_requested = Signal()
    quit_requested = Signal()
    card_requested = Signal(int)
    alert_in_window = Signal(object)  # alerts.Alert, when there is no tray
    alerted = Signal(object)  # every alerts.Alert shown, tray or not (spikes offer an incident)
    badge_changed = Signal(int)

    def __init__(
        self,
        db: Database,
        parent: QObject | None = None,
        *,
        available: bool | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.clock = clock or (lambda: datetime.now(UTC))
        self.available = QSystemTrayIcon.isSystemTrayAvailable() if available is None else available
        self.engine = alerts.AlertEngine.from_settings(settings.get_all(db))
        self.count = -1
        self.shown: list[alerts.Alert] = []  # every alert shown, for the window and tests
        self._last_card: int | None = None
        self.icon: QSystemTrayIcon | None = None
        self.menu = QMenu()
        self.act_open = QAction(_("Open CrisisDesk"), self.menu)
        self.act_poll = QAction(_("Poll now"), self.menu)
        self.act_pause = QAction(_("Pause alerts for 1 hour"), self.menu)
        self.act_pause.setCheckable(True)
        self.act_quit = QAction(_("Quit"), self.menu)
        for action in (self.act_open, self.act_poll, self.act_pause):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.act_quit)
        self.act_open.triggered.connect(self.open_requested)
        self.act_poll.triggered.connect(self.poll_requested)
        self.act_pause.toggled.connect(self.set_paused)
        self.act_quit.triggered.connect(self.quit_requested)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        self.update_badge()

    def start(self) -> None:
        """Show the icon (the app does it after the first paint: registering a tray icon and
        rendering its badge from the SVG need not delay the window)."""
        if self.available and self.icon is None:
            self.icon = QSystemTrayIcon(self)
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._activated)
            self.icon.messageClicked.connect(self._message_clicked)
            self._badge_icon()
        if self.icon is not None:
            self.icon.show()
        self._timer.start()

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()

    def reload_settings(self) -> None:
        fresh = alerts.AlertEngine.from_settings(settings.get_all(self.db))
        self.engine.quiet_hours = fresh.quiet_hours
        self.engine.notify_new = fresh.notify_new
        self.engine.notify_breach = fresh.notify_breach
        self.engine.notify_spike = fresh.notify_spike

    def set_paused(self, paused: bool) -> None:
        self.engine.paused_until = None
        if paused:
            self.engine.pause(self.clock(), hours=1)
            QTimer.singleShot(3_600_000, lambda: self.act_pause.setChecked(False))
        if self.act_pause.isChecked() != paused:
            self.act_pause.setChecked(paused)

    def update_badge(self) -> int:
        count = board.unanswered_count(self.db)
        if count != self.count:
            self.count = count
            self._badge_icon()
            self.badge_changed.emit(count)
        return count

    def _badge_icon(self) -> None:
        if self.icon is not None:
            self.icon.setIcon(badge_icon(self.count))
            self.icon.setToolTip(
                _("{app}: {n} unanswered negative cards").format(app=APP_NAME, n=self.count)
            )

    # --- feeding the rules ---------------------------------------------------------

    def handle_poll(self, new_negative_ids: Sequence[int]) -> list[alerts.Alert]:
        """After a poll: one grouped notification for the new negatives, and the badge."""
        self.update_badge()
        items = self._negative_items(new_negative_ids)
        return self._show(self.engine.after_poll(items, self.clock()))

    def check(self) -> list[alerts.Alert]:
        """Once a minute: cards about to breach, and the spike rule."""
        now = self.clock()
        self.update_badge()
        target = int(settings.get(self.db, "response_target_minutes") or 60)
        # Only cards that started within the target can be "about to breach": a small query
        # even with 50,000 cards on the board.
        recent = board.BoardFilter(started_since=now - timedelta(minutes=target + 1))
        cards = []
        for lane in board.OPEN_LANES:
            cards.extend(board.query_cards(self.db, recent, lane=lane, limit=500))
        cards = [c for c in cards if c.started and c.started >= now - timedelta(minutes=target)]
        found = self.engine.breach_check(cards, target, now)
        last_hour, previous = alerts.negative_volume(self.db, now)
        found += self.engine.spike_check(last_hour, previous, now)
        return self._show(found)

    def _negative_items(self, ids: list[int]) -> list[alerts.NegativeItem]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(
            "SELECT COALESCE(m.group_id, m.id), COALESCE(s.name, s.url, ''), "
            "substr(COALESCE(NULLIF(m.text, ''), m.title, ''), 1, 200), COALESCE(m.urgency, 0) "
            f"FROM mentions m LEFT JOIN sources s ON s.id = m.source_id WHERE m.id IN ({marks})",
            ids,
        ).fetchall()
        return [alerts.NegativeItem(int(i), src, text, float(u)) for i, src, text, u in rows]

    def _show(self, found: list[alerts.Alert]) -> list[alerts.Alert]:
        for alert in found:
            self.shown.append(alert)
            self._last_card = alert.mention_id
            log.info("alert %s: %s", alert.kind, alert.title)
            if self.icon is not None and self.icon.isVisible():
                self.icon.showMessage(
                    alert.title, alert.message, QSystemTrayIcon.MessageIcon.Warning, MESSAGE_MS
                )
            else:
                self.alert_in_window.emit(alert)
            self.alerted.emit(alert)
        return found

    def _message_clicked(self) -> None:
        self.open_requested.emit()
        if self._last_card is not None:
            self.card_requested.emit(self._last_card)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()
