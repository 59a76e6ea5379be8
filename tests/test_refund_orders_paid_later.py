"""Refunds and voids of online orders paid later (or not at all): never more money back than came in for the
order, counted from its payments at the till and its order payments — on both databases.

KAPI-SEASONED is ฿40.00 a jar at retail (demo); an order of 3 jars is ฿120.00.  Every figure is worked by hand.
"""

from __future__ import annotations

import datetime as dt

import pytest

from db.connection import OpenedDatabase
from db.models import Payment, Sale
from pos_app.clock import FixedClock
from pos_app.errors import InputError
from pos_app.money import Money
from pos_app.selling import orders, refunds, sales
from pos_app.selling.payments import PaymentIn
from pos_app.selling.sales import SaleResult
from pos_app.stock import ledger as stock
from tests.test_selling_rules import cart_of, item, seller, till, treasurer

LATER = dt.datetime(2026, 11, 26, 2, 0, tzinfo=dt.UTC)  # 09:00 Bangkok, a later day than the order


def order_of_three(name: str) -> SaleResult:
    cart = cart_of(("KAPI-SEASONED", 3))
    cart.set_channel("online", name, "0812345678")
    return sales.commit_sale(seller(), till().id, cart, payments=[])


def paid_back(result: SaleResult) -> list[tuple[str, int]]:
    return [(p.method, p.amount_satang) for p in Payment.select().join(Sale).where(Sale.uuid == result.uuid)]


def test_a_part_paid_order_cancelled_gives_back_what_was_paid(demo_db: OpenedDatabase, clock: FixedClock) -> None:
    order = order_of_three("คุณมาลี")
    clock.set(LATER)
    orders.pay_order(seller(), order.uuid, [PaymentIn("transfer", Money(5000))])  # ฿50 of ฿120
    void = refunds.refund_sale(treasurer(), till().id, order.uuid, "ลูกค้ายกเลิก", void=True, method="transfer")
    assert (void.total, void.paid, void.method) == (Money(-12000), Money(-5000), "transfer")
    assert paid_back(void) == [("transfer", -5000)]
    assert orders.pending_orders() == []


def test_an_unpaid_order_refunded_gives_no_money_back(demo_db: OpenedDatabase) -> None:
    shop = till().shop_id
    jar = item("KAPI-SEASONED").id
    before = stock.on_hand(jar, shop)
    order = order_of_three("คุณแดง")
    refund = refunds.refund_sale(treasurer(), till().id, order.uuid, "ส่งของไม่ได้")
    assert (refund.total, refund.paid, refund.method, refund.payments) == (Money(-12000), Money(0), "", ())
    assert paid_back(refund) == []
    assert stock.on_hand(jar, shop) == before  # the 3 jars are back
    row = Sale.get(Sale.uuid == refund.uuid)
    assert (row.channel, row.customer_name, row.customer_phone) == ("online", "คุณแดง", "0812345678")


def test_a_part_paid_order_refunded_in_two_goes_gives_back_the_50_baht_paid(
        demo_db: OpenedDatabase, clock: FixedClock) -> None:
    order = order_of_three("คุณดำ")
    clock.set(LATER)
    orders.pay_order(seller(), order.uuid, [PaymentIn("cash", Money(5000))])
    first = refunds.refund_sale(treasurer(), till().id, order.uuid, "แตก 1 กระปุก", lines={1: 1})
    # one jar back: she keeps 2 jars (฿80) and has paid ฿50, so nothing goes back and ฿30 is still due
    assert (first.total, first.paid) == (Money(-4000), Money(0))
    [pending] = orders.pending_orders()
    assert (pending.uuid, pending.total, pending.paid, pending.due) == (order.uuid, Money(8000), Money(5000),
                                                                        Money(3000))
    second = refunds.refund_sale(treasurer(), till().id, order.uuid, "ไม่เอาแล้ว")
    assert (second.total, second.paid) == (Money(-8000), Money(-5000))  # nothing kept: the ฿50 paid goes back
    assert paid_back(first) + paid_back(second) == [("cash", -5000)]
    assert orders.pending_orders() == []


def test_a_refunded_order_leaves_the_pending_list_when_what_it_keeps_is_paid(
        demo_db: OpenedDatabase, clock: FixedClock) -> None:
    """An unpaid order of 3 jars (฿120): one jar comes back, so ฿80 is due, not ฿120; paying ฿80 settles it
    (before, the refunded order stayed on the list at its whole ฿120, and a seller could collect for goods
    that came back)."""
    order = order_of_three("คุณส้ม")
    refunds.refund_sale(treasurer(), till().id, order.uuid, "แตก 1 กระปุก", lines={1: 1})
    [pending] = orders.pending_orders()
    assert (pending.total, pending.paid, pending.due) == (Money(8000), Money(0), Money(8000))
    clock.set(LATER)
    orders.pay_order(seller(), order.uuid, [PaymentIn("transfer", Money(8000))])
    assert orders.pending_orders() == []


def test_an_order_paid_in_full_later_is_refunded_in_full_and_not_voided_on_a_later_day(
        demo_db: OpenedDatabase, clock: FixedClock) -> None:
    order = order_of_three("คุณขาว")
    clock.set(LATER)
    orders.pay_order(seller(), order.uuid, [PaymentIn("transfer", Money(12000))])
    with pytest.raises(InputError) as err:
        refunds.refund_sale(treasurer(), till().id, order.uuid, "ผิด", void=True)
    assert err.value.msgid == "Only today's sales can be voided; give a refund instead"
    refund = refunds.refund_sale(treasurer(), till().id, order.uuid, "ของเสีย", method="transfer")
    assert (refund.total, refund.paid) == (Money(-12000), Money(-12000))
    assert paid_back(refund) == [("transfer", -12000)]


def test_a_sale_paid_at_the_till_gives_back_all_its_shares(demo_db: OpenedDatabase) -> None:
    sale = sales.commit_sale(seller(), till().id, cart_of(("KAPI-SEASONED", 3)), Money(20000))  # change ฿80
    refund = refunds.refund_sale(treasurer(), till().id, sale.uuid, "คืนทั้งหมด")
    assert (refund.total, refund.paid) == (Money(-12000), Money(-12000))  # the ฿120 paid, not the ฿200 handed
    assert paid_back(refund) == [("cash", -12000)]


def test_another_orders_payment_is_not_counted(demo_db: OpenedDatabase, clock: FixedClock) -> None:
    paid = order_of_three("คุณเขียว")
    unpaid = order_of_three("คุณม่วง")
    clock.set(LATER)
    orders.pay_order(seller(), paid.uuid, [PaymentIn("transfer", Money(12000))])
    refund = refunds.refund_sale(treasurer(), till().id, unpaid.uuid, "ส่งไม่ได้")
    assert (refund.total, refund.paid) == (Money(-12000), Money(0))  # the ฿120 came in for the other order
