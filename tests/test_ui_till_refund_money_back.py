"""The refund dialog says the money going back, and how, before it is saved, as the quantities and the method
change — and the saved refund gives back exactly that.  Real keys, both databases.

The demo sale (tests/test_ui_till_refund.py): 3 × DISH-500 at ฿25.00 + 1 × TEA-YMN at ฿60.00 = ฿135.00, ฿13.50
off the whole sale → ฿121.50 paid.  The soaps' share of the discount is ฿7.50 (by net, 1350 × 7500/13500), so
they paid ฿67.50 (฿22.50 a bottle) and the tea ฿54.00.  KAPI-SEASONED is ฿40.00 a jar."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from db.connection import OpenedDatabase
from db.models import Payment, Sale
from pos_app.selling import sales
from tests.test_selling_rules import cart_of, seller, till
from tests.test_ui_till_refund import demo_sale, manager, open_refund, press, state, type_quantity, type_thai
from ui.till.refund import RefundDialog

pytestmark = pytest.mark.qt


def shown(dialog: RefundDialog) -> str:
    label = dialog.findChild(QLabel, "refund_money_back")
    assert label is dialog.money_back
    return label.text()


def test_the_money_back_follows_the_quantities_and_the_method_and_is_what_is_saved(
        demo_db: OpenedDatabase, qtbot: Any) -> None:
    dialog = open_refund(qtbot, "somsri", demo_sale())
    assert shown(dialog) == ""  # nothing chosen yet
    type_quantity(qtbot, dialog, 1, "2")
    assert shown(dialog) == "คืนเงิน ฿45.00 เป็นเงินสด"  # 2 of the 3 soaps: ฿67.50 × 2/3
    dialog.spins[2].setFocus()
    qtbot.keyClick(dialog.spins[2], Qt.Key.Key_Up)  # the tea too
    assert shown(dialog) == "คืนเงิน ฿99.00 เป็นเงินสด"  # ฿45.00 + ฿54.00
    press(qtbot, Qt.Key.Key_F7)  # by bank transfer
    assert shown(dialog) == "คืนเงิน ฿99.00 เป็นโอนเงินผ่านธนาคาร"
    qtbot.keyClick(dialog.spins[2], Qt.Key.Key_Down)  # not the tea after all
    assert shown(dialog) == "คืนเงิน ฿45.00 เป็นโอนเงินผ่านธนาคาร"
    type_quantity(qtbot, dialog, 1, "1")
    assert shown(dialog) == "คืนเงิน ฿22.50 เป็นโอนเงินผ่านธนาคาร"
    type_quantity(qtbot, dialog, 1, "3")
    qtbot.keyClick(dialog.spins[2], Qt.Key.Key_Up)
    assert shown(dialog) == "คืนเงิน ฿121.50 เป็นโอนเงินผ่านธนาคาร"  # everything: what was paid
    qtbot.keyClick(dialog.spins[2], Qt.Key.Key_Down)
    type_quantity(qtbot, dialog, 1, "2")
    before = state()
    assert shown(dialog) == "คืนเงิน ฿45.00 เป็นโอนเงินผ่านธนาคาร"
    assert state() == before  # shown, not saved
    type_thai(dialog.reason, "ขวดรั่ว")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    approval = manager(dialog, qtbot)
    qtbot.keyClicks(approval.pin, "3333")
    qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    assert dialog.outcome is not None
    refund = Sale.get(Sale.uuid == dialog.outcome.uuid)
    assert [(p.method, p.amount_satang) for p in Payment.select().where(Payment.sale == refund)] == \
        [("transfer", -4500)]
    assert dialog.done_text.text() == f"บันทึกเป็นใบเสร็จเลขที่ {refund.number} แล้ว คืนเงิน ฿45.00 เป็นโอนเงินผ่านธนาคาร"
    assert shown(dialog) == ""  # the saved line says it now


def test_an_unpaid_order_shows_no_money_back_and_what_the_goods_were_worth(
        demo_db: OpenedDatabase, qtbot: Any) -> None:
    cart = cart_of(("KAPI-SEASONED", 3))  # ฿120.00, not paid yet
    cart.set_channel("online", "คุณแดง", "0812345678")
    order = sales.commit_sale(seller(), till().id, cart, payments=[])
    dialog = open_refund(qtbot, "wanna", order)
    type_quantity(qtbot, dialog, 1, "1")
    assert shown(dialog) == "ไม่มีเงินต้องคืน  ·  สินค้ามูลค่า ฿40.00"


def test_a_void_shows_its_money_back_when_opened(demo_db: OpenedDatabase, qtbot: Any) -> None:
    dialog = open_refund(qtbot, "wanna", demo_sale(), void=True)
    assert shown(dialog) == "คืนเงิน ฿121.50 เป็นเงินสด"
