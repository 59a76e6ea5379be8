"""The refund/void dialog and the manager's PIN dialog, with real key events, on both databases.

The demo sale used throughout: 3 × DISH-500 at ฿25.00 + 1 × TEA-YMN at ฿60.00 = ฿135.00, ฿13.50 off the
whole sale → paid ฿121.50.  The discount is shared by net: the soap's ฿75.00 takes ฿7.50, the tea ฿6.00, so
the soap line paid ฿67.50 (฿22.50 a bottle) and the tea ฿54.00.  Refunding one soap gives back ฿22.50.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from db.connection import OpenedDatabase
from db.models import Payment, Sale, SaleLine, StockMovement, User
from db.models.trust import AuditEntry
from pos_app.money import Money
from pos_app.people.permissions import Action
from pos_app.selling import catalog, refunds, sales
from pos_app.selling.cart import Cart
from pos_app.selling.sales import SaleResult
from pos_app.selling.tills import till_info
from tests.ui_till_helpers import actor, shell_context
from ui.till.approval import ManagerDialog
from ui.till.refund import RefundDialog

pytestmark = pytest.mark.qt


def demo_sale() -> SaleResult:
    views = {v.sku: v for v in catalog.sellable()}
    cart = Cart()
    cart.add(views["DISH-500"], 3)
    cart.add(views["TEA-YMN"], 1)
    cart.set_discount(Money(1350))
    return sales.commit_sale(actor("somsri"), till_info("T1").id, cart, Money(20000))


def state() -> tuple[int, int, int, int]:
    return (Sale.select().count(), SaleLine.select().count(), Payment.select().count(),
            StockMovement.select().count())


def open_refund(qtbot: Any, who: str, sale: SaleResult, void: bool = False) -> RefundDialog:
    dialog = RefundDialog(shell_context(who), sale.uuid, void=void)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()  # window shortcuts (F5, F7, F12) reach an active window
    return dialog


def type_quantity(qtbot: Any, dialog: RefundDialog, line_no: int, text: str) -> None:
    spin = dialog.spins[line_no]
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, text)


def type_thai(widget: Any, text: str) -> None:
    """Real key events carrying Thai characters (QTest.keyClicks cannot map them to keys)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def press(qtbot: Any, key: Qt.Key) -> None:
    """A function key as the person presses it: to the widget with the cursor.  A button's shortcut clicks it
    after a short animation (QAbstractButton.animateClick), so let that run."""
    qtbot.keyClick(QApplication.focusWidget(), key)
    qtbot.wait(250)


def manager(dialog: RefundDialog, qtbot: Any) -> ManagerDialog:
    qtbot.waitUntil(lambda: dialog.manager is not None and dialog.manager.isVisible())
    assert dialog.manager is not None
    return dialog.manager


def press_keypad(qtbot: Any, dialog: ManagerDialog, digits: str) -> None:
    for d in digits:
        button = dialog.findChild(QPushButton, f"manager_key_{d}")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_seller_refunds_one_soap_with_the_treasurers_pin_on_the_keypad(demo_db: OpenedDatabase, qtbot: Any) -> None:
    sale = demo_sale()
    assert sale.total == Money(12150)
    dialog = open_refund(qtbot, "somsri", sale)
    money_left = [dialog.table.item(r, 3).text() for r in range(2)]
    assert money_left == ["฿67.50", "฿54.00"]  # what each line paid, from the core's shares
    type_quantity(qtbot, dialog, 1, "1")
    assert dialog.spins[1].value() == 1
    type_thai(dialog.reason, "ขวดรั่ว")
    before = state()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    approval = manager(dialog, qtbot)
    assert state() == before  # nothing until the manager's PIN
    names = [approval.people.item(r).data(Qt.ItemDataRole.UserRole) for r in range(approval.people.count())]
    assert names == ["wanna", "admin"]  # only people who may refund
    press_keypad(qtbot, approval, "3333")
    qtbot.mouseClick(approval.findChild(QPushButton, "manager_key_ok"), Qt.MouseButton.LeftButton)
    assert dialog.outcome is not None
    refund = Sale.get(Sale.uuid == dialog.outcome.uuid)
    assert (refund.kind, refund.total_satang, refund.note) == ("refund", -2250, "ขวดรั่ว")
    assert User.get_by_id(refund.discount_approved_by_id).login == "wanna"
    assert [(p.method, p.amount_satang) for p in Payment.select().where(Payment.sale == refund)] == [("cash", -2250)]
    assert dialog.findChild(QLabel, "refund_result").text() == \
        f"บันทึกเป็นใบเสร็จเลขที่ {refund.number} แล้ว คืนเงิน ฿22.50 เป็นเงินสด"
    assert AuditEntry.select().where(AuditEntry.kind == "override").count() == 1
    left = {n: (q, m) for n, (_l, q, m) in refunds.refundable(Sale.get(Sale.uuid == sale.uuid)).items()}
    assert left == {1: (2, 4500), 2: (1, 5400)}
    # the dialog now says what is left: 2 soaps worth ฿45.00 (฿67.50 − ฿22.50), the tea untouched
    assert [dialog.table.item(r, 3).text() for r in range(2)] == ["฿45.00", "฿54.00"]
    assert re.sub(r"\s+", " ", dialog.table.item(0, 2).text()).startswith("2 ")


def test_a_wrong_manager_pin_changes_nothing_and_says_so_in_thai(demo_db: OpenedDatabase, qtbot: Any) -> None:
    sale = demo_sale()
    dialog = open_refund(qtbot, "somsri", sale)
    qtbot.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
    assert [s.value() for s in dialog.spins.values()] == [3, 1]
    type_thai(dialog.reason, "เปลี่ยนใจ")
    press(qtbot, Qt.Key.Key_F12)
    approval = manager(dialog, qtbot)
    before = state()
    qtbot.keyClicks(approval.pin, "1111")  # the seller's own PIN is not a manager's
    qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    assert approval.isVisible()
    assert approval.findChild(QLabel, "manager_message").text() == "รหัส PIN ไม่ถูกต้อง กรุณาลองใหม่"
    qtbot.keyClick(approval.pin, Qt.Key.Key_Escape)
    assert not approval.isVisible()
    assert dialog.outcome is None and state() == before


def test_a_pin_in_thai_digits_is_accepted(demo_db: OpenedDatabase, qtbot: Any) -> None:
    dialog = ManagerDialog(shell_context("somsri"), Action.DISCOUNT_OVER_LIMIT, "ลดราคาสินค้าใกล้หมดอายุ")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Down)  # the second person allowed: the administrator
    type_thai(dialog.pin, "๙๙๙๙")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert dialog.approver is not None and dialog.approver.login == "admin"


def test_a_refund_needs_a_reason_and_at_least_one_quantity(demo_db: OpenedDatabase, qtbot: Any) -> None:
    sale = demo_sale()
    dialog = open_refund(qtbot, "wanna", sale)
    before = state()
    press(qtbot, Qt.Key.Key_F12)
    message = dialog.findChild(QLabel, "refund_message")
    assert message.text() == "การคืนเงินต้องระบุเหตุผล"
    type_thai(dialog.reason, "แตก")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert message.text() == "เลือกจำนวนที่จะคืนอย่างน้อยหนึ่งรายการ"
    assert state() == before and dialog.manager is None


def test_refunding_more_than_is_left_is_refused(demo_db: OpenedDatabase, qtbot: Any) -> None:
    sale = demo_sale()
    dialog = open_refund(qtbot, "wanna", sale)  # the treasurer may refund herself: no PIN asked
    type_quantity(qtbot, dialog, 1, "5")
    assert dialog.spins[1].value() == 0  # 5 of 3 cannot even be typed
    type_quantity(qtbot, dialog, 1, "2")
    type_thai(dialog.reason, "แตก")
    # meanwhile the other till refunds two of the three bottles: only one is left
    refunds.refund_sale(actor("wanna"), till_info("T1").id, sale.uuid, "แตก", lines={1: 2})
    before = state()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.findChild(QLabel, "refund_message").text() == "รายการที่ 1 คืนได้อีกเพียง 1"
    assert dialog.outcome is None and state() == before


def test_spoiled_goods_go_to_waste_and_money_back_by_transfer(demo_db: OpenedDatabase, qtbot: Any) -> None:
    sale = demo_sale()
    dialog = open_refund(qtbot, "wanna", sale)
    type_quantity(qtbot, dialog, 2, "1")
    qtbot.mouseClick(dialog.waste[2], Qt.MouseButton.LeftButton, pos=QPoint(12, dialog.waste[2].height() // 2))
    assert dialog.waste[2].isChecked()
    dialog.spins[1].setFocus()  # by keyboard: Tab from a quantity reaches its tick, Space ticks it
    qtbot.keyClick(dialog.spins[1], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.waste[1]
    qtbot.keyClick(dialog.waste[1], Qt.Key.Key_Space)
    assert dialog.waste[1].isChecked()
    qtbot.keyClick(dialog.waste[1], Qt.Key.Key_Space)
    assert not dialog.waste[1].isChecked()
    qtbot.keyClick(dialog.waste[1], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.spins[2]
    press(qtbot, Qt.Key.Key_F7)  # bank transfer
    type_thai(dialog.reason, "ชาชื้น")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.outcome is not None
    refund = Sale.get(Sale.uuid == dialog.outcome.uuid)
    assert [(p.method, p.amount_satang) for p in Payment.select().where(Payment.sale == refund)] == \
        [("transfer", -5400)]
    moved = StockMovement.select().where(StockMovement.document_uuid == refund.uuid)
    kinds = sorted((m.kind, m.quantity) for m in moved)
    assert kinds == [("refund", 1), ("waste", -1)]


def test_a_void_of_todays_sale_by_the_seller_with_a_manager(demo_db: OpenedDatabase, qtbot: Any) -> None:
    sale = demo_sale()
    dialog = open_refund(qtbot, "somsri", sale, void=True)
    assert [s.value() for s in dialog.spins.values()] == [3, 1] and not dialog.spins[1].isEnabled()
    type_thai(dialog.reason, "สแกนซ้ำ")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    approval = manager(dialog, qtbot)
    qtbot.keyClicks(approval.pin, "3333")
    qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    assert dialog.outcome is not None
    void = Sale.get(Sale.uuid == dialog.outcome.uuid)
    assert (void.reversal, void.total_satang) == ("void", -12150)
    assert dialog.findChild(QLabel, "refund_result").text() == \
        f"บันทึกเป็นใบเสร็จเลขที่ {void.number} แล้ว คืนเงิน ฿121.50 เป็นเงินสด"


def test_escape_closes_without_saving(demo_db: OpenedDatabase, qtbot: Any) -> None:
    sale = demo_sale()
    dialog = open_refund(qtbot, "wanna", sale)
    before = state()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and state() == before
    assert QApplication.instance() is not None


def test_wrong_pins_lock_the_override_out_and_the_wait_is_shown(demo_db: OpenedDatabase, qtbot: Any) -> None:
    dialog = ManagerDialog(shell_context("somsri"), Action.REFUND, "แตก")
    qtbot.addWidget(dialog)
    dialog.show()
    message = dialog.findChild(QLabel, "manager_message")
    for _try in range(4):  # three free tries, the fourth wrong PIN starts a 30-second wait
        qtbot.keyClicks(dialog.pin, "0000")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
        assert message.text() == "รหัส PIN ไม่ถูกต้อง กรุณาลองใหม่"
    qtbot.keyClicks(dialog.pin, "3333")  # even the right PIN must wait now
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    waited = re.fullmatch(r"ใส่รหัส PIN ผิดหลายครั้ง กรุณารอ (\d+) วินาทีแล้วลองใหม่", message.text())
    assert waited is not None and 1 <= int(waited.group(1)) <= 30
    assert dialog.approver is None and dialog.isVisible()



def test_every_control_of_the_refund_is_a_finger_wide_and_plus_minus_are_tapped(demo_db: OpenedDatabase,
                                                                                 qtbot: Any) -> None:
    """Walk fault: the quantity's arrows were two 22 px halves of its box.  Now − and + are 44 px squares."""
    from PySide6.QtWidgets import QCheckBox, QLineEdit, QSpinBox

    sale = demo_sale()
    dialog = open_refund(qtbot, "prapha", sale)
    small = [(w.objectName() or type(w).__name__, w.height(), w.width())
             for kind in (QPushButton, QSpinBox, QCheckBox, QLineEdit) for w in dialog.findChildren(kind)
             if w.isVisible() and not isinstance(w.parent(), QSpinBox) and min(w.height(), w.width()) < 44]
    assert small == []
    plus = dialog.findChild(QPushButton, "refund_plus_1")
    for _ in range(4):  # 3 sold: the fourth tap changes nothing
        qtbot.mouseClick(plus, Qt.MouseButton.LeftButton)
    assert [s.value() for s in dialog.spins.values()] == [3, 0]
    qtbot.mouseClick(dialog.findChild(QPushButton, "refund_minus_1"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.findChild(QPushButton, "refund_plus_2"), Qt.MouseButton.LeftButton)
    assert [s.value() for s in dialog.spins.values()] == [2, 1]
