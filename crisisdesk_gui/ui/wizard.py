"""First run: business name and keywords, languages, first sources (with a Google Alerts guide),
response target, first team members. Every page can be left empty; Settings changes it later.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from sqlite_utils import Database

from crisisdesk_gui import APP_NAME
from crisisdesk_gui.core import contacts, i18n, settings, sources
from crisisdesk_gui.core.i18n import _
from crisisdesk_gui.core.paths import ProfilePaths, resources_dir

log = logging.getLogger(__name__)

TEAM_ROWS = 3
WATCH_LANGUAGES = ("tr", "pl", "fi", "en")


def _svg_pixmap(name: str, size: QSize) -> QPixmap:
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer

    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(resources_dir() / "wizard" / name)).render(painter)
    painter.end()
    return pixmap


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b3261e;")
    label.hide()
    return label


def _top_form(page: QWidget) -> QFormLayout:
    """A form that keeps its rows together at the top of the page."""
    outer = QVBoxLayout(page)
    form = QFormLayout()
    outer.addLayout(form)
    outer.addStretch(1)
    return form


def _split_words(text: str) -> list[str]:
    return [w.strip() for w in re.split(r"[,\n]+", text) if w.strip()]


class WelcomePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("Welcome to {app}").format(app=APP_NAME))
        layout = QHBoxLayout(self)
        icon = QLabel(self)
        icon.setPixmap(QPixmap(str(resources_dir() / "icons" / "crisisdesk-128.png")))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(icon)
        text = QLabel(
            _(
                "CrisisDesk watches what people say about your business on the web, puts the "
                "negative comments on a board and helps your team answer them fast.\n\n"
                "A few questions set it up: your business's name, the languages your customers "
                "write in, where to watch, how fast you want to answer and who is on your team. "
                "Every page can be left empty and changed later in Settings.\n\n"
                "Just looking around? Click “Try with sample data” to open a demo board with "
                "comments in Turkish, Polish, Finnish and English. It works offline and keeps "
                "your own profile empty."
            ),
            self,
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(text, 1)


class BusinessPage(QWizardPage):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("Your business"))
        self.setSubTitle(
            _("The name is used in replies; keywords decide what counts as a mention.")
        )
        form = _top_form(self)
        self.name = QLineEdit(settings.get(db, "business_name"), self)
        self.name.setPlaceholderText(_("e.g. Lezzet Fırını"))
        form.addRow(_("Business name:"), self.name)
        self.keywords = QPlainTextEdit(self)
        self.keywords.setPlaceholderText(
            _("One per line or separated by commas: brand names, products, common misspellings")
        )
        self.keywords.setFixedHeight(80)
        form.addRow(_("Keywords:"), self.keywords)
        self.actor = QLineEdit(settings.get(db, "actor_name"), self)
        self.actor.setPlaceholderText(_("shown in each card's history"))
        form.addRow(_("Your name:"), self.actor)
        row = QHBoxLayout()
        chosen = settings.get(db, "detect_languages") or []
        self.languages: dict[str, QCheckBox] = {}
        for code in WATCH_LANGUAGES:
            box = QCheckBox(i18n.LANGUAGE_NAMES[code], self)
            box.setChecked(code in chosen)
            self.languages[code] = box
            row.addWidget(box)
        row.addStretch(1)
        form.addRow(_("Customers write in:"), row)
        self.ui_language = QComboBox(self)
        self.ui_language.addItem(_("System language"), "system")
        for code in i18n.UI_LANGUAGES:
            self.ui_language.addItem(i18n.LANGUAGE_NAMES[code], code)
        current = settings.get(db, "ui_language")
        self.ui_language.setCurrentIndex(max(0, self.ui_language.findData(current)))
        form.addRow(_("Language of CrisisDesk:"), self.ui_language)


class SourcesPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("Where to watch"))
        self.setSubTitle(
            _("Paste the addresses of RSS or Atom feeds, one per line. Google Alerts is free:")
        )
        layout = QVBoxLayout(self)
        guide = QGridLayout()
        steps = (
            (
                "alerts-1-search.svg",
                _("Open google.com/alerts and type your business's name in quotes."),
            ),
            (
                "alerts-2-rss.svg",
                _("Click “Show options”, set “Deliver to” to “RSS feed”, then “Create alert”."),
            ),
            (
                "alerts-3-copy.svg",
                _("Click the RSS icon next to the alert and copy the page's address."),
            ),
        )
        for column, (image, text) in enumerate(steps):
            picture = QLabel(self)
            picture.setPixmap(_svg_pixmap(image, QSize(200, 112)))
            guide.addWidget(picture, 0, column)
            caption = QLabel(text, self)
            caption.setWordWrap(True)
            caption.setAlignment(Qt.AlignmentFlag.AlignTop)
            caption.setMaximumWidth(200)
            guide.addWidget(caption, 1, column)
        layout.addLayout(guide)
        layout.addSpacing(12)
        layout.addWidget(
            QLabel(_("Feed addresses (more can be added later on the Sources page):"), self)
        )
        self.urls = QPlainTextEdit(self)
        self.urls.setPlaceholderText("https://www.google.com/alerts/feeds/…")
        self.urls.setFixedHeight(70)
        layout.addWidget(self.urls)
        self.error = _error_label(self)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def addresses(self) -> list[str]:
        return [line.strip() for line in self.urls.toPlainText().splitlines() if line.strip()]

    def validatePage(self) -> bool:
        problems = []
        for url in self.addresses():
            try:
                sources.normalise_url(url)
            except sources.SourceError as exc:
                problems.append(str(exc))
        self.error.setText("\n".join(problems))
        self.error.setVisible(bool(problems))
        return not problems


class TargetPage(QWizardPage):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("How fast you answer"))
        self.setSubTitle(
            _(
                "Each negative card shows a countdown to this target; replies can offer these contacts."
            )
        )
        form = _top_form(self)
        self.target = QSpinBox(self)
        self.target.setRange(5, 24 * 60)
        self.target.setSuffix(_(" min"))
        self.target.setValue(int(settings.get(db, "response_target_minutes")))
        form.addRow(_("Answer negative comments within:"), self.target)
        self.phone = QLineEdit(settings.get(db, "support_phone"), self)
        self.phone.setPlaceholderText("+90 216 000 00 00")
        form.addRow(_("Support phone:"), self.phone)
        self.email = QLineEdit(settings.get(db, "support_email"), self)
        self.email.setPlaceholderText("support@example.com")
        form.addRow(_("Support e-mail:"), self.email)
        self.error = _error_label(self)
        form.addRow(self.error)

    def validatePage(self) -> bool:
        try:
            contacts.normalize_email(self.email.text())
        except ValueError as exc:
            self.error.setText(_("Support e-mail: {error}").format(error=exc))
            self.error.show()
            return False
        self.error.hide()
        return True


class TeamPage(QWizardPage):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setTitle(_("Your crisis team"))
        self.setSubTitle(
            _("Who answers when things go wrong. More people can be added on the Team page.")
        )
        grid = QGridLayout(self)
        for column, title in enumerate((_("Name"), _("Role"), _("Mobile phone"), _("E-mail"))):
            grid.addWidget(QLabel(f"<b>{title}</b>", self), 0, column)
        self.rows: list[tuple[QLineEdit, QComboBox, QLineEdit, QLineEdit]] = []
        for row in range(1, TEAM_ROWS + 1):
            name, phone, email = QLineEdit(self), QLineEdit(self), QLineEdit(self)
            role = QComboBox(self)
            for key, label in contacts.ROLES.items():
                role.addItem(_(label), key)
            role.setCurrentIndex(min(row - 1, role.count() - 1))
            phone.setPlaceholderText("+90 532 000 00 00")
            for column, widget in enumerate((name, role, phone, email)):
                grid.addWidget(widget, row, column)
            self.rows.append((name, role, phone, email))
        self.error = _error_label(self)
        grid.addWidget(self.error, TEAM_ROWS + 1, 0, 1, 4)
        grid.setRowStretch(TEAM_ROWS + 2, 1)

    def members(self) -> list[contacts.Member]:
        """The filled rows, validated (raises ContactError naming the row's problem)."""
        region = contacts.default_region(self.db)
        found = []
        for name, role, phone, email in self.rows:
            if not (name.text().strip() or phone.text().strip() or email.text().strip()):
                continue
            member = contacts.Member(
                name=name.text(),
                role=role.currentData(),
                phone_mobile=phone.text(),
                email_work=email.text(),
            )
            found.append(contacts.validate(member, region))
        return found

    def validatePage(self) -> bool:
        try:
            self.members()
        except contacts.ContactError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        self.error.hide()
        return True


class FirstRunWizard(QWizard):
    """Saves on Finish; "Skip setup" saves nothing; "Try with sample data" sets demo_requested."""

    def __init__(self, profile: ProfilePaths, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.db = db
        self.demo_requested = False
        self.setWindowTitle(_("Set up {app}").format(app=APP_NAME))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setMinimumSize(720, 560)
        self.welcome = WelcomePage(self)
        self.business = BusinessPage(db, self)
        self.sources_page = SourcesPage(self)
        self.target = TargetPage(db, self)
        self.team = TeamPage(db, self)
        for page in (self.welcome, self.business, self.sources_page, self.target, self.team):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setButtonText(QWizard.WizardButton.CustomButton1, _("Try with sample data"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("Skip setup"))
        self.customButtonClicked.connect(self._on_custom)
        self.errors: list[str] = []

    def _on_custom(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            self.try_sample_data()

    def try_sample_data(self) -> None:
        """Leave this profile untouched (the wizard comes back next time) and open the demo."""
        self.demo_requested = True
        super().reject()

    def reject(self) -> None:
        # Skipping is a choice too: do not ask again; Settings has everything.
        settings.set_(self.db, "first_run_done", True)
        super().reject()

    def accept(self) -> None:
        self.save()
        super().accept()

    def save(self) -> None:
        """Store what the pages hold; a source that cannot be added is reported, not fatal."""
        b, t = self.business, self.target
        values = {
            "business_name": b.name.text().strip(),
            "actor_name": b.actor.text().strip(),
            "detect_languages": [c for c, box in b.languages.items() if box.isChecked()],
            "ui_language": b.ui_language.currentData(),
            "response_target_minutes": t.target.value(),
            "support_phone": t.phone.text().strip(),
            "support_email": contacts.normalize_email(t.email.text()),
            "first_run_done": True,
        }
        settings.update(
            self.db, {k: v for k, v in values.items() if v != "" or k == "first_run_done"}
        )
        # Without keywords of its own, the business name is the first one.
        words = _split_words(b.keywords.toPlainText()) or (
            [values["business_name"]] if values["business_name"] else []
        )
        sources.add_keywords(self.db, words)
        for url in self.sources_page.addresses():
            try:
                sources.add_source(self.db, url)
            except sources.SourceError as exc:
                self.errors.append(str(exc))
        for member in self.team.members():
            contacts.save_member(self.db, member)
        if self.errors:
            log.warning("first-run wizard: %s", "; ".join(self.errors))
