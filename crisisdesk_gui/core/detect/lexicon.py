"""Lexicons: data files in resources/lexicons/, one per language and kind.

File formats (UTF-8, `#` starts a comment, blank lines ignored):

- `xx.negative.tsv`, `xx.positive.tsv`: `entry<TAB>weight` (weight > 0, the strength).
- `xx.expected.tsv`: things a customer expects (arrive, work, answer, refund); negated they are a
  complaint ("gelmedi", "nie działa", "ei toimi", "never arrived"). `entry<TAB>weight`.
- `xx.negators.txt`: `word[<TAB>before]`; "before" means the negator follows what it negates
  (Turkish "memnun değil"), otherwise it negates the next few words.
- `xx.intensifiers.txt`: `word<TAB>multiplier` (below 1 for downtoners such as "a bit").
- `xx.severity.tsv`: `entry<TAB>level (1..3)<TAB>category`.
- `xx.insults.txt`: `entry<TAB>weight` (how bad the insult is, 1..3).
- `xx.contrast.txt`: one word a line ("but"); closes a negation's scope.
- `emoji.tsv` (shared): `emoji or emoticon<TAB>valence` (below 0 negative, above 0 positive).

An entry is a word or a phrase of words separated by spaces. Each word is matched on the text's
folded surface form and on its folded lemma (simplemma), so "beznadziejna obsluga" matches
"beznadziejny" and "obsługa". A word ending in `*` is a prefix: "berbat*" also matches
"berbattı" and text without diacritics where no lemma is found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from crisisdesk_gui.core.paths import resources_dir
from crisisdesk_gui.core.text import fold

LANGS = ("tr", "pl", "fi", "en")
MIN_PREFIX = 3


def lexicon_dir() -> Path:
    return resources_dir() / "lexicons"


def norm_word(word: str) -> str:
    """The key every lookup uses: folded, elongation squeezed ("Berbaaat" → "berbat")."""
    return squeeze(fold(word))


def squeeze(word: str) -> str:
    """Collapse runs of 3 or more of one letter to one."""
    out: list[str] = []
    run = 0
    prev = ""
    for ch in word:
        run = run + 1 if ch == prev else 1
        prev = ch
        if run < 3:
            out.append(ch)
        elif run == 3:
            out.pop()  # "aaa…" → "a": the doubled letter was elongation too
    return "".join(out)


@dataclass
class Table:
    """Entries of one kind: exact words, prefixes and phrases, each with a value."""

    exact: dict[str, float] = field(default_factory=dict)
    prefix: dict[str, float] = field(default_factory=dict)
    # first word → [(words, value, entry text)], longest first
    phrases: dict[str, list[tuple[tuple[str, ...], float, str]]] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)  # entry → third column (category)

    def add(self, entry: str, value: float, extra: str = "") -> None:
        words = tuple(
            norm_word(w) if not w.endswith("*") else norm_word(w[:-1]) + "*" for w in entry.split()
        )
        if not words:
            return
        key = " ".join(words)
        if extra:
            self.extra[key] = extra
        if len(words) == 1:
            word = words[0]
            if word.endswith("*"):
                self.prefix[word[:-1]] = value
            else:
                self.exact[word] = value
            return
        first = words[0].rstrip("*")  # a phrase starts with an exact word
        bucket = self.phrases.setdefault(first, [])
        bucket.append((words, value, key))
        bucket.sort(key=lambda item: -len(item[0]))

    def word(self, surface: str, lemma: str) -> tuple[str, float] | None:
        """The entry that a single token matches: exact surface, exact lemma, longest prefix."""
        for form in (surface, lemma):
            if form in self.exact:
                return form, self.exact[form]
        if self.prefix:
            for form in (surface, lemma):
                for end in range(len(form), MIN_PREFIX - 1, -1):
                    stem = form[:end]
                    if stem in self.prefix:
                        return stem + "*", self.prefix[stem]
        return None

    def phrase_at(
        self, surfaces: list[str], lemmas: list[str], i: int
    ) -> tuple[int, float, str] | None:
        """(length, value, entry) of the longest phrase starting at token i."""
        candidates = self.phrases.get(surfaces[i]) or self.phrases.get(lemmas[i])
        if not candidates:
            return None
        for words, value, key in candidates:
            if i + len(words) > len(surfaces):
                continue
            if all(_word_matches(w, surfaces[i + k], lemmas[i + k]) for k, w in enumerate(words)):
                return len(words), value, key
        return None


def _word_matches(pattern: str, surface: str, lemma: str) -> bool:
    if pattern.endswith("*"):
        stem = pattern[:-1]
        return surface.startswith(stem) or lemma.startswith(stem)
    return pattern in (surface, lemma)


@dataclass
class Lexicon:
    lang: str
    negative: Table
    positive: Table
    expected: Table
    severity: Table
    insults: Table
    intensifiers: dict[str, float]
    negators: Table  # value 1: negates the next words; -1: negates the words before it
    contrast: frozenset[str]
    forms: dict[str, str]  # folded inflected form → folded lemma (see detect/forms.py)


def _rows(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split(" #", 1)[0].strip() if not line.startswith("#") else ""
        if line:
            rows.append([part.strip() for part in line.split("\t")])
    return rows


def _table(path: Path, default: float = 1.0) -> Table:
    table = Table()
    for row in _rows(path):
        value = float(row[1]) if len(row) > 1 and row[1] else default
        table.add(row[0], value, row[2] if len(row) > 2 else "")
    return table


@cache
def load_lexicon(lang: str) -> Lexicon:
    base = lexicon_dir()
    return Lexicon(
        lang=lang,
        negative=_table(base / f"{lang}.negative.tsv"),
        positive=_table(base / f"{lang}.positive.tsv"),
        expected=_table(base / f"{lang}.expected.tsv"),
        severity=_table(base / f"{lang}.severity.tsv", 1),
        insults=_table(base / f"{lang}.insults.txt", 1.5),
        intensifiers={
            norm_word(r[0]): float(r[1]) if len(r) > 1 else 1.5
            for r in _rows(base / f"{lang}.intensifiers.txt")
        },
        negators=_negators(base / f"{lang}.negators.txt"),
        contrast=frozenset(norm_word(r[0]) for r in _rows(base / f"{lang}.contrast.txt")),
        forms={r[0]: r[1] for r in _rows(base / f"{lang}.forms.tsv") if len(r) > 1},
    )


def _negators(path: Path) -> Table:
    table = Table()
    for row in _rows(path):
        table.add(row[0], -1.0 if len(row) > 1 and row[1] == "before" else 1.0)
    return table


@cache
def load_emoji() -> dict[str, float]:
    """Emoji (without variation selectors) and emoticons → valence."""
    return {
        r[0].replace("\ufe0f", ""): float(r[1])
        for r in _rows(lexicon_dir() / "emoji.tsv")
        if len(r) > 1
    }
