"""Logging to a rotating file in the profile's log folder (and the console with --debug)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


def setup_logging(log_dir: Path, *, debug: bool = False, filename: str = "crisisdesk.log") -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / filename
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_crisisdesk", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter(FORMAT))
    file_handler._crisisdesk = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    if debug:
        console = logging.StreamHandler()
        console.setFormatter(logging.Formatter(FORMAT))
        console._crisisdesk = True  # type: ignore[attr-defined]
        root.addHandler(console)
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    # httpx logs every request at INFO; keep the log about our events.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    return path
