"""Remember the main window's size, position and dock/toolbar layout in the profile's settings."""

from __future__ import annotations

import base64
import logging

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow
from sqlite_utils import Database

from crisisdesk_gui.core import settings

log = logging.getLogger(__name__)

GEOMETRY_KEY = "window_geometry"
STATE_KEY = "window_state"


def save(window: QMainWindow, db: Database) -> None:
    settings.update(
        db,
        {
            GEOMETRY_KEY: base64.b64encode(bytes(window.saveGeometry().data())).decode("ascii"),
            STATE_KEY: base64.b64encode(bytes(window.saveState().data())).decode("ascii"),
        },
    )


def restore(window: QMainWindow, db: Database) -> bool:
    """Apply the saved layout; False (and the default layout) when none is saved or it is bad."""
    geometry, state = settings.get(db, GEOMETRY_KEY), settings.get(db, STATE_KEY)
    if not geometry:
        return False
    try:
        ok = window.restoreGeometry(QByteArray(base64.b64decode(geometry)))
        if state:
            window.restoreState(QByteArray(base64.b64decode(state)))
    except (ValueError, TypeError):
        log.warning("saved window layout is damaged; using the default")
        return False
    return bool(ok)
