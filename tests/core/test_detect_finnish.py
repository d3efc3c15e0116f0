"""Finnish rules of the scorer, with our own forum-style sentences (traps included): spoken
forms, understatement, negation that reaches across particles, emphatic negation, topics that
are not yet complaints."""

from __future__ import annotations

import pytest

from crisisdesk_gui.core.detect import Score, Scorer


def label(scorer: Scorer, text: str) -> str:
    return scorer.score(text, lang="fi").label


def reason_texts(score: Score) -> list[str]:
    return [r.text.lower() for r in score.reasons]


@pytest.mark.parametrize(
    "text",
    [
        "En syö lihaa.",
        "Ei hän sitä sanonut.",
        "Ei kai se niin mene.",
        "Ei sitä voi tietää etukäteen.",
        "Eipä tässä muuta.",
        "Ei siitä ole kuin pari kilometriä.",
    ],
)
def test_a_plain_negation_states_a_fact(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "neutral"


@pytest.mark.parametrize(
    "text",
    [
        "Sä et tajua tästä asiasta yhtään mitään.",
        "Kukaan ei ikinä kysy multa mitään.",
        "Ei voi luottaa kehenkään.",
        "Lääkäri ei edes kuunnellut mua.",
    ],
)
def test_emphatic_negation_complains(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Eipä ole kovin hyvä idea.",
        "Ei oo kyllä mitään järkeä tossa.",
        "Ei ole hääppöinen.",
        "Ruoka ei ollut mikään kummoinen.",
        "Eihän siinä ole mitään järkeä.",
    ],
)
def test_negation_reaches_across_particles_and_understatement(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Mä oon niin väsyny tähän kaikkeen.", "väsyny"),
        ("Persut on pilannu tän maan.", "pilannu"),
        ("Surkeeta meininkiä taas.", "surkeeta"),
        ("Miks kaikki on niin vaikeeta ja kamalii juttuja.", "kamalii"),
    ],
)
def test_spoken_forms_reach_the_written_word(scorer: Scorer, text: str, found: str) -> None:
    score = scorer.score(text, lang="fi")
    assert score.label == "negative"
    assert any(found in t for t in reason_texts(score))


@pytest.mark.parametrize(
    "text",
    [
        "Poliisi kertoi asiasta tiedotteessa.",
        "Hän oli sairaalassa viikon.",
        "Ostin uuden hiiren koneeseen.",
        "Leikkasin eilen hiuksia.",
    ],
)
def test_a_topic_is_not_yet_a_complaint(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


def test_a_topic_keeps_its_severity(scorer: Scorer) -> None:
    score = scorer.score("Soitin poliisille, kun myyjä uhkaili meitä", lang="fi")
    assert score.severity == 3
    assert score.label == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Mikä on paras tapa oppia ruotsia?",
        "Kuka tietää missä on hyvä hammaslääkäri Tampereella?",
        "Kannattaa kysyä apteekista.",
    ],
)
def test_praise_words_in_questions_and_advice_are_neutral(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "neutral"


@pytest.mark.parametrize(
    "text",
    ["Odotan esikoista ja laskettu aika on maaliskuussa.", "Kylmä talvi tulossa sanoo ennuste."],
)
def test_words_negative_only_in_some_senses_need_company(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "neutral"


@pytest.mark.parametrize(
    "text",
    ["Ei yhtään hassumpi.", "Ei ollenkaan huono idea.", "Ilman muuta, tosi hyvä idea!"],
)
def test_negated_criticism_is_praise(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "positive"


@pytest.mark.parametrize(
    "text",
    [
        "Liian pitkä ja liian tylsä kirja.",
        "Taas yksi hallitussotku lisää.",
        "Tosi epäkunnioittavaa ja epäinhimillistä käytöstä.",
    ],
)
def test_excess_compounds_and_epa_words(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Tuote oli kuvauksen mukainen ja tuli nopeasti.",
        "Epäilemättä paras ratkaisu.",
        "Liian hyvä ollakseen totta, mutta totta se on!",
    ],
)
def test_traps_of_those_rules(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


def test_text_without_diacritics(scorer: Scorer) -> None:
    assert label(scorer, "ei ole kovin hyva idea, aika surkeeta") == "negative"
    assert label(scorer, "en syo lihaa") == "neutral"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ruoka oli ihan hyvää, mutta palvelu oli surkeaa.", "negative"),
        ("Palvelu oli vähän hidas, mutta ruoka oli aivan mahtavaa!", "positive"),
    ],
)
def test_what_follows_but_weighs_more(scorer: Scorer, text: str, expected: str) -> None:
    assert label(scorer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mä en enää jaksa tätä elämää.",
        "Ei siitä ole mitään hyötyä.",
        "Rahat ei riitä mihinkään.",
        "Paketti ei ole vieläkään tullut.",
    ],
)
def test_negated_expectations_far_from_their_negator(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    ["Hän sanoi ettei tule huomenna.", "Ei kestä!", "Voisiko joku suositella hyvää kirjaa?"],
)
def test_everyday_phrases_that_are_not_complaints(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize("text", ["Se ei vaan toimi.", "Ei vaan kiinnosta yhtään."])
def test_spoken_vaan_after_a_negator_is_just(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text", ["Ei kannata huolestua, kyllä se siitä.", "Älä huolehdi, kyllä se siitä."]
)
def test_reassurance_is_not_a_complaint(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


def test_the_longest_phrase_wins_over_a_shorter_one_inside_it(scorer: Scorer) -> None:
    score = scorer.score("Ei kannata huolestua.", lang="fi")
    assert [r.kind for r in score.reasons] == ["positive"]


def test_a_second_plain_negation_adds_nothing(scorer: Scorer) -> None:
    assert label(scorer, "En mä sitä tiedä, ei hän kertonut.") != "negative"
    score = scorer.score("Hän ei tullut eikä soittanut, kukaan ei ikinä kerro mitään", lang="fi")
    assert score.label == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Koiraa ei saa viedä sisään.",
        "En ehdi tänään, huomenna sitten.",
        "Siitä ei ole vielä tietoa.",
        "Mitään ei puutu, kaikki on valmiina.",
    ],
)
def test_negated_everyday_verbs_state_facts(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lapset leikkii pihalla.", "neutral"),
        ("Se on ihan pihalla koko asiasta.", "negative"),
        ("Tää haisee tosi hyvältä!", "not negative"),
        ("Jääkaappi haisee.", "negative"),
        ("Odotus on sujunut hyvin, laskettu aika on kesäkuussa.", "not negative"),
    ],
)
def test_words_with_an_everyday_neutral_sense(scorer: Scorer, text: str, expected: str) -> None:
    if expected == "not negative":
        assert label(scorer, text) != "negative"
    else:
        assert label(scorer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("En luota siihen yhtään.", "negative"),
        ("Ei maistu miltään.", "negative"),
        ("Ei maksa vaivaa.", "negative"),
        ("Ei se maksa paljon.", "neutral"),
        ("Sopiiko huomenna?", "neutral"),
    ],
)
def test_more_negated_expectations(scorer: Scorer, text: str, expected: str) -> None:
    assert label(scorer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kiitos hirveästi!", "positive"),
        ("Tykkään kauheesti tästä.", "positive"),
        ("Tää naurattaa ihan hirveesti", "not negative"),
        ("Hirveästi ongelmia koko ajan.", "negative"),
    ],
)
def test_degree_adverbs_amplify_without_blame(scorer: Scorer, text: str, expected: str) -> None:
    if expected == "not negative":
        assert label(scorer, text) != "negative"
    else:
        assert label(scorer, text) == expected
