"""Private feeds on the Sources page: user name and password or token go to the keyring only."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from crisisdesk_gui.core import secrets, sources
from crisisdesk_gui.core.paths import ProfilePaths
from crisisdesk_gui.ui import sources_view
from crisisdesk_gui.ui.sources_view import SourceDialog, SourcesView

SECRET = "p4ss-w0rd-7e1"
URL = "https://example.org/private.xml"

Filler = Callable[[SourceDialog], None]


def everything_stored(data_dir: Path) -> bytes:
    """The whole profile as bytes: database, WAL, settings and logs."""
    return b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(str(a[2])))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return shown


@pytest.fixture
def view(qtbot, db, data_dir: Path, warnings) -> SourcesView:
    widget = SourcesView(ProfilePaths(data_dir), db)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> tuple[list[Filler], list[SourceDialog]]:
    """Modal dialogs without a user: each exec() runs the next filler and presses OK;
    with no filler left it is cancelled. Every dialog shown is kept for a look."""
    fillers: list[Filler] = []
    shown: list[SourceDialog] = []

    def fake_exec(self: SourceDialog) -> int:
        shown.append(self)
        if not fillers:
            return 0
        fillers.pop(0)(self)
        return 1

    monkeypatch.setattr(sources_view.SourceDialog, "exec", fake_exec)
    return fillers, shown


def typed(url: str | None = None, user: str | None = None, secret: str | None = None) -> Filler:
    def fill(dialog: SourceDialog) -> None:
        for field, text in ((dialog.url, url), (dialog.user, user), (dialog.secret, secret)):
            if text is not None:
                field.setText(text)

    return fill


def add_private(view: SourcesView, dialogs, user: str = "ayse", secret: str = SECRET) -> int:
    fillers, _shown = dialogs
    fillers.append(typed(URL, user, secret))
    view.add()
    return sources.list_sources(view.db)[-1]["id"]


def edit(view: SourcesView, dialogs, filler: Filler) -> SourceDialog:
    fillers, shown = dialogs
    fillers.append(filler)
    view.table.selectRow(0)
    view.edit_selected()
    return shown[-1]


def test_add_keeps_the_secret_in_the_keyring_only(
    view: SourcesView, db, data_dir: Path, dialogs, _memory_keyring, caplog
) -> None:
    caplog.set_level(logging.DEBUG)
    fillers, shown = dialogs
    fillers.append(typed(URL, "ayse", SECRET))
    view.add()
    dialog = shown[0]
    assert dialog.secret.echoMode() == QLineEdit.EchoMode.Password
    assert not dialog.forget.isVisible()

    (row,) = sources.list_sources(db)
    assert row["auth_user"] == "ayse" and row["auth_secret"] == 1
    assert secrets.source_credentials(row["id"], db) == ("ayse", SECRET)
    assert SECRET in _memory_keyring.store.values()
    db.conn.commit()
    assert SECRET.encode() not in everything_stored(data_dir)
    assert SECRET not in "\n".join(db.conn.iterdump())
    assert SECRET not in caplog.text
    assert "(private)" in view.model.index(0, 0).data(Qt.ItemDataRole.DisplayRole)


def test_a_token_needs_no_user_name_and_public_feeds_store_nothing(
    view: SourcesView, db, dialogs, _memory_keyring
) -> None:
    fillers, _shown = dialogs
    fillers.append(typed(URL, "", "t0ken"))
    fillers.append(typed("https://example.org/public.xml"))
    view.add()
    view.add()
    private, public = sources.list_sources(db)
    assert secrets.source_credentials(private["id"], db) == ("", "t0ken")
    assert secrets.source_credentials(public["id"], db) is None
    assert list(_memory_keyring.store.values()) == ["t0ken"]
    assert view.model.index(1, 0).data(Qt.ItemDataRole.DisplayRole) == public["url"]


def test_a_user_name_without_a_password_is_refused_and_the_dialog_stays(
    view: SourcesView, db, dialogs, warnings
) -> None:
    fillers, shown = dialogs
    fillers.append(typed(URL, "ayse", ""))
    view.add()
    # The warning was shown, the dialog came back (the second exec was cancelled).
    assert len(shown) == 2 and "password" in warnings[0]
    assert sources.list_sources(db) == []


def test_edit_shows_the_user_name_never_the_secret_and_empty_keeps_it(
    view: SourcesView, db, dialogs
) -> None:
    sid = add_private(view, dialogs)
    dialog = edit(view, dialogs, typed())  # OK without touching anything
    assert dialog.user.text() == "ayse"
    assert dialog.secret.text() == ""
    assert "leave empty to keep" in dialog.secret.placeholderText()
    assert SECRET not in dialog.secret.placeholderText()
    assert not dialog.forget.isHidden()
    assert secrets.source_credentials(sid, db) == ("ayse", SECRET)

    # Only a new user name: the saved password stays.
    edit(view, dialogs, typed(user="ayse.k"))
    assert secrets.source_credentials(sid, db) == ("ayse.k", SECRET)

    # A new password replaces the old one.
    edit(view, dialogs, typed(secret="n3w-one"))
    assert secrets.source_credentials(sid, db) == ("ayse.k", "n3w-one")


def test_forget_removes_the_secret_and_the_user_name(
    view: SourcesView, db, dialogs, _memory_keyring
) -> None:
    sid = add_private(view, dialogs)

    def forget(dialog: SourceDialog) -> None:
        dialog.forget.setChecked(True)

    dialog = edit(view, dialogs, forget)
    assert not dialog.secret.isEnabled() and not dialog.user.isEnabled()
    assert secrets.source_credentials(sid, db) is None
    row = sources.get_source(db, sid)
    assert row["auth_user"] is None and row["auth_secret"] == 0
    assert _memory_keyring.store == {}
    assert "(private)" not in view.model.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    # A public source's edit dialog offers nothing to forget.
    assert edit(view, dialogs, typed()).forget.isHidden()


def test_removing_a_source_clears_its_secret(
    view: SourcesView, db, dialogs, _memory_keyring
) -> None:
    add_private(view, dialogs)
    assert _memory_keyring.store
    view.table.selectRow(0)
    view.remove_selected()
    assert sources.list_sources(db) == []
    assert _memory_keyring.store == {}


def test_the_core_removal_clears_the_secret_too(db, data_dir: Path, _memory_keyring) -> None:
    # The command line removes sources through the same function.
    sid = sources.add_source(db, URL)
    secrets.set_source_credentials(db, sid, "ayse", SECRET)
    other = sources.add_source(db, "https://example.org/other.xml")
    secrets.set_source_credentials(db, other, "", "keep-me")
    assert sources.remove_source(db, sid)
    assert list(_memory_keyring.store.values()) == ["keep-me"]


def test_a_token_in_an_edited_address_goes_to_the_keyring(
    view: SourcesView, db, data_dir: Path, dialogs, _memory_keyring, warnings
) -> None:
    sid = sources.add_source(db, URL)
    view.refresh()
    edit(view, dialogs, typed(url=URL + "?token=" + SECRET))
    row = sources.get_source(db, sid)
    assert row["url"].endswith("token={secret}")
    assert secrets.source_credentials(sid, db) == ("", SECRET)
    db.conn.commit()
    assert SECRET.encode() not in everything_stored(data_dir)

    # The address keeps its placeholder; a new token typed in the field replaces the old one.
    edit(view, dialogs, typed(secret="r0tated"))
    assert sources.get_source(db, sid)["url"] == row["url"]
    assert secrets.source_credentials(sid, db) == ("", "r0tated")
    assert warnings == []


def test_a_token_in_the_address_and_a_typed_password_are_refused(
    view: SourcesView, db, dialogs, warnings
) -> None:
    fillers, shown = dialogs
    fillers.append(typed(URL + "?token=abc", "", SECRET))
    view.add()
    assert len(shown) == 2 and "already holds" in warnings[0]
    assert sources.list_sources(db) == []


def test_forgetting_the_token_of_a_placeholder_address_asks_for_a_new_address(
    view: SourcesView, db, dialogs, _memory_keyring, warnings
) -> None:
    fillers, shown = dialogs
    sid = sources.add_source(db, URL + "?token=" + SECRET)
    view.refresh()

    def forget(dialog: SourceDialog) -> None:
        dialog.forget.setChecked(True)

    # Forgetting alone would leave "token={secret}" with nothing to fill it: refused, the
    # dialog stays, and nothing changed.
    fillers.extend([forget, typed(url=URL)])
    view.table.selectRow(0)
    view.edit_selected()
    assert len(shown) == 2 and "{secret}" in warnings[0]
    # With the address typed without its token, the source turns public.
    row = sources.get_source(db, sid)
    assert row["url"] == URL and row["auth_secret"] == 0
    assert _memory_keyring.store == {}


def test_the_hint_names_the_file_when_the_user_allowed_it(
    qtbot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(secrets, "stores_in_file", lambda: False)
    keyring_hint = SourceDialog(None)
    qtbot.addWidget(keyring_hint)
    monkeypatch.setattr(secrets, "stores_in_file", lambda: True)
    file_hint = SourceDialog(None)
    qtbot.addWidget(file_hint)

    def hint(dialog: SourceDialog) -> str:
        from PySide6.QtWidgets import QLabel

        return " ".join(label.text() for label in dialog.findChildren(QLabel))

    assert "password store (keyring), not in" in hint(keyring_hint)
    assert "file in the profile folder" in hint(file_hint)
