"""Troll signals across items: one author on many negative items, one text under several names."""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterable
from datetime import datetime, timedelta
from hashlib import blake2b
from typing import TYPE_CHECKING, Any

from crisisdesk_gui.core.db import iso, parse_iso, utcnow
from crisisdesk_gui.core.detect import Reason
from crisisdesk_gui.core.detect.learn import text_key
from crisisdesk_gui.core.i18n import ngettext

if TYPE_CHECKING:  # sqlite-utils (and the numpy it may pull in) loads where a database opens
    from sqlite_utils import Database

WINDOW = timedelta(days=7)  # repeated text
AUTHOR_WINDOW = timedelta(hours=24)
AUTHOR_MIN = 3  # negative items by one author within AUTHOR_WINDOW
MIN_KEY = 12  # shorter texts ("thanks", "ok") repeat innocently
CHUNK = 500  # values per IN (...)


def mention_text(title: str | None, text: str | None) -> str:
    """The text a mention is scored on (ingest: title and body on two lines); corrections and the
    repeated-text signal read it the same way."""
    return f"{title or ''}\n{text or ''}".strip()


def repeat_key(text: str) -> str:
    """What mentions.text_key holds: a digest of the normalised text (learn.text_key), or ""
    for a text too short to count as repeated. A digest, not the text: the index over whole
    texts cost a first poll of 10,000 items a third of its writing time."""
    return key_digest(text_key(text))


def key_digest(key: str) -> str:
    """repeat_key for a text already normalised by learn.text_key."""
    return blake2b(key.encode(), digest_size=12).hexdigest() if len(key) >= MIN_KEY else ""


def after_ingest(db: Database, mention_ids: Iterable[int]) -> None:
    """Update troll signals for new mentions (and the earlier copies they repeat); commits.

    Set-based: a few IN queries per batch, not one query per mention (a first poll stores
    thousands); the counting happens here, over the rows those queries return."""
    ids = list(mention_ids)
    if not ids:
        return
    rows: list[tuple[int, str, str, datetime]] = []  # id, text key, trimmed author, when
    missing: list[tuple[str, int]] = []
    for mention_id, title, text, author, at, stored in _select_in(
        db,
        "SELECT id, title, text, trim(coalesce(author, '')), coalesce(published, fetched), "
        "text_key FROM mentions WHERE id IN ({marks})",
        ids,
    ):
        # ingest computes the key in its parse workers; anything stored otherwise gets it here
        key = stored if stored is not None else repeat_key(mention_text(title, text))
        if stored is None:
            missing.append((key, mention_id))
        rows.append((mention_id, key, author, parse_iso(at) or utcnow()))
    with db.conn:
        if missing:
            db.conn.executemany("UPDATE mentions SET text_key = ? WHERE id = ?", missing)
        copies = _copies(db, rows)
        negative_by = _negative_times(db, rows)
        touched: dict[int, list[tuple[str, Reason]]] = {}
        for mention_id, key, author, when in rows:
            if key:
                since = iso(when - WINDOW)
                same = [(cid, name) for cid, name, at in copies.get(key, ()) if at >= since]
                names = {name for _, name in same if name}
                if len(same) >= 3 or len(names) >= 2:
                    weight = min(1.0, 0.25 * len(same) + 0.2 * len(names))
                    if len(names) >= 2:
                        label = ngettext(
                            "same text under {n} name", "same text under {n} names", len(names)
                        ).format(n=len(names))
                    else:
                        label = ngettext(
                            "same text {n} time", "same text {n} times", len(same)
                        ).format(n=len(same))
                    for copy_id, _ in same:
                        touched.setdefault(copy_id, []).append(
                            ("repeat", Reason("troll", label, weight))
                        )
            if author:
                times = negative_by.get(author, [])
                count = len(times) - bisect_left(times, iso(when - AUTHOR_WINDOW))
                if count >= AUTHOR_MIN:
                    weight = min(1.0, 0.15 * count)
                    label = ngettext(
                        "{n} negative item by this author in 24 h",
                        "{n} negative items by this author in 24 h",
                        count,
                    ).format(n=count)
                    touched.setdefault(mention_id, []).append(
                        ("author", Reason("troll", label, weight))
                    )
        for mention_id, new in touched.items():
            _apply(db, mention_id, new)


def _select_in(
    db: Database, sql: str, values: list[Any], params: tuple[Any, ...] = ()
) -> list[tuple[Any, ...]]:
    """`sql` with `{marks}` run over `values` in chunks (SQLite caps the bound variables)."""
    out: list[tuple[Any, ...]] = []
    for start in range(0, len(values), CHUNK):
        chunk = values[start : start + CHUNK]
        out += db.execute(
            sql.format(marks=",".join("?" * len(chunk))), [*params, *chunk]
        ).fetchall()
    return out


def _copies(
    db: Database, rows: list[tuple[int, str, str, datetime]]
) -> dict[str, list[tuple[int, str, str]]]:
    """text key → [(id, lower-cased author, time)] of every mention with that key since the
    earliest window start of the batch; each mention then keeps those inside its own window."""
    keys = sorted({key for _, key, _, _ in rows if key})
    if not keys:
        return {}
    since = min(iso(when - WINDOW) for _, key, _, when in rows if key)
    found: dict[str, list[tuple[int, str, str]]] = {}
    for mid, key, name, at in _select_in(
        db,
        # the text_key index answers the IN; id order is the order a per-key query returned
        "SELECT id, text_key, lower(trim(coalesce(author, ''))), coalesce(published, fetched, '') "
        "FROM mentions WHERE coalesce(published, fetched, '') >= ? AND text_key IN ({marks}) "
        "ORDER BY text_key, id",
        keys,
        (since,),
    ):
        found.setdefault(key, []).append((mid, name, at))
    return found


def _negative_times(
    db: Database, rows: list[tuple[int, str, str, datetime]]
) -> dict[str, list[str]]:
    """author → sorted times of that author's negative mentions since the earliest window start
    of the batch (a feed spells one author one way, so the indexed author column is compared
    as stored)."""
    authors = sorted({author for _, _, author, _ in rows if author})
    if not authors:
        return {}
    since = min(iso(when - AUTHOR_WINDOW) for _, _, author, when in rows if author)
    found: dict[str, list[str]] = {}
    for author, at in _select_in(
        db,
        "SELECT author, coalesce(published, fetched, '') FROM mentions "
        "WHERE label = 'negative' AND coalesce(published, fetched, '') >= ? "
        "AND author IN ({marks})",
        authors,
        (since,),
    ):
        found.setdefault(author, []).append(at)
    for times in found.values():
        times.sort()
    return found


def _apply(db: Database, mention_id: int, new: list[tuple[str, Reason]]) -> None:
    row = db.execute(
        "SELECT coalesce(troll, 0), coalesce(severity, 0), coalesce(score, 0), reasons "
        "FROM mentions WHERE id = ?",
        [mention_id],
    ).fetchone()
    if row is None:
        return
    troll, severity, score, reasons_json = row
    try:
        reasons = json.loads(reasons_json) if reasons_json else []
    except ValueError:
        reasons = []
    # One reason per signal: a repeated text seen again replaces its older count.
    kept = [r for r in reasons if not r.get("rule")]
    best: dict[str, Reason] = {}
    for rule, reason in new:
        if rule not in best or reason.weight > best[rule].weight:
            best[rule] = reason
    kept.extend({**r.as_dict(), "rule": rule} for rule, r in best.items())
    troll = max(float(troll), min(1.0, sum(r.weight for r in best.values())))
    urgency = round(int(severity) * 10 + float(score) * 10 + troll * 2, 3)
    db.execute(
        "UPDATE mentions SET troll = ?, urgency = ?, reasons = ? WHERE id = ?",
        [round(troll, 3), urgency, json.dumps(kept, ensure_ascii=False), mention_id],
    )
