"""The price screen (F10) for whoever may change prices, with real key events and clicks (pytest-qt,
offscreen), on both databases; and the core's price list and last changes it reads."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTableWidget

from db.connection import OpenedDatabase
from db.models import Item, ItemPrice, PriceTier
from db.models.trust import AuditEntry
from pos_app.money import Money
from pos_app.selling import prices
from tests.stock_support import admin
from tests.test_stock_ui import _ctrl, _key, _type
from tests.test_ui_till import child
from ui.shell.window import MainWindow


def _price(sku: str, tier: str) -> tuple[int, int]:
    row = ItemPrice.get((ItemPrice.item == Item.get(Item.sku == sku).id)
                        & (ItemPrice.tier == PriceTier.get(PriceTier.code == tier).id))
    return int(row.price_satang), int(row.per_quantity)


def test_the_price_list_and_the_last_changes(demo_db: OpenedDatabase) -> None:
    tiers, rows = prices.price_list()
    assert [t.code for t in tiers] == ["retail", "member", "network"]
    by_sku = {r.sku: r for r in rows}
    assert by_sku["KAPI-KG"].prices["retail"] == (Money(20000), 1000)  # ฿200.00 a kilogram (network.json)
    assert by_sku["KAPI-200"].prices == {"retail": (Money(5000), 1), "member": (Money(4500), 1),
                                         "network": (Money(4000), 1)}
    assert rows[0].kind == "finished" and by_sku["ING-SALT"].prices == {}
    prices.change_price(admin(), by_sku["KAPI-KG"].item_id, "member", Money(9500), 500)
    last = prices.recent_changes()[0]
    assert (last.who, last.sku, last.tier, last.old, last.old_per, last.new, last.new_per) == (
        "admin", "KAPI-KG", "member", Money(18000), 1000, Money(9500), 500)


@pytest.mark.window(size=None, login=("admin", "9999"))
def test_the_administrator_changes_a_member_price_from_the_keyboard(window: MainWindow, qtbot: Any) -> None:
    win = window
    _key(win, qtbot, Qt.Key.Key_F10)
    assert win.current_area == "prices"
    _type(win, qtbot, "price_find", "KAPI-200")
    found: QTableWidget = child(win, QTableWidget, "price_list")
    assert found.rowCount() == 1
    assert [found.item(0, c).text() for c in range(5)] == ["KAPI-200", "กะปิ กระปุก 200 กรัม", "฿50.00", "฿45.00",
                                                          "฿40.00"]
    found.selectRow(0)
    tier: QComboBox = child(win, QComboBox, "price_tier")
    tier.setCurrentIndex(tier.findData("member"))
    assert "฿45.00" in child(win, QLabel, "price_now").text()
    _type(win, qtbot, "price_new", "๔๗.๕๐")  # Thai digits: ฿47.50
    _ctrl(win, qtbot, Qt.Key.Key_S)
    assert _price("KAPI-200", "member") == (4750, 1)
    assert "฿45.00" in child(win, QLabel, "price_message").text()
    assert "฿47.50" in child(win, QLabel, "price_message").text()
    assert found.item(0, 3).text() == "฿47.50"  # the list shows the new price, the row still chosen
    assert "฿47.50" in child(win, QLabel, "price_now").text()  # and the line above the editor too
    find = child(win, QLineEdit, "price_find")
    qtbot.keyClick(find, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # the search typed over
    _type(win, qtbot, "price_find", "KAPI-KG")
    assert [found.item(0, c).text() for c in range(2, 5)] == ["฿200.00 / กก.", "฿180.00 / กก.", "฿160.00 / กก."]
    qtbot.keyClick(find, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type(win, qtbot, "price_find", "KAPI-200")
    found.selectRow(0)
    history: QTableWidget = child(win, QTableWidget, "price_history")
    assert [history.item(0, c).text() for c in range(1, 6)] == ["admin", "กะปิ กระปุก 200 กรัม (KAPI-200)",
                                                               "ราคาสมาชิก", "฿45.00", "฿47.50"]
    audits = AuditEntry.select().where(AuditEntry.kind == "price_change").count()
    _type(win, qtbot, "price_new", "สี่สิบ")  # not an amount: a message, nothing changes
    _key(win, qtbot, Qt.Key.Key_Return)
    assert _price("KAPI-200", "member") == (4750, 1)
    assert AuditEntry.select().where(AuditEntry.kind == "price_change").count() == audits
    assert child(win, QLabel, "price_message").styleSheet().startswith("color: #b00020")


@pytest.mark.window(size=None, login=("prapha", "2222"))
def test_a_production_lead_has_no_price_screen(window: MainWindow, qtbot: Any) -> None:
    win = window
    assert "prices" not in win.nav_buttons
    _key(win, qtbot, Qt.Key.Key_F10)
    assert win.current_area == "production"
