"""Turkish verbal negation against lexicon entries: an expected phrase negated by its own last
word, and an entry written negated that must not be negated again. The entries are added to a
copy of the Turkish lexicon here, so the tests do not depend on the lexicon files' contents."""

from __future__ import annotations

import copy
from collections.abc import Iterator

import pytest

from crisisdesk_gui.core.detect import Scorer
from crisisdesk_gui.core.detect import scorer as scorer_module
from crisisdesk_gui.core.detect.lexicon import Lexicon, load_lexicon


@pytest.fixture
def scorer(monkeypatch: pytest.MonkeyPatch) -> Iterator[Scorer]:
    lex = copy.deepcopy(load_lexicon("tr"))
    for entry in ("cevap ver*", "dönüş yap*", "yardımcı ol*", "telefonu aç*"):
        lex.expected.add(entry, 1.6)
    for table in (lex.negative, lex.expected):  # whatever the files say about these words
        for word in ("unutulmaz", "vazgecilmez", "sallamiyorlar"):
            table.exact.pop(word, None)
    lex.positive.add("unutulmaz", 1.6)
    lex.positive.add("vazgeçilmez", 1.4)
    lex.negative.add("sallamıyorlar", 2.0)
    lex.negative.add("kimse ilgilenmiyor", 2.0)

    def patched(lang: str) -> Lexicon:
        return lex if lang == "tr" else load_lexicon(lang)

    scorer_module.analyse.cache_clear()
    monkeypatch.setattr(scorer_module, "load_lexicon", patched)
    yield Scorer()
    scorer_module.analyse.cache_clear()


@pytest.mark.parametrize(
    "text",
    [
        "müşteri hizmetleri cevap vermiyor",
        "hocaya mail attım dönüş yapmadı",
        "kimse yardımcı olmadı",
        "telefonu açmadılar",
    ],
)
def test_expected_phrase_negated_by_its_last_word(scorer: Scorer, text: str) -> None:
    assert scorer.score(text, lang="tr").label == "negative"


def test_expected_phrase_not_negated_stays_positive(scorer: Scorer) -> None:
    assert scorer.score("cevap verdiler, teşekkürler", lang="tr").label == "positive"


def test_negative_phrase_written_negated_is_not_negated_again(scorer: Scorer) -> None:
    score = scorer.score("kimse ilgilenmiyor", lang="tr")
    assert score.label == "negative"
    assert "negative" in {r.kind for r in score.reasons}


@pytest.mark.parametrize("text", ["unutulmaz bir gündü", "bu kahve vazgeçilmez"])
def test_positive_entry_written_negated_stays_positive(scorer: Scorer, text: str) -> None:
    assert scorer.score(text, lang="tr").label == "positive"


def test_negative_entry_written_negated_counts_in_full(scorer: Scorer) -> None:
    score = scorer.score("hocalar hiç sallamıyorlar", lang="tr")
    assert score.label == "negative"
    assert any(r.kind == "negative" and r.weight >= 2.0 for r in score.reasons)


def test_negated_verb_through_its_stem_is_still_negated(scorer: Scorer) -> None:
    assert scorer.score("beğenmedim", lang="tr").label == "negative"
