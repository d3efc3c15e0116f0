"""Learning from corrections: at once, explained, stored in the profile, surviving a restart."""

from __future__ import annotations

from pathlib import Path

import pytest

from crisisdesk_gui.core.db import open_profile_db
from crisisdesk_gui.core.detect import load_scorer, record_correction


def add_mention(db, mention_id: int, text: str, lang: str = "en", **extra) -> int:
    if not db["sources"].count:
        db["sources"].insert({"id": 1, "url": "file:///feed.xml"})
    db["mentions"].insert(
        {
            "id": mention_id,
            "source_id": 1,
            "dedup_key": f"k{mention_id}",
            "text": text,
            "lang": lang,
            "label": "neutral",
            "score": 0.0,
            **extra,
        }
    )
    return mention_id


def test_not_negative_correction_applies_to_next_score_and_explains(db) -> None:
    scorer = load_scorer(db)
    assert scorer.score("those fries were sick", lang="en").label == "negative"
    slang = "This cake is sick, the chocolate is killer"
    before = scorer.score(slang, lang="en")
    assert before.label == "negative"
    add_mention(db, 1, slang, label="negative")
    record_correction(db, 1, "not_negative")
    after = scorer.score(slang, lang="en")  # the same scorer object, no reload
    assert after.label != "negative"
    assert after.reasons[0].kind == "learned"
    # the lemma-level part reaches a similar text too, and says so
    similar = scorer.score("those fries were sick", lang="en")
    assert similar.label != "negative"
    assert any(r.kind == "learned" and r.text == "sick" for r in similar.reasons)
    # the corrected mention itself follows the verdict
    assert db["mentions"].get(1)["label"] == "neutral"
    row = db.execute("SELECT mention_id, text, lang, label FROM corrections").fetchone()
    assert row == (1, slang, "en", "not_negative")


def test_negative_correction_teaches_new_words(db) -> None:
    scorer = load_scorer(db)
    text = "kahvi oli taas laimeaa litkua"
    assert scorer.score(text, lang="fi").label != "negative"
    add_mention(db, 2, text, lang="fi")
    record_correction(db, 2, "negative")
    assert scorer.score(text, lang="fi").label == "negative"
    other = scorer.score("Tänään tarjolla litkua ja laimeaa teetä, taas", lang="fi")
    assert any(r.kind == "learned" for r in other.reasons)
    assert other.score > scorer.score("Tänään tarjolla teetä", lang="fi").score


def test_corrections_survive_a_restart(data_dir: Path) -> None:
    db = open_profile_db(data_dir)
    add_mention(db, 3, "Lezzet Fırını'nın simidi bomba gibi", lang="tr")
    record_correction(db, 3, "negative")
    db.conn.close()
    # a new process: forget the in-memory model
    from crisisdesk_gui.core.detect import learn

    learn._REGISTRY.clear()
    reopened = open_profile_db(data_dir)
    try:
        assert (
            load_scorer(reopened).score("Lezzet Fırını'nın simidi bomba gibi", lang="tr").label
            == "negative"
        )
    finally:
        reopened.conn.close()


def test_latest_correction_of_a_text_wins(db) -> None:
    scorer = load_scorer(db)
    add_mention(db, 4, "the new menu is insane")
    record_correction(db, 4, "negative")
    assert scorer.score("the new menu is insane", lang="en").label == "negative"
    record_correction(db, 4, "not_negative")
    assert scorer.score("The new menu is INSANE!", lang="en").label != "negative"


def test_brand_keywords_never_learn_a_polarity(db) -> None:
    db["keywords"].insert({"word": "Kahvila Aurora", "folded": "kahvila aurora", "kind": "brand"})
    scorer = load_scorer(db)
    for i, text in enumerate(["Aurora kahvi jäähtyi odottaessa", "Aurora jono oli pitkä taas"]):
        add_mention(db, 10 + i, text, lang="fi")
        record_correction(db, 10 + i, "negative")
    assert not any(
        r.text.lower() == "aurora"
        for r in scorer.score("Aurora avaa uuden kahvilan", lang="fi").reasons
    )


def test_unknown_label_or_mention_is_refused(db) -> None:
    add_mention(db, 5, "hello")
    with pytest.raises(ValueError, match="label"):
        record_correction(db, 5, "positive")
    with pytest.raises(ValueError, match="no mention"):
        record_correction(db, 999, "negative")
    assert db["corrections"].count == 0


def test_scorer_without_profile_has_no_corrections() -> None:
    assert load_scorer().learned.count == 0


def test_function_words_do_not_learn(db) -> None:
    scorer = load_scorer(db)
    add_mention(db, 20, "the croissants were stale and the coffee lukewarm")
    record_correction(db, 20, "negative")
    assert "the" not in scorer.learned.lemmas
    assert scorer.score("the shop opens at nine", lang="en").label == "neutral"
