"""`evidence capture ID…`, `evidence verify`, `evidence export-pdf OUT`, `evidence list`.

`verify` exits 0 when every record and file is intact and 4 (EXIT_TAMPERED) naming each
problem otherwise. Capture and export paint with Qt and start an offscreen QGuiApplication when
there is no display, so they work headless.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path

from crisisdesk_gui.cli import CliContext, UsageError
from crisisdesk_gui.core.db import parse_iso
from crisisdesk_gui.core.i18n import _, ngettext

EXIT_TAMPERED = 4


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("evidence", help="capture, verify and export evidence")
    sub = parser.add_subparsers(dest="evidence_command", metavar="ACTION", required=True)

    p = sub.add_parser("capture", help="capture mentions as evidence (screenshot, raw entry)")
    p.add_argument("mention_ids", metavar="MENTION_ID", type=int, nargs="+")
    p.add_argument(
        "--no-page",
        action="store_true",
        help="do not screenshot the comment's web page (QtWebEngine)",
    )
    p.set_defaults(func=cmd_capture)

    p = sub.add_parser(
        "verify",
        help="check every evidence file and the log's hash chain "
        f"(exit 0 intact, {EXIT_TAMPERED} problems found)",
    )
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("export-pdf", help="write the evidence PDF")
    p.add_argument("out", type=Path)
    p.add_argument(
        "--mention",
        type=int,
        action="append",
        dest="mentions",
        metavar="ID",
        help="only this mention's evidence (repeatable)",
    )
    p.add_argument("--since", help="first day of capture, YYYY-MM-DD (local time)")
    p.add_argument("--until", help="last day of capture, YYYY-MM-DD, included")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("list", help="list the evidence records")
    p.set_defaults(func=cmd_list)


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            _("{option} needs a date like 2026-11-30, not {value!r}.").format(
                option=option, value=text
            )
        ) from None


def cmd_capture(ctx: CliContext, args: argparse.Namespace) -> int:
    from crisisdesk_gui.core import evidence
    from crisisdesk_gui.services.evidence_capture import capture_mentions

    try:
        ids = capture_mentions(
            ctx.profile, ctx.db, args.mention_ids, again=True, page=False if args.no_page else None
        )
    except evidence.EvidenceError as exc:
        raise UsageError(str(exc)) from None
    records = {r.seq: r for r in evidence.read_log(ctx.profile)}
    for seq in ids:
        rec = records[seq]
        print(
            _("Evidence {seq} for mention {mention}, captured {at}:").format(
                seq=seq, mention=rec.mention_id, at=rec.captured_at
            ),
            file=ctx.out,
        )
        for item in rec.files:
            print(f"  {item['sha256']}  {rec.path(ctx.profile, item['name'])}", file=ctx.out)
    return 0


def cmd_verify(ctx: CliContext, args: argparse.Namespace) -> int:
    from crisisdesk_gui.core import evidence

    report = evidence.verify(ctx.profile, ctx.db)
    for warning in report.warnings:
        print(_("warning: {text}").format(text=warning), file=ctx.err)
    for problem in report.problems:
        print(problem.message, file=ctx.out)
    if report.ok:
        print(
            _("Evidence intact: {records} records, {files} files.").format(
                records=report.records, files=report.files
            ),
            file=ctx.out,
        )
        return 0
    print(
        ngettext(
            "{n} problem found in the evidence.",
            "{n} problems found in the evidence.",
            len(report.problems),
        ).format(n=len(report.problems)),
        file=ctx.out,
    )
    return EXIT_TAMPERED


def cmd_export(ctx: CliContext, args: argparse.Namespace) -> int:
    from crisisdesk_gui.core import evidence
    from crisisdesk_gui.render.evidence_pdf import export_evidence_pdf

    first, last = _day(args.since, "--since"), _day(args.until, "--until")
    if first and last and first > last:
        raise UsageError(_("--since must not be after --until."))
    since, until = evidence.local_day_bounds(first, last)
    try:
        result = export_evidence_pdf(
            ctx.profile, ctx.db, args.out, mention_ids=args.mentions, since=since, until=until
        )
    except evidence.EvidenceError as exc:
        raise UsageError(str(exc)) from None
    print(
        ngettext(
            "Wrote {path}: {items} item, {pages} pages.",
            "Wrote {path}: {items} items, {pages} pages.",
            result.items,
        ).format(path=result.path, items=result.items, pages=result.pages),
        file=ctx.out,
    )
    if not result.report.ok:
        print(
            _(
                "Verification found problems; they are listed on the cover page. "
                "Run `crisisdesk-cli evidence verify` for details."
            ),
            file=ctx.err,
        )
        return EXIT_TAMPERED
    return 0


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from crisisdesk_gui.core import evidence

    for rec in evidence.read_log(ctx.profile):
        at = parse_iso(rec.captured_at) or datetime.min
        names = ", ".join(str(f["name"]) for f in rec.files)
        print(
            f"{rec.seq}\t{rec.mention_id}\t{at.isoformat(timespec='seconds')}\t"
            f"{rec.mention.get('author') or ''}\t{rec.mention.get('url') or ''}\t{names}",
            file=ctx.out,
        )
    return 0
