"""Turkish lexicon, third coverage round: sentences written for these tests, not taken from any
evaluation set. Everyday complaint idioms and reproaches ("enayi yerine koymak", "ne hale
geldik", "hiç mi utanmanız yok"), outages, scolding said with a negated imperative, and the
traps around them: praise and news that share their words, text typed without Turkish letters,
shouting and elongation."""

from __future__ import annotations

import pytest

from crisisdesk_gui.core.detect.scorer import Scorer


def label(scorer: Scorer, text: str) -> str:
    return scorer.score(text, lang="tr").label


COMPLAINTS = [
    # outages said with "kesik", "kopuyor"
    "iki gündür yurtta su kesik",
    "sular yine kesik, duş alamadık",
    "internet sürekli kopuyor",
    "derste bağlantı koptu, sınava giremedim",
    # reproach idioms
    "öğrenciyi enayi yerine koyuyorlar",
    "bizi aptal yerine koymayın",
    "hakkımızı yediler",
    "canımıza okudular",
    "burnumuzdan getirdiler",
    "bıçak kemiğe dayandı artık",
    "yemekhane fiyatları uçmuş",
    "bizi ortada bıraktılar",
    "öğrencileri sokağa attılar",
    "sürünüyoruz resmen",
    "ahımız tutacak sizi",
    "Allah'a havale ediyorum",
    "insanlık ölmüş",
    "hiç mi utanmanız yok",
    "vicdanınız yok mu sizin",
    "paraya doymuyorlar",
    "öğrencinin parasını çarçur ediyorlar",
    "aylardır bizi uyuttular",
    "yetkililer hâlâ susuyorlar",
    "@rektorluk bu ne hal",
    "ne hale geldi bu okul",
    "ne hallere düştük",
    "ne yazık ki okulun eski tadı kalmadı",
    "daha kötüsünü görmedim",
    "öğrenci düşmanı bir yönetim",
    "kimse bir şey bilmiyor, herkes topu birbirine atıyor",
    "komik misiniz siz",
    "yerin dibine geçtim bu açıklamayı okuyunca",
    "ayrıcalıklı muamele yapılıyor",
    "bu davranış size hiç yakışmadı, yakışıksız",
    # scolding said with a negated imperative: the negation is the reproach
    "saçmalamayın",
    "öğrenciyi kandırmayın",
    "bizimle dalga geçmeyin",
    # a refund phrase negated by its verb
    "para iadesi hâlâ yapılmadı",
    # absence of what is expected
    "tuvaletlerde sabun yok",
    "kütüphanede oturacak yer yok",
    "bunun hiçbir anlamı yok",
    "bu kararın hiçbir mantığı yok",
    "bu ülkede akademik özgürlük yok",
    "liyakat yok, torpil var",
    # distress and fed-up talk
    "canım çok sıkkın",
    "bu okulda içim daralıyor",
    "sabrımız tükendi, sabrım tükendi",
    "delirmek üzereyim",
    "şansıma tüküreyim",
    "sabrımı zorlamayın",
    "yeter be, tükendik",
    "yemekler mide bulandırıcı",
    "bu davranışı ayıplıyorum",
    "fırsatçı yurt sahipleri kirayı ikiye katladı",
    "ders programı karmakarışık",
    "yemeklerin tadı tuzu yok",
    "porsiyonlar kuş kadar",
    "hepsi sizin yüzünüzden",
    "hayallerim suya düştü",
    "bu parayla nasıl geçineceğiz",
    # criticism said with a positive word
    "etkinlik fena değildi ama çok daha iyi olabilirdi",
    "sınıflarda sıcaktan bayılıyoruz",
    "hocanın sözleri gururumu kırdı",
    "bu ülkede umudumu kaybettim",
    # a polite opening and closing do not soften a complaint
    "Merhaba, kolay gelsin. Üç haftadır bursum yatmadı. İyi çalışmalar",
    "İyi günler, siparişim hâlâ gelmedi. Saygılarımla",
    # a death that the institution is blamed for stays a complaint despite the formulas
    "ihmal yüzünden arkadaşımızı kaybettik, başımız sağ olsun",
    # being kept waiting and put off
    "kaç haftadır bekliyoruz, ses yok",
    "iki gündür bekliyorum kimse dönmedi",
    "bu kaçıncı iptal",
    "şikayetlerimizi duymazdan geliyorlar",
    "bu yapılanlar tamamen göstermelik",
    # harassment and the municipal police reported as events keep their full weight
    "garson kız arkadaşımı taciz etti",
    "kampüste tacize uğradım ve kimse ilgilenmedi",
    "fiyat etiketi yok, zabıtaya şikayet edeceğim",
    "hocam bize şiddet uyguladı",
    # basic fault words
    "tamamen baştansavma bir cevap",
    "elektrikler kesildi, yurtta karanlıktayız",
    "yönetimin keyfiliği yüzünden mağduruz",
    "kalpsiz insanlar, öğrenciyi kapıda bıraktılar",
    "etkinlik organizasyonsuz ve alakasız geçti",
    # slang insults and fakery
    "dallama herif",
    "yurt müdürü tam bir maganda",
    "bu ne yarrak gibi sistem",
    "tamamen yapmacık bir özür",
    # deprived of something: "-sIz kalmak"
    "iki gündür susuz kaldık",
    "öğrenciler kış ortasında yurtsuz kaldı",
    # business complaints
    "müşteri hizmetlerine ulaşmak imkansız",
    "hesaba fazladan ücret yazmışlar",
    "bot gibi kopyala yapıştır cevaplar veriyorlar",
    "ürünün resimdekiyle uzaktan yakından alakası yok",
    "tavuk çiğdi",
    # school complaints
    "finalden kaldım, yaz okuluna kaldım",
    "mezun oldum ama iş bulamıyorum",
    "ders çok verimsiz geçiyor",
    "arkadaşlarımız derhal serbest bırakılsın",
    # typed without Turkish letters
    "hakkimizi yediler",
    "sular kesik yine",
    "ne hale geldi bu okul",
    "utanmaniz yok mu",
    # the counterfactual "-mAsAydI" and the optative "-mAsIn" are negated verbs
    "keşke bu bölümü seçmeseydim",
    "keşke hiç gelmeseydim bu okula",
    "keske hic gelmeseydim",
    "böyle bir hoca kimsenin başına gelmesin",
    # shouting and elongation
    "SUYUMUZ KESİK!!!",
    "bu ne haaal",
]


@pytest.mark.parametrize("text", COMPLAINTS)
def test_complaints(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative", scorer.score(text, lang="tr")


NOT_NEGATIVE = [
    # "kesik", "kop-", "uç-" outside an outage or a price
    "kesik patates mi istersin",
    "uçak saat beşte kalkıyor",
    # "yer" without a complaint
    "yurt başvurusu için yer ayırttım",
    # "anlam", "mantık" affirmed
    "bu hediyenin benim için anlamı büyük",
    "hocanın anlattığı mantık çok net",
    # drills and awareness: no event happened
    "kadına şiddete hayır paneli yarın",
    # "sıç-" is not "sıçra-" (jump)
    "kedi masaya sıçradı",
    # an idiom's last word alone
    "okul yarın bitiyor, tatil başlıyor",
    # condolence formulas are a rite, not a complaint
    "Allah rahmet eylesin, başımız sağ olsun",
    "başınız sağ olsun hocam",
    "hocamıza Allah'tan rahmet, ailesine başsağlığı diliyoruz",
    "mekanı cennet olsun, ruhu şad olsun",
    # "götür-" (take) is not the vulgar word; "eşek" alone is the animal
    "hocam kitapları eve götürdüm",
    "çiftlikte eşek ve keçiler var",
    # encouragement
    "imkansız diye bir şey yoktur",
    # a warning is not a complaint
    "fake hesaplara dikkat edin",
    # "-sIz" denied
    "sokak hayvanları sahipsiz değil, biz varız",
    # a get-well wish is sympathy, like the condolence formulas
    "geçmiş olsun hocam, acil şifalar",
    "odam çok dağınık ama mutluyum",
    # "taciz", "zabıta" as topics of news and awareness; "şiddete karşı" campaigns
    "kampüste taciz iddiası gündemde",
    "zabıta ekipleri kantinde denetim yaptı",
    "taciz ve şiddete karşı panel düzenlendi",
    "şiddetin önlenmesi semineri yarın",
    "kadına şiddetle mücadele haftası başlıyor",
    # waiting with joy; "kaç gündür" between friends
    "yeni dönemi iki haftadır heyecanla bekliyorum",
    # "-mAsI" is a verbal noun, "-mAsA" a condition, "Mersin" a city: no negation
    "hocanın gelmesini bekliyoruz",
    "otobüsün gelmesi on dakika sürer",
    "Mersin yolundayım",
    "kimse merak etmesin, herkes güvende",
]


@pytest.mark.parametrize("text", NOT_NEGATIVE)
def test_not_negative(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative", scorer.score(text, lang="tr")


PRAISE = [
    # negated negative idioms are praise or relief
    "hocamız bizi hiç ortada bırakmadı, çok teşekkürler",
    "bu okul bana çok şey kattı, iyi ki buradayım",
    "yemekler bu dönem çok güzel, eline sağlık ustaların",
    # a counterfactual wish that it had not ended is longing
    "keşke bu tatil hiç bitmeseydi",
]


@pytest.mark.parametrize("text", PRAISE)
def test_praise(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "positive", scorer.score(text, lang="tr")


# Thanks and congratulations marked "irony" in tr.positive.tsv: beside a complaint and with no
# other praise they are sarcasm and do not offset it.
IRONIC = [
    "teşekkürler, iki haftadır cevap yok",
    "helal olsun size, harca yine zam",
    "sayenizde dersten kaldım",
    "bravo, bir haftadır internet yok",
    "teşekkürler YÖK, bizi yine düşünmediniz",
    "tesekkurler, hala gelmedi",
    "TEBRİKLER, YİNE REZİL OLDUK",
    # "ne güzel", "ne hoş" beside a complaint
    "ne güzel, yine su kesik",
    "ne hoş, yemekhaneye yine zam gelmiş",
]


@pytest.mark.parametrize("text", IRONIC)
def test_ironic_thanks(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative", scorer.score(text, lang="tr")


SINCERE = [
    # other praise beside the thanks, a solved problem, or a denied complaint
    "teşekkürler, sorunum halloldu",
    "yardımınız için teşekkürler, problem düzeldi",
    "çok teşekkürler hocam, sınav hiç zor değildi",
    "tebrikler, hiç pes etmedin",
    "teşekkürler, bugün hiç sorun yaşamadık",
    "tebrikler kızlar, harika oynadınız 👏",
    "helal olsun, maçı kazandık",
    "ne güzel bir haber",
    "ne güzel, yarın ders yok",
]


@pytest.mark.parametrize("text", SINCERE)
def test_sincere_thanks(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "positive", scorer.score(text, lang="tr")


def test_irony_reason_shows_the_thanks_did_not_count(scorer: Scorer) -> None:
    score = scorer.score("teşekkürler, iki haftadır cevap yok", lang="tr")
    thanks = [r for r in score.reasons if r.text == "teşekkürler"]
    assert thanks and thanks[0].weight == 0.0


# "(!)" after praise marks it as meant the other way round.
MARKED = [
    "harika(!) bir sistem kurmuşsunuz",
    "eksik olmayın(!)",
    "çok güzel (!) bir açıklama olmuş",
    "cok tesekkurler(!)",
]


@pytest.mark.parametrize("text", MARKED)
def test_irony_mark(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative", scorer.score(text, lang="tr")


def test_irony_mark_only_after_the_praise_it_follows(scorer: Scorer) -> None:
    # a plain exclamation is enthusiasm; a mark elsewhere leaves the praise alone
    assert label(scorer, "harika bir sistem kurmuşsunuz!") == "positive"
    assert label(scorer, "sınav sonuçları (!) açıklandı, harika geçmiş") == "positive"


def test_topic_keeps_its_severity(scorer: Scorer) -> None:
    # a "mention" adds little negativity but the level stays for the crisis view
    assert scorer.score("kampüste taciz iddiası gündemde", lang="tr").severity == 3
    assert scorer.score("garson kız arkadaşımı taciz etti", lang="tr").severity == 3


# Pronouns and demonstratives match a phrase only as written: "bunu"/"buna" are not the "bu" of
# the reproach "bu nasıl", "hepimiz" is not "hep".
@pytest.mark.parametrize(
    "text",
    [
        "bunu nasıl yapacağımı bilmiyorum, yardım eder misiniz",
        "buna nasıl başvuru yapılıyor",
        "hepimiz aynı kulübün üyesiyiz",
    ],
)
def test_pronoun_forms_do_not_start_a_phrase(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative", scorer.score(text, lang="tr")


def test_demonstrative_as_written_still_starts_a_phrase(scorer: Scorer) -> None:
    assert label(scorer, "bu nasıl bir hizmet") == "negative"
    assert label(scorer, "sular kesik yine") == "negative"  # "su" (water) keeps its lemma


# The counterfactual "-mAsAydI" presupposes what it denies: "keşke ... pahalı olmasaydı" says it
# is expensive, so the fault before it is not negated.
@pytest.mark.parametrize(
    "text",
    [
        "keşke yemekler bu kadar pahalı olmasaydı",
        "keşke hoca bu kadar kaba olmasaydı",
        "keske sinav bu kadar zor olmasaydi",
        "keşke kaydolmasaydım",
    ],
)
def test_counterfactual_keeps_the_fault(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative", scorer.score(text, lang="tr")


def test_counterfactual_keeps_the_praise(scorer: Scorer) -> None:
    text = "hocamız bu kadar iyi olmasaydı dersi bırakırdım"
    assert label(scorer, text) != "negative", scorer.score(text, lang="tr")
