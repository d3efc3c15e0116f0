"""`crisisdesk-cli classify`: score texts from standard input, one per line."""

from __future__ import annotations

import argparse
import io
import json
import sys

from crisisdesk_gui.cli import CliContext, UsageError
from crisisdesk_gui.core.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "classify",
        help=_("score texts read from standard input, one per line"),
        description=_(
            "Reads one text per line from standard input and writes one line per input, in the "
            "same order: label, negativity score, language, severity and the words that drove "
            "it. The profile's learned corrections apply."
        ),
    )
    parser.add_argument(
        "--lang",
        help=_("language of every line (tr, pl, fi, en or other); detected per line when absent"),
    )
    parser.add_argument("--json", action="store_true", help=_("one JSON object per line"))
    parser.set_defaults(func=run)


def run(ctx: CliContext, args: argparse.Namespace) -> int:
    from crisisdesk_gui.core.detect import load_scorer
    from crisisdesk_gui.core.detect.langid import OTHER
    from crisisdesk_gui.core.detect.lexicon import LANGS

    lang = args.lang.lower() if args.lang else None
    if lang is not None and lang not in (*LANGS, OTHER):
        raise UsageError(
            _("unknown language {lang!r}: use one of {choices}").format(
                lang=args.lang, choices=", ".join((*LANGS, OTHER))
            )
        )
    # Only an existing profile has corrections; classifying never creates one.
    db = ctx.db if ctx.profile.database.exists() else None
    scorer = load_scorer(db)
    # Texts are UTF-8 whatever the console's locale says.
    raw = getattr(sys.stdin, "buffer", None)
    stdin = io.TextIOWrapper(raw, encoding="utf-8", errors="replace") if raw else sys.stdin
    for line in stdin:
        text = line.rstrip("\r\n")
        score = scorer.score(text, lang=lang)
        if args.json:
            record = {
                "lang": score.lang,
                "label": score.label,
                "score": score.score,
                "severity": score.severity,
                "troll": score.troll,
                "reasons": [r.as_dict() for r in score.reasons],
            }
            ctx.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            words = ", ".join(r.text for r in score.reasons if r.kind != "positive")
            ctx.out.write(
                f"{score.label}\t{score.score:.2f}\t{score.lang}\t{score.severity}\t{words}\n"
            )
        ctx.out.flush()
    return 0
