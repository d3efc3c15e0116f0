"""`crisisdesk-cli templates list|render`: the reply library from the command line."""

from __future__ import annotations

import argparse
import json

from crisisdesk_gui.cli import CliContext, UsageError
from crisisdesk_gui.core import templates as tpl
from crisisdesk_gui.core.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("templates", help="list and fill reply templates")
    sub = parser.add_subparsers(dest="templates_command", metavar="ACTION", required=True)

    ls = sub.add_parser("list", help="list the reply templates")
    ls.add_argument("--json", action="store_true", help="a JSON list of objects")
    ls.add_argument("--lang", choices=tpl.LANGS, help="only this language")
    ls.add_argument("--situation", help="only this situation")
    ls.add_argument("--all", action="store_true", help="include disabled wordings")
    ls.set_defaults(func=cmd_list)

    render = sub.add_parser("render", help="print a filled reply")
    render.add_argument("situation", metavar="SITUATION", help=", ".join(tpl.SITUATIONS))
    render.add_argument("--lang", required=True, choices=tpl.LANGS)
    render.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        dest="values",
        help="a placeholder value, e.g. customer=Ayşe",
    )
    render.add_argument("--mention", type=int, help="fill customer and case_id from this card")
    render.add_argument(
        "--id",
        type=int,
        dest="template_id",
        help="this wording (default: the one rotation proposes)",
    )
    render.set_defaults(func=cmd_render)


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    tpl.sync_shipped(ctx.db)
    rows = tpl.list_templates(
        ctx.db, situation=args.situation, lang=args.lang, include_disabled=args.all
    )
    if args.json:
        items = [
            {
                "id": t.id,
                "situation": t.situation,
                "lang": t.lang,
                "text": t.text,
                "origin": t.origin,
                "edited": t.edited,
                "enabled": t.enabled,
                "placeholders": tpl.placeholders_in(t.text),
            }
            for t in rows
        ]
        json.dump(items, ctx.out, ensure_ascii=False, indent=2)
        ctx.out.write("\n")
        return 0
    for t in rows:
        flags = "" if t.enabled else " (disabled)"
        ctx.out.write(f"{t.id:>4}  {t.lang}  {t.situation}{flags}\n      {t.text}\n")
    return 0


def _parse_values(pairs: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UsageError(_("--set takes key=value, got {value}.").format(value=repr(pair)))
        if key not in tpl.PLACEHOLDERS:
            known = ", ".join("{" + p + "}" for p in tpl.PLACEHOLDERS)
            raise UsageError(
                _("Unknown placeholder {placeholder}; use one of: {known}.").format(
                    placeholder="{" + key + "}", known=known
                )
            )
        values[key] = value
    return values


def cmd_render(ctx: CliContext, args: argparse.Namespace) -> int:
    db = ctx.db
    tpl.sync_shipped(db)
    values = tpl.settings_values(db)
    values["next_update"] = tpl.propose_next_update(args.lang)
    if args.mention is not None:
        try:
            values.update(tpl.values_for_mention(db, args.mention, args.lang))
        except tpl.TemplateError as exc:
            raise UsageError(str(exc)) from exc
    values.update(_parse_values(args.values))

    if args.template_id is not None:
        chosen = tpl.get_template(db, args.template_id)
        if chosen is None:
            raise UsageError(_("There is no template with id {id}.").format(id=args.template_id))
    else:
        chosen = tpl.pick_template(db, args.situation, args.lang, values)
        if chosen is None:
            known = ", ".join(tpl.situations(db))
            raise UsageError(
                _("No enabled template for {situation} in {lang}; situations: {known}.").format(
                    situation=repr(args.situation), lang=repr(args.lang), known=known
                )
            )
    result = tpl.render(chosen.text, values)
    if result.missing:
        names = ", ".join("{" + m + "}" for m in result.missing)
        hint = " ".join(f"--set {m}=…" for m in result.missing)
        raise UsageError(
            _("No value for {names} in template {id}; pass {hint}.").format(
                names=names, id=chosen.id, hint=hint
            )
        )
    ctx.out.write(result.text + "\n")
    return 0
