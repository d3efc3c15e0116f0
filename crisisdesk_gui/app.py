"""GUI bootstrap: args → paths → logging → i18n → database → QApplication → main window."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from crisisdesk_gui import APP_NAME, __version__

log = logging.getLogger(__name__)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="crisisdesk", description=f"{APP_NAME} desktop app")
    parser.add_argument("--data-dir", help="profile folder (default: $CRISISDESK_DATA_DIR, "
                        "else the user data dir)")
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

    def hook(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.critical("uncaught exception\n%s", text)
        from crisisdesk_gui.ui.error_dialog import show_error_dialog

        show_error_dialog(exc, text, log_path)

    sys.excepthook = hook


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)

    from crisisdesk_gui.core import i18n, settings
    from crisisdesk_gui.core.db import StorageError, open_profile_db
    from crisisdesk_gui.core.logs import setup_logging
    from crisisdesk_gui.core.paths import demo_data_dir, resolve_profile

    profile = resolve_profile(demo_data_dir() if args.demo else args.data_dir).ensure()
    log_path = setup_logging(profile.logs, debug=args.debug)
    log.info("%s %s starting, profile %s", APP_NAME, __version__, profile.data_dir)

    from PySide6.QtWidgets import QApplication, QMessageBox

    from crisisdesk_gui.ui import qt_i18n

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("crisisdesk")
    install_excepthook(log_path)

    try:
        db = open_profile_db(profile.data_dir)
    except StorageError as exc:
        i18n.set_language(args.lang or "system")
        qt_i18n.install_qt_translations(app, i18n.current_language())
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    lang = i18n.set_language(args.lang or settings.get(db, "ui_language"))
    qt_i18n.install_qt_translations(app, lang)

    from crisisdesk_gui.ui.main_window import MainWindow

    window = MainWindow(profile, db)
    if not args.minimized:
        window.show()
    return app.exec()
