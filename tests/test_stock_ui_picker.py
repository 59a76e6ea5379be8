"""The stock and production screens' one item picker, typed into with real key events (Thai and English,
Thai digits, Up/Down), and a transfer recorded by the group that receives it, on both databases.

The demo's items (resources/demo/network.json), worked by hand: Thai "กะปิผง" is in two Thai names, listed
in Thai dictionary order (กะปิผงทรงเครื่อง before กะปิผงรสวาซาบิ: ท before ร); English "wasabi" is in two
English names, กะปิผงรสวาซาบิ before ผงวาซาบิ (ก before ผ); the barcode 8850000000041 is the seasoned powder's.
The Khlong Dan stall's opening krill lot is 40,000 g at 6 satang a gram: 2,000 g of it cost ฿120.00.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton, QTableWidget, QTabWidget

from db.connection import OpenedDatabase
from db.models import Item, Lot, Shop
from db.models.stock import StockBalance, Transfer, TransferLine
from tests.test_stock_ui import _ctrl, _key, _type, window  # noqa: F401  (the fixture)
from tests.test_ui_till import child, log_in
from ui.app import application
from ui.shell.window import MainWindow
from ui.stock.item_picker import ItemPicker
from ui.stock.widgets import TOUCH

pytestmark = pytest.mark.qt


def _skus(box: QComboBox) -> list[str]:
    ids = [box.itemData(n) for n in range(box.count())]
    skus = {i.id: i.sku for i in Item.select().where(Item.id.in_([i for i in ids if i is not None]))}
    return [skus.get(i, "") for i in ids]


def _retype(win: MainWindow, qtbot: Any, name: str, text: str) -> None:
    field: QLineEdit = child(win, QLineEdit, name)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    _type(win, qtbot, name, text)


def _tab(win: MainWindow, qtbot: Any, index: int) -> None:
    _key(win, qtbot, Qt.Key.Key_F3)
    child(win, QTabWidget, "stock_tabs").setCurrentIndex(index)


def test_typing_thai_or_english_narrows_the_item_list(window: MainWindow, qtbot: Any) -> None:  # noqa: F811
    _tab(window, qtbot, 1)  # the purchase
    box: QComboBox = child(window, QComboBox, "buy_item")
    assert box.count() == 21  # every demo item in use, nothing typed
    _type(window, qtbot, "buy_item_search", "กะปิผง")
    assert _skus(box) == ["KAPI-SEASONED", "KAPI-WASABI"]
    assert box.currentText() == "กะปิผงทรงเครื่อง 50 กรัม (KAPI-SEASONED, ชิ้น)"  # the first match is chosen
    _retype(window, qtbot, "buy_item_search", "WASABI")  # English, any case
    assert _skus(box) == ["KAPI-WASABI", "ING-WASABI"]
    qtbot.keyClick(child(window, QLineEdit, "buy_item_search"), Qt.Key.Key_Down)  # the hands stay on the keys
    assert _skus(box)[box.currentIndex()] == "ING-WASABI"
    assert child(window, QComboBox, "buy_pack").itemText(0) == "ก."  # the chosen item's own unit (was ชิ้น)
    _retype(window, qtbot, "buy_item_search", "๘๘๕๐๐๐๐๐๐๐๐๔๑")  # a barcode in Thai digits
    assert _skus(box) == ["KAPI-SEASONED"]
    _retype(window, qtbot, "buy_item_search", "เกลือ")
    assert _skus(box) == ["ING-SALT"]
    qtbot.keyClick(child(window, QLineEdit, "buy_item_search"), Qt.Key.Key_Return)  # chosen: on to the quantity
    assert window.focusWidget() is child(window, QLineEdit, "buy_quantity")
    # Touch: the list's rows are touch targets
    assert box.view().sizeHintForRow(0) >= TOUCH and box.height() >= TOUCH
    assert child(window, QLineEdit, "buy_item_search").height() >= TOUCH

    _retype(window, qtbot, "buy_item_search", "ไม่มีสินค้านี้")
    assert box.count() == 1 and box.currentData() is None and "ไม่พบ" in box.currentText()
    _type(window, qtbot, "buy_quantity", "1")
    _type(window, qtbot, "buy_cost", "10")
    _key(window, qtbot, Qt.Key.Key_F5)
    assert child(window, QLabel, "stock_message").text() == "เลือกสินค้าก่อน"  # nothing added
    assert child(window, QTableWidget, "purchase_lines").rowCount() == 0


def test_every_item_list_of_the_stock_and_production_screens_is_the_one_picker(window: MainWindow,  # noqa: F811
                                                                                qtbot: Any) -> None:
    _key(window, qtbot, Qt.Key.Key_F3)
    _key(window, qtbot, Qt.Key.Key_F4)
    for name in ("buy_item", "give_item", "report_lot_item", "recipe_product", "recipe_ingredient", "by_item",
                 "recipe"):
        box = child(window, QComboBox, name)
        assert isinstance(box.parent(), ItemPicker), name
        assert child(window, QLineEdit, f"{name}_search") is box.parent().search
    # the batch screen's recipes: only products that have one, found by typing
    _type(window, qtbot, "recipe_search", "seasoned")
    recipe: QComboBox = child(window, QComboBox, "recipe")
    assert recipe.count() == 1 and recipe.currentText().startswith("กะปิผงทรงเครื่อง 50 กรัม — สูตรฉบับที่ 1")
    _type(window, qtbot, "recipe_search", "x")  # "seasonedx": nothing
    assert recipe.currentData() is None
    _key(window, qtbot, Qt.Key.Key_F5)
    assert child(window, QLabel, "production_message").text() == "ยังไม่มีสูตร"


def test_a_count_sheet_of_the_items_typed(window: MainWindow, qtbot: Any) -> None:  # noqa: F811
    _tab(window, qtbot, 2)
    _type(window, qtbot, "count_find", "sugar")
    _key(window, qtbot, Qt.Key.Key_F11)
    sheet: QTableWidget = child(window, QTableWidget, "count_sheet")
    assert [sheet.item(n, 0).text() for n in range(sheet.rowCount())] == ["น้ำตาลทราย"]
    _retype(window, qtbot, "count_find", "น้ำ")  # Thai: five of the market's items
    _key(window, qtbot, Qt.Key.Key_F11)
    assert sorted({sheet.item(n, 0).text() for n in range(sheet.rowCount())}) == sorted(
        ["น้ำยาล้างจาน 500 มล.", "น้ำสมุนไพรหญ้าหมอน้อย 350 มล.", "น้ำหอมมะนาว", "น้ำตาลทราย", "น้ำยาซักผ้า 1 ลิตร"])


def test_the_receiving_group_records_a_transfer_from_its_own_stock_screen(window: MainWindow,  # noqa: F811
                                                                         qtbot: Any) -> None:
    """Prapha at the Bang Hua Suea market's till (T1) records krill received from the Khlong Dan stall, from
    the stall's opening lot (chosen with the keys instead of the first-expiry-first-out default)."""
    stall, market = Shop.get(Shop.code == "KAPI-STALL"), Shop.get(Shop.code == "BHS-MARKET")
    krill = Item.get(Item.sku == "ING-KRILL")
    opening = Lot.select().where((Lot.item == krill.id) & Lot.expires_on.is_null()).get()
    _tab(window, qtbot, 2)
    direction: QComboBox = child(window, QComboBox, "transfer_direction")
    direction.setFocus()
    qtbot.keyClick(direction, Qt.Key.Key_Down)
    assert direction.currentData() == "receive"
    assert child(window, QComboBox, "give_to").currentData() == stall.id
    _type(window, qtbot, "give_item_search", "krill")
    assert _skus(child(window, QComboBox, "give_item")) == ["ING-KRILL"]
    lots: QComboBox = child(window, QComboBox, "give_lot")
    assert lots.currentData() is None and lots.currentText() == "ล็อตที่หมดอายุก่อน ออกก่อน"
    assert opening.number in lots.itemText(lots.count() - 1)  # no expiry: last in FEFO order, the stall's lot
    lots.setFocus()
    for _ in range(lots.count()):
        if lots.currentData() == opening.id:
            break
        qtbot.keyClick(lots, Qt.Key.Key_Down)
    assert lots.currentData() == opening.id
    _type(window, qtbot, "give_quantity", "2000")
    _type(window, qtbot, "give_price", "90")
    before = Transfer.select().count()
    _ctrl(window, qtbot, Qt.Key.Key_T)
    assert Transfer.select().count() == before + 1
    t = Transfer.select().order_by(Transfer.id.desc()).first()
    assert (t.from_group.code, t.to_group.code, t.from_shop_id, t.to_shop_id) == ("KAPI", "BHS", stall.id, market.id)
    assert (t.amount_satang, t.cost_satang, t.user.login) == (9000, 12000, "prapha")
    (line,) = TransferLine.select().where(TransferLine.transfer == t.id)
    assert (line.from_lot_id, line.quantity, line.price_satang) == (opening.id, 2000, 9000)
    assert StockBalance.get((StockBalance.lot == opening.id) & (StockBalance.shop == stall.id)).quantity == 38000
    assert StockBalance.get((StockBalance.lot == line.to_lot_id) & (StockBalance.shop == market.id)).quantity == 2000
    said = child(window, QLabel, "stock_message").text()
    assert said.startswith("รับมาในราคา ฿90.00") and Lot.get_by_id(line.to_lot_id).number in said


def test_a_large_catalogue_is_indexed_off_the_gui_thread(demo_db: OpenedDatabase, qtbot: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Above ``INDEXED_AT_ONCE`` items (here: any) the index is built on a worker thread; the lists say they
    are loading, then offer every item, and typing narrows them as before."""
    import ui.stock.item_index as kept

    threads: list[str] = []
    real = kept.item_index

    def build(kinds: tuple[str, ...]) -> Any:
        threads.append(threading.current_thread().name)
        return real(kinds)

    monkeypatch.setattr(kept, "INDEXED_AT_ONCE", 0)
    monkeypatch.setattr(kept, "item_index", build)
    application()
    win = MainWindow("T1")
    qtbot.addWidget(win)
    win.show()
    log_in(win, qtbot, "prapha", "2222")  # home: the production screen, its pickers ask for the index
    _tab(win, qtbot, 1)
    box: QComboBox = child(win, QComboBox, "buy_item")
    qtbot.waitUntil(lambda: box.count() == 21, timeout=30_000)
    assert threads and threading.main_thread().name not in threads  # built once, on a worker thread
    _type(win, qtbot, "buy_item_search", "เกลือ")
    assert _skus(box) == ["ING-SALT"]


def test_the_items_tab_finds_items_by_thai_or_english_and_those_no_longer_in_use(window: MainWindow,  # noqa: F811
                                                                                 qtbot: Any) -> None:
    _tab(window, qtbot, 3)
    found: QTableWidget = child(window, QTableWidget, "item_list")

    def codes() -> list[str]:
        return [found.item(n, 0).text() for n in range(found.rowCount())]

    assert found.rowCount() == 21
    _type(window, qtbot, "item_find", "กะปิผง")
    assert codes() == ["KAPI-SEASONED", "KAPI-WASABI"]  # ท before ร
    _retype(window, qtbot, "item_find", "Shrimp")
    assert sorted(codes()) == ["KAPI-200", "KAPI-KG", "KAPI-SEASONED", "KAPI-WASABI"]
    _retype(window, qtbot, "item_find", "ชาหญ้า")
    assert codes() == ["TEA-YMN"]
    found.selectRow(0)
    qtbot.mouseClick(child(window, QCheckBox, "item_active"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(child(window, QPushButton, "save_item"), Qt.MouseButton.LeftButton)
    assert not Item.get(Item.sku == "TEA-YMN").active
    _retype(window, qtbot, "item_find", "ya mor noi tea")  # no longer in use: still found here, said so
    assert codes() == ["TEA-YMN"] and found.item(0, 1).text().endswith("(เลิกใช้)")
    _tab(window, qtbot, 1)
    _type(window, qtbot, "buy_item_search", "ya mor noi tea")  # but no longer offered for a purchase
    assert child(window, QComboBox, "buy_item").currentData() is None


def test_on_a_1024_by_600_screen_the_transfer_fits_and_the_recipe_name_shows_whole(window: MainWindow,  # noqa: F811
                                                                                  qtbot: Any) -> None:
    window.resize(1024, 600)
    _key(window, qtbot, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: window.width() == 1024 and window.height() == 600)
    recipe: QComboBox = child(window, QComboBox, "recipe")
    shown = recipe.fontMetrics().horizontalAdvance(recipe.currentText())
    assert recipe.currentText().startswith("กะปิผงทรงเครื่อง") and recipe.width() > shown  # not cut short
    _tab(window, qtbot, 2)
    for kind, name in ((QComboBox, "transfer_direction"), (QComboBox, "give_to"), (QLineEdit, "give_item_search"),
                       (QComboBox, "give_item"), (QComboBox, "give_lot"), (QLineEdit, "give_quantity"),
                       (QLineEdit, "give_price"), (QPushButton, "save_transfer")):
        widget = child(window, kind, name)
        at = widget.mapTo(window, QPoint(0, 0))
        assert widget.isVisible() and at.x() + widget.width() <= 1024 and at.y() + widget.height() <= 600, name
        assert widget.height() >= TOUCH, name


def test_the_givers_expired_lot_is_said_to_be_expired(window: MainWindow, qtbot: Any) -> None:  # noqa: F811
    """The demo's krill bought at the stall on 19 Nov 2026 kept 3 days (expired 22 Nov): on 24 Nov the lot list
    says so (first-expiry-first-out skips it); the opening lot has no expiry and comes last."""
    krill = Item.get(Item.sku == "ING-KRILL")
    bought = Lot.select().where((Lot.item == krill.id) & Lot.expires_on.is_null(False)).get()
    opening = Lot.select().where((Lot.item == krill.id) & Lot.expires_on.is_null()).get()
    _tab(window, qtbot, 2)
    direction: QComboBox = child(window, QComboBox, "transfer_direction")
    direction.setFocus()
    qtbot.keyClick(direction, Qt.Key.Key_Down)
    _type(window, qtbot, "give_item_search", "krill")
    lots: QComboBox = child(window, QComboBox, "give_lot")
    assert [lots.itemText(n) for n in range(lots.count())] == [
        "ล็อตที่หมดอายุก่อน ออกก่อน", f"{bought.number} · หมดอายุแล้ว 22/11/2569 · 20,000 ก.",
        f"{opening.number} · ไม่มีวันหมดอายุ · 40,000 ก."]
