"""What a production lead tripped on when the issue's "done when" was tried as a new user (purchase → batch →
sale → recall list), each driven with real key events and clicks (pytest-qt, offscreen), on both databases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox, QTableWidget, QTabWidget

from db.models import Item, ItemPack, Lot
from db.models.production import Batch, BatchLabour
from db.models.stock import Purchase, PurchaseLine
from pos_app.money import Money
from pos_app.production import recipes
from pos_app.stock import purchases
from tests.test_production_cost_sheet import _pdf_text
from tests.test_stock_ui import _ctrl, _key, _type, window  # noqa: F401  (the fixture)
from tests.test_stock_ui_lead import choose, click, stock_tab
from tests.test_ui_till import child
from ui.shell.window import MainWindow

pytestmark = pytest.mark.window(size=None)  # as test_stock_ui's window


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
    assert card.item(0, 1).text() == f"ผลิตได้ {batch.number}"  # the batch it came from, named
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


def test_a_batch_entered_late_with_each_workers_own_time_and_an_expiry_set_on_purpose(
        window: MainWindow, qtbot: Any) -> None:  # noqa: F811
    # setup through the core: krill bought at the market yesterday with a label saying 30 Nov, and the seasoned
    # powder's recipe taking 300 g of it (so the batch has an ingredient that expires)
    lead = window.actor
    assert lead is not None
    sku = {i.sku: i.id for i in Item.select()}
    purchases.record_purchase(lead, window.till.shop_id, [purchases.BuyLine(
        sku["ING-KRILL"], 5000, total=Money(22500), expires_on=dt.date(2026, 11, 30))], day=dt.date(2026, 11, 23))
    recipes.save_recipe(lead, sku["KAPI-SEASONED"], 20, [
        recipes.Ingredient(sku["KAPI-KG"], 800), recipes.Ingredient(sku["ING-SUGAR"], 150),
        recipes.Ingredient(sku["PKG-POUCH50"], 20), recipes.Ingredient(sku["ING-KRILL"], 300)])
    _key(window, qtbot, Qt.Key.Key_F3)
    _key(window, qtbot, Qt.Key.Key_F4)  # the recipe list is read again when shown

    day: QLineEdit = child(window, QLineEdit, "batch_day")
    assert day.text() == "24/11/2569"
    day.selectAll()
    _type(window, qtbot, "batch_day", "23/11/2569")  # made yesterday, entered today
    _key(window, qtbot, Qt.Key.Key_F5)
    assert child(window, QTableWidget, "uses").rowCount() == 4
    expiry: QLineEdit = child(window, QLineEdit, "batch_expiry")
    assert "30/11/2569" in expiry.placeholderText()  # the krill's label is sooner than 180 days' shelf life
    _spin(window, qtbot, "made", "19")
    _type(window, qtbot, "member", "ประภา")
    _spin(window, qtbot, "minutes", "120")
    _type(window, qtbot, "rate", "50")
    _ctrl(window, qtbot, Qt.Key.Key_L)
    _type(window, qtbot, "member", "สมใจ")
    _spin(window, qtbot, "minutes", "90")
    _type(window, qtbot, "rate", "50")
    _ctrl(window, qtbot, Qt.Key.Key_L)
    assert "ประภา 120" in child(window, QLabel, "workers").text()
    _type(window, qtbot, "member", "มาลี")  # typed, not added: counts when the batch is saved
    _type(window, qtbot, "labour_amount", "80")
    _type(window, qtbot, "overhead", "25")
    _type(window, qtbot, "batch_expiry", "31/12/2569")
    before = Batch.select().count()
    _ctrl(window, qtbot, Qt.Key.Key_S)
    assert Batch.select().count() == before  # later than the krill's 30 Nov: refused, nothing written
    assert "30/11/2569" in child(window, QLabel, "production_message").text()
    box: QCheckBox = child(window, QCheckBox, "batch_beyond")
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    _ctrl(window, qtbot, Qt.Key.Key_S)
    batch = Batch.select().order_by(Batch.id.desc()).first()
    # materials: paste 800 g × 9 = 7200, sugar 150 g × 3 = 450, the last 20 pouches of 40 passed for ฿70 = 3500,
    # krill 300 of 5000 g for ฿225 = 1350 → 12500; labour 120 min and 90 min at ฿50/h = 10000 + 7500, and
    # ฿80 agreed = 8000 → 25500; overhead 2500 → 40500 for 19 made: 2131 each, 11 satang over (2131 × 19 = 40489)
    assert (batch.business_date, batch.materials_satang, batch.labour_satang, batch.overhead_satang,
            batch.total_satang) == (dt.date(2026, 11, 23), 12500, 25500, 2500, 40500)
    assert [(w.member, w.minutes, w.amount_satang) for w in BatchLabour.select().where(
        BatchLabour.batch == batch).order_by(BatchLabour.line_no)] == [
        ("ประภา", 120, 10000), ("สมใจ", 90, 7500), ("มาลี", 0, 8000)]
    lot = Lot.get(Lot.number == batch.number)
    assert batch.number.startswith("BHS-25691123-")
    assert (lot.unit_cost_satang, lot.remainder_satang, lot.expires_on) == (2131, 11, dt.date(2026, 12, 31))
    shown = child(window, QLabel, "batch_result").text()
    assert "฿405.00" in shown and "฿21.31" in shown and "31/12/2569" in shown
    assert not box.isChecked() and child(window, QLabel, "workers").text().count("฿") == 0  # ready for the next


def test_every_quantity_typed_on_the_lead_screens_names_its_unit(window: MainWindow, qtbot: Any) -> None:  # noqa: F811
    _key(window, qtbot, Qt.Key.Key_F5)  # plan: the seasoned powder takes paste (g), sugar (g) and pouches
    uses: QTableWidget = child(window, QTableWidget, "uses")
    assert [(uses.item(r, 0).text(), uses.item(r, 2).text(), uses.item(r, 3).text()) for r in range(3)] == [
        ("กะปิ (ชั่งกิโล)", "800", "ก."), ("น้ำตาลทราย", "150", "ก."), ("ซองซิป 50 กรัม", "20", "ชิ้น")]
    child(window, QTabWidget, "production_tabs").setCurrentIndex(1)
    lines: QTableWidget = child(window, QTableWidget, "recipe_lines")
    assert lines.item(2, 2).text() == "ชิ้น"
    choose(window, "recipe_ingredient", Item.get(Item.sku == "ING-FRAGRANCE").id)
    assert child(window, QLineEdit, "recipe_quantity").placeholderText() == "จำนวน (มล.)"
    stock_tab(window, qtbot, 2)
    choose(window, "give_item", Item.get(Item.sku == "PKG-POUCH50").id)
    assert child(window, QLineEdit, "give_quantity").placeholderText() == "จำนวน (ชิ้น)"
    assert "(PKG-POUCH50, ชิ้น)" in child(window, QComboBox, "give_item").currentText()  # was the raw "piece"


def test_a_pack_retired_on_the_items_tab_is_no_longer_offered_on_a_purchase(window: MainWindow,  # noqa: F811
                                                                            qtbot: Any) -> None:
    stock_tab(window, qtbot, 3)
    _type(window, qtbot, "item_find", "ING-SALT")
    found: QTableWidget = child(window, QTableWidget, "item_list")
    assert found.rowCount() == 1
    found.selectRow(0)
    packs: QTableWidget = child(window, QTableWidget, "pack_list")
    assert packs.item(0, 0).text() == "กิโลกรัม"
    click(window, qtbot, "retire_pack")  # nothing chosen: a message, nothing retired
    assert not ItemPack.get(ItemPack.name_th == "กิโลกรัม", ItemPack.item == Item.get(Item.sku == "ING-SALT")).retired
    packs.selectRow(0)
    click(window, qtbot, "retire_pack")
    assert packs.item(0, 0).text() == "กิโลกรัม (เลิกใช้แล้ว)"
    stock_tab(window, qtbot, 1)
    choose(window, "buy_item", Item.get(Item.sku == "ING-SALT").id)
    units: QComboBox = child(window, QComboBox, "buy_pack")
    assert [units.itemText(i) for i in range(units.count())] == ["ก."]
    choose(window, "buy_item", Item.get(Item.sku == "ING-KRILL").id)  # the krill's kilogram is still offered
    assert units.count() == 2


def test_the_stock_card_of_a_lot_chosen_from_the_items_lots(window: MainWindow, qtbot: Any,  # noqa: F811
                                                            tmp_path: Path) -> None:
    pouch = Item.get(Item.sku == "PKG-POUCH50")
    passed = Lot.get((Lot.item == pouch.id) & (Lot.origin == "transfer"))  # 40 passed from Khlong Dan for ฿70
    stock_tab(window, qtbot, 4)
    choose(window, "report_lot_item", pouch.id)
    lots: QComboBox = child(window, QComboBox, "report_lot_choice")
    offered = [lots.itemData(i) for i in range(lots.count())]
    assert passed.id in offered and len(offered) == Lot.select().where(Lot.item == pouch.id).count()
    assert "20 ชิ้น" in lots.itemText(offered.index(passed.id))  # what the market holds of it
    lots.setCurrentIndex(offered.index(passed.id))
    click(window, qtbot, "lot_card_xlsx")
    path = tmp_path / "reports" / f"stock-card-{passed.number}.xlsx"
    qtbot.waitUntil(lambda: str(path) in child(window, QLabel, "stock_message").text(), timeout=30_000)
    sheet = openpyxl.load_workbook(path).active
    rows = [tuple("" if c.value is None else c.value for c in row) for row in sheet.iter_rows()]
    batch = Batch.select().order_by(Batch.id).first()  # the demo's batch took the first 20: 7000 ÷ 2 = 3500
    assert ("19/11/2569", "โอนระหว่างกลุ่ม", "", 40, "", 40, 70) in rows  # numbers in the sheet, exact
    assert ("20/11/2569", "ใช้ผลิต", batch.number, "", 20, 20, 35) in rows
    assert rows[1][0] == "ซองซิป 50 กรัม (PKG-POUCH50) — หน่วย: ชิ้น"


def test_lot_labels_from_the_batch_just_saved_and_from_the_stock_list(window: MainWindow, qtbot: Any,  # noqa: F811
                                                                      tmp_path: Path) -> None:
    click(window, qtbot, "batch_labels")  # nothing saved yet: a message, no file
    assert "บันทึกรอบการผลิตก่อน" in child(window, QLabel, "production_message").text()
    _key(window, qtbot, Qt.Key.Key_F5)
    _spin(window, qtbot, "made", "20")
    _ctrl(window, qtbot, Qt.Key.Key_S)
    batch = Batch.select().order_by(Batch.id.desc()).first()
    click(window, qtbot, "batch_labels")
    saved = tmp_path / "reports" / f"labels-{batch.number}.pdf"
    qtbot.waitUntil(lambda: str(saved) in child(window, QLabel, "production_message").text(), timeout=30_000)
    assert _pdf_text(saved.read_bytes()).count(batch.number) == 20  # one per piece made
    _key(window, qtbot, Qt.Key.Key_F3)
    _type(window, qtbot, "stock_search", "ING-SUGAR")  # goods by weight: one sheet of 24
    table: QTableWidget = child(window, QTableWidget, "on_hand")
    table.selectRow(0)
    sugar = Lot.get(Lot.number == table.item(0, 1).text())
    click(window, qtbot, "lot_labels")
    sheet = tmp_path / "reports" / f"labels-{sugar.number}.pdf"
    qtbot.waitUntil(lambda: str(sheet) in child(window, QLabel, "stock_message").text(), timeout=30_000)
    assert _pdf_text(sheet.read_bytes()).count(sugar.number) == 24
