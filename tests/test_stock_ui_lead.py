"""The production lead's own screens, driven with real key events and clicks (pytest-qt, offscreen), on both
databases: an item with a pack and a barcode made and changed, a purchase from a supplier added on the spot
and entered late, a recipe changed into a new version (and one that contains itself refused), a batch with a
by-product, and the reports made through the shell's background wrapper."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget, QTabWidget

from db.models import Barcode, Item, ItemPack, Lot, StockMovement, Supplier
from db.models.production import Batch, BatchOutput, Recipe
from db.models.stock import Purchase
from pos_app.trust import audit
from tests.test_stock_ui import _ctrl, _key, _type, window  # noqa: F401  (the fixture)
from tests.test_ui_till import child
from ui.shell.window import MainWindow

pytestmark = pytest.mark.window(size=None)  # as test_stock_ui's window


def click(win: MainWindow, qtbot: Any, name: str) -> None:
    qtbot.mouseClick(child(win, QPushButton, name), Qt.MouseButton.LeftButton)


def choose(win: MainWindow, name: str, data: object) -> None:
    box: QComboBox = child(win, QComboBox, name)
    index = box.findData(data)
    assert index >= 0, f"{data!r} is not offered in {name}"
    box.setCurrentIndex(index)


def stock_tab(win: MainWindow, qtbot: Any, index: int) -> None:
    _key(win, qtbot, Qt.Key.Key_F3)
    child(win, QTabWidget, "stock_tabs").setCurrentIndex(index)


def message(win: MainWindow) -> str:
    return child(win, QLabel, "stock_message").text()


def test_an_item_with_a_pack_and_a_barcode_is_made_and_changed(window: MainWindow, qtbot: Any) -> None:  # noqa: F811
    stock_tab(window, qtbot, 3)
    click(window, qtbot, "new_item")
    _type(window, qtbot, "item_sku", "ING-CHILI")
    _type(window, qtbot, "item_name_th", "พริกป่น")
    _type(window, qtbot, "item_name_en", "Ground chili")
    choose(window, "item_kind", "ingredient")
    choose(window, "item_unit", "g")
    choose(window, "item_group", "KAPI")
    shelf: QSpinBox = child(window, QSpinBox, "item_shelf_life")
    shelf.setFocus()
    shelf.selectAll()
    qtbot.keyClicks(shelf, "90")
    click(window, qtbot, "save_item")
    chili = Item.get(Item.sku == "ING-CHILI")
    assert (chili.name_th, chili.kind, chili.base_unit, chili.group.code) == ("พริกป่น", "ingredient", "g", "KAPI")
    assert "ING-CHILI" in message(window)

    _type(window, qtbot, "pack_name", "กิโลกรัม")
    _type(window, qtbot, "pack_factor", "1,000")
    click(window, qtbot, "add_pack")
    assert [(p.name_th, p.factor) for p in ItemPack.select().where(ItemPack.item == chili.id)] == [("กิโลกรัม", 1000)]
    _type(window, qtbot, "pack_factor", "1.5")  # not a whole number of grams: refused, nothing added
    _type(window, qtbot, "pack_name", "ถุง")
    click(window, qtbot, "add_pack")
    assert ItemPack.select().where(ItemPack.item == chili.id).count() == 1
    _type(window, qtbot, "barcode_code", "๘๘๕๐๐๐๐๐๐๐๐๑๒")  # Thai digits from a keyboard
    _key(window, qtbot, Qt.Key.Key_Return)
    assert [(b.code, b.quantity) for b in Barcode.select().where(Barcode.item == chili.id)] == [("8850000000012", 1)]

    # change the Thai name: the code stays, the change is kept
    name = child(window, QTableWidget, "item_list")
    th: QLineEdit = child(window, QLineEdit, "item_name_th")
    th.setFocus()
    th.selectAll()
    _type(window, qtbot, "item_name_th", "พริกป่นคั่ว")
    click(window, qtbot, "save_item")
    assert Item.get(Item.sku == "ING-CHILI").name_th == "พริกป่นคั่ว"
    assert any("พริกป่นคั่ว" in name.item(r, 1).text() for r in range(name.rowCount()))

    # the pack is offered on the purchase line: 2.5 กิโลกรัม = 2,500 g
    stock_tab(window, qtbot, 1)
    choose(window, "buy_item", chili.id)
    choose(window, "buy_pack", "กิโลกรัม")
    _type(window, qtbot, "buy_quantity", "2.5")
    _type(window, qtbot, "buy_cost", "250")
    _key(window, qtbot, Qt.Key.Key_F5)
    _ctrl(window, qtbot, Qt.Key.Key_S)
    lot = Lot.select().where(Lot.item == chili.id).get()
    assert (lot.quantity_in, lot.cost_satang, lot.unit_cost_satang, lot.remainder_satang) == (2500, 25000, 10, 0)
    assert lot.expires_on == dt.date(2027, 2, 22)  # 24 Nov 2026 + 90 days (the shelf life typed above)


def test_a_purchase_from_a_new_supplier_entered_late_keeps_its_day(window: MainWindow, qtbot: Any) -> None:  # noqa: F811
    stock_tab(window, qtbot, 1)
    _type(window, qtbot, "new_supplier", "ร้านเกลือสมุทรสาคร")
    click(window, qtbot, "add_supplier")
    supplier = Supplier.get(Supplier.name == "ร้านเกลือสมุทรสาคร")
    assert child(window, QComboBox, "supplier").currentData() == supplier.id
    bought: QLineEdit = child(window, QLineEdit, "buy_day")
    assert bought.text() == "24/11/2569"  # today, Buddhist Era
    bought.setFocus()
    bought.selectAll()
    qtbot.keyClicks(bought, "20/11/2569")
    choose(window, "buy_item", Item.get(Item.sku == "ING-SALT").id)
    _type(window, qtbot, "buy_quantity", "5000")
    _type(window, qtbot, "buy_cost", "75")
    _type(window, qtbot, "buy_supplier_lot", "SK-01")
    _key(window, qtbot, Qt.Key.Key_F5)
    _ctrl(window, qtbot, Qt.Key.Key_S)
    purchase = Purchase.select().order_by(Purchase.id.desc()).first()
    assert (purchase.supplier_id, purchase.business_date, purchase.total_satang) == (
        supplier.id, dt.date(2026, 11, 20), 7500)
    lot = Lot.select().order_by(Lot.id.desc()).first()
    assert (lot.made_on, lot.supplier_id, lot.supplier_lot) == (dt.date(2026, 11, 20), supplier.id, "SK-01")
    assert lot.number.startswith("BHS-25691120-")  # the real day, in the Buddhist Era
    row = StockMovement.get(StockMovement.lot == lot.id)
    assert row.business_date == dt.date(2026, 11, 20)
    assert bought.text() == "24/11/2569"  # ready for the next purchase

    _ctrl(window, qtbot, Qt.Key.Key_S)  # nothing to save: said, nothing written
    assert Purchase.select().count() == Purchase.select().where(Purchase.id <= purchase.id).count()
    assert "เพิ่มรายการ" in message(window) or "Add a line" in message(window)


def test_a_recipe_change_is_a_new_version_and_a_recipe_of_itself_is_refused(window: MainWindow,  # noqa: F811
                                                                           qtbot: Any) -> None:
    child(window, QTabWidget, "production_tabs").setCurrentIndex(1)
    seasoned = Item.get(Item.sku == "KAPI-SEASONED")
    choose(window, "recipe_product", seasoned.id)
    lines: QTableWidget = child(window, QTableWidget, "recipe_lines")
    assert lines.rowCount() == 3 and child(window, QLabel, "recipe_version").text().endswith("1")
    choose(window, "recipe_ingredient", Item.get(Item.sku == "ING-SALT").id)
    _type(window, qtbot, "recipe_quantity", "30")
    _key(window, qtbot, Qt.Key.Key_Return)
    assert lines.rowCount() == 4
    _ctrl(window, qtbot, Qt.Key.Key_S)
    versions = list(Recipe.select().where(Recipe.product == seasoned.id).order_by(Recipe.version))
    assert [r.version for r in versions] == [1, 2]
    assert [(ln.item.sku, ln.quantity) for ln in versions[1].lines.order_by(  # type: ignore[attr-defined]
        versions[1].lines.model.line_no)] == [("KAPI-KG", 800), ("ING-SUGAR", 150), ("PKG-POUCH50", 20),
                                              ("ING-SALT", 30)]
    assert "2" in child(window, QLabel, "production_message").text()

    choose(window, "recipe_ingredient", seasoned.id)  # the powder into its own recipe
    _type(window, qtbot, "recipe_quantity", "1")
    _key(window, qtbot, Qt.Key.Key_Return)
    _ctrl(window, qtbot, Qt.Key.Key_S)
    assert Recipe.select().where(Recipe.product == seasoned.id).count() == 2  # refused: nothing saved
    said = child(window, QLabel, "production_message").text()
    assert "กะปิผงทรงเครื่อง" in said and "→" in said
    # the batch screen now offers version 2
    assert "ฉบับที่ 2" in child(window, QComboBox, "recipe").currentText()


def test_a_batch_with_a_by_product_splits_its_cost(window: MainWindow, qtbot: Any) -> None:  # noqa: F811
    planned: QSpinBox = child(window, QSpinBox, "planned")
    planned.setFocus()
    planned.selectAll()
    qtbot.keyClicks(planned, "20")
    _key(window, qtbot, Qt.Key.Key_F5)
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
    click(window, qtbot, "show_byproducts")  # the by-product line is shown on demand
    choose(window, "by_item", Item.get(Item.sku == "KAPI-KG").id)  # sifted coarse paste, sold by the kilo
    _type(window, qtbot, "by_quantity", "100")
    _type(window, qtbot, "by_value", "6.50")
    click(window, qtbot, "add_byproduct")
    assert "฿6.50" in child(window, QLabel, "byproducts").text()
    _ctrl(window, qtbot, Qt.Key.Key_S)
    batch = Batch.select().order_by(Batch.id.desc()).first()
    # as in test_stock_ui: 11150 + 4500 + 1000 = 16650; the by-product carries 650, the powder 16000 for 18:
    # 888 satang each, 16 satang remainder on the lot (888 × 18 + 16 = 16000)
    assert batch.total_satang == 16650
    outs = {(o.item.sku, o.main): (o.quantity, o.cost_satang, o.lot.unit_cost_satang, o.lot.remainder_satang)
            for o in BatchOutput.select().where(BatchOutput.batch == batch)}
    assert outs == {("KAPI-SEASONED", True): (18, 16000, 888, 16), ("KAPI-KG", False): (100, 650, 6, 50)}
    assert child(window, QLabel, "byproducts").text() == ""


def test_reports_are_made_in_the_background(window: MainWindow, qtbot: Any, tmp_path: Path) -> None:  # noqa: F811
    stock_tab(window, qtbot, 4)
    reports = tmp_path / "reports"
    click(window, qtbot, "valuation_pdf")
    qtbot.waitUntil(lambda: str(reports / "stock-valuation.pdf") in message(window), timeout=30_000)
    assert (reports / "stock-valuation.pdf").read_bytes()[:5] == b"%PDF-"
    salt = Item.get(Item.sku == "ING-SALT")
    choose(window, "report_lot_item", salt.id)
    click(window, qtbot, "register_xlsx")
    path = reports / "register-ING-SALT.xlsx"
    qtbot.waitUntil(lambda: str(path) in message(window), timeout=30_000)
    sheet = openpyxl.load_workbook(path).active
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert any("ทะเบียนคุมวัสดุ" in t for t in texts)
    paste = Lot.select().join(Item).where(Item.sku == "KAPI-SEASONED").order_by(Lot.id.desc()).first()
    _type(window, qtbot, "report_lot_number", f" {paste.number.lower()} ")  # typed in lower case
    _key(window, qtbot, Qt.Key.Key_Return)  # chooses the item and the lot in the lists
    assert child(window, QComboBox, "report_lot_choice").currentData() == paste.id
    click(window, qtbot, "lot_recall_pdf")
    recall = reports / f"recall-{paste.number}.pdf"
    qtbot.waitUntil(lambda: str(recall) in message(window), timeout=30_000)
    assert recall.read_bytes()[:5] == b"%PDF-"
    _type(window, qtbot, "report_lot_number", "NO-SUCH-LOT")
    _key(window, qtbot, Qt.Key.Key_Return)
    assert "NO-SUCH-LOT" in message(window)  # said at once, the lot chosen stays
    assert child(window, QComboBox, "report_lot_choice").currentData() == paste.id
    assert not (reports / "recall-NO-SUCH-LOT.pdf").exists()
    made = [(e.user, e.till, e.detail["what"], e.detail["files"]) for e in reversed(audit.entries(["export"]))]
    assert made == [("prapha", "T1", "valuation", ["stock-valuation.pdf"]),  # each file written is an export
                    ("prapha", "T1", "register", ["register-ING-SALT.xlsx"]),
                    ("prapha", "T1", "recall", [f"recall-{paste.number}.pdf"])]
