"""Replies: how long the reply dialog's core work takes on a profile with a long history.

Rotation and the repeat check read card_events (kind "reply"); this measures them with
50,000 history rows of which 20,000 are replies, against the 100 ms a dialog may take to open.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from crisisdesk_gui.core import templates as tpl
from crisisdesk_gui.core.db import iso, open_profile_db, utcnow

EVENTS, REPLIES, BUDGET_MS = 50_000, 20_000, 100.0


def _ms(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, (time.perf_counter() - start) * 1000)
    return best


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = open_profile_db(Path(tmp))
        sync_first = _ms(lambda: tpl.sync_shipped(db), repeat=1)
        sync_again = _ms(lambda: tpl.sync_shipped(db))
        ids = [t.id for t in tpl.list_templates(db)]
        now = utcnow()
        with db.conn:
            db.conn.executemany(
                "INSERT INTO mentions(dedup_key, lane, author) VALUES (?, 'new', 'a')",
                [(f"k{i}",) for i in range(5_000)],
            )
            rows = []
            for i in range(EVENTS):
                reply = i < REPLIES
                rows.append(
                    (
                        i % 5_000 + 1,
                        iso(now),
                        "bench",
                        "reply" if reply else "move",
                        f"reply text {i}" if reply else None,
                        json.dumps({"template_id": ids[i % len(ids)]}) if reply else None,
                    )
                )
            db.conn.executemany(
                "INSERT INTO card_events(mention_id, at, actor, kind, text, data) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
        rotation = _ms(lambda: tpl.rotation(db, "apologise", "tr"))
        recent = _ms(lambda: tpl.recent_replies(db))
        replies = tpl.recent_replies(db)
        repeat = _ms(lambda: tpl.find_repeat("reply text 19999", replies))
        db.conn.close()
    total = rotation + recent + repeat
    print(f"   sync shipped templates: first {sync_first:.1f} ms, again {sync_again:.1f} ms")
    print(f"   rotation over {REPLIES:,} replies: {rotation:.1f} ms")
    print(f"   recent replies (repeat window): {recent:.1f} ms; repeat check {repeat:.2f} ms")
    print(
        f"   dialog core work {total:.1f} ms = {total / BUDGET_MS:.2f} of the {BUDGET_MS:.0f} ms budget"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
