"""Faults found when the till was walked as a new seller (issue 15, session 4), each with real key and mouse
events (pytest-qt, offscreen) on both databases."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton, QWidget

from db.models import Payment, Sale
from tests.ui_till_helpers import answer_next_dialog, barcode_of, child, log_in, scan, till_page, type_slowly
from ui.shell.window import MainWindow

pytestmark = pytest.mark.qt


def visible_buttons(root: QWidget) -> list[QPushButton]:
    return [b for b in root.findChildren(QPushButton) if b.isVisible()]


def test_the_check_the_cash_question_is_thai_with_big_buttons(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    scan(page, qtbot, barcode_of("DISH-3800"))  # ฿120
    qtbot.keyClick(page, Qt.Key.Key_F12)
    received: QLineEdit = child(window, QLineEdit, "received")
    seen: dict[str, Any] = {}

    def answer(button: str) -> None:
        def act(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            seen["title"], seen["text"] = box.windowTitle(), box.text()
            seen["buttons"] = sorted((b.text(), b.height() >= 44) for b in box.buttons())
            qtbot.mouseClick(child(box, QPushButton, button), Qt.MouseButton.LeftButton)
        answer_next_dialog(act)

    before = Sale.select().count()
    answer("answer_no")  # ฿5,000 for ฿120: more than the total + ฿1,000, so it asks
    type_slowly(page, qtbot, received, "5000")
    assert seen == {"title": "ตรวจสอบจำนวนเงินสด",
                    "text": "รับเงินสด ฿5,000.00 ต้องทอน ฿4,880.00 ถูกต้องหรือไม่?",
                    "buttons": [("ใช่ รับเงินสดถูกต้อง", True), ("ไม่ใช่ ใส่จำนวนใหม่", True)]}
    assert Sale.select().count() == before  # "no": nothing saved, the cash box again
    answer("answer_yes")
    type_slowly(page, qtbot, received, "5000")
    sale = Sale.select().order_by(Sale.id.desc()).get()
    assert Sale.select().count() == before + 1
    assert [(p.method, p.amount_satang, p.tendered_satang) for p in sale.payments.order_by(Payment.id)] == [
        ("cash", 12000, 500000)]


def test_the_promptpay_screen_has_one_way_back(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    scan(page, qtbot, barcode_of("DISH-3800"))
    qtbot.keyClick(page, Qt.Key.Key_F12)
    payment = child(window, QWidget, "payment")
    assert [b.objectName() for b in visible_buttons(payment) if "Esc" in b.text()] == ["back"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F5)
    assert [b.objectName() for b in visible_buttons(payment) if "Esc" in b.text()] == ["promptpay_cancel"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # back to the cash side, not to the cart
    assert child(window, QLineEdit, "received").isVisible()
    assert [b.objectName() for b in visible_buttons(payment) if "Esc" in b.text()] == ["back"]


def weigh(text: str) -> None:
    def act(dialog: QWidget) -> None:
        field = dialog.findChild(QLineEdit, "weight")
        field.setText(text)
        field.returnPressed.emit()

    answer_next_dialog(act)


def test_the_cart_shows_a_price_per_kg_whole_and_a_long_name_on_one_line(window: MainWindow, qtbot: Any) -> None:
    from PySide6.QtGui import QFont, QFontMetrics
    from PySide6.QtWidgets import QTableWidget

    from ui.till.cart_view import name_lines

    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    weigh("0.35")
    scan(page, qtbot, barcode_of("KAPI-KG"))  # ฿200.00 a kg: 350 g
    scan(page, qtbot, barcode_of("DISH-3800"))
    table: QTableWidget = child(window, QTableWidget, "cart")
    qtbot.waitUntil(lambda: table.rowCount() == 2)
    assert [table.item(0, c).text() for c in (1, 2, 3)] == ["350 ก.", "฿200.00 / กก.", "฿70.00"]
    metrics = table.fontMetrics()
    for row in range(2):  # every figure fits its column (it was cut to "/ 1,000 ก." on two lines)
        for column in (1, 2, 3):
            assert table.columnWidth(column) >= metrics.horizontalAdvance(table.item(row, column).text())
    assert not table.wordWrap()

    name = "น้ำพริกกะปิคลองด่านสูตรโบราณของกลุ่มแม่บ้าน ขวดแก้ว 200 กรัม"
    font = QFont("Sarabun", 12)
    lines = name_lines(name, "คงเหลือ 12 ชิ้น", 220, QFontMetrics(font), QFontMetrics(font))
    assert len(lines) == 2 and lines[1] == "คงเหลือ 12 ชิ้น"
    shown = lines[0]
    assert QFontMetrics(font).horizontalAdvance(shown) <= 220
    head, tail = shown.split("…")  # its start and its size at the end kept, the middle left out
    assert name.startswith(head) and name.endswith(tail) and "200 กรัม" in tail and len(head) >= 5
    assert name_lines("กะปิ", "", 220, QFontMetrics(font), QFontMetrics(font)) == ["กะปิ"]


@pytest.mark.parametrize("size", [(1024, 600), (1366, 768), (1280, 1024), (1920, 1080)])
def test_the_product_grid_shares_its_whole_width(window: MainWindow, qtbot: Any, size: tuple[int, int]) -> None:
    """At 1024 px the grid showed two 176 px tiles and left a third of a column empty; at 1366 px three."""
    from ui.till.products import TILE

    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    grid = page.picker.grid
    type_slowly(page, qtbot, page.scan, "กะปิ", enter=False)  # a few tiles: no scroll bar (Qt keeps room for one)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    qtbot.wait(300)  # the view lays the tiles out (in batches)
    space = grid.viewport().width()
    tiles = [grid.visualRect(grid.model().index(n, 0)) for n in range(grid.model().rowCount())]
    first_row = [r for r in tiles if r.top() == tiles[0].top()]
    columns = len(first_row)
    fit = max(1, (space - 20) // TILE.width())  # as many tiles as fit across (less a scroll bar's room)
    assert columns == min(fit, len(tiles))
    assert all(r.width() >= TILE.width() - 8 for r in first_row)  # none narrower than before
    if len(tiles) > columns:  # a full row: no column's worth of empty width beside it
        assert space - first_row[-1].right() < TILE.width() // 2


def test_held_sales_are_told_apart_by_time_seller_total_and_items(window: MainWindow, qtbot: Any) -> None:
    """Recall listed "Held sale · 2 lines" for every held sale: two held carts could not be told apart."""
    from PySide6.QtWidgets import QListWidget

    from tests.ui_till_helpers import press

    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    scan(page, qtbot, barcode_of("KAPI-200"))  # ฿50
    press(qtbot, page, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    for sku in ("DISH-3800", "TEA-YMN", "DRINK-YMN"):  # ฿120 + ฿60 + ฿20
        scan(page, qtbot, barcode_of(sku))
    press(qtbot, page, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert page.cart.is_empty
    seen: list[str] = []

    def pick_second(dialog: QWidget) -> None:
        items: QListWidget = child(dialog, QListWidget, "held_list_items")
        seen.extend(items.item(r).text() for r in range(items.count()))
        assert all(items.visualItemRect(items.item(r)).height() >= 44 for r in range(items.count()))
        qtbot.keyClick(items, "2")

    answer_next_dialog(pick_second)
    press(qtbot, page, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    import re

    times = [re.match(r"\d\.  (1\d:\d\d)  ", text) for text in seen]  # held at 10:0x Bangkok (the test clock)
    assert all(times) and [t.group(1)[:3] for t in times if t] == ["10:", "10:"]
    assert [text[14:] for text in seen] == [
        "สมศรี  ·  ฿50.00  ·  กะปิ กระปุก 200 กรัม",
        "สมศรี  ·  ฿200.00  ·  น้ำยาล้างจาน แกลลอน 3.8 ลิตร, ชาหญ้าหมอน้อย (20 ซอง) และอีก 1 รายการ",
    ]
    assert [line.item.sku for line in page.cart.lines] == ["DISH-3800", "TEA-YMN", "DRINK-YMN"]


# What each key of a lot label sends with the Thai Kedmanee layout on (the layout chart, TIS 820-2538):
# capitals come with Shift, digits and the dash unshifted.
KEDMANEE_CHART = {
    **dict(zip("1234567890-", "ๅ/-ภถุึคตจข", strict=True)),
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "ฤฺฉฏฎโฌ็ณ๋ษศ?์ฯญ๐ฑฆธ๊ฮ\")ํ(", strict=True)),
}


def test_a_lot_label_scanned_under_the_thai_layout_is_read(window: MainWindow, qtbot: Any) -> None:
    """Walk fault: digits under the Thai layout were read, the letters and dashes of a lot number were not."""
    import datetime as dt

    from db.models import StockMovement
    from tests.stock_support import buy, new_item

    jar = new_item("KAPI", "finished", "piece", price_satang=5000)
    lot = buy("BHS-MARKET", jar, 5, 500, expires=dt.date(2026, 12, 1))
    number = str(lot.number)  # type: ignore[attr-defined]
    assert "-" in number and any(ch.isalpha() for ch in number)
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    scan(page, qtbot, "".join(KEDMANEE_CHART[ch] for ch in number.upper()))
    assert [(line.item.id, line.lot, line.quantity) for line in page.cart.lines] == [(jar.id, number, 1)]
    scan(page, qtbot, "ษฤญณข/ถุตๅๅ/ภขจจ๙")  # no such lot (the last key is no key of a code): nothing added
    assert len(page.cart.lines) == 1
    qtbot.keyClick(page, Qt.Key.Key_F12)
    qtbot.mouseClick(child(window, QPushButton, "exact"), Qt.MouseButton.LeftButton)
    sale = Sale.select().order_by(Sale.id.desc()).get()
    assert [(m.lot_id, m.quantity) for m in StockMovement.select().where(StockMovement.document_uuid == sale.uuid)] \
        == [(lot.lot_id, -1)]  # type: ignore[attr-defined]


def test_the_keys_of_a_code_under_the_thai_layout() -> None:
    from pos_app.thai.keyboard import as_us_keys

    assert as_us_keys("ษฤญณข/ถุตๅๅ/ภขจจๅ") == "KAPI-25691124-001"
    assert as_us_keys("ฟหก") == "asd"  # unshifted letters: the label in small letters (lot numbers ignore case)
    assert as_us_keys("KAPI-001") is None  # typed under the US layout: nothing to read back
    assert as_us_keys("กะปิ") == "dtxb"  # a Thai word reads as keys too: only a real lot number counts (no dash
    # here, so the till does not even look it up)
    assert as_us_keys("ษฤญณ·") is None  # a character no key of a code sends


def test_the_names_on_the_log_in_page_are_a_finger_high_and_a_tap_picks_one(window: MainWindow,
                                                                             qtbot: Any) -> None:
    """Walk fault: the names were 21 px rows, under the 44 px a finger needs."""
    from PySide6.QtWidgets import QListWidget

    people: QListWidget = child(window, QListWidget, "people")
    rects = [people.visualItemRect(people.item(r)) for r in range(people.count())]
    assert len(rects) == 4 and all(r.height() >= 44 for r in rects)
    qtbot.mouseClick(people.viewport(), Qt.MouseButton.LeftButton, pos=rects[2].center())  # วรรณา, treasurer
    qtbot.keyClicks(child(window, QLineEdit, "pin"), "3333")
    qtbot.keyClick(child(window, QLineEdit, "pin"), Qt.Key.Key_Return)
    assert window.actor is not None and window.actor.login == "wanna"


def test_after_the_pick_list_the_tills_keys_work_without_a_click(window: MainWindow, qtbot: Any) -> None:
    """Walk fault (a till with no window manager, as a kiosk): after Esc on the pick list F12 did nothing."""
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    scan(page, qtbot, barcode_of("TEA-YMN"))

    def esc(dialog: QWidget) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer_next_dialog(esc)
    type_slowly(page, qtbot, page.scan, "กะปิ")  # four shrimp pastes: which one? Esc: none
    assert [line.item.sku for line in page.cart.lines] == ["TEA-YMN"]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and page.scan.hasFocus(), timeout=2000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F12)  # the real focus, no help from the test
    assert page.right.currentWidget() is page.payment


def test_a_long_message_has_the_whole_width_and_leaves_the_cart_its_height(window: MainWindow, qtbot: Any) -> None:
    """Walk fault at 1024×600: a receipt-saved message with a stock warning wrapped to four lines beside the
    change and the print light, and the cart above shrank to two lines."""
    from PySide6.QtWidgets import QLabel, QTableWidget

    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    table: QTableWidget = child(window, QTableWidget, "cart")
    QApplication.processEvents()
    before = table.height()
    page.say("บันทึกใบเสร็จเลขที่ 87 แล้ว ขายเกินกว่าที่บัญชีมี: ชาหญ้าหมอน้อย (20 ซอง) (2) "
             "กรุณาแจ้งหัวหน้าฝ่ายผลิตให้ตรวจนับ", error=True)
    page.change.setText("เงินทอน ฿15.00")
    QApplication.processEvents()
    message: QLabel = child(window, QLabel, "message")
    assert message.width() >= page.width() * 0.9
    assert message.height() <= 2 * message.fontMetrics().lineSpacing() + 8  # at most two lines
    assert table.height() >= before - 2 * message.fontMetrics().lineSpacing()


def test_a_scans_keys_do_not_each_refilter_the_grid(window: MainWindow, qtbot: Any) -> None:
    """scan_to_line: each key of a 13-digit burst searched and laid the product grid out again."""
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    type_slowly(page, qtbot, page.scan, "กะปิ", enter=False)  # the seller is looking at the shrimp pastes
    shown = [v.sku for v in page.picker.shown()]
    resets: list[int] = []
    page.picker.model.modelReset.connect(lambda: resets.append(1))
    scan(page, qtbot, barcode_of("TEA-YMN"))
    assert [line.item.sku for line in page.cart.lines] == ["TEA-YMN"]
    assert page.scan.text() == "กะปิ" and [v.sku for v in page.picker.shown()] == shown
    assert len(resets) <= 2  # the first key (a person's, for all the catcher knows) and the scan's end
    qtbot.wait(100)  # and nothing filters it late
    assert [v.sku for v in page.picker.shown()] == shown
