"""The till's history dialog with real key events, on both databases.

A known day at T1 (the demo has no sales on TODAY), worked by hand:
  sale   DISH-500 ×2              ฿50.00  cash (tendered ฿100)
  sale   TEA-YMN ×1               ฿60.00  PromptPay
  sale   DISH-3800 + TEA-YMN     ฿180.00  split: cash ฿100.00 + PromptPay ฿80.00
  order  TEA-YMN ×1 online        ฿60.00  not paid yet (คุณมาลี 0812345678)
  refund one DISH-500 of the first sale  −฿25.00 cash
Sales ฿350.00, refunds −฿25.00, net ฿325.00; cash 50 + 100 − 25 = ฿125.00, PromptPay 60 + 80 = ฿140.00,
transfer ฿0.00, unpaid ฿60.00; 125 + 140 + 0 + 60 = 325.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from db.connection import OpenedDatabase
from db.models import OrderPayment, Sale
from pos_app.clock import FixedClock
from pos_app.money import Money
from pos_app.selling import catalog, orders, refunds, sales
from pos_app.selling.cart import Cart
from pos_app.selling.payments import PaymentIn
from pos_app.selling.sales import SaleResult
from pos_app.selling.tills import till_info
from tests.ui_till_helpers import actor, shell_context
from ui.till.history import HistoryDialog
from ui.till.refund import RefundDialog

pytestmark = pytest.mark.qt


def cart(*lines: tuple[str, int]) -> Cart:
    views = {v.sku: v for v in catalog.sellable()}
    c = Cart()
    for sku, qty in lines:
        c.add(views[sku], qty)
    return c


def known_day() -> dict[str, SaleResult]:
    t1, seller = till_info("T1").id, actor("somsri")
    done = {"cash": sales.commit_sale(seller, t1, cart(("DISH-500", 2)), Money(10000)),
            "promptpay": sales.commit_sale(seller, t1, cart(("TEA-YMN", 1)), method="promptpay"),
            "split": sales.commit_sale(seller, t1, cart(("DISH-3800", 1), ("TEA-YMN", 1)), payments=[
                PaymentIn("cash", Money(10000)), PaymentIn("promptpay", Money(8000))])}
    order = cart(("TEA-YMN", 1))
    order.set_channel("online", "คุณมาลี", "0812345678")
    done["order"] = sales.commit_sale(seller, t1, order, payments=[])
    done["refund"] = refunds.refund_sale(actor("wanna"), t1, done["cash"].uuid, "แตก", lines={1: 1})
    return done


def open_history(qtbot: Any, who: str) -> HistoryDialog:
    dialog = HistoryDialog(shell_context(who))
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def type_text(widget: QWidget, text: str) -> None:
    """Real key events carrying any character, Thai included (QTest.keyClicks cannot map Thai to keys)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def press(qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    qtbot.wait(250)  # a button's shortcut clicks it after a short animation


def column(dialog: HistoryDialog, col: int) -> list[str]:
    return [dialog.table.item(r, col).text() for r in range(dialog.table.rowCount())]


def test_the_days_totals_add_up_to_the_hand_worked_figures(demo_db: OpenedDatabase, qtbot: Any) -> None:
    done = known_day()
    dialog = open_history(qtbot, "somsri")
    assert all(dialog.tabs.tabBar().tabRect(i).height() >= 44 for i in range(dialog.tabs.count()))  # were 40 px
    assert column(dialog, 0) == [str(done[k].number) for k in ("refund", "order", "split", "promptpay", "cash")]
    assert column(dialog, 2) == ["คืนเงิน", "คำสั่งซื้อออนไลน์", "ขาย", "ขาย", "ขาย"]
    assert column(dialog, 3) == ["เงินสด", "ยังไม่ชำระ", "หลายวิธี", "พร้อมเพย์", "เงินสด"]
    assert column(dialog, 4) == ["-฿25.00", "฿60.00", "฿180.00", "฿60.00", "฿50.00"]
    assert all(t.startswith("10:0") for t in column(dialog, 1))  # the test clock: 10:00 Bangkok, +1 s a reading
    assert dialog.findChild(QLabel, "history_totals").text() == (
        "ยอดขาย ฿350.00 · คืนเงิน -฿25.00 · สุทธิ ฿325.00\n"
        "เงินสด ฿125.00 · พร้อมเพย์ ฿140.00 · โอนเงินผ่านธนาคาร ฿0.00 · ยังไม่ชำระ ฿60.00")
    assert dialog.findChild(QLabel, "history_heading").text() == "24/11/2569: 5 ใบเสร็จ ที่เครื่องขาย T1"


def test_search_by_receipt_number_in_thai_digits_opens_the_sale(demo_db: OpenedDatabase, qtbot: Any) -> None:
    done = known_day()
    dialog = open_history(qtbot, "somsri")
    number = done["split"].number
    type_text(dialog.number_field, str(number).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")))
    qtbot.keyClick(dialog.number_field, Qt.Key.Key_Return)
    assert dialog.stack.currentWidget() is dialog.detail
    assert dialog.detail.heading.text() == f"ขาย · ใบเสร็จเลขที่ {number} · เครื่องขาย T1"
    assert dialog.detail.lines.rowCount() == 2
    assert dialog.detail.money.text() == "รวม ฿180.00  ·  เงินสด ฿100.00  ·  พร้อมเพย์ ฿80.00"
    assert dialog.detail.void.isEnabled() and dialog.detail.refund.isEnabled()
    press(qtbot, Qt.Key.Key_F5)  # the receipt as it prints, with "Print a copy"
    preview = dialog.detail.dialog
    assert preview is not None and preview.objectName() == "receipt_preview" and preview.isVisible()
    assert preview.findChild(QPushButton, "receipt_reprint") is not None
    preview.close()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # Esc on the detail: back to the list
    assert dialog.stack.currentIndex() == 0 and dialog.isVisible()
    dialog.number_field.setFocus()
    qtbot.keyClick(dialog.number_field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.number_field, "99999")
    qtbot.keyClick(dialog.number_field, Qt.Key.Key_Return)
    assert dialog.stack.currentIndex() == 0
    assert dialog.message.text() == "ไม่พบใบเสร็จเลขที่ 99999 ที่เครื่องนี้"


def test_search_by_a_buddhist_era_date(demo_db: OpenedDatabase, qtbot: Any, clock: FixedClock) -> None:
    sale = sales.commit_sale(actor("somsri"), till_info("T1").id, cart(("TEA-YMN", 2)), Money(20000))
    clock.set(dt.datetime(2026, 11, 26, 3, 0, tzinfo=dt.UTC))  # two days later, 10:00 Bangkok
    dialog = open_history(qtbot, "somsri")
    assert dialog.table.rowCount() == 0 and dialog.date_field.text() == "26/11/2569"
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is dialog.date_field
    type_text(dialog.date_field, "24 พ.ย. 2569")
    qtbot.keyClick(dialog.date_field, Qt.Key.Key_Return)
    assert column(dialog, 0) == [str(sale.number)] and column(dialog, 4) == ["฿120.00"]
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter opens the chosen sale
    assert dialog.stack.currentWidget() is dialog.detail
    assert not dialog.detail.void.isEnabled()  # not today's: a refund, not a void
    assert dialog.detail.refund.isEnabled()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    dialog.date_field.setFocus()
    dialog.date_field.selectAll()
    type_text(dialog.date_field, "31/02/2569")
    qtbot.keyClick(dialog.date_field, Qt.Key.Key_Return)
    assert dialog.message.text().startswith("“31/02/2569”")
    assert column(dialog, 0) == [str(sale.number)]  # the list is unchanged


def test_a_void_from_the_history_with_a_managers_pin(demo_db: OpenedDatabase, qtbot: Any) -> None:
    done = known_day()
    dialog = open_history(qtbot, "somsri")
    dialog.table.setFocus()
    dialog.table.setCurrentCell(3, 0)  # the PromptPay sale
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_F7)
    void = dialog.detail.dialog
    assert isinstance(void, RefundDialog) and void.void
    type_text(void.reason, "สแกนซ้ำ")
    qtbot.keyClick(void.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: void.manager is not None and void.manager.isVisible())
    assert void.manager is not None
    qtbot.keyClicks(void.manager.pin, "3333")
    qtbot.keyClick(void.manager.pin, Qt.Key.Key_Return)
    assert void.outcome is not None and void.outcome.total == Money(-6000)
    assert Sale.get(Sale.uuid == void.outcome.uuid).refund_of.uuid == done["promptpay"].uuid
    assert not dialog.detail.void.isEnabled()  # voided: it cannot be voided again
    assert not dialog.detail.refund.isEnabled()  # nor refunded: nothing is left
    assert column(dialog, 2)[0] == "ยกเลิกบิล"
    assert dialog.findChild(QLabel, "history_totals").text() == (
        "ยอดขาย ฿350.00 · คืนเงิน -฿85.00 · สุทธิ ฿265.00\n"
        "เงินสด ฿65.00 · พร้อมเพย์ ฿140.00 · โอนเงินผ่านธนาคาร ฿0.00 · ยังไม่ชำระ ฿60.00")


def test_an_online_order_paid_from_the_waiting_list(demo_db: OpenedDatabase, qtbot: Any) -> None:
    done = known_day()
    dialog = open_history(qtbot, "somsri")
    dialog.tabs.setCurrentIndex(1)
    table = dialog.orders.table
    assert [table.item(0, c).text() for c in (0, 2, 3, 6)] == [str(done["order"].number), "คุณมาลี", "0812345678",
                                                                 "฿60.00"]
    table.setFocus()
    press(qtbot, Qt.Key.Key_F7)  # paid by transfer
    assert table.rowCount() == 0 and orders.pending_orders() == []
    paid = [(p.method, p.amount_satang) for p in OrderPayment.select() if p.sale_uuid == done["order"].uuid]
    assert paid == [("transfer", 6000)]
    assert dialog.findChild(QLabel, "history_totals").text().endswith("รับชำระคำสั่งซื้อออนไลน์: โอนเงินผ่านธนาคาร ฿60.00")


def test_an_online_order_cancelled_by_the_treasurer(demo_db: OpenedDatabase, qtbot: Any) -> None:
    done = known_day()
    dialog = open_history(qtbot, "wanna")
    dialog.tabs.setCurrentIndex(1)
    dialog.orders.table.setFocus()
    press(qtbot, Qt.Key.Key_F8)
    cancel = dialog.orders.dialog
    assert cancel is not None and cancel.void
    type_text(cancel.reason, "ลูกค้ายกเลิก")
    qtbot.keyClick(cancel.reason, Qt.Key.Key_Return)  # a treasurer may void: no PIN asked
    assert cancel.outcome is not None and cancel.outcome.total == Money(-6000)
    assert cancel.findChild(QLabel, "refund_result").text() == \
        f"บันทึกเป็นใบเสร็จเลขที่ {cancel.outcome.number} แล้ว ไม่มีเงินต้องคืน  ·  สินค้ามูลค่า ฿60.00"  # unpaid
    assert dialog.orders.table.rowCount() == 0
    assert Sale.get(Sale.uuid == cancel.outcome.uuid).refund_of.uuid == done["order"].uuid


def test_a_sale_by_weight_shows_its_price_per_kg_whole(demo_db: OpenedDatabase, qtbot: Any) -> None:
    """Walk fault: a sale's line of shrimp paste by weight showed "฿200.00 / ..." (the column cut it)."""
    weighed = sales.commit_sale(actor("somsri"), till_info("T1").id, cart(("KAPI-KG", 350), ("DISH-500", 1)),
                                Money(10000))  # 350 g at ฿200.00 a kg = ฿70.00, + ฿25.00
    dialog = open_history(qtbot, "somsri")
    qtbot.keyClicks(dialog.number_field, str(weighed.number))
    qtbot.keyClick(dialog.number_field, Qt.Key.Key_Return)
    table = dialog.detail.lines
    assert [table.item(0, c).text() for c in (1, 2, 3)] == ["350 ก.", "฿200.00 / กก.", "฿70.00"]
    metrics = table.fontMetrics()
    assert all(table.columnWidth(c) >= metrics.horizontalAdvance(table.item(r, c).text())
               for r in range(2) for c in (1, 2, 3))
