"""The contact sheet and the post-crisis report as PDF files: pages and text."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.core.test_reports import CLOSED, build_incident

pypdf = pytest.importorskip("pypdf")


def pdf_text(path: Path) -> tuple[int, str]:
    reader = pypdf.PdfReader(str(path))
    text = " ".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(text.split())  # the extractor splits words with tabs


def test_contact_sheet_is_one_page_with_everyone(db, tmp_path: Path) -> None:
    from crisisdesk_gui.render.report_pdf import export_contact_sheet

    build_incident(db)
    out = tmp_path / "sheet.pdf"
    assert export_contact_sheet(db, out, now=CLOSED) == 1
    pages, text = pdf_text(out)
    assert pages == 1
    for needle in (
        "Emergency contact sheet",
        "Ayşe Yılmaz",
        "Paweł Żółkiewski",
        "Mehmet Öztürk",
        "+90 532 123 45 67",
        "+48 601 234 567",
    ):
        assert needle in text, needle


def test_post_crisis_report_pdf_text(db, tmp_path: Path) -> None:
    from crisisdesk_gui.render.report_pdf import export_incident_report

    iid = build_incident(db)
    out = tmp_path / "report.pdf"
    pages = export_incident_report(db, iid, out, now=CLOSED + timedelta(days=1))
    count, flat = pdf_text(out)
    assert count == pages >= 1
    for needle in (
        "Post-crisis report: Gıda zehirlenmesi iddiası",
        "Median time to first reply",
        "Previous period",
        "Review notes",
        "il sağlık müdürlüğü denetimi temiz",
        "Timeline",
        "Incident opened",
        "Reply sent",
        "Cards handled",
        "Dün aldığım poğaçadan",
    ):
        assert needle in flat, needle


def test_contact_sheet_of_a_large_team_still_fits_one_page(db, tmp_path: Path) -> None:
    from crisisdesk_gui.core import contacts
    from crisisdesk_gui.render.report_pdf import export_contact_sheet

    for i in range(20):
        contacts.save_member(
            db,
            contacts.Member(
                f"Seija Hämäläinen {i}",
                role="customer_service",
                phone_mobile=f"+35840765{i:04d}",
                phone_work="+358 9 1234 5678",
                email_work=f"seija{i}@korjaamo.fi",
                channels={"live chat": "https://korjaamo.fi/chat"},
                on_call="ma–pe 8–16",
            ),
            region=None,
        )
    assert export_contact_sheet(db, tmp_path / "big.pdf") == 1
