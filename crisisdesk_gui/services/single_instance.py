"""One running app per profile: a second start asks the first to come to the front and exits.

The first instance holds a lock file in the profile (QLockFile, which also sees that a crashed
owner's lock is stale) and, once its window is up, listens on a QLocalServer named after the
profile (ProfilePaths.lock_name): QtNetwork is not needed before that, and costs the launch
~9 ms. A dialog shown before the window (the first-run wizard) opens it earlier. A later start finds the lock held, connects, sends "activate" and quits. A socket left
behind by a crash cannot be connected to, so it is removed when the server starts.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer
    from PySide6.QtWidgets import QDialog, QWidget

log = logging.getLogger(__name__)

ACTIVATE = b"activate"
TIMEOUT_MS = 1000
KNOCK_FOR_S = 5.0  # a first instance still starting has not opened its server yet


def notify_running(name: str, message: bytes = ACTIVATE) -> bool:
    """Tell a running instance to come forward; False when none answers."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    socket.write(message + b"\n")
    socket.flush()
    socket.waitForBytesWritten(TIMEOUT_MS)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(TIMEOUT_MS)
    return True


class SingleInstance(QObject):
    """Owns the profile's lock and local server; emits `activated` when another start knocks."""

    activated = Signal()

    def __init__(self, name: str, lock_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server: QLocalServer | None = None
        self._lock = QLockFile(str(lock_file))
        self._lock.setStaleLockTime(0)  # held as long as the app runs; only a dead owner frees it

    def claim(self) -> bool:
        """Become the running instance; serve() opens the socket later. False: another
        instance runs (it was asked to come forward)."""
        if self._lock.tryLock(0):
            return True
        deadline = time.monotonic() + KNOCK_FOR_S
        while not notify_running(self.name):
            if time.monotonic() > deadline:
                log.warning("the running instance did not answer; this start exits")
                break
            time.sleep(0.1)  # a start in the same moment: its server is a few ms away
        return False

    def serve(self) -> None:
        """Listen for later starts (after claim() succeeded)."""
        from PySide6.QtNetwork import QLocalServer

        if self.server is not None:
            return
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        if not self.server.listen(self.name):
            # We hold the lock, so the socket is a leftover of a crash: remove it and retry.
            log.info("removing stale instance socket %s", self.name)
            QLocalServer.removeServer(self.name)
            if not self.server.listen(self.name):
                log.warning(
                    "cannot listen on %s: %s; a second start will not find this window",
                    self.name,
                    self.server.errorString(),
                )

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
        self._lock.unlock()

    def _on_connection(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            # The other start writes at once after connecting, so a short blocking read is
            # fine here and avoids per-socket closures (which crash PySide at exit).
            if not socket.canReadLine():
                socket.waitForReadyRead(TIMEOUT_MS)
            wanted = bytes(socket.readLine().data()).strip() == ACTIVATE
            socket.abort()
            socket.deleteLater()
            if wanted:
                self.activated.emit()


def bring_to_front(window: QWidget) -> None:
    """Show, un-minimise and raise a window (the tray may have hidden it)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def run_modal_answering_starts(dialog: QDialog, instance: SingleInstance) -> int:
    """Run a dialog shown before the main window (the first-run wizard) with the socket
    already open: a second start then brings the dialog forward instead of knocking in vain
    for five seconds and exiting without a sign."""
    instance.serve()

    def front() -> None:
        bring_to_front(dialog)

    instance.activated.connect(front)
    try:
        return dialog.exec()
    finally:
        instance.activated.disconnect(front)
