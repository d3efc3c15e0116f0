"""Where a profile lives on disk, and where the shipped resources are."""

from __future__ import annotations

import os
import sys
import zlib
from pathlib import Path
from typing import NamedTuple

from crisisdesk_gui import APP_ID, APP_NAME

ENV_DATA_DIR = "CRISISDESK_DATA_DIR"


def _install_root() -> Path:
    # In a PyInstaller bundle the data files sit beside the frozen package.
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    return _install_root() / "resources"


def translations_dir() -> Path:
    return _install_root() / "translations"


class ProfilePaths(NamedTuple):
    """Every file of one profile, all below one data directory."""

    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "crisisdesk.db"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def evidence(self) -> Path:
        return self.data_dir / "evidence"

    @property
    def logs(self) -> Path:
        return self.data_dir / "logs"

    @property
    def lock_file(self) -> Path:
        """Held by the app running on this profile (services.single_instance)."""
        return self.data_dir / "crisisdesk.lock"

    @property
    def lock_name(self) -> str:
        """A name for the single-instance socket that is unique per profile."""
        # Two checksums rather than hashlib, which loads OpenSSL (~3 ms of the app's launch).
        key = str(self.data_dir.resolve()).encode()
        return f"{APP_ID}-{zlib.crc32(key):08x}{zlib.adler32(key):08x}"

    def ensure(self) -> ProfilePaths:
        for d in (self.data_dir, self.backups, self.evidence, self.logs):
            d.mkdir(parents=True, exist_ok=True)
        return self


def default_data_dir() -> Path:
    # Imported here, as everywhere in the app: platformdirs pulls in tempfile and shutil (~4 ms
    # of launch), which a start with --data-dir or $CRISISDESK_DATA_DIR never needs.
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def demo_data_dir() -> Path:
    """The separate profile that "Try with sample data" fills."""
    return default_data_dir().with_name(f"{APP_NAME}-demo")


def resolve_profile(data_dir: str | os.PathLike[str] | None = None) -> ProfilePaths:
    """--data-dir wins, then $CRISISDESK_DATA_DIR, then the platform's user data dir."""
    chosen = data_dir or os.environ.get(ENV_DATA_DIR) or default_data_dir()
    return ProfilePaths(Path(chosen).expanduser().resolve())
