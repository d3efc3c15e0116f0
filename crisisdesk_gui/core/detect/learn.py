"""Learning from the user's corrections, kept simple enough to explain on a card.

Two parts, both rebuilt from the `corrections` table:
- exact-text memory: a text the user corrected gets that label again (also when it comes back
  from another source or under another name);
- per-lemma adjustments: a lemma seen in texts marked negative gains negative weight, one seen in
  texts marked not negative loses it (never below zero), `STEP` per text, capped.

The model lives in a module-level registry keyed by the database file, so a scorer loaded
anywhere in the process sees a correction at once; it is stored in the database, so it
survives a restart.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from crisisdesk_gui.core.db import iso, utcnow
from crisisdesk_gui.core.text import fold

if TYPE_CHECKING:  # sqlite-utils (and the numpy it may pull in) loads where a database opens
    from sqlite_utils import Database

LABELS = ("negative", "not_negative")
STEP = 0.5
MAX_GAIN = 1.5
MAX_LOSS = 3.0
MIN_LEMMA = 3

_NOISE = re.compile(r"https?://\S+|www\.\S+|@\w+")
_NON_WORD = re.compile(r"[\W_]+")


def text_key(text: str) -> str:
    """Text compared for "the same text": folded, no links, mentions, punctuation or emoji,
    elongation squeezed ("SCAM!!! 😡" and "scaaam" meet)."""
    from crisisdesk_gui.core.detect.lexicon import squeeze

    text = _NOISE.sub(" ", text)
    # fold() of ASCII text is its lower case; the per-character pass costs a first poll seconds
    folded = text.lower() if text.isascii() else fold(text)
    return squeeze(_NON_WORD.sub(" ", folded).strip())


@dataclass(frozen=True)
class Learned:
    memory: dict[str, str] = field(default_factory=dict)  # text_key → negative | not_negative
    lemmas: dict[str, float] = field(default_factory=dict)  # folded lemma → weight change
    count: int = 0


EMPTY = Learned()
_REGISTRY: dict[str, Learned] = {}
_LOCK = threading.Lock()


def db_key(db: Database) -> str:
    row = db.execute("PRAGMA database_list").fetchone()
    return row[2] or f"memory:{id(db.conn)}"


def build(db: Database, ignore: set[str] | None = None) -> Learned:
    """The model from the corrections table; the latest correction of a text wins."""
    from crisisdesk_gui.core.detect.lexicon import LANGS, load_lexicon
    from crisisdesk_gui.core.detect.scorer import analyse

    ignore = ignore if ignore is not None else _keywords(db)
    memory: dict[str, str] = {}
    latest: dict[str, tuple[str, str]] = {}
    rows = db.execute("SELECT text, lang, label FROM corrections ORDER BY id").fetchall()
    for text, lang, label in rows:
        if label not in LABELS or not text:
            continue
        key = text_key(text)
        memory[key] = label
        latest[key] = (text, lang or "en")
    votes: Counter[str] = Counter()
    for key, (text, lang) in latest.items():
        sign = 1 if memory[key] == "negative" else -1
        lang = lang if lang in LANGS else "en"
        lex = load_lexicon(lang)
        tokens = [analyse(word, lang) for word in re.findall(r"[^\W\d_]+", text)]
        lemmas = {
            t.lemma
            for t in tokens
            # function words, negators and intensifiers carry no polarity of their own
            if t.surface not in lex.stopwords
            and t.lemma not in lex.stopwords
            and not t.negator
            and not t.intensifier
            and not t.contrast
        }
        for lemma in lemmas:
            if len(lemma) >= MIN_LEMMA and lemma not in ignore:
                votes[lemma] += sign
    lemmas = {lemma: max(-MAX_LOSS, min(MAX_GAIN, STEP * v)) for lemma, v in votes.items() if v}
    return Learned(memory=memory, lemmas=lemmas, count=len(rows))


def _keywords(db: Database) -> set[str]:
    """Brand and product names are in every text; they must never learn a polarity."""
    # Plain SQL: parse workers load the scorer on a connection that need not import sqlite-utils.
    if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'keywords'").fetchone():
        return set()
    words: set[str] = set()
    for (folded,) in db.execute("SELECT folded FROM keywords").fetchall():
        words.update((folded or "").split())
    return words


def registered(db: Database) -> str:
    """Load (once) the profile's model into the registry; returns its key."""
    key = db_key(db)
    with _LOCK:
        if key not in _REGISTRY:
            _REGISTRY[key] = build(db)
    return key


def current(key: str) -> Learned:
    return _REGISTRY.get(key, EMPTY)


def refresh(db: Database) -> Learned:
    learned = build(db)
    with _LOCK:
        _REGISTRY[db_key(db)] = learned
    return learned


def record_correction(db: Database, mention_id: int, label: str) -> None:
    """Store the user's verdict on a mention and apply it to the next score at once.

    label: "negative" or "not_negative". The mention's own label follows the verdict; its lane
    and history are the board's business.
    """
    if label not in LABELS:
        raise ValueError(f"label must be one of {', '.join(LABELS)}, not {label!r}")
    row = db.execute(
        "SELECT title, text, lang, label FROM mentions WHERE id = ?", [mention_id]
    ).fetchone()
    if row is None:
        raise ValueError(f"no mention with id {mention_id}")
    title, body, lang, old_label = row
    from crisisdesk_gui.core.detect.troll import mention_text

    text = mention_text(title, body)
    new_label = (
        "negative"
        if label == "negative"
        else (old_label if old_label in ("positive", "neutral") else "neutral")
    )
    with db.conn:
        db.execute(
            "INSERT INTO corrections(mention_id, text, lang, label, at) VALUES (?, ?, ?, ?, ?)",
            [mention_id, text, lang, label, iso(utcnow())],
        )
        db.execute("UPDATE mentions SET label = ? WHERE id = ?", [new_label, mention_id])
    refresh(db)
