"""Questions about a case that has not happened ask; questions about one's own case complain."""

from __future__ import annotations

import pytest

from crisisdesk_gui.core.detect import load_scorer


@pytest.fixture(scope="module")
def scorer():
    return load_scorer()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "What happens if my parcel gets lost?"),
        ("en", "In case the courier is late, can I pick the cake up myself?"),
        ("pl", "Co mam zrobić, gdyby paczka zaginęła?"),
        ("pl", "W razie opóźnienia mogę odebrać tort sam?"),
        # without diacritics
        ("pl", "Co mam zrobic, gdyby paczka zaginela?"),
    ],
)
def test_a_conditional_question_is_not_a_complaint(scorer, lang: str, text: str) -> None:
    assert scorer.score(text, lang=lang).label != "negative"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the customer's own case, a reproach, a threat: no conditional question
        ("en", "Can I get a refund for my cancelled order?"),
        ("en", "Why is my order late again?"),
        ("en", "If the order is late again I am done with you!"),
        ("en", "My parcel got lost. What happens if I ask for a refund?"),
        ("pl", "Kiedy wreszcie oddacie mi pieniądze za uszkodzony towar?"),
        ("pl", "Jeśli jeszcze raz dostanę zimną pizzę, to koniec z wami!"),
        # insults still count in a conditional question
        ("en", "What if your idiot driver loses it again, you clowns?"),
    ],
)
def test_questions_about_ones_own_case_still_complain(scorer, lang: str, text: str) -> None:
    assert scorer.score(text, lang=lang).label == "negative"
