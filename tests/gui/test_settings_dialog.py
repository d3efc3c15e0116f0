"""The settings dialog saves every user-facing key, writes the autostart entry, asks for secrets."""

from __future__ import annotations

import stat
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QMessageBox

from crisisdesk_gui.core import i18n, secrets, settings
from crisisdesk_gui.core.paths import ProfilePaths
from crisisdesk_gui.ui import secret_prompt
from crisisdesk_gui.ui.settings_dialog import SettingsDialog, parse_hashtags


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "autostart" / "crisisdesk.desktop"


@pytest.fixture
def dialog(qtbot, db, data_dir: Path):
    dlg = SettingsDialog(ProfilePaths(data_dir), db)
    qtbot.addWidget(dlg)
    return dlg


def test_saves_the_user_facing_settings(dialog, db, xdg: Path) -> None:
    dialog.business_name.setText("  Lezzet Fırını ")
    dialog.response_target.setValue(45)
    dialog.support_phone.setText("+90 216 000 12 34")
    dialog.support_email.setText("destek@lezzetfirini.example")
    dialog.hashtags.setText("LezzetFırını, #Kadıköy")
    dialog.char_limit.setValue(500)
    dialog.notify_spike.setChecked(False)
    dialog.quiet_enabled.setChecked(True)
    dialog.quiet_start.setTime(QTime(23, 0))
    dialog.start_at_login.setChecked(True)
    dialog.languages["fi"].setChecked(False)
    dialog.accept()
    values = settings.get_all(db)
    assert values["business_name"] == "Lezzet Fırını"
    assert values["response_target_minutes"] == 45
    assert values["support_email"] == "destek@lezzetfirini.example"
    assert values["hashtags"] == ["#LezzetFırını", "#Kadıköy"]
    assert values["reply_char_limit"] == 500
    assert values["notify_spike"] is False
    assert values["quiet_hours"] == {"enabled": True, "start": "23:00", "end": "07:00"}
    assert values["start_at_login"] is True
    assert values["detect_languages"] == ["en", "tr", "pl"]
    assert xdg.exists() and "--minimized" in xdg.read_text()


def test_start_at_login_off_removes_the_entry(qtbot, db, data_dir: Path, xdg: Path) -> None:
    settings.set_(db, "start_at_login", True)
    first = SettingsDialog(ProfilePaths(data_dir), db)
    qtbot.addWidget(first)
    first.accept()
    assert xdg.exists()
    second = SettingsDialog(ProfilePaths(data_dir), db)
    qtbot.addWidget(second)
    second.start_at_login.setChecked(False)
    second.accept()
    assert not xdg.exists()
    assert settings.get(db, "start_at_login") is False


def test_bad_email_keeps_the_dialog_open(
    dialog, db, monkeypatch: pytest.MonkeyPatch, xdg: Path
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    dialog.support_email.setText("not an address")
    dialog.business_name.setText("Changed")
    dialog.accept()
    assert warned and "e-mail" in warned[0]
    assert dialog.result() != dialog.DialogCode.Accepted
    assert settings.get(db, "business_name") == ""


def test_language_applies_at_once(dialog, db, xdg: Path) -> None:
    dialog.ui_language.setCurrentIndex(dialog.ui_language.findData("tr"))
    dialog.accept()
    assert settings.get(db, "ui_language") == "tr"
    assert dialog.language_changed
    assert i18n.current_language() == "tr"
    i18n.set_language("en")


def test_parse_hashtags() -> None:
    assert parse_hashtags("a, #b  c #a") == ["#a", "#b", "#c"]
    assert parse_hashtags("  ") == []


# --- secrets without a keyring ----------------------------------------------------------


def test_no_keyring_asks_before_using_a_file(
    qtbot, db, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring.set_keyring(fail.Keyring())
    sid = db["sources"].insert({"url": "https://example.org/private.xml"}).last_pk
    db.conn.commit()
    asked: list[bool] = []
    monkeypatch.setattr(secret_prompt, "ask_file_store", lambda *a: asked.append(True) or False)
    assert not secret_prompt.store_source_credentials(None, db, data_dir, sid, "u", "tok3n")
    assert asked == [True]
    assert not secrets.fallback_path_for(data_dir).exists()
    assert settings.get(db, "allow_insecure_secret_store") is False

    # Asked once: after a "no" the app only says why nothing was saved.
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    assert not secret_prompt.store_source_credentials(None, db, data_dir, sid, "u", "tok3n")
    assert asked == [True] and "Settings" in warned[0]

    settings.set_(db, "insecure_secret_store_asked", False)
    monkeypatch.setattr(secret_prompt, "ask_file_store", lambda *a: True)
    assert secret_prompt.store_source_credentials(None, db, data_dir, sid, "u", "tok3n")
    path = secrets.fallback_path_for(data_dir)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert settings.get(db, "allow_insecure_secret_store") is True
    assert secrets.source_credentials(sid, db) == ("u", "tok3n")

    # Once agreed, later secrets go to the file without asking again.
    monkeypatch.setattr(secret_prompt, "ask_file_store", lambda *a: pytest.fail("asked twice"))
    assert secret_prompt.ensure_secret_store(None, db, data_dir)


def test_working_keyring_never_asks(db, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(secret_prompt, "ask_file_store", lambda *a: pytest.fail("asked"))
    assert secret_prompt.ensure_secret_store(None, db, data_dir)


def test_settings_checkbox_for_the_file_store_asks(
    dialog, db, data_dir: Path, monkeypatch: pytest.MonkeyPatch, xdg: Path
) -> None:
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setattr(secret_prompt, "ask_file_store", lambda *a: True)
    dialog.insecure_store.setChecked(True)
    dialog.accept()
    assert settings.get(db, "allow_insecure_secret_store") is True
    secrets.set_secret("mail", "pw")
    assert secrets.fallback_path_for(data_dir).exists()
