"""GUI bootstrap: args → paths → logging → i18n → database → QApplication → main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from crisisdesk_gui import APP_NAME, __version__

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget
    from sqlite_utils import Database

    from crisisdesk_gui.services.single_instance import SingleInstance
    from crisisdesk_gui.ui.main_window import MainWindow

log = logging.getLogger(__name__)

AFTER_PAINT_FALLBACK_MS = 3_000


def _help_formatter(prog: str) -> argparse.HelpFormatter:
    """argparse builds a formatter for every add_argument and asks shutil for the terminal
    width each time; importing shutil costs the launch ~3 ms, and os answers the same."""
    try:
        columns = os.get_terminal_size().columns
    except OSError:  # not a terminal: started from the desktop
        columns = 80
    return argparse.HelpFormatter(prog, width=columns - 2)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="crisisdesk",
        description=f"{APP_NAME} desktop app",
        formatter_class=_help_formatter,
    )
    parser.add_argument(
        "--data-dir", help="profile folder (default: $CRISISDESK_DATA_DIR, else the user data dir)"
    )
    parser.add_argument("--demo", action="store_true", help="open the sample-data profile")
    parser.add_argument("--lang", help="UI language for this run: en, tr, pl or fi")
    parser.add_argument("--minimized", action="store_true", help="start in the tray")
    parser.add_argument("--debug", action="store_true", help="log to the console too")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    # Qt's own arguments (-platform, -style …) pass through untouched.
    args, _qt_args = parser.parse_known_args(argv)
    return args


def install_excepthook(log_path: Path) -> None:
    """Log every uncaught exception and tell the user where the log is."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.critical("uncaught exception\n%s", text)
        from crisisdesk_gui.ui.error_dialog import show_error_dialog

        show_error_dialog(exc, text, log_path)

    sys.excepthook = hook


def log_dir_for(profile_dir: Path, explicit: bool) -> Path:
    """The profile's logs/ with --data-dir (or $CRISISDESK_DATA_DIR), else the user log dir."""
    if explicit:
        return profile_dir / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)

    from crisisdesk_gui.core import i18n, settings
    from crisisdesk_gui.core.db import StorageError, open_profile_db
    from crisisdesk_gui.core.logs import setup_logging
    from crisisdesk_gui.core.paths import ENV_DATA_DIR, demo_data_dir, resolve_profile

    explicit = bool(args.data_dir or os.environ.get(ENV_DATA_DIR))
    # --demo with --data-dir fills and opens that folder instead of the usual demo profile.
    profile = resolve_profile(args.data_dir or (demo_data_dir() if args.demo else None)).ensure()
    log_path = setup_logging(
        log_dir_for(profile.data_dir, explicit), debug=args.debug, rotate=False
    )
    log.info("%s %s starting, profile %s", APP_NAME, __version__, profile.data_dir)

    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QSystemTrayIcon

    _skip_feature_scan()
    from crisisdesk_gui.core.paths import resources_dir
    from crisisdesk_gui.services.single_instance import SingleInstance, run_modal_answering_starts
    from crisisdesk_gui.ui import qt_i18n, window_state

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("crisisdesk")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "crisisdesk.svg")))
    install_excepthook(log_path)

    instance = SingleInstance(profile.lock_name, profile.lock_file, app)
    if not instance.claim():
        log.info("already running on this profile; asked it to come to the front")
        return 0

    try:
        db = _open_demo(profile.data_dir) if args.demo else open_profile_db(profile.data_dir)
    except (StorageError, ValueError) as exc:  # ValueError: demo.DemoError
        from PySide6.QtWidgets import QMessageBox

        i18n.set_language(args.lang or "system")
        qt_i18n.install_qt_translations(app, i18n.current_language())
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    lang = i18n.set_language(args.lang or settings.get(db, "ui_language"))
    qt_i18n.install_qt_translations(app, lang)

    if not settings.get(db, "first_run_done") and not args.demo and not args.minimized:
        from crisisdesk_gui.ui.wizard import FirstRunWizard

        _configure_secrets(db, profile.data_dir)  # the wizard may keep a feed's password

        wizard = FirstRunWizard(profile, db)
        run_modal_answering_starts(wizard, instance)
        if wizard.demo_requested:
            # Switch this run to the filled demo profile; the real one asks again next time.
            db.conn.close()
            instance.close()
            profile = resolve_profile(demo_data_dir()).ensure()
            instance = SingleInstance(profile.lock_name, profile.lock_file, app)
            if not instance.claim():
                return 0
            db = _open_demo(profile.data_dir)

        # The wizard may have chosen the UI language.
        lang = i18n.set_language(args.lang or settings.get(db, "ui_language"))
        qt_i18n.install_qt_translations(app, lang)

    from crisisdesk_gui.services.single_instance import SingleInstance
    from crisisdesk_gui.ui.main_window import MainWindow

    window = MainWindow(profile, db)
    window_state.restore(window, db)
    instance.activated.connect(window.bring_to_front)
    app.aboutToQuit.connect(lambda: window_state.save(window, db))
    if not args.minimized:
        window.show()
    elif not QSystemTrayIcon.isSystemTrayAvailable():
        window.showMinimized()  # without a tray, a hidden window could not be reached
    from PySide6.QtCore import QTimer

    _after_first_paint(window, lambda: _after_show(window, db, profile.data_dir, instance))
    if smoke_ms := os.environ.get("CRISISDESK_SMOKE_QUIT_MS"):
        QTimer.singleShot(int(smoke_ms), app.quit)  # packaging/check_bundle.sh: start, then quit
    return app.exec()


def _skip_feature_scan() -> None:
    """PySide reads the source of every module imported after it, looking for its opt-in
    `from __feature__ import snake_case` syntax, which this app never uses: ~5 ms of launch.
    Every module then counts as one using PySide without features, PySide's own default."""
    feature = sys.modules.get("PySide6.support.feature")
    if feature is not None and hasattr(feature, "_mod_uses_pyside"):
        feature._mod_uses_pyside = lambda module: True


def _open_demo(data_dir: Path) -> Database:
    """The demo profile's database, filled first (with a note on screen) when empty or stale."""
    from crisisdesk_gui.core import demo
    from crisisdesk_gui.core.db import open_profile_db

    stale = demo.is_stale(data_dir)
    db = open_profile_db(data_dir)
    if not stale and db.execute("SELECT 1 FROM mentions LIMIT 1").fetchone():
        return db
    db.conn.close()
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QApplication, QSplashScreen

    from crisisdesk_gui.core.i18n import _
    from crisisdesk_gui.core.paths import resources_dir

    splash = QSplashScreen(QPixmap(str(resources_dir() / "icons" / "crisisdesk-256.png")))
    splash.showMessage(
        _("Preparing the sample data…"),
        Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter,
    )
    splash.show()
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    QApplication.processEvents()
    try:
        demo.fill_demo(data_dir, reset=stale)  # a board filled days ago is filled afresh
    finally:
        QApplication.restoreOverrideCursor()
        splash.close()
    return open_profile_db(data_dir)


def _configure_secrets(db: Database, data_dir: Path) -> None:
    from crisisdesk_gui.core import secrets, settings

    secrets.set_profile(data_dir)
    if settings.get(db, "allow_insecure_secret_store"):
        secrets.use_file_fallback(secrets.fallback_path_for(data_dir))


def _after_first_paint(window: QWidget, job: Callable[[], None]) -> None:
    """Run `job` once, when the window has painted (at once when it is not shown: tray
    start; after AFTER_PAINT_FALLBACK_MS at the latest, should no paint come)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    done = False

    def run_once() -> None:
        nonlocal done
        if not done:
            done = True
            job()

    if not window.isVisible() or window.isMinimized():
        QTimer.singleShot(0, run_once)
        return

    class _Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                # Twice deferred: after what the paint itself queued (the board's own
                # "first rows shown"), so the job never delays the first frame.
                QTimer.singleShot(0, lambda: QTimer.singleShot(0, run_once))
                self.deleteLater()
            return False

    window.installEventFilter(_Painted(window))
    QTimer.singleShot(AFTER_PAINT_FALLBACK_MS, run_once)


def _after_show(window: MainWindow, db: Database, data_dir: Path, instance: SingleInstance) -> None:
    """Work the first paint does not wait for: sqlite-utils (~45 ms; launch needs plain SQL
    only), the log's rotation, the socket later starts knock on, the secrets' profile before the poller may read a feed's password, the tray and
    the poller, probing the keyring's backends (~100 ms) and, on a background thread, loading
    the scorer's lexicons and lemma dictionaries (seconds), so the first correction on the
    board does not stall the window."""
    import threading

    from crisisdesk_gui.core import logs
    from crisisdesk_gui.core.db import full_database

    # Here, before any other thread runs: see core.db._SqliteUtilsWithoutNumpy.
    full_database(db)
    logs.enable_rotation()
    instance.serve()
    from crisisdesk_gui.core import secrets, settings

    _configure_secrets(db, data_dir)
    window.start_services()
    try:
        log.info("password store: %s", secrets.backend_name())
    except Exception:  # a broken backend shows when a secret is used; the log line is extra
        log.exception("probing the keyring failed")
    langs = tuple(settings.get(db, "detect_languages") or ())
    threading.Thread(target=_warm_up, args=(langs,), name="detect-warm-up", daemon=True).start()


def _warm_up(langs: tuple[str, ...]) -> None:
    try:
        from crisisdesk_gui.core import detect

        known = tuple(lang for lang in langs if lang in ("tr", "pl", "fi", "en"))
        detect.warm_up(known) if known else detect.warm_up()
    except Exception:  # scoring then loads what it needs when it is first used
        log.exception("warming up the scorer failed")


if __name__ == "__main__":
    sys.exit(main())
