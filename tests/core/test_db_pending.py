"""The profile database before and after sqlite-utils: launch reads it with plain SQL, and the
first use of anything sqlite-utils offers turns the same object into a real Database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from crisisdesk_gui.core.db import full_database, open_profile_db, pending_migrations
from crisisdesk_gui.core.migrations import MIGRATIONS

REPO = Path(__file__).resolve().parents[2]


def test_first_sqlite_utils_use_upgrades_the_same_object(data_dir: Path) -> None:
    import sqlite_utils

    db = open_profile_db(data_dir)
    holder = [db]  # someone else holding it, as the board and the tray do
    assert db.execute("SELECT count(*) FROM mentions").fetchone() == (0,)
    db["team_members"].insert({"name": "Mika"})  # a sqlite-utils table: the upgrade
    assert isinstance(holder[0], sqlite_utils.Database)
    assert holder[0].execute("SELECT name FROM team_members").fetchall() == [("Mika",)]
    assert full_database(db) is db
    db.conn.close()


def test_pending_names_agree_with_sqlite_utils(data_dir: Path) -> None:
    db = open_profile_db(data_dir)
    assert pending_migrations(db) == [] == [m.name for m in MIGRATIONS.pending(db)]
    last = MIGRATIONS.names()[-1]
    db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [last])
    db.conn.commit()
    assert pending_migrations(db) == [last] == [m.name for m in MIGRATIONS.pending(db)]
    db.conn.close()


def test_opening_a_migrated_profile_imports_neither_sqlite_utils_nor_numpy(data_dir: Path) -> None:
    open_profile_db(data_dir).conn.close()
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from crisisdesk_gui.core import settings\n"
        "from crisisdesk_gui.core.db import full_database, open_profile_db\n"
        f"db = open_profile_db(Path({str(data_dir)!r}))\n"
        "settings.get(db, 'ui_language')\n"
        "assert 'sqlite_utils' not in sys.modules\n"
        "full_database(db)\n"
        "assert 'sqlite_utils' in sys.modules and 'numpy' not in sys.modules\n"
        "import numpy\n"  # hidden only while sqlite-utils imports
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
