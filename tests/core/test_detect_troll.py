"""Cross-item troll signals after ingest: one text under several names, one author on many items."""

from __future__ import annotations

import json

from crisisdesk_gui.core.detect import after_ingest, load_scorer, mention_text
from crisisdesk_gui.core.detect.troll import repeat_key

NOW = "2026-11-20T12:00:00+00:00"


def store(db, mention_id: int, text: str, author: str, *, at: str = NOW, title: str = "") -> int:
    if not db["sources"].count:
        db["sources"].insert({"id": 1, "url": "file:///feed.xml"})
    score = load_scorer().score(mention_text(title, text))
    db["mentions"].insert(
        {
            "id": mention_id,
            "source_id": 1,
            "dedup_key": f"k{mention_id}",
            "title": title,
            "text": text,
            "author": author,
            "published": at,
            "lang": score.lang,
            "label": score.label,
            "score": score.score,
            "severity": score.severity,
            "troll": score.troll,
            "urgency": score.urgency,
            "reasons": json.dumps([r.as_dict() for r in score.reasons]),
        }
    )
    return mention_id


def troll_reasons(db, mention_id: int) -> list[dict]:
    return [
        r for r in json.loads(db["mentions"].get(mention_id)["reasons"]) if r["kind"] == "troll"
    ]


def test_same_text_under_several_names(db) -> None:
    # the same insult, re-typed with other case, punctuation, elongation and emoji
    ids = [
        store(db, 1, "Lezzet Fırını dolandırıcı, kimse almasın!", "ayse_k"),
        store(db, 2, "lezzet fırını DOLANDIRICI kimse almasın!!! 😡", "mehmet.1988"),
        store(db, 3, "Lezzet Fırını dolandırıcııı, kimse almasın", "user4471"),
        store(db, 4, "Lezzet Fırını'nın simitleri çok taze", "fan"),
    ]
    before = db["mentions"].get(1)["urgency"]
    after_ingest(db, ids)
    for mention_id in (1, 2, 3):
        row = db["mentions"].get(mention_id)
        assert row["troll"] >= 0.8
        assert row["urgency"] > before - 1e-9
        (reason,) = troll_reasons(db, mention_id)
        assert "3" in reason["text"]
    assert db["mentions"].get(4)["troll"] == 0
    assert troll_reasons(db, 4) == []


def test_repeat_found_when_copies_arrive_later(db) -> None:
    store(db, 1, "This shop sells stolen phones, avoid them", "a")
    after_ingest(db, [1])
    assert troll_reasons(db, 1) == []
    store(db, 2, "this shop sells STOLEN phones... avoid them", "b")
    after_ingest(db, [2])
    # the earlier copy is marked too, and its reason is replaced, not duplicated
    assert len(troll_reasons(db, 1)) == 1
    store(db, 3, "This shop sells stolen phones, avoid them!", "c")
    after_ingest(db, [3])
    reasons = troll_reasons(db, 1)
    assert len(reasons) == 1 and "3" in reasons[0]["text"]


def test_short_common_texts_are_not_a_campaign(db) -> None:
    ids = [store(db, i, "thanks!", name) for i, name in enumerate(["a", "b", "c", "d"], 1)]
    after_ingest(db, ids)
    assert all(db["mentions"].get(i)["troll"] == 0 for i in ids)


def test_old_copies_outside_the_window_do_not_count(db) -> None:
    store(db, 1, "Sklep to oszuści, nie kupujcie tam nic", "a", at="2026-09-01T10:00:00+00:00")
    store(db, 2, "Sklep to oszuści, nie kupujcie tam nic", "b")
    after_ingest(db, [2])
    assert troll_reasons(db, 2) == []


def test_one_author_on_many_negative_items(db) -> None:
    texts = [
        "Kauhea palvelu taas, en suosittele",
        "Tilaus myöhässä, huono firma",
        "Surkea laatu, rahat hukkaan",
        "Taas rikki tullut paketti, kamala kauppa",
    ]
    ids = [
        store(db, i, text, "Vihainen_Asiakas", at=f"2026-11-20T1{i}:00:00+00:00")
        for i, text in enumerate(texts, 1)
    ]
    store(db, 9, "Hyvää palvelua", "Vihainen_Asiakas")
    after_ingest(db, ids)
    last = db["mentions"].get(ids[-1])
    assert last["troll"] > 0
    assert any("4" in r["text"] for r in troll_reasons(db, ids[-1]))
    assert db["mentions"].get(9)["troll"] == 0


def test_a_few_items_by_one_author_are_normal(db) -> None:
    ids = [store(db, 1, "Tilaus myöhässä", "matti"), store(db, 2, "Huono palvelu", "matti")]
    after_ingest(db, ids)
    assert all(db["mentions"].get(i)["troll"] == 0 for i in ids)


def test_after_ingest_with_nothing_is_a_no_op(db) -> None:
    after_ingest(db, [])


def test_mention_text_joins_title_and_body() -> None:
    assert mention_text("Awful", "The soup was cold") == "Awful\nThe soup was cold"
    assert mention_text("", "text") == "text"
    assert mention_text("title", None) == "title"


def test_the_stored_key_is_a_short_digest(db) -> None:
    # An index over whole texts made every insert slow; the column holds a digest instead.
    store(db, 1, "Lezzet Fırını dolandırıcı, kimse almasın!", "ayse_k")
    store(db, 2, "ok", "bob")
    after_ingest(db, [1, 2])
    key = db["mentions"].get(1)["text_key"]
    assert key == repeat_key("lezzet firini DOLANDIRICI kimse almasın!!!") and len(key) == 24
    assert db["mentions"].get(2)["text_key"] == ""  # too short to count as repeated


def test_keys_stored_by_an_older_version_are_converted(data_dir) -> None:
    from crisisdesk_gui.core.db import open_profile_db
    from crisisdesk_gui.core.detect.learn import text_key

    db = open_profile_db(data_dir)
    texts = ["Lezzet Fırını dolandırıcı, kimse almasın!", "Lezzet Fırını DOLANDIRICI kimse almasın"]
    for i, text in enumerate(texts, 1):
        store(db, i, text, f"name{i}")
    # as stored before migration m202: the whole normalised text
    db.execute("UPDATE mentions SET text_key = ?", [text_key(texts[0])])
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm202_mentions_text_key_digest'")
    db.conn.commit()
    db.conn.close()

    db = open_profile_db(data_dir)
    assert {r["text_key"] for r in db["mentions"].rows} == {repeat_key(texts[0])}
    store(db, 3, "lezzet fırını dolandırıcı... kimse almasın", "name3")
    after_ingest(db, [3])  # the new copy finds the two converted ones
    assert db["mentions"].get(1)["troll"] >= 0.8
