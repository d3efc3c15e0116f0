"""The board's core: moves committed with history, undo, corrections, countdowns, queries."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crisisdesk_gui.core import board, settings

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def add_mention(
    db,
    mid: int,
    *,
    lane="new",
    text="hiç memnun kalmadım",
    lang="tr",
    urgency=1.0,
    source_id=1,
    group_id=None,
    fetched=NOW,
    severity=0,
    assignee=None,
):
    from crisisdesk_gui.core.text import fold

    if not db["sources"].count_where("id = ?", [source_id]):
        db["sources"].insert(
            {"id": source_id, "url": f"file:///s{source_id}", "name": f"S{source_id}"}
        )
    db["mentions"].insert(
        {
            "id": mid,
            "source_id": source_id,
            "dedup_key": f"k{mid}",
            "text": text,
            "search_text": fold(text),
            "lang": lang,
            "lane": lane,
            "urgency": urgency,
            "severity": severity,
            "group_id": group_id,
            "fetched": fetched.isoformat(),
            "published": fetched.isoformat(),
            "label": "negative",
            "assignee_id": assignee,
            "reasons": json.dumps([{"kind": "negative", "text": "memnun", "weight": 0.7}]),
        }
    )
    db.conn.commit()


def test_move_commits_lane_and_history(db) -> None:
    add_mention(db, 1)
    add_mention(db, 2)
    assert board.move_cards(db, [1, 2], "offline", actor="Ayşe", now=NOW) == [1, 2]
    # A second connection sees it: the move is committed, not only in this connection.
    from crisisdesk_gui.core.db import connect

    other = connect(Path(db.conn.execute("PRAGMA database_list").fetchone()[2]))
    assert [r[0] for r in other.execute("SELECT lane FROM mentions ORDER BY id")] == ["offline"] * 2
    events = board.history(db, 1)
    assert [(e["kind"], e["from_lane"], e["to_lane"], e["actor"]) for e in events] == [
        ("move", "new", "offline", "Ayşe")
    ]
    assert events[0]["at"] == NOW.isoformat()
    # Moving to the lane it is already in changes nothing and records nothing.
    assert board.move_cards(db, [1], "offline", actor="Ayşe") == []
    assert len(board.history(db, 1)) == 1


def test_move_rejects_unknown_lane_and_mention(db) -> None:
    add_mention(db, 1)
    with pytest.raises(board.BoardError):
        board.move_cards(db, [1], "nowhere", actor="x")
    with pytest.raises(board.BoardError):
        board.move_cards(db, [99], "new", actor="x")
    assert db.execute("SELECT lane FROM mentions").fetchone()[0] == "new"


def test_undo_restores_previous_lanes(db) -> None:
    add_mention(db, 1, lane="new")
    add_mention(db, 2, lane="acknowledged")
    before = {1: "new", 2: "acknowledged"}
    board.move_cards(db, [1, 2], "resolved", actor="x")
    assert board.undo_moves(db, before, actor="x") == [1, 2]
    assert board.lane_counts(db)["new"] == 1 and board.lane_counts(db)["acknowledged"] == 1
    last = board.history(db, 2)[-1]
    assert last["data"] == {"undo": True} and last["to_lane"] == "acknowledged"


def test_corrections_follow_moves(db, monkeypatch) -> None:
    calls: list[tuple[int, str]] = []
    import crisisdesk_gui.core.detect as detect

    monkeypatch.setattr(
        detect, "record_correction", lambda _db, i, label: calls.append((i, label)), raising=False
    )
    add_mention(db, 1)
    add_mention(db, 2, lane=None)
    board.move_cards(db, [1], "not_negative", actor="x")
    board.move_cards(db, [2], "new", actor="x")
    board.move_cards(db, [1], "acknowledged", actor="x")
    assert calls == [(1, "not_negative"), (2, "negative"), (1, "negative")]


def test_failing_correction_never_loses_the_move(db, monkeypatch) -> None:
    import crisisdesk_gui.core.detect as detect

    def boom(*_a):
        raise RuntimeError("scorer broke")

    monkeypatch.setattr(detect, "record_correction", boom, raising=False)
    add_mention(db, 1)
    assert board.move_cards(db, [1], "not_negative", actor="x") == [1]
    assert db.execute("SELECT lane FROM mentions").fetchone()[0] == "not_negative"


def test_group_is_one_card_and_moves_together(db) -> None:
    add_mention(db, 1, group_id=1, source_id=1)
    add_mention(db, 2, group_id=1, source_id=2)
    cards = board.query_cards(db)
    assert [c.id for c in cards] == [1]
    assert set(cards[0].sources) == {"S1", "S2"}
    board.move_cards(db, [1], "resolved", actor="x")
    assert {r[0] for r in db.execute("SELECT lane FROM mentions")} == {"resolved"}


@pytest.mark.parametrize(
    ("minutes_ago", "state"),
    [(0, "ok"), (44, "ok"), (46, "amber"), (59, "amber"), (61, "breached")],
)
def test_countdown_states(minutes_ago: int, state: str) -> None:
    started = NOW - timedelta(minutes=minutes_ago)
    assert board.countdown(started, None, "new", 60, NOW).state == state


def test_countdown_stops_when_answered_or_closed() -> None:
    started = NOW - timedelta(hours=3)
    assert board.countdown(started, NOW, "new", 60, NOW).state == "answered"
    assert board.countdown(started, None, "resolved", 60, NOW).state == "none"
    assert board.countdown(started, None, "new", 60, NOW).seconds == -120 * 60


def test_filters_and_search(db) -> None:
    db["team_members"].insert({"id": 7, "name": "Mika"})
    add_mention(db, 1, text="Nie polecam, zimna pizza", lang="pl", urgency=5)
    add_mention(db, 2, text="Hiç memnun kalmadım, soğuk", lang="tr", urgency=9, severity=2)
    add_mention(
        db,
        3,
        text="En suosittele kenellekään",
        lang="fi",
        assignee=7,
        fetched=NOW - timedelta(days=3),
    )
    add_mention(db, 4, text="Not on the board", lang="en", lane=None)
    ids = lambda flt: [c.id for c in board.query_cards(db, flt)]  # noqa: E731
    assert ids(board.BoardFilter()) == [2, 1, 3]
    assert ids(board.BoardFilter(sort="time"))[-1] == 3
    assert ids(board.BoardFilter(langs=frozenset({"pl"}))) == [1]
    assert ids(board.BoardFilter(min_severity=2)) == [2]
    assert ids(board.BoardFilter(assignee=7)) == [3]
    assert ids(board.BoardFilter(assignee=-1)) == [2, 1]
    assert ids(board.BoardFilter(since=NOW - timedelta(days=1))) == [2, 1]
    # Search is folded and by prefix: "sogu" finds "soğuk", "ZIMN" finds "zimna".
    assert ids(board.BoardFilter(text="sogu")) == [2]
    assert ids(board.BoardFilter(text="ZIMN")) == [1]
    assert ids(board.BoardFilter(text="suosit kenel")) == [3]
    assert ids(board.BoardFilter(text='"')) == [2, 1, 3]  # nothing searchable: no filter
    assert board.lane_counts(db, board.BoardFilter(text="not"))["new"] == 0


def test_assign_and_notes(db) -> None:
    db["team_members"].insert({"id": 3, "name": "Ola"})
    add_mention(db, 1)
    board.assign(db, 1, 3, actor="x")
    board.add_note(db, 1, "Called the customer", actor="x")
    kinds = [(e["kind"], e["text"]) for e in board.history(db, 1)]
    assert kinds == [("assign", "Ola"), ("note", "Called the customer")]
    assert board.query_cards(db)[0].assignee == "Ola"
    with pytest.raises(board.BoardError):
        board.add_note(db, 1, "  ", actor="x")


def test_unanswered_count_and_actor(db, monkeypatch) -> None:
    add_mention(db, 1)
    add_mention(db, 2, lane="resolved")
    add_mention(db, 3)
    db.execute("UPDATE mentions SET first_reply_at = ? WHERE id = 3", [NOW.isoformat()])
    db.conn.commit()
    assert board.unanswered_count(db) == 1
    monkeypatch.setattr("getpass.getuser", lambda: "osuser")
    assert board.default_actor(db) == "osuser"
    settings.set_(db, "actor_name", "Ayşe")
    assert board.default_actor(db) == "Ayşe"


def test_search_finds_a_story_by_any_of_its_sources(db) -> None:
    add_mention(db, 1, text="Soğuk ekmek", group_id=1, source_id=1)
    add_mention(db, 2, text="Personel kaba davrandı", group_id=1, source_id=2)
    add_mention(db, 3, text="Başka bir şikayet", source_id=1)
    flt = board.BoardFilter(text="kaba")
    assert [c.id for c in board.query_cards(db, flt)] == [1]
    assert board.lane_counts(db, flt)["new"] == 1
    # A new keystroke re-evaluates; the pages then reuse the same hits as the counts.
    assert board.lane_counts(db, board.BoardFilter(text="baska"))["new"] == 1
    assert [c.id for c in board.query_cards(db, board.BoardFilter(text="baska"))] == [3]
