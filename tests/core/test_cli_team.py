"""crisisdesk-cli contacts / incident / report commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crisisdesk_gui.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "contacts"


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def test_contacts_import_list_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "p"
    assert run(profile, "contacts", "import", str(FIXTURES / "team_en.csv")) == 0
    assert "Imported 3 contacts (3 new, 0 updated)." in capsys.readouterr().out
    assert run(profile, "contacts", "import", str(FIXTURES / "bad_email.csv")) == 2
    err = capsys.readouterr().err
    assert "Line 3, field “Work e-mail”" in err and "Nothing was imported." in err
    assert run(profile, "contacts", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [m["name"] for m in listed] == ["Ayşe Yılmaz", "Jänne Mäkelä", "Paweł Żółkiewski"]
    assert run(profile, "contacts", "export", str(tmp_path / "t.vcf")) == 0
    assert (tmp_path / "t.vcf").read_text(encoding="utf-8").count("BEGIN:VCARD") == 3
    assert run(profile, "contacts", "export", str(tmp_path / "t.txt")) == 2
    assert run(profile, "contacts", "export", str(tmp_path / "t.out"), "--format", "csv") == 0
    assert (tmp_path / "t.out").read_text(encoding="utf-8-sig").startswith("Name,Role")


def test_incident_and_stats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "p"
    assert run(profile, "incident", "open", "Spike", "--note", "9 reviews") == 0
    iid = capsys.readouterr().out.strip()
    assert run(profile, "incident", "close", iid, "--notes", "  ") == 2
    assert run(profile, "incident", "close", iid, "--notes", "Learned a lot") == 0
    assert run(profile, "incident", "list", "--json") == 0
    [item] = json.loads(capsys.readouterr().out)
    assert item["status"] == "closed" and item["steps"]["detect"] is True
    assert run(profile, "report", "stats", "--days", "7", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["response"]["current"]["cards"] == 0
    assert run(profile, "report", "stats", "--days", "0") == 2
