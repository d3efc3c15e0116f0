"""Language identification: tr, pl, fi, en or other, with py3langid's bundled model."""

from __future__ import annotations

import logging
import marshal
import os
import re
import tempfile
from array import array
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crisisdesk_gui.core.detect.lexicon import LANGS

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

log = logging.getLogger(__name__)

OTHER = "other"
# Below this (probabilities renormalised over our four languages) the text is too short or too
# foreign to say.
MIN_CONFIDENCE = 0.5
# The full model's verdict for another language overrides ours only when it is this sure.
FOREIGN_CONFIDENCE = 0.9
# Above this our four-language verdict is taken without asking the full model (a foreign text
# spreads its probability over our four languages).
SURE = 0.995
# The model reads this much of a text: its cost grows with the length, its verdict stops
# changing long before (a long review says in its first sentences what language it is in).
SAMPLE_CHARS = 200

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
    import numpy as np
    from py3langid.langid import LanguageIdentifier

    ptc, pc, classes, nextmove, row, output = _model_parts()
    full = LanguageIdentifier(
        np.asarray(ptc), np.asarray(pc), classes, nextmove, output, norm_probs=True, tk_row=row
    )
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


def _model_parts() -> tuple[Any, ...]:
    """py3langid's model as `load_model` returns it. Its file is xz-compressed: unpacking it
    took ~0.35 s of every process that identifies a text, so the unpacked parts are kept in the
    user cache folder (marshal, ~70 MB) and read back in ~0.1 s."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE
    from py3langid.modelio import load_model

    source = MODEL_DIR / MODEL_FILE
    cached = _model_cache_file(source)
    if cached is not None:
        parts = _read_model_cache(cached)
        if parts is not None:
            return parts
    parts = load_model(source)
    if cached is not None:
        _write_model_cache(cached, parts)
    return parts


CACHE_FORMAT = 1


def _model_cache_file(source: Path) -> Path | None:
    import platformdirs
    from py3langid import __version__

    try:
        stat = source.stat()
    except OSError:
        return None
    folder = Path(platformdirs.user_cache_dir("CrisisDesk", appauthor=False)) / "langid"
    return folder / f"model-{__version__}-{stat.st_size}-{stat.st_mtime_ns}-v{CACHE_FORMAT}.bin"


def _read_model_cache(path: Path) -> tuple[Any, ...] | None:
    import numpy as np

    try:
        data = path.read_bytes()
        ptc, shape, ptc_type, pc, pc_type, classes, nm_code, nm, row_code, row, out = marshal.loads(
            data
        )
        nextmove, rows = array(nm_code), array(row_code)
        nextmove.frombytes(nm)
        rows.frombytes(row)
        return (
            np.frombuffer(ptc, dtype=ptc_type).reshape(shape),
            np.frombuffer(pc, dtype=pc_type),
            classes,
            nextmove,
            rows,
            out,
        )
    except (OSError, EOFError, ValueError, TypeError):
        return None


def _write_model_cache(path: Path, parts: tuple[Any, ...]) -> None:
    ptc, pc, classes, nextmove, row, output = parts
    try:
        blob = marshal.dumps(
            (
                ptc.tobytes(),
                ptc.shape,
                ptc.dtype.str,
                pc.tobytes(),
                pc.dtype.str,
                list(classes),
                nextmove.typecode,
                nextmove.tobytes(),
                row.typecode,
                row.tobytes(),
                list(output),
            )
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".model-", dir=path.parent)
    except (OSError, ValueError, AttributeError) as exc:  # read-only home, another layout
        log.info("cannot keep the language model in the cache: %s", exc)
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, path)
    except OSError as exc:
        log.info("cannot keep the language model in the cache: %s", exc)
        Path(tmp).unlink(missing_ok=True)


@lru_cache(maxsize=4096)
def identify(text: str) -> tuple[str, float]:
    """(language, confidence); "other" when the text has no letters or no clear language."""
    clean = _NOISE.sub(" ", text)
    if len(clean) > SAMPLE_CHARS:
        cut = clean.rfind(" ", 0, SAMPLE_CHARS)  # whole words only
        clean = clean[: cut if cut > 0 else SAMPLE_CHARS]
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
