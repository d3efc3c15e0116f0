"""Language identification: tr, pl, fi, en or other, with py3langid's bundled model."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from crisisdesk_gui.core.detect.lexicon import LANGS

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

OTHER = "other"
# Below this (probabilities renormalised over our four languages) the text is too short or too
# foreign to say.
MIN_CONFIDENCE = 0.5
# The full model's verdict for another language overrides ours only when it is this sure.
FOREIGN_CONFIDENCE = 0.9
# Above this our four-language verdict is taken without asking the full model (a foreign text
# spreads its probability over our four languages).
SURE = 0.995

_LETTER = re.compile(r"[^\W\d_]")
_NOISE = re.compile(r"https?://\S+|www\.\S+|[@#]\w+")
# Words that only ASCII-fied Turkish or Polish use, for short texts the model hesitates on.
_HINTS = {
    lang: frozenset(words.split())
    for lang, words in {
        "tr": "ve bir bu cok çok icin için degil değil yok hic hiç ama ile gibi siparis sipariş "
        "kargo urun ürün iade berbat rezalet musteri müşteri hala hâlâ neden niye artik artık "
        "bana beni sizin size",
        "pl": "nie jest sie się ze że jak juz już bardzo polecam zamowienie zamówienie obsluga "
        "obsługa paczka zwrot brak nigdy dla mnie moje",
        "fi": "ei ja se että etta mutta kun tilaus paketti palautus huono ihan tosi",
        "en": "the and is not my was of for you it this that with",
    }.items()
}


@cache
def _identifiers() -> tuple[LanguageIdentifier, LanguageIdentifier]:
    # Imported here: py3langid brings numpy, which a process that only stores mentions or
    # shows the board never needs.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    full = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # The same model, restricted: decompressing it a second time cost ~0.5 s per process.
    ours = LanguageIdentifier(
        full.nb_ptc,
        full.nb_pc,
        full.nb_classes,
        full.tk_nextmove,
        full.tk_output,
        norm_probs=True,
        tk_row=full.tk_row,
    )
    ours.set_languages(list(LANGS))
    return full, ours


@lru_cache(maxsize=4096)
def identify(text: str) -> tuple[str, float]:
    """(language, confidence); "other" when the text has no letters or no clear language."""
    clean = _NOISE.sub(" ", text)
    if not _LETTER.search(clean):
        return OTHER, 0.0
    full, ours = _identifiers()
    lang, prob = ours.classify(clean)
    if prob < 0.99:
        hint = _hint(clean)
        if hint and (prob < MIN_CONFIDENCE or hint != lang):
            return hint, max(prob, 0.5)
    if prob < MIN_CONFIDENCE:
        return OTHER, float(prob)
    if prob < SURE:
        foreign, fprob = full.classify(clean)
        if foreign not in LANGS and fprob >= FOREIGN_CONFIDENCE:
            return OTHER, float(fprob)
    return lang, float(prob)


def _hint(text: str) -> str | None:
    words = text.lower().split()
    counts = {lang: sum(w.strip(".,!?") in hints for w in words) for lang, hints in _HINTS.items()}
    best = max(counts, key=lambda k: counts[k])
    ranked = sorted(counts.values(), reverse=True)
    if ranked[0] >= 1 and ranked[0] > ranked[1]:
        return best
    return None
