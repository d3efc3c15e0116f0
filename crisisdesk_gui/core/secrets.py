"""Passwords and tokens (private feeds, mail) in the OS keyring, never in the database or logs.

Every secret lives under the service name "CrisisDesk". When no keyring backend works the
functions raise `KeyringUnavailable`; only after the user agreed (setting
"allow_insecure_secret_store", asked by ui/secret_prompt.py) does `use_file_fallback` switch to a
plain JSON file in the profile, readable by the owner only (0600). keyrings.alt is deliberately not
used: it would silently make a plaintext file the default keyring.

Source credentials: the user name is not secret and lives in the profile's `sources.auth_user`
column; the password or token lives only in the keyring, keyed per profile and source.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from crisisdesk_gui.core.i18n import _
from crisisdesk_gui.core.paths import ProfilePaths, resolve_profile

if TYPE_CHECKING:
    import keyring.backend
    from sqlite_utils import Database

# keyring is imported where it is used: importing it and finding its backends cost the app's
# start ~100 ms, and most starts never touch a secret before the window is up.

log = logging.getLogger(__name__)

SERVICE = "CrisisDesk"
FALLBACK_FILENAME = "secrets-insecure.json"

_fallback_path: Path | None = None
_active_data_dir: Path | None = None


class KeyringUnavailable(RuntimeError):
    """No working keyring backend; the message says what the user can do."""


def _memory_keyring_class() -> type:
    import keyring.backend
    import keyring.errors

    class MemoryKeyring(keyring.backend.KeyringBackend):
        """A keyring that forgets everything when the process ends (tests, demo)."""

        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            if self.store.pop((service, username), None) is None:
                raise keyring.errors.PasswordDeleteError(username)

    MemoryKeyring.__module__ = __name__
    return MemoryKeyring


def __getattr__(name: str) -> Any:
    # `MemoryKeyring` subclasses keyring's base class, so it is built on first use.
    if name == "MemoryKeyring":
        cls = globals()["MemoryKeyring"] = _memory_keyring_class()
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def use_memory_backend() -> Any:
    """Install a fresh in-memory keyring (tests use it for every test); returns it."""
    import keyring

    backend = __getattr__("MemoryKeyring")()
    keyring.set_keyring(backend)
    return backend


def use_file_fallback(path: Path | None) -> None:
    """Keep secrets in `path` (0600 JSON) when no keyring works; None turns that off.

    Call it only after the user agreed; app.py does so when allow_insecure_secret_store is set.
    """
    global _fallback_path
    _fallback_path = path


def fallback_path_for(data_dir: Path) -> Path:
    return data_dir / FALLBACK_FILENAME


def set_profile(data_dir: Path | None) -> None:
    """The profile whose sources `source_credentials` reads when no db is given."""
    global _active_data_dir
    _active_data_dir = data_dir


def _unusable(backend: keyring.backend.KeyringBackend) -> bool:
    from keyring.backends import chainer, fail, null

    if isinstance(backend, fail.Keyring | null.Keyring):
        return True
    return isinstance(backend, chainer.ChainerBackend) and not backend.backends


def backend_name() -> str:
    """A short description of the keyring in use, for the settings dialog."""
    import keyring

    backend = keyring.get_keyring()
    if _unusable(backend):
        return _("none")
    return getattr(backend, "name", type(backend).__name__)


def keyring_available() -> bool:
    import keyring

    return not _unusable(keyring.get_keyring())


def stores_in_file() -> bool:
    """True when secrets go to the profile's file: no keyring works and the user allowed it."""
    return _fallback_path is not None and not keyring_available()


def _unavailable(detail: str) -> KeyringUnavailable:
    return KeyringUnavailable(
        _(
            "No password store (keyring) works on this computer ({detail}). Install or unlock "
            "one (GNOME Keyring, KWallet, KeePassXC with Secret Service, or the system keychain), "
            "or allow CrisisDesk in Settings to keep secrets in a file in its profile folder."
        ).format(detail=detail)
    )


def _use_file() -> bool:
    """True when the fallback file is to be used; raises when neither store is possible."""
    if keyring_available():
        return False
    if _fallback_path is not None:
        return True
    raise _unavailable(_("no keyring backend found"))


def _read_file() -> dict[str, str]:
    assert _fallback_path is not None
    try:
        data = json.loads(_fallback_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        # Do not show the content: it holds secrets.
        raise KeyringUnavailable(
            _("The secrets file {path} cannot be read: {error}").format(
                path=_fallback_path, error=type(exc).__name__
            )
        ) from exc
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _write_file(data: dict[str, str]) -> None:
    assert _fallback_path is not None
    _fallback_path.parent.mkdir(parents=True, exist_ok=True)
    # mkstemp creates the file readable and writable by the owner only (0600).
    fd, tmp = tempfile.mkstemp(prefix=".secrets-", dir=_fallback_path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        os.replace(tmp, _fallback_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def get_secret(key: str) -> str | None:
    if _use_file():
        return _read_file().get(key)
    import keyring.errors

    try:
        return keyring.get_password(SERVICE, key)
    except keyring.errors.KeyringError as exc:
        raise _unavailable(str(exc) or type(exc).__name__) from exc


def set_secret(key: str, value: str) -> None:
    if _use_file():
        data = _read_file()
        data[key] = value
        _write_file(data)
        log.info("secret %s stored in the fallback file", key)
        return
    import keyring.errors

    try:
        keyring.set_password(SERVICE, key, value)
    except keyring.errors.KeyringError as exc:
        raise _unavailable(str(exc) or type(exc).__name__) from exc
    log.info("secret %s stored in the keyring", key)


def delete_secret(key: str) -> None:
    """Forget a secret; deleting one that does not exist is not an error."""
    if _use_file():
        data = _read_file()
        if data.pop(key, None) is not None:
            _write_file(data)
        return
    import keyring.errors

    try:
        keyring.delete_password(SERVICE, key)
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as exc:
        raise _unavailable(str(exc) or type(exc).__name__) from exc


# --- private feeds ------------------------------------------------------------------------

URL_SECRET = "{secret}"  # stands in a stored feed address for the token kept in the keyring
_TOKEN_PARAMS = frozenset(
    {
        "token",
        "access_token",
        "auth",
        "auth_token",
        "key",
        "api_key",
        "apikey",
        "secret",
        "password",
        "pass",
        "private_token",
        "feed_token",
    }
)


def split_url_secret(url: str) -> tuple[str, str | None]:
    """A feed address without its token: ("…?token={secret}", "abc123"), or (url, None).

    A password in the address (https://user:pw@host/…) counts too. Store the first part as the
    source's url and the secret with `set_source_credentials`; `join_url_secret` puts it back.
    """
    parts = urlsplit(url)
    secret: str | None = None
    netloc = parts.netloc
    if parts.password:
        secret = unquote(parts.password)
        netloc = f"{parts.username}:{URL_SECRET}@{parts.hostname}" + (
            f":{parts.port}" if parts.port else ""
        )
    query = parse_qsl(parts.query, keep_blank_values=True)
    kept = []
    for name, value in query:
        if secret is None and value and name.lower() in _TOKEN_PARAMS:
            secret, value = value, URL_SECRET
        kept.append((name, value))
    if secret is None:
        return url, None
    new_query = urlencode(kept, safe="{}")
    return urlunsplit((parts.scheme, netloc, parts.path, new_query, parts.fragment)), secret


def join_url_secret(url: str, secret: str | None) -> str:
    """The address to fetch: the stored url with its {secret} filled in (URL-quoted)."""
    if URL_SECRET not in url or secret is None:
        return url
    return url.replace(URL_SECRET, quote(secret, safe=""))


def _db_data_dir(db: Database) -> Path:
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2]).parent


def source_secret_key(data_dir: Path, source_id: int) -> str:
    # Per profile: the demo profile's source 1 is not the real profile's source 1.
    return f"{ProfilePaths(data_dir).lock_name}/source/{source_id}"


def set_source_credentials(db: Database, source_id: int, user: str, secret: str) -> None:
    """Store a private feed's user name (in the db) and password or token (in the keyring).

    The secret is stored first, so a failure leaves the source as it was.
    """
    set_secret(source_secret_key(_db_data_dir(db), source_id), secret)
    with db.conn:
        db.execute(
            "UPDATE sources SET auth_user = ?, auth_secret = 1 WHERE id = ?", [user, source_id]
        )


def clear_source_credentials(db: Database, source_id: int) -> None:
    with db.conn:
        db.execute("UPDATE sources SET auth_user = NULL, auth_secret = 0 WHERE id = ?", [source_id])
    delete_secret(source_secret_key(_db_data_dir(db), source_id))


def source_credentials(source_id: int, db: Database | None = None) -> tuple[str, str] | None:
    """(user name, password or token) for a private feed, or None for a public one.

    Public feeds never touch the keyring, so polling works on machines without one. Pass the
    profile's `db` when you have it; else the profile set with `set_profile` (or the default).
    """
    own = db is None
    if db is None:
        data_dir = _active_data_dir or resolve_profile().data_dir
        path = ProfilePaths(data_dir).database
        if not path.exists():
            return None
        from sqlite_utils import Database  # off the app's launch path

        db = Database(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True), execute_plugins=False)
    try:
        row = db.execute(
            "SELECT auth_user, auth_secret FROM sources WHERE id = ?", [source_id]
        ).fetchone()
        data_dir = _db_data_dir(db)
    except sqlite3.OperationalError:  # no such column/table: an older or empty profile
        return None
    finally:
        if own:
            db.conn.close()
    if row is None or not row[1]:
        return None
    secret = get_secret(source_secret_key(data_dir, source_id))
    if secret is None:
        log.warning("source %s should have a secret but the keyring has none", source_id)
        return None
    return (row[0] or "", secret)
