"""PDF files of the team part: the emergency contact sheet and the post-crisis report.

The HTML comes from core.reports; render.pdf.write_pdf lays it out (fonts embedded, page
numbers, written atomically).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from crisisdesk_gui.core.i18n import _
from crisisdesk_gui.core.reports import contact_sheet_html, incident_report, incident_report_html
from crisisdesk_gui.render.pdf import write_pdf


def export_contact_sheet(db: Database, out: Path, *, now: datetime | None = None) -> int:
    """Write the one-page emergency contact sheet; returns the page count."""
    return write_pdf(Path(out), contact_sheet_html(db, now=now), title=_("Emergency contact sheet"))


def export_incident_report(
    db: Database, incident_id: int, out: Path, *, now: datetime | None = None
) -> int:
    """Write the post-crisis report of one incident; returns the page count."""
    report = incident_report(db, incident_id, now=now)
    title = _("Post-crisis report: {title}").format(title=report.incident.title)
    return write_pdf(Path(out), incident_report_html(report), title=title)
