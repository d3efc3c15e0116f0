"""GUI actions for evidence: capture for cards, export the evidence PDF for cards or a period.

The board adds `card_actions(...)` to a card's context menu and `export_range_action(...)` to a
menu; both call the same core and render functions as the CLI.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QWidget,
)
from sqlite_utils import Database

from crisisdesk_gui.core import evidence
from crisisdesk_gui.core.i18n import _, ngettext
from crisisdesk_gui.core.paths import ProfilePaths
from crisisdesk_gui.render.evidence_pdf import ExportCancelled, ExportResult, export_evidence_pdf
from crisisdesk_gui.services.evidence_capture import capture_mentions


def _status(parent: QWidget | None, text: str) -> None:
    window = parent.window() if parent is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 8000)


def capture_evidence(
    parent: QWidget | None, profile: ProfilePaths, db: Database, mention_ids: Sequence[int]
) -> list[int]:
    """ "Capture evidence" for the selected cards; always a fresh capture."""
    if not mention_ids:
        return []
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        ids = capture_mentions(profile, db, list(mention_ids), again=True)
    except (evidence.EvidenceError, OSError) as exc:
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.warning(
            parent,
            _("Capture evidence"),
            _("The evidence could not be captured: {error}").format(error=exc),
        )
        return []
    QGuiApplication.restoreOverrideCursor()
    _status(
        parent,
        ngettext(
            "Evidence captured for {n} card.", "Evidence captured for {n} cards.", len(ids)
        ).format(n=len(ids)),
    )
    return ids


def capture_card(
    profile: ProfilePaths, db: Database, mention_id: int, parent: QWidget | None = None
) -> int | None:
    """The card detail's "Capture evidence" button: the new evidence id, or None."""
    ids = capture_evidence(parent, profile, db, [mention_id])
    return ids[0] if ids else None


def export_card_pdf(
    profile: ProfilePaths, db: Database, mention_id: int, parent: QWidget | None = None
) -> ExportResult | None:
    """The evidence PDF of one card (all its captures); offers to capture it first if needed."""
    if not evidence.query(profile, mention_ids=[mention_id]):
        answer = QMessageBox.question(
            parent,
            _("Export evidence PDF"),
            _("This card has no evidence yet. Capture it now and export?"),
        )
        if answer != QMessageBox.StandardButton.Yes or not capture_evidence(
            parent, profile, db, [mention_id]
        ):
            return None
    return export_pdf(parent, profile, db, mention_ids=[mention_id])


def _ask_pdf_path(parent: QWidget | None, suggested: str) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent, _("Export evidence PDF"), str(Path.home() / suggested), _("PDF files (*.pdf)")
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")


def export_pdf(
    parent: QWidget | None,
    profile: ProfilePaths,
    db: Database,
    *,
    mention_ids: Sequence[int] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    out: Path | None = None,
) -> ExportResult | None:
    """Ask where to save (unless `out`), then export with a progress dialog that can cancel."""
    if out is None:
        out = _ask_pdf_path(parent, f"evidence-{date.today().isoformat()}.pdf")
        if out is None:
            return None
    dialog = QProgressDialog(_("Writing the evidence PDF…"), _("Cancel"), 0, 100, parent)
    dialog.setWindowTitle(_("Export evidence PDF"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        QCoreApplication.processEvents()
        if dialog.wasCanceled():
            raise ExportCancelled

    try:
        result = export_evidence_pdf(
            profile, db, out, mention_ids=mention_ids, since=since, until=until, progress=progress
        )
    except ExportCancelled:
        return None
    except (evidence.EvidenceError, OSError) as exc:
        QMessageBox.warning(parent, _("Export evidence PDF"), str(exc))
        return None
    finally:
        dialog.close()
        dialog.deleteLater()
    if not result.report.ok:
        QMessageBox.warning(
            parent,
            _("Export evidence PDF"),
            _(
                "The PDF was written, but verification found problems; they are listed on its "
                'cover page. Run "crisisdesk-cli evidence verify" for details.'
            ),
        )
    _status(parent, _("Evidence PDF written: {path}").format(path=result.path))
    return result


class DateRangeDialog(QDialog):
    """Pick the first and last day (local time, both included) of an export."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Export evidence PDF"))
        today = QDate.currentDate()
        self.first = QDateEdit(QDate(today.year(), today.month(), 1), self)
        self.last = QDateEdit(today, self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
        form = QFormLayout(self)
        form.addRow(_("Captured from"), self.first)
        form.addRow(_("to (included)"), self.last)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept(self) -> None:
        if self.first.date() > self.last.date():
            QMessageBox.warning(
                self, self.windowTitle(), _("The first day must not be after the last day.")
            )
            return
        self.accept()

    def days(self) -> tuple[date, date]:
        return self.first.date().toPython(), self.last.date().toPython()


def export_range(
    parent: QWidget | None, profile: ProfilePaths, db: Database
) -> ExportResult | None:
    dialog = DateRangeDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    first, last = dialog.days()
    since, until = evidence.local_day_bounds(first, last)
    return export_pdf(parent, profile, db, since=since, until=until)


def card_actions(
    parent: QWidget,
    profile: ProfilePaths,
    db: Database,
    selected: Callable[[], Sequence[int]],
) -> list[QAction]:
    """ "Capture evidence" and "Export evidence PDF…" for the cards `selected()` returns."""
    capture = QAction(_("Capture evidence"), parent)
    capture.triggered.connect(lambda: capture_evidence(parent, profile, db, selected()))
    export = QAction(_("Export evidence PDF…"), parent)
    export.triggered.connect(lambda: export_pdf(parent, profile, db, mention_ids=list(selected())))
    return [capture, export]


def export_range_action(parent: QWidget, profile: ProfilePaths, db: Database) -> QAction:
    action = QAction(_("Export evidence PDF for a period…"), parent)
    action.triggered.connect(lambda: export_range(parent, profile, db))
    return action
