"""The Team page: the crisis team roster, its edit dialog, import and export."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from crisisdesk_gui.core import contacts
from crisisdesk_gui.core.contacts import ROLES, ContactError, Member
from crisisdesk_gui.core.i18n import N_, _, ngettext
from crisisdesk_gui.core.paths import ProfilePaths
from crisisdesk_gui.ui.rows_model import Index, RowsTableModel

log = logging.getLogger(__name__)

COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", N_("Name")),
    ("role", N_("Role")),
    ("phone_mobile", N_("Mobile phone")),
    ("phone_work", N_("Work phone")),
    ("email", N_("E-mail")),
    ("on_call", N_("On call")),
)


class TeamModel(RowsTableModel):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__([title for _key, title in COLUMNS], parent)
        self.db = db

    @property
    def members(self) -> list[Member]:
        return self.rows

    def reload(self) -> None:
        self.set_rows(contacts.list_members(self.db))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        member = self.members[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "role":
                return member.role_label
            if key.startswith("phone_"):
                return contacts.format_phone(getattr(member, key))
            if key == "email":
                return ", ".join(member.emails)
            return getattr(member, key)
        if role == Qt.ItemDataRole.ToolTipRole and member.notes:
            return member.notes
        return None


class MemberDialog(QDialog):
    """Edit one member; the core validates, and an error keeps the dialog open on that field."""

    def __init__(
        self, db: Database, member: Member | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.member = member or Member(name="")
        self.saved_id: int | None = None
        self.setWindowTitle(_("Edit team member") if member else _("Add team member"))
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        m = self.member

        def line(key: str, label: str, value: str, hint: str = "") -> None:
            edit = QLineEdit(value, self)
            edit.setPlaceholderText(hint)
            self.edits[key] = edit
            form.addRow(label, edit)

        line("name", _("Name"), m.name)
        self.role = QComboBox(self)
        self.role.setEditable(True)
        for key, label in ROLES.items():
            self.role.addItem(_(label), key)
        self.role.setCurrentText(m.role_label)
        self.role.lineEdit().setPlaceholderText(_("or type a role of your own"))
        form.addRow(_("Role"), self.role)
        example = "+90 532 123 45 67"
        line("phone_mobile", _("Mobile phone"), contacts.format_phone(m.phone_mobile), example)
        line("phone_work", _("Work phone"), contacts.format_phone(m.phone_work))
        line("phone_home", _("Home phone"), contacts.format_phone(m.phone_home))
        line("email_work", _("Work e-mail"), m.email_work)
        line("email_personal", _("Personal e-mail"), m.email_personal)
        line(
            "social",
            _("Social accounts"),
            contacts.format_map(m.social),
            _("instagram: @name; x: @name"),
        )
        line(
            "channels",
            _("Other channels"),
            contacts.format_map(m.channels),
            _("live chat: https://…; WhatsApp: +90 …"),
        )
        line("on_call", _("On call"), m.on_call, _("e.g. Mon–Fri 08–20"))
        self.notes = QPlainTextEdit(m.notes, self)
        self.notes.setFixedHeight(70)
        form.addRow(_("Notes"), self.notes)

        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def _role_value(self) -> str:
        text = self.role.currentText().strip()
        index = self.role.findText(text)
        return str(self.role.itemData(index)) if index >= 0 else text

    def save(self) -> None:
        values = {key: edit.text() for key, edit in self.edits.items()}
        try:
            social = contacts.parse_map(values.pop("social"))
        except ValueError as exc:
            return self._show_error(ContactError(str(exc), field="social"))
        try:
            channels = contacts.parse_map(values.pop("channels"))
        except ValueError as exc:
            return self._show_error(ContactError(str(exc), field="channels"))
        member = Member(
            **values,
            role=self._role_value(),
            social=social,
            channels=channels,
            notes=self.notes.toPlainText(),
            id=self.member.id,
        )
        try:
            self.saved_id = contacts.save_member(self.db, member)
        except ContactError as exc:
            return self._show_error(exc)
        self.accept()
        return None

    def _show_error(self, exc: ContactError) -> None:
        self.error.setText(str(exc))
        self.error.show()
        if exc.field in self.edits:
            self.edits[exc.field].setFocus()
            self.edits[exc.field].selectAll()


class TeamView(QWidget):
    def __init__(self, profile: ProfilePaths, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile, self.db = profile, db
        self.model = TeamModel(db, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())

        self.add_button = QPushButton(_("Add…"), self)
        self.edit_button = QPushButton(_("Edit…"), self)
        self.delete_button = QPushButton(_("Remove"), self)
        self.import_button = QPushButton(_("Import…"), self)
        self.export_button = QPushButton(_("Export"), self)
        menu = QMenu(self.export_button)
        menu.addAction(_("CSV file…"), lambda: self.export("csv"))
        menu.addAction(_("vCard file…"), lambda: self.export("vcf"))
        menu.addAction(_("Emergency contact sheet (PDF)…"), lambda: self.export("pdf"))
        self.export_button.setMenu(menu)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self.import_dialog)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        self.status = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.refresh()

    def refresh(self) -> None:
        self.model.reload()
        self.table.resizeColumnsToContents()
        self._update_buttons()
        count = len(self.model.members)
        self.status.setText(
            ngettext(
                "{n} person in the crisis team", "{n} people in the crisis team", count
            ).format(n=count)
            if count
            else _(
                "No team yet. Add the people to call in a crisis, or import a CSV or vCard file."
            )
        )

    def _update_buttons(self) -> None:
        selected = self.selected_member() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def selected_member(self) -> Member | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.members[rows[0].row()] if rows else None

    def add(self) -> None:
        if MemberDialog(self.db, None, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def edit_selected(self) -> None:
        member = self.selected_member()
        if member and MemberDialog(self.db, member, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def delete_selected(self) -> None:
        member = self.selected_member()
        if member is None or member.id is None:
            return
        answer = QMessageBox.question(
            self,
            _("Remove team member"),
            _(
                "Remove {name} from the crisis team? Their cards stay on the board, unassigned."
            ).format(name=member.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            contacts.delete_member(self.db, member.id)
            self.refresh()

    def import_dialog(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Import contacts"),
            str(Path.home()),
            _("Contacts (*.csv *.vcf *.vcard);;All files (*)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> bool:
        try:
            result = contacts.import_file(self.db, path)
        except ContactError as exc:
            QMessageBox.warning(
                self,
                _("Import contacts"),
                _("{error}\n\nNothing was imported. Correct the file and import it again.").format(
                    error=exc
                ),
            )
            return False
        self.refresh()
        self.status.setText(
            ngettext(
                "Imported {n} contact ({added} new, {updated} updated).",
                "Imported {n} contacts ({added} new, {updated} updated).",
                result.added + result.updated,
            ).format(n=result.added + result.updated, added=result.added, updated=result.updated)
        )
        return True

    def export(self, fmt: str) -> None:
        filters = {
            "csv": _("CSV file (*.csv)"),
            "vcf": _("vCard file (*.vcf)"),
            "pdf": _("PDF file (*.pdf)"),
        }
        name = _("emergency-contacts") if fmt == "pdf" else _("crisis-team")
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export contacts"), str(Path.home() / f"{name}.{fmt}"), filters[fmt]
        )
        if path:
            self.export_to(Path(path), fmt)

    def export_to(self, path: Path, fmt: str) -> None:
        members = contacts.list_members(self.db)
        try:
            if fmt == "csv":
                contacts.export_csv(members, path)
            elif fmt == "vcf":
                contacts.export_vcard(members, path)
            else:
                from crisisdesk_gui.render.report_pdf import export_contact_sheet

                export_contact_sheet(self.db, path)
        except OSError as exc:
            QMessageBox.warning(
                self,
                _("Export contacts"),
                _("Cannot write {file}: {error}").format(file=path, error=exc),
            )
            return
        self.status.setText(_("Saved {file}.").format(file=path))
