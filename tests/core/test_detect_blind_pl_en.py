"""Polish and English entries added after the blind brand-mention set
(tests/fixtures/complaints_blind): sentences written for these tests, not taken from that set or
any evaluation set. Praise spelled with a negation ("no complaints", "nie mam zastrzeżeń",
"lepiej być nie mogło"), goods that arrive smashed or drinks served lukewarm, contempt shown
with an eye roll, Polish "zero kontaktu" and stock reproaches ("tak się traktuje klientów?"),
and the traps around them: the same words negated, in questions, in news, and text typed
without Polish letters."""

from __future__ import annotations

import pytest

from crisisdesk_gui.core.detect.scorer import Scorer


def label(scorer: Scorer, text: str, lang: str) -> str:
    return scorer.score(text, lang=lang).label


EN_PRAISE = [
    # praise spelled with a negation
    "No complaints from me, the pastries were fresh and the staff were lovely",
    "Absolutely no complaints, room was ready early",
    "Nothing to complain about, the courier even rang ahead",
    "Can't fault the service at all",
    "Couldn't fault the food, we'll be back",
    "Could not be happier with the new sofa",
    "Honestly couldn't be better, thank you all",
    "Could not ask for more from a local bakery",
    "You cannot go wrong with their breakfast menu",
    "Their bagels never disappoint",
    "You won't regret booking with them",
    "You wont be disappointed with the brunch",
    "Pleasantly surprised by how quick the repair was",
    "We will definitely be back for the tasting menu",
    "Can't complain, decent coffee and quick service",
]

EN_COMPLAINTS = [
    "The vase arrived smashed and customer service just keeps sending templates",
    "Two of the glasses were smashed, the box had no padding at all",
    "Half the plates were chipped when we unpacked the box",
    "Screen was scratched straight out of the packaging",
    "The tin came dented and the lid won't close",
    "Latte was lukewarm again, second time this week",
    "The soup was tepid and the bread was stale",
    "The receptionist rolled her eyes when I asked about my appointment",
    "Asked for the bill twice and the waiter rolled his eyes at us",
    # a phrase turned back by another negation is a complaint again
    "I won't be coming back, the manager rolled their eyes at my complaint",
]

EN_NEUTRAL = [
    "Smashed avocado on sourdough is back on the brunch menu",
    "Will the café be closed over the bank holiday?",
    "Our new glassware range arrives next week",
]


@pytest.mark.parametrize("text", EN_PRAISE)
def test_en_praise_with_negation_is_not_a_complaint(scorer: Scorer, text: str) -> None:
    assert label(scorer, text, "en") == "positive"


@pytest.mark.parametrize("text", EN_COMPLAINTS)
def test_en_damage_temperature_and_contempt(scorer: Scorer, text: str) -> None:
    assert label(scorer, text, "en") == "negative"


@pytest.mark.parametrize("text", EN_NEUTRAL)
def test_en_neutral_stays_neutral(scorer: Scorer, text: str) -> None:
    assert label(scorer, text, "en") == "neutral"


PL_PRAISE = [
    # pochwała z przeczeniem
    "Nie mamy żadnych zastrzeżeń, wszystko zgodnie z umową",
    "Obsługa bez zastrzeżeń, pokój czysty",
    "Nie mialam zadnych zastrzezen, kurier punktualny",  # bez polskich znaków
    "Nie było się do czego przyczepić, jedzenie pyszne",
    "Nie mam się do czego przyczepić, polecam",
    "Lepiej być nie mogło, dziękujemy za pomoc przy przeprowadzce",
    "Nie mogło być lepiej, pokój z widokiem na morze i pyszne śniadania",
    "Nie żałuję ani złotówki, buty jak nowe",
    "Nie pożałujecie, pierogi jak u babci",
    "Zamawiam tu od lat i nigdy się nie zawiodłam",
    "Ta cukiernia nigdy nie zawodzi",
    "Mechanik stanął na wysokości zadania, auto gotowe w jeden dzień",
    "Zero problemów z rezerwacją, wszystko sprawnie",
    # oceny szkolne i potoczne
    "Obsługa na medal, wrócimy na pewno",
    "Kelner na szóstkę, jedzenie też",
    "Hotel na piątkę z plusem",
]

PL_COMPLAINTS = [
    "Od tygodnia zero kontaktu z firmą, paczki nie ma",
    "Zero odzewu na maile, zero pomocy na infolinii",
    "Zero kultury u pani na kasie",
    "zero szacunku dla klienta, wiecej tam nie pojde",  # bez polskich znaków
    "Tak się traktuje klientów? Wstyd",
    "Tak traktujecie klientów? Czekam trzeci tydzień na zwrot",
    "Obsługa w urzędzie pocztowym jak za komuny",
    "Kolejki jak za PRL, a personel udaje, że nie widzi",
    "Tylko jedna kasa czynna w sobotę, kolejka do działu z pieczywem",
    # zaprzeczona pochwała to dalej skarga
    "Niestety tym razem się zawiodłam, tort był suchy",
    "Zawiedli nas kompletnie, nie polecam",
]

PL_NEUTRAL = [
    # "zero" jako liczebnik nie jest przeczeniem
    "Raty zero procent na cały asortyment do końca miesiąca",
    "Nowa lemoniada zero cukru już w naszej kawiarni",
    "Czy dostawa za zero złotych obejmuje całe miasto?",
    "Czy zawsze jest otwarta jedna kasa samoobsługowa?",
]


@pytest.mark.parametrize("text", PL_PRAISE)
def test_pl_praise_with_negation_is_not_a_complaint(scorer: Scorer, text: str) -> None:
    assert label(scorer, text, "pl") == "positive"


@pytest.mark.parametrize("text", PL_COMPLAINTS)
def test_pl_zero_and_stock_reproaches(scorer: Scorer, text: str) -> None:
    assert label(scorer, text, "pl") == "negative"


@pytest.mark.parametrize("text", PL_NEUTRAL)
def test_pl_zero_as_a_number_is_not_a_complaint(scorer: Scorer, text: str) -> None:
    assert label(scorer, text, "pl") != "negative"
