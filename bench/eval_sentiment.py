"""`make eval`: the negativity scorer against labelled sets.

- ../shared/eval/sentiment/{tr,pl,fi,en}.tsv (held out: measured here, never used to build
  lexicons; CRISISDESK_SHARED overrides the folder), and
- tests/fixtures/complaints/{tr,pl,fi,en}.tsv, our own brand-complaint style sentences, and
- tests/fixtures/complaints_blind/{tr,pl,fi,en}.tsv, brand mentions written before reading the
  lexicons: a blind measure, never edited to suit the scorer.

Prints per language the negative class's precision, recall and F1, the 3-class macro-F1 and
accuracy, plus the targets. `--errors N` also lists up to N misclassified texts per file;
`--only NAME` restricts the run to one set (eval, complaints or blind).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from pathlib import Path

from crisisdesk_gui.core.detect import load_scorer

REPO = Path(__file__).resolve().parents[1]
LABELS = ("negative", "neutral", "positive")
LANGS = ("tr", "pl", "fi", "en")
TARGETS = {"tr": 0.60, "pl": 0.70, "fi": 0.70, "en": 0.70}
COMPLAINT_TARGET = 0.80
SET_NAMES = ("eval", "complaints", "blind")


def shared_dir() -> Path:
    return Path(os.environ.get("CRISISDESK_SHARED", REPO.parent / "shared"))


def read_tsv(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = [(r[0].strip(), r[1]) for r in reader if len(r) >= 2]
    return [(label, text) for label, text in rows if label in LABELS]


def prf(gold: list[str], pred: list[str], label: str) -> tuple[float, float, float]:
    tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
    fp = sum(g != label and p == label for g, p in zip(gold, pred, strict=True))
    fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(path: Path, lang: str, errors: int = 0) -> dict[str, float]:
    scorer = load_scorer()
    rows = read_tsv(path)
    gold = [label for label, _ in rows]
    scores = [scorer.score(text, lang=lang) for _, text in rows]
    pred = [s.label for s in scores]
    p, r, f = prf(gold, pred, "negative")
    macro = sum(prf(gold, pred, label)[2] for label in LABELS) / len(LABELS)
    accuracy = sum(g == q for g, q in zip(gold, pred, strict=True)) / max(1, len(gold))
    shown = 0
    for (label, text), score in zip(rows, scores, strict=True):
        if shown >= errors:
            break
        if (label == "negative") != (score.label == "negative"):
            shown += 1
            why = ", ".join(f"{x.kind}:{x.text}" for x in score.reasons[:4])
            print(f"     {label:>8} → {score.label:<8} {score.score:.2f} {text[:110]!r} [{why}]")
    return {"n": len(rows), "p": p, "r": r, "f1": f, "macro": macro, "acc": accuracy}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="list N misclassified texts")
    parser.add_argument("--only", choices=SET_NAMES, help="measure only this set")
    args = parser.parse_args(argv)
    print(
        f"{'set':<22}{'n':>5}{'neg P':>8}{'neg R':>8}{'neg F1':>8}{'macroF1':>9}{'acc':>7}"
        f"{'target':>8}"
    )
    missed = 0
    sets = [
        ("eval", shared_dir() / "eval" / "sentiment", TARGETS),
        (
            "complaints",
            REPO / "tests" / "fixtures" / "complaints",
            dict.fromkeys(LANGS, COMPLAINT_TARGET),
        ),
        (
            "blind",
            REPO / "tests" / "fixtures" / "complaints_blind",
            dict.fromkeys(LANGS, COMPLAINT_TARGET),
        ),
    ]
    for name, folder, targets in sets:
        if args.only and name != args.only:
            continue
        for lang in LANGS:
            path = folder / f"{lang}.tsv"
            if not path.exists():
                print(f"{name + '/' + lang:<22} missing: {path}")
                continue
            m = evaluate(path, lang, args.errors)
            ok = m["f1"] >= targets[lang]
            missed += not ok
            print(
                f"{name + '/' + lang:<22}{m['n']:>5}{m['p']:>8.3f}{m['r']:>8.3f}{m['f1']:>8.3f}"
                f"{m['macro']:>9.3f}{m['acc']:>7.3f}{targets[lang]:>7.2f}{' ' if ok else '!'}",
                flush=True,
            )
    print("all targets met" if not missed else f"{missed} set(s) below target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
