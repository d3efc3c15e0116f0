"""The profile's SQLite database: one file, WAL, foreign keys, migrations with a backup first.

Each thread opens its own connection with `connect()`; the poller's writer thread and the UI
thread never share one.
"""

from __future__ import annotations

import importlib.machinery
import logging
import sqlite3
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, cast

from crisisdesk_gui.core.migrations import MIGRATIONS

if TYPE_CHECKING:
    from sqlite_utils import Database

log = logging.getLogger(__name__)


class _SqliteUtilsWithoutNumpy:  # a meta path finder (importlib.abc would cost 8 ms)
    """Whoever imports sqlite-utils first, its db module runs with numpy hidden: it imports
    numpy (when installed, and pyqtgraph installs it) only to map numpy scalars to column
    types; we never store numpy values, and numpy adds ~100 ms to a start. numpy stays
    importable for everyone else afterwards. (Another thread importing numpy at that very
    moment would fail: the app imports sqlite-utils on the main thread before starting any.)"""

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name != "sqlite_utils.db":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        if spec is None or spec.loader is None or "numpy" in sys.modules:
            return spec
        loader = spec.loader
        run = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            sys.modules["numpy"] = None  # type: ignore[assignment]
            try:
                run(module)
            finally:
                if sys.modules.get("numpy", 0) is None:
                    del sys.modules["numpy"]

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


if "sqlite_utils.db" not in sys.modules:
    sys.meta_path.insert(0, _SqliteUtilsWithoutNumpy())


class _PendingDatabase:
    """A profile database whose sqlite-utils `Database` is made when first needed.

    Importing sqlite-utils costs ~45 ms (its regexes, click, pluggy, dateutil), a sixth of
    the app's launch, yet everything up to the board's first paint is plain SQL. This stands
    in with the connection and `execute`; anything else imports sqlite-utils and turns this
    very object into a real `sqlite_utils.Database` on the same connection, so whoever holds
    it sees the upgrade (`full_database`).
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.execute("PRAGMA recursive_triggers=on")  # as sqlite-utils' Database does

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        if parameters is None:
            return self.conn.execute(sql)
        return self.conn.execute(sql, parameters)

    def __getattr__(self, name: str) -> Any:
        return getattr(full_database(self), name)  # type: ignore[arg-type]

    def __getitem__(self, name: str) -> Any:
        return full_database(self)[name]  # type: ignore[arg-type]


def full_database(db: Database) -> Database:
    """`db` as a real sqlite-utils `Database` (the same object, upgraded if still pending)."""
    if type(db) is _PendingDatabase:
        from sqlite_utils import Database as real

        db.__class__ = real
        # No plugins: none is used, and finding them scans every installed package's
        # entry points (importlib.metadata), tens of ms.
        real.__init__(db, db.conn, execute_plugins=False)
    return db


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
        db = cast("Database", _PendingDatabase(conn))
        if migrate:
            run_migrations(db, path)
    except sqlite3.DatabaseError as exc:
        raise StorageError(
            f"Cannot open the database {path}: {exc}. "
            "If the file is damaged, restore one of the copies in the 'backups' folder beside it."
        ) from exc
    return db


def pending_migrations(db: Database) -> list[str]:
    """Names of the migrations not applied yet, read with plain SQL (no sqlite-utils)."""
    applied: set[str] = set()
    if db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
        [MIGRATIONS.table],
    ).fetchone():
        rows = db.execute(
            f"SELECT name FROM [{MIGRATIONS.table}] WHERE migration_set = ?", [MIGRATIONS.name]
        )
        applied = {name for (name,) in rows}
    return [name for name in MIGRATIONS.names() if name not in applied]


def run_migrations(db: Database, path: Path) -> list[str]:
    """Apply pending migrations, backing the file up first when it already holds data."""
    pending = pending_migrations(db)
    if not pending:
        return []
    db = full_database(db)
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
