"""Turkish verbal nouns in -mA + possessive ("gitmemiz lazım", "kalkmam gerek") are not negated
verbs, and "hiç bu kadar … olmamıştım" is a superlative (requests of the Turkish lexicon
maintainer)."""

from __future__ import annotations

import pytest

from crisisdesk_gui.core.detect import Scorer


@pytest.mark.parametrize(
    "text",
    [
        "derse gitmemiz lazım",
        "okulu bitirmemiz için iki yıl var",
        "ders çalışmamız gerekiyor",
        "yarın erken kalkmam lazım",
        "sınava çalışmam gerek",
    ],
)
def test_a_verbal_noun_is_no_negation(scorer: Scorer, text: str) -> None:
    assert scorer.score(text, lang="tr").label == "neutral"


@pytest.mark.parametrize("text", ["bir daha buradan almam", "asla gelmem", "ürün gelmedi"])
def test_negated_verbs_stay_negated(scorer: Scorer, text: str) -> None:
    assert scorer.score(text, lang="tr").label == "negative"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hiç bu kadar mutlu olmamıştım", "positive"),
        ("hiç bu kadar güzel bir tören görmedim", "positive"),
        ("hiç bu kadar kötü bir hoca görmedim", "negative"),
        ("bu kadar pahalı olamaz", "negative"),
        ("ürün hiç gelmedi", "negative"),
    ],
)
def test_never_so_x_is_a_superlative(scorer: Scorer, text: str, expected: str) -> None:
    assert scorer.score(text, lang="tr").label == expected
