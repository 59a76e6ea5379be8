"""The cart's own widgets on the till change exactly what they say: − and + step the selected line by one,
a quantity typed (Thai digits too) replaces it, Remove and Del take the selected line out, and − on a line of
one takes it out.  Real clicks and keys; the expected totals are worked out by hand from the demo prices
(dish soap 500 ml ฿25.00, herbal tea ฿60.00, shampoo ฿50.00 a piece, retail)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QTableWidget

from db.models import Sale
from tests.ui_till_helpers import barcode_of, child, click, key_clicks, log_in, scan, till_page
from ui.shell.window import MainWindow

pytestmark = pytest.mark.qt


def rows(win: MainWindow) -> list[tuple[str, str]]:
    table: QTableWidget = child(win, QTableWidget, "cart")
    return [(table.item(r, 1).text(), table.item(r, 3).text().split("\n")[0]) for r in range(table.rowCount())]


def select_row(win: MainWindow, qtbot: Any, row: int) -> None:
    table: QTableWidget = child(win, QTableWidget, "cart")
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def total(win: MainWindow) -> str:
    return str(child(win, QLabel, "total").text())


def test_minus_plus_typed_quantity_remove_and_delete(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    sales_before = Sale.select().count()
    scan(page, qtbot, barcode_of("DISH-500"))
    scan(page, qtbot, barcode_of("TEA-YMN"))
    scan(page, qtbot, barcode_of("SHAMPOO-250"))
    assert rows(window) == [("1 ชิ้น", "฿25.00"), ("1 ชิ้น", "฿60.00"), ("1 ชิ้น", "฿50.00")]
    assert total(window) == "รวม ฿135.00"

    select_row(window, qtbot, 1)  # the tea
    click(qtbot, window, "plus")
    click(qtbot, window, "plus")
    assert rows(window)[1] == ("3 ชิ้น", "฿180.00") and total(window) == "รวม ฿255.00"
    click(qtbot, window, "minus")
    assert rows(window)[1] == ("2 ชิ้น", "฿120.00") and total(window) == "รวม ฿195.00"
    assert child(window, QLineEdit, "quantity").text() == "2"
    assert [r[0] for r in rows(window)] == ["1 ชิ้น", "2 ชิ้น", "1 ชิ้น"]  # only the selected line moved

    select_row(window, qtbot, 0)  # the dish soap: 4 typed in Thai digits
    field: QLineEdit = child(window, QLineEdit, "quantity")
    field.selectAll()
    key_clicks(qtbot, field, "๔")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert rows(window)[0] == ("4 ชิ้น", "฿100.00") and total(window) == "รวม ฿270.00"
    field.selectAll()
    qtbot.keyClicks(field, "x")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # not a number: said, and nothing changes
    assert rows(window)[0] == ("4 ชิ้น", "฿100.00") and total(window) == "รวม ฿270.00"

    select_row(window, qtbot, 1)
    click(qtbot, window, "remove")  # the tea goes; the dish soap and the shampoo stay
    assert rows(window) == [("4 ชิ้น", "฿100.00"), ("1 ชิ้น", "฿50.00")] and total(window) == "รวม ฿150.00"

    select_row(window, qtbot, 1)
    click(qtbot, window, "minus")  # − on a line of one takes it out
    assert rows(window) == [("4 ชิ้น", "฿100.00")] and total(window) == "รวม ฿100.00"

    select_row(window, qtbot, 0)
    qtbot.keyClick(page, Qt.Key.Key_Delete)
    assert rows(window) == [] and total(window) == "รวม ฿0.00"
    assert Sale.select().count() == sales_before  # none of these buttons saves a sale
