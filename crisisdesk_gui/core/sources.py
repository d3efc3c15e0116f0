"""The source list, the keyword watch-list and reading stored mentions (the CLI and GUI share it)."""

from __future__ import annotations

import json
import logging
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from sqlite_utils import Database

from crisisdesk_gui.core.db import iso, parse_iso, utcnow
from crisisdesk_gui.core.fetch import is_local, local_path
from crisisdesk_gui.core.i18n import _, format_relative, ngettext
from crisisdesk_gui.core.schedule import DEFAULT_EVERY_MINUTES
from crisisdesk_gui.core.text import fold

log = logging.getLogger(__name__)

EDITABLE = {"url", "name", "kind", "every_minutes", "keywords_only", "paused"}


class SourceError(ValueError):
    """A source or keyword the user gave cannot be used; the message says why."""


def guess_kind(url: str) -> str:
    if is_local(url):
        return "file"
    parts = urlsplit(url)
    host = parts.netloc.lower()
    if "google." in host and parts.path.startswith("/alerts/feeds"):
        return "google_alerts"
    if host.endswith("reddit.com"):
        return "reddit"
    if host.endswith("youtube.com"):
        return "youtube"
    if "/@" in parts.path and parts.path.endswith(".rss"):
        return "mastodon"
    return "rss"


def normalise_url(url: str) -> str:
    url = url.strip()
    if not url:
        raise SourceError(_("The address is empty."))
    if url.lower().startswith("feed://"):
        url = "https://" + url[len("feed://") :]
    if is_local(url):
        path = local_path(url)
        if not path.is_file():
            raise SourceError(_("The file {path} does not exist.").format(path=path))
        return path.resolve().as_uri()
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[::1" and the like
        parts = urlsplit("")
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise SourceError(
            _("“{url}” is not a web address; it must start with http:// or https://.").format(
                url=url
            )
        )
    return url


def add_source(
    db: Database,
    url: str,
    *,
    name: str | None = None,
    every_minutes: int | None = None,
    keywords_only: bool = False,
    kind: str | None = None,
) -> int:
    from crisisdesk_gui.core import secrets

    # A token in a private feed's address goes to the keyring; the stored address keeps a
    # {secret} placeholder, so the database and logs never hold it.
    url, token = secrets.split_url_secret(normalise_url(url))
    if every_minutes is not None and every_minutes < 1:
        raise SourceError(_("The polling interval must be at least one minute."))
    if db.execute("SELECT 1 FROM sources WHERE url = ?", [url]).fetchone():
        raise SourceError(_("This source is already in the list: {url}").format(url=url))
    with db.conn:
        cursor = db.execute(
            "INSERT INTO sources (url, name, kind, every_minutes, keywords_only, paused, created,"
            " failures, items_seen) VALUES (?, ?, ?, ?, ?, 0, ?, 0, 0)",
            [
                url,
                (name or "").strip() or None,
                kind or guess_kind(url),
                every_minutes or DEFAULT_EVERY_MINUTES,
                int(keywords_only),
                iso(utcnow()),
            ],
        )
    source_id = int(cursor.lastrowid or 0)
    if token is not None:
        try:
            _store_token(db, source_id, token)
        except SourceError:
            with db.conn:
                db.execute("DELETE FROM sources WHERE id = ?", [source_id])
            raise
    return source_id


def list_sources(db: Database) -> list[dict[str, Any]]:
    return [dict(row) for row in db.query("SELECT * FROM sources ORDER BY id")]


def get_source(db: Database, source_id: int) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM sources WHERE id = ?", [source_id]))
    return dict(rows[0]) if rows else None


def update_source(db: Database, source_id: int, **fields: Any) -> None:
    unknown = set(fields) - EDITABLE
    if unknown:
        raise SourceError(f"unknown source fields: {sorted(unknown)}")
    if "url" in fields:
        fields["url"] = _keep_token(db, source_id, normalise_url(fields["url"]))
    if not fields:
        return
    with db.conn:
        if "url" in fields:  # a new address starts afresh: old validators and errors do not apply
            fields.update(
                etag=None, last_modified=None, failures=0, last_error=None, next_attempt=None
            )
        sets = ", ".join(f"{k} = ?" for k in fields)
        db.execute(f"UPDATE sources SET {sets} WHERE id = ?", [*fields.values(), source_id])


def _keep_token(db: Database, source_id: int, url: str) -> str:
    """A new address with a token in it, as add_source takes one: the token goes to the keyring
    (with the source's user name kept) and the address keeps a {secret} placeholder."""
    from crisisdesk_gui.core import secrets

    if secrets.URL_SECRET in url:
        return url  # already split: the placeholder stands for the saved secret
    url, token = secrets.split_url_secret(url)
    if token is not None:
        _store_token(db, source_id, token)
    return url


def _store_token(db: Database, source_id: int, token: str) -> None:
    """The token of an address to the keyring, beside the source's user name, if any."""
    from crisisdesk_gui.core import secrets

    row = db.execute("SELECT auth_user FROM sources WHERE id = ?", [source_id]).fetchone()
    try:
        secrets.set_source_credentials(db, source_id, (row[0] if row else None) or "", token)
    except secrets.KeyringUnavailable as exc:
        raise SourceError(
            _(
                "The address holds a password or token, and it cannot be kept safely: {reason}"
            ).format(reason=exc)
        ) from exc


def remove_source(db: Database, source_id: int) -> bool:
    """Remove a source; the mentions already fetched stay on the board with their history.

    A private feed's password or token leaves the keyring with it."""
    row = db.execute("SELECT auth_secret FROM sources WHERE id = ?", [source_id]).fetchone()
    if row is not None and row[0]:
        from crisisdesk_gui.core import secrets

        try:
            secrets.clear_source_credentials(db, source_id)
        except secrets.KeyringUnavailable as exc:
            log.warning("source %s: its secret could not be removed: %s", source_id, exc)
    with db.conn:
        cursor = db.execute("DELETE FROM sources WHERE id = ?", [source_id])
    return cursor.rowcount > 0


# --- keywords ------------------------------------------------------------------------------


def add_keywords(db: Database, words: list[str], *, kind: str = "brand") -> list[str]:
    """Add words (case and diacritics do not matter); returns those that were new."""
    added: list[str] = []
    with db.conn:
        for word in words:
            word = " ".join(word.split())
            folded = fold(word)
            if not folded:
                continue
            cursor = db.execute(
                "INSERT OR IGNORE INTO keywords (word, folded, kind, created) VALUES (?, ?, ?, ?)",
                [word, folded, kind, iso(utcnow())],
            )
            if cursor.rowcount:
                added.append(word)
    return added


def list_keywords(db: Database) -> list[dict[str, Any]]:
    return [dict(row) for row in db.query("SELECT * FROM keywords ORDER BY word COLLATE NOCASE")]


def remove_keyword(db: Database, word: str) -> bool:
    with db.conn:
        cursor = db.execute("DELETE FROM keywords WHERE folded = ?", [fold(word.strip())])
    return cursor.rowcount > 0


# --- mentions ------------------------------------------------------------------------------

MENTION_FIELDS = (
    "id",
    "source_id",
    "url",
    "title",
    "text",
    "author",
    "published",
    "fetched",
    "updated",
    "lang",
    "label",
    "score",
    "severity",
    "troll",
    "urgency",
    "lane",
    "group_id",
    "matched_keywords",
)


def list_mentions(
    db: Database, *, lane: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Stored mentions, newest first (by publication, else by fetch time)."""
    sql = f"SELECT {', '.join(MENTION_FIELDS)} FROM mentions"
    params: list[Any] = []
    if lane is not None:
        sql += " WHERE lane = ?"
        params.append(lane)
    sql += " ORDER BY COALESCE(published, fetched) DESC, id DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    rows = [dict(row) for row in db.query(sql, params)]
    for row in rows:
        row["matched_keywords"] = json.loads(row["matched_keywords"] or "[]")
    return rows


# --- health --------------------------------------------------------------------------------


def health_text(source: dict[str, Any], now: datetime | None = None) -> str:
    """ "last OK 2 hours ago, 3 failures: The server answered 503 …" for the source list."""
    now = now or utcnow()
    parts: list[str] = []
    last_ok = parse_iso(source.get("last_success"))
    if source.get("paused"):
        parts.append(_("paused"))
    if last_ok is not None:
        parts.append(_("last OK {when}").format(when=format_relative(last_ok, now)))
    elif source.get("last_attempt"):
        parts.append(_("never fetched successfully"))
    else:
        parts.append(_("not fetched yet"))
    failures = int(source.get("failures") or 0)
    if failures:
        count = ngettext("{n} failure", "{n} failures", failures).format(n=failures)
        error = source.get("last_error")
        parts.append(f"{count}: {error}" if error else count)
        nxt = parse_iso(source.get("next_attempt"))
        if nxt is not None and nxt > now:
            parts.append(_("next try {when}").format(when=format_relative(nxt, now)))
    return ", ".join(parts)
