"""Language identification of short, noisy texts."""

from __future__ import annotations

import pytest

from crisisdesk_gui.core.detect.langid import identify


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Kargo hâlâ gelmedi, çok sinirliyim", "tr"),
        ("kargo hala gelmedi cok sinirliyim", "tr"),
        ("@LezzetFirini simitler bugün çok tazeydi 👍 https://t.co/x", "tr"),
        ("Paczka nadal nie dotarła, jestem zła", "pl"),
        ("paczka nadal nie dotarla, jestem zla", "pl"),
        ("Dziękuję za szybką dostawę!", "pl"),
        ("Paketti ei vieläkään tullut perille", "fi"),
        ("paketti ei vielakaan tullut perille", "fi"),
        ("Kiitos nopeasta toimituksesta!", "fi"),
        ("The parcel still hasn't arrived", "en"),
        ("thx for the quick delivery!!", "en"),
        ("@shop where is my order?? #fail", "en"),
    ],
)
def test_our_four_languages(text: str, lang: str) -> None:
    assert identify(text)[0] == lang


@pytest.mark.parametrize(
    "text",
    [
        "",
        "😡😡😡",
        "12:30 !!!",
        "https://example.com/x",
        "Das Paket ist immer noch nicht da",
        "Le colis n'est toujours pas arrivé, c'est nul",
    ],
)
def test_other(text: str) -> None:
    assert identify(text)[0] == "other"


def test_a_long_text_is_judged_by_its_beginning() -> None:
    # The model's cost grows with the text; a few sentences settle the language. A Finnish
    # review that quotes a long English reply is Finnish.
    finnish = "Tilasin kakun syntymäpäiville, mutta se tuli myöhässä ja oli kuivaa. " * 3
    english = "We apologise for the inconvenience and will refund your order soon. " * 40
    assert identify(finnish + english)[0] == "fi"
    assert identify(english)[0] == "en"
