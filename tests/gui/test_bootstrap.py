"""The bootstrap: where the log goes, the excepthook, --demo/--minimized start, window layout."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest
from PySide6.QtWidgets import QMainWindow

from crisisdesk_gui import app
from crisisdesk_gui.core import settings
from crisisdesk_gui.ui import window_state


def test_log_dir_is_the_user_log_dir_unless_a_profile_is_given(tmp_path: Path) -> None:
    user = Path(platformdirs.user_log_dir("CrisisDesk", appauthor=False))
    assert app.log_dir_for(tmp_path, explicit=False) == user
    assert app.log_dir_for(tmp_path, explicit=True) == tmp_path / "logs"


def test_excepthook_logs_and_shows_the_log_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crisisdesk_gui.core.logs import setup_logging
    from crisisdesk_gui.ui import error_dialog

    shown: list[Path] = []
    monkeypatch.setattr(error_dialog, "show_error_dialog", lambda e, t, p: shown.append(p))
    log_path = setup_logging(tmp_path / "logs")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app.install_excepthook(log_path)
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert shown == [log_path]
    text = log_path.read_text()
    assert "boom in a slot" in text and "Traceback" in text


def test_starts_minimized_on_a_given_profile_and_logs_there(tmp_path: Path) -> None:
    data_dir = tmp_path / "profile"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CRISISDESK_SMOKE_QUIT_MS="300")
    result = subprocess.run(
        [sys.executable, "-m", "crisisdesk_gui.app", "--data-dir", str(data_dir), "--minimized"],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    log_text = (data_dir / "logs" / "crisisdesk.log").read_text()
    assert "starting, profile" in log_text and "password store:" in log_text


def test_window_layout_is_remembered(qtbot, db) -> None:
    first = QMainWindow()
    qtbot.addWidget(first)
    first.setGeometry(40, 50, 700, 500)
    window_state.save(first, db)
    assert settings.get(db, "window_geometry")
    second = QMainWindow()
    qtbot.addWidget(second)
    assert window_state.restore(second, db)
    assert (second.width(), second.height()) == (700, 500)


def test_a_damaged_layout_falls_back_to_the_default(qtbot, db) -> None:
    settings.set_(db, "window_geometry", "not base64!")
    window = QMainWindow()
    qtbot.addWidget(window)
    assert window_state.restore(window, db) is False


def test_splitter_positions_are_remembered(qtbot, db) -> None:
    from PySide6.QtWidgets import QLabel, QSplitter

    def build() -> tuple[QMainWindow, QSplitter]:
        window = QMainWindow()
        qtbot.addWidget(window)
        splitter = QSplitter(window)
        splitter.addWidget(QLabel("board"))
        splitter.addWidget(QLabel("detail"))
        window.setCentralWidget(splitter)
        window.resize(800, 400)
        window.show()
        return window, splitter

    first, split = build()
    split.setSizes([600, 200])
    wanted = split.sizes()
    window_state.save(first, db)
    second, again = build()
    window_state.restore(second, db)
    # Within a pixel or two: the handle's width is shared out again after the restore.
    assert all(abs(a - b) <= 2 for a, b in zip(again.sizes(), wanted, strict=True))
    assert again.sizes()[0] > 2 * again.sizes()[1]


@pytest.mark.slow
def test_try_with_sample_data_opens_the_filled_demo_profile(tmp_path: Path) -> None:
    """The wizard's button switches this run to the demo profile and leaves the real one alone."""
    real = tmp_path / "real"
    script = (
        "import sys\n"
        "import crisisdesk_gui.ui.wizard as wizard\n"
        "def fake_exec(self):\n"
        "    self.try_sample_data()\n"
        "    return 0\n"
        "wizard.FirstRunWizard.exec = fake_exec\n"
        "from crisisdesk_gui.app import main\n"
        f"sys.exit(main(['--data-dir', {str(real)!r}]))\n"
    )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        CRISISDESK_SMOKE_QUIT_MS="300",
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),  # where platformdirs puts the demo profile
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    from crisisdesk_gui.core.db import open_profile_db

    demo_db = open_profile_db(tmp_path / "xdg-data" / "CrisisDesk-demo")
    try:
        assert demo_db.execute("SELECT count(*) FROM mentions").fetchone()[0] > 20
    finally:
        demo_db.conn.close()
    real_db = open_profile_db(real)
    try:
        assert settings.get(real_db, "first_run_done") is False
        assert real_db.execute("SELECT count(*) FROM mentions").fetchone()[0] == 0
    finally:
        real_db.conn.close()


def test_services_start_after_the_first_paint(
    qtbot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Launch shows the board first; sqlite-utils, the single-instance socket, the secrets'
    profile, the tray and the poller follow the first paint."""
    import sqlite_utils

    from crisisdesk_gui.core import secrets
    from crisisdesk_gui.core.db import open_profile_db
    from crisisdesk_gui.core.paths import ProfilePaths
    from crisisdesk_gui.services.single_instance import SingleInstance
    from crisisdesk_gui.ui.main_window import MainWindow

    monkeypatch.setattr(app, "_warm_up", lambda langs: None)  # no lexicons in this test
    monkeypatch.setattr(secrets, "_active_data_dir", None)  # restored after the test
    db = open_profile_db(data_dir)
    window = MainWindow(ProfilePaths(data_dir), db)
    qtbot.addWidget(window)
    monkeypatch.setattr(window.poller, "poll_now", lambda *a: None)  # its first poll: not here
    assert not window.poller._timer.isActive() and not window.tray._timer.isActive()
    profile = ProfilePaths(data_dir)
    instance = SingleInstance(profile.lock_name, profile.lock_file)
    assert instance.claim() and instance.server is None
    done: list[bool] = []
    app._after_first_paint(
        window, lambda: done.append(True) or app._after_show(window, db, data_dir, instance)
    )
    window.show()
    qtbot.waitUntil(lambda: bool(done) and window.poller._timer.isActive())
    assert window.tray._timer.isActive()
    assert instance.server is not None and instance.server.isListening()
    instance.close()
    assert isinstance(db, sqlite_utils.Database)
    assert secrets._active_data_dir == data_dir
    window.poller.stop()
    db.conn.close()
