"""Remember the main window's size, position, dock/toolbar layout and splitter positions (the
board's detail pane) in the profile's settings."""

from __future__ import annotations

import base64
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter

from crisisdesk_gui.core import settings

if TYPE_CHECKING:
    from sqlite_utils import Database

log = logging.getLogger(__name__)

GEOMETRY_KEY = "window_geometry"
STATE_KEY = "window_state"
SPLITTERS_KEY = "window_splitters"


def _b64(data: QByteArray) -> str:
    return base64.b64encode(bytes(data.data())).decode("ascii")


def _splitters(window: QMainWindow) -> dict[str, QSplitter]:
    """Splitters by a stable key: the parent's class and the splitter's place among its kind."""
    found: dict[str, QSplitter] = {}
    for splitter in window.findChildren(QSplitter):
        parent = splitter.parentWidget()
        owner = type(parent).__name__ if parent is not None else ""
        key = (
            splitter.objectName()
            or f"{owner}/{len([k for k in found if k.startswith(owner + '/')])}"
        )
        found[key] = splitter
    return found


def save(window: QMainWindow, db: Database) -> None:
    # Pages built lazily may not exist in this session: keep what was saved for them.
    splitters = dict(settings.get(db, SPLITTERS_KEY) or {})
    splitters.update({k: _b64(s.saveState()) for k, s in _splitters(window).items()})
    settings.update(
        db,
        {
            GEOMETRY_KEY: _b64(window.saveGeometry()),
            STATE_KEY: _b64(window.saveState()),
            SPLITTERS_KEY: splitters,
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
        saved = settings.get(db, SPLITTERS_KEY) or {}
        for key, splitter in _splitters(window).items():
            if key in saved:
                splitter.restoreState(QByteArray(base64.b64decode(saved[key])))
    except (ValueError, TypeError):
        log.warning("saved window layout is damaged; using the default")
        return False
    return bool(ok)
