"""One running app per profile: the second start activates the first and exits; stale sockets."""

from __future__ import annotations

import os
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


def test_second_instance_activates_the_first(qtbot) -> None:
    first = SingleInstance(_name())
    assert first.listen() is True
    second = SingleInstance(first.name)
    with qtbot.waitSignal(first.activated, timeout=5000):
        assert second.listen() is False
    assert not second.server.isListening()
    first.close()


def test_second_app_start_on_the_same_profile_exits_zero(qtbot, tmp_path: Path) -> None:
    profile = ProfilePaths(tmp_path / "profile")
    first = SingleInstance(profile.lock_name)
    assert first.listen()
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


@pytest.mark.skipif(sys.platform == "win32", reason="Unix domain sockets")
def test_stale_socket_after_a_crash_is_recovered(qtbot) -> None:
    name = _name()
    probe = SingleInstance(name)
    assert probe.server.listen(name)
    path = probe.server.fullServerName()
    probe.close()
    # A crashed instance leaves its socket file behind with nobody listening.
    leftover = socket.socket(socket.AF_UNIX)
    leftover.bind(path)
    leftover.close()
    assert Path(path).exists()
    assert notify_running(name) is False

    instance = SingleInstance(name)
    assert instance.listen() is True
    assert instance.server.isListening()
    with qtbot.waitSignal(instance.activated, timeout=5000):
        assert notify_running(name)
    instance.close()
