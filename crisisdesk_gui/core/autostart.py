"""Start at login, minimised to the tray: XDG autostart, the Windows Run key, a macOS LaunchAgent.

`set_enabled(True)` writes the entry for this platform, `set_enabled(False)` removes it; the
settings dialog calls it when "start at login" changes.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import shutil
import subprocess
import sys
from pathlib import Path

from crisisdesk_gui import APP_ID, APP_NAME
from crisisdesk_gui.core.paths import default_data_dir

MAC_LABEL = "io.github.crisisdesk.CrisisDesk"
WINDOWS_RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def launch_command(data_dir: Path | None = None) -> list[str]:
    """The command that starts this installation of the app, minimised."""
    if getattr(sys, "frozen", False):
        cmd = [sys.executable]
    else:
        script = Path(sys.executable).with_name("crisisdesk")
        found = str(script) if script.exists() else shutil.which("crisisdesk")
        cmd = [found] if found else [sys.executable, "-m", "crisisdesk_gui.app"]
    if data_dir is not None and Path(data_dir).resolve() != default_data_dir().resolve():
        cmd += ["--data-dir", str(data_dir)]
    return [*cmd, "--minimized"]


def _desktop_quote(arg: str) -> str:
    """Quote one Exec argument as the Desktop Entry spec asks."""
    if arg and not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`="):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'


def desktop_entry(cmd: list[str]) -> str:
    exec_line = " ".join(_desktop_quote(a) for a in cmd).replace("%", "%%")
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        "Comment=Watch what people say about your business\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def xdg_autostart_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "autostart" / f"{APP_ID}.desktop"


def mac_plist_path() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / f"{MAC_LABEL}.plist"


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def is_enabled(platform: str = sys.platform) -> bool:
    if platform == "win32":
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY) as key:
                winreg.QueryValueEx(key, APP_NAME)
        except OSError:
            return False
        return True
    if platform == "darwin":
        return mac_plist_path().exists()
    return xdg_autostart_path().exists()


def set_enabled(
    enabled: bool, *, data_dir: Path | None = None, platform: str = sys.platform
) -> Path | str:
    """Write or remove the login entry; returns where it lives (a path or a registry value)."""
    cmd = launch_command(data_dir)
    if platform == "win32":
        import winreg

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY) as key:
            if enabled:
                winreg.SetValueEx(key, APP_NAME, 0, winreg.REG_SZ, subprocess.list2cmdline(cmd))
            else:
                with contextlib.suppress(FileNotFoundError):
                    winreg.DeleteValue(key, APP_NAME)
        return rf"HKCU\{WINDOWS_RUN_KEY}\{APP_NAME}"
    path = mac_plist_path() if platform == "darwin" else xdg_autostart_path()
    if not enabled:
        path.unlink(missing_ok=True)
    elif platform == "darwin":
        plist = {"Label": MAC_LABEL, "ProgramArguments": cmd, "RunAtLoad": True}
        _write_atomic(path, plistlib.dumps(plist))
    else:
        _write_atomic(path, desktop_entry(cmd).encode("utf-8"))
    return path
