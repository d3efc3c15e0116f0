"""Offline detection: language, negativity, severity, troll signals, explanations, learning.

The contract the rest of the app relies on (ingest, the board, the CLI):

- `Score` and `Reason` below.
- `load_scorer(db=None) -> Scorer`: a scorer with the profile's learned corrections applied
  (none when db is None). `Scorer.score(text, *, lang=None) -> Score` is pure and fast.
- `after_ingest(db, mention_ids)`: updates cross-item troll signals (same author on many items,
  repeated text) for newly stored mentions.
- `record_correction(db, mention_id, label)`: the user's correction; later scoring uses it at
  once, without a restart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING


@dataclass(frozen=True)
class Reason:
    kind: str  # negative | positive | negation | intensifier | emoji | severity | troll | learned
    text: str  # the word, emoji or rule as it matched
    weight: float

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "text": self.text, "weight": round(self.weight, 3)}


@dataclass(frozen=True)
class Score:
    lang: str  # tr | pl | fi | en | other
    label: str  # negative | neutral | positive
    score: float  # negativity, 0 (not at all) .. 1 (very)
    severity: int = 0  # 0 none, 1 notable, 2 serious, 3 crisis
    troll: float = 0.0  # 0..1
    reasons: tuple[Reason, ...] = field(default_factory=tuple)

    @property
    def urgency(self) -> float:
        """Board sort key: severity dominates, then negativity."""
        return round(self.severity * 10 + self.score * 10 + self.troll * 2, 3)


# The submodules import Score and Reason from here, so they load after the two are defined.
from crisisdesk_gui.core.detect.learn import record_correction  # noqa: E402
from crisisdesk_gui.core.detect.scorer import Scorer  # noqa: E402
from crisisdesk_gui.core.detect.troll import after_ingest, mention_text  # noqa: E402

if TYPE_CHECKING:
    from sqlite_utils import Database


def load_scorer(db: Database | None = None) -> Scorer:
    """A scorer with the profile's corrections; later corrections apply to it at once."""
    if db is None:
        return Scorer()
    from crisisdesk_gui.core.detect import learn

    key = learn.registered(db)
    return Scorer(lambda: learn.current(key))


def warm_up(langs: tuple[str, ...] = ("tr", "pl", "fi", "en")) -> None:
    """Load the lexicons, the language model and the lemma dictionaries (a few seconds), so the
    first score or correction does not pay for them; call it from a background thread."""
    scorer = Scorer()
    for lang in langs:
        scorer.score("warm up", lang=lang)
    scorer.score("warm up")


__all__ = [
    "Reason",
    "Score",
    "Scorer",
    "after_ingest",
    "load_scorer",
    "mention_text",
    "record_correction",
    "warm_up",
]
