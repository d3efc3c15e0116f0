"""Turkish lexicon, second coverage round (issue #3): sentences written for these tests, not
taken from any evaluation set. Everyday praise and student joy, campus and public complaints,
negated forms that are not complaints."""

from __future__ import annotations

import pytest

from crisisdesk_gui.core.detect.scorer import Scorer

PRAISE = [
    "ODTÜ'yü kazandığımı öğrendim, sevinçten yerimde duramıyorum",
    "hocanın anlatımı çok akıcı, her şeyi anladım",
    "üniversite hayatım boyunca unutamayacağım anılar biriktirdim",
    "müthiş bir konserdi",
    "iyiki bu bölümü seçmişim",
    "projemiz TÜBİTAK desteği almaya hak kazandı",
    "şenlik dolu dolu geçti",
    "hocamız çok alçak gönüllü biri",
    "yalnız değilsiniz arkadaşlar, yanınızdayız",
    "bu hocanın üstüne yok",
    "hocamı dinlemeye doyamadım",
    "yüzme takımımız üniversite rekorunu kırdı, tebrikler",
    "sonunda finaller bitti, tatil başlıyor",
    "mühendislik fakültemiz akreditasyon aldı, tebrikler",
    "mezuniyette mutluluk gözyaşları döktük",
]


@pytest.mark.parametrize("text", PRAISE)
def test_praise(scorer: Scorer, text: str) -> None:
    assert scorer.score(text, lang="tr").label == "positive", scorer.score(text, lang="tr")


NOT_NEGATIVE = [
    # negated forms that neither complain nor deny anything
    "sorularınız için bize yazmaktan çekinmeyin",
    "hangi şubeye gideceğim fark etmez",
    "yarınki toplantının saatinden emin değilim",
    "hocanın adını hatırlamıyorum",
    # "inanılmaz" looks like a negated verb but is praise or surprise
    "inanılmaz bir deneyimdi",
    # words the negated-verb pattern mistakes for verbs
    "tamam hocam, yarın görüşürüz",
    "Prof. Dr. Ayşe Yılmaz açılış konuşmasını yapacak",
    "tarihi hamam gezisine katıldık",
    # seminar and awareness topics, invitations
    "stres yönetimi semineri perşembe günü konferans salonunda",
    "sinir bilimi laboratuvarımız yeni üyelerini bekliyor",
    "kadına şiddete hayır yürüyüşüne tüm öğrencilerimizi bekleriz",
    # "-sız" forms that a negative prefix used to catch, praise said negated
    "kampüste kesintisiz internet var artık",
    "dersler sıkıntısız geçti",
    "üç saat derste hiç sıkılmadım",
    # research news and hopes that mention negative topics
    "biyoloji bölümü yeni bir böcek türü keşfetti",
    "deney faresi üzerinde yapılan çalışma yayımlandı",
    "yeni dönemi heyecanla bekliyorum",
    "iklim krizi paneli yarın saat 14'te",
    "eksik evrakı olan öğrencilerimiz öğrenci işlerine başvurabilir",
    # announcements and plain facts said with a negation
    "bu dönem kaç ders alacağım henüz belli değil",
    "bilgisayar mühendisliği mi endüstri mühendisliği mi, karar veremedim",
    "öğrencilerin dikkatine: kimlik kartı olmadan sınava girilemez",
    "yarın kar nedeniyle ders olmayacak",
    "geç yapılan başvurular kabul edilmeyecektir",
    # memorial days and the end of exams
    "Ulu Önder Atatürk'ü vefatının yıl dönümünde saygı ve özlemle anıyoruz",
    "Çanakkale şehitlerimizi rahmet ve minnetle anıyoruz",
    "endişelenmeye gerek yok, başvurular uzatıldı",
    # prefixes that fold onto other words ("sitem" in "sitemizde", "hesap sorusu")
    "duyuru web sitemizde yayımlandı",
    "yarınki sınavda iki hesap sorusu çıkacak",
    # "=öldük" must not fold onto "olduk"
    "hepimiz aynı kulübün üyesi olduk",
    "hepimiz aynı şeyi düşünüyoruz, harika bir ekip",
    # "tatlı" is a dessert as often as it is sweet
    "yemekhanede bugün tatlı yoktu",
]


@pytest.mark.parametrize("text", NOT_NEGATIVE)
def test_not_negative(scorer: Scorer, text: str) -> None:
    assert scorer.score(text, lang="tr").label != "negative", scorer.score(text, lang="tr")


COMPLAINTS = [
    "yurtlar dolu, öğrenciler sokakta kaldı",
    "öğrenciden para sızdırmaya çalışıyorlar",
    "derslerin yarısı boş geçiyor",
    "servis sabahları balık istifi",
    "yurt odasında tavan akıyor",
    "rektörün tezinde intihal çıktı",
    "ihale usulsüzlükle verilmiş",
    "hala mı bu sorun çözülmedi",
    "pes yani, bu okul nereye gidiyor",
    "yetkilileri göreve davet ediyorum",
    "komiksiniz, bu ne biçim açıklama",
    "hocalar liyakate göre değil kadrolaşmayla seçiliyor",
    "okulum uzadı, bir yıl daha harç ödeyeceğim",
    "öğrenciler yaka paça gözaltına alındı",
    "bu okulda öğrenci hakkı diye bir şey kalmadı",
    "öğrencileri hor gören bir yönetim",
    "dilekçemizi aylardır geçiştiriyorlar",
    "keyfi uygulamalarla öğrencileri mağdur ediyorlar",
    "üniversite ticarethane olmuş",
    "iki haftadır cevap bekliyoruz",
    "öğrencilere ters kelepçe takıldı",
    "bizi rahat bırakın artık",
    "Allah'tan korkun, öğrenciye bunu yapmayın",
    "yemekhanede porsiyonlar küçük, doymuyoruz",
    "sınav tamamen müfredat dışıydı",
    "yurtların hali içler acısı",
    "bu habere hiç şaşırmadık",
    "yemekten böcek çıktı",
    "yurtta fare gördük",
    "iki haftadır cevap bekliyorum",
    "sınav tarihi hâlâ belli değil",
    "hocam bu iş böyle olmayacak",
    # "gerek" (a low-weight root for "gerek yok") must not hide "gereksiz*"
    "bu kural tamamen gereksizdi",
    "öğrencileri bezdirdiler, herkes okulu bırakıyor",
    "bu yaptığınızın hesabı sorulacak",
    "bursum kesildi, ne yapacağım bilmiyorum",
    "yemekhane artık paralı oldu",
    "dört yılım çöpe gitti",
    "bu mu üniversite ya",
    "sınav haftası geldi, öldük",
]


@pytest.mark.parametrize("text", COMPLAINTS)
def test_complaints(scorer: Scorer, text: str) -> None:
    assert scorer.score(text, lang="tr").label == "negative", scorer.score(text, lang="tr")
