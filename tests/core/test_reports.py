"""The post-crisis report's data and HTML, and the contact sheet's HTML."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from crisisdesk_gui.core import contacts, incidents, reports, settings
from crisisdesk_gui.core.contacts import Member

OPENED = datetime(2026, 11, 10, 9, 0, tzinfo=UTC)
CLOSED = OPENED + timedelta(hours=6)


def build_incident(db) -> int:
    """A bakery's food-poisoning scare: 4 cards, 3 answered, one previous-period card."""
    settings.update(db, {"business_name": "Lezzet Fırını", "support_phone": "+90 216 555 12 34"})
    ayse = contacts.save_member(
        db,
        Member(
            "Ayşe Yılmaz",
            role="manager",
            phone_mobile="+90 532 123 45 67",
            phone_work="+90 216 555 12 34",
            email_work="ayse@lezzetfirini.com.tr",
            on_call="Pzt–Cum 08–20",
        ),
        region=None,
    )
    mehmet = contacts.save_member(
        db,
        Member(
            "Mehmet Öztürk",
            role="customer_service",
            phone_mobile="+90 532 987 65 43",
            email_work="mehmet@lezzetfirini.com.tr",
            channels={"WhatsApp": "+90 532 987 65 43"},
        ),
        region=None,
    )
    contacts.save_member(
        db,
        Member(
            "Paweł Żółkiewski",
            role="social_media",
            phone_mobile="+48 601 234 567",
            email_personal="pawel.z@gmail.com",
            social={"Instagram": "@lezzetfirini"},
            notes="Zdalnie z Krakowa",
        ),
        region=None,
    )
    db["sources"].insert_all(
        [
            {"id": 1, "url": "file:g", "name": "Google Alerts: Lezzet Fırını"},
            {"id": 2, "url": "file:r", "name": "Ekşi Sözlük"},
        ]
    )
    texts = {
        1: "Dün aldığım poğaçadan sonra bütün aile zehirlendik, hastanedeyiz!",
        2: "Lezzet Fırını'nda gıda zehirlenmesi mi var? Arkadaşım da hastalandı.",
        3: "Hiç memnun kalmadım, ekmekler bayattı.",
        4: "Bu fırını kapatın, rezalet!!!",
    }
    for mid, (minutes, reply, lane, who, src) in {
        1: (10, 25, "resolved", ayse, 1),
        2: (40, 95, "offline", mehmet, 2),
        3: (70, 30, "acknowledged", mehmet, 1),
        4: (120, None, "watching", None, 2),
    }.items():
        fetched = OPENED + timedelta(minutes=minutes)
        db["mentions"].insert(
            {
                "id": mid,
                "dedup_key": f"k{mid}",
                "source_id": src,
                "lang": "tr",
                "label": "negative",
                "lane": lane,
                "assignee_id": who,
                "author": f"user{mid}",
                "text": texts[mid],
                "fetched": fetched.isoformat(),
                "published": fetched.isoformat(),
                "first_reply_at": (fetched + timedelta(minutes=reply)).isoformat()
                if reply
                else None,
            }
        )
        db["card_events"].insert(
            {
                "mention_id": mid,
                "at": fetched.isoformat(),
                "actor": "ingest",
                "kind": "create",
                "to_lane": "new",
            }
        )
    db["card_events"].insert_all(
        [
            {
                "mention_id": 1,
                "at": (OPENED + timedelta(minutes=35)).isoformat(),
                "actor": "Ayşe",
                "kind": "reply",
                "text": "Geçmiş olsun, sizi hemen arıyoruz.",
            },
            {
                "mention_id": 1,
                "at": (OPENED + timedelta(minutes=36)).isoformat(),
                "actor": "Ayşe",
                "kind": "move",
                "from_lane": "new",
                "to_lane": "resolved",
            },
        ]
    )
    prev = OPENED - timedelta(hours=3)
    db["mentions"].insert(
        {
            "id": 9,
            "dedup_key": "k9",
            "source_id": 1,
            "lang": "tr",
            "label": "negative",
            "lane": "resolved",
            "fetched": prev.isoformat(),
            "published": prev.isoformat(),
            "first_reply_at": (prev + timedelta(minutes=50)).isoformat(),
        }
    )
    db.conn.commit()
    iid = incidents.open_incident(
        db,
        "Gıda zehirlenmesi iddiası",
        actor="Ayşe",
        detect_note="Google ve Ekşi'de 4 yorum, 2 saatte",
        owner_id=ayse,
        now=OPENED,
    )
    incidents.link_cards(db, iid, [1, 2, 3, 4], actor="Ayşe", now=OPENED + timedelta(minutes=5))
    incidents.mark_notified(db, iid, actor="Ayşe", now=OPENED + timedelta(minutes=6))
    incidents.set_step(
        db,
        iid,
        "manage",
        done=True,
        note="Mehmet aileyi aradı",
        actor="Ayşe",
        now=OPENED + timedelta(hours=2),
    )
    incidents.close_incident(
        db,
        iid,
        "Aile ile görüşüldü; il sağlık müdürlüğü denetimi temiz.\n"
        "Bir dahaki sefere: Ekşi Sözlük'ü de ilk saatte izle.",
        actor="Ayşe",
        now=CLOSED,
    )
    return iid


def test_incident_report_data(db) -> None:
    iid = build_incident(db)
    report = reports.incident_report(db, iid, now=CLOSED + timedelta(days=1), tz=UTC)
    assert report.owner == "Ayşe Yılmaz" and report.business == "Lezzet Fırını"
    assert (report.period.start, report.period.end) == (OPENED, CLOSED)
    cur, prev = report.review.response.current, report.review.response.previous
    # Replies 25, 95, 30 → median 30, p90 95; 95 breaches and card 4 (watching) is overdue.
    assert (cur.cards, cur.answered, cur.median_minutes, cur.p90_minutes, cur.breaches) == (
        4,
        3,
        30.0,
        95.0,
        2,
    )
    assert (prev.cards, prev.median_minutes, prev.breaches) == (1, 50.0, 0)
    assert [c["id"] for c in report.cards] == [1, 2, 3, 4]
    whats = [t.what for t in report.timeline]
    assert whats[0] == "Incident opened" and whats[-1] == "Incident closed"
    assert "Reply sent" in whats and "Team notified" in whats
    assert any("New → Resolved" in t.detail for t in report.timeline)
    assert [t.at for t in report.timeline] == sorted(t.at for t in report.timeline)


def test_incident_report_html_text(db) -> None:
    iid = build_incident(db)
    html = reports.incident_report_html(reports.incident_report(db, iid, now=CLOSED, tz=UTC))
    for text in (
        "Post-crisis report: Gıda zehirlenmesi iddiası",
        "Median time to first reply",
        "30 minutes",
        "50 minutes",
        "−40%",
        "Breaches of the response target",
        "il sağlık müdürlüğü denetimi temiz",
        "Mehmet aileyi aradı",
        "Ekşi Sözlük",
        "Taken offline",
        "not answered",
        "Response by team member",
    ):
        assert text in html, text
    assert "<script" not in html


def test_report_escapes_card_text(db) -> None:
    iid = incidents.open_incident(db, "<b>x</b>", actor="a", now=OPENED)
    db["mentions"].insert(
        {
            "id": 1,
            "dedup_key": "k",
            "text": "<script>alert(1)</script>",
            "lane": "new",
            "fetched": OPENED.isoformat(),
            "incident_id": iid,
        }
    )
    db.conn.commit()
    html = reports.incident_report_html(reports.incident_report(db, iid, now=CLOSED))
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>x</b>" not in html


def test_contact_sheet_html(db) -> None:
    build_incident(db)
    html = reports.contact_sheet_html(db, now=CLOSED)
    for text in (
        "Emergency contact sheet",
        "Lezzet Fırını",
        "Ayşe Yılmaz",
        "Manager",
        "+90\u00a0532\u00a0123\u00a045\u00a067",
        "Paweł Żółkiewski",
        "WhatsApp: +90 532 987 65 43",
        "Zdalnie z Krakowa",
        "+90 216 555 12 34",
    ):
        assert text in html, text


def test_members_json(db) -> None:
    contacts.save_member(db, Member("Jänne", phone_mobile="+358401234567"), region=None)
    data = json.loads(reports.members_json(contacts.list_members(db)))
    assert data[0]["name"] == "Jänne" and data[0]["phone_mobile"] == "+358401234567"


def test_format_minutes() -> None:
    assert reports.format_minutes(None) == "–"
    assert reports.format_minutes(45) == "45 minutes"
    assert reports.format_minutes(90) == "1 hour 30 minutes"
    assert reports.format_minutes(120) == "2 hours"
