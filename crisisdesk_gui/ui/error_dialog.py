"""The dialog an uncaught exception shows: what happened and where the log is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from crisisdesk_gui.core.i18n import _


def show_error_dialog(exc: BaseException, details: str, log_path: Path) -> None:
    if QApplication.instance() is None:
        return
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_("CrisisDesk: unexpected error"))
    box.setText(
        _(
            "Something went wrong: {error}\n\nYour data is saved. The details are in the log:\n{path}"
        ).format(error=exc, path=log_path)
    )
    box.setDetailedText(details)
    box.exec()
