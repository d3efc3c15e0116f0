"""Profile settings, stored in the profile's database so --data-dir isolates everything."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


# Every setting the app knows, with its default. Features add their keys here.
DEFAULTS: dict[str, Any] = {
    "business_name": "",
    "ui_language": "system",  # system | en | tr | pl | fi
    "response_target_minutes": 60,
    "support_phone": "",
    "support_email": "",
    "hashtags": [],
    "reply_char_limit": 280,
    "quiet_hours": {"enabled": False, "start": "22:00", "end": "07:00"},
    "notify_new_negative": True,
    "notify_breach": True,
    "notify_spike": True,
    "start_at_login": False,
    "first_run_done": False,
    "actor_name": "",  # who the user is, for card history
    # team (issue 7): country of phone numbers written without +code; "" = from the UI language
    "phone_region": "",
    # desktop (issue 8): no secret leaves the keyring unless the user agreed; window layout
    "allow_insecure_secret_store": False,
    "insecure_secret_store_asked": False,
    "detect_languages": ["tr", "pl", "fi", "en"],  # the languages the wizard asked about
    "window_geometry": "",
    "window_state": "",
    "window_splitters": {},  # splitter positions (the board's detail pane) by a stable key
    # evidence (issue 6): also screenshot the comment's web page when QtWebEngine is installed
    "evidence_page_capture": True,
}


def get(db: Database, key: str, default: Any = None) -> Any:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    if row is None:
        return DEFAULTS.get(key, default) if default is None else default
    return json.loads(row[0])


def set_(db: Database, key: str, value: Any) -> None:
    with db.conn:
        db.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )


def get_all(db: Database) -> dict[str, Any]:
    values = dict(DEFAULTS)
    for key, value in db.execute("SELECT key, value FROM settings").fetchall():
        values[key] = json.loads(value)
    return values


def update(db: Database, values: dict[str, Any]) -> None:
    with db.conn:
        for key, value in values.items():
            db.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value, ensure_ascii=False)],
            )
