"""The evidence PDF for a lawyer or a platform's abuse desk.

A cover page (business, period, who exported and when, app version, the verification result
and how to verify), then one section per capture with its screenshots drawn losslessly, the
text, the times in UTC and local time, and each file's SHA-256 as selectable text. The
original files and each log record are attached to the PDF unchanged.
"""

from __future__ import annotations

import getpass
import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtGui import QImage
from sqlite_utils import Database

from crisisdesk_gui import APP_NAME, __version__
from crisisdesk_gui.core import evidence, i18n, settings
from crisisdesk_gui.core.db import iso, parse_iso, utcnow
from crisisdesk_gui.core.i18n import _, ngettext
from crisisdesk_gui.core.paths import ProfilePaths
from crisisdesk_gui.render.pdf import Attachment, write_pdf

# QTextDocument sizes <img> in 96 dpi pixels: the body of an A4 page is about 680 × 970 of
# them. Only the drawn size shrinks; the PDF keeps every pixel of the image (lossless).
MAX_IMAGE_WIDTH = 670
MAX_IMAGE_HEIGHT = 760  # the comment card shares its page with the item's details
MAX_PAGE_SHOT_HEIGHT = 900  # a web page screenshot gets a page of its own
VERIFY_COMMAND = "crisisdesk-cli evidence verify"

_CSS = """
h1 { font-size: 22pt; color: #7a1f1f; }
h2 { font-size: 14pt; color: #7a1f1f; }
h3 { font-size: 11pt; margin-top: 10px; }
td.k { color: #555555; padding-right: 10px; white-space: nowrap; }
.hash { font-size: 8pt; }
.bad { color: #b00020; }
.ok { color: #1b5e20; }
.text { background: #f6f4ef; }
.small { font-size: 8pt; color: #555555; }
"""


class ExportCancelled(Exception):
    """Raised by a progress callback to stop an export; no file is left behind."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    items: int
    pages: int
    report: evidence.VerifyReport


def exporter_name(db: Database) -> str:
    name = str(settings.get(db, "actor_name") or "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return _("unknown")


def _both(text: str | None) -> str:
    utc, local = evidence.utc_and_local(text)
    return f"{html.escape(utc)}<br>{html.escape(local)}"


def _rows(rows: Iterable[tuple[str, str]]) -> str:
    body = "".join(f'<tr><td class="k">{html.escape(k)}</td><td>{v}</td></tr>' for k, v in rows)
    return f'<table cellpadding="3" cellspacing="0">{body}</table>'


def period_text(
    records: list[evidence.EvidenceRecord], since: datetime | None, until: datetime | None
) -> str:
    if since is None and records:
        since = min(filter(None, (parse_iso(r.captured_at) for r in records)))
    if until is not None:
        until = until - timedelta(seconds=1)  # until is exclusive; show the last day included
    elif records:
        until = max(filter(None, (parse_iso(r.captured_at) for r in records)))
    if since is None or until is None:
        return _("no captures")
    return _("{start} to {end}").format(
        start=i18n.format_date(since, "long"), end=i18n.format_date(until, "long")
    )


def _cover(
    db: Database,
    records: list[evidence.EvidenceRecord],
    period: str,
    report: evidence.VerifyReport,
    exported_at: str,
) -> str:
    e = html.escape
    business = str(settings.get(db, "business_name") or "").strip() or _("(business name not set)")
    rows = [
        (_("Business"), e(business)),
        (_("Period"), e(period)),
        (_("Items"), e(i18n.format_number(len(records)))),
        (_("Exported by"), e(exporter_name(db))),
        (_("Exported at"), _both(exported_at)),
        (_("App version"), e(f"{APP_NAME} {__version__}")),
    ]
    if report.ok:
        status = '<p class="ok">{}</p>'.format(
            e(
                _(
                    "Verified at export: all {records} records and {files} files in the evidence log "
                    "are intact."
                ).format(records=report.records, files=report.files)
            )
        )
    else:
        items = "".join(f"<li>{e(p.message)}</li>" for p in report.problems[:30])
        status = '<p class="bad"><b>{}</b></p><ul class="bad">{}</ul>'.format(
            e(
                ngettext(
                    "Verification at export found {n} problem:",
                    "Verification at export found {n} problems:",
                    len(report.problems),
                ).format(n=len(report.problems))
            ),
            items,
        )
    how = e(
        _(
            "How to verify: each file's SHA-256 is printed with its item, and the original files "
            "and each evidence record are attached to this PDF. On the computer that holds the "
            "evidence, run the command below; it checks every file and the hash chain of the "
            "evidence log. An attached file can be checked by saving it from the PDF and comparing "
            "its SHA-256 (for example with sha256sum) with the printed one."
        )
    )
    return (
        f"<h1>{e(_('Evidence report'))}</h1>{_rows(rows)}{status}"
        f'<p style="margin-top:14px">{how}</p>'
        f"<p><b>{e(VERIFY_COMMAND)}</b></p>"
    )


def _fit(image: QImage, max_height: int = MAX_IMAGE_HEIGHT) -> tuple[int, int]:
    scale = min(1.0, MAX_IMAGE_WIDTH / max(1, image.width()), max_height / max(1, image.height()))
    return max(1, round(image.width() * scale)), max(1, round(image.height() * scale))


def _folder(profile: ProfilePaths, rec: evidence.EvidenceRecord) -> str:
    return rec.path(profile, "x").parent.relative_to(profile.data_dir).as_posix()


def _section(
    index: int,
    rec: evidence.EvidenceRecord,
    images: dict[str, QImage],
    profile: ProfilePaths,
) -> str:
    e = html.escape
    m = rec.mention
    rows = [
        (_("Author"), e(str(m.get("author") or _("unknown")))),
        (
            _("Source"),
            e(str(m.get("source_name") or _("unknown")))
            + (f"<br>{e(str(m['source_url']))}" if m.get("source_url") else ""),
        ),
        (_("URL"), e(str(m.get("url") or _("none")))),
        (_("Title"), e(str(m.get("title") or ""))),
        (_("Published"), _both(m.get("published"))),
        (_("Fetched"), _both(m.get("fetched"))),
        (_("Captured"), _both(rec.captured_at)),
        (_("Captured by"), e(rec.actor)),
        (_("App version"), e(f"{APP_NAME} {rec.app_version}")),
        (_("Mention"), e(str(rec.mention_id))),
    ]
    card, pages = [], []
    for item in rec.files:
        key = f"evidence-{rec.seq}-{item['name']}"
        if key not in images:
            continue
        if item["kind"] == "render":
            w, h = _fit(images[key])
            card.append(
                f"<h3>{e(_('The comment as captured'))} ({e(str(item['name']))})</h3>"
                f'<p><img src="{e(key)}" width="{w}" height="{h}"></p>'
            )
        else:
            w, h = _fit(images[key], MAX_PAGE_SHOT_HEIGHT)
            title = _("Item {n}: the comment's page").format(n=index)
            pages.append(
                f'<h3 style="page-break-before: always">{e(title)} ({e(str(item["name"]))})</h3>'
                f"<p>{e(str(m.get('url') or ''))}</p>"
                f'<p><img src="{e(key)}" width="{w}" height="{h}"></p>'
            )
    files = "".join(
        f"<tr><td>{e(str(f['name']))}</td><td>{e(i18n.format_number(int(f.get('size', 0))))}"
        f' B</td><td class="hash">{e(str(f["sha256"]))}</td></tr>'
        for f in rec.files
    )
    text = e(str(m.get("text") or "")).replace("\n", "<br>")
    heading = _("Item {n}: evidence record {seq}").format(n=index, seq=rec.seq)
    return (
        f'<h2 style="page-break-before: always">{e(heading)}</h2>{_rows(rows)}'
        f"{''.join(card)}"
        f"<h3>{e(_('Text as captured'))}</h3>"
        f'<table class="text" width="100%" cellpadding="8"><tr><td>{text}</td></tr></table>'
        f"<h3>{e(_('Files and SHA-256'))}</h3>"
        f'<table cellpadding="3" cellspacing="0">{files}</table>'
        f"<h3>{e(_('Evidence record'))}</h3>"
        + _rows(
            [
                (_("Record hash"), f'<span class="hash">{e(rec.hash)}</span>'),
                (_("Previous record"), f'<span class="hash">{e(rec.prev_hash)}</span>'),
                (_("Folder"), f'<span class="small">{e(_folder(profile, rec))}</span>'),
            ]
        )
        + "".join(pages)
    )


def export_evidence_pdf(
    profile: ProfilePaths,
    db: Database,
    out: Path,
    *,
    mention_ids: Iterable[int] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ExportResult:
    """Write the evidence PDF for the chosen mentions and/or capture period (until exclusive).

    `progress(done, 100)` is called as items load and pages are drawn; it may raise
    ExportCancelled. Raises EvidenceError when nothing matches.
    """
    records = evidence.query(profile, mention_ids=mention_ids, since=since, until=until)
    if not records:
        raise evidence.EvidenceError(
            _("No evidence matches the chosen cards or dates; capture evidence first.")
        )
    report = evidence.verify(profile, db)
    exported_at = iso(utcnow())
    images: dict[str, QImage] = {}
    attachments: list[Attachment] = []
    sections = []
    for index, rec in enumerate(records, start=1):
        for item in rec.files:
            path = rec.path(profile, str(item["name"]))
            if not path.is_file():
                continue
            data = path.read_bytes()
            key = f"evidence-{rec.seq}-{item['name']}"
            attachments.append(Attachment(key, data, str(item.get("mime") or "")))
            if item.get("mime") == "image/png":
                image = QImage.fromData(data, "PNG")
                if not image.isNull():
                    images[key] = image
        attachments.append(
            Attachment(f"evidence-{rec.seq}-record.json", rec.line, "application/json")
        )
        sections.append(_section(index, rec, images, profile))
        if progress:
            progress(index * 30 // len(records), 100)

    body = _cover(db, records, period_text(records, since, until), report, exported_at or "")
    doc = f"<html><head><style>{_CSS}</style></head><body>{body}{''.join(sections)}</body></html>"
    footer_label = _("Evidence report")

    def footer(page: int, pages: int) -> str:
        return _("{title} · page {page} of {pages}").format(
            title=footer_label, page=page, pages=pages
        )

    def page_progress(page: int, pages: int) -> None:
        if progress:
            progress(30 + page * 70 // max(1, pages), 100)

    pages = write_pdf(
        out,
        doc,
        title=_("Evidence report"),
        images=images,
        attachments=attachments,
        footer=footer,
        progress=page_progress,
    )
    return ExportResult(Path(out), len(records), pages, report)
