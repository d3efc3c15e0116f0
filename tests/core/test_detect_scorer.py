"""The scorer's rules, each with our own sentences in the four languages, traps included."""

from __future__ import annotations

import pytest

from crisisdesk_gui.core.detect import Reason, Score, Scorer


def kinds(score: Score) -> set[str]:
    return {r.kind for r in score.reasons}


def texts(score: Score, kind: str | None = None) -> list[str]:
    return [r.text.lower() for r in score.reasons if kind is None or r.kind == kind]


NEGATIVE = [
    # plain complaints with domain words
    ("tr", "Siparişim beş gündür gelmedi, müşteri hizmetleri telefonu açmıyor"),
    ("tr", "Kurye çok kaba davrandı, paket de ezik geldi"),
    ("tr", "Param hâlâ iade edilmedi, rezalet"),
    ("pl", "Paczka przyszła uszkodzona, a sklep odmawia zwrotu pieniędzy"),
    ("pl", "Od dwóch tygodni czekam na odpowiedź, zero kontaktu"),
    ("pl", "Kelner był opryskliwy, a zupa zimna"),
    ("fi", "Tilaus on myöhässä jo viikon eikä kukaan vastaa"),
    ("fi", "Asiakaspalvelu oli tyly ja tuote rikki"),
    ("fi", "Palautusta ei ole kuulunut, todella huono palvelu"),
    ("en", "My order is two weeks late and nobody answers my emails"),
    ("en", "The courier was rude and the box arrived damaged"),
    ("en", "They cancelled my flight and refused a refund"),
]


@pytest.mark.parametrize(("lang", "text"), NEGATIVE)
def test_complaints_are_negative_with_reasons(scorer: Scorer, lang: str, text: str) -> None:
    score = scorer.score(text)
    assert score.lang == lang
    assert score.label == "negative", score
    assert score.score >= 0.5
    assert score.reasons and all(isinstance(r, Reason) for r in score.reasons)


POSITIVE = [
    ("tr", "Çok teşekkürler, kargo ertesi gün geldi, harika bir hizmet"),
    ("pl", "Świetna obsługa i pyszne jedzenie, dziękuję"),
    ("fi", "Kiitos, todella ystävällinen palvelu ja herkullinen ruoka"),
    ("en", "Thanks, the staff were lovely and the cake was delicious"),
]


@pytest.mark.parametrize(("lang", "text"), POSITIVE)
def test_praise_is_positive(scorer: Scorer, lang: str, text: str) -> None:
    score = scorer.score(text, lang=lang)
    assert score.label == "positive", score
    assert score.score < 0.3
    assert "positive" in kinds(score)


NEUTRAL = [
    ("tr", "Kadıköy şubesi cumartesi kaçta açılıyor?"),
    ("pl", "Ile kosztuje wysyłka do Gdańska?"),
    ("fi", "Mihin aikaan kahvila avataan lauantaina?"),
    ("en", "What time does the Main Street store open on Saturday?"),
]


@pytest.mark.parametrize(("lang", "text"), NEUTRAL)
def test_questions_are_neutral(scorer: Scorer, lang: str, text: str) -> None:
    assert scorer.score(text, lang=lang).label == "neutral"


NEGATED_POSITIVES = [
    ("tr", "hiç memnun kalmadım", "memnun"),
    ("tr", "kimseye tavsiye etmiyorum", "tavsiye"),
    ("tr", "tatlıyı hiç beğenmedim", "beğenmedim"),
    ("tr", "servis hızlı değil", "hızlı"),
    ("pl", "nie polecam tego sklepu", "nie polecam"),
    ("pl", "nie jest dobrze z tą dostawą", "dobrze"),
    ("fi", "en suosittele tätä kauppaa", "en suosittele"),
    ("fi", "palvelu ei ollut hyvää", "hyvää"),
    ("en", "the pizza was not good", "good"),
    ("en", "I don't recommend this shop", "recommend"),
]


@pytest.mark.parametrize(("lang", "text", "word"), NEGATED_POSITIVES)
def test_negated_positive_is_negative(scorer: Scorer, lang: str, text: str, word: str) -> None:
    score = scorer.score(text, lang=lang)
    assert score.label == "negative", score
    assert any(word in t for t in texts(score)), score.reasons
    assert not any(r.kind == "positive" for r in score.reasons)


NEGATED_EXPECTATIONS = [
    ("tr", "siparişim gelmedi"),
    ("tr", "uygulama çalışmıyor"),
    ("tr", "müşteri hizmetlerine ulaşamıyorum"),
    ("tr", "iki gündür cevap yok"),
    ("pl", "zamówienie nie dotarło"),
    ("pl", "aplikacja nie działa"),
    ("pl", "brak odpowiedzi na reklamację"),
    ("fi", "sovellus ei toimi"),
    ("fi", "paketti ei tullut"),
    ("en", "my parcel never arrived"),
    ("en", "the app doesn't work"),
    ("en", "no answer from support"),
]


@pytest.mark.parametrize(("lang", "text"), NEGATED_EXPECTATIONS)
def test_negated_expectation_is_a_complaint(scorer: Scorer, lang: str, text: str) -> None:
    score = scorer.score(text, lang=lang)
    assert score.label == "negative", score
    # the negation rule, or a lexicon phrase that already says it ("ei toimi", "no answer")
    assert kinds(score) & {"negation", "negative"}


NEGATED_NEGATIVES = [
    ("tr", "hiç sorun yaşamadım, teşekkürler"),
    ("pl", "nie było żadnego problemu, dziękuję"),
    ("fi", "ei ongelmia, kiitos"),
    ("en", "not bad at all, thanks"),
]


@pytest.mark.parametrize(("lang", "text"), NEGATED_NEGATIVES)
def test_negated_negative_is_weakened(scorer: Scorer, lang: str, text: str) -> None:
    score = scorer.score(text, lang=lang)
    assert score.label != "negative", score


def test_negation_scope_ends_at_clause_and_contrast(scorer: Scorer) -> None:
    # "not" reaches "late", not "great" after the comma or "but"
    score = scorer.score("The parcel was not late, great service", lang="en")
    assert score.label == "positive"
    assert scorer.score("nie było tanio, ale świetna jakość", lang="pl").label != "negative"


POSITIVE_WORDS_IN_COMPLAINTS = [
    ("tr", "Teşekkürler(!) üç haftadır paramı iade etmediniz, rezalet"),
    ("pl", "Dzięki za nic, paczka nadal nie dotarła"),
    ("fi", "Kiitos vaan, tilaus ei vieläkään tullut ja rahat ovat kiinni"),
    ("en", "Great, another delay. Thanks for nothing"),
]


@pytest.mark.parametrize(("lang", "text"), POSITIVE_WORDS_IN_COMPLAINTS)
def test_positive_words_do_not_hide_a_complaint(scorer: Scorer, lang: str, text: str) -> None:
    assert scorer.score(text, lang=lang).label == "negative"


ASCII = [
    ("tr", "siparisim gelmedi", "siparişim gelmedi"),
    ("tr", "hic memnun kalmadim", "hiç memnun kalmadım"),
    ("tr", "cok kotu bir deneyimdi", "çok kötü bir deneyimdi"),
    ("pl", "beznadziejna obsluga", "beznadziejna obsługa"),
    ("pl", "nie polecam, zalosna jakosc", "nie polecam, żałosna jakość"),
    ("fi", "tyytymaton asiakas, ei toimi", "tyytymätön asiakas, ei toimi"),
]


@pytest.mark.parametrize(("lang", "ascii_text", "text"), ASCII)
def test_text_without_diacritics_scores_like_the_written_form(
    scorer: Scorer, lang: str, ascii_text: str, text: str
) -> None:
    plain = scorer.score(ascii_text, lang=lang)
    written = scorer.score(text, lang=lang)
    assert plain.label == written.label == "negative", (plain, written)


def test_language_of_ascii_text_is_found(scorer: Scorer) -> None:
    assert scorer.score("siparisim hala gelmedi, musteri hizmetleri cevap vermiyor").lang == "tr"
    assert scorer.score("beznadziejna obsluga, nie polecam").lang == "pl"


def test_elongation_and_shouting_raise_intensity(scorer: Scorer) -> None:
    plain = scorer.score("berbat", lang="tr")
    loud = scorer.score("berbaaaat!!!", lang="tr")
    assert loud.label == "negative"
    assert loud.score > plain.score
    assert "intensifier" in kinds(loud)
    assert (
        scorer.score("TERRIBLE service", lang="en").score
        > scorer.score("terrible service", lang="en").score
    )
    assert scorer.score("sooo baaad", lang="en").label == "negative"


def test_intensifiers_multiply(scorer: Scorer) -> None:
    for lang, weak, strong in [
        ("tr", "kötü hizmet", "çok kötü hizmet"),
        ("pl", "słaba obsługa", "bardzo słaba obsługa"),
        ("fi", "huono palvelu", "todella huono palvelu"),
        ("en", "bad service", "really bad service"),
    ]:
        assert scorer.score(strong, lang=lang).score > scorer.score(weak, lang=lang).score


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("😡😡", "negative"),
        ("delivery today 👎", "negative"),
        ("kargo geldi :(", "negative"),
        ("paczka dalej nie doszła ;(", "negative"),
        ("the parcel came today ;-(", "negative"),
        ("dzięki 👍", "positive"),
        ("kiitos :)", "positive"),
        ("Thanks ❤️", "positive"),
    ],
)
def test_emoji_and_emoticons(scorer: Scorer, text: str, label: str) -> None:
    score = scorer.score(text)
    assert score.label == label, score
    assert "emoji" in kinds(score)


@pytest.mark.parametrize(
    ("lang", "text", "level"),
    [
        ("tr", "Dün yediğimiz tavuktan gıda zehirlenmesi geçirdik", 3),
        ("tr", "Avukatımla görüşüp dava açacağım", 3),
        ("pl", "Po waszym obiedzie mieliśmy zatrucie pokarmowe, zgłaszam to do sanepidu", 3),
        ("pl", "Wyciek danych klientów, to skandal", 3),
        ("fi", "Saimme ruokamyrkytyksen ja teimme ilmoituksen Ruokavirastolle", 3),
        ("fi", "Tämä on huijaus, teen rikosilmoituksen poliisille", 3),
        ("en", "My son had an allergic reaction and ended up in hospital", 3),
        ("en", "I will sue you for this fraud", 3),
    ],
)
def test_severity_words(scorer: Scorer, lang: str, text: str, level: int) -> None:
    score = scorer.score(text, lang=lang)
    assert score.severity == level, score
    assert score.label == "negative"
    assert "severity" in kinds(score)
    assert score.urgency >= level * 10


def test_no_severity_in_ordinary_complaints(scorer: Scorer) -> None:
    assert scorer.score("the soup was cold and the waiter slow", lang="en").severity == 0
    assert scorer.score("çorba soğuktu, garson yavaştı", lang="tr").severity == 0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("tr", "sizi gidi şerefsizler, aptal mısınız"),
        ("pl", "banda idiotów i złodziei, spierdalajcie"),
        ("fi", "te ootte idiootteja, haistakaa paska"),
        ("en", "you fucking idiots, go to hell"),
    ],
)
def test_insults_raise_troll_signal(scorer: Scorer, lang: str, text: str) -> None:
    score = scorer.score(text, lang=lang)
    assert score.troll > 0.3, score
    assert "troll" in kinds(score)
    assert score.label == "negative"


def test_links_and_handles_are_not_words(scorer: Scorer) -> None:
    score = scorer.score("@badservice see pic.twitter.com/abc and https://bad.example/awful")
    assert score.label == "neutral"
    assert score.reasons == ()


def test_long_reviews_are_normalised(scorer: Scorer) -> None:
    praise = (
        "Pani doktor jest bardzo miła, cierpliwa i rzeczowa. Wszystko dokładnie wyjaśniła, "
        "odpowiedziała na każde pytanie. Jedyny minus to długie czekanie w poczekalni. "
    ) * 4
    assert scorer.score(praise, lang="pl").label == "positive"
    rant = (
        "Lekarz był niemiły, nie wysłuchał mnie i zbagatelizował objawy. Wizyta trwała pięć "
        "minut, a recepcja była opryskliwa. Nie polecam. "
    ) * 4
    assert scorer.score(rant, lang="pl").label == "negative"
    assert 0 <= scorer.score(rant, lang="pl").score <= 1


def test_empty_and_symbol_only_texts(scorer: Scorer) -> None:
    for text in ("", "   ", "12345", "!!!"):
        score = scorer.score(text)
        assert score.lang == "other"
        assert score.label == "neutral"


def test_other_languages_are_other(scorer: Scorer) -> None:
    assert scorer.score("Das ist wirklich nicht gut, ich bin enttäuscht").lang == "other"
    assert scorer.score("C'est la vie, mon ami, très bien").lang == "other"


def test_reasons_serialise(scorer: Scorer) -> None:
    score = scorer.score("Worst service ever 😡", lang="en")
    data = [r.as_dict() for r in score.reasons]
    assert {"kind", "text", "weight"} <= set(data[0])
    assert any(d["text"] == "😡" for d in data)


def test_turkish_question_tag_is_not_a_negation(scorer: Scorer) -> None:
    assert scorer.score("Simitler çok güzel değil mi?", lang="tr").label == "positive"
    assert scorer.score("Simitler güzel değil", lang="tr").label == "negative"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pl", "niesmaczny obiad i nieuprzejmy kelner"),
        ("fi", "epäystävällinen myyjä"),
        ("en", "an unfriendly clerk"),
    ],
)
def test_negating_prefix_turns_a_positive_word(scorer: Scorer, lang: str, text: str) -> None:
    assert scorer.score(text, lang=lang).label == "negative"


def test_warm_up_loads_without_error() -> None:
    from crisisdesk_gui.core.detect import warm_up

    warm_up(("en",))


def test_an_intensifier_has_no_polarity_of_its_own(scorer: Scorer) -> None:
    for lang, text in [("fi", "hyvin huono"), ("en", "pretty bad"), ("pl", "super słaba")]:
        score = scorer.score(text, lang=lang)
        assert score.label == "negative"
        assert not any(r.kind == "positive" for r in score.reasons), score


def test_phrase_found_through_lemma_when_surface_bucket_exists(scorer: Scorer) -> None:
    # "en" has its own phrase bucket; "ei tietää" lives in the lemma's ("ei") bucket.
    for text in ("En tiedä vielä, katsotaan huomenna", "en tiedä mitä tästä ajattelen"):
        score = scorer.score(text, lang="fi")
        assert score.label != "negative", score
        assert "en tiedä" in texts(score), score


# Words typed with diacritics match only entries written the same way; folded forms match only
# words typed without them (Finnish and Polish: only texts typed without any diacritics).
@pytest.mark.parametrize(
    ("lang", "text", "not_found"),
    [
        ("tr", "Bu açıdan bakınca gayet mantıklı", "açıdan"),
        ("tr", "Sınır kapısından rahatça geçtik", "sınır"),
        ("tr", "Olum bu telefon çok güzel çıktı", "olum"),
        ("tr", "olum bu telefon cok guzel cikti", "olum"),
        ("fi", "Laski lähtee huomenna lasketteluun, mukava päivä", "laski"),
        ("fi", "Kausi alkaa huomenna, mukava että pääsee", "alkaa"),
        ("fi", "Ala nyt jo lähteä, kiva nähdä sinua", "ala"),
    ],
)
def test_folded_form_does_not_match_another_written_word(
    scorer: Scorer, lang: str, text: str, not_found: str
) -> None:
    score = scorer.score(text, lang=lang)
    assert score.label != "negative", score
    assert not any(not_found in t for t in texts(score)), score


@pytest.mark.parametrize(
    ("lang", "text", "found"),
    [
        ("tr", "Babasının ölümü hepimizi derinden yıktı", "ölümü"),
        ("tr", "Çok acı bir haber aldık", "acı"),
        ("tr", "Bu adam benim sinirimi bozuyor", "sinirimi"),
        ("tr", "Kargo hala gelmedi, cok kotu", "kotu"),  # ASCII words still fold
        ("fi", "Läski myyjä vain naureskeli meille", "läski"),
        ("fi", "Älkää menkö sinne, huono paikka", "älkää"),
        ("fi", "Tilaus ei tullut ja palvelu oli huono", "huono"),
    ],
)
def test_written_form_still_matches(scorer: Scorer, lang: str, text: str, found: str) -> None:
    score = scorer.score(text, lang=lang)
    assert score.label == "negative", score
    assert any(found in t for t in texts(score)), score


def test_negator_matches_as_written(scorer: Scorer) -> None:
    # "älkää" negates; "alkaa" (begins) in a text typed with diacritics does not
    assert "negation" not in kinds(
        scorer.score("Myynti alkaa pian, hyvä että jotain tapahtuu", lang="fi")
    )
    assert texts(scorer.score("Älkää ostako täältä mitään", lang="fi"))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fi", "Tämä oli hirveän hyvä elokuva"),
        ("fi", "Sairaan hyvä keikka eilen illalla"),
        ("fi", "Kamalan kiva tyyppi tuo uusi myyjä"),
        ("tr", "Bu pasta çok fena güzel olmuş"),
        ("pl", "Okropnie fajny film, polecam"),
        ("pl", "To był strasznie miły człowiek"),
    ],
)
def test_negative_intensifier_loses_its_polarity(scorer: Scorer, lang: str, text: str) -> None:
    score = scorer.score(text, lang=lang)
    assert score.label == "positive", score
    assert "negative" not in kinds(score), score


@pytest.mark.parametrize(
    ("lang", "text"),
    [("fi", "Hirveän huono palvelu taas"), ("pl", "Strasznie wolna obsługa, okropny sklep")],
)
def test_negative_intensifier_before_negative_word_still_negative(
    scorer: Scorer, lang: str, text: str
) -> None:
    assert scorer.score(text, lang=lang).label == "negative"


@pytest.mark.parametrize(
    "text",
    ["Yarın ders yok, evde dinleneceğim", "Bu akşam maç yok sanırım", "Bugün toplantı yoktu"],
)
def test_turkish_yok_alone_states_a_fact(scorer: Scorer, text: str) -> None:
    assert scorer.score(text, lang="tr").label != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Üç gündür cevap yok",
        "Hâlâ hiçbir açıklama yok",
        "Müşteriye saygı yok bu firmada",
        "Ders yok, para yok, her şey berbat",
    ],
)
def test_turkish_yok_with_a_lexicon_word_complains(scorer: Scorer, text: str) -> None:
    assert scorer.score(text, lang="tr").label == "negative"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("tr", "amk çok güzel olmuş bu"),
        ("pl", "kurwa, jakie to jest dobre"),
        ("fi", "vitun hyvä biisi"),
        ("fi", "Vittu miten hyvä leffa"),
        ("en", "holy shit this is amazing"),
    ],
)
def test_friendly_swearing_in_praise_is_not_negative(scorer: Scorer, lang: str, text: str) -> None:
    score = scorer.score(text, lang=lang)
    assert score.label != "negative", score
    assert score.troll < 0.3, score


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("tr", "sen ne salaksın amk"),
        ("tr", "amk rezalet bir kargo, paketim yine gelmedi"),
        ("pl", "kurwa, znowu nie działa"),
        ("fi", "vittu mikä paska firma"),
        ("en", "fuck you, great service my ass"),
        ("en", "@shopdesk shit, great job losing my parcel again"),
    ],
)
def test_swearing_aimed_or_in_complaints_stays_negative(
    scorer: Scorer, lang: str, text: str
) -> None:
    score = scorer.score(text, lang=lang)
    assert score.label == "negative", score
    assert "troll" in kinds(score), score


@pytest.mark.parametrize(
    ("lang", "text", "label"),
    [
        ("tr", "Kargo yine gecikti 🤡", "negative"),
        ("pl", "Znowu czekam na kuriera 😰😰", "negative"),
        ("fi", "Taas myöhässä 🤡🤡", "negative"),
        ("en", "Still waiting for my parcel :@", "negative"),
        ("en", "that video 💀💀💀", "neutral"),
        ("tr", "Harika bir gün 🙌", "positive"),
    ],
)
def test_more_emoji(scorer: Scorer, lang: str, text: str, label: str) -> None:
    score = scorer.score(text, lang=lang)
    assert score.label == label, score
    assert "emoji" in kinds(score), score


@pytest.mark.parametrize(
    "text", ["Harmi ettei paketti tullut ajoissa perille", "Sanoin jo, etten suosittele tätä"]
)
def test_finnish_contracted_negation(scorer: Scorer, text: str) -> None:
    score = scorer.score(text, lang="fi")
    assert score.label == "negative", score
    assert "negation" in kinds(score), score


def test_finnish_colloquial_negative_intensifier_before_praise(scorer: Scorer) -> None:
    assert scorer.score("Kauheen hyvä ruoka ja kiva henkilökunta", lang="fi").label == "positive"


@pytest.mark.parametrize("text", ["Sistem yine çöktü, rezalet", "sistem yine coktu rezalet"])
def test_a_word_that_only_folds_like_an_intensifier_keeps_its_own_meaning(
    scorer: Scorer, text: str
) -> None:
    # "çöktü" (crashed; lemma "çök") folds to "cok", the intensifier "çok": it is a complaint
    # of its own, not a degree of "rezalet".
    said = [r.text.lower() for r in scorer.score(text, lang="tr").reasons if r.kind == "negative"]
    assert any(s.startswith(("çöktü", "coktu")) for s in said), said


def test_one_negation_denies_its_expectations_once(scorer: Scorer) -> None:
    # "pystyä" and "tulla" are both things a customer expects; a person who cannot come
    # states a fact, one denial, not two complaints.
    score = scorer.score("En pysty tulemaan huomenna", lang="fi")
    assert score.label != "negative", score
    assert sum(r.weight for r in score.reasons if r.kind == "negation") <= 0.5 + 1e-9, score
    # two denials are still two complaints
    assert scorer.score("Paketti ei tullut eikä kukaan vastannut", lang="fi").label == "negative"
