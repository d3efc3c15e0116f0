"""Imported by the forkserver that scoring parse workers fork from (core/ingest.py): the
detector's modules, the language model, the lexicons and the English lemma dictionary load once
there, and every worker inherits them instead of loading its own copy.

A trade-off, measured with `python -m bench bench_ingest`: the CPU saved (~1 s per worker) makes
a first poll faster on a busy machine, while a CLI poll where nothing changed waits ~0.5 s more
for the forkserver. The app keeps its forkserver between polls, so it pays this once.
"""

from __future__ import annotations

import logging


def _load() -> None:
    from crisisdesk_gui.core.detect.langid import identify
    from crisisdesk_gui.core.detect.lexicon import LANGS, load_emoji, load_lexicon
    from crisisdesk_gui.core.detect.scorer import analyse

    identify("warm up")
    for lang in LANGS:
        load_lexicon(lang)
    load_emoji()
    analyse("warming", "en")  # the smallest dictionary; the others load when a text needs them


try:
    _load()
except Exception:  # a worker then loads what it needs itself
    logging.getLogger(__name__).exception("preloading the scorer failed")
