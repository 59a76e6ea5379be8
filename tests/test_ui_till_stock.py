"""Stock and lots at the till, driven as a seller does (real scans, keys and clicks), on both databases:
on-hand on the tiles and cart lines, warn or block past it, a lot label, an expired lot with a manager's PIN,
the scanner's prefix from the settings."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QTableWidget, QWidget

from db.models import Barcode, Item, Sale, StockMovement, Till
from pos_app import settings
from pos_app.trust import audit
from tests.stock_support import admin, buy, new_item
from tests.ui_till_helpers import answer_next_dialog, child, click, log_in, press, scan, till_page
from ui.shell.window import MainWindow
from ui.till.cart_view import NOTE_ROLE
from ui.till.page import TillPage

pytestmark = pytest.mark.qt
MARKET = "BHS-MARKET"


def _jar(units: int, code: str = "9990000000017") -> Item:
    jar = new_item("KAPI", "finished", "piece", price_satang=5000, name="กะปิกระปุก")
    Barcode.create(code=code, item=jar)
    buy(MARKET, jar, units, units * 100, expires=dt.date(2026, 12, 31))
    return jar


def _where() -> settings.Where:
    till = Till.get(Till.code == "T1")
    return settings.Where(till.shop_id, till.id)


def _cart_names(win: MainWindow) -> list[str]:
    table: QTableWidget = child(win, QTableWidget, "cart")
    return [f"{table.item(r, 0).text()}\n{table.item(r, 0).data(NOTE_ROLE)}" for r in range(table.rowCount())]


def _seller(window: MainWindow, qtbot: Any) -> TillPage:
    log_in(window, qtbot, "somsri", "1111")
    return till_page(window)


def test_on_hand_on_the_tile_and_the_cart_line_and_a_warning_past_it(window: MainWindow, qtbot: Any) -> None:
    jar = _jar(3)
    page = _seller(window, qtbot)
    page.picker.set_query(jar.sku)
    assert "คงเหลือ 3" in page.picker.model.index(0).data()
    for _n in range(3):
        scan(page, qtbot, "9990000000017")
    assert _cart_names(window) == [f"{jar.name_th}\nคงเหลือ 3 ชิ้น"]
    message: QLabel = child(window, QLabel, "message")
    assert "คำเตือน" not in message.text()
    scan(page, qtbot, "9990000000017")  # the fourth: the books show 3
    assert "คำเตือน" in message.text() and "3" in message.text()
    table: QTableWidget = child(window, QTableWidget, "cart")
    assert table.item(0, 1).text() == "4 ชิ้น"
    assert table.item(0, 0).foreground().color().name() == "#b00020"
    press(qtbot, page, Qt.Key.Key_F12)
    click(qtbot, window, "exact")
    sale = Sale.select().order_by(Sale.id.desc()).get()
    assert sale.total_satang == 20000  # 4 × ฿50.00
    assert "ขายเกินกว่าที่บัญชีมี" in message.text() and "(1)" in message.text()
    page.stock.reload()
    page.picker.set_query(jar.sku)
    assert "คงเหลือ -1" in page.picker.model.index(0).data()


def test_block_refuses_the_line_past_on_hand(window: MainWindow, qtbot: Any) -> None:
    jar = _jar(2)
    settings.change(admin(), "stock_policy", "block", _where())
    page = _seller(window, qtbot)
    for _n in range(3):
        scan(page, qtbot, "9990000000017")
    table: QTableWidget = child(window, QTableWidget, "cart")
    assert table.item(0, 1).text() == "2 ชิ้น"
    assert "ไม่ขายเกินสต็อก" in child(window, QLabel, "message").text()
    click(qtbot, window, "plus")  # + is refused the same way
    assert table.item(0, 1).text() == "2 ชิ้น"
    quantity: QLineEdit = child(window, QLineEdit, "quantity")
    quantity.selectAll()
    QTest.keyClicks(quantity, "5")
    QTest.keyClick(quantity, Qt.Key.Key_Return)
    assert table.item(0, 1).text() == "2 ชิ้น"
    assert page.cart.lines[0].item.id == jar.id


def test_a_lot_label_sells_from_that_lot(window: MainWindow, qtbot: Any) -> None:
    jar = new_item("KAPI", "finished", "piece", price_satang=5000)
    later = buy(MARKET, jar, 5, 500, expires=dt.date(2026, 12, 1))
    sooner = buy(MARKET, jar, 3, 600, expires=dt.date(2026, 11, 30))
    page = _seller(window, qtbot)
    scan(page, qtbot, later.number)  # type: ignore[attr-defined]
    assert _cart_names(window) == [f"{jar.name_th}\nล็อต {later.number} · คงเหลือ 5 ชิ้น"]  # type: ignore[attr-defined]
    press(qtbot, page, Qt.Key.Key_F12)
    click(qtbot, window, "exact")
    sale = Sale.select().order_by(Sale.id.desc()).get()
    assert [(m.lot_id, m.quantity) for m in StockMovement.select().where(StockMovement.document_uuid == sale.uuid)] \
        == [(later.lot_id, -1)]  # type: ignore[attr-defined]
    assert sooner.lot_id != later.lot_id  # type: ignore[attr-defined]


def _manager(login: str, pin: str) -> None:
    def act(dialog: QWidget) -> None:
        people: QListWidget = dialog.findChild(QListWidget, "managers")
        for row in range(people.count()):
            if people.item(row).data(Qt.ItemDataRole.UserRole) == login:
                people.setCurrentRow(row)
        field = dialog.findChild(QLineEdit, "manager_pin")
        QTest.keyClicks(field, pin)
        QTest.keyClick(field, Qt.Key.Key_Return)

    answer_next_dialog(act)


def test_an_expired_lot_needs_a_managers_pin_recorded(window: MainWindow, qtbot: Any) -> None:
    jar = new_item("KAPI", "finished", "piece", price_satang=5000)
    old = buy(MARKET, jar, 10, 1000, expires=dt.date(2026, 11, 23), day=dt.date(2026, 11, 1))
    page = _seller(window, qtbot)
    answer_next_dialog(lambda d: QTest.keyClick(d, Qt.Key.Key_Escape))  # no manager: not added
    scan(page, qtbot, old.number)  # type: ignore[attr-defined]
    assert page.cart.is_empty
    assert "หมดอายุ" in child(window, QLabel, "message").text()
    _manager("prapha", "2222")
    scan(page, qtbot, old.number)  # type: ignore[attr-defined]
    assert len(page.cart.lines) == 1 and "หมดอายุ" in _cart_names(window)[0]
    press(qtbot, page, Qt.Key.Key_F12)
    click(qtbot, window, "exact")
    sale = Sale.select().order_by(Sale.id.desc()).get()
    row = StockMovement.get(StockMovement.document_uuid == sale.uuid)
    assert (row.lot_id, row.quantity, row.expired_override) == (old.lot_id, -1, True)  # type: ignore[attr-defined]
    [entry] = [e for e in audit.entries(["override"]) if e.detail.get("sale") == str(sale.uuid)]
    assert (entry.user, entry.detail["lot"]) == ("prapha", old.number)  # type: ignore[attr-defined]


def test_the_scanner_prefix_from_the_settings_is_stripped(window: MainWindow, qtbot: Any) -> None:
    _jar(5)
    settings.change(admin(), "scanner_prefix", "]E0", _where())
    page = _seller(window, qtbot)
    scan(page, qtbot, "]E09990000000017")
    assert len(page.cart.lines) == 1 and page.cart.lines[0].quantity == 1
