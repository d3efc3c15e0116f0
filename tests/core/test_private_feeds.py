"""Private feeds whose address carries a token: the token lives in the keyring only."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from crisisdesk_gui.core import sources
from crisisdesk_gui.core.ingest import poll_once
from tests.core.loopback_feeds import feed_server, send, simple_feed

TOKEN = "s3cr3t-t0ken"


def everything_stored(data_dir: Path) -> bytes:
    """The whole profile as bytes: database, WAL and logs."""
    return b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())


def private_route(h: BaseHTTPRequestHandler) -> None:
    if f"token={TOKEN}" in h.path:
        send(h, 200, simple_feed("private", 3))
    else:
        send(h, 403, b"no", "text/plain")


def test_a_token_in_the_address_is_kept_in_the_keyring_and_used_to_poll(
    db, data_dir: Path, _memory_keyring
) -> None:
    with feed_server() as server:
        server.routes["/feed"] = private_route
        source_id = sources.add_source(db, server.url(f"/feed?token={TOKEN}"))
        stored = sources.get_source(db, source_id)
        assert stored is not None and "token={secret}" in stored["url"]
        assert TOKEN in _memory_keyring.store.values()

        summary = poll_once(data_dir, source_ids=[source_id])

    assert len(summary.new_ids) == 3
    assert sources.get_source(db, source_id)["last_error"] is None
    assert TOKEN.encode() not in everything_stored(data_dir)


def test_a_failing_private_feed_never_writes_its_token_into_the_error(
    db, data_dir: Path, _memory_keyring
) -> None:
    with feed_server() as server:
        # A redirect loop: its error names the address, token and all, as it was fetched.
        server.routes["/feed"] = lambda h: send(h, 302, b"", "text/plain", {"Location": h.path})
        source_id = sources.add_source(db, server.url(f"/feed?key={TOKEN}"))
        poll_once(data_dir, source_ids=[source_id])

    error = sources.get_source(db, source_id)["last_error"]
    assert error and "loop" in error and "key={secret}" in error
    assert TOKEN.encode() not in everything_stored(data_dir)


def test_without_a_keyring_the_source_is_refused_and_nothing_is_kept(db) -> None:
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(sources.SourceError, match="token"):
        sources.add_source(db, f"https://example.org/feed?token={TOKEN}")
    assert sources.list_sources(db) == []


def test_a_placeholder_address_without_its_token_is_not_fetched(
    db, data_dir: Path, _memory_keyring
) -> None:
    with feed_server() as server:
        server.routes["/feed"] = private_route
        source_id = sources.add_source(db, server.url(f"/feed?token={TOKEN}"))
        _memory_keyring.store.clear()  # the keyring lost it (another machine, a reset)
        summary = poll_once(data_dir, source_ids=[source_id])
        asked = list(server.requests)

    assert summary.new_ids == []
    error = sources.get_source(db, source_id)["last_error"]
    assert error and "token" in error and "Edit the source" in error
    assert asked == []  # no request with "{secret}" in it went out
