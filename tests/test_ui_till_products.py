"""The till's product grid and pick list with real key and mouse events (pytest-qt, offscreen)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QWidget

from pos_app.money import Money
from pos_app.selling.catalog import ItemView
from pos_app.selling.search import CatalogIndex, Group
from ui.app import application
from ui.till.choice import NumberedChoice
from ui.till.products import ProductPicker, pick_list, pick_list_dialog

pytestmark = pytest.mark.qt


def item(item_id: int, sku: str, th: str, en: str, price: int, unit: str = "piece", by_weight: bool = False,
         per: int = 1) -> ItemView:
    return ItemView(item_id, sku, th, en, "finished", unit, by_weight, Money(price), per)


ITEMS = [
    item(1, "KAPI-KG", "กะปิ (ชั่งกิโล)", "Shrimp paste (by weight)", 20000, "g", True, 1000),
    item(2, "KAPI-200", "กะปิ กระปุก 200 กรัม", "Shrimp paste jar 200 g", 5000),
    item(3, "DISH-500", "น้ำยาล้างจาน 500 มล.", "Dish-washing liquid 500 ml", 2500),
    item(4, "TEA-YMN", "ชาหญ้าหมอน้อย (20 ซอง)", "Ya Mor Noi tea (20 bags)", 6000),
    item(5, "LAUNDRY-1L", "น้ำยาซักผ้า 1 ลิตร", "Laundry liquid 1 L", 4500),
]
GROUP_OF = {1: "KAPI", 2: "KAPI", 3: "BHS", 4: "HERB", 5: "BHS"}
GROUPS = [Group("KAPI", "กลุ่มกะปิ", "Shrimp paste group"), Group("BHS", "กลุ่มบางหัวเสือ", "Bang Hua Suea"),
          Group("HERB", "กลุ่มสมุนไพร", "Herbs group")]


@pytest.fixture
def index() -> CatalogIndex:
    return CatalogIndex.build(ITEMS, barcodes=[(3, "8850000000072", 1)], group_of=GROUP_OF, groups=GROUPS)


@pytest.fixture
def picker(index: CatalogIndex, qtbot: Any) -> ProductPicker:
    application()
    widget = ProductPicker(index)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_text(widget: QWidget, text: str) -> None:
    """Real key presses carrying Thai characters (QTest.keyClicks only maps Latin-1 to keys)."""
    for char in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char,
                           Qt.KeyboardModifier.NoModifier)


def shown(picker: ProductPicker) -> list[str]:
    return [v.sku for v in picker.shown()]


def test_tiles_in_dictionary_order_no_widget_per_item_and_big_enough(picker: ProductPicker) -> None:
    # กะปิ ( < กะปิ ก < ชา < น้ำยาซ < น้ำยาล
    assert shown(picker) == ["KAPI-KG", "KAPI-200", "TEA-YMN", "LAUNDRY-1L", "DISH-500"]
    assert len(picker.findChildren(QPushButton)) == 4  # "All" + three groups: no button per product
    assert picker.grid.visualRect(picker.model.index(0)).height() >= 44
    assert all(b.height() >= 44 for b in picker.findChildren(QPushButton))
    text = picker.model.index(0).data()
    assert "กะปิ (ชั่งกิโล)" in text and "฿200.00" in text and "กก." in text  # per kg, in Thai


def test_typing_filters_and_enter_picks_the_tile_under_the_cursor(picker: ProductPicker, qtbot: Any) -> None:
    box = QLineEdit(picker)
    box.textChanged.connect(picker.set_query)
    box.show()
    box.setFocus()
    type_text(box, "นำ้")  # น ำ ้ : the tone typed last
    assert shown(picker) == ["LAUNDRY-1L", "DISH-500"]
    picker.grid.setFocus()
    with qtbot.waitSignal(picker.picked) as got:
        qtbot.keyClick(picker.grid, Qt.Key.Key_Right)
        qtbot.keyClick(picker.grid, Qt.Key.Key_Return)
    assert got.args[0].sku == "DISH-500"
    box.clear()
    qtbot.keyClicks(box, "0072")  # part of a barcode
    assert shown(picker) == ["DISH-500"]
    box.clear()
    qtbot.keyClicks(box, "shrimp")
    assert shown(picker) == ["KAPI-KG", "KAPI-200"]
    with qtbot.waitSignal(picker.picked) as got:
        picker.grid.setFocus()
        qtbot.keyClick(picker.grid, Qt.Key.Key_Enter)
    assert got.args[0].sku == "KAPI-KG"


def test_a_click_picks_and_group_buttons_filter(picker: ProductPicker, qtbot: Any) -> None:
    rect = picker.grid.visualRect(picker.model.index(2))
    with qtbot.waitSignal(picker.picked) as got:
        qtbot.mouseClick(picker.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert got.args[0].sku == "TEA-YMN"
    qtbot.mouseClick(picker.group_buttons["BHS"], Qt.MouseButton.LeftButton)
    assert shown(picker) == ["LAUNDRY-1L", "DISH-500"]
    picker.set_query("ซัก")
    assert shown(picker) == ["LAUNDRY-1L"]
    qtbot.mouseClick(picker.group_buttons[None], Qt.MouseButton.LeftButton)
    assert shown(picker) == ["LAUNDRY-1L"]
    picker.set_query("")
    assert len(shown(picker)) == 5
    assert picker.model.index(0).data(Qt.ItemDataRole.BackgroundRole) != \
        picker.model.index(2).data(Qt.ItemDataRole.BackgroundRole)  # กะปิ and ชา groups differ


def test_on_hand_shown_and_a_big_catalogue_capped(index: CatalogIndex, qtbot: Any) -> None:
    application()
    picker = ProductPicker(index, limit=3)
    qtbot.addWidget(picker)
    picker.set_on_hand({1: 25000, 2: 60})
    assert "คงเหลือ 25,000 กรัม" in picker.model.index(0).data()
    assert "คงเหลือ 60" in picker.model.index(1).data()
    assert "คงเหลือ" not in picker.model.index(2).data()
    assert shown(picker) == ["KAPI-KG", "KAPI-200", "TEA-YMN"]
    assert not picker.more.isHidden()
    picker.set_query("น้ำ")
    assert picker.more.isHidden()


def test_pick_list_keys(qtbot: Any) -> None:
    application()
    views = ITEMS[:4]
    for keys, expected in (([Qt.Key.Key_2], "KAPI-200"), ([Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Return],
                                                           "DISH-500"), ([Qt.Key.Key_Enter], "KAPI-KG")):
        dialog = pick_list_dialog(views)
        qtbot.addWidget(dialog)
        dialog.show()
        for key in keys:
            qtbot.keyClick(dialog.list, key)
        assert dialog.chosen is not None and dialog.chosen.sku == expected
        assert dialog.result() == QDialog.DialogCode.Accepted
    dialog = pick_list_dialog(views)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.list, "๔")  # a Thai digit
    assert dialog.chosen is not None and dialog.chosen.sku == "TEA-YMN"
    dialog = pick_list_dialog(views)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.list, Qt.Key.Key_9)  # no ninth product: nothing happens
    assert dialog.chosen is None and dialog.isVisible()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Escape)
    assert dialog.chosen is None and dialog.result() == QDialog.DialogCode.Rejected


def test_pick_list_digits_under_the_thai_layout_and_keys_on_the_dialog_itself(qtbot: Any) -> None:
    """With the Thai Kedmanee layout on, the key 3 sends "-" and the key 2 sends "/" (TIS 820-2538): the row
    under that key is picked, as the printed number on the key says; a key sent to the dialog (not the list)
    works the same."""
    application()
    for target, char, expected in (("list", "-", "DISH-500"), ("list", "/", "KAPI-200"),
                                   ("dialog", "ภ", "TEA-YMN")):
        dialog = pick_list_dialog(ITEMS[:4])
        qtbot.addWidget(dialog)
        dialog.show()
        type_text(dialog.list if target == "list" else dialog, char)
        assert dialog.chosen is not None and dialog.chosen.sku == expected, (target, char)
        assert dialog.result() == QDialog.DialogCode.Accepted
    dialog = pick_list_dialog(ITEMS[:2])
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.list, "-")  # the key 3 with two rows: nothing happens
    assert dialog.chosen is None and dialog.isVisible()
    texts = [dialog.list.item(r).text() for r in range(dialog.list.count())]
    assert texts == ["1.  กะปิ (ชั่งกิโล)   ฿200.00 / กก.   (KAPI-KG)",
                     "2.  กะปิ กระปุก 200 กรัม   ฿50.00   (KAPI-200)"]


def test_a_tenth_match_has_no_number_and_is_reached_with_the_arrows(qtbot: Any) -> None:
    application()
    views = [item(n, f"SKU-{n}", f"สินค้า {n}", f"Item {n}", 1000) for n in range(1, 11)]
    dialog = pick_list_dialog(views)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.item(8).text().startswith("9.  ") and dialog.list.item(9).text().startswith("    สินค้า 10")
    qtbot.keyClick(dialog.list, Qt.Key.Key_End)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialog.chosen is not None and dialog.chosen.sku == "SKU-10"


def test_pick_list_tap_and_the_modal_helper(qtbot: Any) -> None:
    application()
    dialog = pick_list_dialog(ITEMS[:3])
    qtbot.addWidget(dialog)
    dialog.show()
    rect = dialog.list.visualItemRect(dialog.list.item(2))
    assert rect.height() >= 44
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.chosen is not None and dialog.chosen.sku == "DISH-500"

    def answer(key: Qt.Key) -> None:
        active = QApplication.activeModalWidget()
        assert isinstance(active, NumberedChoice)
        qtbot.keyClick(active.list, key)

    QTimer.singleShot(0, lambda: answer(Qt.Key.Key_3))
    chosen = pick_list(None, ITEMS[:3])
    assert chosen is not None and chosen.sku == "DISH-500"
    QTimer.singleShot(0, lambda: answer(Qt.Key.Key_Escape))
    assert pick_list(None, ITEMS[:3]) is None
