"""Numbered schema migrations, applied in order at start (core/db.py backs the file up first).

Add a change as a new function at the end of its section; never edit one that has shipped.
Names are `mNNN_what`: the number orders them and makes the history readable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

Migration = Callable[["Database"], None]


class _Registry:
    """sqlite-utils' `Migrations`, registered the same way (`@MIGRATIONS()`), but made only
    when migrations are read or applied: a start that finds nothing pending (core.db checks
    the names with plain SQL) never imports sqlite-utils, ~45 ms of every launch."""

    table = "_sqlite_migrations"  # sqlite-utils' bookkeeping table

    def __init__(self, name: str) -> None:
        self.name = name
        self._registered: list[tuple[Migration, dict[str, Any]]] = []

    def __call__(self, **options: Any) -> Callable[[Migration], Migration]:
        def register(fn: Migration) -> Migration:
            self._registered.append((fn, options))
            return fn

        return register

    def names(self) -> list[str]:
        return [options.get("name") or fn.__name__ for fn, options in self._registered]

    def migrations(self) -> Migrations:
        from sqlite_utils import Migrations

        real = Migrations(self.name)
        for fn, options in self._registered:
            real(**options)(fn)
        return real

    def applied(self, db: Database) -> list[Migrations._AppliedMigration]:
        return self.migrations().applied(db)

    def pending(self, db: Database) -> list[Migrations._Migration]:
        return self.migrations().pending(db)

    def apply(self, db: Database) -> None:
        self.migrations().apply(db)


MIGRATIONS = _Registry("crisisdesk")


@MIGRATIONS()
def m001_initial(db: Database) -> None:
    db["settings"].create({"key": str, "value": str}, pk="key")

    db["sources"].create(
        {
            "id": int,
            "url": str,
            "name": str,
            "kind": str,  # rss | google_alerts | reddit | youtube | mastodon | file
            "every_minutes": int,
            "keywords_only": int,  # 0: every item is about us; 1: only items that mention a keyword
            "paused": int,
            "created": str,
            # health and conditional GET
            "etag": str,
            "last_modified": str,
            "last_attempt": str,
            "last_success": str,
            "last_status": int,
            "last_error": str,
            "failures": int,
            "next_attempt": str,
            "items_seen": int,
        },
        pk="id",
        not_null={"url"},
        defaults={
            "every_minutes": 30,
            "keywords_only": 0,
            "paused": 0,
            "failures": 0,
            "items_seen": 0,
        },
    )
    db["sources"].create_index(["url"], unique=True)

    db["team_members"].create(
        {
            "id": int,
            "name": str,
            "role": str,  # manager | social_media | customer_service | any custom text
            "phone_mobile": str,  # E.164
            "phone_work": str,
            "phone_home": str,
            "email_work": str,
            "email_personal": str,
            "social": str,  # JSON object: network -> handle
            "channels": str,  # JSON object: channel -> address (live chat, messaging)
            "on_call": str,
            "notes": str,
            "created": str,
            "updated": str,
        },
        pk="id",
        not_null={"name"},
    )

    db["mentions"].create(
        {
            "id": int,
            "source_id": int,
            "dedup_key": str,  # guid:…, link:… or hash:… (first that exists)
            "story_key": str,  # groups the same story from several sources on one card
            "group_id": int,  # id of the card's primary mention (itself when primary)
            "guid": str,
            "url": str,
            "title": str,
            "text": str,  # plain text, sanitised
            "author": str,
            "published": str,  # ISO 8601 UTC
            "fetched": str,
            "updated": str,
            "content_hash": str,
            "raw": str,  # the entry as received (JSON), kept for evidence
            "search_text": str,  # folded (case, diacritics, ł, ı) for FTS
            "matched_keywords": str,  # JSON list
            # detection
            "lang": str,
            "label": str,  # negative | neutral | positive
            "score": float,  # negativity, 0..1
            "severity": int,  # 0 none, 1 notable, 2 serious, 3 crisis
            "troll": float,  # troll likelihood, 0..1
            "urgency": float,  # sort key for the board
            "reasons": str,  # JSON list of {kind, text, weight}
            # the card
            "lane": str,  # NULL when not on the board
            "lane_changed": str,
            "assignee_id": int,
            "first_reply_at": str,
            "incident_id": int,
        },
        pk="id",
        not_null={"dedup_key"},
        foreign_keys=[("assignee_id", "team_members", "id")],
    )
    db["mentions"].create_index(["source_id", "dedup_key"], unique=True)
    db["mentions"].create_index(["story_key"])
    db["mentions"].create_index(["lane", "urgency"])
    db["mentions"].create_index(["published"])
    db["mentions"].create_index(["author"])
    db["mentions"].enable_fts(
        ["search_text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )

    db["card_events"].create(
        {
            "id": int,
            "mention_id": int,
            "at": str,
            "actor": str,
            "kind": str,  # move | reply | note | assign | capture | correction | create
            "from_lane": str,
            "to_lane": str,
            "text": str,
            "data": str,  # JSON
        },
        pk="id",
        foreign_keys=[("mention_id", "mentions", "id")],
    )
    db["card_events"].create_index(["mention_id", "at"])

    db["keywords"].create(
        {"id": int, "word": str, "folded": str, "kind": str, "created": str},
        pk="id",
        not_null={"word", "folded"},
    )
    db["keywords"].create_index(["folded"], unique=True)

    db["templates"].create(
        {
            "id": int,
            "situation": str,
            "lang": str,
            "text": str,
            "origin": str,  # shipped | user
            "shipped_key": str,  # stable key of a shipped wording, for upgrades
            "enabled": int,
            "created": str,
            "updated": str,
        },
        pk="id",
        defaults={"enabled": 1, "origin": "user"},
    )
    db["templates"].create_index(["situation", "lang"])

    # Evidence rows are never removed with a card or a source, so no foreign keys here.
    db["evidence"].create(
        {
            "id": int,
            "mention_id": int,
            "captured_at": str,
            "app_version": str,
            "files": str,  # JSON list of {name, sha256, kind}
            "record_hash": str,
        },
        pk="id",
    )

    db["corrections"].create(
        {"id": int, "mention_id": int, "text": str, "lang": str, "label": str, "at": str},
        pk="id",
    )

    db["incidents"].create(
        {
            "id": int,
            "title": str,
            "opened_at": str,
            "closed_at": str,
            "owner_id": int,
            "status": str,  # open | closed
            "checklist": str,  # JSON
            "review_notes": str,
        },
        pk="id",
    )


# --- ingest (issue 2) migrations below: m1xx ---


@MIGRATIONS()
def m101_mentions_content_hash_index(db: Database) -> None:
    # Ingest groups the same story from several sources by content hash as well as by link.
    db["mentions"].create_index(["content_hash"])


# --- detection (issue 3) migrations below: m2xx ---


@MIGRATIONS()
def m201_mentions_text_key(db: Database) -> None:
    # The folded, normalised text (detect.learn.text_key): finds one text repeated under
    # several names for the troll signal.
    db["mentions"].add_column("text_key", str)
    db["mentions"].create_index(["text_key"])


@MIGRATIONS()
def m202_mentions_text_key_digest(db: Database) -> None:
    # text_key now holds a digest of the normalised text (detect.troll.repeat_key): indexing
    # whole texts made every insert of a poll slow. Texts too short to count keep "".
    from crisisdesk_gui.core.detect.troll import key_digest

    def digest(key: str | None) -> str | None:
        return None if key is None else key_digest(key)

    db.conn.create_function("crisisdesk_repeat_digest", 1, digest, deterministic=True)
    db.execute("UPDATE mentions SET text_key = crisisdesk_repeat_digest(text_key)")


# --- board (issue 4) migrations below: m3xx ---


@MIGRATIONS()
def m301_board_indexes(db: Database) -> None:
    # The board looks up a story's members per card and a card's history; without these
    # indexes each page of cards scans the whole mentions table.
    db["mentions"].create_index(["group_id"], if_not_exists=True)
    db["mentions"].create_index(["lane", "published"], if_not_exists=True)


@MIGRATIONS()
def m302_board_lane_counts_index(db: Database) -> None:
    # Covers the per-lane card counts (lane, story primary) so they read the index, not rows.
    db["mentions"].create_index(["lane", "group_id"], if_not_exists=True)


@MIGRATIONS()
def m303_board_story_members_index(db: Database) -> None:
    # Only the secondary members of grouped stories: search maps their hits to the story's card
    # by scanning this small index instead of reading every matching row.
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_mentions_story_members ON mentions(id, group_id) "
        "WHERE group_id IS NOT NULL AND group_id <> id"
    )


@MIGRATIONS()
def m304_board_unanswered_index(db: Database) -> None:
    # The tray badge counts unanswered cards per open lane at every launch and poll; with
    # first_reply_at in the index that count (and the lane counts) never reads a row.
    db["mentions"].create_index(["lane", "first_reply_at", "group_id"], if_not_exists=True)
    db.execute("DROP INDEX IF EXISTS idx_mentions_lane_group_id")


# --- templates (issue 5) migrations below: m4xx ---


@MIGRATIONS()
def m401_reply_events_index(db: Database) -> None:
    # Rotation and the repeat warning read only the reply events, newest first.
    db.execute(
        "CREATE INDEX IF NOT EXISTS card_events_replies ON card_events(at) WHERE kind = 'reply'"
    )


# --- evidence (issue 6) migrations below: m5xx ---


@MIGRATIONS()
def m501_evidence_chain(db: Database) -> None:
    # The row mirrors its log record (core/evidence.py) so verify can cross-check the log.
    db["evidence"].add_column("prev_hash", str)
    db["evidence"].add_column("folder", str)
    db["evidence"].create_index(["mention_id"])
    db["evidence"].create_index(["captured_at"])


# --- team, plan, analytics (issue 7) migrations below: m6xx ---


@MIGRATIONS()
def m601_incident_events(db: Database) -> None:
    # The incident's own timeline (opened, checklist steps, cards linked, team notified, closed);
    # the post-crisis report merges it with the linked cards' card_events.
    db["incident_events"].create(
        {
            "id": int,
            "incident_id": int,
            "at": str,
            "actor": str,
            "kind": str,
            "text": str,
            "data": str,
        },
        pk="id",
        foreign_keys=[("incident_id", "incidents", "id")],
    )
    db["incident_events"].create_index(["incident_id", "at"])
    db["mentions"].create_index(["incident_id"], if_not_exists=True)


# --- desktop (issue 8) migrations below: m7xx ---


@MIGRATIONS()
def m701_source_credentials(db: Database) -> None:
    # A private feed's user name; its password or token lives only in the keyring (core/secrets).
    db["sources"].add_column("auth_user", str)
    db["sources"].add_column("auth_secret", int, not_null_default=0)
