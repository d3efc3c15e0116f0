"""The Sources page: add, edit, remove, pause, OPML import/export, and each source's health."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from crisisdesk_gui.core import opml, secrets, sources
from crisisdesk_gui.core.db import parse_iso, utcnow
from crisisdesk_gui.core.i18n import N_, _, format_relative
from crisisdesk_gui.core.paths import ProfilePaths
from crisisdesk_gui.ui import secret_prompt
from crisisdesk_gui.ui.rows_model import Index, RowsTableModel

log = logging.getLogger(__name__)

COLUMNS = (N_("Name"), N_("Address"), N_("Every"), N_("Health"), N_("Next attempt"))


def _split_url(url: str) -> tuple[str, str | None]:
    """The address to store and the token it holds (None when it holds none).

    An address that already has the {secret} placeholder stands for the saved secret."""
    url = sources.normalise_url(url)
    if secrets.URL_SECRET in url:
        return url, None
    return secrets.split_url_secret(url)


class SourcesModel(RowsTableModel):
    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(COLUMNS, parent)
        self.db = db

    def reload(self) -> None:
        self.set_rows(sources.list_sources(self.db))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        if role == Qt.ItemDataRole.ForegroundRole and col == 3 and row.get("failures"):
            from PySide6.QtGui import QColor

            return QColor("#c62828")
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        now = utcnow()
        if col == 0:
            name = row.get("name") or row["url"]
            # Private feeds say so; the secret itself is never read here.
            return _("{name} (private)").format(name=name) if row.get("auth_secret") else name
        if col == 1:
            return row["url"]
        if col == 2:
            return _("{n} min").format(n=row.get("every_minutes") or 30)
        if col == 3:
            return sources.health_text(row, now)
        if row.get("paused"):
            return _("paused")
        nxt = parse_iso(row.get("next_attempt"))
        return format_relative(nxt, now) if nxt and nxt > now else _("at the next poll")


class SourceDialog(QDialog):
    """Address, name, interval and, for private feeds, a user name and password or token.

    The password field never shows a saved secret: empty keeps it, "Forget" removes it.
    """

    def __init__(self, parent: QWidget | None, row: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Edit source") if row else _("Add source"))
        self.has_secret = bool(row and row.get("auth_secret"))
        self.url = QLineEdit(self)
        self.url.setPlaceholderText(_("https://… feed address, or a local file"))
        self.name = QLineEdit(self)
        self.every = QSpinBox(self)
        self.every.setRange(1, 24 * 60)
        self.every.setSuffix(" " + _("min"))
        self.every.setValue(30)
        self.keywords_only = QCheckBox(_("Only items that mention a keyword"), self)
        self.user = QLineEdit(self)
        self.user.setPlaceholderText(_("optional"))
        self.secret = QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(
            _("(saved; leave empty to keep)") if self.has_secret else _("optional")
        )
        self.forget = QCheckBox(_("Forget the saved user name and password"), self)
        self.forget.setVisible(self.has_secret)
        self.forget.toggled.connect(self._forget_toggled)
        hint = QLabel(
            _(
                "Only needed for private feeds. No password store (keyring) works on this "
                "computer, so, as you allowed, the password or token is kept in a file in the "
                "profile folder that only your user account can read."
            )
            if secrets.stores_in_file()
            else _(
                "Only needed for private feeds. The password or token is kept in the system's "
                "password store (keyring), not in CrisisDesk's database."
            ),
            self,
        )
        hint.setWordWrap(True)
        if row:
            self.url.setText(row["url"])
            self.name.setText(row.get("name") or "")
            self.every.setValue(int(row.get("every_minutes") or 30))
            self.keywords_only.setChecked(bool(row.get("keywords_only")))
            self.user.setText(row.get("auth_user") or "")
        form = QFormLayout(self)
        form.addRow(_("Address"), self.url)
        form.addRow(_("Name"), self.name)
        form.addRow(_("Poll every"), self.every)
        form.addRow("", self.keywords_only)
        form.addRow(_("User name"), self.user)
        form.addRow(_("Password or token"), self.secret)
        if self.has_secret:
            form.addRow("", self.forget)
        form.addRow("", hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())

    def _forget_toggled(self, checked: bool) -> None:
        self.user.setEnabled(not checked)
        self.secret.setEnabled(not checked)

    def values(self) -> dict[str, Any]:
        return {
            "url": self.url.text().strip(),
            "name": self.name.text().strip() or None,
            "every_minutes": self.every.value(),
            "keywords_only": self.keywords_only.isChecked(),
        }

    def credentials(self) -> tuple[str, str]:
        """(user name, password or token) as typed; the secret is "" when left empty."""
        return self.user.text().strip(), self.secret.text()

    def forget_requested(self) -> bool:
        return self.has_secret and self.forget.isChecked()


class SourcesView(QWidget):
    poll_requested = Signal(list)  # source ids

    def __init__(self, profile: ProfilePaths, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.db = db
        self.model = SourcesModel(db, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())

        buttons = QHBoxLayout()
        self.btn_add = QPushButton(_("Add…"), self)
        self.btn_edit = QPushButton(_("Edit…"), self)
        self.btn_remove = QPushButton(_("Remove"), self)
        self.btn_pause = QPushButton(_("Pause / resume"), self)
        self.btn_poll = QPushButton(_("Poll selected"), self)
        self.btn_import = QPushButton(_("Import OPML…"), self)
        self.btn_export = QPushButton(_("Export OPML…"), self)
        for b in (self.btn_add, self.btn_edit, self.btn_remove, self.btn_pause, self.btn_poll):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.btn_import)
        buttons.addWidget(self.btn_export)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

        self.btn_add.clicked.connect(self.add)
        self.btn_edit.clicked.connect(self.edit_selected)
        self.btn_remove.clicked.connect(self.remove_selected)
        self.btn_pause.clicked.connect(self.toggle_pause)
        self.btn_poll.clicked.connect(lambda: self.poll_requested.emit(self.selected_ids()))
        self.btn_import.clicked.connect(lambda: self.import_opml())
        self.btn_export.clicked.connect(lambda: self.export_opml())
        self.refresh()

    def refresh(self) -> None:
        keep = self.selected_ids()
        self.model.reload()
        for row, data in enumerate(self.model.rows):
            if data["id"] in keep:
                self.table.selectRow(row)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(1, min(320, max(160, self.table.columnWidth(1))))

    def selected_ids(self) -> list[int]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.rows[r]["id"] for r in sorted(rows) if r < len(self.model.rows)]

    def _error(self, exc: Exception) -> None:
        QMessageBox.warning(self, _("Sources"), str(exc))

    def _credential_problem(self, url: str, user: str, secret: str, saved: bool) -> str | None:
        """Why the typed credentials cannot be used with `url`, or None."""
        try:
            has_token = _split_url(url)[1] is not None
        except sources.SourceError:
            return None  # adding or saving reports the address itself
        if secret and has_token:
            return _(
                "The address already holds a password or token. Remove it from the address "
                "or leave the password field empty."
            )
        if user and not secret and not saved and not has_token:
            return _("Enter the password or token for this user name.")
        if secrets.URL_SECRET in url and not secret and not saved:
            # Forgetting the token of an address that stands for it would leave an address
            # that cannot be fetched.
            return _(
                "The address holds the placeholder {secret} for a token that is not saved. "
                "Enter the token in the password field, or enter the feed's address without "
                "the placeholder."
            )
        return None

    def _store(self, source_id: int, user: str, secret: str) -> bool:
        return secret_prompt.store_source_credentials(
            self, self.db, self.profile.data_dir, source_id, user, secret
        )

    def add(self) -> None:
        dialog = SourceDialog(self)
        while dialog.exec():
            values = dialog.values()
            user, secret = dialog.credentials()
            problem = self._credential_problem(values["url"], user, secret, saved=False)
            if problem:
                self._error(sources.SourceError(problem))
                continue
            try:
                source_id = sources.add_source(self.db, **values)
            except sources.SourceError as exc:
                self._error(exc)  # keep the dialog and what was typed
                continue
            if secret:
                # The source stays even when the password was not saved; the user was told
                # why and can enter it again with Edit….
                self._store(source_id, user, secret)
            break
        self.refresh()

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        source_id = ids[0]
        row = sources.get_source(self.db, source_id)
        if row is None:
            return
        dialog = SourceDialog(self, row)
        while dialog.exec():
            values = dialog.values()
            values["keywords_only"] = int(values["keywords_only"])
            forget = dialog.forget_requested()
            user, secret = ("", "") if forget else dialog.credentials()
            saved = bool(row.get("auth_secret")) and not forget
            problem = self._credential_problem(values["url"], user, secret, saved)
            if problem:
                self._error(sources.SourceError(problem))
                continue
            token = None
            if values["url"] == row["url"]:
                del values["url"]
            else:
                try:
                    # As when adding: a token in the new address goes to the keyring, the
                    # stored address keeps {secret}.
                    values["url"], token = _split_url(values["url"])
                except sources.SourceError as exc:
                    self._error(exc)
                    continue
                if token is not None and not self._store(source_id, user, token):
                    continue  # nothing changed; the user was told why
            try:
                sources.update_source(self.db, source_id, **values)
            except sources.SourceError as exc:
                self._error(exc)
                continue
            if token is None:
                self._update_credentials(source_id, row, user, secret, forget)
            break
        self.refresh()

    def _update_credentials(
        self, source_id: int, row: dict[str, Any], user: str, secret: str, forget: bool
    ) -> None:
        try:
            if forget:
                secrets.clear_source_credentials(self.db, source_id)
            elif secret:
                self._store(source_id, user, secret)
            elif row.get("auth_secret") and user != (row.get("auth_user") or ""):
                # A new user name for the saved password: keep the password as it is.
                pair = secrets.source_credentials(source_id, self.db)
                if pair is not None:
                    secrets.set_source_credentials(self.db, source_id, user, pair[1])
        except secrets.KeyringUnavailable as exc:
            QMessageBox.warning(self, _("Password not saved"), str(exc))

    def remove_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self,
            _("Remove sources"),
            _("Remove {n} source(s)? Mentions already fetched stay on the board.").format(
                n=len(ids)
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        for source_id in ids:
            sources.remove_source(self.db, source_id)
        self.refresh()

    def toggle_pause(self) -> None:
        for source_id in self.selected_ids():
            row = sources.get_source(self.db, source_id)
            if row is not None:
                sources.update_source(self.db, source_id, paused=0 if row.get("paused") else 1)
        self.refresh()

    def import_opml(self, path: str | None = None) -> int:
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self, _("Import OPML"), "", _("OPML files (*.opml *.xml);;All files (*)")
            )
            if not path:
                return 0
        try:
            feeds = opml.read_opml(Path(path))
        except opml.OpmlError as exc:
            self._error(exc)
            return 0
        added, problems = 0, []
        for feed in feeds:
            try:
                sources.add_source(self.db, feed.url, name=feed.title)
                added += 1
            except sources.SourceError as exc:
                problems.append(str(exc))
        self.refresh()
        message = _("{added} of {total} sources added.").format(added=added, total=len(feeds))
        if problems:
            message += "\n\n" + "\n".join(problems[:10])
        QMessageBox.information(self, _("Import OPML"), message)
        return added

    def export_opml(self, path: str | None = None) -> bool:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, _("Export OPML"), "crisisdesk-sources.opml", _("OPML files (*.opml)")
            )
            if not path:
                return False
        try:
            opml.write_opml(Path(path), sources.list_sources(self.db))
        except (OSError, opml.OpmlError) as exc:
            self._error(exc)
            return False
        return True
