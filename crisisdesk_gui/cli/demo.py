"""`crisisdesk-cli demo`: fill the separate sample-data profile and say where it is."""

from __future__ import annotations

import argparse
import json

from crisisdesk_gui.cli import EXIT_PARTIAL, CliContext, UsageError
from crisisdesk_gui.core.i18n import _
from crisisdesk_gui.core.paths import demo_data_dir


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="fill the sample-data profile (offline); --data-dir DIR fills DIR instead",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON summary")
    parser.add_argument(
        "--reset", action="store_true", help="empty the demo profile first (fresh dates)"
    )
    parser.set_defaults(func=cmd_demo)


def cmd_demo(ctx: CliContext, args: argparse.Namespace) -> int:
    from crisisdesk_gui.core import demo

    # $CRISISDESK_DATA_DIR usually names the real profile: only an explicit --data-dir (or
    # --demo) chooses where the sample data goes.
    target = ctx.profile.data_dir if (args.data_dir or args.demo) else demo_data_dir()
    try:
        summary = demo.fill_demo(target, reset=args.reset)
    except demo.DemoError as exc:
        raise UsageError(str(exc)) from exc
    if args.json:
        data = {
            "data_dir": str(summary.data_dir),
            "sources": summary.sources,
            "mentions": summary.mentions,
            "on_board": summary.on_board,
            "lanes": summary.lanes,
            "errors": summary.errors,
        }
        print(json.dumps(data, ensure_ascii=False, indent=2), file=ctx.out)
    else:
        print(
            _(
                "Sample data: {mentions} mentions from {sources} sources, {cards} on the board."
            ).format(mentions=summary.mentions, sources=summary.sources, cards=summary.on_board),
            file=ctx.out,
        )
        print(_("Demo profile: {path}").format(path=summary.data_dir), file=ctx.out)
        print(
            _('Open it with: crisisdesk --data-dir "{path}"').format(path=summary.data_dir)
            if args.data_dir
            else _("Open it with: crisisdesk --demo"),
            file=ctx.out,
        )
    for error in summary.errors:
        print(error, file=ctx.err)
    return EXIT_PARTIAL if summary.errors else 0
