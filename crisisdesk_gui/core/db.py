"""The profile's SQLite database: one file, WAL, foreign keys, migrations with a backup first.

Each thread opens its own connection with `connect()`; the poller's writer thread and the UI
thread never share one.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path


def _import_sqlite_utils_without_numpy() -> None:
    """sqlite-utils imports numpy (when installed, and pyqtgraph installs it) only to map numpy
    scalars to column types; we never store numpy values, and the import cost every start of
    the app and the CLI ~100 ms. A None in sys.modules makes its `import numpy` fail; numpy
    stays importable for everyone else afterwards."""
    if "sqlite_utils.db" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        if sys.modules.get("numpy", 0) is None:
            del sys.modules["numpy"]


_import_sqlite_utils_without_numpy()

from sqlite_utils import Database  # noqa: E402

from crisisdesk_gui.core.migrations import MIGRATIONS  # noqa: E402

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000


class StorageError(Exception):
    """The database could not be opened or written; the message says what to do."""


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso(dt: datetime | None) -> str | None:
    """Timestamps are stored as ISO 8601 UTC text, which sorts and compares as text."""
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).isoformat(timespec="seconds")


def parse_iso(text: str | None) -> datetime | None:
    if not text:
        return None
    dt = datetime.fromisoformat(text)
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def connect(path: Path, *, migrate: bool = False) -> Database:
    """Open (and with migrate=True create or upgrade) the profile database."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            log.warning("journal_mode is %s, not wal", mode)
        # NORMAL is durable across application crashes in WAL mode; only an OS crash or
        # power cut can roll back the last transactions, never corrupt the file.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        # No sqlite-utils plugins: none is used, and finding them scans every installed
        # package's entry points (importlib.metadata), tens of ms of each start.
        db = Database(conn, execute_plugins=False)
        if migrate:
            run_migrations(db, path)
    except sqlite3.DatabaseError as exc:
        raise StorageError(
            f"Cannot open the database {path}: {exc}. "
            "If the file is damaged, restore one of the copies in the 'backups' folder beside it."
        ) from exc
    return db


def pending_migrations(db: Database) -> list[str]:
    return [m.name for m in MIGRATIONS.pending(db)]


def run_migrations(db: Database, path: Path) -> list[str]:
    """Apply pending migrations, backing the file up first when it already holds data."""
    pending = pending_migrations(db)
    if not pending:
        return []
    if db.table_names():
        backup_database(db, path.parent / "backups", reason="before-migration")
    log.info("applying migrations: %s", ", ".join(pending))
    MIGRATIONS.apply(db)
    return pending


def backup_database(db: Database, folder: Path, *, reason: str) -> Path:
    """A consistent copy through SQLite's online backup API (safe while others read)."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = utcnow().strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"crisisdesk-{stamp}-{reason}.db"
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    log.info("database backed up to %s", target)
    return target


def open_profile_db(data_dir: Path) -> Database:
    """The usual way in: the profile's database, migrated."""
    return connect(data_dir / "crisisdesk.db", migrate=True)
