"""The reply dialog and the template editor, offscreen."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication

from crisisdesk_gui.core import board, settings
from crisisdesk_gui.core import templates as tpl
from crisisdesk_gui.core.i18n import set_language
from crisisdesk_gui.core.paths import ProfilePaths
from crisisdesk_gui.ui.reply_dialog import ReplyDialog
from crisisdesk_gui.ui.template_editor import TemplateEditor


class UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def opened(qapp):
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "open")
    yield catcher.urls
    QDesktopServices.unsetUrlHandler("https")


def mention(db, **values) -> int:
    row = {
        "dedup_key": f"k{len(values)}{values.get('author')}",
        "author": "@ayse_k",
        "lang": "tr",
        "lane": "new",
        "url": "https://example.org/c/1",
        "text": "Siparişim iki saattir gelmedi, berbat bir hizmet.",
    }
    row.update(values)
    return int(db["mentions"].insert(row).last_pk)


def make_dialog(qtbot, db, data_dir, mention_id: int) -> ReplyDialog:
    dialog = ReplyDialog(ProfilePaths(data_dir), db, mention_id)
    qtbot.addWidget(dialog)
    return dialog


def fill_settings(db) -> None:
    settings.update(
        db,
        {
            "business_name": "Lezzet Fırını",
            "support_phone": "+90 216 555 01 23",
            "support_email": "destek@lezzetfirini.com.tr",
            "hashtags": ["#LezzetFırını"],
        },
    )


def test_proposes_language_situation_and_fills_the_card(qtbot, db, data_dir) -> None:
    fill_settings(db)
    m = mention(db)
    dialog = make_dialog(qtbot, db, data_dir, m)
    assert dialog.lang == "tr"
    assert dialog.situation == "thank_acknowledge"
    text = dialog.text()
    assert "@ayse_k" in text and "{" not in text
    assert dialog.send_button.isEnabled()
    assert dialog.move_check.isChecked()
    assert dialog.counter.text().startswith(f"{len(text)} / 280")

    troll = mention(db, lane="watching", lang="pl", author="@x")
    other = make_dialog(qtbot, db, data_dir, troll)
    assert (other.lang, other.situation) == ("pl", "troll_warning")
    assert other.move_check.isHidden()


def test_ui_language_is_used_when_the_comment_language_is_unknown(qtbot, db, data_dir) -> None:
    set_language("fi")
    m = mention(db, lang="other", lane="offline")
    dialog = make_dialog(qtbot, db, data_dir, m)
    assert (dialog.lang, dialog.situation) == ("fi", "status_update")


def test_missing_placeholder_is_flagged_and_blocks_sending(qtbot, db, data_dir) -> None:
    m = mention(db, lane="acknowledged", lang="en")  # no support phone/e-mail in settings
    dialog = make_dialog(qtbot, db, data_dir, m)
    assert dialog.situation == "take_offline"
    assert "{email}" in dialog.text()
    assert not dialog.send_button.isEnabled()
    assert dialog.missing_label.isVisibleTo(dialog)
    assert "{email}" in dialog.missing_label.text()
    assert "border" in dialog.fields["email"].styleSheet()
    qtbot.keyClicks(dialog.fields["email"], "help@shop.example")
    qtbot.keyClicks(dialog.fields["phone"], "+44 20 7946 0000")
    assert "help@shop.example" in dialog.text()
    assert tpl.unfilled(dialog.text()) == []
    assert dialog.send_button.isEnabled()
    assert dialog.fields["email"].styleSheet() == ""


def test_hand_edits_survive_a_value_change(qtbot, db, data_dir) -> None:
    m = mention(db, lane="acknowledged", lang="en")
    dialog = make_dialog(qtbot, db, data_dir, m)
    dialog.editor.setPlainText("Please write to {email}, thanks!")
    qtbot.keyClicks(dialog.fields["email"], "a@b.example")
    dialog.fields["email"].editingFinished.emit()
    assert dialog.text() == "Please write to a@b.example, thanks!"


def test_counter_turns_red_over_the_limit_and_hashtag_is_suggested(qtbot, db, data_dir) -> None:
    fill_settings(db)
    settings.set_(db, "reply_char_limit", 200)
    dialog = make_dialog(qtbot, db, data_dir, mention(db))
    assert not dialog.hashtag_button.isHidden()
    assert "#LezzetFırını" in dialog.hashtag_button.text()
    qtbot.mouseClick(dialog.hashtag_button, qtbot_button())
    assert dialog.text().endswith("#LezzetFırını")
    assert dialog.hashtag_button.isHidden()
    assert "b71c1c" not in dialog.counter.styleSheet()
    dialog.editor.setPlainText("x" * 201)
    assert "b71c1c" in dialog.counter.styleSheet()
    assert dialog.counter.text().startswith("201 / 200")


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_copy_and_open_logs_the_reply_moves_copies_and_opens(qtbot, db, data_dir, opened) -> None:
    fill_settings(db)
    m = mention(db)
    dialog = make_dialog(qtbot, db, data_dir, m)
    text = dialog.text()
    template_id = dialog.template.id
    with qtbot.waitSignal(dialog.replied):
        qtbot.mouseClick(dialog.send_button, qtbot_button())
    assert dialog.result() == dialog.DialogCode.Accepted
    assert QGuiApplication.clipboard().text() == text
    assert opened == ["https://example.org/c/1"]
    lane, first = db.execute(
        "SELECT lane, first_reply_at FROM mentions WHERE id = ?", [m]
    ).fetchone()
    assert lane == "acknowledged" and first
    events = board.history(db, m)
    assert [e["kind"] for e in events] == ["reply", "move"]
    assert events[0]["text"] == text
    assert events[0]["data"]["template_id"] == template_id


def test_next_dialog_rotates_and_warns_on_identical_text(qtbot, db, data_dir, opened) -> None:
    fill_settings(db)
    first = make_dialog(qtbot, db, data_dir, mention(db, author="@a"))
    first.move_check.setChecked(False)
    used_id, sent = first.template.id, first.text()
    first.copy_and_open()
    assert not first.repeat_label.isVisibleTo(first)

    second = make_dialog(qtbot, db, data_dir, mention(db, author="@a", url=None))
    assert second.template.id != used_id  # rotation: an unused wording
    assert not second.repeat_label.isVisibleTo(second)
    second.editor.setPlainText(sent)
    assert second.repeat_label.isVisibleTo(second)
    assert f"CD-{1:06d}" in second.repeat_label.text()
    # No address: the reply is logged and copied, nothing is opened.
    second.copy_and_open()
    assert opened == ["https://example.org/c/1"]
    assert db.execute("SELECT count(*) FROM card_events WHERE kind = 'reply'").fetchone()[0] == 2


def test_dialog_strings_follow_the_ui_language(qtbot, db, data_dir) -> None:
    from tests.core.test_catalogs import compiled_translations

    with compiled_translations():
        set_language("tr")
        dialog = make_dialog(qtbot, db, data_dir, mention(db))
        assert dialog.send_button.text() == "Kopyala ve aç"
        assert dialog.move_check.text() != "Move card to Acknowledged"


def test_template_editor_adds_edits_disables_and_restores(qtbot, db) -> None:
    editor = TemplateEditor(db, lang="pl", situation="apologise")
    qtbot.addWidget(editor)
    assert editor.list.count() == 3
    original = editor.templates[0]

    editor.editor.setPlainText("{customer}, bardzo nam przykro.")
    assert editor.save()
    changed = tpl.get_template(db, original.id)
    assert changed.text == "{customer}, bardzo nam przykro." and changed.edited
    assert editor.restore_button.isEnabled()
    editor.restore()
    assert tpl.get_template(db, original.id).text == original.text

    editor.enabled_check.setChecked(False)
    assert editor.save()
    assert not tpl.get_template(db, original.id).enabled
    assert "(disabled)" in editor.list.item(0).text()

    editor.new_wording()
    editor.editor.setPlainText("Hello {custmer}")
    assert not editor.save()
    assert "{custmer}" in editor.error_label.text()
    editor.editor.setPlainText("{customer}, przepraszamy, to się nie powtórzy.")
    assert editor.save()
    assert editor.list.count() == 4
    assert editor.origin_label.text() == "Your wording"
    assert editor.delete_button.isEnabled()


def test_reply_dialog_reaches_the_editor(qtbot, db, data_dir, monkeypatch) -> None:
    seen = []
    monkeypatch.setattr(TemplateEditor, "exec", lambda self: seen.append(self.situation) or 0)
    dialog = make_dialog(qtbot, db, data_dir, mention(db))
    qtbot.mouseClick(dialog.edit_button, qtbot_button())
    assert seen == ["thank_acknowledge"]


def test_first_reply_time_is_kept(qtbot, db, data_dir, opened) -> None:
    m = mention(db, lang="en", first_reply_at="2026-01-01T00:00:00+00:00")
    fill_settings(db)
    dialog = make_dialog(qtbot, db, data_dir, m)
    dialog.copy_and_open()
    row = db.execute("SELECT first_reply_at FROM mentions WHERE id = ?", [m]).fetchone()
    assert row[0] == "2026-01-01T00:00:00+00:00"
    assert datetime.now(UTC).year >= 2026


@pytest.mark.parametrize(("lang", "cancel"), [("tr", "İptal"), ("pl", "Anuluj"), ("fi", "Peru")])
def test_qt_dialog_buttons_are_translated(qapp, lang: str, cancel: str) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from crisisdesk_gui.ui.qt_i18n import install_qt_translations

    try:
        assert install_qt_translations(qapp, lang)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == cancel
    finally:
        install_qt_translations(qapp, "en")
