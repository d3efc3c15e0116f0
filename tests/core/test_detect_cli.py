"""crisisdesk-cli classify: one line out per line in, same order; JSON; the profile's corrections."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from crisisdesk_gui.cli import main
from crisisdesk_gui.core.db import open_profile_db
from crisisdesk_gui.core.detect import record_correction

LINES = [
    "Siparişim hâlâ gelmedi, rezalet!",
    "beznadziejna obsluga, nie polecam",
    "",
    "Kiitos, todella hyvä palvelu",
    "I got food poisoning from your salad",
]


def classify(monkeypatch, capsys, data_dir: Path, lines: list[str], *args: str):
    stdin = io.TextIOWrapper(io.BytesIO(("\n".join(lines) + "\n").encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code = main(["--data-dir", str(data_dir), "classify", *args])
    return code, capsys.readouterr()


def test_json_one_object_per_line_in_order(monkeypatch, capsys, data_dir: Path) -> None:
    code, out = classify(monkeypatch, capsys, data_dir, LINES, "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.out.splitlines()]
    assert len(rows) == len(LINES)
    assert [r["lang"] for r in rows] == ["tr", "pl", "other", "fi", "en"]
    assert [r["label"] for r in rows] == ["negative", "negative", "neutral", "positive", "negative"]
    assert rows[4]["severity"] == 3
    assert {"lang", "label", "score", "severity", "reasons"} <= set(rows[0])
    assert any(r["text"] == "rezalet" for r in rows[0]["reasons"])


def test_plain_output_and_lang_option(monkeypatch, capsys, data_dir: Path) -> None:
    code, out = classify(
        monkeypatch, capsys, data_dir, ["ei toimi", "en suosittele"], "--lang", "fi"
    )
    assert code == 0
    lines = out.out.splitlines()
    assert len(lines) == 2
    assert all(line.split("\t")[0] == "negative" and line.split("\t")[2] == "fi" for line in lines)


def test_unknown_language_is_a_usage_error(monkeypatch, capsys, data_dir: Path) -> None:
    code, out = classify(monkeypatch, capsys, data_dir, ["x"], "--lang", "de")
    assert code == 2
    assert "de" in out.err and "tr, pl, fi, en" in out.err


def test_profile_corrections_apply(monkeypatch, capsys, data_dir: Path) -> None:
    text = "Our new cake is sick"
    code, out = classify(monkeypatch, capsys, data_dir, [text], "--json")
    assert code == 0 and json.loads(out.out)["label"] == "negative"
    db = open_profile_db(data_dir)
    db["sources"].insert({"id": 1, "url": "file:///f.xml"})
    db["mentions"].insert({"id": 1, "source_id": 1, "dedup_key": "a", "text": text, "lang": "en"})
    record_correction(db, 1, "not_negative")
    db.conn.close()
    from crisisdesk_gui.core.detect import learn

    learn._REGISTRY.clear()  # as a fresh process would start
    code, out = classify(monkeypatch, capsys, data_dir, [text], "--json")
    assert code == 0
    row = json.loads(out.out)
    assert row["label"] != "negative"
    assert row["reasons"][0]["kind"] == "learned"


@pytest.mark.slow
def test_cli_as_a_process(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "crisisdesk_gui.cli",
            "--data-dir",
            str(tmp_path / "p"),
            "classify",
            "--json",
        ],
        input="nie polecam\nthanks, great service\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    labels = [json.loads(line)["label"] for line in result.stdout.splitlines()]
    assert labels == ["negative", "positive"]
