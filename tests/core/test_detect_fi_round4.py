"""Finnish, fourth native review (our own forum-style sentences): questions that ask the other
posters for help, "ilman" and "mikään" that do not complain on their own, general forum
negativity and reproach, positive idioms built on negative words, "yhtään" strengthening a
denial, negation raised over "en usko, että", compound parts that are only substrings
("tuolloinen", "toiminnasta", "kustannukset"), spoken forms without their final n, repeated
emoticon mouths."""

from __future__ import annotations

import pytest

from crisisdesk_gui.core.detect import Scorer


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


@pytest.mark.parametrize(
    "text",
    [
        "Puhut palturia.",
        "Ihan lööperiä koko juttu.",
        "ihan looperia",
        "Se teki itsensä naurunalaiseksi.",
        "Onko sulla kaikki kotona?",
        "Sillä ei oo kaikki kotona.",
        "Opettele kirjoittamaan.",
        "Kuinka yllättävää.",
        "Samaa vanhaa virttä.",
        "Ihme säätöä koko homma.",
        "Koko maa on menossa alamäkeen.",
        "Firma meni alamäkeen uuden omistajan myötä.",
        "Ei tollasta voi hyväksyä.",
        "En hyväksy tätä.",
        "Mulle jäi mielipahaa koko illasta.",
        "Laiskureita koko porukka.",
        "Aina ne lusmuilee.",
        "Kitisijät voi lähteä muualle.",
        "Elämä tuntuu raskaalta.",
        "Voi hyvänen aika mikä sotku.",
    ],
)
def test_general_forum_negativity(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Tyhmä kysymys ehkä, mutta miten tämä toimii?",
        "Varmaan tyhmä kysymys, mutta onko tämä normaalia?",
        "Anteeksi jos kysyn tyhmiä.",
        "Ei ole tyhmiä kysymyksiä.",
        "tyhma kysymys ehka, mutta miten tama toimii?",
        "Ei kukaan ole täydellinen.",
        "Kukaan ei oo täydellinen.",
        "Hyvänen aika kun oli ihana ilta!",
        "Päätös hyväksyttiin yksimielisesti.",
        "Pyöräilin alamäkeen kotiin.",
    ],
)
def test_hedges_consolation_and_traps(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    ["Tyhmä kysymys.", "Olipa typerä kysymys.", "Ei ollut täydellinen, kaukana siitä."],
)
def test_the_same_words_said_to_others_still_complain(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Ei voi valittaa.",
        "En voi valittaa, kaikki meni hyvin.",
        "ei voi valittaa",
        "Ei pöllömpi.",
        "Eipä pöllömpää.",
        "Ei hassumpi.",
        "Eipä valittamista.",
        "Ei moitittavaa.",
        "Ei hullumpaa.",
    ],
)
def test_positive_idioms_built_on_negative_words(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "positive"


@pytest.mark.parametrize(
    "text",
    ["Ei voi valittaa muuta kuin hinnasta, joka on törkeä.", "Voin vain valittaa tästä."],
)
def test_complaining_is_still_complaining(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Ihmisillä ei ole mitään käytöstapoja.",
        "Ei häpyä eikä omaatuntoa.",
        "Myyjällä ei ollut minkäänlaista ammattitaitoa.",
        "Sulla ei oo yhtään huumorintajua.",
        "Ei mitään logiikkaa.",
        "Poliitikoilla ei ole selkärankaa.",
        "ei mitaan kaytostapoja",
    ],
)
def test_a_virtue_denied_is_a_complaint(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Ammattitaitoa löytyy.",
        "Hänellä on hyvä huumorintaju.",
        "En toivo mitään erityistä.",
        "Ei ole mitään häpeää pyytää apua.",
        "Ei ole mitään tulevaisuuden suunnitelmia vielä.",
        "Ei tule mitään mieleen.",
    ],
)
def test_virtues_named_or_reassurance(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Ei tästä tule mitään.",
        "Ei siitä mitään tullut.",
        "Tästä ei mitään tule.",
        "ei tasta tuu mitaan",
    ],
)
def test_nothing_comes_of_it(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize("text", ["Ei se mitään.", "Ei siitä mitään, sattuuhan sitä."])
def test_never_mind_stays_kind(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Ei oo kyllä kaikki muumit laaksossa.",
        "Ihan kujalla koko porukka.",
        "Kyllä sulla on otsaa.",
        "Onpa sulla pokkaa.",
        "Kasva aikuiseksi.",
        "Ota itseäsi niskasta kiinni.",
        "Kuka tollasta jaksaa lukea.",
        "Taas tätä.",
        "Poliitikot vie rahat omiin taskuihin.",
        "Lakkaa huutelemasta siellä.",
        "Mua vittuuntu ihan totaalisesti.",
        "Nuoret ei nykyään osaa käyttäytyä.",
        "ei osaa kayttaytya",
    ],
)
def test_forum_reproach_idioms(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Oireet hävisivät parissa päivässä.",
        "Lapsi käyttäytyi tosi kiltisti.",
        "Kävin kujalla katsomassa.",
        "Maksoin omasta taskusta mutta se kannatti.",
    ],
)
def test_traps_of_those_idioms(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Hyvä luoja mitä touhua.",
        "Hyvä jumala mikä sotku.",
        "Ei voisi vähempää kiinnostaa.",
        "Viis siitä mitä muut ajattelee.",
        "Höh, taas meni pieleen.",
        "Pyh.",
    ],
)
def test_exclamations_of_dismay_and_indifference(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Hyvä luoja miten ihana vauva!",
        "Voi taivas, miten kaunis maisema.",
        "Hyvä jumala.",
        "Herran jestas.",
    ],
)
def test_those_exclamations_are_no_praise_and_no_complaint_alone(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


def test_hyva_luoja_is_not_praise(scorer: Scorer) -> None:
    assert label(scorer, "Hyvä luoja.") == "neutral"


@pytest.mark.parametrize(
    "text",
    [
        "En ole yhtään pettynyt.",
        "Ei ollut yhtään huono.",
        "Ei lainkaan paha!",
        "Ei yhtään tylsä!",
        "en oo ollenkaan pettyny",
    ],
)
def test_at_all_strengthens_the_denial_of_a_negative_word(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Ei yhtään hyvä!",
        "Ei ollut ollenkaan kiva.",
        "Ei kovin huono, mutta ei hyväkään.",
        "Olin tosi pettynyt.",
    ],
)
def test_at_all_still_strengthens_a_denied_praise(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "En voi sanoa että olisin tyytyväinen.",
        "En usko, että kukaan oikeasti tykkää tästä.",
        "En usko että se on hyvä idea.",
        "En väitä, että se olisi hyvä.",
        "en usko etta se on hyva idea",
    ],
)
def test_a_negation_raised_over_usko_etta_denies_the_praise(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "En usko että hän on paha ihminen.",
        "En usko, että siitä on haittaa.",
        "En sano, että se olisi huono.",
        "En luule että siitä tulee ongelmaa.",
        "En usko että huomenna sataa.",
        "Uskon että se on hyvä idea.",
    ],
)
def test_a_raised_negation_also_denies_the_complaint(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Rassaa tuo meininki.",
        "Tuo tyyppi käy mun hermoille.",
        "Se käy hermoilleni.",
        "Nyt meni hermot.",
        "Käämit paloi ihan totaalisesti.",
        "Ihan posketonta touhua.",
        "Se on ihan pimee.",
        "Kiinalaista krääsää.",
        "Veti herneen nenään koko asiasta.",
        "nyt meni hermot",
    ],
)
def test_spoken_temper_and_absurdity(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    ["Vesi keitti yli kattilasta.", "Käyn huomenna kaupassa.", "Pimeä ilta ja kaunis kuu."],
)
def test_literal_senses_of_those_words(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Tuolloinen hallitus päätti asiasta.",
        "Luokanopettaja soitti eilen.",
        "Ylioppilasjuhlat pidetään kesäkuussa.",
        "Mallioppilas sai stipendin.",
        "Mökillä on oma rantasauna.",
        "Hiekkaranta oli täynnä väkeä.",
        "Juhannuskokko poltettiin illalla.",
        "Sudenkorento lensi veneeseen.",
        "Edestakainen matka maksaa kymmenen euroa.",
        "Siitä huolimatta lähdimme matkaan.",
        "tuolloinen hallitus paatti asiasta",
    ],
)
def test_a_lexicon_word_inside_another_word_is_no_compound_part(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "neutral"


@pytest.mark.parametrize(
    "text",
    [
        "Taas tätä hallitussotkua.",
        "Ihan paskafirma.",
        "Mikä sote-sotku.",
        "Koko roskaohjelma pitäisi lopettaa.",
        "Tuskallisuus vain kasvaa.",
        "surkimushallitus",
    ],
)
def test_real_compounds_still_judge(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Kustannukset nousivat taas viime vuonna.",
        "Säästäminen kannattaa aina.",
        "Passiivinen tulo on mukavaa.",
        "Laskiaisena syödään laskiaispullia.",
        "han laski rahat kahteen kertaan",
        "passi pitaa uusia ensi vuonna",
        "kustannukset nousivat taas",
    ],
)
def test_folded_lookalikes_are_no_compound_parts(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    ["Senkin läski.", "Ihan pässi.", "Koira kusee lattialle taas."],
)
def test_those_words_written_as_meant_still_count(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Kerro lisää yhdistyksen toiminnasta.",
        "Hän vastaa kiinteistön hallinnasta.",
        "Valvonnasta vastaa kunta.",
    ],
)
def test_an_inflected_known_word_is_not_split_on_its_ending(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "neutral"


@pytest.mark.parametrize(
    "text",
    ["Taas tätä hallitussotkua.", "Paskaohjelmaa koko ilta.", "Huono ja paskafirmassa töissä."],
)
def test_inflected_unknown_compounds_still_judge(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    ["Hienoin näkemäni maisema.", "Kaunein kaikista.", "Se oli mun elämän hauskin ilta."],
)
def test_superlative_praise(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "positive"


@pytest.mark.parametrize(
    "text",
    ["Ei todellakaan mikään hienoin esitys.", "Ei se ollut upein ratkaisu, päinvastoin."],
)
def test_superlative_praise_denied(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Eihä se mitää auta.",
        "eiha toi oo hyva",
        "Eisse kyl toimi.",
        "Ei oo mitää järkee.",
        "Ei yhtää kiva.",
        "Kukaa ei ikinä vastaa.",
        "ei oo mitaa jarkee",
    ],
)
def test_spoken_negation_without_final_n(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    ["Enhä mä tienny.", "Eihä siinä mitään.", "En oo yhtää pettyny.", "En tiiä yhtää."],
)
def test_spoken_negation_stating_facts_or_denying_complaints(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No niin se sitten meni :(((", "negative"),
        ("Ei se mitään :DDD", "positive"),
        ("Kiva päivä :))))", "positive"),
        ("Taas myöhässä =((", "negative"),
    ],
)
def test_repeated_emoticon_mouths(scorer: Scorer, text: str, expected: str) -> None:
    assert label(scorer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Eikö sulla ole parempaa tekemistä?",
        "Pitääkö sun aina olla noin hankala?",
        "Osaatko edes lukea?",
        "Etkö sä osaa lukea?",
        "Luitko edes koko viestiä?",
        "Ootko ihan tosissas?",
    ],
)
def test_reproachful_questions_to_another_poster(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Onko pakko ottaa rokote ennen matkaa?",
        "Pitääkö aina varata aika etukäteen?",
        "Osaatko lukea nuotteja?",
        "Keksin parempaakin tekemistä kuin siivoamisen, joten lähdin lenkille.",
    ],
)
def test_questions_that_only_ask(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative"


@pytest.mark.parametrize(
    "text",
    ["Lähetti heitti paketin oven eteen ja lähti.", "Paketti oli heitetty pihalle sateeseen."],
)
def test_a_parcel_thrown_is_careless_delivery(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative"
