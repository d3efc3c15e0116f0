"""Shared fixtures. Every test gets its own profile folder; nothing touches the real profile."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """../shared beside the checkout (CRISISDESK_SHARED overrides); may be missing."""
    return Path(os.environ.get("CRISISDESK_SHARED", REPO.parent / "shared"))


def require_shared(*parts: str) -> Path:
    path = shared_dir().joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared material not present: {path}")
    return path


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory):
    """Caches (lemma index, language model) go to a folder of this test run, not the user's.

    One folder per session, not per test, so each test worker builds them once.
    """
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if previous is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = previous


@pytest.fixture(autouse=True)
def _isolated_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRISISDESK_DATA_DIR", str(tmp_path / "profile"))
    from crisisdesk_gui.core import i18n

    i18n.set_language("en")


@pytest.fixture(autouse=True)
def _memory_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """No test ever reads or writes the real OS keyring or the real autostart folder."""
    from crisisdesk_gui.core import secrets

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))

    backend = secrets.use_memory_backend()
    secrets.use_file_fallback(None)
    secrets.set_profile(None)
    yield backend
    secrets.use_file_fallback(None)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "profile"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture
def db(data_dir: Path):
    from crisisdesk_gui.core.db import open_profile_db

    database = open_profile_db(data_dir)
    yield database
    database.conn.close()
