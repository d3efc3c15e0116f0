from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crisisdesk_gui.core import settings
from crisisdesk_gui.core.db import StorageError, connect, open_profile_db, pending_migrations
from crisisdesk_gui.core.migrations import MIGRATIONS
from crisisdesk_gui.core.text import fold


def test_new_profile_is_wal_with_foreign_keys_and_every_table(db) -> None:
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    for table in (
        "sources",
        "mentions",
        "card_events",
        "keywords",
        "team_members",
        "templates",
        "evidence",
        "settings",
        "mentions_fts",
    ):
        assert db[table].exists(), table
    assert pending_migrations(db) == []


def test_migrations_back_up_an_existing_database_first(data_dir: Path) -> None:
    path = data_dir / "crisisdesk.db"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE keep_me (x)")
    raw.execute("INSERT INTO keep_me VALUES (42)")
    raw.commit()
    raw.close()

    open_profile_db(data_dir)

    backups = list((data_dir / "backups").glob("*.db"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT x FROM keep_me").fetchall() == [(42,)]
    assert copy.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = 'mentions'"
    ).fetchone() == (0,)


def test_fresh_database_needs_no_backup(data_dir: Path) -> None:
    open_profile_db(data_dir)
    assert not list((data_dir / "backups").glob("*.db"))


def test_reopening_applies_nothing_twice(data_dir: Path) -> None:
    db = open_profile_db(data_dir)
    applied = [m.name for m in MIGRATIONS.applied(db)]
    db.conn.close()
    again = open_profile_db(data_dir)
    assert [m.name for m in MIGRATIONS.applied(again)] == applied


def test_a_file_that_is_not_a_database_gives_a_clear_error(data_dir: Path) -> None:
    (data_dir / "crisisdesk.db").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError, match="backups"):
        connect(data_dir / "crisisdesk.db", migrate=True)


def test_settings_round_trip_and_defaults(db) -> None:
    assert settings.get(db, "response_target_minutes") == 60
    settings.set_(db, "response_target_minutes", 45)
    settings.set_(db, "business_name", "Lezzet Fırını")
    assert settings.get(db, "response_target_minutes") == 45
    assert settings.get_all(db)["business_name"] == "Lezzet Fırını"


def test_fts_finds_folded_text_including_polish_l(db) -> None:
    db["mentions"].insert({"dedup_key": "k1", "search_text": fold("Obsługa w Łodzi fatalna")})
    hits = db.execute(
        "SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?", [fold("lodzi")]
    ).fetchall()
    assert len(hits) == 1


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Lezzet Fırını", "lezzet firini"),
        ("ŁÓDŹ", "lodz"),
        ("Hyvää päivää", "hyvaa paivaa"),
        ("İSTANBUL", "istanbul"),
        ("Şikâyet", "sikayet"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded
