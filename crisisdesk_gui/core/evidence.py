"""Evidence: captured files with their SHA-256 and an append-only, hash-chained log.

Layout under the profile's evidence folder:

    log.jsonl             one canonical-JSON record per line; the truth
    items/<folder>/…      the files of one capture (comment.png, raw-entry.json, page.png)

Each record holds its files' SHA-256, the mention's key data as captured, the capture time,
the app version, its sequence number and the hash of the previous record; its own hash is the
SHA-256 of its canonical JSON without the "hash" key. The `evidence` table is an index and a
second witness (it keeps each record's hash), never the source of truth.

A capture writes, in this order, each step durable before the next: the files (in a temporary
folder, fsynced, renamed into place), the log line (fsynced), the database row. A kill between
steps leaves at worst an unreferenced folder or a log record the database lacks; `reconcile`
restores the latter. Captures are serialised by holding SQLite's write lock (BEGIN IMMEDIATE)
for the whole step, which also covers other processes on the same profile.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from crisisdesk_gui import __version__
from crisisdesk_gui.core import i18n
from crisisdesk_gui.core.db import iso, parse_iso, utcnow
from crisisdesk_gui.core.i18n import _
from crisisdesk_gui.core.paths import ProfilePaths

RECORD_VERSION = 1
GENESIS = "0" * 64
LOG_NAME = "log.jsonl"
ITEMS_DIR = "items"

# Mention columns copied into the record: what the comment said and where it came from.
MENTION_KEYS = (
    "id",
    "source_id",
    "guid",
    "url",
    "title",
    "author",
    "published",
    "fetched",
    "updated",
    "text",
    "lang",
    "label",
    "score",
    "troll",
    "lane",
    "content_hash",
)


class EvidenceError(Exception):
    """A capture or export that cannot be done; the message says why and what to do."""


@dataclass(frozen=True)
class CaptureFile:
    """One file to store: `kind` is render (the comment as captured), page or raw."""

    name: str
    kind: str
    data: bytes
    mime: str = "application/octet-stream"


@dataclass(frozen=True)
class EvidenceRecord:
    seq: int
    hash: str
    prev_hash: str
    captured_at: str
    app_version: str
    actor: str
    folder: str
    mention: dict[str, Any]
    files: list[dict[str, Any]]
    line: bytes  # the log line as stored, without its newline

    @property
    def mention_id(self) -> int:
        return int(self.mention["id"])

    def path(self, profile: ProfilePaths, name: str) -> Path:
        return profile.evidence / ITEMS_DIR / self.folder / name

    @classmethod
    def from_line(cls, line: bytes) -> EvidenceRecord:
        data = json.loads(line)
        return cls(
            seq=int(data["seq"]),
            hash=str(data["hash"]),
            prev_hash=str(data["prev_hash"]),
            captured_at=str(data["captured_at"]),
            app_version=str(data["app_version"]),
            actor=str(data.get("actor", "")),
            folder=str(data["folder"]),
            mention=dict(data["mention"]),
            files=list(data["files"]),
            line=line,
        )


# --- hashing ---------------------------------------------------------------------------


def canonical(data: Any) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8 (RFC 8785 in spirit)."""
    return json.dumps(
        data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def record_hash(record: dict[str, Any]) -> str:
    return sha256(canonical({k: v for k, v in record.items() if k != "hash"}))


# --- durable writes --------------------------------------------------------------------


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_files(base: Path, folder: str, files: Sequence[CaptureFile]) -> None:
    """All files of a capture appear together or not at all."""
    base.mkdir(parents=True, exist_ok=True)
    tmp = base / f".tmp-{folder}"
    tmp.mkdir()
    try:
        for item in files:
            with (tmp / item.name).open("wb") as fh:
                fh.write(item.data)
                fh.flush()
                os.fsync(fh.fileno())
        _fsync_dir(tmp)
        os.replace(tmp, base / folder)
        _fsync_dir(base)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _log_path(profile: ProfilePaths) -> Path:
    return profile.evidence / LOG_NAME


def _read_lines(path: Path) -> tuple[list[bytes], bytes]:
    """Complete lines, and an unterminated tail (an interrupted write) if any."""
    if not path.exists():
        return [], b""
    data = path.read_bytes()
    lines = data.split(b"\n")
    tail = lines.pop()  # after the final newline: empty unless a write was cut short
    return [line for line in lines if line.strip()], tail


def _last_record(path: Path) -> EvidenceRecord | None:
    """The last complete record, read from the end so a long log costs no more."""
    if not path.exists():
        return None
    with path.open("rb") as fh:
        fh.seek(0, os.SEEK_END)
        end = fh.tell()
        buf = b""
        pos = end
        while pos > 0:
            step = min(1 << 16, pos)
            pos -= step
            fh.seek(pos)
            buf = fh.read(step) + buf
            complete = buf[: buf.rfind(b"\n") + 1] if b"\n" in buf else b""
            lines = [ln for ln in complete.split(b"\n") if ln.strip()]
            if len(lines) >= 2 or (pos == 0 and lines):
                return EvidenceRecord.from_line(lines[-1])
        return None


def _drop_torn_tail(path: Path) -> None:
    """A capture killed mid-append leaves an unterminated line that no database row knows."""
    if not path.exists():
        return
    with path.open("rb+") as fh:
        size = fh.seek(0, os.SEEK_END)
        if size == 0:
            return
        fh.seek(size - 1)
        if fh.read(1) == b"\n":
            return
        data = path.read_bytes()
        fh.truncate(data.rfind(b"\n") + 1)
        fh.flush()
        os.fsync(fh.fileno())


def _append_line(path: Path, line: bytes) -> None:
    with path.open("ab") as fh:
        fh.write(line + b"\n")
        fh.flush()
        os.fsync(fh.fileno())


# --- capture ---------------------------------------------------------------------------


def mention_snapshot(db: Database, mention_id: int) -> dict[str, Any]:
    """The mention's key data and its source's name and address, as they are now."""
    row = db.execute("SELECT * FROM mentions WHERE id = ?", [mention_id]).fetchone()
    if row is None:
        raise EvidenceError(
            _("There is no mention with id {id}; check the id on the card.").format(id=mention_id)
        )
    cols = [d[0] for d in db.execute("SELECT * FROM mentions LIMIT 0").description]
    data = dict(zip(cols, row, strict=True))
    snap = {key: data.get(key) for key in MENTION_KEYS}
    src = db.execute(
        "SELECT name, url FROM sources WHERE id = ?", [data.get("source_id")]
    ).fetchone()
    snap["source_name"] = src[0] if src else None
    snap["source_url"] = src[1] if src else None
    return snap


def raw_entry(db: Database, mention_id: int) -> str | None:
    row = db.execute("SELECT raw FROM mentions WHERE id = ?", [mention_id]).fetchone()
    return row[0] if row else None


def content_fingerprint(snapshot: dict[str, Any], raw: str | None) -> str:
    """What must differ for a new capture of the same mention to add anything."""
    keys = ("url", "title", "author", "published", "text", "source_name")
    return sha256(canonical({"m": {k: snapshot.get(k) for k in keys}, "raw": raw}))


def latest_for_mention(db: Database, mention_id: int) -> int | None:
    row = db.execute("SELECT max(id) FROM evidence WHERE mention_id = ?", [mention_id]).fetchone()
    return int(row[0]) if row and row[0] is not None else None


def store_capture(
    profile: ProfilePaths,
    db: Database,
    snapshot: dict[str, Any],
    files: Sequence[CaptureFile],
    *,
    actor: str,
    captured_at: datetime | None = None,
) -> int:
    """Store one capture of a mention durably; returns its evidence id (= log sequence)."""
    if not files:
        raise EvidenceError(_("A capture needs at least one file."))
    names = [f.name for f in files]
    if len(set(names)) != len(names) or any("/" in n or "\\" in n or n[:1] in ".~" for n in names):
        raise EvidenceError(_("Evidence file names must be unique plain names."))
    captured = captured_at or utcnow()
    log_path = _log_path(profile)
    profile.evidence.mkdir(parents=True, exist_ok=True)

    owns = not db.conn.in_transaction
    if owns:
        db.conn.execute("BEGIN IMMEDIATE")  # the profile-wide lock for one capture
    try:
        _drop_torn_tail(log_path)
        _reconcile_locked(profile, db)
        last = _last_record(log_path)
        seq = (last.seq + 1) if last else 1
        stamp = captured.astimezone().strftime("%Y%m%dT%H%M%S")
        folder = f"{seq:06d}-m{snapshot['id']}-{stamp}-{secrets.token_hex(3)}"
        _write_files(profile.evidence / ITEMS_DIR, folder, files)
        record: dict[str, Any] = {
            "v": RECORD_VERSION,
            "seq": seq,
            "captured_at": captured.astimezone(UTC).isoformat(timespec="microseconds"),
            "app_version": __version__,
            "actor": actor,
            "folder": folder,
            "mention": snapshot,
            "files": [
                {
                    "name": f.name,
                    "kind": f.kind,
                    "mime": f.mime,
                    "size": len(f.data),
                    "sha256": sha256(f.data),
                }
                for f in files
            ],
            "prev_hash": last.hash if last else GENESIS,
        }
        record["hash"] = record_hash(record)
        line = canonical(record)
        _append_line(log_path, line)
        _insert_row(db, EvidenceRecord.from_line(line))
        _add_capture_event(db, snapshot, seq, actor, captured)
        if owns:
            db.conn.commit()
    except BaseException:
        if owns and db.conn.in_transaction:
            db.conn.rollback()
        raise
    return seq


def _insert_row(db: Database, rec: EvidenceRecord) -> None:
    db.conn.execute(
        "INSERT INTO evidence(id, mention_id, captured_at, app_version, files, record_hash, "
        "prev_hash, folder) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            rec.seq,
            rec.mention_id,
            rec.captured_at,
            rec.app_version,
            json.dumps(rec.files, ensure_ascii=False),
            rec.hash,
            rec.prev_hash,
            rec.folder,
        ],
    )


def _add_capture_event(
    db: Database, snapshot: dict[str, Any], seq: int, actor: str, at: datetime
) -> None:
    exists = db.execute("SELECT 1 FROM mentions WHERE id = ?", [snapshot["id"]]).fetchone()
    if not exists:
        return
    from crisisdesk_gui.core import board

    board.add_event(
        db,
        int(snapshot["id"]),
        "capture",
        actor=actor,
        data={"evidence_id": seq},
        text=_("Evidence captured (#{seq})").format(seq=seq),
        at=at,
    )


def _reconcile_locked(profile: ProfilePaths, db: Database) -> int:
    lines, _tail = _read_lines(_log_path(profile))
    known = {int(r[0]) for r in db.execute("SELECT id FROM evidence").fetchall()}
    added = 0
    for line in lines:
        try:
            rec = EvidenceRecord.from_line(line)
        except (ValueError, KeyError, TypeError):
            continue  # verify names it; a damaged line must not block new captures
        if rec.seq not in known:
            _insert_row(db, rec)
            added += 1
    return added


def reconcile(profile: ProfilePaths, db: Database) -> int:
    """Give log records that a kill kept out of the database their rows; returns how many."""
    with db.conn:
        return _reconcile_locked(profile, db)


# --- reading ---------------------------------------------------------------------------


def read_log(profile: ProfilePaths) -> list[EvidenceRecord]:
    """Every readable record, in log order (run `verify` to know they are intact)."""
    lines, _tail = _read_lines(_log_path(profile))
    out = []
    for line in lines:
        try:
            out.append(EvidenceRecord.from_line(line))
        except (ValueError, KeyError, TypeError):
            continue
    return out


def query(
    profile: ProfilePaths,
    *,
    mention_ids: Iterable[int] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[EvidenceRecord]:
    """Records for an export: by mention, and by capture time (since inclusive, until exclusive)."""
    wanted = set(mention_ids) if mention_ids is not None else None
    out = []
    for rec in read_log(profile):
        at = parse_iso(rec.captured_at)
        if wanted is not None and rec.mention_id not in wanted:
            continue
        if since is not None and at is not None and at < since:
            continue
        if until is not None and at is not None and at >= until:
            continue
        out.append(rec)
    return out


# --- verify ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    kind: str  # file_changed | file_missing | record_edited | record_unreadable | order | chain | removed | log_missing
    message: str
    seq: int | None = None
    path: str | None = None


@dataclass
class VerifyReport:
    records: int = 0
    files: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(profile: ProfilePaths, db: Database | None = None) -> VerifyReport:
    """Check every record, the chain, every file, and (with `db`) the records the database knows.

    Read-only. The log is the truth; the database's copy of each record hash catches records
    removed from or rewritten in the log even when the chain was rebuilt after them.
    """
    report = VerifyReport()
    log_path = _log_path(profile)
    lines, tail = _read_lines(log_path)
    db_hashes: dict[int, str] = {}
    if db is not None:
        db_hashes = {
            int(i): str(h) for i, h in db.execute("SELECT id, record_hash FROM evidence").fetchall()
        }
    if not log_path.exists():
        if db_hashes:
            report.problems.append(
                Problem(
                    "log_missing",
                    _(
                        "The evidence log {path} is missing, but the database lists {n} records."
                    ).format(path=log_path, n=len(db_hashes)),
                )
            )
        return report
    if tail.strip():
        report.warnings.append(
            _(
                "The last line of the evidence log is incomplete (a capture was interrupted); "
                "it is ignored."
            )
        )

    prev_hash = GENESIS
    seen: set[int] = set()
    referenced: set[str] = set()
    for position, line in enumerate(lines, start=1):
        try:
            rec = EvidenceRecord.from_line(line)
            data = json.loads(line)
        except (ValueError, KeyError, TypeError):
            report.problems.append(
                Problem(
                    "record_unreadable",
                    _("Record at line {line} cannot be read: it was edited or damaged.").format(
                        line=position
                    ),
                    seq=position,
                )
            )
            prev_hash = ""
            continue
        report.records += 1
        seen.add(rec.seq)
        actual = record_hash(data)
        if actual != rec.hash:
            report.problems.append(
                Problem(
                    "record_edited",
                    _(
                        "Record {seq} was edited: its content hashes to {actual}, not the stored {expected}."
                    ).format(seq=rec.seq, actual=actual, expected=rec.hash),
                    seq=rec.seq,
                )
            )
        if rec.seq != position:
            report.problems.append(
                Problem(
                    "order",
                    _(
                        "Record {seq} is at position {pos}: a record before it was removed or the "
                        "records were reordered."
                    ).format(seq=rec.seq, pos=position),
                    seq=rec.seq,
                )
            )
        if prev_hash and rec.prev_hash != prev_hash:
            report.problems.append(
                Problem(
                    "chain",
                    _(
                        "The chain is broken at record {seq}: it names {named} as the previous record, "
                        "but the record before it hashes to {actual}."
                    ).format(seq=rec.seq, named=rec.prev_hash, actual=prev_hash),
                    seq=rec.seq,
                )
            )
        prev_hash = rec.hash
        if rec.seq in db_hashes and db_hashes[rec.seq] != rec.hash:
            report.problems.append(
                Problem(
                    "record_edited",
                    _(
                        "Record {seq} differs from the one the database recorded at capture time "
                        "(hash {actual}, recorded {expected})."
                    ).format(seq=rec.seq, actual=rec.hash, expected=db_hashes[rec.seq]),
                    seq=rec.seq,
                )
            )
        referenced.add(rec.folder)
        for item in rec.files:
            report.files += 1
            path = rec.path(profile, str(item["name"]))
            shown = str(path.relative_to(profile.evidence))
            if not path.is_file():
                report.problems.append(
                    Problem(
                        "file_missing",
                        _("File {path} of record {seq} is missing.").format(
                            path=shown, seq=rec.seq
                        ),
                        seq=rec.seq,
                        path=shown,
                    )
                )
                continue
            actual_file = sha256_file(path)
            if actual_file != item["sha256"]:
                report.problems.append(
                    Problem(
                        "file_changed",
                        _(
                            "File {path} of record {seq} was changed: expected SHA-256 {expected}, "
                            "found {actual}."
                        ).format(
                            path=shown, seq=rec.seq, expected=item["sha256"], actual=actual_file
                        ),
                        seq=rec.seq,
                        path=shown,
                    )
                )
    for seq in sorted(set(db_hashes) - seen):
        report.problems.append(
            Problem(
                "removed",
                _(
                    "Record {seq} is missing from the evidence log, though the database recorded it."
                ).format(seq=seq),
                seq=seq,
            )
        )
    items = profile.evidence / ITEMS_DIR
    if items.is_dir():
        for child in sorted(items.iterdir()):
            if child.is_dir() and child.name not in referenced and not child.name.startswith("."):
                report.warnings.append(
                    _(
                        "Folder {path} is not in the evidence log (left by an interrupted capture)."
                    ).format(path=f"{ITEMS_DIR}/{child.name}")
                )
    return report


# --- shown times -----------------------------------------------------------------------


def utc_and_local(text: str | None) -> tuple[str, str]:
    """A stored ISO time as ("2026-11-22 13:25:03 UTC", "22 Nov 2026, 16:25:03 (UTC+03:00)")."""
    dt = parse_iso(text)
    if dt is None:
        return _("unknown"), _("unknown")
    utc = iso(dt) or ""
    offset = dt.astimezone().strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    return (
        utc.replace("T", " ").replace("+00:00", " UTC"),
        f"{i18n.format_datetime(dt, 'medium')} ({offset})",
    )


def local_day_bounds(
    first: date | None, last: date | None
) -> tuple[datetime | None, datetime | None]:
    """Whole local days first..last (both included) as an aware [since, until) pair."""
    since = datetime.combine(first, time()).astimezone() if first else None
    until = datetime.combine(last + timedelta(days=1), time()).astimezone() if last else None
    return since, until
