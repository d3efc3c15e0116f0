"""The log file: rotating, also when the app switches rotation on after its launch."""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Iterator
from pathlib import Path

import pytest

from crisisdesk_gui.core import logs


@pytest.fixture
def restore_root() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def _ours() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if getattr(h, "_crisisdesk", False)]


def test_launch_logs_to_the_file_and_rotation_takes_over(tmp_path: Path, restore_root) -> None:
    path = logs.setup_logging(tmp_path / "logs", rotate=False)
    logging.getLogger("test").info("before the window")
    assert [type(h) for h in _ours()] == [logging.FileHandler]
    logs.enable_rotation()
    (handler,) = _ours()
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert Path(handler.baseFilename) == path
    logging.getLogger("test").info("after the window")
    text = path.read_text(encoding="utf-8")
    assert "before the window" in text and "after the window" in text
    logs.enable_rotation()  # a second call changes nothing
    assert _ours() == [handler]


def test_a_log_over_the_limit_rolls_over(tmp_path: Path, restore_root, monkeypatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.setup_logging(tmp_path / "logs", rotate=False)
    path.write_text("x" * 5_000, encoding="utf-8")
    logs.enable_rotation()
    logging.getLogger("test").info("fresh file")
    assert (tmp_path / "logs" / "crisisdesk.log.1").exists()
    assert "fresh file" in path.read_text(encoding="utf-8")
