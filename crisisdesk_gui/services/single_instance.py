"""One running app per profile: a second start asks the first to come to the front and exits.

The first instance listens on a QLocalServer named after the profile (ProfilePaths.lock_name).
A later start connects, sends "activate" and quits. A socket left behind by a crash cannot be
connected to, so it is removed and this start becomes the first.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

ACTIVATE = b"activate"
TIMEOUT_MS = 1000


def notify_running(name: str, message: bytes = ACTIVATE) -> bool:
    """Tell a running instance to come forward; False when none answers."""
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
    """Owns the profile's local server; emits `activated` when another start knocks."""

    activated = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)

    def listen(self) -> bool:
        """Become the running instance. False: another instance answered (it was notified)."""
        if notify_running(self.name):
            return False
        if not self.server.listen(self.name):
            # Nobody answered, so the socket is a leftover of a crash: remove it and retry.
            log.info("removing stale instance socket %s", self.name)
            QLocalServer.removeServer(self.name)
            if not self.server.listen(self.name):
                log.warning(
                    "cannot listen on %s: %s; running without single-instance guard",
                    self.name,
                    self.server.errorString(),
                )
        return True

    def close(self) -> None:
        self.server.close()

    def _on_connection(self) -> None:
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


def bring_to_front(window: object) -> None:
    """Show, un-minimise and raise a window (the tray may have hidden it)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)
    window.show()
    window.setWindowState(
        (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
    )
    window.raise_()
    window.activateWindow()
