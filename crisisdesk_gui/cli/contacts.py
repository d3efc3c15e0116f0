"""`contacts import FILE`, `contacts export OUT --format csv|vcf|pdf`, `contacts list [--json]`."""

from __future__ import annotations

import argparse
from pathlib import Path

from crisisdesk_gui.cli import CliContext, UsageError
from crisisdesk_gui.core.i18n import _, ngettext

FORMATS = ("csv", "vcf", "pdf")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("contacts", help="the crisis team's contact list")
    sub = parser.add_subparsers(dest="contacts_command", metavar="ACTION", required=True)

    p = sub.add_parser("import", help="import a CSV or vCard file (all or nothing)")
    p.add_argument("file", type=Path)
    p.add_argument("--region", help="country of numbers without +code, e.g. TR, PL, FI")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="export as CSV, vCard or the printable PDF sheet")
    p.add_argument("out", type=Path)
    p.add_argument("--format", choices=FORMATS, help="default: from the file name's extension")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("list", help="print the roster")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)


def cmd_import(ctx: CliContext, args: argparse.Namespace) -> int:
    from crisisdesk_gui.core import contacts

    try:
        result = contacts.import_file(ctx.db, args.file, region=args.region)
    except contacts.ContactError as exc:
        raise UsageError(
            _("{file}: {error} Nothing was imported.").format(file=args.file, error=exc)
        ) from None
    print(
        ngettext(
            "Imported {n} contact ({added} new, {updated} updated).",
            "Imported {n} contacts ({added} new, {updated} updated).",
            result.added + result.updated,
        ).format(n=result.added + result.updated, added=result.added, updated=result.updated),
        file=ctx.out,
    )
    return 0


def cmd_export(ctx: CliContext, args: argparse.Namespace) -> int:
    from crisisdesk_gui.core import contacts

    fmt = args.format or args.out.suffix.lower().lstrip(".").replace("vcard", "vcf")
    if fmt not in FORMATS:
        raise UsageError(
            _("Choose --format csv, vcf or pdf (or name the file .csv, .vcf or .pdf).")
        )
    members = contacts.list_members(ctx.db)
    if fmt == "csv":
        contacts.export_csv(members, args.out)
    elif fmt == "vcf":
        contacts.export_vcard(members, args.out)
    else:
        from crisisdesk_gui.render.report_pdf import export_contact_sheet

        export_contact_sheet(ctx.db, args.out)
    print(
        ngettext(
            "Exported {n} contact to {file}.", "Exported {n} contacts to {file}.", len(members)
        ).format(n=len(members), file=args.out),
        file=ctx.out,
    )
    return 0


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from crisisdesk_gui.core import contacts
    from crisisdesk_gui.core.reports import contact_sheet_text, members_json

    members = contacts.list_members(ctx.db)
    if args.json:
        print(members_json(members), file=ctx.out)
    elif members:
        print(contact_sheet_text(members), file=ctx.out)
    else:
        print(_("The team roster is empty."), file=ctx.out)
    return 0
