"""Finnish, fifth native review (our own sentences, not the blind set's): food that is dry,
stale or flat; how long a wait has lasted; snapping at customers and charging without asking;
questions about a case ("saako rahat takaisin, jos ...?") or about where to turn ("mihin voi
soittaa?"), which ask rather than complain; expectations and pleasant surprises; advice to
repair rather than buy new ("ei kannata ostaa uutta")."""

from __future__ import annotations

import pytest

from crisisdesk_gui.core.detect import Scorer


def label(scorer: Scorer, text: str) -> str:
    return scorer.score(text, lang="fi").label


@pytest.mark.parametrize(
    "text",
    [
        "Pulla oli kuivaa ja vanhaa.",
        "Pulla oli kuivakka.",
        "Kakku oli kuiva kuin korppu.",
        "Pihvi oli paistettu kuivaksi.",
        "Kahvi maistui pahvilta.",
        "Kahvi maistui tunkkaiselta ja vanhalta.",
        "Olut oli väljähtynyttä.",
        "Salaatti oli nahistunutta.",
        "Pizza oli lässähtänyt.",
        "Korvapuustit olivat eilisiä.",
        "pulla oli kuivaa ja vanhaa",
        "olut oli valjahtynytta",
        "pulla oli eilista",
    ],
)
def test_dry_stale_or_flat_food_is_a_complaint(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Pohjoisessa on kuiva ilma.",
        "Tilasin kuivan valkoviinin.",
        "Pidän hänen kuivasta huumoristaan.",
        "Muista kuivata kädet ennen kuin kosket laitteeseen.",
        "Video on eilisestä konsertista.",
    ],
)
def test_dry_air_wine_or_humour_is_not(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Odotin vastausta päiväkausia.",
        "Tilaus on ollut matkalla viikkokausia.",
        "Paketti on ollut kadoksissa jo viikon eikä kukaan vastaa.",
        "Tilaus on ollut käsittelyssä tiistaista asti, eikä mitään tapahdu.",
    ],
)
def test_a_long_wait_is_a_complaint(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Avoinna maanantaista lähtien.",
        "Uusi lounaslista on voimassa keskiviikosta alkaen.",
        "Olemme palvelleet teitä jo viikon uudessa osoitteessa!",
    ],
)
def test_a_date_alone_is_not(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Tarjoilija ärähti meille.",
        "Myyjä kivahti, kun kysyin hintaa.",
        "Kassalla tiuskaistiin, että jono on tuolla.",
        "Laskuun lisättiin tippi kysymättä.",
        "Kortilta veloitettiin lisämaksu ilman lupaa.",
        "tarjoilija arahti ja lisasi laskuun palvelumaksun kysymatta",
    ],
)
def test_snapping_and_charging_without_asking_are_complaints(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


def test_bringing_something_unasked_is_kindness(scorer: Scorer) -> None:
    assert label(scorer, "Toivat kysymättä lisää kahvia, kiitos!") != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Saako hyvityksen, jos kuljetus myöhästyy?",
        "Voiko lipun perua, jos sairastun?",
        "Onko mahdollista saada rahat takaisin, jos lento peruttiin?",
        "saako rahat takaisin jos tuote on rikki?",
        "Mihin osoitteeseen voi lähettää reklamaatiolomakkeen?",
        "Milloin voi hakea korvausta vahingosta?",
        "Kenelle voin soittaa takuuasioissa?",
    ],
)
def test_a_question_about_a_case_or_where_to_turn_asks(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Saako tällaista huonoa kohtelua antaa asiakkaalle?",
        "Voiko olla näin surkeaa palvelua?",
        "Miten voi olla näin huono palvelu?",
        "Tuote oli rikki. Saako rahat takaisin, jos palautan sen?",
    ],
)
def test_a_reproach_or_a_reported_fault_still_complains(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Ravintola ylitti kaikki odotukset.",
        "Odotukset olivat matalalla, mutta yllätyin positiivisesti.",
        "Kokit osaavat asiansa!",
        "Iloinen yllätys, kampaaja osasi asiansa.",
        "yllatyin iloisesti, palvelu ylitti odotukset",
    ],
)
def test_exceeded_expectations_and_a_good_surprise_are_praise(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "positive"


@pytest.mark.parametrize(
    "text",
    [
        "Ruoka alitti odotukset.",
        "Yllätyimme ikävästi, kun lasku tuli.",
        "Myyjä ei osaa asiaansa.",
        "Palvelu ei vastannut odotuksia.",
    ],
)
def test_expectations_let_down_are_a_complaint(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Ei kannata ostaa uutta, korjaa vanha.",
        "Ei kannata vaihtaa uuteen, akun vaihto riittää.",
        "Ei kannata heittää pois, suutari korjaa kengät.",
        "Ei tarvitse ostaa uutta, vanhan saa korjattua.",
        "ei kannata ostaa uutta, korjauta vanha",
    ],
)
def test_advice_to_repair_rather_than_buy_is_not_a_warning(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Ei kannata ostaa tästä kaupasta mitään.",
        "Ei kannata ostaa uutta puhelinta tältä firmalta, hajosi heti.",
    ],
)
def test_advice_against_a_shop_still_warns(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"
