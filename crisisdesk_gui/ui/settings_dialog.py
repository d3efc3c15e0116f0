"""Settings: every user-facing key of core/settings.DEFAULTS, saved to the profile on OK."""

from __future__ import annotations

import logging
import re
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from crisisdesk_gui.core import autostart, contacts, i18n, secrets, settings
from crisisdesk_gui.core.i18n import _
from crisisdesk_gui.core.paths import ProfilePaths
from crisisdesk_gui.ui import secret_prompt

log = logging.getLogger(__name__)

PHONE_REGIONS = ("", "TR", "PL", "FI", "GB", "US", "DE")


def parse_hashtags(text: str) -> list[str]:
    """ "#a, b #c" -> ["#a", "#b", "#c"]: commas or spaces separate, a # is added when missing."""
    tags = [t.strip().lstrip("#") for t in re.split(r"[,\s]+", text) if t.strip().lstrip("#")]
    return list(dict.fromkeys(f"#{t}" for t in tags))


def _form(tabs: QTabWidget, title: str) -> QFormLayout:
    page = QWidget(tabs)
    form = QFormLayout(page)
    tabs.addTab(page, title)
    return form


def _time(text: str) -> QTime:
    value = QTime.fromString(text, "HH:mm")
    return value if value.isValid() else QTime(0, 0)


class SettingsDialog(QDialog):
    def __init__(self, profile: ProfilePaths, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.db = db
        self.values = settings.get_all(db)
        self.language_changed = False
        self.setWindowTitle(_("Settings"))
        self.setMinimumWidth(520)

        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        self._build_general()
        self._build_replies()
        self._build_alerts()
        self._build_desktop()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # --- pages ----------------------------------------------------------------------------

    def _build_general(self) -> None:
        v = self.values
        form = _form(self.tabs, _("General"))
        self.business_name = QLineEdit(v["business_name"])
        self.business_name.setPlaceholderText(_("e.g. Lezzet Fırını"))
        form.addRow(_("Business name:"), self.business_name)
        self.actor_name = QLineEdit(v["actor_name"])
        self.actor_name.setPlaceholderText(_("shown in each card's history"))
        form.addRow(_("Your name:"), self.actor_name)
        self.ui_language = QComboBox()
        self.ui_language.addItem(_("System language"), "system")
        for code in i18n.UI_LANGUAGES:
            self.ui_language.addItem(i18n.LANGUAGE_NAMES[code], code)
        self.ui_language.setCurrentIndex(max(0, self.ui_language.findData(v["ui_language"])))
        form.addRow(_("Language:"), self.ui_language)
        note = QLabel(_("Open windows show the new language after a restart of CrisisDesk."))
        note.setWordWrap(True)
        form.addRow("", note)
        row = QHBoxLayout()
        self.languages: dict[str, QCheckBox] = {}
        for code in i18n.UI_LANGUAGES:
            box = QCheckBox(i18n.LANGUAGE_NAMES[code])
            box.setChecked(code in (v["detect_languages"] or []))
            self.languages[code] = box
            row.addWidget(box)
        row.addStretch(1)
        form.addRow(_("Customers write in:"), row)
        self.phone_region = QComboBox()
        for region in PHONE_REGIONS:
            self.phone_region.addItem(region or _("From the language"), region)
        self.phone_region.setCurrentIndex(max(0, self.phone_region.findData(v["phone_region"])))
        form.addRow(_("Phone numbers without +code are from:"), self.phone_region)

    def _build_replies(self) -> None:
        v = self.values
        form = _form(self.tabs, _("Replies"))
        self.response_target = QSpinBox()
        self.response_target.setRange(5, 24 * 60)
        self.response_target.setSuffix(_(" min"))
        self.response_target.setValue(int(v["response_target_minutes"]))
        form.addRow(_("Answer negative comments within:"), self.response_target)
        self.support_phone = QLineEdit(v["support_phone"])
        self.support_phone.setPlaceholderText("+90 216 000 00 00")
        self.support_phone.setToolTip(_("Fills the {phone} placeholder in replies"))
        form.addRow(_("Support phone:"), self.support_phone)
        self.support_email = QLineEdit(v["support_email"])
        self.support_email.setPlaceholderText("support@example.com")
        self.support_email.setToolTip(_("Fills the {email} placeholder in replies"))
        form.addRow(_("Support e-mail:"), self.support_email)
        self.hashtags = QLineEdit(" ".join(v["hashtags"]))
        self.hashtags.setPlaceholderText("#YourBrand #YourTown")
        form.addRow(_("Hashtags:"), self.hashtags)
        self.char_limit = QSpinBox()
        self.char_limit.setRange(0, 10_000)
        self.char_limit.setSpecialValueText(_("no limit"))
        self.char_limit.setValue(int(v["reply_char_limit"]))
        form.addRow(_("Reply length limit:"), self.char_limit)

    def _build_alerts(self) -> None:
        v = self.values
        form = _form(self.tabs, _("Alerts"))
        self.notify_new = QCheckBox(_("New negative mentions"))
        self.notify_new.setChecked(bool(v["notify_new_negative"]))
        self.notify_breach = QCheckBox(_("Cards about to miss the response target"))
        self.notify_breach.setChecked(bool(v["notify_breach"]))
        self.notify_spike = QCheckBox(_("A spike in negative mentions"))
        self.notify_spike.setChecked(bool(v["notify_spike"]))
        form.addRow(_("Notify me about:"), self.notify_new)
        form.addRow("", self.notify_breach)
        form.addRow("", self.notify_spike)
        quiet = v["quiet_hours"] or {}
        self.quiet_enabled = QCheckBox(_("No notifications between"))
        self.quiet_enabled.setChecked(bool(quiet.get("enabled")))
        self.quiet_start = QTimeEdit(_time(quiet.get("start", "22:00")))
        self.quiet_end = QTimeEdit(_time(quiet.get("end", "07:00")))
        for edit in (self.quiet_start, self.quiet_end):
            edit.setDisplayFormat("HH:mm")
        form.addRow(_("Quiet hours:"), self.quiet_enabled)
        form.addRow(_("from"), self.quiet_start)
        form.addRow(_("to"), self.quiet_end)
        self.page_capture = QCheckBox(_("Also capture the comment's web page as evidence"))
        self.page_capture.setChecked(bool(v.get("evidence_page_capture", True)))
        form.addRow(_("Evidence:"), self.page_capture)

    def _build_desktop(self) -> None:
        v = self.values
        form = _form(self.tabs, _("Desktop"))
        self.start_at_login = QCheckBox(_("Start CrisisDesk when I log in (in the tray)"))
        self.start_at_login.setChecked(bool(v["start_at_login"]))
        form.addRow(self.start_at_login)
        store = secrets.backend_name() if secrets.keyring_available() else _("none found")
        self.keyring_label = QLabel(_("Password store: {name}").format(name=store))
        form.addRow(self.keyring_label)
        self.insecure_store = QCheckBox(
            _("When no password store works, keep passwords in a file in the profile folder")
        )
        self.insecure_store.setChecked(bool(v["allow_insecure_secret_store"]))
        form.addRow(self.insecure_store)

    # --- saving ---------------------------------------------------------------------------

    def collected(self) -> dict[str, Any]:
        """The values as the form shows them (raises ValueError naming a bad field)."""
        email = self.support_email.text().strip()
        try:
            email = contacts.normalize_email(email)
        except (contacts.ContactError, ValueError) as exc:
            raise ValueError(_("Support e-mail: {error}").format(error=exc)) from exc
        return {
            "business_name": self.business_name.text().strip(),
            "actor_name": self.actor_name.text().strip(),
            "ui_language": self.ui_language.currentData(),
            "detect_languages": [c for c, box in self.languages.items() if box.isChecked()],
            "phone_region": self.phone_region.currentData(),
            "response_target_minutes": self.response_target.value(),
            "support_phone": self.support_phone.text().strip(),
            "support_email": email,
            "hashtags": parse_hashtags(self.hashtags.text()),
            "reply_char_limit": self.char_limit.value(),
            "notify_new_negative": self.notify_new.isChecked(),
            "notify_breach": self.notify_breach.isChecked(),
            "notify_spike": self.notify_spike.isChecked(),
            "quiet_hours": {
                "enabled": self.quiet_enabled.isChecked(),
                "start": self.quiet_start.time().toString("HH:mm"),
                "end": self.quiet_end.time().toString("HH:mm"),
            },
            "evidence_page_capture": self.page_capture.isChecked(),
            "start_at_login": self.start_at_login.isChecked(),
            "allow_insecure_secret_store": self.insecure_store.isChecked(),
        }

    def accept(self) -> None:
        try:
            values = self.collected()
        except ValueError as exc:
            QMessageBox.warning(self, _("Settings"), str(exc))
            return
        if (
            values["allow_insecure_secret_store"]
            and not self.values["allow_insecure_secret_store"]
            and not secret_prompt.ask_file_store(self, self.profile.data_dir)
        ):
            values["allow_insecure_secret_store"] = False
        if values["start_at_login"] != bool(self.values["start_at_login"]) or (
            values["start_at_login"] != autostart.is_enabled()
        ):
            try:
                autostart.set_enabled(values["start_at_login"], data_dir=self.profile.data_dir)
            except OSError as exc:
                log.warning("autostart: %s", exc)
                QMessageBox.warning(
                    self,
                    _("Settings"),
                    _("Could not change the start at login: {error}").format(error=exc),
                )
                values["start_at_login"] = autostart.is_enabled()
        changed = {k: v for k, v in values.items() if self.values.get(k) != v}
        settings.update(self.db, changed)
        secret_prompt.allow_file_store(
            self.db, self.profile.data_dir, values["allow_insecure_secret_store"]
        )
        if "ui_language" in changed:
            self.language_changed = True
            self._apply_language(values["ui_language"])
        super().accept()

    def _apply_language(self, lang: str) -> None:
        from PySide6.QtWidgets import QApplication

        from crisisdesk_gui.ui import qt_i18n

        code = i18n.set_language(lang)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            qt_i18n.install_qt_translations(app, code)
