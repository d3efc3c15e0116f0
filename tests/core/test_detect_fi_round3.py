"""Finnish, third native review (our own sentences): negated verbs simplemma cannot lemmatise,
"ei tarvitse" negating what follows, the abessive "ongelmitta", advice with "ei kannata"."""

from __future__ import annotations

import pytest

from crisisdesk_gui.core.detect import Scorer


def label(scorer: Scorer, text: str) -> str:
    return scorer.score(text, lang="fi").label


@pytest.mark.parametrize(
    "text",
    [
        "Vuokranantaja ei korjaa mitään.",
        "Kauppa ei palauta rahoja.",
        "Ne ei lähetä tilausvahvistusta.",
        "Rahat ei riitä mihinkään.",
        "rahat ei riita mihinkaan",  # typed without ä: "riita" is also a quarrel
        "En luota tähän firmaan.",
        "Myyjä ei osaa yhtään mitään.",
        "Sovellus ei aukea.",
        "Tilanne ei parane.",
        "EI KORJAA VIKAA",
    ],
)
def test_negated_verbs_simplemma_misses(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Tämä riittää hyvin meille.",
        "Korjaa vain se kappale, kiitos.",
        "Osaa myyjä asiansa.",
    ],
)
def test_those_verbs_without_a_negation(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Ei tarvitse jonottaa.",
        "Ei tarvinnut pettyä.",
        "Ei tarvinnut kauaa odottaa.",
        "Ei tarvitse varata pöytää etukäteen.",
        "Sinun ei tarvitse tulla.",
        "ei tarvii jonottaa",
    ],
)
def test_no_need_negates_what_follows(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


def test_no_need_to_be_kind_is_still_a_complaint(scorer: Scorer) -> None:
    assert label(scorer, "Ei tarvitse olla noin tyly.") == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Kaikki sujui ongelmitta.",
        "Toimitus tuli viivytyksettä.",
        "Asennus meni kivuttomasti ja virheittä.",
        "kaikki sujui ongelmitta",
    ],
)
def test_the_abessive_praises(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "positive"


def test_the_bare_problem_word_still_counts(scorer: Scorer) -> None:
    assert label(scorer, "Ongelmia on ollut koko ajan, ihan surkeeta.") == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Ei kannata jättää viime tinkaan.",
        "Ei kannata ottaa liikaa paineita.",
        "Ei kannata ottaa itseensä.",
        "ei kannata uskoa kaikkea mitä lukee",
        "Ei kannata verrata omenoita ja appelsiineja.",
        "Ei kannattanut hermostua.",
    ],
)
def test_advice_with_ei_kannata_is_not_a_complaint(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Ei kannata.",
        "Täältä ei kannata tilata.",
        "Ei kannata mennä sinne.",
        "EI KANNATA OSTAA!!!",
        "ei kannata tuhlata rahojaan tänne",
    ],
)
def test_ei_kannata_about_a_business_is_a_complaint(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Pihvi oli ylikypsä ja kahvi haaleaa.",
        "Ranskalaiset oli nahkeita.",
        "Öljy maistui eltaantuneelta.",
        "Ihan yliarvostettu paikka.",
        "Säästäkää rahanne!",
        "menkää muualle",
        "Suosittelen välttämään.",
        "Odotin parempaa.",
        "olisin odottanut enemmän",
        "Toimitus kesti ikuisuuden.",
        "Veloittivat kahdesti samasta ostoksesta.",
        "Haluan rahani takaisin.",
        "Tää maa on menny ihan päin honkia.",
        "Joku raja sentään!",
        "Ei tästä tule mitään.",
        "No kiitos vaan, tilaus katosi.",
        "Onko tää joku vitsi?",
        "Ei pitänyt lupaustaan.",
        "Kukaan ei ottanut vastuuta.",
        "Henkilökunta ei edes tervehtinyt.",
        "En tule uudestaan.",
        "tuskin tulemme enaa",
        "EMME TULE ENÄÄ!!!",
    ],
)
def test_review_complaints_the_lists_lacked(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Tyytyväisyystakuu tai rahat takaisin.",
        "Tulemme uudestaan!",
        "Ei tule uudestaan sellaista tilaisuutta.",
        "Pitkä jono mutta nopea palvelu.",
        "Odotin innolla ja sain parempaa kuin odotin.",
        "Ei ollut yhtään yliarvostettu, vaan ihan huippu.",
        "Kahvi oli kuumaa ja ruoka maukasta.",
    ],
)
def test_traps_of_those_complaints(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "wtf miks tää ei toimi",
        "Ihan cringe mainos.",
        "Yök, mikä haju.",
        "Paskan marjat, ei se niin mennyt.",
        "Olen ihan leipääntynyt tähän.",
        "Pahantahtoinen kommentti.",
        "Asiasta ei ilmoitettu etukäteen.",
        "Vahinkoa ei ole vieläkään korvattu.",
        "Pöytiä ei ollut siivottu.",
        "Asiakaspalvelua ei saa kiinni.",
        "Ei käy järkeen.",
        "Tää ei oo ok.",
        "Mitä sä oikein kuvittelet?",
        "Onko tää nyt sitä kuuluisaa asiakaspalvelua?",
        "Ja tätä kutsutaan palveluksi.",
        "Ihme porukkaa.",
        "Ennen oli paremmin.",
        "Miksei kukaan puutu?",
        "Miksei tilaus ole vieläkään tullut?",
        "Mieletöntä touhua.",
    ],
)
def test_forum_complaints_and_irony(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Tämä ei korvaa lääkärin käyntiä.",
        "Emme ilmoita voittajille erikseen.",
        "Mitä se oikein tarkoittaa?",
        "Hinta on kohtuullinen.",
        "Miksei, kokeillaan vaan.",
    ],
)
def test_traps_of_forum_complaints(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Törkeän hyvä pizza!",
        "törkeen hyvää",
        "Järkyttävän hyvä burgeri.",
        "Hävyttömän hyvä jälkiruoka.",
        "Käsittämättömän hyvä palvelu.",
        "Hirvittävän mukava myyjä.",
        "Pahuksen hyvä idea.",
        "Sikahyvä!",
        "Mieletön paikka!",
        "Älytön meininki, oli tosi kivaa!",
        "Paha sanoa mitään pahaa.",
        "En voi sanoa pahaa sanaa.",
        "Ei mitään pahaa sanottavaa.",
        "Mitään huonoa ei voi sanoa.",
        "TÖRKEÄN HYVÄÄ",
    ],
)
def test_colloquial_praise_with_negative_looking_words(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Törkeän kallis.",
        "Järkyttävän huono palvelu.",
        "Törkeää!",
        "Hirvittävän tylsä elokuva.",
        "Ihan järkyttävää.",
        "Mahdottoman hidas palvelu.",
    ],
)
def test_those_degree_words_still_amplify_complaints(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Ikävä kyllä en pääse paikalle.",
        "Valitettavasti olemme suljettuina juhannuksena.",
        "Voi voi, toivottavasti paranet pian.",
        "Olen pahoillani, hoidamme asian heti.",
        "Huh huh, olipa ilta.",
        "Voi luoja miten ihana kissa!",
        "Tuskin maltan odottaa!",
        "Tuskin sataa huomenna.",
        "Voi raukka.",
        "Voi elämä.",
        "Harmittavasti en ehdi.",
    ],
)
def test_sympathy_politeness_and_exclamations_are_not_complaints(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Valitettavasti ruoka oli kylmää ja palvelu hidasta.",
        "Ikävä kyllä joudun sanomaan, että tämä oli surkea kokemus.",
        "Voi voi, taas myöhässä.",
        "Tää sucks.",
        "fuck tätä säätöä",
        "Worst ever.",
        "Tuskin toimii.",
        "Tuskin kannattaa tilata.",
        "tuskin tulen enaa",
    ],
)
def test_complaints_with_those_words_or_in_english(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "En ymmärrä ruotsia.",
        "En ymmärrä mitä tarkoitat.",
        "Ei sovi minulle, kiitos.",
        "En osta mitään tänään.",
        "en uskalla sanoa",
    ],
)
def test_weak_expectations_denied_state_facts(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "En ymmärrä yhtään mitään tästä laskusta.",
        "Myyjä ei ymmärtänyt yhtään mitä halusin.",
        "EN YMMÄRRÄ YHTÄÄN MIKSI TÄÄ EI TOIMI",
    ],
)
def test_weak_expectations_denied_emphatically_complain(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Kiitos tosi paljon, taas meni päivä hukkaan.",
        "Kiitos vaan, tilaus ei vieläkään ole tullut.",
        "Kiitti, ei toimi taaskaan.",
        "kiitos paljon, taas myohassa",
    ],
)
def test_thanks_as_the_only_praise_beside_a_complaint_is_irony(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Kiitos nopeasta toimituksesta!",
        "Kiitos avusta, homma toimii taas.",
        "Kiitos kaikille, oli ihanaa!",
        "Onnittelut voittajalle!",
        "Kiitos, ei hätää, kyllä se siitä.",
    ],
)
def test_sincere_thanks_stay_praise(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kiva kun ei vastata viesteihin.", "negative"),
        ("Hienoa kun taas myöhässä.", "negative"),
        ("mahtavaa kun ei toimi taaskaan", "negative"),
        ("Ihanaa kun tulitte!", "positive"),
        ("Kiva kun kysyit.", "positive"),
    ],
)
def test_praise_with_kun_beside_a_complaint_is_irony(
    scorer: Scorer, text: str, expected: str
) -> None:
    assert label(scorer, text) == expected
