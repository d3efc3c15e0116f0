"""Turkish, fifth round: sentences written for these tests, not taken from any evaluation set.
Burnt food and the resigned "ne diyeyim"; waiting counted in days or hours; the wrong item sent
("X yerine Y gönderdiniz"); a fault only supposed ("hasarlı gelirse"); questions that ask for a
policy or a procedure, against rhetorical reproaches; negative concord ("asla" with a negated
verb) and praise that denies a fault ("hayal kırıklığı yaratmıyor", "mağdur etmedi"); "doğum
günü" as a topic; with their traps (lights that burn, "yerine getirmek", text typed without
Turkish letters)."""

from __future__ import annotations

import pytest

from crisisdesk_gui.core.detect.scorer import Scorer


def label(scorer: Scorer, text: str) -> str:
    return scorer.score(text, lang="tr").label


COMPLAINTS = [
    # burnt food
    "Pizzanın altı yanmış, üstü çiğ kalmış.",
    "Börekler yanmış geldi, yenmeyecek halde.",
    "pilavin dibi tutmus, komur gibi tadi var",
    "poğaçalar kömür olmuş",
    # the resigned sigh beside a fault
    "Kargo yine gecikti, ne diyeyim...",
    # waiting counted
    "Siparişim 3 gündür yolda, kimse bilgi vermiyor.",
    "İki haftadır kargomu bekliyorum.",
    # the wrong item
    "Kırmızı kazak yerine mavi bir kazak göndermişsiniz.",
    "kahve yerine cay getirdiler, siparisimi dinlemediler bile",
    "Tereyağı yerine margarin kullanmışlar, tadı berbat.",
    "Teşekkürler, hediye paketi yerine boş bir kutu yolladınız.",
    # a real fault before a question stays a complaint
    "Ürün hasarlı geldi, iade yapıyor musunuz?",
    "Ürün kırık geldi. İadeyi nasıl yapabilirim?",
    # rhetorical reproaches are complaints
    "Utanmıyor musunuz?",
    "Siz ciddi misiniz, ürün kırık geldi!",
    "Neden hâlâ iade yapılmadı?",
    "Bu rezaleti kime şikayet etmem gerekiyor?",
    # a procedure question about one's own fault still complains
    "Bozuk çıkan telefon için hangi servise gitmem lazım?",
    "Geciken siparişim için kime şikayet etmem gerekiyor?",
    "Kargom kaybolmuş, nereden takip edebilirim?",
    # "asla" with a negated verb still complains, and alone too
    "Asla memnun kalmadım.",
    "Bir daha asla!",
    # the faults themselves, not denied
    "Beni mağdur ettiniz, paramı geri istiyorum.",
    "Maalesef bu sefer hayal kırıklığı yarattınız.",
    "Bu sefer büyük hayal kırıklığına uğradım.",
]


@pytest.mark.parametrize("text", COMPLAINTS)
def test_complaint(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "negative", scorer.score(text, lang="tr")


NOT_NEGATIVE = [
    # lights burn, days are days
    "Odanın ışığı yanmış, biri içeride galiba.",
    "Sokak lambaları yanmış, akşam oldu.",
    "Bugün öğrencilerimiz için önemli bir gündür.",
    "3 gündür buradayız, tatil harika geçiyor.",
    # "ne diyeyim" before praise
    "ne diyeyim, harika bir akşamdı",
    "Ne diyeyim, bayıldım!",
    # "yerine getirmek" (fulfil), "yerine gelmek" (come true), the business explaining
    "Verdiğiniz sözü eksiksiz yerine getirdiniz, teşekkürler.",
    "Dileğim yerine geldi, çok mutluyum!",
    "Kırmızı yerine mavi gönderdik, dilerseniz değiştirebiliriz.",
    "Ödül töreninde rektörümüz yerine dekanımız ödülleri verdi.",
    "Pazartesi yerine salı günü ders yapılacak.",
    # a supposed fault in a policy question
    "Kargo geç gelirse ücret iadesi yapıyor musunuz?",
    "Ürün bozuk çıkarsa değişim yapılıyor mu?",
    "eger paket kayip olursa ne yapmam gerekiyor?",
    # procedure questions
    "Şikayetimi kime iletmem lazım?",
    "İade için hangi adrese göndermem gerekiyor?",
    "Şikâyetimi nereden yapabilirim? @TeknoMarket",
    "Başvuru için belgeleri getirmeniz gerekiyor.",
    # "doğum günü" is a topic
    "Doğum günü pastası siparişi vermek istiyorum.",
]


@pytest.mark.parametrize("text", NOT_NEGATIVE)
def test_not_negative(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) != "negative", scorer.score(text, lang="tr")


PRAISE = [
    "bu firma asla hayal kirikligi yaratmiyor",
    "Yemekleri hiçbir zaman hayal kırıklığı yaratmadı.",
    "Bu mağaza beni hiç hayal kırıklığına uğratmadı.",
    "Yıllardır alışveriş yapıyorum, beni hiç mağdur etmediler.",
    "Kargo firması bizi asla mağdur etmez, gönül rahatlığıyla.",
    "Hiç hayal kırıklığına uğramadım, çok lezzetliydi.",
    "Gönül rahatlığıyla alın, hayal kırıklığına uğramazsınız.",
    "hic hayal kirikligina ugramadik",
]


@pytest.mark.parametrize("text", PRAISE)
def test_denied_fault_is_praise(scorer: Scorer, text: str) -> None:
    assert label(scorer, text) == "positive", scorer.score(text, lang="tr")


def test_asla_does_not_negate_a_second_time(scorer: Scorer) -> None:
    reasons = scorer.score("Asla hayal kırıklığı yaratmıyor.", lang="tr").reasons
    assert not any(r.kind == "negation" for r in reasons), reasons


def test_question_keeps_insults(scorer: Scorer) -> None:
    # the question softens the problem words, never the swearing
    text = "Ürün bozuk gelirse iade yapıyor musunuz, şerefsizler?"
    assert label(scorer, text) == "negative", scorer.score(text, lang="tr")


def test_supposed_fault_outside_a_question(scorer: Scorer) -> None:
    # a supposed fault weighs little, an announced complaint still counts
    assert label(scorer, "Sipariş yine geç gelirse şikayet edeceğim.") == "negative"


def test_gerek_is_no_complaint(scorer: Scorer) -> None:
    score = scorer.score("Formu doldurmanız gerekiyor.", lang="tr")
    assert score.label == "neutral" and score.score < 0.05, score
