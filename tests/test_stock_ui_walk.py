"""What a production lead tripped on when the issue's "done when" was tried as a new user (purchase → batch →
sale → recall list), each driven with real key events and clicks (pytest-qt, offscreen), on both databases."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox, QTableWidget, QTabWidget

from db.models import Item
from db.models.production import Batch
from db.models.stock import Purchase, PurchaseLine
from tests.test_stock_ui import _ctrl, _key, _type, window  # noqa: F401  (the fixture)
from tests.test_stock_ui_lead import choose, click, stock_tab
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


def test_a_purchase_line_shows_its_unit_and_a_wrong_line_is_removed_before_saving(window: MainWindow,  # noqa: F811
                                                                                 qtbot: Any) -> None:
    stock_tab(window, qtbot, 1)
    krill, salt = Item.get(Item.sku == "ING-KRILL"), Item.get(Item.sku == "ING-SALT")
    choose(window, "buy_item", krill.id)
    choose(window, "buy_pack", "kg")
    _type(window, qtbot, "buy_quantity", "5")
    _type(window, qtbot, "buy_supplier_lot", "MC-6912")
    _type(window, qtbot, "buy_cost", "225")
    _key(window, qtbot, Qt.Key.Key_Return)
    choose(window, "buy_item", salt.id)  # the unit goes back to grams for the next item
    _type(window, qtbot, "buy_quantity", "10")  # meant 10 kg
    _type(window, qtbot, "buy_cost", "60")
    _key(window, qtbot, Qt.Key.Key_Return)
    lines: QTableWidget = child(window, QTableWidget, "purchase_lines")
    assert [[lines.item(r, c).text() for c in range(5)] for r in range(2)] == [
        ["เคยสด", "5 กิโลกรัม (5,000 ก.)", "฿225.00", "27/11/2569 (ตามอายุการเก็บ)", "MC-6912"],  # 24 Nov + 3 days
        ["เกลือเม็ด", "10 ก.", "฿60.00", "ไม่มีวันหมดอายุ", "—"]]
    lines.selectRow(1)
    click(window, qtbot, "remove_purchase_line")
    assert lines.rowCount() == 1
    choose(window, "buy_pack", "kg")
    _type(window, qtbot, "buy_quantity", "10")
    _type(window, qtbot, "buy_cost", "60")
    _key(window, qtbot, Qt.Key.Key_Return)
    before = Purchase.select().count()
    _ctrl(window, qtbot, Qt.Key.Key_S)
    assert Purchase.select().count() == before + 1
    bought = Purchase.select().order_by(Purchase.id.desc()).first()
    got = [(ln.item_id, ln.quantity, ln.cost_satang) for ln in bought.lines.order_by(PurchaseLine.line_no)]
    assert got == [(krill.id, 5000, 22500), (salt.id, 10000, 6000)]
    assert bought.total_satang == 28500 and lines.rowCount() == 0
