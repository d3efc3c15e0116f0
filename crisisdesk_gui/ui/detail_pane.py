"""The card's detail: full text, link, author, times, reasons, history, notes, assignee, actions."""

from __future__ import annotations

import importlib.util
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from crisisdesk_gui.core import board
from crisisdesk_gui.core.db import parse_iso
from crisisdesk_gui.core.i18n import N_, _, format_datetime
from crisisdesk_gui.core.paths import ProfilePaths

if TYPE_CHECKING:
    from sqlite_utils import Database

log = logging.getLogger(__name__)

EVENT_LABELS = {
    "move": N_("moved"),
    "reply": N_("replied"),
    "note": N_("note"),
    "assign": N_("assigned"),
    "capture": N_("evidence captured"),
    "correction": N_("correction"),
    "create": N_("created"),
}


def module_exists(name: str) -> bool:
    """Other helpers' modules (reply dialog, evidence) may not exist yet in a given build."""
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


class DetailPane(QWidget):
    changed = Signal(int)  # a mention whose card data changed (assignee, note, reply)

    def __init__(self, profile: ProfilePaths, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.db = db
        self.mention_id: int | None = None
        self._url = ""
        self.setMinimumWidth(300)

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold; font-size: 12pt")
        self.meta = QLabel(self)
        self.meta.setWordWrap(True)
        self.text = QTextBrowser(self)
        self.text.setOpenExternalLinks(False)
        self.reasons = QLabel(self)
        self.reasons.setWordWrap(True)
        self.link = QPushButton(_("Open in browser"), self)
        self.reply = QPushButton(_("Reply…"), self)
        self.capture = QPushButton(_("Capture evidence"), self)
        self.assignee = QComboBox(self)
        self.history = QTextBrowser(self)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(_("Add a note and press Enter"))
        self.add_note_btn = QPushButton(_("Add note"), self)

        form = QFormLayout()
        form.addRow(_("Assignee"), self.assignee)
        # Two columns: translated labels are long and the pane is narrow.
        buttons = QGridLayout()
        buttons.addWidget(self.reply, 0, 0)
        buttons.addWidget(self.capture, 0, 1)
        buttons.addWidget(self.link, 1, 0, 1, 2)
        notes = QHBoxLayout()
        notes.addWidget(self.note, 1)
        notes.addWidget(self.add_note_btn)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.meta)
        layout.addWidget(self.text, 3)
        layout.addWidget(self.reasons)
        layout.addLayout(buttons)
        layout.addLayout(form)
        layout.addWidget(QLabel(_("History"), self))
        layout.addWidget(self.history, 2)
        layout.addLayout(notes)

        self.link.clicked.connect(self._open_link)
        self.reply.clicked.connect(self._reply)
        self.capture.clicked.connect(self._capture)
        self.assignee.activated.connect(self._assign)
        self.note.returnPressed.connect(self._add_note)
        self.add_note_btn.clicked.connect(self._add_note)
        self.show_card(None)

    def show_card(self, mention_id: int | None) -> None:
        detail = board.card_detail(self.db, mention_id) if mention_id is not None else None
        self.mention_id = mention_id if detail else None
        for w in (self.link, self.reply, self.capture, self.assignee, self.note, self.add_note_btn):
            w.setEnabled(detail is not None)
        if detail is None:
            self.heading.setText(_("Select a card to see its details."))
            for w in (self.meta, self.reasons):
                w.clear()
            self.text.clear()
            self.history.clear()
            self.assignee.clear()
            return
        self.reply.setEnabled(module_exists("crisisdesk_gui.ui.reply_dialog"))
        self.capture.setEnabled(module_exists("crisisdesk_gui.ui.evidence_actions"))
        self._url = detail.get("url") or ""
        self.link.setEnabled(bool(self._url))
        sources = [g["source"] for g in detail["group"]] or [detail.get("source_name") or ""]
        self.heading.setText(
            _("{author} on {source}").format(
                author=detail.get("author") or _("unknown author"),
                source=", ".join(dict.fromkeys(s for s in sources if s)),
            )
        )
        lane = board.LANE_BY_KEY.get(detail.get("lane") or "")
        lines = [
            _("Language: {lang}").format(lang=(detail.get("lang") or "?").upper()),
            _("Lane: {lane}").format(lane=_(lane.name) if lane else _("not on the board")),
        ]
        for key, label in (
            ("published", _("Published: {when}")),
            ("fetched", _("Fetched: {when}")),
            ("first_reply_at", _("First reply: {when}")),
        ):
            when = parse_iso(detail.get(key))
            if when:
                lines.append(label.format(when=format_datetime(when)))
        self.meta.setText("\n".join(lines))
        title = detail.get("title") or ""
        body = detail.get("text") or ""
        self.text.setPlainText(f"{title}\n\n{body}" if title and title not in body else body)
        reasons = [r.get("text", "") for r in detail["reasons"] if isinstance(r, dict)]
        self.reasons.setText(
            _("Why: {reasons}").format(reasons=", ".join(reasons)) if reasons else ""
        )
        self._fill_assignees(detail.get("assignee_id"))
        self._fill_history()

    def _fill_assignees(self, current: int | None) -> None:
        self.assignee.clear()
        self.assignee.addItem(_("Nobody"), None)
        for member_id, name in self.db.execute("SELECT id, name FROM team_members ORDER BY name"):
            self.assignee.addItem(name, member_id)
        self.assignee.setCurrentIndex(max(0, self.assignee.findData(current)) if current else 0)

    def _fill_history(self) -> None:
        import html  # html.entities is a big table: not on the launch path

        assert self.mention_id is not None
        rows = []
        for event in reversed(board.history(self.db, self.mention_id)):
            when = parse_iso(event["at"])
            what = _(EVENT_LABELS.get(event["kind"], event["kind"]))
            if event["kind"] == "move":
                names = [
                    _(board.LANE_BY_KEY[k].name) if k in board.LANE_BY_KEY else "—"
                    for k in (event["from_lane"], event["to_lane"])
                ]
                what = _("moved {src} → {dst}").format(src=names[0], dst=names[1])
            text = f": {event['text']}" if event.get("text") else ""
            rows.append(
                "<p><b>{when}</b> {actor}: {what}{text}</p>".format(
                    when=html.escape(format_datetime(when, "short")) if when else "",
                    actor=html.escape(event["actor"] or ""),
                    what=html.escape(what),
                    text=html.escape(text),
                )
            )
        self.history.setHtml("".join(rows) or html.escape(_("No history yet.")))

    # --- actions -------------------------------------------------------------------

    def _open_link(self) -> None:
        if self._url:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl(self._url))

    def _assign(self) -> None:
        if self.mention_id is None:
            return
        board.assign(
            self.db,
            self.mention_id,
            self.assignee.currentData(),
            actor=board.default_actor(self.db),
        )
        self._fill_history()
        self.changed.emit(self.mention_id)

    def _add_note(self) -> None:
        if self.mention_id is None or not self.note.text().strip():
            return
        board.add_note(
            self.db, self.mention_id, self.note.text(), actor=board.default_actor(self.db)
        )
        self.note.clear()
        self._fill_history()
        self.changed.emit(self.mention_id)

    def _reply(self) -> None:
        if self.mention_id is None:
            return
        from crisisdesk_gui.ui.reply_dialog import ReplyDialog

        mention_id = self.mention_id
        ReplyDialog(self.profile, self.db, mention_id, self).exec()
        self.show_card(mention_id)
        self.changed.emit(mention_id)

    def _capture(self) -> None:
        if self.mention_id is None:
            return
        import crisisdesk_gui.ui.evidence_actions as evidence_actions

        mention_id = self.mention_id
        action = getattr(evidence_actions, "capture_card", None)
        if action is None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(
                self, _("Capture evidence"), _("Evidence capture is not available.")
            )
            return
        action(self.profile, self.db, mention_id, self)
        self.show_card(mention_id)
        self.changed.emit(mention_id)
