"""The production lead's screens, driven with real key events (pytest-qt, offscreen), on both databases:
stock on hand with lots, a purchase typed in, the recall list PDF, a batch planned and saved with its cost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QSpinBox, QTableWidget, QTabWidget

from db.models import Item, Lot, StockMovement
from db.models.production import Batch
from db.models.stock import Purchase
from tests.test_ui_till import child, log_in
from ui.shell.window import MainWindow

pytestmark = [pytest.mark.qt, pytest.mark.window(size=None)]


@pytest.fixture
def window(window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """The shared window (tests/conftest.py) at its own size, the production lead logged in; reports are saved
    under the test's folder."""
    monkeypatch.setattr("ui.stock.widgets.data_dir", lambda: tmp_path)
    log_in(window, qtbot, "prapha", "2222")
    return window


def _type(win: MainWindow, qtbot: Any, name: str, text: str) -> None:
    """Type into a field with real key events; Thai characters (which QTest's ASCII table lacks) are sent
    as key events carrying their text, as a Thai keyboard layout does."""
    field: QLineEdit = child(win, QLineEdit, name)
    field.setFocus()
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(field, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(field, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def _ctrl(win: MainWindow, qtbot: Any, key: Qt.Key) -> None:
    QApplication.processEvents()
    qtbot.keyClick(win.focusWidget() or win, key, Qt.KeyboardModifier.ControlModifier)


def _key(win: MainWindow, qtbot: Any, key: Qt.Key) -> None:
    QApplication.processEvents()
    qtbot.keyClick(win.focusWidget() or win, key)


def test_purchase_typed_in_becomes_a_lot_and_the_recall_pdf_is_saved(window: MainWindow, qtbot: Any,
                                                                     tmp_path: Path) -> None:
    assert window.current_area == "production"  # the production lead's home
    _key(window, qtbot, Qt.Key.Key_F3)
    assert window.current_area == "stock"
    on_hand: QTableWidget = child(window, QTableWidget, "on_hand")
    assert on_hand.rowCount() > 0
    child(window, QTabWidget, "stock_tabs").setCurrentIndex(1)
    combo: QComboBox = child(window, QComboBox, "buy_item")
    combo.setCurrentIndex(combo.findData(Item.get(Item.sku == "ING-SALT").id))
    _type(window, qtbot, "buy_quantity", "2,000")
    _type(window, qtbot, "buy_cost", "๒๕.๕๐")  # Thai digits: ฿25.50
    _type(window, qtbot, "buy_expiry", "31/12/2570")
    _key(window, qtbot, Qt.Key.Key_F5)
    assert child(window, QTableWidget, "purchase_lines").rowCount() == 1
    before = Purchase.select().count()
    _ctrl(window, qtbot, Qt.Key.Key_S)
    assert Purchase.select().count() == before + 1
    lot = Lot.select().order_by(Lot.id.desc()).first()
    assert (lot.quantity_in, lot.cost_satang, str(lot.expires_on)) == (2000, 2550, "2027-12-31")
    assert lot.number in child(window, QLabel, "stock_message").text()

    child(window, QTabWidget, "stock_tabs").setCurrentIndex(0)
    _type(window, qtbot, "stock_search", lot.number)
    assert on_hand.rowCount() == 1
    on_hand.selectRow(0)
    assert child(window, QTableWidget, "stock_card").rowCount() == 1
    _key(window, qtbot, Qt.Key.Key_F6)
    saved = tmp_path / "reports" / f"recall-{lot.number}.pdf"
    message = child(window, QLabel, "stock_message")
    qtbot.waitUntil(lambda: str(saved) in message.text(), timeout=30_000)  # made off the GUI thread
    assert saved.read_bytes()[:5] == b"%PDF-"


def test_a_batch_planned_and_saved_shows_its_exact_cost(window: MainWindow, qtbot: Any) -> None:
    recipe: QComboBox = child(window, QComboBox, "recipe")
    assert "กะปิผงทรงเครื่อง" in recipe.currentText()
    planned: QSpinBox = child(window, QSpinBox, "planned")
    planned.setFocus()
    planned.selectAll()
    qtbot.keyClicks(planned, "20")
    _key(window, qtbot, Qt.Key.Key_F5)
    assert child(window, QTableWidget, "uses").rowCount() == 3
    made: QSpinBox = child(window, QSpinBox, "made")
    made.setFocus()
    made.selectAll()
    qtbot.keyClicks(made, "18")
    _type(window, qtbot, "member", "มาลี")
    minutes: QSpinBox = child(window, QSpinBox, "minutes")
    minutes.setFocus()
    minutes.selectAll()
    qtbot.keyClicks(minutes, "60")
    _type(window, qtbot, "rate", "45")
    _type(window, qtbot, "overhead", "10")
    _ctrl(window, qtbot, Qt.Key.Key_S)
    batch = Batch.select().order_by(Batch.id.desc()).first()
    # paste 800 g × 9 satang + sugar 150 g × 3 + the last 20 of 40 pouches passed at ฿70.00 = 3500 → 11150;
    # labour 60 min × ฿45/h = 4500; overhead 1000 → 16650 for 18: 925 each, no remainder
    assert (batch.materials_satang, batch.labour_satang, batch.overhead_satang, batch.total_satang) == (
        11150, 4500, 1000, 16650)
    shown = child(window, QLabel, "batch_result").text()
    assert batch.number in shown and "฿166.50" in shown and "฿9.25" in shown


def test_stocktake_and_transfer_from_the_keyboard(window: MainWindow, qtbot: Any) -> None:
    from db.models.stock import StockAdjustment, Transfer

    _key(window, qtbot, Qt.Key.Key_F3)
    child(window, QTabWidget, "stock_tabs").setCurrentIndex(2)
    _key(window, qtbot, Qt.Key.Key_F11)  # a new count sheet of every lot in the shop
    sheet: QTableWidget = child(window, QTableWidget, "count_sheet")
    row = next(r for r in range(sheet.rowCount()) if "หัวเชื้อ N70" in sheet.item(r, 0).text())
    assert sheet.item(row, 3).text() == "15,000 ก."
    sheet.setCurrentCell(row, 4)
    sheet.editItem(sheet.item(row, 4))
    editor = QApplication.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "14500")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _type(window, qtbot, "count_reason", "ตรวจนับสิ้นเดือน")
    _key(window, qtbot, Qt.Key.Key_F12)
    count = StockAdjustment.select().order_by(StockAdjustment.id.desc()).first()
    n70 = Item.get(Item.sku == "ING-N70")
    row_n70 = StockMovement.get((StockMovement.document_uuid == count.uuid) & (StockMovement.item == n70.id))
    assert (count.kind, row_n70.quantity, row_n70.value_satang) == ("count", -500, -4000)  # of ฿1,200.00/15 kg
    # every other lot was counted as the books show it (the demo stall sells only what it has): no other row
    assert StockMovement.select().where(StockMovement.document_uuid == count.uuid).count() == 1
    assert "ตรวจนับ" in child(window, QLabel, "stock_message").text()

    combo: QComboBox = child(window, QComboBox, "give_item")
    combo.setCurrentIndex(combo.findData(Item.get(Item.sku == "ING-N70").id))
    _type(window, qtbot, "give_quantity", "1000")
    _type(window, qtbot, "give_price", "100")
    _ctrl(window, qtbot, Qt.Key.Key_T)
    t = Transfer.select().order_by(Transfer.id.desc()).first()
    # 14,500 → 13,500 g held: ⌈120000 × 13500 ÷ 15000⌉ = 108000, so 8000 satang of cost left with it
    assert (t.from_group.code, t.to_group.code, t.amount_satang, t.cost_satang) == ("BHS", "KAPI", 10000, 8000)
