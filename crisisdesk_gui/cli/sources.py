"""`sources`, `keywords`, `poll` and `mentions list`: the feed side of crisisdesk-cli."""

from __future__ import annotations

import argparse
import json
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crisisdesk_gui.cli import EXIT_OK, EXIT_PARTIAL, CliContext, UsageError
from crisisdesk_gui.core import sources as store
from crisisdesk_gui.core.db import StorageError, iso, utcnow
from crisisdesk_gui.core.i18n import _, ngettext

if TYPE_CHECKING:
    from crisisdesk_gui.core.ingest import PollSummary, SourceResult

SOURCE_JSON_FIELDS = (
    "id",
    "url",
    "name",
    "kind",
    "every_minutes",
    "keywords_only",
    "paused",
    "last_success",
    "last_error",
    "last_status",
    "failures",
    "next_attempt",
    "items_seen",
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sources = sub.add_parser("sources", help="add, list, remove, import and export feed sources")
    ssub = sources.add_subparsers(dest="sources_command", metavar="ACTION", required=True)
    add = ssub.add_parser("add", help="add a feed (http(s) address, file:// URL or a path)")
    add.add_argument("url")
    add.add_argument("--name")
    add.add_argument("--every", type=int, metavar="MINUTES", help="polling interval")
    add.add_argument(
        "--keywords-only", action="store_true", help="keep only items that mention a keyword"
    )
    add.set_defaults(func=cmd_sources_add)
    lst = ssub.add_parser("list", help="the sources and their health")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=cmd_sources_list)
    rm = ssub.add_parser("remove", help="remove a source (its mentions stay)")
    rm.add_argument("id", type=int)
    rm.set_defaults(func=cmd_sources_remove)
    imp = ssub.add_parser("import-opml", help="add the feeds of an OPML file")
    imp.add_argument("file", type=Path)
    imp.set_defaults(func=cmd_import_opml)
    exp = ssub.add_parser("export-opml", help="write the sources as an OPML file")
    exp.add_argument("file", type=Path)
    exp.set_defaults(func=cmd_export_opml)

    keywords = sub.add_parser("keywords", help="the keyword watch-list")
    ksub = keywords.add_subparsers(dest="keywords_command", metavar="ACTION", required=True)
    kadd = ksub.add_parser("add", help="add words (case and diacritics do not matter)")
    kadd.add_argument("words", nargs="+", metavar="WORD")
    kadd.set_defaults(func=cmd_keywords_add)
    ksub.add_parser("list", help="list the words").set_defaults(func=cmd_keywords_list)

    poll = sub.add_parser("poll", help="fetch the sources (on schedule until Ctrl-C)")
    poll.add_argument(
        "--once",
        action="store_true",
        help="fetch every source now, print a summary and exit (exit 3 when some failed)",
    )
    poll.set_defaults(func=cmd_poll)

    mentions = sub.add_parser("mentions", help="stored mentions")
    msub = mentions.add_subparsers(dest="mentions_command", metavar="ACTION", required=True)
    mlist = msub.add_parser("list", help="every stored mention, newest first")
    mlist.add_argument("--json", action="store_true")
    mlist.add_argument("--lane")
    mlist.add_argument("--limit", type=int)
    mlist.set_defaults(func=cmd_mentions_list)


def _dump(ctx: CliContext, value: Any) -> None:
    json.dump(value, ctx.out, ensure_ascii=False, indent=2)
    ctx.out.write("\n")


def cmd_sources_add(ctx: CliContext, args: argparse.Namespace) -> int:
    try:
        source_id = store.add_source(
            ctx.db,
            args.url,
            name=args.name,
            every_minutes=args.every,
            keywords_only=args.keywords_only,
        )
    except store.SourceError as exc:
        raise UsageError(str(exc)) from exc
    print(source_id, file=ctx.out)
    return EXIT_OK


def cmd_sources_list(ctx: CliContext, args: argparse.Namespace) -> int:
    rows = store.list_sources(ctx.db)
    if args.json:
        _dump(ctx, [{k: row.get(k) for k in SOURCE_JSON_FIELDS} for row in rows])
        return EXIT_OK
    now = utcnow()
    for row in rows:
        print(f"{row['id']:>4}  {row.get('name') or row['url']}", file=ctx.out)
        if row.get("name"):
            print(f"      {row['url']}", file=ctx.out)
        print(f"      {store.health_text(row, now)}", file=ctx.out)
    return EXIT_OK


def cmd_sources_remove(ctx: CliContext, args: argparse.Namespace) -> int:
    if not store.remove_source(ctx.db, args.id):
        raise UsageError(_("There is no source with id {id}.").format(id=args.id))
    return EXIT_OK


def cmd_import_opml(ctx: CliContext, args: argparse.Namespace) -> int:
    from crisisdesk_gui.core import opml

    try:
        feeds = opml.read_opml(args.file)
    except opml.OpmlError as exc:
        raise UsageError(str(exc)) from exc
    known = {row["url"] for row in store.list_sources(ctx.db)}
    added = skipped = 0
    for feed in feeds:
        try:
            if store.normalise_url(feed.url) in known:
                skipped += 1
                continue
            store.add_source(ctx.db, feed.url, name=feed.title)
            added += 1
        except store.SourceError as exc:
            skipped += 1
            print(f"{feed.url}: {exc}", file=ctx.err)
    print(_("{added} added, {skipped} skipped.").format(added=added, skipped=skipped), file=ctx.out)
    return EXIT_OK


def cmd_export_opml(ctx: CliContext, args: argparse.Namespace) -> int:
    from crisisdesk_gui.core import opml

    opml.write_opml(args.file, store.list_sources(ctx.db))
    return EXIT_OK


def cmd_keywords_add(ctx: CliContext, args: argparse.Namespace) -> int:
    words = [w for w in args.words if w.strip()]
    if not words:
        raise UsageError(_("Give at least one word."))
    store.add_keywords(ctx.db, words)
    return EXIT_OK


def cmd_keywords_list(ctx: CliContext, args: argparse.Namespace) -> int:
    for row in store.list_keywords(ctx.db):
        print(row["word"], file=ctx.out)
    return EXIT_OK


def cmd_mentions_list(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 0:
        raise UsageError(_("--limit must be zero or more."))
    rows = store.list_mentions(ctx.db, lane=args.lane, limit=args.limit)
    if args.json:
        _dump(ctx, rows)
        return EXIT_OK
    for row in rows:
        when = (row.get("published") or row.get("fetched") or "")[:16].replace("T", " ")
        label = f" [{row['lane']}]" if row.get("lane") else ""
        print(
            f"{row['id']:>6}  {when}{label}  {row.get('title') or row.get('text', '')[:80]}",
            file=ctx.out,
        )
    return EXIT_OK


# --- poll ----------------------------------------------------------------------------------


def _print_result(ctx: CliContext, done: int, total: int, result: SourceResult) -> None:
    name = result.name or result.url
    if result.error:
        print(f"[{done}/{total}] ✗ {name}: {result.error}", file=ctx.out, flush=True)
    elif result.not_modified:
        print(f"[{done}/{total}] ✓ {name}: " + _("unchanged"), file=ctx.out, flush=True)
    else:
        print(
            f"[{done}/{total}] ✓ {name}: "
            + _("{new} new, {updated} updated").format(new=result.new, updated=result.updated),
            file=ctx.out,
            flush=True,
        )


def _print_summary(ctx: CliContext, summary: PollSummary) -> None:
    polled = len(summary.results)
    print(
        ngettext("Polled {n} source", "Polled {n} sources", polled).format(n=polled)
        + ": "
        + _("{new} new mentions ({negative} negative), {failed} failed.").format(
            new=len(summary.new_ids), negative=len(summary.negative_ids), failed=len(summary.failed)
        ),
        file=ctx.out,
        flush=True,
    )


def cmd_poll(ctx: CliContext, args: argparse.Namespace) -> int:
    try:
        return _poll(ctx, args)
    except sqlite3.Error as exc:  # locked or damaged database: exit 1 with the reason
        raise StorageError(str(exc)) from exc


def _poll(ctx: CliContext, args: argparse.Namespace) -> int:
    # ingest brings the HTTP client and feedparser: only the poll needs them
    from crisisdesk_gui.core import schedule
    from crisisdesk_gui.core.ingest import poll_once

    db = ctx.db  # creates and migrates the profile before the workers open it
    if args.once:
        ids = [row["id"] for row in store.list_sources(db) if not row.get("paused")]
        summary = poll_once(
            ctx.profile.data_dir,
            source_ids=ids,
            progress=lambda d, t, r: _print_result(ctx, d, t, r),
        )
        _print_summary(ctx, summary)
        return EXIT_OK if summary.ok else EXIT_PARTIAL
    print(_("Polling on schedule; press Ctrl-C to stop."), file=ctx.out, flush=True)
    try:
        while True:
            summary = poll_once(
                ctx.profile.data_dir, progress=lambda d, t, r: _print_result(ctx, d, t, r)
            )
            now = utcnow()
            due = schedule.next_due(store.list_sources(db), now)
            if summary.results:
                _print_summary(ctx, summary)
                if due is not None:
                    print(_("Next poll at {time}.").format(time=iso(due)), file=ctx.out, flush=True)
            # Wake at least every minute so sources added meanwhile are picked up.
            wait = 60.0 if due is None else min(60.0, max(1.0, (due - now).total_seconds()))
            time.sleep(wait)
    except KeyboardInterrupt:
        print(_("Stopped."), file=ctx.out)
        return EXIT_OK
