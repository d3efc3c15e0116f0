"""Storing a secret from a dialog: the keyring, or, only after the user agreed, a private file.

Dialogs that take a password or token (a private feed in the sources view, mail settings) call
`store_source_credentials` or `ensure_secret_store` instead of core.secrets directly, so the user
is asked once, when no keyring works, before anything is kept elsewhere.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget
from sqlite_utils import Database

from crisisdesk_gui.core import secrets, settings
from crisisdesk_gui.core.i18n import _

ALLOW_KEY = "allow_insecure_secret_store"
ASKED_KEY = "insecure_secret_store_asked"


def allow_file_store(db: Database, data_dir: Path, allowed: bool) -> None:
    settings.set_(db, ALLOW_KEY, allowed)
    secrets.use_file_fallback(secrets.fallback_path_for(data_dir) if allowed else None)


def ask_file_store(parent: QWidget | None, data_dir: Path) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("No password store"))
    box.setText(_("No password store (keyring) works on this computer."))
    box.setInformativeText(
        _(
            "CrisisDesk can keep passwords and tokens in a file in its profile folder instead:\n"
            "{path}\n\nOnly your user account can read that file, but it is not encrypted. "
            "Keep secrets there?"
        ).format(path=secrets.fallback_path_for(data_dir))
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def ensure_secret_store(parent: QWidget | None, db: Database, data_dir: Path) -> bool:
    """True when a secret can be stored now. Without a keyring the user is asked once; after a
    "no" the app only says why nothing was saved (Settings → Desktop can still allow the file)."""
    if secrets.keyring_available():
        return True
    if settings.get(db, ALLOW_KEY):
        secrets.use_file_fallback(secrets.fallback_path_for(data_dir))
        return True
    if not settings.get(db, ASKED_KEY):
        settings.set_(db, ASKED_KEY, True)
        if ask_file_store(parent, data_dir):
            allow_file_store(db, data_dir, True)
            return True
        return False
    QMessageBox.warning(
        parent,
        _("Password not saved"),
        _(
            "No password store (keyring) works on this computer, so the password was not saved. "
            "Settings → Desktop can let CrisisDesk keep passwords in a file instead."
        ),
    )
    return False


def store_source_credentials(
    parent: QWidget | None, db: Database, data_dir: Path, source_id: int, user: str, secret: str
) -> bool:
    """Keep a private feed's credentials; False (the user was told why) when they were not."""
    if not ensure_secret_store(parent, db, data_dir):
        return False
    try:
        secrets.set_source_credentials(db, source_id, user, secret)
    except secrets.KeyringUnavailable as exc:
        QMessageBox.warning(parent, _("Password not saved"), str(exc))
        return False
    return True
