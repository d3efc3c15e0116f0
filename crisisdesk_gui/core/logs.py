"""Logging to a rotating file in the profile's log folder (and the console with --debug)."""

from __future__ import annotations

import logging
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"
MAX_BYTES = 2_000_000
BACKUPS = 5


def setup_logging(
    log_dir: Path, *, debug: bool = False, filename: str = "crisisdesk.log", rotate: bool = True
) -> Path:
    """`rotate=False` starts with a plain file handler, for the app's launch: logging.handlers
    costs ~6 ms (it imports socket and pickle); enable_rotation() swaps it in later."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / filename
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_crisisdesk", False):
            root.removeHandler(handler)
            handler.close()
    _add(root, _rotating(path) if rotate else logging.FileHandler(path, encoding="utf-8"))
    if debug:
        _add(root, logging.StreamHandler())
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    # httpx logs every request at INFO; keep the log about our events.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    return path


def enable_rotation() -> None:
    """Replace the plain file handler of setup_logging(rotate=False) by a rotating one on the
    same file; a file already over the limit rolls over at the next record."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_crisisdesk", False) and type(handler) is logging.FileHandler:
            root.removeHandler(handler)
            handler.close()
            _add(root, _rotating(Path(handler.baseFilename)))


def _rotating(path: Path) -> logging.Handler:
    import logging.handlers

    return logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
    )


def _add(root: logging.Logger, handler: logging.Handler) -> None:
    handler.setFormatter(logging.Formatter(FORMAT))
    handler._crisisdesk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
