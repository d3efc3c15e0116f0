"""Finnish, fourth native review (our own forum-style sentences): questions that ask the other
posters for help, "ilman" and "mikään" that do not complain on their own, general forum
negativity, positive idioms built on negative words."""

from __future__ import annotations

import pytest

from crisisdesk_gui.core.detect import Scorer, load_scorer


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    return load_scorer()


def label(scorer: Scorer, text: str) -> str:
    return scorer.score(text, lang="fi").label


@pytest.mark.parametrize(
    "text",
    [
        "Onko kenelläkään kokemusta masennuslääkkeistä?",
        "Osaako joku sanoa, mikä voi olla vikana kun auto ei käynnisty?",
        "Tietääkö kukaan miksi nettisivu ei toimi?",
        "Onko muilla ollut ongelmia päivityksen kanssa?",
        "Lapsi valittaa vatsakipua aamuisin, mitä pitäisi tehdä?",
        "Miten päästä eroon ahdistuksesta?",
        "Kauanko kipu yleensä kestää leikkauksen jälkeen?",
        "Mitä mieltä olette kuolemanrangaistuksesta?",
        "onks kellaan kokemusta taman firman laskutuksesta, ongelmia?",
    ],
)
def test_a_question_asking_for_help_names_a_problem(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    [
        # another sentence states the complaint before the question
        "Tilaus ei ole vieläkään tullut. Onko muilla ollut ongelmia?",
        # rhetorical questions are no requests for help
        "Miksi ihmeessä kukaan ostaisi tuollaista?",
        "Mitä järkeä tässä on?",
        "Onko tää joku vitsi?",
        # insults count in full also in a question
        "Osaako joku selittää miksi täällä on pelkkiä idiootteja?",
        "Tietääkö kukaan mitä vittua tässä tapahtuu?",
        # a crisis word still weighs enough to be seen
        "onks kellaan kokemusta taman firman huijauksista?",
    ],
)
def test_complaints_and_rhetorical_questions_stay_negative(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Kahvi ilman sokeria, kiitos.",
        "Älä ota lääkkeitä ilman lääkärin ohjetta.",
        "Pärjään hyvin ilman autoa.",
        "Hän lähti ilman sanaakaan.",
    ],
)
def test_ilman_alone_is_no_complaint(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Jäin ilman vastausta.",
        "Jäimme kolmeksi päiväksi ilman lämmintä vettä.",
        "jaatiin ilman ruokaa koko illaksi",
        "Varaukseni peruttiin ilman mitään selitystä.",
    ],
)
def test_being_left_without_complains(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Ei se ole mikään salaisuus.",
        "Ei se mikään maailmanloppu ole.",
        "Eipä mikään erikoinen päivä.",
        "ei se mikaan ihme ole",
    ],
)
def test_mikaan_after_the_negation_hedges(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Mikään ei auta.",
        "Mikään ei toimi tässä talossa.",
        "Ei tässä mikään auta.",
        "Kukaan ei ikinä vastaa.",
        "MIKÄÄN EI AUTA",
    ],
)
def test_mikaan_and_kukaan_as_the_subject_complain(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"
