"""The reply dialog: a proposed template, filled, checked, copied, opened and logged in one go."""

from __future__ import annotations

import logging
import sqlite3

from PySide6.QtCore import QRegularExpression, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QGuiApplication,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
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
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from crisisdesk_gui.core import board, settings
from crisisdesk_gui.core import templates as tpl
from crisisdesk_gui.core.db import parse_iso, utcnow
from crisisdesk_gui.core.i18n import LANGUAGE_NAMES, _, current_language, format_relative
from crisisdesk_gui.core.paths import ProfilePaths

log = logging.getLogger(__name__)

WARN_STYLE = "color: #b71c1c;"
MISSING_FIELD_STYLE = "QLineEdit { border: 2px solid #d32f2f; background: #fdecea; }"
EXCERPT_CHARS = 400


class PlaceholderHighlighter(QSyntaxHighlighter):
    """Paints every {name} left in the reply, so nothing goes out with braces."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._pattern = QRegularExpression(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
        self._format = QTextCharFormat()
        self._format.setBackground(QColor("#ffcdd2"))
        self._format.setForeground(QColor("#b71c1c"))

    def highlightBlock(self, text: str) -> None:
        matches = self._pattern.globalMatch(text)
        while matches.hasNext():
            m = matches.next()
            self.setFormat(m.capturedStart(), m.capturedLength(), self._format)


class ReplyDialog(QDialog):
    """Reply to one card. After "Copy and open" the reply is logged (and the card moved)."""

    replied = Signal(int)  # the mention id, once the reply is committed

    def __init__(
        self, profile: ProfilePaths, db: Database, mention_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.db = db
        self.mention_id = mention_id
        self.setWindowTitle(_("Reply"))
        self.setMinimumWidth(640)

        tpl.sync_shipped(db)
        row = db.execute(
            "SELECT m.author, m.lang, m.lane, m.url, COALESCE(NULLIF(m.text, ''), m.title, ''), "
            "COALESCE(s.name, s.url, ''), COALESCE(m.published, m.fetched) "
            "FROM mentions m LEFT JOIN sources s ON s.id = m.source_id WHERE m.id = ?",
            [mention_id],
        ).fetchone()
        if row is None:
            raise tpl.TemplateError(f"There is no mention with id {mention_id}.")
        author, mention_lang, self.lane, self.url, body, source, published = row
        self.limit = int(settings.get(db, "reply_char_limit") or 280)
        self.hashtags = tpl.configured_hashtags(db)
        self._recent = tpl.recent_replies(db)
        self._template: tpl.Template | None = None
        self._rendering = False
        self._hand_edited = False

        layout = QVBoxLayout(self)
        layout.addWidget(self._comment_box(author, source, published, body))

        choose = QFormLayout()
        self.lang_combo = QComboBox(self)
        for code in tpl.LANGS:
            self.lang_combo.addItem(LANGUAGE_NAMES[code], code)
        self.situation_combo = QComboBox(self)
        for key in tpl.situations(db):
            self.situation_combo.addItem(_(tpl.situation_name(key)), key)
        self.wording_combo = QComboBox(self)
        choose.addRow(_("Language:"), self.lang_combo)
        choose.addRow(_("Situation:"), self.situation_combo)
        choose.addRow(_("Wording:"), self.wording_combo)
        layout.addLayout(choose)

        self.fields: dict[str, QLineEdit] = {}
        self.values_form = QFormLayout()
        for name, description in tpl.PLACEHOLDERS.items():
            edit = QLineEdit(self)
            edit.setObjectName(f"value_{name}")
            edit.setToolTip(_(description))
            edit.setPlaceholderText(_("needed"))
            edit.textEdited.connect(self._value_typed)
            edit.editingFinished.connect(self._value_finished)
            self.fields[name] = edit
            self.values_form.addRow("{" + name + "}", edit)
        layout.addLayout(self.values_form)

        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("reply_text")
        self.editor.setMinimumHeight(110)
        self.highlighter = PlaceholderHighlighter(self.editor.document())
        layout.addWidget(self.editor)

        status = QHBoxLayout()
        self.counter = QLabel(self)
        self.counter.setObjectName("counter")
        self.hashtag_button = QPushButton(self)
        self.hashtag_button.clicked.connect(self._add_hashtag)
        status.addWidget(self.counter)
        status.addStretch(1)
        status.addWidget(self.hashtag_button)
        layout.addLayout(status)

        self.missing_label = QLabel(self)
        self.missing_label.setStyleSheet(WARN_STYLE)
        self.missing_label.setWordWrap(True)
        self.repeat_label = QLabel(self)
        self.repeat_label.setStyleSheet(WARN_STYLE)
        self.repeat_label.setWordWrap(True)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.repeat_label)

        self.move_check = QCheckBox(_("Move card to Acknowledged"), self)
        self.move_check.setChecked(self.lane == "new")
        # Only a card that has not been acknowledged yet moves forward with its first reply.
        self.move_check.setVisible(self.lane in (None, "new", "not_negative"))
        layout.addWidget(self.move_check)

        buttons = QDialogButtonBox(self)
        self.edit_button = buttons.addButton(
            _("Edit templates…"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.send_button = buttons.addButton(
            _("Copy and open"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.send_button.setDefault(True)
        if not self.url:
            self.send_button.setToolTip(_("This comment has no address; the reply is copied only."))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.send_button.clicked.connect(self.copy_and_open)
        self.edit_button.clicked.connect(self.edit_templates)
        layout.addWidget(buttons)

        lang = tpl.reply_language(mention_lang, current_language())
        self._values = tpl.values_for_mention(db, mention_id, lang)
        for name, edit in self.fields.items():
            edit.setText(self._values.get(name, ""))
        self.lang_combo.setCurrentIndex(self.lang_combo.findData(lang))
        proposed = tpl.situations_for_lane(self.lane)[0]
        self.situation_combo.setCurrentIndex(max(0, self.situation_combo.findData(proposed)))

        self.lang_combo.currentIndexChanged.connect(self._choice_changed)
        self.situation_combo.currentIndexChanged.connect(self._choice_changed)
        self.wording_combo.currentIndexChanged.connect(self._wording_changed)
        self.editor.textChanged.connect(self._text_changed)
        self._choice_changed()

    # --- building blocks -------------------------------------------------------------

    def _comment_box(
        self, author: str | None, source: str, published: str | None, body: str
    ) -> QLabel:
        when = parse_iso(published)
        parts = [author or _("unknown author"), source]
        if when is not None:
            parts.append(format_relative(when, utcnow()))
        excerpt = " ".join(body.split())
        if len(excerpt) > EXCERPT_CHARS:
            excerpt = excerpt[: EXCERPT_CHARS - 1] + "…"
        label = QLabel(self)
        label.setObjectName("comment")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setText(" · ".join(p for p in parts if p) + "\n" + excerpt)
        label.setStyleSheet("QLabel { background: palette(alternate-base); padding: 8px; }")
        return label

    @property
    def lang(self) -> str:
        return str(self.lang_combo.currentData())

    @property
    def situation(self) -> str:
        return str(self.situation_combo.currentData())

    @property
    def template(self) -> tpl.Template | None:
        return self._template

    def text(self) -> str:
        return self.editor.toPlainText().strip()

    def values(self) -> dict[str, str]:
        return {name: edit.text().strip() for name, edit in self.fields.items()}

    # --- reacting ----------------------------------------------------------------------

    def _choice_changed(self) -> None:
        """A language or situation change: list its wordings, rotation's proposal first."""
        if self.sender() is self.lang_combo:
            # The proposed time is written the way the reply's language writes times.
            self.fields["next_update"].setText(tpl.propose_next_update(self.lang))
        order = tpl.rotation(self.db, self.situation, self.lang, self.values())
        uses = tpl.last_uses(self.db, (t.id for t in order))
        numbers = {t.id: n for n, t in enumerate(sorted(order, key=lambda t: t.id), start=1)}
        self.wording_combo.blockSignals(True)
        self.wording_combo.clear()
        now = utcnow()
        for t in order:
            used = parse_iso(uses.get(t.id))
            note = (
                _("used {when}").format(when=format_relative(used, now))
                if used
                else _("not used yet")
            )
            label = _("Wording {number}").format(number=numbers[t.id])
            self.wording_combo.addItem(f"{label} · {note}", t.id)
        self.wording_combo.blockSignals(False)
        self._wording_changed()

    def _wording_changed(self) -> None:
        template_id = self.wording_combo.currentData()
        self._template = None if template_id is None else tpl.get_template(self.db, template_id)
        self._hand_edited = False
        used = set(tpl.placeholders_in(self._template.text)) if self._template else set()
        for name, edit in self.fields.items():
            self.values_form.setRowVisible(edit, name in used)
        self._render()

    def _value_typed(self) -> None:
        if not self._hand_edited:
            self._render()

    def _value_finished(self) -> None:
        if not self._hand_edited:
            return
        # The user has rewritten the text: fill only the {names} still in it.
        text = self.editor.toPlainText()
        for name, value in self.values().items():
            if value:
                text = text.replace("{" + name + "}", value)
        self._set_text(text)

    def _render(self) -> None:
        text = tpl.render(self._template.text, self.values()).text if self._template else ""
        self._set_text(text)

    def _set_text(self, text: str) -> None:
        self._rendering = True
        try:
            if text != self.editor.toPlainText():
                self.editor.setPlainText(text)
        finally:
            self._rendering = False
        self._update_status()

    def _text_changed(self) -> None:
        if not self._rendering:
            self._hand_edited = True
            self._update_status()

    def _update_status(self) -> None:
        text = self.text()
        length = len(text)
        self.counter.setText(
            _("{count} / {limit} characters").format(count=length, limit=self.limit)
        )
        self.counter.setStyleSheet(WARN_STYLE + "font-weight: bold;" if length > self.limit else "")

        missing = tpl.unfilled(text)
        self.missing_label.setVisible(bool(missing))
        self.missing_label.setText(
            _("Fill in before sending: {names}").format(
                names=", ".join("{" + m + "}" for m in missing)
            )
        )
        for name, edit in self.fields.items():
            edit.setStyleSheet(MISSING_FIELD_STYLE if name in missing else "")
        self.send_button.setEnabled(bool(text) and not missing)

        repeat = tpl.find_repeat(text, self._recent)
        self.repeat_label.setVisible(repeat is not None)
        if repeat is not None:
            self.repeat_label.setText(
                _(
                    "This text is identical to the reply sent {when} on card {case}; "
                    "consider another wording."
                ).format(
                    when=format_relative(repeat.at, utcnow()), case=tpl.case_id(repeat.mention_id)
                )
            )

        tag = tpl.suggest_hashtag(self.hashtags, text, self.limit)
        self.hashtag_button.setVisible(tag is not None)
        if tag is not None:
            self.hashtag_button.setText(_("Add {hashtag}").format(hashtag=tag))
            self.hashtag_button.setProperty("hashtag", tag)

    def _add_hashtag(self) -> None:
        tag = self.hashtag_button.property("hashtag")
        if tag:
            self.editor.setPlainText(tpl.add_hashtag(self.editor.toPlainText(), str(tag)))

    # --- actions -----------------------------------------------------------------------

    def edit_templates(self) -> None:
        from crisisdesk_gui.ui.template_editor import TemplateEditor

        editor = TemplateEditor(self.db, self, lang=self.lang, situation=self.situation)
        editor.exec()
        current = self.situation
        self.situation_combo.blockSignals(True)
        self.situation_combo.clear()
        for key in tpl.situations(self.db):
            self.situation_combo.addItem(_(tpl.situation_name(key)), key)
        self.situation_combo.setCurrentIndex(max(0, self.situation_combo.findData(current)))
        self.situation_combo.blockSignals(False)
        self._choice_changed()

    def copy_and_open(self) -> None:
        """Log the reply (committed), then copy it and open the comment's page."""
        text = self.text()
        if not text or tpl.unfilled(text):
            return
        move_to = (
            "acknowledged"
            if not self.move_check.isHidden() and self.move_check.isChecked()
            else None
        )
        template = self._template
        try:
            tpl.log_reply(
                self.db,
                self.mention_id,
                text,
                actor=board.default_actor(self.db),
                template_id=template.id if template else None,
                situation=self.situation,
                lang=self.lang,
                move_to=move_to,
            )
        except (tpl.TemplateError, board.BoardError, sqlite3.Error) as exc:
            log.exception("logging a reply on mention %s failed", self.mention_id)
            QMessageBox.warning(
                self,
                _("Reply not recorded"),
                _("The reply could not be recorded on the card: {error}").format(error=exc),
            )
            return
        QGuiApplication.clipboard().setText(text)
        if self.url:
            QDesktopServices.openUrl(QUrl(self.url))
        self.replied.emit(self.mention_id)
        self.accept()
