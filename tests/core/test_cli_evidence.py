"""crisisdesk-cli evidence: capture, verify (exit codes naming each problem), export-pdf."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader
from sqlite_utils import Database

from crisisdesk_gui.core import evidence
from crisisdesk_gui.core.paths import ProfilePaths
from tests.core.test_evidence import TURKISH, add_mention


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # headless: the CLI must choose offscreen by itself
    return subprocess.run(
        [sys.executable, "-m", "crisisdesk_gui.cli", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_capture_verify_export(data_dir: Path, db: Database, tmp_path: Path) -> None:
    mid = add_mention(db)
    other = add_mention(db, url="https://example.com/other")

    done = cli(data_dir, "evidence", "capture", str(mid), str(other))
    assert done.returncode == 0, done.stderr
    records = evidence.read_log(ProfilePaths(data_dir))
    assert [r.mention_id for r in records] == [mid, other]
    assert records[0].files[0]["sha256"] in done.stdout

    ok = cli(data_dir, "evidence", "verify")
    assert ok.returncode == 0 and "2 records, 4 files" in ok.stdout

    out = tmp_path / "evidence.pdf"
    exported = cli(data_dir, "evidence", "export-pdf", str(out), "--mention", str(mid))
    assert exported.returncode == 0, exported.stderr
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert TURKISH in text and "https://example.com/p/1" in text
    assert "https://example.com/other" not in text

    ranged = cli(
        data_dir,
        "evidence",
        "export-pdf",
        str(tmp_path / "r.pdf"),
        "--since",
        "2001-01-01",
        "--until",
        "2001-01-31",
    )
    assert ranged.returncode == 2 and "No evidence matches" in ranged.stderr

    listed = cli(data_dir, "evidence", "list")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 2

    png = records[1].path(ProfilePaths(data_dir), "comment.png")
    png.write_bytes(png.read_bytes() + b"\0")
    bad = cli(data_dir, "evidence", "verify")
    assert bad.returncode == 4
    assert "comment.png of record 2 was changed" in bad.stdout
    assert "1 problem found" in bad.stdout


def test_usage_errors(data_dir: Path, db: Database) -> None:
    unknown = cli(data_dir, "evidence", "capture", "4242")
    assert unknown.returncode == 2 and "4242" in unknown.stderr
    bad_date = cli(data_dir, "evidence", "export-pdf", "x.pdf", "--since", "yesterday")
    assert bad_date.returncode == 2 and "--since" in bad_date.stderr
    empty = cli(data_dir, "evidence", "verify")
    assert empty.returncode == 0


def test_concurrent_captures_keep_one_chain(data_dir: Path, db: Database) -> None:
    ids = [add_mention(db, url=f"https://example.com/c/{i}") for i in range(4)]
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "crisisdesk_gui.cli",
                "--data-dir",
                str(data_dir),
                "evidence",
                "capture",
                str(i),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for i in ids
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    profile = ProfilePaths(data_dir)
    assert sorted(r.mention_id for r in evidence.read_log(profile)) == ids
    report = evidence.verify(profile, db)
    assert report.ok and report.records == 4, report.problems
