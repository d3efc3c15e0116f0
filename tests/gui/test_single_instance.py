"""One running app per profile: the second start activates the first and exits; crashes leave
neither the lock nor the socket in the way."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from crisisdesk_gui.core.paths import ProfilePaths
from crisisdesk_gui.services.single_instance import SingleInstance, notify_running


def _name() -> str:
    return f"crisisdesk-test-{uuid.uuid4().hex[:12]}"


def _run(instance: SingleInstance) -> bool:
    """What the app does, without the window in between: claim, then listen."""
    if not instance.claim():
        return False
    instance.serve()
    return True


def test_second_instance_activates_the_first(qtbot, tmp_path: Path) -> None:
    first = SingleInstance(_name(), tmp_path / "app.lock")
    assert _run(first) is True
    second = SingleInstance(first.name, tmp_path / "app.lock")
    with qtbot.waitSignal(first.activated, timeout=5000):
        assert second.claim() is False
    assert second.server is None
    first.close()
    # Closed: the profile is free again.
    assert SingleInstance(first.name, tmp_path / "app.lock").claim() is True


def test_the_first_start_opens_no_socket_until_asked(tmp_path: Path) -> None:
    """The socket waits for the window (QtNetwork is not needed to claim the profile)."""
    first = SingleInstance(_name(), tmp_path / "app.lock")
    assert first.claim() is True
    assert first.server is None
    assert notify_running(first.name) is False
    first.serve()
    assert first.server is not None and first.server.isListening()
    first.close()


def test_second_app_start_on_the_same_profile_exits_zero(qtbot, tmp_path: Path) -> None:
    profile = ProfilePaths(tmp_path / "profile").ensure()
    first = SingleInstance(profile.lock_name, profile.lock_file)
    assert _run(first)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with qtbot.waitSignal(first.activated, timeout=10000):
        result = subprocess.run(
            [sys.executable, "-m", "crisisdesk_gui.app", "--data-dir", str(profile.data_dir)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    first.close()


HOLD = """
import sys, time
from pathlib import Path
from crisisdesk_gui.services.single_instance import SingleInstance
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
instance = SingleInstance(sys.argv[1], Path(sys.argv[2]))
claimed = instance.claim()
instance.serve()
print(claimed, flush=True)
time.sleep(120)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 and Unix domain sockets")
def test_a_crashed_instance_leaves_nothing_in_the_way(qtbot, tmp_path: Path) -> None:
    name, lock = _name(), tmp_path / "app.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, name, str(lock)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "True"
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(30)
    assert lock.exists()
    assert notify_running(name) is False  # its socket file is left, with nobody listening

    instance = SingleInstance(name, lock)
    assert _run(instance) is True
    assert instance.server is not None and instance.server.isListening()
    with qtbot.waitSignal(instance.activated, timeout=5000):
        assert notify_running(name)
    instance.close()


@pytest.mark.skipif(sys.platform == "win32", reason="Unix domain sockets")
def test_stale_socket_file_is_replaced(qtbot, tmp_path: Path) -> None:
    name = _name()
    probe = SingleInstance(name, tmp_path / "probe.lock")
    probe.serve()
    assert probe.server is not None
    path = probe.server.fullServerName()
    probe.close()
    leftover = socket.socket(socket.AF_UNIX)
    leftover.bind(path)
    leftover.close()
    assert Path(path).exists()

    instance = SingleInstance(name, tmp_path / "app.lock")
    assert _run(instance) is True
    with qtbot.waitSignal(instance.activated, timeout=5000):
        assert notify_running(name)
    instance.close()


def test_a_start_during_the_first_run_dialog_brings_it_forward(qtbot, tmp_path: Path) -> None:
    """Before the main window exists, the wizard answers a second start (which then exits at
    once instead of knocking for five seconds)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog

    from crisisdesk_gui.services.single_instance import run_modal_answering_starts

    first = SingleInstance(_name(), tmp_path / "app.lock")
    assert first.claim() is True
    dialog = QDialog()
    qtbot.addWidget(dialog)
    answered: list[bool] = []
    raised: list[bool] = []

    def second_start() -> None:
        answered.append(notify_running(first.name))

    def on_activated() -> None:
        raised.append(dialog.isVisible())
        dialog.accept()

    first.activated.connect(on_activated)
    QTimer.singleShot(0, second_start)
    QTimer.singleShot(10_000, dialog.reject)  # unanswered: fail rather than hang
    assert run_modal_answering_starts(dialog, first) == QDialog.DialogCode.Accepted
    assert answered == [True]
    assert raised == [True]
    # The dialog is gone; only the main window's handler is left on the signal.
    first.activated.disconnect(on_activated)
    with qtbot.waitSignal(first.activated, timeout=5000):
        assert notify_running(first.name) is True
    first.close()
