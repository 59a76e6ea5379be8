"""What a production lead tripped on when the issue's "done when" was tried as a new user (purchase → batch →
sale → recall list), each driven with real key events and clicks (pytest-qt, offscreen), on both databases."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox, QTableWidget, QTabWidget

from db.models.production import Batch
from tests.test_stock_ui import _ctrl, _key, _type, window  # noqa: F401  (the fixture)
from tests.test_ui_till import child
from ui.shell.window import MainWindow


def _spin(win: MainWindow, qtbot: Any, name: str, text: str) -> None:
    box: QSpinBox = child(win, QSpinBox, name)
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)


def _lots_shown(win: MainWindow) -> list[str]:
    table: QTableWidget = child(win, QTableWidget, "on_hand")
    return [table.item(r, 1).text() for r in range(table.rowCount())]


def test_the_stock_list_shows_a_batch_saved_after_it_was_first_opened(window: MainWindow, qtbot: Any) -> None:  # noqa: F811
    _key(window, qtbot, Qt.Key.Key_F3)  # the stock area is built and read now
    before = _lots_shown(window)
    _key(window, qtbot, Qt.Key.Key_F4)
    _key(window, qtbot, Qt.Key.Key_F5)  # plan the seasoned powder (the recipe offered first)
    _spin(window, qtbot, "made", "20")
    _ctrl(window, qtbot, Qt.Key.Key_S)
    batch = Batch.select().order_by(Batch.id.desc()).first()
    assert batch.number not in before
    _key(window, qtbot, Qt.Key.Key_F3)
    assert batch.number in _lots_shown(window)
    # chosen in the list, its card shows; it stays chosen when the list is read again (another tab and back)
    table: QTableWidget = child(window, QTableWidget, "on_hand")
    table.selectRow(_lots_shown(window).index(batch.number))
    card: QTableWidget = child(window, QTableWidget, "stock_card")
    assert card.rowCount() == 1 and card.item(0, 2).text() == "+20"
    tabs: QTabWidget = child(window, QTabWidget, "stock_tabs")
    tabs.setCurrentIndex(1)
    tabs.setCurrentIndex(0)
    assert table.selectionModel().selectedRows()[0].row() == _lots_shown(window).index(batch.number)
    assert card.rowCount() == 1


def test_f5_plans_a_batch_straight_after_coming_from_the_stock_area(window: MainWindow, qtbot: Any) -> None:  # noqa: F811
    _key(window, qtbot, Qt.Key.Key_F3)
    _key(window, qtbot, Qt.Key.Key_F4)
    _key(window, qtbot, Qt.Key.Key_F5)  # the cursor was left on a tab bar: F5 did nothing, silently
    assert child(window, QTableWidget, "uses").rowCount() == 3
    tabs: QTabWidget = child(window, QTabWidget, "production_tabs")
    tabs.setCurrentIndex(1)  # the recipe tab: its F5 adds an ingredient (nothing typed → a message)
    tabs.setCurrentIndex(0)
    _key(window, qtbot, Qt.Key.Key_F5)
    assert child(window, QTableWidget, "uses").rowCount() == 3
