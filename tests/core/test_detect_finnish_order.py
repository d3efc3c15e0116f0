"""Finnish word order and idioms of negation (our own forum-style sentences): hyphenated
compounds, a fronted object that is denied, "ei voi kuin" (only), superlatives under "ikinä",
emphatic negation of a weak expectation."""

from __future__ import annotations

import pytest

from crisisdesk_gui.core.detect import Scorer
from crisisdesk_gui.core.detect.scorer import _TOKENS, _TOKENS_HYPHEN


def label(scorer: Scorer, text: str) -> str:
    return scorer.score(text, lang="fi").label


def test_a_hyphenated_finnish_compound_is_one_word(scorer: Scorer) -> None:
    words = [m.group() for m in _TOKENS_HYPHEN.finditer("ala-arvoista - ei") if m.lastgroup]
    assert words == ["ala-arvoista", "-", "ei"]
    # other languages keep splitting at the hyphen
    assert [m.group() for m in _TOKENS.finditer("well-known")] == ["well", "-", "known"]
    # typed without diacritics, "ala" alone would be "älä" and negate what follows
    assert label(scorer, "Asiakaspalvelu oli ala-arvoista.") == "negative"
    assert label(scorer, "Ostin paska-auton.") == "negative"
    assert label(scorer, "Sote-uudistus etenee eduskunnassa.") == "neutral"


@pytest.mark.parametrize(
    "text",
    [
        "Mitään järkeä tässä ei ole.",
        "Apua ei saa mistään.",
        "Tuollaista ei voi käsittää.",
    ],
)
def test_a_fronted_expectation_is_denied(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


def test_a_fronted_expectation_is_not_denied_across_a_clause(scorer: Scorer) -> None:
    assert label(scorer, "Sain apua, ei se mitään.") != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Ei voi kuin ihailla tuota sinnikkyyttä.",
        "En voi muuta kuin suositella.",
        "Ei ole mitään parempaa kuin kesäilta mökillä.",
        "En ole koskaan syönyt näin hyvää pizzaa.",
        "Ei ole ikinä ollut näin hyvä olo.",
    ],
)
def test_only_and_superlatives_are_not_denials(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "En ole ikinä nähnyt näin huonoa palvelua.",
        "En ole koskaan kokenut yhtä tylyä kohtelua.",
        "Ei ole mitään huonompaa kuin tämä.",
        "Ei tästä tule yhtään mitään.",
    ],
)
def test_superlative_complaints_and_emphatic_denials(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


def test_a_weak_expectation_denied_plainly_stays_neutral(scorer: Scorer) -> None:
    assert label(scorer, "Ei tule huomenna.") == "neutral"
    # "not bad" is still not a complaint, superlative or not
    assert label(scorer, "Se ei ole noin huono.") != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Tympii koko touhu.",
        "Nyt menee överiksi.",
        "Verorahoja tuhlataan veronmaksajien piikkiin.",
        "Puhuu kuin seinälle, ihan kuin puhuisi seinälle.",
        "Tää pompottelu virastosta toiseen jatkuu.",
    ],
)
def test_second_round_forum_vocabulary(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Tykkään siitä ihan hulluna.",
        "Mikään ei voita kotiruokaa.",
        "En malta odottaa kesää!",
        "Ei voisi olla parempi päivä.",
    ],
)
def test_praise_written_with_a_negation(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vanhuksista ei välitetä.", "negative"),
        ("Tässä maassa ei arvosteta vanhuksia.", "negative"),
        ("Mitään ei hoideta.", "negative"),
        ("Meitä petetään joka käänteessä.", "negative"),
        ("Asiat hoidetaan hyvin.", "neutral"),
    ],
)
def test_passives_simplemma_misses_reach_the_verb(scorer: Scorer, text: str, expected: str) -> None:
    assert label(scorer, text) == expected


def test_passive_candidates_follow_gradation_and_vowel_harmony() -> None:
    from crisisdesk_gui.core.detect.scorer import _passive_fi

    assert "välittää" in _passive_fi("välitetä")
    assert "hoitaa" in _passive_fi("hoideta")
    assert "korjata" in _passive_fi("korjattiin")
    assert "kuunnella" in _passive_fi("kuunnellaan")
    assert _passive_fi("talo") == ()


def test_a_phrase_word_does_not_widen_a_single_entry_written_otherwise(scorer: Scorer) -> None:
    # "kuka välittää" (a phrase) once let the entry "valittaa" (complain) match "välittää"
    assert label(scorer, "Hän välittää minusta.") != "negative"
    assert label(scorer, "Hän valittaa aina.") == "negative"


def test_a_denied_crisis_word_is_relief(scorer: Scorer) -> None:
    score = scorer.score("Onneksi kaikki päättyi hyvin eikä kukaan loukkaantunut.", lang="fi")
    assert score.label != "negative"
    assert score.severity == 3  # the topic keeps its level
    assert label(scorer, "Kaksi ihmistä loukkaantui kolarissa.") == "negative"


@pytest.mark.parametrize("text", ["Se huijas mua.", "Ne pilas koko illan.", "Ihan hirveit juttui."])
def test_spoken_past_and_clipped_partitive(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


def test_a_comparative_reaches_its_word_but_not_a_weak_one(scorer: Scorer) -> None:
    assert label(scorer, "Tyhmempää juttua en ole kuullut.") == "negative"
    assert label(scorer, "Vanhempani asuvat Oulussa.") == "neutral"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("En usko tuohon hetkeäkään.", "negative"),
        ("En usko, että huomenna sataa.", "neutral"),
        ("Ei ole oikein, että näin tehdään.", "negative"),
        ("En tiedä enää mitä tehdä.", "negative"),
        ("Pikaista paranemista ja paljon voimia!", "positive"),
        ("Koira haukkuu aina kun joku tulee ovelle.", "neutral"),
        ("Yllätys yllätys, hinnat nousi taas.", "negative"),
    ],
)
def test_forum_idioms(scorer: Scorer, text: str, expected: str) -> None:
    assert label(scorer, text) == expected


def test_the_clitic_of_a_negation_does_not_hide_the_word(scorer: Scorer) -> None:
    assert label(scorer, "Paketti ei ollut tullutkaan perille.") == "negative"
    assert label(scorer, "Ei se toimikaan.") == "negative"
    assert label(scorer, "Ei se huonokaan ollut.") != "negative"


def test_a_past_participle_simplemma_misses_reaches_its_verb(scorer: Scorer) -> None:
    assert label(scorer, "Lääkäri ei ole auttanut yhtään.") == "negative"
    assert label(scorer, "Vikaa ei ole korjannut kukaan.") == "negative"
    assert label(scorer, "Ei ole auttanutkaan.") == "negative"
