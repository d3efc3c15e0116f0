"""Turkish, fourth round: sentences written for these tests, not taken from any evaluation set.
Negation that Turkish morphology hides: the negated verbal noun "-mAmA(k/sI)" ("hocanın derse
gelmemesi"), a phrase entry written as a verb stem whose text negates it ("sınavdan kalmadım"),
and the double negation "-mAmAk elde değil" that affirms; with their traps (announcements that
state a condition, imperatives, rhetorical questions, text typed without Turkish letters)."""

from __future__ import annotations

import pytest

from crisisdesk_gui.core.detect.scorer import Scorer


def label(scorer: Scorer, text: str) -> str:
    return scorer.score(text, lang="tr").label


# The negated verbal noun names a failure as the topic of a judgement.
VERBAL_NOUN_COMPLAINTS = [
    "hocanın derse gelmemesi",
    "bursların hâlâ yatmaması",
    "kimsenin ilgilenmemesi",
    "hiç kimsenin maillere cevap vermemesi",
    "sistemin bir türlü açılmaması",
    "ogrenci islerinin telefonu acmamasi",
]


@pytest.mark.parametrize("text", VERBAL_NOUN_COMPLAINTS)
def test_negated_verbal_noun_is_a_complaint(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative", scorer.score(text, lang="tr")


VERBAL_NOUN_NOT_NEGATIVE = [
    # a condition or a rule, not a failure
    "derse gelmemesi durumunda devamsızlık yazılır",
    "ödemenin yapılmaması halinde kayıt silinir",
    "sınava gelmemek için bahane arıyorum",
    # no bare negation of its own: a verbal noun that reaches no lexicon word
    "kayıt yenilememek mümkün mü diye soran arkadaşlar var",
    # "olmayan" and other copula forms are not verbal nouns
    "bursu olmayan öğrenciler de başvurabilir",
]


@pytest.mark.parametrize("text", VERBAL_NOUN_NOT_NEGATIVE)
def test_verbal_noun_traps(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative", scorer.score(text, lang="tr")


# "-mAmAk elde değil / mümkün değil / imkansız / olmaz": not to X is impossible, so X.
CANNOT_HELP_PRAISE = [
    "bu okula hayran olmamak elde değil",
    "bu hocayı sevmemek mümkün değil",
    "beğenmemek elde değil",
    "gurur duymamak elde değil",
    "böyle bir ekiple gurur duymamak olmaz",
    "bu kampusu sevmemek imkansiz",
]


@pytest.mark.parametrize("text", CANNOT_HELP_PRAISE)
def test_double_negation_affirms(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative", scorer.score(text, lang="tr")


def test_double_negation_of_a_fault_stays_a_complaint(scorer: Scorer) -> None:
    # "impossible not to get bored": boredom affirmed
    assert label(scorer, "bu derste sıkılmamak mümkün değil") == "negative"


# A phrase entry written as a stem ("sınavdan kal*", "geç kal*", "gurur duy*") is negated by
# the text's negated verb.
NEGATED_FAULT_PHRASES = [
    "sınavdan kalmadım",
    "finalden kalmadım çok şükür",
    "bu sefer derse geç kalmadım",
    "sinifta kalmayacagim insallah",
    "kuyrukta beklemedik bile",
    "öğrencilerin sınava geç kalmaması önemle rica olunur",
    "yemekhane fiyatları artırmadılar",
]


@pytest.mark.parametrize("text", NEGATED_FAULT_PHRASES)
def test_negated_fault_phrase_is_no_complaint(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative", scorer.score(text, lang="tr")


NEGATED_PRAISE_PHRASES = [
    "bu okulla gurur duymuyorum",
    "burs almaya hak kazanamadım",
    "bu yönetimle gurur duyamıyoruz",
]


@pytest.mark.parametrize("text", NEGATED_PRAISE_PHRASES)
def test_negated_praise_phrase_is_a_complaint(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative", scorer.score(text, lang="tr")


STILL_COMPLAINTS = [
    # the entry spells its own negation past the stem ("iş bulamı*", "paraya doymu*")
    "mezun olalı iki yıl oldu, hâlâ iş bulamıyorum",
    "paraya doymuyorlar",
    # negative imperatives are reproaches, not denials
    "bizi aptal yerine koymayın",
    "bizimle dalga geçmeyin",
    # phrases whose negation is itself a complaint (also in tr.expected.tsv)
    "yönetim kimseye hesap vermiyor",
    "bu usulsüzlüğün hesabı sorulmadı, hesap sorulmadı",
    "bizi bir türlü rahat bırakmıyorlar",
    "hesap vermiyorlar",
]


@pytest.mark.parametrize("text", STILL_COMPLAINTS)
def test_phrases_that_stay_complaints(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative", scorer.score(text, lang="tr")


def test_rhetorical_negative_question_is_not_a_denial(scorer: Scorer) -> None:
    # "how could one not be proud?"
    assert label(scorer, "böyle hocalarla gurur duyulmaz mı") != "negative"


# Verbs of ending ("bitmek", "dinmek", "durmak", "azalmak") negated say that what comes before
# goes on: "sorunlar bitmiyor" is no denial of problems.
GOES_ON_COMPLAINTS = [
    "sorunlar bitmiyor",
    "bu okulun sorunları bir türlü bitmedi",
    "acımız dinmedi",
    "zamlar durmuyor",
    "dertlerimiz azalmıyor",
    "yurtta sorunlar bitmiyo",
    "bitmek bilmeyen ödevler",
    "bitmek bilmez bir dönem",
]


@pytest.mark.parametrize("text", GOES_ON_COMPLAINTS)
def test_what_does_not_end_goes_on(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative", scorer.score(text, lang="tr")


@pytest.mark.parametrize(
    "text", ["eğlence bitmiyor", "bu şenlikte eğlence hiç bitmedi", "hiç bitmesin bu tatil"]
)
def test_joy_that_does_not_end_is_no_complaint(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative", scorer.score(text, lang="tr")


# Negative imperatives that console are support, not complaints; "-dAn iyisi yok" is praise,
# "-dAn kötüsü yok" the worst.
CONSOLATION = [
    "üzülme kanka seneye kazanırsın",
    "üzülmeyin hocam",
    "endişelenmeyin, her şey yoluna girecek",
    "dert etme, büt var",
    "moralini bozma",
    "moralinizi bozmayın arkadaşlar",
    "canını sıkma bu kadar",
    "kafana takma",
    "uzulme ya",
    "ODTÜ'den iyisi yok",
    "bu hocadan iyisi olamaz",
]


@pytest.mark.parametrize("text", CONSOLATION)
def test_consolation_is_no_complaint(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative", scorer.score(text, lang="tr")


@pytest.mark.parametrize(
    "text",
    [
        "çok üzüldüm",
        "hocanın tavrı moralimi bozdu",
        "canımı sıktı bu olay",
        "bu yemekhaneden kötüsü yok",
        "bundan kötüsü olamaz",
    ],
)
def test_distress_stays_negative(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative", scorer.score(text, lang="tr")


# Names and terms that look like negated verbs: the surnames Sönmez, Korkmaz, Kaymaz, Durmaz,
# Solmaz are old "-mAz" forms; "Biyomedikal" and "taşınmaz" (real estate) are no verbs at all.
NOT_NEGATIONS = [
    "Prof. Dr. Ahmet Sönmez konuşmacı olarak katılacak",
    "Rektörümüz Prof. Dr. Ali Kaymaz öğrencilerle buluştu",
    "Ayşe Solmaz hocamızın semineri perşembe",
    "Elif Durmaz ile kariyer sohbetleri",
    "kariyer gününde Ahmet Korkmaz konuştu",
    "Biyomedikal Mühendisliği bölümü tanıtım günü yarın",
    "biyomedikal mühendisliği okumak istiyorum",
    "taşınmaz kültür varlıkları semineri",
    "tiyatro kulübü yeni komedilerini sahneliyor",
]


@pytest.mark.parametrize("text", NOT_NEGATIONS)
def test_names_and_terms_are_no_negation(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative", scorer.score(text, lang="tr")


STILL_NEGATED = [
    # headline case: every word capitalised, the verb is a verb
    "Hoca Yine Gelmedi",
    # CamelCase hashtags glue a complaint together
    "#HocaGelmedi yine",
    "yine #SonuçlarAçıklanmadı",
    # a name beside a negated verb written in lower case
    "Doç. Dr. Sönmez derse gelmedi yine",
]


@pytest.mark.parametrize("text", STILL_NEGATED)
def test_capitalised_verbs_stay_negated(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative", scorer.score(text, lang="tr")


# "feci", "korkunç" intensify in speech ("feci güzel"); alone they still judge.
@pytest.mark.parametrize("text", ["feci güzel bir kampüs", "korkunç güzel bir konserdi"])
def test_awfully_good_is_praise(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "positive", scorer.score(text, lang="tr")


@pytest.mark.parametrize(
    "text", ["feci bir kaza oldu", "yurt ücretleri korkunç pahalı", "korkunç", "feci"]
)
def test_awful_alone_stays_negative(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative", scorer.score(text, lang="tr")


# General faults a coverage check found missing.
MISSING_FAULTS = [
    "bu abes bir karar",
    "tamamen yersiz ve lüzumsuz bir uygulama",
    "şarlatanın teki",
    "hilekar bir yönetim",
    "öğrenciyi kazıklıyorlar",
    "yurtta dışlandım",
    "hocanın tavrı kalbimi kırdı",
    "bu karar hepimizi çok üzdü",
    "bu dönem beni bitirdi",
    "ders seçiminde sistem yine göçtü",
    "gerzek misin nesin",
    "hoca derste küfretti",
]


@pytest.mark.parametrize("text", MISSING_FAULTS)
def test_missing_faults(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative", scorer.score(text, lang="tr")


@pytest.mark.parametrize(
    "text", ["saçlarım çok uzuyor", "kalbimi kırmadınız, teşekkürler", "kayıt süresi uzuyor mu"]
)
def test_missing_fault_traps(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative", scorer.score(text, lang="tr")


@pytest.mark.parametrize(
    "text", ["stresli bir hafta ama değdi", "çok yorulduk ama her şeye değdi", "gülmekten ölücem"]
)
def test_worth_it_is_no_complaint(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative", scorer.score(text, lang="tr")


@pytest.mark.parametrize(
    "text",
    [
        "hiç değmedi",
        "yarın sınavım var ölücem",
        "sınavdan sıfır aldım",
        "sktr git",
        "bu okula değmez",
    ],
)
def test_despair_and_swearing_in_speech(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative", scorer.score(text, lang="tr")


# Spoken Turkish as typed in tweets: the present "-yo(m)" for "-yor(um)", the future "-(I)cAm"
# for "-AcAğIm", and the negated future "-mIcAm" ("gelmicem" = "gelmeyeceğim").
SPOKEN_COMPLAINTS = [
    "çok sıkılıyom ya",
    "ağlıyom şu an",
    "ağlıycam",
    "ağlıcam birazdan",
    "çıldırıcam bu hocayla",
    "delircem",
    "bu okula bir daha gelmicem",
    "bir daha buradan almıcam",
    "kiziyom bu duruma",
    "cok uzuluyom",
    "bıktım artık okulu bırakıcam",
    "hiç sevmiyom bu hocayı",
]


@pytest.mark.parametrize("text", SPOKEN_COMPLAINTS)
def test_spoken_forms_complain(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative", scorer.score(text, lang="tr")


SPOKEN_NOT_NEGATIVE = [
    "çok seviyom bu okulu",
    "hocam yarın geliyom",
    "radyo dinliyom",
    "yarın okula gidicem",
    "stüdyo kaydı yarın",
    "sınavı geçicem inşallah",
]


@pytest.mark.parametrize("text", SPOKEN_NOT_NEGATIVE)
def test_spoken_traps(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative", scorer.score(text, lang="tr")


# Event titles name a problem as their topic: university accounts announce them every day.
EVENT_TOPICS = [
    "Üniversitemizde afet yönetimi paneli düzenlendi",
    "Kampüsümüzde yangın tatbikatı gerçekleştirildi",
    "Siber zorbalık semineri yarın saat 14:00'te",
    "Sınav kaygısı ile başa çıkma semineri",
    "Çocuk istismarını önleme konferansı",
    "Göç ve mülteci sorunları sempozyumu",
    "Terörle mücadele konferansı",
    "Ekonomik kriz ve işsizlik paneli",
    "Depresyon ve anksiyete üzerine söyleşi",
    "Hukuksuzluk ve adalet konulu panel",
    "Kanser farkındalık haftası etkinlikleri başladı",
    "siber zorbalik seminerine davetlisiniz",
]


@pytest.mark.parametrize("text", EVENT_TOPICS)
def test_event_topics_are_no_complaint(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative", scorer.score(text, lang="tr")


EVENT_COMPLAINTS = [
    # judged events: the adjective comes with "bir", or the event is not in compound form
    "saçma bir seminerdi",
    "çok sıkıcı bir panel",
    "gereksiz seminerler yüzünden derse giremedik",
    "seminer berbattı",
    "panel rezaletti",
    "yangın çıktı, tatbikat değilmiş",
]


@pytest.mark.parametrize("text", EVENT_COMPLAINTS)
def test_judged_events_stay_complaints(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative", scorer.score(text, lang="tr")


# Names after an academic title and institution names are no judgement: "Zafer", "Neşe",
# "Mutlu", "Kutlu", "Sevinç" are first names and surnames; "Güzel Sanatlar" is fine arts.
NAMES_NOT_PRAISE = [
    "Prof. Dr. Zafer Kutlu konuşma yapacak",
    "Doç. Dr. Neşe Mutlu ile söyleşi",
    "yeni rektör Prof. Dr. Kemal Mutlu oldu",
    "Dr. Öğr. Üyesi Sevgi Güzel yarın derse gelecek",
    "Mimar Sinan Güzel Sanatlar Üniversitesi",
    "Güzel Sanatlar Fakültesi sergisi açıldı",
    "guzel sanatlar fakultesi",
]


@pytest.mark.parametrize("text", NAMES_NOT_PRAISE)
def test_names_are_no_praise(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "neutral", scorer.score(text, lang="tr")


NAMES_NOT_FAULTS = [
    "Acil Yardım ve Afet Yönetimi bölümü tanıtımı",
    "Deprem Mühendisliği yüksek lisans başvuruları",
    "Ceza Hukuku dersi yarın",
    "Kriz Yönetimi dersinin notları",
    "Arş. Gör. Savaş Kaya'nın semineri",
]


@pytest.mark.parametrize("text", NAMES_NOT_FAULTS)
def test_names_are_no_fault(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative", scorer.score(text, lang="tr")


@pytest.mark.parametrize(
    "text",
    [
        "Prof. Dr. Mutlu hoca derse yine gelmedi, rezalet",
        "Arş. Gör. Umut Sevinç gözaltına alındı",
        "kriz yönetimi berbat",
        "ceza hukuku finali berbattı",
    ],
)
def test_named_people_can_still_be_complained_of(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative", scorer.score(text, lang="tr")


def test_praise_written_as_a_name_stays_praise_without_a_title(scorer: Scorer) -> None:
    assert label(scorer, "güzel bir sergi") == "positive"


@pytest.mark.parametrize(
    "text",
    [
        "Kocaeli Üniversitesi Kandıra Meslek Yüksekokulu",
        "kandira kampusune servis var mi",
        "Güzelbahçe'de ev arıyorum",
        "topluluğumuz huzurevi ziyareti düzenledi",
    ],
)
def test_place_names_are_no_judgement(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "neutral", scorer.score(text, lang="tr")


def test_fooled_stays_a_complaint(scorer: Scorer) -> None:
    assert label(scorer, "öğrenciyi kandırdılar") == "negative"


# "soru" (question) forms that share letters with "sorun" (problem), and "sizdir" (it is you)
# that shares them with "sızdır-" (leak).
@pytest.mark.parametrize(
    "text",
    [
        "bu sorunun cevabı ne",
        "3. sorunun cevabını bilen var mı",
        "sorunuz varsa yazabilirsiniz",
        "sorunuzu DM üzerinden iletebilirsiniz",
        "gelecek sizdir",
    ],
)
def test_questions_are_no_problems(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "neutral", scorer.score(text, lang="tr")


@pytest.mark.parametrize(
    "text",
    [
        "bir sorunum var",
        "okulun sorunu çok",
        "sorununuz nedir, hâlâ çözülmedi",
        "sınav soruları sızdırıldı",
        "sorular sizdirilmis",
    ],
)
def test_problems_and_leaks_stay(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative", scorer.score(text, lang="tr")


# Text typed without Turkish letters: simplemma reduces "katilacak" (katılacak: will attend),
# "pisirdik" (pişirdik: we cooked), "pesinde" (peşinde: after), "acisindan" (açısından: from the
# point of view) to "katil" (murderer), "pis" (dirty), "pes" (give up), "acı" (pain).
ASCII_NOT_FAULTS = [
    "etkinlige katilacak misiniz",
    "toplantiya katildim",
    "katilim ucretsiz",
    "seminere katilmistir",
    "kek pisirdik",
    "yemek pisirmeyi ogrendim",
    "hayallerinin pesinde kos",
    "pesin odeme yapilabilir",
    "ogrenciler acisindan onemli",
    "gelecek acisindan iyi bir adim",
    "bu acidan bakinca",
    "kontenjan sinirlidir",
    "sinirsiz internet",
]


@pytest.mark.parametrize("text", ASCII_NOT_FAULTS)
def test_ascii_forms_of_other_words(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative", scorer.score(text, lang="tr")


ASCII_FAULTS = [
    "katil yakalandi",
    "cok pis bir yurt",
    "pes dogrusu",
    "pisman oldum",
    "sinir oldum",
    "sinirliyim",
    "aci haber",
    "aci cekiyoruz",
]


@pytest.mark.parametrize("text", ASCII_FAULTS)
def test_ascii_faults_stay(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative", scorer.score(text, lang="tr")
