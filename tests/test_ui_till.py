"""One real sale in the GUI, on the real widgets (pytest-qt, offscreen), on both databases."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget, QPushButton, QTableWidget

from db.connection import OpenedDatabase
from db.models import Barcode, Item, Sale, StockMovement
from pos_app.stock import ledger as stock
from pos_app.thai.dates import to_bangkok
from tests.conftest import TODAY
from ui.app import application
from ui.shell.window import MainWindow

pytestmark = pytest.mark.qt


@pytest.fixture
def window(demo_db: OpenedDatabase, qtbot: Any) -> MainWindow:
    application()
    win = MainWindow("T1")
    qtbot.addWidget(win)
    win.show()
    return win


def barcode_of(sku: str) -> str:
    return str(Barcode.select(Barcode.code).join(Item).where(Item.sku == sku).scalar())


def child(win: MainWindow, kind: type, name: str) -> Any:
    found = win.centralWidget().findChild(kind, name)  # the current pages, not ones being deleted
    assert found is not None, name
    return found


def log_in(win: MainWindow, qtbot: Any, login_name: str, pin: str) -> None:
    people: QListWidget = child(win, QListWidget, "people")
    for row in range(people.count()):
        if people.item(row).data(Qt.ItemDataRole.UserRole) == login_name:
            people.setCurrentRow(row)
    pin_field: QLineEdit = child(win, QLineEdit, "pin")
    qtbot.keyClicks(pin_field, pin)
    qtbot.keyClick(pin_field, Qt.Key.Key_Return)


def scan(win: MainWindow, qtbot: Any, code: str) -> None:
    field: QLineEdit = child(win, QLineEdit, "scan")
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_wrong_pin_shows_a_message_and_stays_on_login(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "somsri", "0000")
    assert window.actor is None
    assert child(window, QLabel, "login_message").text() == "รหัส PIN ไม่ถูกต้อง กรุณาลองใหม่"
    assert window.stack.currentWidget() is window.login_page


def test_a_cash_sale_end_to_end(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "somsri", "1111")
    assert window.actor is not None and window.current_area == "till"
    page = window.current_page()
    cart: QTableWidget = child(window, QTableWidget, "cart")
    sales_before = Sale.select().count()

    scan(window, qtbot, barcode_of("DISH-500"))  # scanner: digits then Enter
    scan(window, qtbot, barcode_of("DISH-500"))  # the same item again adds to its line
    qtbot.mouseClick(child(window, QPushButton, "product_TEA-YMN"), Qt.MouseButton.LeftButton)
    assert cart.rowCount() == 2
    assert cart.item(0, 1).text().startswith("2 ")
    total: QLabel = child(window, QLabel, "total")
    assert total.text() == "รวม ฿110.00"  # 2 × ฿25 + ฿60

    cart.selectRow(1)  # change the tea to 3 boxes
    child(window, type(page.quantity), "quantity").setValue(3)
    assert total.text() == "รวม ฿230.00"

    scan(window, qtbot, "0000000000000")  # unknown: message, nothing added
    assert cart.rowCount() == 2 and "ไม่รู้จักบาร์โค้ด" in child(window, QLabel, "message").text()

    tendered: QLineEdit = child(window, QLineEdit, "tendered")
    qtbot.keyClicks(tendered, "100")  # not enough: refused, nothing saved
    qtbot.mouseClick(child(window, QPushButton, "pay_cash"), Qt.MouseButton.LeftButton)
    assert Sale.select().count() == sales_before
    assert "น้อยกว่ายอดรวม" in child(window, QLabel, "message").text()

    tendered.clear()
    tendered.insert("๕๐๐")  # Thai digits from a Thai keyboard layout (QTest cannot type them)
    qtbot.keyClick(tendered, Qt.Key.Key_Return)
    assert Sale.select().count() == sales_before + 1
    sale = Sale.select().order_by(Sale.id.desc()).first()
    assert sale.total_satang == 23000 and sale.seller.login == "somsri"
    assert child(window, QLabel, "change").text() == "เงินทอน ฿270.00"
    assert cart.rowCount() == 0 and total.text() == "รวม ฿0.00"
    assert StockMovement.select().where(StockMovement.document_uuid == sale.uuid).count() == 2

    todays: QTableWidget = child(window, QTableWidget, "todays_sales")
    assert to_bangkok(sale.created_at).date() == TODAY
    assert todays.item(0, 0).text() == str(sale.number)
    assert todays.item(0, 4).text() == "฿230.00"
    dish = Item.get(Item.sku == "DISH-500")
    assert stock.on_hand(dish.id, window.till.shop_id) >= 0


def test_language_switch_keeps_the_cart(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "somsri", "1111")
    scan(window, qtbot, barcode_of("LAUNDRY-1L"))
    qtbot.mouseClick(child(window, QPushButton, "language"), Qt.MouseButton.LeftButton)
    assert child(window, QLabel, "total").text() == "Total ฿45.00"
    assert child(window, QTableWidget, "cart").item(0, 0).text() == "Laundry liquid 1 L"
    assert child(window, QPushButton, "pay_cash").text() == "Pay cash"
    qtbot.mouseClick(child(window, QPushButton, "language"), Qt.MouseButton.LeftButton)
    assert child(window, QLabel, "total").text() == "รวม ฿45.00"
    QApplication.processEvents()
