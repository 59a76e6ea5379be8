"""Online orders paid later: the pending list field by field (oldest first, per till, what was paid at the
till counted), money received later as a document of its own, and the refusals.  Both databases.

KAPI-SEASONED is ฿40.00 a jar at retail (demo); every figure is worked by hand."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest

from db.connection import OpenedDatabase
from db.models import JournalEntry, OrderPayment, Till
from db.models.books import LateDocument
from pos_app.books import days
from pos_app.errors import ClosedDayError, InputError, NotFound
from pos_app.events import SaleCommitted, bus
from pos_app.money import Money
from pos_app.selling import orders, refunds, sales
from pos_app.selling.orders import PendingOrder
from pos_app.selling.payments import NeedsConfirmation, PaymentIn
from pos_app.selling.sales import SaleResult
from tests.test_selling_rules import cart_of, seller, till, treasurer

NINE = dt.datetime(2026, 11, 24, 2, 0, tzinfo=dt.UTC)  # 09:00 Bangkok
TEN = dt.datetime(2026, 11, 24, 3, 0, tzinfo=dt.UTC)
LATER = dt.datetime(2026, 11, 26, 4, 30, tzinfo=dt.UTC)  # 11:30 Bangkok two days on


def _order(jars: int, name: str, phone: str, at: dt.datetime, paid: list[PaymentIn]) -> SaleResult:
    cart = cart_of(("KAPI-SEASONED", jars))
    cart.set_channel("online", name, phone)
    return sales.commit_sale(seller(), till().id, cart, payments=paid, now=at)


def _two_orders() -> tuple[SaleResult, SaleResult]:
    """Saved in this order: Daeng's (2 jars, ฿80.00, ฿30.00 paid by transfer at the till) made at 10:00, then
    Malee's (3 jars, ฿120.00, unpaid) entered for 09:00; and a stall sale, which is no order."""
    daeng = _order(2, "คุณแดง", "0899999999", TEN, [PaymentIn("transfer", Money(3000))])
    malee = _order(3, "คุณมาลี", "0812345678", NINE, [])
    sales.commit_sale(seller(), till().id, cart_of(("KAPI-SEASONED", 1)), Money(4000), now=TEN)
    return daeng, malee


def test_the_pending_list_oldest_first_with_what_was_paid_at_the_till(demo_db: OpenedDatabase) -> None:
    daeng, malee = _two_orders()
    expected = [PendingOrder(malee.uuid, malee.number, NINE, "คุณมาลี", "0812345678", Money(12000), Money(0)),
                PendingOrder(daeng.uuid, daeng.number, TEN, "คุณแดง", "0899999999", Money(8000), Money(3000))]
    assert orders.pending_orders() == expected
    assert [o.due for o in expected] == [Money(12000), Money(5000)]
    assert orders.pending_orders(till().id) == expected
    assert orders.pending_orders(Till.get(Till.code == "K1").id) == []


def test_money_received_later_is_a_document_of_its_own(demo_db: OpenedDatabase) -> None:
    daeng, _malee = _two_orders()
    seen: list[SaleCommitted] = []
    unsubscribe = bus.subscribe(SaleCommitted, seen.append)
    try:
        after = orders.pay_order(seller(), daeng.uuid, [PaymentIn("cash", Money(2000), Money(5000))], now=LATER)
    finally:
        unsubscribe()
    assert after == PendingOrder(daeng.uuid, daeng.number, TEN, "คุณแดง", "0899999999", Money(8000), Money(5000))
    assert seen == [SaleCommitted(daeng.uuid, till().id, daeng.number, 0, "order_payment")]
    row = OrderPayment.get(OrderPayment.sale_uuid == daeng.uuid)
    assert (row.till_id, row.method, row.amount_satang, row.tendered_satang, row.change_satang,  # type: ignore[attr-defined]
            row.created_at, row.business_date, row.received_by_id) == (  # type: ignore[attr-defined]
        till().id, "cash", 2000, 5000, 3000, LATER, dt.date(2026, 11, 26), seller().user_id)
    entry = JournalEntry.get(JournalEntry.doc_uuid == row.uuid)
    assert (entry.doc_type, entry.till_id, entry.user_id) == (  # type: ignore[attr-defined]
        "order_payment", till().id, seller().user_id)
    assert json.loads(entry.summary) == {"order": str(daeng.uuid), "number": daeng.number, "user": "somsri",
                                         "at": LATER.isoformat(), "payment": ["cash", 2000, 5000, 3000]}
    assert [(o.uuid, o.paid) for o in orders.pending_orders()][1] == (daeng.uuid, Money(5000))


def test_an_order_paid_in_full_leaves_the_list_and_takes_no_more_money(demo_db: OpenedDatabase) -> None:
    daeng, malee = _two_orders()
    orders.pay_order(seller(), daeng.uuid, [PaymentIn("promptpay", Money(5000))], now=LATER)
    assert [o.uuid for o in orders.pending_orders()] == [malee.uuid]
    with pytest.raises(InputError) as err:
        orders.pay_order(seller(), daeng.uuid, [PaymentIn("cash", Money(100))], now=LATER)
    assert str(err.value) == "คำสั่งซื้อนี้ชำระเงินหรือยกเลิกไปแล้ว"
    nowhere = uuid.UUID("00000000-0000-4000-8000-000000000001")
    with pytest.raises(NotFound) as missing:
        orders.pay_order(seller(), nowhere, [PaymentIn("cash", Money(100))], now=LATER)
    assert str(missing.value) == "ไม่พบการขาย 00000000-0000-4000-8000-000000000001"
    assert OrderPayment.select().count() == 1


def test_large_change_on_an_order_needs_a_yes(demo_db: OpenedDatabase) -> None:
    daeng, _malee = _two_orders()
    pay = [PaymentIn("cash", Money(5000), Money(110000))]  # ฿1,100.00 for ฿50.00: ฿1,050.00 change
    with pytest.raises(NeedsConfirmation) as err:
        orders.pay_order(seller(), daeng.uuid, pay, now=LATER)
    assert str(err.value) == "รับเงินสด ฿1,100.00 ต้องทอน ฿1,050.00 ถูกต้องหรือไม่?"
    assert OrderPayment.select().count() == 0
    after = orders.pay_order(seller(), daeng.uuid, pay, now=LATER, confirmed_large=True)
    assert after.paid == Money(8000)


def test_two_orders_paid_later_each_keep_their_own_money(demo_db: OpenedDatabase) -> None:
    daeng, malee = _two_orders()
    orders.pay_order(seller(), malee.uuid, [PaymentIn("transfer", Money(1000))], now=LATER)
    orders.pay_order(seller(), daeng.uuid, [PaymentIn("transfer", Money(2000))], now=LATER)
    assert [(o.uuid, o.total, o.paid) for o in orders.pending_orders()] == [
        (malee.uuid, Money(12000), Money(1000)), (daeng.uuid, Money(8000), Money(5000))]


def test_two_orders_each_part_refunded_owe_nothing(demo_db: OpenedDatabase) -> None:
    """Both paid in full at the till, then one jar of each taken back with its ฿40.00 returned."""
    first = _order(3, "คุณมาลี", "0812345678", NINE, [PaymentIn("transfer", Money(12000))])
    second = _order(2, "คุณแดง", "0899999999", TEN, [PaymentIn("transfer", Money(8000))])
    for order in (first, second):
        refunds.refund_sale(treasurer(), till().id, order.uuid, "ของแตก", lines={1: 1}, method="transfer", now=TEN)
    assert orders.pending_orders() == []


def test_money_for_an_order_arriving_late_for_a_closed_day_goes_into_its_addendum(demo_db: OpenedDatabase) -> None:
    daeng, _malee = _two_orders()
    days.close_day(treasurer(), till().shop_id, dt.date(2026, 11, 24), close_open_shifts=True,
                   now=dt.datetime(2026, 11, 24, 11, 0, tzinfo=dt.UTC), take_backup=False)  # 18:00 Bangkok
    before_close = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC)  # 17:00: taken while the day was open
    orders.pay_order(seller(), daeng.uuid, [PaymentIn("transfer", Money(1000))], now=before_close)
    paid = OrderPayment.get(OrderPayment.sale_uuid == daeng.uuid)
    late = LateDocument.get(LateDocument.doc_uuid == paid.uuid)
    assert (late.doc_type, late.business_date, late.addendum_no) == ("order_payment", dt.date(2026, 11, 24), 1)
    with pytest.raises(ClosedDayError):  # dated in the closed day after its close: refused
        orders.pay_order(seller(), daeng.uuid, [PaymentIn("transfer", Money(1000))],
                         now=dt.datetime(2026, 11, 24, 11, 30, tzinfo=dt.UTC))
    assert OrderPayment.select().count() == 1


def test_paying_nothing_records_nothing_and_answers_with_the_order_as_it_was(demo_db: OpenedDatabase) -> None:
    daeng, _malee = _two_orders()
    after = orders.pay_order(seller(), daeng.uuid, [], now=LATER)
    assert after == PendingOrder(daeng.uuid, daeng.number, TEN, "คุณแดง", "0899999999", Money(8000), Money(3000))
    assert OrderPayment.select().count() == 0


def test_a_cancelled_order_leaves_the_list_and_the_others_stay(demo_db: OpenedDatabase) -> None:
    daeng, malee = _two_orders()
    refunds.refund_sale(treasurer(), till().id, daeng.uuid, "ลูกค้ายกเลิก", void=True, method="transfer", now=TEN)
    assert [(o.uuid, o.total, o.paid) for o in orders.pending_orders()] == [(malee.uuid, Money(12000), Money(0))]
