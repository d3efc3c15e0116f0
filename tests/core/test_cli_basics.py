from __future__ import annotations

import subprocess
import sys

from crisisdesk_gui import __version__


def test_cli_version_and_usage_error() -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "crisisdesk_gui.cli", "--version"], capture_output=True, text=True
    )
    assert ok.returncode == 0 and __version__ in ok.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "crisisdesk_gui.cli", "no-such-command"],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "invalid choice" in bad.stderr


def test_main_py_version_needs_no_display() -> None:
    env = {"PATH": "/usr/bin:/bin"}  # no DISPLAY, no QT_QPA_PLATFORM
    result = subprocess.run(
        [sys.executable, "main.py", "--version"],
        capture_output=True,
        text=True,
        env=env,
        cwd=__file__.rsplit("/tests/", 1)[0],
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"CrisisDesk {__version__}"
