"""Imported by the forkserver that scoring parse workers fork from (core/ingest.py): the
detector's modules, the lexicons and the English lemma dictionary load once there, and every
worker inherits them instead of loading its own copy.

The language model (py3langid, ~0.6 s) is left to the workers' first score: loading it here
would delay every poll's parsing by that much, also a poll where nothing changed."""

from __future__ import annotations

import logging


def _load() -> None:
    import py3langid.langid  # noqa: F401  (numpy with it)

    from crisisdesk_gui.core.detect.lexicon import LANGS, load_emoji, load_lexicon
    from crisisdesk_gui.core.detect.scorer import analyse

    for lang in LANGS:
        load_lexicon(lang)
    load_emoji()
    analyse("warming", "en")  # the smallest dictionary; the others load when a text needs them


try:
    _load()
except Exception:  # a worker then loads what it needs itself
    logging.getLogger(__name__).exception("preloading the scorer failed")
