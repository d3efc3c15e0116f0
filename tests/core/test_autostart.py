"""Start at login: the XDG autostart entry is written and removed; the macOS plist too."""

from __future__ import annotations

import plistlib
import shutil
import subprocess
from pathlib import Path

import pytest

from crisisdesk_gui.core import autostart


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config"


def test_xdg_entry_written_and_removed(xdg: Path, tmp_path: Path) -> None:
    assert not autostart.is_enabled("linux")
    path = autostart.set_enabled(True, data_dir=tmp_path / "my profile", platform="linux")
    assert path == xdg / "autostart" / "crisisdesk.desktop"
    assert autostart.is_enabled("linux")
    text = path.read_text()
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith("--minimized")
    assert f'"{tmp_path / "my profile"}"' in exec_line  # spaces quoted as the spec asks
    autostart.set_enabled(False, platform="linux")
    assert not path.exists()
    autostart.set_enabled(False, platform="linux")  # removing twice is fine


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="no desktop-file-validate")
def test_xdg_entry_is_valid(xdg: Path) -> None:
    path = autostart.set_enabled(True, platform="linux")
    result = subprocess.run(
        ["desktop-file-validate", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_quoting() -> None:
    assert autostart._desktop_quote("plain") == "plain"
    assert autostart._desktop_quote('a "b" $c') == '"a \\"b\\" \\$c"'


def test_mac_launch_agent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    path = autostart.set_enabled(True, platform="darwin")
    assert path == tmp_path / "Library" / "LaunchAgents" / f"{autostart.MAC_LABEL}.plist"
    plist = plistlib.loads(path.read_bytes())
    assert plist["RunAtLoad"] is True
    assert plist["ProgramArguments"][-1] == "--minimized"
    assert autostart.is_enabled("darwin")
    autostart.set_enabled(False, platform="darwin")
    assert not autostart.is_enabled("darwin")
