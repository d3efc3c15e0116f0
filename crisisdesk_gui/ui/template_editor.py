"""The template editor: add, edit, disable and restore reply wordings per language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from crisisdesk_gui.core import templates as tpl
from crisisdesk_gui.core.i18n import LANGUAGE_NAMES, _, current_language, ngettext

PREVIEW_CHARS = 90


class TemplateEditor(QDialog):
    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        lang: str | None = None,
        situation: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._current: tpl.Template | None = None  # None: a new wording
        self.setWindowTitle(_("Reply templates"))
        self.resize(820, 520)
        tpl.sync_shipped(db)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.lang_combo = QComboBox(self)
        for code in tpl.LANGS:
            self.lang_combo.addItem(LANGUAGE_NAMES[code], code)
        self.situation_combo = QComboBox(self)
        self.new_situation_button = QPushButton(_("New situation…"), self)
        top.addWidget(QLabel(_("Language:"), self))
        top.addWidget(self.lang_combo)
        top.addWidget(QLabel(_("Situation:"), self))
        top.addWidget(self.situation_combo, 1)
        top.addWidget(self.new_situation_button)
        layout.addLayout(top)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(split)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(left)
        self.list.setWordWrap(True)
        self.count_label = QLabel(left)
        column.addWidget(self.list, 1)
        column.addWidget(self.count_label)
        right = QWidget(split)
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        self.origin_label = QLabel(right)
        self.editor = QPlainTextEdit(right)
        self.editor.setObjectName("template_text")
        self.enabled_check = QCheckBox(_("Enabled (offered in the reply dialog)"), right)
        names = ", ".join("{" + p + "}" for p in tpl.PLACEHOLDERS)
        help_label = QLabel(_("Placeholders: {names}").format(names=names), right)
        help_label.setWordWrap(True)
        self.error_label = QLabel(right)
        self.error_label.setStyleSheet("color: #b71c1c;")
        self.error_label.setWordWrap(True)
        row = QHBoxLayout()
        self.add_button = QPushButton(_("Add wording"), right)
        self.save_button = QPushButton(_("Save"), right)
        self.restore_button = QPushButton(_("Restore shipped text"), right)
        self.delete_button = QPushButton(_("Delete"), right)
        for button in (self.add_button, self.save_button, self.restore_button, self.delete_button):
            row.addWidget(button)
        side.addWidget(self.origin_label)
        side.addWidget(self.editor, 1)
        side.addWidget(self.enabled_check)
        side.addWidget(help_label)
        side.addWidget(self.error_label)
        side.addLayout(row)
        split.setSizes([320, 500])
        layout.addWidget(split, 1)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

        self._fill_situations(situation)
        start = lang if lang in tpl.LANGS else current_language()
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(start)))

        self.lang_combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.situation_combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.list.currentRowChanged.connect(self._select)
        self.new_situation_button.clicked.connect(self.new_situation)
        self.add_button.clicked.connect(self.new_wording)
        self.save_button.clicked.connect(self.save)
        self.restore_button.clicked.connect(self.restore)
        self.delete_button.clicked.connect(self.delete)
        self.reload()

    def _fill_situations(self, select: str | None) -> None:
        self.situation_combo.blockSignals(True)
        self.situation_combo.clear()
        for key in tpl.situations(self.db):
            self.situation_combo.addItem(_(tpl.situation_name(key)), key)
        self.situation_combo.setCurrentIndex(max(0, self.situation_combo.findData(select)))
        self.situation_combo.blockSignals(False)

    @property
    def lang(self) -> str:
        return str(self.lang_combo.currentData())

    @property
    def situation(self) -> str:
        return str(self.situation_combo.currentData())

    def reload(self, select_id: int | None = None) -> None:
        self.templates = tpl.list_templates(
            self.db, situation=self.situation, lang=self.lang, include_disabled=True
        )
        self.list.blockSignals(True)
        self.list.clear()
        for number, t in enumerate(self.templates, start=1):
            preview = " ".join(t.text.split())
            if len(preview) > PREVIEW_CHARS:
                preview = preview[: PREVIEW_CHARS - 1] + "…"
            item = QListWidgetItem(f"{number}. {preview}", self.list)
            if not t.enabled:
                item.setForeground(QColor("#9e9e9e"))
                item.setText(_("{text} (disabled)").format(text=item.text()))
        self.list.blockSignals(False)
        enabled = sum(t.enabled for t in self.templates)
        self.count_label.setText(
            ngettext("{n} wording enabled", "{n} wordings enabled", enabled).format(n=enabled)
        )
        ids = [t.id for t in self.templates]
        if select_id in ids:
            self.list.setCurrentRow(ids.index(select_id))
        elif ids:
            self.list.setCurrentRow(0)
        else:
            self.new_wording()

    def _select(self, row: int) -> None:
        self._current = self.templates[row] if 0 <= row < len(self.templates) else None
        self.error_label.clear()
        t = self._current
        if t is None:
            return
        self.editor.setPlainText(t.text)
        self.enabled_check.setChecked(t.enabled)
        if t.edited:
            self.origin_label.setText(_("Shipped wording, changed by you"))
        elif t.shipped_key:
            self.origin_label.setText(_("Shipped wording"))
        else:
            self.origin_label.setText(_("Your wording"))
        self.restore_button.setEnabled(t.edited)
        self.delete_button.setEnabled(t.shipped_key is None)

    def new_wording(self) -> None:
        self.list.clearSelection()
        self._current = None
        self.editor.clear()
        self.enabled_check.setChecked(True)
        self.origin_label.setText(_("New wording"))
        self.restore_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        self.error_label.clear()
        self.editor.setFocus()

    def new_situation(self) -> None:
        name, ok = QInputDialog.getText(
            self, _("New situation"), _("Name of the situation (for example: delivery delay):")
        )
        name = " ".join(name.split())
        if not ok or not name:
            return
        if self.situation_combo.findData(name) < 0:
            self.situation_combo.addItem(name, name)
        self.situation_combo.setCurrentIndex(self.situation_combo.findData(name))

    def save(self) -> bool:
        text = self.editor.toPlainText()
        try:
            if self._current is None:
                new_id = tpl.add_template(self.db, self.situation, self.lang, text)
                if not self.enabled_check.isChecked():
                    tpl.update_template(self.db, new_id, enabled=False)
            else:
                new_id = tpl.update_template(
                    self.db, self._current.id, text=text, enabled=self.enabled_check.isChecked()
                ).id
        except tpl.TemplateError as exc:
            self.error_label.setText(str(exc))
            return False
        self.reload(new_id)
        return True

    def restore(self) -> None:
        if self._current is None:
            return
        try:
            restored = tpl.restore_shipped(self.db, self._current.id)
        except tpl.TemplateError as exc:
            self.error_label.setText(str(exc))
            return
        self.reload(restored.id)

    def delete(self) -> None:
        t = self._current
        if t is None or t.shipped_key is not None:
            return
        answer = QMessageBox.question(self, _("Delete wording"), _("Delete this wording?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        tpl.delete_template(self.db, t.id)
        self.reload()
