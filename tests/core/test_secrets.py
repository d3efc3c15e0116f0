"""The keyring module: memory backend in tests, a clear error without a keyring, the fallback."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from crisisdesk_gui.core import secrets


def test_roundtrip_in_the_keyring_under_the_app_name(_memory_keyring) -> None:
    secrets.set_secret("mail/password", "s3cret")
    assert secrets.get_secret("mail/password") == "s3cret"
    assert _memory_keyring.store == {("CrisisDesk", "mail/password"): "s3cret"}
    secrets.delete_secret("mail/password")
    assert secrets.get_secret("mail/password") is None
    secrets.delete_secret("mail/password")  # deleting twice is fine


def test_no_backend_raises_a_clear_error() -> None:
    keyring.set_keyring(fail.Keyring())
    assert not secrets.keyring_available()
    with pytest.raises(secrets.KeyringUnavailable, match="keyring"):
        secrets.set_secret("k", "v")
    with pytest.raises(secrets.KeyringUnavailable):
        secrets.get_secret("k")


def test_backend_errors_become_keyring_unavailable() -> None:
    class Locked(secrets.MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            raise keyring.errors.KeyringLocked("collection is locked")

    keyring.set_keyring(Locked())
    with pytest.raises(secrets.KeyringUnavailable, match="locked"):
        secrets.set_secret("k", "v")


def test_file_fallback_only_when_enabled_and_private(tmp_path: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    path = secrets.fallback_path_for(tmp_path)
    with pytest.raises(secrets.KeyringUnavailable):
        secrets.set_secret("feed", "token")
    assert not path.exists()
    secrets.use_file_fallback(path)
    secrets.set_secret("feed", "token")
    assert secrets.get_secret("feed") == "token"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    secrets.delete_secret("feed")
    assert secrets.get_secret("feed") is None


def test_working_keyring_wins_over_the_fallback(tmp_path: Path, _memory_keyring) -> None:
    path = secrets.fallback_path_for(tmp_path)
    secrets.use_file_fallback(path)
    secrets.set_secret("feed", "token")
    assert not path.exists()
    assert _memory_keyring.store[("CrisisDesk", "feed")] == "token"


def test_source_credentials(db, data_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    public = db["sources"].insert({"url": "https://example.org/a.xml"}).last_pk
    private = db["sources"].insert({"url": "https://example.org/b.xml"}).last_pk
    db.conn.commit()
    secrets.set_source_credentials(db, private, "ayse", "p4ss-w0rd")
    assert secrets.source_credentials(public, db) is None
    assert secrets.source_credentials(private, db) == ("ayse", "p4ss-w0rd")
    # Without a db: the profile from set_profile, else $CRISISDESK_DATA_DIR.
    assert secrets.source_credentials(private) == ("ayse", "p4ss-w0rd")
    # The secret is never in the database or the log.
    dump = "\n".join(db.conn.iterdump())
    assert "p4ss-w0rd" not in dump
    assert "p4ss-w0rd" not in caplog.text
    secrets.clear_source_credentials(db, private)
    assert secrets.source_credentials(private, db) is None


def test_public_sources_work_without_a_keyring(db) -> None:
    sid = db["sources"].insert({"url": "https://example.org/a.xml"}).last_pk
    db.conn.commit()
    keyring.set_keyring(fail.Keyring())
    assert secrets.source_credentials(sid, db) is None


def test_secrets_are_per_profile(tmp_path: Path) -> None:
    a = secrets.source_secret_key(tmp_path / "a", 1)
    b = secrets.source_secret_key(tmp_path / "b", 1)
    assert a != b


@pytest.mark.parametrize(
    ("url", "stored", "secret"),
    [
        (
            "https://example.org/feed?q=a&token=abc123",
            "https://example.org/feed?q=a&token={secret}",
            "abc123",
        ),
        (
            "https://ayse:pw%2F1@example.org/f.xml",
            "https://ayse:{secret}@example.org/f.xml",
            "pw/1",
        ),
        ("https://example.org/feed?q=token", "https://example.org/feed?q=token", None),
    ],
)
def test_tokens_in_feed_addresses_are_split_off(url: str, stored: str, secret: str | None) -> None:
    assert secrets.split_url_secret(url) == (stored, secret)
    if secret is not None:
        assert secrets.URL_SECRET in stored
        assert secrets.join_url_secret(stored, "s/é") == stored.replace("{secret}", "s%2F%C3%A9")


def test_a_token_in_a_changed_address_goes_to_the_keyring(db, _memory_keyring) -> None:
    from crisisdesk_gui.core import sources

    sid = sources.add_source(db, "https://example.org/feed.xml")
    secrets.set_source_credentials(db, sid, "ayse", "old-pass")
    sources.update_source(db, sid, url="https://example.org/feed.xml?token=n3w-t0ken")
    row = sources.get_source(db, sid)
    assert row["url"] == "https://example.org/feed.xml?token={secret}"
    assert secrets.source_credentials(sid, db) == ("ayse", "n3w-t0ken")
    assert "n3w-t0ken" not in "\n".join(db.conn.iterdump())
    # the placeholder stands for the saved secret: saving the address again keeps it
    sources.update_source(db, sid, url=row["url"], name="Partner")
    assert secrets.source_credentials(sid, db) == ("ayse", "n3w-t0ken")
