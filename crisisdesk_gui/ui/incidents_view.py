"""The Crisis plan page: incidents, their checklist, linked cards, notify, close, report."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from crisisdesk_gui.core import contacts, incidents
from crisisdesk_gui.core.board import default_actor
from crisisdesk_gui.core.db import parse_iso, utcnow
from crisisdesk_gui.core.i18n import N_, _, format_datetime, ngettext
from crisisdesk_gui.core.incidents import Incident, IncidentError
from crisisdesk_gui.core.paths import ProfilePaths
from crisisdesk_gui.core.reports import lane_name
from crisisdesk_gui.ui.rows_model import Index, RowsTableModel

log = logging.getLogger(__name__)

CARD_COLUMNS = (N_("Reached us"), N_("Source"), N_("Author"), N_("Text"), N_("Lane"))
LINK_WINDOW = timedelta(days=14)


class IncidentListModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[Incident] = []

    def set_items(self, items: list[Incident]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            state = _("open") if item.is_open else _("closed")
            when = format_datetime(item.opened_at, "short")
            return f"{item.title}\n{when} · {state}"
        if role == Qt.ItemDataRole.ForegroundRole and not item.is_open:
            return QGuiApplication.palette().placeholderText()
        return None


class CardsModel(RowsTableModel):
    """Plain card rows (dicts from core.incidents) as a table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(CARD_COLUMNS, parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if column == 0:
            when = parse_iso(row.get("reached") or row.get("fetched") or row.get("published"))
            return format_datetime(when, "short") if when else ""
        if column == 1:
            return row["source"]
        if column == 2:
            return row["author"] or ""
        if column == 3:
            text = " ".join(str(row["text"] or row["title"] or "").split())
            return text if role == Qt.ItemDataRole.ToolTipRole else text[:120]
        return lane_name(row["lane"])

    def ids(self, indexes: list[QModelIndex]) -> list[int]:
        return sorted({int(self.rows[i.row()]["id"]) for i in indexes})


def _cards_table(parent: QWidget) -> tuple[QTableView, CardsModel]:
    model = CardsModel(parent)
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
    return table, model


class NewIncidentDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Open an incident"))
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(_("e.g. Food poisoning claim on Google Maps"))
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(_("What is happening, where, and how big is it?"))
        form = QFormLayout()
        form.addRow(_("Title"), self.title)
        form.addRow(_("Detect"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.title.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)


class CloseDialog(QDialog):
    """Closing asks for the review notes; OK stays disabled until there are some."""

    def __init__(self, incident: Incident, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Close incident"))
        intro = QLabel(
            _(
                "Close “{title}”. Write the review: what happened, what worked, what to change "
                "next time. It goes into the post-crisis report."
            ).format(title=incident.title),
            self,
        )
        intro.setWordWrap(True)
        self.notes = QPlainTextEdit(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_("Close incident"))
        self.ok.setEnabled(False)
        self.notes.textChanged.connect(
            lambda: self.ok.setEnabled(bool(self.notes.toPlainText().strip()))
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.notes, 1)
        layout.addWidget(buttons)
        self.resize(520, 320)


class LinkCardsDialog(QDialog):
    """Pick board cards of the last two weeks to link to the incident."""

    def __init__(self, rows: list[dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Link cards to the incident"))
        self.table, self.model = _cards_table(self)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        hint = QLabel(
            _("Cards on the board from the last 14 days, most urgent first. Select one or more.")
            if rows
            else _("No cards on the board from the last 14 days."),
            self,
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 460)

    def selected_ids(self) -> list[int]:
        return self.model.ids(self.table.selectionModel().selectedRows())


class IncidentsView(QWidget):
    incident_opened = Signal(int)

    def __init__(self, profile: ProfilePaths, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile, self.db = profile, db
        self.current: Incident | None = None

        self.list_model = IncidentListModel(self)
        self.list = QListView(self)
        self.list.setModel(self.list_model)
        self.list.setSpacing(2)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.new_button = QPushButton(_("New incident…"), self)
        self.new_button.clicked.connect(self.new_incident)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.list, 1)

        self.detail = QWidget(self)
        self._build_detail()
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.list.selectionModel().currentChanged.connect(lambda cur, _p: self._show(cur.row()))
        self.refresh()

    # --- building ------------------------------------------------------------------

    def _build_detail(self) -> None:
        self.heading = QLabel(self.detail)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.state = QLabel(self.detail)
        self.owner = QComboBox(self.detail)
        self.owner.activated.connect(self._owner_chosen)

        plan = QGroupBox(_("Crisis plan"), self.detail)
        grid = QGridLayout(plan)
        self.step_boxes: dict[str, QCheckBox] = {}
        self.step_notes: dict[str, QLineEdit] = {}
        for row, key in enumerate(incidents.STEPS):
            box = QCheckBox(_(incidents.STEPS[key]), plan)
            note = QLineEdit(plan)
            note.setPlaceholderText(_("Note"))
            box.clicked.connect(lambda checked, k=key: self._step_clicked(k, checked))
            note.editingFinished.connect(lambda k=key: self._note_edited(k))
            grid.addWidget(box, row, 0)
            # Only the notify row shares its line with a button; the other notes use its width.
            grid.addWidget(note, row, 1, 1, 1 if key == "notify" else 2)
            self.step_boxes[key], self.step_notes[key] = box, note
        # The review step is ticked by closing the incident with its notes.
        self.step_boxes["review"].setEnabled(False)
        self.step_notes["review"].hide()
        self.notify_button = QPushButton(_("Copy message and open e-mail to the team"), plan)
        self.notify_button.clicked.connect(self.notify)
        grid.addWidget(self.notify_button, 1, 2)
        grid.setColumnStretch(1, 1)

        cards = QGroupBox(_("Linked cards"), self.detail)
        self.cards_table, self.cards_model = _cards_table(cards)
        self.link_button = QPushButton(_("Link cards…"), cards)
        self.unlink_button = QPushButton(_("Unlink selected"), cards)
        self.link_button.clicked.connect(self.link_dialog)
        self.unlink_button.clicked.connect(self.unlink_selected)
        card_buttons = QHBoxLayout()
        card_buttons.addWidget(self.link_button)
        card_buttons.addWidget(self.unlink_button)
        card_buttons.addStretch(1)
        cards_layout = QVBoxLayout(cards)
        cards_layout.addLayout(card_buttons)
        cards_layout.addWidget(self.cards_table)

        self.review = QLabel(self.detail)
        self.review.setWordWrap(True)
        self.close_button = QPushButton(_("Close incident…"), self.detail)
        self.close_button.clicked.connect(self.close_dialog)
        self.report_button = QPushButton(_("Export report PDF…"), self.detail)
        self.report_button.clicked.connect(self.export_dialog)
        self.message = QLabel(self.detail)
        self.message.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.close_button)
        bottom.addWidget(self.report_button)

        owner_row = QHBoxLayout()
        owner_row.addWidget(QLabel(_("Owner:"), self.detail))
        owner_row.addWidget(self.owner)
        owner_row.addStretch(1)
        layout = QVBoxLayout(self.detail)
        layout.addWidget(self.heading)
        layout.addWidget(self.state)
        layout.addLayout(owner_row)
        layout.addWidget(plan)
        layout.addWidget(cards, 1)
        layout.addWidget(self.review)
        layout.addLayout(bottom)

    # --- state ---------------------------------------------------------------------

    def actor(self) -> str:
        return default_actor(self.db)

    def refresh(self, select_id: int | None = None) -> None:
        keep = select_id or (self.current.id if self.current else None)
        self.list_model.set_items(incidents.list_incidents(self.db))
        ids = [i.id for i in self.list_model.items]
        row = ids.index(keep) if keep in ids else (0 if ids else -1)
        if row >= 0:
            self.list.setCurrentIndex(self.list_model.index(row))
        self._show(row)

    def _show(self, row: int) -> None:
        items = self.list_model.items
        if not 0 <= row < len(items):
            self.current = None
            self.detail.setEnabled(False)
            self.heading.setText(_("No incident yet"))
            self.state.setText(
                _(
                    "Open an incident when a crisis starts: the plan walks you through detect, "
                    "notify the team, manage and review."
                )
            )
            self.cards_model.set_rows([])
            return
        self.detail.setEnabled(True)
        inc = self.current = incidents.get_incident(self.db, items[row].id)
        self.heading.setText(inc.title)
        if inc.is_open:
            self.state.setText(
                _("Open since {when}").format(when=format_datetime(inc.opened_at, "short"))
            )
        else:
            assert inc.closed_at is not None
            self.state.setText(
                _("Closed {when} (opened {opened})").format(
                    when=format_datetime(inc.closed_at, "short"),
                    opened=format_datetime(inc.opened_at, "short"),
                )
            )
        self.owner.clear()
        self.owner.addItem(_("— nobody yet —"), None)
        for member in contacts.list_members(self.db):
            self.owner.addItem(member.name, member.id)
        self.owner.setCurrentIndex(max(0, self.owner.findData(inc.owner_id)))
        for step in inc.steps:
            self.step_boxes[step.key].setChecked(step.done)
            self.step_notes[step.key].setText(step.note)
        editable = inc.is_open
        for widget in (
            self.owner,
            self.notify_button,
            self.link_button,
            self.unlink_button,
            self.close_button,
            *self.step_notes.values(),
            *(b for k, b in self.step_boxes.items() if k != "review"),
        ):
            widget.setEnabled(editable)
        self.cards_model.set_rows(incidents.linked_cards(self.db, inc.id))
        self.cards_table.resizeColumnsToContents()
        self.review.setText(
            _("Review notes: {notes}").format(notes=inc.review_notes) if inc.review_notes else ""
        )

    def _run(self, action: Any) -> bool:
        """Run a core action; a refusal is shown in the page, never lost."""
        try:
            action()
        except IncidentError as exc:
            self.message.setText(str(exc))
            return False
        return True

    # --- actions -------------------------------------------------------------------

    def new_incident(self) -> None:
        dialog = NewIncidentDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.open_incident(dialog.title.text(), dialog.note.toPlainText())

    def open_incident(self, title: str, note: str = "") -> int | None:
        try:
            new_id = incidents.open_incident(self.db, title, actor=self.actor(), detect_note=note)
        except IncidentError as exc:
            self.message.setText(str(exc))
            return None
        self.refresh(new_id)
        self.incident_opened.emit(new_id)
        return new_id

    def offer_spike(self, alert: Any) -> None:
        """Slot for spike alerts (core.alerts.Alert): offer an incident, without blocking."""
        if getattr(alert, "kind", None) != "spike":
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            alert.title,
            _(
                "{message}\n\nOpen a crisis incident for it? The cards of the last "
                "hour are linked to it."
            ).format(message=alert.message),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.open_spike_incident(alert.message))
        box.open()
        self.spike_box = box

    def open_spike_incident(self, message: str) -> int:
        new_id = incidents.open_from_spike(self.db, message, actor=self.actor())
        self.refresh(new_id)
        self.incident_opened.emit(new_id)
        return new_id

    def _owner_chosen(self, index: int) -> None:
        if self.current is not None:
            owner = self.owner.itemData(index)
            inc_id = self.current.id
            if self._run(lambda: incidents.set_owner(self.db, inc_id, owner, actor=self.actor())):
                self.refresh()

    def _step_clicked(self, key: str, checked: bool) -> None:
        if self.current is None:
            return
        inc_id, note = self.current.id, self.step_notes[key].text()
        self._run(
            lambda: incidents.set_step(
                self.db, inc_id, key, done=checked, note=note, actor=self.actor()
            )
        )
        self.refresh()

    def _note_edited(self, key: str) -> None:
        if self.current is None or not self.current.is_open:
            return
        step = self.current.step(key)
        text = self.step_notes[key].text().strip()
        if text != step.note:
            inc_id = self.current.id
            self._run(
                lambda: incidents.set_step(
                    self.db, inc_id, key, done=step.done, note=text, actor=self.actor()
                )
            )
            self.current = incidents.get_incident(self.db, inc_id)

    def notify(self) -> None:
        """Copy the prepared message and open the mail client addressed to the roster."""
        if self.current is None:
            return
        note = incidents.notification(self.db, self.current.id)
        QGuiApplication.clipboard().setText(f"{note.subject}\n\n{note.body}")
        if note.recipients:
            QDesktopServices.openUrl(QUrl(note.mailto))
            text = ngettext(
                "Message copied; your e-mail program opens addressed to {n} person.",
                "Message copied; your e-mail program opens addressed to {n} people.",
                len(note.recipients),
            ).format(n=len(note.recipients))
        else:
            text = _(
                "Message copied. Nobody on the team has an e-mail address: add them on the "
                "Team page, or paste the message into a chat."
            )
        inc_id = self.current.id
        self._run(lambda: incidents.mark_notified(self.db, inc_id, actor=self.actor()))
        self.refresh()
        self.message.setText(text)

    def link_dialog(self) -> None:
        if self.current is None:
            return
        rows = incidents.candidate_cards(self.db, self.current.id, since=utcnow() - LINK_WINDOW)
        dialog = LinkCardsDialog(rows, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.link(dialog.selected_ids())

    def link(self, ids: list[int]) -> None:
        if self.current is not None and ids:
            inc_id = self.current.id
            self._run(lambda: incidents.link_cards(self.db, inc_id, ids, actor=self.actor()))
            self.refresh()

    def unlink_selected(self) -> None:
        ids = self.cards_model.ids(self.cards_table.selectionModel().selectedRows())
        if self.current is not None and ids:
            incidents.unlink_cards(self.db, self.current.id, ids, actor=self.actor())
            self.refresh()

    def close_dialog(self) -> None:
        if self.current is None:
            return
        dialog = CloseDialog(self.current, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.close_incident(dialog.notes.toPlainText())

    def close_incident(self, notes: str) -> bool:
        if self.current is None:
            return False
        inc_id = self.current.id
        ok = self._run(lambda: incidents.close_incident(self.db, inc_id, notes, actor=self.actor()))
        if ok:
            self.refresh()
            self.message.setText(_("Incident closed. Export the post-crisis report to share it."))
        return ok

    def export_dialog(self) -> None:
        if self.current is None:
            return
        name = _("post-crisis-report-{id}.pdf").format(id=self.current.id)
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export report"), str(Path.home() / name), _("PDF file (*.pdf)")
        )
        if path:
            self.export_report(Path(path))

    def export_report(self, path: Path) -> bool:
        if self.current is None:
            return False
        from crisisdesk_gui.render.report_pdf import export_incident_report

        try:
            export_incident_report(self.db, self.current.id, path)
        except OSError as exc:
            self.message.setText(_("Cannot write {file}: {error}").format(file=path, error=exc))
            return False
        self.message.setText(_("Saved {file}.").format(file=path))
        return True
