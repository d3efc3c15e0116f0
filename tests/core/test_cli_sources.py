"""The command-line contract of sources, keywords, poll and mentions (scripts rely on it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crisisdesk_gui.cli import main
from tests.core.loopback_feeds import feed_server, simple_feed, static

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"


@pytest.fixture
def cli(data_dir: Path, capsys: pytest.CaptureFixture[str]):
    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(data_dir), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_sources_add_list_remove(cli) -> None:
    code, out, _err = cli(
        "sources",
        "add",
        "https://example.com/feed",
        "--name",
        "Example",
        "--every",
        "15",
        "--keywords-only",
    )
    assert code == 0 and out.strip() == "1"
    assert cli("sources", "add", str(FIXTURES / "google_alerts.xml"))[0] == 0
    code, out, _err = cli("sources", "list", "--json")
    rows = json.loads(out)
    assert [r["id"] for r in rows] == [1, 2]
    assert {"id", "url", "name", "last_error", "failures", "next_attempt"} <= set(rows[0])
    assert rows[0]["every_minutes"] == 15 and rows[0]["keywords_only"] == 1
    assert rows[1]["url"].startswith("file://") and rows[1]["failures"] == 0
    code, out, _err = cli("sources", "list")
    assert "Example" in out and "not fetched yet" in out
    assert cli("sources", "remove", "1")[0] == 0
    assert [r["id"] for r in json.loads(cli("sources", "list", "--json")[1])] == [2]


@pytest.mark.parametrize(
    "args",
    [
        ("sources", "add", "ftp://example.com/feed"),
        ("sources", "add", "http://[::1"),
        ("sources", "add", "/no/such/file.xml"),
        ("sources", "add", "https://example.com/f", "--every", "0"),
        ("sources", "remove", "42"),
        ("mentions", "list", "--limit", "-1"),
        ("sources", "import-opml", "/no/such.opml"),
    ],
)
def test_usage_errors_exit_2_with_a_message(cli, args) -> None:
    code, _out, err = cli(*args)
    assert code == 2 and err.startswith("crisisdesk-cli: ")


def test_duplicate_source_is_a_usage_error(cli) -> None:
    cli("sources", "add", "https://example.com/feed")
    code, _out, err = cli("sources", "add", "https://example.com/feed")
    assert code == 2 and "already in the list" in err


def test_storage_error_exits_1(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    assert main(["--data-dir", str(blocker), "sources", "list"]) == 1
    assert "crisisdesk-cli:" in capsys.readouterr().err


def test_keywords_add_and_list(cli) -> None:
    assert cli("keywords", "add", "Lezzet Fırını", "lezzet firini", "Łódź")[0] == 0
    code, out, _err = cli("keywords", "list")
    assert code == 0
    assert out.splitlines() == ["Lezzet Fırını", "Łódź"]  # the folded duplicate is ignored


def test_opml_export_and_import(cli, tmp_path: Path) -> None:
    cli("sources", "add", "https://a.example/rss", "--name", "A")
    cli("sources", "add", "https://b.example/rss")
    out = tmp_path / "s.opml"
    assert cli("sources", "export-opml", str(out))[0] == 0
    assert cli("sources", "remove", "2")[0] == 0
    code, text, _err = cli("sources", "import-opml", str(out))
    assert code == 0 and "1 added, 1 skipped" in text
    urls = [r["url"] for r in json.loads(cli("sources", "list", "--json")[1])]
    assert urls == ["https://a.example/rss", "https://b.example/rss"]


def test_poll_once_exit_codes_and_mentions_list(cli) -> None:
    with feed_server() as server:
        server.routes["/ok"] = static(simple_feed("ok", 3), etag='"1"')
        cli("sources", "add", server.url("/ok"))
        code, out, _err = cli("poll", "--once")
        assert code == 0 and "3 new mentions" in out
        code, out, _err = cli("poll", "--once")
        assert code == 0 and "unchanged" in out
        cli("sources", "add", server.url("/missing"))
        code, out, _err = cli("poll", "--once")
        assert code == 3 and "404" in out and "1 failed" in out
    code, out, _err = cli("mentions", "list", "--json")
    rows = json.loads(out)
    assert code == 0 and [r["title"] for r in rows] == ["ok item 2", "ok item 1", "ok item 0"]
    assert {
        "id",
        "source_id",
        "url",
        "title",
        "text",
        "author",
        "published",
        "fetched",
        "lang",
        "lane",
    } <= set(rows[0])
    assert len(json.loads(cli("mentions", "list", "--json", "--limit", "1")[1])) == 1
    assert all(
        r["lane"] == "new"
        for r in json.loads(cli("mentions", "list", "--json", "--lane", "new")[1])
    )
    failed = json.loads(cli("sources", "list", "--json")[1])[1]
    assert failed["failures"] == 1 and "404" in failed["last_error"] and failed["next_attempt"]


def test_poll_without_once_runs_until_interrupted(data_dir: Path) -> None:
    import signal
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[2]
    with feed_server() as server:
        server.routes["/ok"] = static(simple_feed("loop", 2))
        assert main(["--data-dir", str(data_dir), "sources", "add", server.url("/ok")]) == 0
        proc = subprocess.Popen(
            [sys.executable, "-m", "crisisdesk_gui.cli", "--data-dir", str(data_dir), "poll"],
            cwd=repo,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            lines = []
            for line in proc.stdout:  # bounded by the test timeout; the poll prints at once
                lines.append(line)
                if line.startswith("Next poll at"):
                    break
            assert any("2 new mentions" in line for line in lines), lines
            assert proc.poll() is None  # still polling on schedule
            proc.send_signal(signal.SIGINT)
            out, _err = proc.communicate(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    assert proc.returncode == 0 and "Stopped." in out
