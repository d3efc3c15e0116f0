"""The evidence store and log: capture, verify, and every kind of tampering named."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from crisisdesk_gui.core import evidence
from crisisdesk_gui.core.paths import ProfilePaths

TURKISH = "Bu fırın berbat, çalışanlar kaba! Şikâyetimi ığdır'da herkese anlatacağım."


def add_mention(
    db: Database,
    *,
    text: str = TURKISH,
    author: str = "troll_42",
    url: str = "https://example.com/p/1",
    source: str = "Ekşi Sözlük",
) -> int:
    with db.conn:
        src = db.execute(
            "INSERT INTO sources(url, name, kind, created) VALUES (?, ?, 'rss', ?)",
            [f"https://feeds.example.com/{source}/{url}", source, "2026-11-01T00:00:00+00:00"],
        ).lastrowid
        cur = db.execute(
            "INSERT INTO mentions(source_id, dedup_key, url, title, text, author, published, "
            "fetched, raw, lane) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'watching')",
            [
                src,
                f"link:{url}",
                url,
                "Yorum",
                text,
                author,
                "2026-11-20T08:15:00+00:00",
                "2026-11-20T08:20:00+00:00",
                json.dumps({"title": "Yorum", "summary": text}),
            ],
        )
    return int(cur.lastrowid or 0)


def capture(profile: ProfilePaths, db: Database, mention_id: int, png: bytes = b"\x89PNG-a") -> int:
    snap = evidence.mention_snapshot(db, mention_id)
    files = [
        evidence.CaptureFile("comment.png", "render", png, "image/png"),
        evidence.CaptureFile("raw-entry.json", "raw", b'{"a": 1}', "application/json"),
    ]
    return evidence.store_capture(profile, db, snap, files, actor="tester")


@pytest.fixture
def profile(data_dir: Path) -> ProfilePaths:
    return ProfilePaths(data_dir).ensure()


@pytest.fixture
def three(profile: ProfilePaths, db: Database) -> list[int]:
    return [
        capture(profile, db, add_mention(db, url=f"https://example.com/p/{i}")) for i in range(3)
    ]


def kinds(report: evidence.VerifyReport) -> list[str]:
    return [p.kind for p in report.problems]


def test_capture_writes_files_log_and_row(profile: ProfilePaths, db: Database) -> None:
    mid = add_mention(db)
    seq = capture(profile, db, mid)
    assert seq == 1
    (rec,) = evidence.read_log(profile)
    assert rec.mention["text"] == TURKISH and rec.mention["source_name"] == "Ekşi Sözlük"
    assert rec.prev_hash == evidence.GENESIS
    assert rec.path(profile, "comment.png").read_bytes() == b"\x89PNG-a"
    assert rec.files[0]["sha256"] == evidence.sha256(b"\x89PNG-a")
    row = db.execute("SELECT mention_id, record_hash FROM evidence WHERE id = 1").fetchone()
    assert row == (mid, rec.hash)
    events = db.execute("SELECT kind FROM card_events WHERE mention_id = ?", [mid]).fetchall()
    assert ("capture",) in events
    # The log line is canonical JSON and keeps non-ASCII letters as they are.
    assert "fırın".encode() in (profile.evidence / "log.jsonl").read_bytes()


def test_verify_clean(profile: ProfilePaths, db: Database, three: list[int]) -> None:
    report = evidence.verify(profile, db)
    assert report.ok and report.records == 3 and report.files == 6
    assert evidence.verify(ProfilePaths(profile.data_dir / "empty")).ok


def test_one_changed_byte_in_a_screenshot(
    profile: ProfilePaths, db: Database, three: list[int]
) -> None:
    rec = evidence.read_log(profile)[1]
    path = rec.path(profile, "comment.png")
    data = bytearray(path.read_bytes())
    data[3] ^= 1
    path.write_bytes(bytes(data))
    report = evidence.verify(profile, db)
    assert kinds(report) == ["file_changed"]
    msg = report.problems[0].message
    assert "comment.png" in msg and rec.files[0]["sha256"] in msg
    assert evidence.sha256(bytes(data)) in msg and "record 2" in msg


def test_deleted_file(profile: ProfilePaths, db: Database, three: list[int]) -> None:
    rec = evidence.read_log(profile)[0]
    rec.path(profile, "raw-entry.json").unlink()
    report = evidence.verify(profile, db)
    assert kinds(report) == ["file_missing"]
    assert "raw-entry.json" in report.problems[0].message


def test_edited_record(profile: ProfilePaths, db: Database, three: list[int]) -> None:
    log = profile.evidence / "log.jsonl"
    log.write_bytes(log.read_bytes().replace(b"troll_42", b"someone", 1))
    report = evidence.verify(profile, db)
    assert "record_edited" in kinds(report)
    assert report.problems[0].seq == 1


def test_edited_record_with_recomputed_hashes_is_caught_by_the_database(
    profile: ProfilePaths, db: Database, three: list[int]
) -> None:
    # A careful forger rewrites record 2 and rebuilds the chain after it.
    lines = (profile.evidence / "log.jsonl").read_bytes().splitlines()
    records = [json.loads(x) for x in lines]
    records[1]["mention"]["text"] = "harmless"
    prev = records[0]["hash"]
    for rec in records[1:]:
        rec["prev_hash"] = prev
        rec["hash"] = evidence.record_hash(rec)
        prev = rec["hash"]
    (profile.evidence / "log.jsonl").write_bytes(
        b"".join(evidence.canonical(r) + b"\n" for r in records)
    )
    assert evidence.verify(profile).ok  # the log alone cannot tell
    report = evidence.verify(profile, db)
    assert {p.seq for p in report.problems} == {2, 3}


def test_removed_record(profile: ProfilePaths, db: Database, three: list[int]) -> None:
    log = profile.evidence / "log.jsonl"
    lines = log.read_bytes().splitlines(keepends=True)
    log.write_bytes(lines[0] + lines[2])
    report = evidence.verify(profile, db)
    assert {"order", "chain", "removed"} <= set(kinds(report))
    assert any(p.kind == "removed" and p.seq == 2 for p in report.problems)


def test_removed_last_record(profile: ProfilePaths, db: Database, three: list[int]) -> None:
    log = profile.evidence / "log.jsonl"
    lines = log.read_bytes().splitlines(keepends=True)
    log.write_bytes(b"".join(lines[:2]))
    report = evidence.verify(profile, db)
    assert kinds(report) == ["removed"] and report.problems[0].seq == 3


def test_reordered_records(profile: ProfilePaths, db: Database, three: list[int]) -> None:
    log = profile.evidence / "log.jsonl"
    lines = log.read_bytes().splitlines(keepends=True)
    log.write_bytes(lines[0] + lines[2] + lines[1])
    report = evidence.verify(profile)
    assert {"order", "chain"} <= set(kinds(report))
    assert "reordered" in report.problems[0].message


def test_missing_log(profile: ProfilePaths, db: Database, three: list[int]) -> None:
    (profile.evidence / "log.jsonl").unlink()
    assert kinds(evidence.verify(profile, db)) == ["log_missing"]


def test_evidence_survives_deleting_the_card_and_its_source(
    profile: ProfilePaths, db: Database
) -> None:
    mid = add_mention(db)
    seq = capture(profile, db, mid)
    (src,) = db.execute("SELECT source_id FROM mentions WHERE id = ?", [mid]).fetchone()
    with db.conn:
        db.execute("DELETE FROM card_events WHERE mention_id = ?", [mid])
        db.execute("DELETE FROM mentions WHERE id = ?", [mid])
        db.execute("DELETE FROM sources WHERE id = ?", [src])
    assert db.execute("SELECT mention_id FROM evidence WHERE id = ?", [seq]).fetchone() == (mid,)
    (rec,) = evidence.query(profile, mention_ids=[mid])
    assert rec.mention["text"] == TURKISH
    assert evidence.verify(profile, db).ok


def test_capture_unknown_mention_names_it(db: Database) -> None:
    with pytest.raises(evidence.EvidenceError, match="999"):
        evidence.mention_snapshot(db, 999)


def test_interrupted_capture_is_recovered(profile: ProfilePaths, db: Database) -> None:
    first = capture(profile, db, add_mention(db))
    # A kill after the log line but before the row: the log is the truth.
    with db.conn:
        db.execute("DELETE FROM evidence WHERE id = ?", [first])
    assert evidence.verify(profile, db).ok
    # A kill in the middle of appending a line leaves an unterminated tail.
    with (profile.evidence / "log.jsonl").open("ab") as fh:
        fh.write(b'{"seq":2,"tru')
    report = evidence.verify(profile, db)
    assert report.ok and report.warnings
    second = capture(profile, db, add_mention(db, url="https://example.com/x"))
    assert second == 2
    assert [r[0] for r in db.execute("SELECT id FROM evidence ORDER BY id")] == [1, 2]
    report = evidence.verify(profile, db)
    assert report.ok and not report.warnings


def test_query_by_time(profile: ProfilePaths, db: Database) -> None:
    mid = add_mention(db)
    snap = evidence.mention_snapshot(db, mid)
    for day in (1, 10, 20):
        evidence.store_capture(
            profile,
            db,
            snap,
            [evidence.CaptureFile("c.png", "render", bytes([day]))],
            actor="t",
            captured_at=datetime(2026, 11, day, 12, tzinfo=UTC),
        )
    got = evidence.query(
        profile, since=datetime(2026, 11, 5, tzinfo=UTC), until=datetime(2026, 11, 20, tzinfo=UTC)
    )
    assert [r.seq for r in got] == [2]
    assert [r.seq for r in evidence.query(profile, mention_ids=[mid])] == [1, 2, 3]


def test_times_in_utc_and_local() -> None:
    utc, local = evidence.utc_and_local("2026-11-20T08:15:00+00:00")
    assert utc == "2026-11-20 08:15:00 UTC"
    assert "UTC" in local and "2026" in local
