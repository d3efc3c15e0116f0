"""Troll signals across items: one author on many negative items, one text under several names."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import timedelta

from sqlite_utils import Database

from crisisdesk_gui.core.db import iso, parse_iso, utcnow
from crisisdesk_gui.core.detect import Reason
from crisisdesk_gui.core.detect.learn import text_key
from crisisdesk_gui.core.i18n import ngettext

WINDOW = timedelta(days=7)  # repeated text
AUTHOR_WINDOW = timedelta(hours=24)
AUTHOR_MIN = 3  # negative items by one author within AUTHOR_WINDOW
MIN_KEY = 12  # shorter texts ("thanks", "ok") repeat innocently


def mention_text(title: str | None, text: str | None) -> str:
    """The text a mention is scored on (ingest: title and body on two lines); corrections and the
    repeated-text signal read it the same way."""
    return f"{title or ''}\n{text or ''}".strip()


def after_ingest(db: Database, mention_ids: Iterable[int]) -> None:
    """Update troll signals for new mentions (and the earlier copies they repeat); commits."""
    ids = list(mention_ids)
    if not ids:
        return
    marks = ",".join("?" * len(ids))
    rows = db.execute(
        f"SELECT id, title, text, trim(coalesce(author, '')), "
        f"coalesce(published, fetched) FROM mentions WHERE id IN ({marks})",
        ids,
    ).fetchall()
    with db.conn:
        for mention_id, title, text, _author, _at in rows:
            db.execute(
                "UPDATE mentions SET text_key = ? WHERE id = ?",
                [text_key(mention_text(title, text)), mention_id],
            )
        touched: dict[int, list[tuple[str, Reason]]] = {}
        for mention_id, title, text, author, at in rows:
            when = parse_iso(at) or utcnow()
            key = text_key(mention_text(title, text))
            if len(key) >= MIN_KEY:
                copies = db.execute(
                    "SELECT id, lower(trim(coalesce(author, ''))) FROM mentions "
                    "WHERE text_key = ? AND coalesce(published, fetched, '') >= ?",
                    [key, iso(when - WINDOW)],
                ).fetchall()
                names = {a for _, a in copies if a}
                if len(copies) >= 3 or len(names) >= 2:
                    weight = min(1.0, 0.25 * len(copies) + 0.2 * len(names))
                    if len(names) >= 2:
                        label = ngettext(
                            "same text under {n} name", "same text under {n} names", len(names)
                        ).format(n=len(names))
                    else:
                        label = ngettext(
                            "same text {n} time", "same text {n} times", len(copies)
                        ).format(n=len(copies))
                    for copy_id, _ in copies:
                        touched.setdefault(copy_id, []).append(
                            ("repeat", Reason("troll", label, weight))
                        )
            if author:
                (count,) = db.execute(
                    # the author column is indexed; a feed spells one author one way
                    "SELECT count(*) FROM mentions WHERE author = ? "
                    "AND label = 'negative' AND coalesce(published, fetched, '') >= ?",
                    [author, iso(when - AUTHOR_WINDOW)],
                ).fetchone()
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
