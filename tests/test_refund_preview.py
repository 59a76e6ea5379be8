"""What a refund will give back, shown before it is saved (``refunds.plan_refund``), is what the save gives back
— for a partial refund of a discounted sale, a split-paid sale and a part-paid online order, on both databases.
The preview writes nothing.  Every figure is worked by hand from the demo prices (retail): DISH-500 ฿25.00,
TEA-YMN ฿60.00, KAPI-SEASONED ฿40.00 a jar."""

from __future__ import annotations

import datetime as dt

import pytest

from db.connection import OpenedDatabase
from db.models import JournalEntry, Payment, Sale, SaleLine, StockMovement
from pos_app.clock import FixedClock
from pos_app.errors import InputError
from pos_app.money import Money
from pos_app.selling import orders, refunds, sales
from pos_app.selling.payments import PaymentIn
from pos_app.selling.sales import SaleResult
from tests.test_selling_rules import cart_of, seller, till, treasurer

LATER = dt.datetime(2026, 11, 26, 2, 0, tzinfo=dt.UTC)  # 09:00 Bangkok, a later day than the order


def written() -> tuple[int, ...]:
    return (Sale.select().count(), SaleLine.select().count(), Payment.select().count(),
            StockMovement.select().count(), JournalEntry.select().count(), till().last_receipt_no)


def plan(sale: SaleResult, lines: dict[int, int] | None = None, **how: object) -> refunds.RefundPlan:
    """The preview, checked to write nothing."""
    before = written()
    result = refunds.plan_refund(Sale.get(Sale.uuid == sale.uuid), lines, **how)  # type: ignore[arg-type]
    assert written() == before
    return result


def summed(p: refunds.RefundPlan) -> tuple[int, int, str, list[tuple[int, int, int]]]:
    return (p.value.satang, p.back.satang, p.method, [(ln.line_no, q, m) for ln, q, m in p.lines])


def saved(result: SaleResult) -> tuple[int, int, str, list[tuple[str, int]]]:
    pays = [(p.method, p.amount_satang) for p in Payment.select().join(Sale).where(Sale.uuid == result.uuid)]
    return (-result.total.satang, -result.paid.satang, result.method, pays)


def test_a_partial_refund_of_a_discounted_sale(demo_db: OpenedDatabase) -> None:
    """3 soaps (฿75.00) + a tea (฿60.00) = ฿135.00, ฿10.00 off the sale → ฿125.00 paid.  The soaps' share of the
    discount: 1000 × 7500/13500 = 555.56 → 556, so they paid 7500 − 556 = 6944; the tea takes the other 444:
    6000 − 444 = 5556 (6944 + 5556 = 12500)."""
    cart = cart_of(("DISH-500", 3), ("TEA-YMN", 1))
    cart.set_discount(Money(1000))
    sale = sales.commit_sale(seller(), till().id, cart, Money(12500))
    one = plan(sale, {1: 1})
    assert summed(one) == (2315, 2315, "cash", [(1, 1, 2315)])  # 6944 × 1/3 = 2314.67 → 2315
    first = refunds.refund_sale(treasurer(), till().id, sale.uuid, "ขวดรั่ว", lines={1: 1})
    assert saved(first) == (2315, 2315, "cash", [("cash", -2315)])
    # 2 soaps left worth 6944 − 2315 = 4629: one of them 4629 × 1/2 = 2314.5 → 2315 (half up), both 4629
    assert summed(plan(sale, {1: 1}))[:2] == (2315, 2315)
    rest = plan(sale, {1: 2, 2: 1}, method="transfer")
    assert summed(rest) == (10185, 10185, "transfer", [(1, 2, 4629), (2, 1, 5556)])  # 4629 + 5556
    second = refunds.refund_sale(treasurer(), till().id, sale.uuid, "ไม่เอาแล้ว", lines={1: 2, 2: 1},
                                 method="transfer")
    assert saved(second) == (10185, 10185, "transfer", [("transfer", -10185)])  # 2315 + 10185 = the 12500 paid


def test_a_split_paid_sale(demo_db: OpenedDatabase) -> None:
    """3 jars (฿120.00) + a tea (฿60.00) = ฿180.00: ฿100.00 in cash (฿500 handed, ฿400 change) + ฿80.00 by
    PromptPay.  The tea and a jar back: ฿100.00, by the method chosen; then the 2 jars left: ฿80.00."""
    sale = sales.commit_sale(seller(), till().id, cart_of(("KAPI-SEASONED", 3), ("TEA-YMN", 1)), payments=[
        PaymentIn("cash", Money(10000), Money(50000)), PaymentIn("promptpay", Money(8000))])
    some = plan(sale, {1: 1, 2: 1}, method="transfer")
    assert summed(some) == (10000, 10000, "transfer", [(1, 1, 4000), (2, 1, 6000)])
    first = refunds.refund_sale(treasurer(), till().id, sale.uuid, "แตก", lines={1: 1, 2: 1}, method="transfer")
    assert saved(first) == (10000, 10000, "transfer", [("transfer", -10000)])
    rest = plan(sale)
    assert summed(rest) == (8000, 8000, "cash", [(1, 2, 8000)])
    second = refunds.refund_sale(treasurer(), till().id, sale.uuid, "คืนหมด")
    assert saved(second) == (8000, 8000, "cash", [("cash", -8000)])


def order_of_three(name: str) -> SaleResult:
    cart = cart_of(("KAPI-SEASONED", 3))  # ฿120.00
    cart.set_channel("online", name, "0812345678")
    return sales.commit_sale(seller(), till().id, cart, payments=[])


def test_a_part_paid_online_order(demo_db: OpenedDatabase, clock: FixedClock) -> None:
    """฿100.00 of the ฿120.00 paid.  One jar back (฿40.00): she keeps 2 jars (฿80.00), so ฿20.00 of what she paid
    goes back; then the 2 jars: ฿80.00 (the ฿100.00 paid, all back)."""
    order = order_of_three("คุณมาลี")
    clock.set(LATER)
    orders.pay_order(seller(), order.uuid, [PaymentIn("transfer", Money(10000))])
    one = plan(order, {1: 1})
    assert summed(one) == (4000, 2000, "cash", [(1, 1, 4000)])
    first = refunds.refund_sale(treasurer(), till().id, order.uuid, "แตก 1 กระปุก", lines={1: 1})
    assert saved(first) == (4000, 2000, "cash", [("cash", -2000)])
    rest = plan(order, method="transfer")
    assert summed(rest) == (8000, 8000, "transfer", [(1, 2, 8000)])
    second = refunds.refund_sale(treasurer(), till().id, order.uuid, "ไม่เอาแล้ว", method="transfer")
    assert saved(second) == (8000, 8000, "transfer", [("transfer", -8000)])


def test_an_unpaid_order_gives_nothing_back_and_names_no_method(demo_db: OpenedDatabase) -> None:
    order = order_of_three("คุณแดง")
    assert summed(plan(order, {1: 2}, method="transfer")) == (8000, 0, "", [(1, 2, 8000)])
    refund = refunds.refund_sale(treasurer(), till().id, order.uuid, "ส่งไม่ได้", lines={1: 2}, method="transfer")
    assert saved(refund) == (8000, 0, "", [])


def test_the_void_of_a_part_paid_order(demo_db: OpenedDatabase, clock: FixedClock) -> None:
    order = order_of_three("คุณดำ")
    clock.set(LATER)
    orders.pay_order(seller(), order.uuid, [PaymentIn("cash", Money(5000))])
    assert summed(plan(order, {1: 1}, void=True)) == (12000, 5000, "cash", [(1, 3, 12000)])  # the whole order
    void = refunds.refund_sale(treasurer(), till().id, order.uuid, "ลูกค้ายกเลิก", void=True)
    assert saved(void) == (12000, 5000, "cash", [("cash", -5000)])


@pytest.mark.parametrize(("lines", "how", "msgid"), [
    ({1: 4}, {}, "Only {left} of line {line} can still be refunded"),
    ({2: 1}, {}, "Receipt {number} has no line {line}"),
    ({1: 0}, {}, "Receipt {number} has nothing left to refund"),
    ({1: 1}, {"method": "promptpay"}, "Money goes back in cash or by transfer"),
])
def test_the_preview_refuses_what_the_save_refuses(demo_db: OpenedDatabase, lines: dict[int, int],
                                                    how: dict[str, str], msgid: str) -> None:
    sale = sales.commit_sale(seller(), till().id, cart_of(("KAPI-SEASONED", 3)), Money(12000))
    before = written()
    with pytest.raises(InputError) as previewed:
        refunds.plan_refund(Sale.get(Sale.uuid == sale.uuid), lines, **how)  # type: ignore[arg-type]
    with pytest.raises(InputError) as saving:
        refunds.refund_sale(treasurer(), till().id, sale.uuid, "คืน", lines=lines, **how)  # type: ignore[arg-type]
    assert previewed.value.msgid == saving.value.msgid == msgid
    assert written() == before
