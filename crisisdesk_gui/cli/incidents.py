"""`incident list|open|close` and `report stats|incident`: the crisis plan and the review."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from crisisdesk_gui.cli import CliContext, UsageError
from crisisdesk_gui.core.i18n import _, format_datetime, ngettext


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("incident", help="crisis incidents and their checklist")
    sub = parser.add_subparsers(dest="incident_command", metavar="ACTION", required=True)
    p = sub.add_parser("list", help="list incidents")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)
    p = sub.add_parser("open", help="open an incident")
    p.add_argument("title")
    p.add_argument("--note", default="", help="what is happening and how big (detect step)")
    p.add_argument("--card", type=int, action="append", default=[], help="link a card (repeat)")
    p.set_defaults(func=cmd_open)
    p = sub.add_parser("close", help="close an incident with its review notes")
    p.add_argument("id", type=int)
    p.add_argument("--notes", required=True, help="review notes: what happened, what to change")
    p.set_defaults(func=cmd_close)

    parser = subparsers.add_parser("report", help="review figures and the post-crisis report")
    sub = parser.add_subparsers(dest="report_command", metavar="ACTION", required=True)
    p = sub.add_parser("stats", help="response times and volume against the previous period")
    p.add_argument("--days", type=int, default=7)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)
    p = sub.add_parser("incident", help="write an incident's post-crisis report PDF")
    p.add_argument("id", type=int)
    p.add_argument("out", type=Path)
    p.set_defaults(func=cmd_report)


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from crisisdesk_gui.core import incidents

    items = incidents.list_incidents(ctx.db)
    if args.json:
        data = [
            {
                "id": i.id,
                "title": i.title,
                "status": i.status,
                "cards": i.card_count,
                "opened_at": i.opened_at.isoformat(),
                "closed_at": i.closed_at.isoformat() if i.closed_at else None,
                "steps": {s.key: s.done for s in i.steps},
            }
            for i in items
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2), file=ctx.out)
        return 0
    for i in items:
        state = _("open") if i.is_open else _("closed")
        print(f"{i.id}\t{state}\t{format_datetime(i.opened_at, 'short')}\t{i.title}", file=ctx.out)
    return 0


def cmd_open(ctx: CliContext, args: argparse.Namespace) -> int:
    from crisisdesk_gui.core import incidents
    from crisisdesk_gui.core.board import default_actor

    try:
        new_id = incidents.open_incident(
            ctx.db,
            args.title,
            actor=default_actor(ctx.db),
            detect_note=args.note,
            mention_ids=args.card,
        )
    except incidents.IncidentError as exc:
        raise UsageError(str(exc)) from None
    print(new_id, file=ctx.out)
    return 0


def cmd_close(ctx: CliContext, args: argparse.Namespace) -> int:
    from crisisdesk_gui.core import incidents
    from crisisdesk_gui.core.board import default_actor

    try:
        incidents.close_incident(ctx.db, args.id, args.notes, actor=default_actor(ctx.db))
    except incidents.IncidentError as exc:
        raise UsageError(str(exc)) from None
    return 0


def cmd_stats(ctx: CliContext, args: argparse.Namespace) -> int:
    from crisisdesk_gui.core.analytics import Period, review
    from crisisdesk_gui.core.reports import summary_rows

    if args.days < 1:
        raise UsageError(_("--days must be 1 or more."))
    rv = review(ctx.db, Period.last_days(args.days))
    if args.json:
        print(json.dumps(rv.to_dict(), ensure_ascii=False, indent=2), file=ctx.out)
        return 0
    rows = [(_("Figure"), _("This period"), _("Previous period"), _("Change")), *summary_rows(rv)]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        print(
            "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip(), file=ctx.out
        )
    return 0


def cmd_report(ctx: CliContext, args: argparse.Namespace) -> int:
    from crisisdesk_gui.core import incidents
    from crisisdesk_gui.render.report_pdf import export_incident_report

    try:
        pages = export_incident_report(ctx.db, args.id, args.out)
    except incidents.IncidentError as exc:
        raise UsageError(str(exc)) from None
    text = ngettext("Wrote {file} ({pages} page).", "Wrote {file} ({pages} pages).", pages)
    print(text.format(file=args.out, pages=pages), file=ctx.out)
    return 0
