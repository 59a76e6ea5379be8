"""The till as a stall seller uses it: real key events (a scanner is a burst of keys ending in Enter), real
clicks, on both databases.  Each test names the fault of issue 15 it guards against."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableWidget, QWidget

from db.models import CartCancellation, Payment, Sale, User
from tests.ui_till_helpers import (
    answer_next_dialog,
    barcode_of,
    child,
    click,
    key_clicks,
    log_in,
    press,
    scan,
    till_page,
    type_slowly,
)
from ui.shell.window import MainWindow
from ui.till.weight import WeightDialog

pytestmark = pytest.mark.qt


def cart_rows(win: MainWindow) -> list[tuple[str, str, str]]:
    table: QTableWidget = child(win, QTableWidget, "cart")
    return [(table.item(r, 0).text(), table.item(r, 1).text(), table.item(r, 3).text().split("\n")[0])
            for r in range(table.rowCount())]


def weigh(text: str) -> None:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, WeightDialog), getattr(dialog, "text", lambda: "")()
        field = dialog.findChild(QLineEdit, "weight")
        field.setText(text)
        field.returnPressed.emit()

    answer_next_dialog(act)


def test_a_wrong_pin_stays_on_the_log_in_page(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "somsri", "0000")
    assert window.actor is None
    assert child(window, QLabel, "login_message").text() == "รหัส PIN ไม่ถูกต้อง กรุณาลองใหม่"


def test_fault_1_a_scan_into_the_cash_box_adds_the_item_and_never_pays(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    before = Sale.select().count()
    scan(page, qtbot, barcode_of("TEA-YMN"))
    qtbot.keyClick(page, Qt.Key.Key_F12)
    received: QLineEdit = child(window, QLineEdit, "received")
    assert received.hasFocus()
    scan(page, qtbot, "8850000000034", into=received)  # กะปิผงรสวาซาบิ ฿45
    assert Sale.select().count() == before
    assert received.text() == "" and cart_rows(window)[-1][2] == "฿45.00"
    assert child(window, QLabel, "due").text() == "ยอดที่ต้องชำระ ฿105.00"
    type_slowly(page, qtbot, received, "50")  # part paid in cash: ฿55.00 still to pay
    assert child(window, QLabel, "due").text() == "ยอดที่ต้องชำระ ฿55.00"
    scan(page, qtbot, barcode_of("DRINK-YMN"), into=received)  # ฿20 more, still nothing saved
    assert (Sale.select().count(), child(window, QLabel, "due").text()) == (before, "ยอดที่ต้องชำระ ฿75.00")
    click(qtbot, window, "exact")
    sale = Sale.select().order_by(Sale.id.desc()).get()
    assert sale.total_satang == 12500
    assert [(p.method, p.amount_satang, p.tendered_satang) for p in sale.payments.order_by(Payment.id)] == [
        ("cash", 5000, 5000), ("cash", 7500, 7500)]


def test_fault_2_scans_reach_the_cart_after_a_keypad_log_in_and_a_language_switch(
        window: MainWindow, qtbot: Any) -> None:
    keypad = window.login_page
    for key in "1111":
        qtbot.mouseClick(next(b for b in keypad.findChildren(QPushButton) if b.text() == key),
                         Qt.MouseButton.LeftButton)
    qtbot.mouseClick(next(b for b in keypad.findChildren(QPushButton) if b.text() == "OK"), Qt.MouseButton.LeftButton)
    page = till_page(window)
    scan(page, qtbot, barcode_of("LAUNDRY-1L"))
    assert cart_rows(window) == [("น้ำยาซักผ้า 1 ลิตร", "1 ชิ้น", "฿45.00")]
    qtbot.mouseClick(child(window, QPushButton, "language"), Qt.MouseButton.LeftButton)
    page = till_page(window)
    scan(page, qtbot, barcode_of("LAUNDRY-1L"))
    assert cart_rows(window) == [("Laundry liquid 1 L", "2 pcs", "฿90.00")]
    assert child(window, QLabel, "total").text() == "Total ฿90.00"


def test_fault_3_goods_by_weight_ask_the_weight_in_kg_or_g_with_thai_digits(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    weigh("0.35")
    scan(page, qtbot, barcode_of("KAPI-KG"))
    weigh("๐.๓๓๓")
    scan(page, qtbot, barcode_of("KAPI-KG"))
    scan(page, qtbot, "2000001003503")  # a scale label: 350 g, no question
    assert cart_rows(window) == [("กะปิ (ชั่งกิโล)", "350 ก.", "฿70.00"), ("กะปิ (ชั่งกิโล)", "333 ก.", "฿66.60"),
                                 ("กะปิ (ชั่งกิโล)", "350 ก.", "฿70.00")]
    scan(page, qtbot, barcode_of("DISH-500"))
    quantity: QLineEdit = child(window, QLineEdit, "quantity")
    quantity.selectAll()
    type_slowly(page, qtbot, quantity, "๓")
    assert cart_rows(window)[-1] == ("น้ำยาล้างจาน 500 มล.", "3 ชิ้น", "฿75.00")
    assert child(window, QLabel, "total").text() == "รวม ฿281.60"  # 70 + 66.60 + 70 + 75


def test_fault_5_typing_after_picking_a_name_goes_into_the_pin_and_thai_digits_work(
        window: MainWindow, qtbot: Any) -> None:
    people = window.login_page.people
    row = next(r for r in range(people.count()) if people.item(r).data(Qt.ItemDataRole.UserRole) == "somsri")
    rect = people.visualItemRect(people.item(row))
    qtbot.mouseClick(people.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    key_clicks(qtbot, QApplication_focus(), "๑๑๑๑")
    qtbot.keyClick(QApplication_focus(), Qt.Key.Key_Return)
    assert window.actor is not None and window.actor.login == "somsri"


def QApplication_focus() -> QWidget:
    from PySide6.QtWidgets import QApplication

    focus = QApplication.focusWidget()
    assert focus is not None
    return focus


def test_fault_6_a_scan_under_the_thai_layout_and_a_name_with_several_matches(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    scan(page, qtbot, "คคถจจจจจจจจ/ึ")  # 8850000000027 typed by a scanner while the Thai layout is on
    assert cart_rows(window) == [("กะปิ กระปุก 200 กรัม", "1 ชิ้น", "฿50.00")]
    answer_next_dialog(lambda d: QTest.keyClick(d, Qt.Key.Key_Return))  # the first of the matches
    type_slowly(page, qtbot, child(window, QLineEdit, "scan"), "น้ำยาล้างจาน")
    assert len(cart_rows(window)) == 2 and cart_rows(window)[1][0].startswith("น้ำยาล้างจาน")


def test_two_sales_in_a_row_with_banknote_buttons_then_exact(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    before = Sale.select().count()
    scan(page, qtbot, barcode_of("DISH-3800"))
    scan(page, qtbot, barcode_of("TEA-YMN"))
    qtbot.keyClick(page, Qt.Key.Key_F12)
    for note in ("note_100", "note_50", "note_20", "note_20"):
        click(qtbot, window, note)
    assert child(window, QLineEdit, "received").text() == "190.00"
    assert child(window, QLabel, "change_due").text() == "เงินทอน ฿10.00"
    qtbot.keyClick(child(window, QLineEdit, "received"), Qt.Key.Key_Return)
    first = Sale.select().order_by(Sale.id.desc()).get()
    assert (first.total_satang, first.payments.get().tendered_satang, first.payments.get().change_satang) == (
        18000, 19000, 1000)
    assert child(window, QLabel, "change").text() == "เงินทอน ฿10.00"
    assert cart_rows(window) == []
    scan(page, qtbot, barcode_of("SHAMPOO-250"))
    qtbot.keyClick(page, Qt.Key.Key_F12)
    click(qtbot, window, "exact")
    second = Sale.select().order_by(Sale.id.desc()).get()
    assert (Sale.select().count(), second.number, second.total_satang) == (before + 2, first.number + 1, 5000)
    assert second.uuid != first.uuid


def test_promptpay_is_confirmed_by_the_seller_and_a_split_with_cash(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    scan(page, qtbot, barcode_of("DISH-3800"))
    qtbot.keyClick(page, Qt.Key.Key_F12)
    type_slowly(page, qtbot, child(window, QLineEdit, "received"), "100")
    qtbot.keyClick(page, Qt.Key.Key_F5)
    assert child(window, QLabel, "promptpay_caption").text().startswith("พร้อมเพย์ ฿20.00")
    qtbot.keyClick(QApplication_focus(), Qt.Key.Key_Return)
    sale = Sale.select().order_by(Sale.id.desc()).get()
    somsri = User.get(User.login == "somsri").id
    assert [(p.method, p.amount_satang, p.confirmed_by_id) for p in sale.payments.order_by(Payment.id)] == [
        ("cash", 10000, None), ("promptpay", 2000, somsri)]


def test_a_discount_above_the_limit_needs_a_manager(window: MainWindow, qtbot: Any, monkeypatch: Any) -> None:
    from pos_app.people import users

    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    scan(page, qtbot, barcode_of("DISH-3800"))  # ฿120: a seller may give ฿12.00
    answer_next_dialog(lambda d: (d.setTextValue("20"), d.accept()))  # type: ignore[attr-defined]
    qtbot.keyClick(page, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert child(window, QLabel, "total").text() == "รวม ฿100.00"
    asked: list[str] = []
    monkeypatch.setattr(page, "ask_manager",
                        lambda action, reason: asked.append(reason) or users.login("wanna", "3333"))
    qtbot.keyClick(page, Qt.Key.Key_F12)
    click(qtbot, window, "exact")
    sale = Sale.select().order_by(Sale.id.desc()).get()
    assert (sale.total_satang, sale.discount_satang, sale.discount_approved_by.login) == (10000, 2000, "wanna")
    assert len(asked) == 1


def test_a_busy_database_keeps_the_cart_and_says_so(window: MainWindow, qtbot: Any, monkeypatch: Any) -> None:
    from pos_app.selling import sales
    from pos_app.trust.retry import TillBusy
    from resources.i18n import N_

    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    scan(page, qtbot, barcode_of("TEA-YMN"))

    def busy(*_a: object, **_k: object) -> None:
        raise TillBusy(N_("Another till is saving right now. Please try again."))

    monkeypatch.setattr(sales, "commit_sale", busy)
    qtbot.keyClick(page, Qt.Key.Key_F12)
    click(qtbot, window, "exact")
    assert "เครื่องขายอื่น" in child(window, QLabel, "payment_message").text()
    assert cart_rows(window) == [("ชาหญ้าหมอน้อย (20 ซอง)", "1 ชิ้น", "฿60.00")]


def test_hold_recall_and_a_recorded_cancellation(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    scan(page, qtbot, barcode_of("KAPI-200"))
    press(qtbot, page, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert cart_rows(window) == []
    scan(page, qtbot, barcode_of("DRINK-YMN"))
    answer_next_dialog(lambda d: (d.setTextValue("ลูกค้าเปลี่ยนใจ"), d.accept()))  # type: ignore[attr-defined]
    press(qtbot, page, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    row = CartCancellation.get()
    assert (row.total_satang, row.reason) == (2000, "ลูกค้าเปลี่ยนใจ")
    answer_next_dialog(lambda d: d.accept())  # type: ignore[attr-defined]
    press(qtbot, page, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert cart_rows(window) == [("กะปิ กระปุก 200 กรัม", "1 ชิ้น", "฿50.00")]


def test_unknown_barcode_changes_nothing(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    scan(page, qtbot, "1234567890128")
    assert cart_rows(window) == []
    assert "1234567890128" in child(window, QLabel, "message").text()
