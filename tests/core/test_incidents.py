"""The crisis plan: checklist, linked cards, the notification to the roster, closing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from crisisdesk_gui.core import contacts, incidents
from crisisdesk_gui.core.contacts import Member
from crisisdesk_gui.core.incidents import IncidentError

NOW = datetime(2026, 11, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def team(db):
    contacts.save_member(
        db,
        Member(
            "Ayşe Yılmaz",
            role="manager",
            phone_mobile="+905321234567",
            email_work="ayse@lezzetfirini.com.tr",
        ),
        region=None,
    )
    contacts.save_member(
        db, Member("Jänne Mäkelä", email_personal="janne+crisis@korjaamo.fi"), region=None
    )
    contacts.save_member(db, Member("No Mail"), region=None)
    return db


def test_open_with_detect_note_and_checklist_order(db) -> None:
    iid = incidents.open_incident(
        db, "Zehirlenme iddiası", actor="ayse", detect_note="12 yorum, Google Maps", now=NOW
    )
    inc = incidents.get_incident(db, iid)
    assert inc.is_open and inc.title == "Zehirlenme iddiası"
    assert [s.key for s in inc.steps] == ["detect", "notify", "manage", "review"]
    assert inc.step("detect").done and inc.step("detect").note == "12 yorum, Google Maps"
    assert not inc.step("notify").done
    with pytest.raises(IncidentError, match="title"):
        incidents.open_incident(db, "  ", actor="ayse")


def test_steps_cards_and_events(db) -> None:
    db["mentions"].insert_all(
        [{"id": i, "dedup_key": f"k{i}", "group_id": 1 if i < 3 else i} for i in (1, 2, 3)]
    )
    db.conn.commit()
    iid = incidents.open_incident(db, "Spike", actor="a", now=NOW)
    incidents.link_cards(db, iid, [1, 3], actor="a", now=NOW + timedelta(minutes=1))
    # Mention 2 is part of card 1's story, so it is linked with it.
    assert {r["id"] for r in db.query("SELECT id FROM mentions WHERE incident_id = ?", [iid])} == {
        1,
        2,
        3,
    }
    assert [c["id"] for c in incidents.linked_cards(db, iid)] == [1, 3]
    incidents.set_step(
        db, iid, "manage", done=True, note="Ayşe answers", actor="a", now=NOW + timedelta(minutes=2)
    )
    incidents.unlink_cards(db, iid, [3], actor="a", now=NOW + timedelta(minutes=3))
    inc = incidents.get_incident(db, iid)
    assert inc.card_count == 2
    assert inc.step("manage").note == "Ayşe answers"
    assert inc.step("manage").done_at == "2026-11-10T09:02:00+00:00"
    kinds = [e["kind"] for e in incidents.events(db, iid)]
    assert kinds == ["open", "link", "step", "unlink"]


def test_notification_is_addressed_to_the_roster(team) -> None:
    iid = incidents.open_incident(
        team, "Food poisoning claim", actor="a", detect_note="5 reviews in 1 hour", now=NOW
    )
    note = incidents.notification(team, iid)
    assert note.recipients == ["ayse@lezzetfirini.com.tr", "janne+crisis@korjaamo.fi"]
    assert "Food poisoning claim" in note.subject
    assert "5 reviews in 1 hour" in note.body
    assert "Ayşe Yılmaz (Manager): +905321234567" in note.body
    url = urlsplit(note.mailto)
    assert url.scheme == "mailto"
    assert unquote(url.path).split(",") == note.recipients
    query = parse_qs(url.query)
    assert query["subject"] == [note.subject] and query["body"] == [note.body]
    assert " " not in note.mailto and "\n" not in note.mailto
    incidents.mark_notified(team, iid, actor="a", now=NOW + timedelta(minutes=4))
    step = incidents.get_incident(team, iid).step("notify")
    assert step.done and "ayse@lezzetfirini.com.tr" in step.note


def test_closing_needs_review_notes(db) -> None:
    iid = incidents.open_incident(db, "Spike", actor="a", now=NOW)
    with pytest.raises(IncidentError, match="review notes"):
        incidents.close_incident(db, iid, "   ", actor="a")
    assert incidents.get_incident(db, iid).is_open
    incidents.close_incident(
        db, iid, "Answered within the hour.", actor="a", now=NOW + timedelta(hours=3)
    )
    inc = incidents.get_incident(db, iid)
    assert (inc.status, inc.review_notes) == ("closed", "Answered within the hour.")
    assert inc.closed_at == NOW + timedelta(hours=3) and inc.step("review").done
    with pytest.raises(IncidentError, match="closed"):
        incidents.link_cards(db, iid, [1], actor="a")
    assert [i.id for i in incidents.list_incidents(db, status="closed")] == [iid]


def test_open_from_spike_fills_detect_and_links_the_hours_cards(db) -> None:
    for mid, minutes_ago, lane in (
        (1, 10, "new"),
        (2, 50, "acknowledged"),
        (3, 90, "new"),
        (4, 5, "not_negative"),
        (5, 5, None),
    ):
        db["mentions"].insert(
            {
                "id": mid,
                "dedup_key": f"k{mid}",
                "lane": lane,
                "fetched": (NOW - timedelta(minutes=minutes_ago)).isoformat(),
            }
        )
    db.conn.commit()
    message = "14 negative mentions in the last hour (usually 2.5 an hour)"
    iid = incidents.open_from_spike(db, message, actor="alerts", now=NOW)
    inc = incidents.get_incident(db, iid)
    assert inc.title.startswith("Spike of negative mentions")
    assert inc.step("detect").done and inc.step("detect").note == message
    assert [c["id"] for c in incidents.linked_cards(db, iid)] == [2, 1]
