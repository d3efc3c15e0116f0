"""The board page: lane models, moves committed before they show, undo, keys, drag and drop,
filters and search, countdown painting, troll capture, the detail pane, the main window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QMessageBox, QStyleOptionViewItem

from crisisdesk_gui.core import board
from crisisdesk_gui.core.db import connect
from crisisdesk_gui.core.paths import ProfilePaths
from crisisdesk_gui.ui.board import model as board_model
from crisisdesk_gui.ui.board.delegate import countdown_text
from crisisdesk_gui.ui.board.view import BoardView
from tests.core.test_board import add_mention

NOW = datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def filled(db):
    add_mention(db, 1, text="Hiç memnun kalmadım, ekmek bayattı", lang="tr", urgency=9, fetched=NOW)
    add_mention(db, 2, text="Nie polecam, zimna pizza", lang="pl", urgency=5, fetched=NOW)
    add_mention(
        db,
        3,
        text="En suosittele kenellekään",
        lang="fi",
        urgency=7,
        fetched=NOW,
        lane="acknowledged",
    )
    add_mention(
        db,
        4,
        text="Terrible service, rude staff",
        lang="en",
        urgency=3,
        fetched=NOW,
        lane="watching",
    )
    return db


@pytest.fixture
def view(qtbot, filled, data_dir: Path):
    widget = BoardView(ProfilePaths(data_dir), filled, clock=lambda: NOW)
    qtbot.addWidget(widget)
    widget.resize(1400, 700)
    widget.show()
    return widget


def lane_ids(view: BoardView, lane: str) -> list[int]:
    return view.models[lane].ids()


def db_lane(db, mention_id: int) -> str:
    return db.execute("SELECT lane FROM mentions WHERE id = ?", [mention_id]).fetchone()[0]


def test_models_hold_each_lanes_cards_most_urgent_first(view: BoardView) -> None:
    assert lane_ids(view, "new") == [1, 2]
    assert lane_ids(view, "acknowledged") == [3]
    assert view.headers["new"].text() == "New (2)"
    card = view.models["new"].index(0, 0).data(board_model.CARD_ROLE)
    assert (card.lang, card.reasons, card.source) == ("tr", ("memnun",), "S1")


def test_lane_model_pages_lazily(qtbot, db) -> None:
    for i in range(1, 251):
        add_mention(db, i, urgency=i)
    model = board_model.LaneModel(db, "new")
    model.reload()
    assert model.rowCount() == board_model.PAGE and model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 250 and not model.canFetchMore()
    assert model.ids()[:2] == [250, 249]


def test_move_is_committed_before_the_view_shows_it(view: BoardView, filled, data_dir) -> None:
    other = connect(data_dir / "crisisdesk.db")
    seen: list[str] = []
    view.models["offline"].modelReset.connect(lambda: seen.append(db_lane(other, 1)))
    assert view.move([1], "offline")
    assert seen and seen[-1] == "offline"
    assert lane_ids(view, "offline") == [1] and lane_ids(view, "new") == [2]
    events = board.history(filled, 1)
    assert events[-1]["kind"] == "move" and events[-1]["to_lane"] == "offline"
    assert events[-1]["actor"]


def test_undo_the_last_move(view: BoardView, filled) -> None:
    view.move([1, 2], "resolved")
    assert lane_ids(view, "resolved") == [1, 2]
    assert view.undo()
    assert lane_ids(view, "new") == [1, 2] and db_lane(filled, 2) == "new"
    assert not view.undo()


def test_keyboard_moves_and_navigation(qtbot, view: BoardView, filled) -> None:
    new = view.lists["new"]
    new.setFocus()
    new.setCurrentIndex(view.models["new"].index(0, 0))
    qtbot.keyClick(new, Qt.Key.Key_2)  # 2 = Acknowledged
    assert db_lane(filled, 1) == "acknowledged"
    assert lane_ids(view, "acknowledged") == [1, 3]
    # The focus stays in the lane, on the next card.
    assert new.currentIndex().data(board_model.ID_ROLE) == 2
    qtbot.keyClick(new, Qt.Key.Key_Right)
    assert view.lists["acknowledged"].hasFocus() or view.focusWidget() is view.lists["acknowledged"]
    qtbot.keyClick(view.lists["acknowledged"], Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # Ctrl+Z lives on the main window's action; the board's undo is what it calls.
    assert view.undo() and db_lane(filled, 1) == "new"


def test_multi_select_then_key_moves_all(qtbot, view: BoardView, filled) -> None:
    new = view.lists["new"]
    first = new.visualRect(view.models["new"].index(0, 0)).center()
    second = new.visualRect(view.models["new"].index(1, 0)).center()
    qtbot.mouseClick(new.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseClick(
        new.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, second
    )
    assert new.selected_ids() == [1, 2]
    qtbot.keyClick(new, Qt.Key.Key_4)  # Resolved
    assert {db_lane(filled, 1), db_lane(filled, 2)} == {"resolved"}


def test_drag_and_drop_through_the_model(view: BoardView, filled) -> None:
    source = view.models["new"]
    mime = source.mimeData([source.index(1, 0)])
    target = view.models["offline"]
    assert target.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    # False tells Qt not to remove rows itself: the lanes reloaded from the database.
    assert not target.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    assert db_lane(filled, 2) == "offline" and lane_ids(view, "offline") == [2]
    # Dropping a card on its own lane changes nothing.
    again = view.models["offline"].mimeData([view.models["offline"].index(0, 0)])
    view.models["offline"].dropMimeData(again, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    assert len(board.history(filled, 2)) == 1


def test_filters_and_search_as_you_type(qtbot, view: BoardView) -> None:
    bar = view.filters
    bar.lang.setCurrentIndex(bar.lang.findData("pl"))
    assert lane_ids(view, "new") == [2] and lane_ids(view, "acknowledged") == []
    bar.reset()
    assert lane_ids(view, "new") == [1, 2]
    with qtbot.waitSignal(bar.changed, timeout=2000):
        qtbot.keyClicks(bar.search, "baya")  # prefix of the folded "bayatti"
    assert lane_ids(view, "new") == [1]
    assert view.headers["new"].text() == "New (1)"
    bar.search.clear()
    bar.flush()
    bar.lane.setCurrentIndex(bar.lane.findData("troll"))
    assert not view.frames["new"].isVisibleTo(view) and view.frames["watching"].isVisibleTo(view)
    bar.reset()
    bar.sort.setCurrentIndex(bar.sort.findData("time"))
    assert set(lane_ids(view, "new")) == {1, 2}


def test_countdown_states_paint(view: BoardView, filled) -> None:
    target = 60
    assert countdown_text(board.countdown(NOW, None, "new", target, NOW)) == "60 min left"
    late = board.countdown(NOW - timedelta(minutes=75), None, "new", target, NOW)
    assert late.state == "breached" and countdown_text(late) == "breached 15 min ago"
    amber = board.countdown(NOW - timedelta(minutes=50), None, "new", target, NOW)
    assert amber.state == "amber" and countdown_text(amber) == "10 min left"
    # The delegate paints with the injected clock, without a widget per card.
    view.delegate.clock = lambda: NOW + timedelta(minutes=55)
    image = QImage(300, 120, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.rect = image.rect()
    option.palette = view.palette()
    option.font = view.font()
    view.delegate.paint(painter, option, view.models["new"].index(0, 0))
    painter.end()
    amber_px = image.pixelColor(8, 60)
    assert amber_px.red() > 200 and amber_px.blue() < 80  # the amber stripe


def test_troll_lane_captures_evidence_and_never_loses_the_move(
    view: BoardView, filled, monkeypatch
) -> None:
    import crisisdesk_gui.services.evidence_capture as capture
    import crisisdesk_gui.ui.board.view as view_module

    calls: list[list[int]] = []
    monkeypatch.setattr(capture, "capture_mentions", lambda _p, _d, ids: calls.append(ids) or [1])
    monkeypatch.setattr(view_module, "module_exists", lambda _name: True)
    view.move([1], "warned")
    assert calls == [[1]]

    def broken(*_a):
        raise RuntimeError("no renderer")

    warnings: list[str] = []
    monkeypatch.setattr(capture, "capture_mentions", broken)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    view.move([2], "blocked")
    assert db_lane(filled, 2) == "blocked" and "no renderer" in warnings[0]


def test_detail_pane_notes_assignee_and_history(qtbot, view: BoardView, filled) -> None:
    filled["team_members"].insert({"id": 5, "name": "Mika"})
    filled.conn.commit()
    view.lists["new"].setCurrentIndex(view.models["new"].index(0, 0))
    pane = view.detail
    qtbot.waitUntil(lambda: pane.mention_id == 1)  # the first pick shows once the lanes painted
    assert "memnun" in pane.text.toPlainText()
    qtbot.keyClicks(pane.note, "Called back")
    qtbot.keyClick(pane.note, Qt.Key.Key_Return)
    pane.assignee.setCurrentIndex(pane.assignee.findData(5))
    pane.assignee.activated.emit(pane.assignee.currentIndex())
    kinds = [(e["kind"], e["text"]) for e in board.history(filled, 1)]
    assert kinds == [("note", "Called back"), ("assign", "Mika")]
    assert "Called back" in pane.history.toPlainText()
    assert view.models["new"].card(0).assignee == "Mika"


def test_the_most_urgent_cards_detail_follows_the_first_paint(qtbot, filled, data_dir) -> None:
    view = BoardView(ProfilePaths(data_dir), filled, clock=lambda: NOW)
    qtbot.addWidget(view)
    assert view.lists["new"].currentIndex().row() == 0
    assert view.detail.mention_id is None  # nothing formatted before the first frame
    with qtbot.waitSignal(view.first_rows_shown):
        view.show()
    qtbot.waitUntil(lambda: view.detail.mention_id == 1)
    assert "memnun" in view.detail.text.toPlainText()


def test_long_lanes_are_counted_after_the_first_paint(qtbot, db, data_dir) -> None:
    for i in range(1, board_model.PAGE + 6):
        add_mention(db, i, urgency=i)
    add_mention(db, 100, lane="acknowledged")
    view = BoardView(ProfilePaths(data_dir), db, clock=lambda: NOW)
    qtbot.addWidget(view)
    # A lane shorter than a page needs no count; a full one waits for the first frame.
    assert view.headers["acknowledged"].text() == "Acknowledged (1)"
    assert view.headers["new"].text() == "New" and view.models["new"].canFetchMore()
    view.show()
    qtbot.waitUntil(lambda: view.headers["new"].text() == f"New ({board_model.PAGE + 5})")
    assert view.models["new"].total == board_model.PAGE + 5


def test_the_selected_card_is_painted_highlighted(qtbot, view: BoardView) -> None:
    lane = view.lists["new"]
    lane.setCurrentIndex(view.models["new"].index(1, 0))
    image = lane.viewport().grab().toImage()
    rect = lane.visualRect(view.models["new"].index(1, 0))
    plain_rect = lane.visualRect(view.models["new"].index(0, 0))
    selected = image.pixelColor(rect.center().x(), rect.top() + 8)
    plain = image.pixelColor(plain_rect.center().x(), plain_rect.top() + 8)
    highlight = view.palette().color(view.palette().ColorRole.Highlight).lighter(170)

    def near(color) -> bool:
        return max(abs(a - b) for a, b in zip(color.getRgb(), highlight.getRgb(), strict=True)) <= 2

    assert near(selected) and not near(plain)


def test_a_card_chosen_later_shows_at_once(qtbot, view: BoardView) -> None:
    qtbot.waitUntil(lambda: view.detail.mention_id == 1)
    view.lists["acknowledged"].setCurrentIndex(view.models["acknowledged"].index(0, 0))
    assert view.detail.mention_id == 3


def test_main_window_pages_menus_and_close_without_tray(qtbot, filled, data_dir) -> None:
    from crisisdesk_gui.ui.main_window import MainWindow

    window = MainWindow(ProfilePaths(data_dir), filled)
    qtbot.addWidget(window)
    window.tray.available = False  # offscreen has no tray: closing quits
    assert "CrisisDesk" in window.windowTitle()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Board", "&Tools", "&Help"]
    assert window._page_keys[:2] == ["board", "sources"]
    window.board.move([1], "resolved")
    window.act_undo.trigger()
    assert db_lane(filled, 1) == "new"
    window.tray.alert_in_window.emit(
        __import__("crisisdesk_gui.core.alerts", fromlist=["Alert"]).Alert("spike", "T", "M", 2)
    )
    assert window.banner.isVisibleTo(window)
    window.banner.open_btn.click()
    assert window.board.detail.mention_id == 2


def test_one_card_is_chosen_on_the_whole_board(qtbot, view: BoardView) -> None:
    new, ack = view.lists["new"], view.lists["acknowledged"]
    new.setCurrentIndex(view.models["new"].index(0, 0))
    ack.setCurrentIndex(view.models["acknowledged"].index(0, 0))
    assert view.detail.mention_id == 3
    assert not new.selectionModel().hasSelection()
    assert ack.selectionModel().isSelected(view.models["acknowledged"].index(0, 0))
    # Choosing the first lane's card again is a change the detail follows.
    new.setCurrentIndex(view.models["new"].index(0, 0))
    assert view.detail.mention_id == view.models["new"].index(0, 0).data(board_model.ID_ROLE)
    assert not ack.selectionModel().hasSelection()
