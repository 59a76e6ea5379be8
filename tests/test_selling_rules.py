"""Discounts, split payments, implausible cash, partial refunds, voids, online orders, held carts — on both
databases, every expected figure worked out by hand in the comments."""

from __future__ import annotations

import datetime as dt

import pytest

from db.connection import OpenedDatabase
from db.models import CartCancellation, OrderPayment, Payment, Sale, SaleLine, Till
from pos_app.clock import FixedClock
from pos_app.errors import InputError, NotFound, PermissionDenied
from pos_app.money import Money
from pos_app.people import users
from pos_app.selling import catalog, holds, orders, refunds, sales
from pos_app.selling.cart import Cart, percent_of
from pos_app.selling.payments import NeedsConfirmation, PaymentIn
from pos_app.stock import ledger as stock


def seller() -> users.Actor:
    return users.login("somsri", "1111")


def treasurer() -> users.Actor:
    return users.login("wanna", "3333")


def till() -> Till:
    return Till.get(Till.code == "T1")


def item(sku: str, tier: str = "retail") -> catalog.ItemView:
    view = next(v for v in catalog.sellable(tier) if v.sku == sku)
    return view


def cart_of(*lines: tuple[str, int]) -> Cart:
    cart = Cart()
    for sku, qty in lines:
        cart.add(item(sku), qty)
    return cart


def nothing_written(before: tuple[int, int]) -> bool:
    return (Sale.select().count(), Till.get(Till.code == "T1").last_receipt_no) == before


def state() -> tuple[int, int]:
    return Sale.select().count(), Till.get(Till.code == "T1").last_receipt_no


def test_percent_discounts_round_half_up_to_the_satang() -> None:
    assert percent_of(Money(6660), 1250) == Money(833)  # 12.5 % of ฿66.60 = ฿8.325 → ฿8.33
    assert percent_of(Money(6660), 1000) == Money(666)
    assert percent_of(Money(999), 5000) == Money(500)  # ฿4.995 → ฿5.00
    with pytest.raises(InputError):
        percent_of(Money(100), 10_001)


def test_a_discount_within_the_sellers_limit_is_hers_above_it_needs_a_manager(demo_db: OpenedDatabase) -> None:
    cart = cart_of(("KAPI-200", 2))  # 2 × ฿50.00 = ฿100.00; a seller may give 10 % = ฿10.00
    cart.set_discount(Money(1001))
    before = state()
    with pytest.raises(PermissionDenied):
        sales.commit_sale(seller(), till().id, cart, Money(10000))
    assert nothing_written(before)
    cart.set_discount(Money(1000))
    result = sales.commit_sale(seller(), till().id, cart, Money(10000))
    assert (result.total, result.change) == (Money(9000), Money(1000))
    assert Sale.get(Sale.uuid == cart.uuid).discount_approved_by is None

    second = cart_of(("KAPI-200", 2))
    second.set_discount(Money(2500))
    result = sales.commit_sale(seller(), till().id, second, Money(10000), approved_by=treasurer())
    saved = Sale.get(Sale.uuid == second.uuid)
    assert (saved.total_satang, saved.discount_satang) == (7500, 2500)
    approver = saved.discount_approved_by
    assert approver is not None and approver.login == "wanna"
    with pytest.raises(PermissionDenied):  # a seller cannot approve another seller
        third = cart_of(("KAPI-200", 2))
        third.set_discount(Money(2500))
        sales.commit_sale(seller(), till().id, third, Money(10000), approved_by=seller())


def test_line_discounts_cannot_exceed_the_line_and_shrink_with_the_quantity() -> None:
    view = catalog.ItemView(1, "X", "x", "x", "finished", "piece", False, Money(2500), 1)
    cart = Cart()
    cart.add(view, 3)  # ฿75.00
    with pytest.raises(InputError):
        cart.set_line_discount(0, Money(7501))
    cart.set_line_discount(0, Money(7000))
    cart.set_quantity(0, 1)  # ฿25.00 now: the ฿70.00 discount is cut to ฿25.00
    assert (cart.lines[0].discount, cart.total) == (Money(2500), Money(0))


def test_a_split_payment_is_saved_as_one_payment_per_method(demo_db: OpenedDatabase) -> None:
    cart = cart_of(("DISH-3800", 1), ("TEA-YMN", 1))  # ฿120.00 + ฿60.00 = ฿180.00
    before = state()
    with pytest.raises(InputError):  # ฿100 + ฿70 does not make ฿180
        sales.commit_sale(seller(), till().id, cart,
                          payments=[PaymentIn("cash", Money(10000)), PaymentIn("promptpay", Money(7000))])
    assert nothing_written(before)
    result = sales.commit_sale(seller(), till().id, cart, payments=[
        PaymentIn("cash", Money(10000), Money(50000)), PaymentIn("promptpay", Money(8000))])
    assert (result.method, result.change, result.paid) == ("mixed", Money(40000), Money(18000))
    rows = [(p.method, p.amount_satang, p.tendered_satang, p.change_satang, p.confirmed_by is not None)
            for p in Payment.select().join(Sale).where(Sale.uuid == cart.uuid).order_by(Payment.id)]
    assert rows == [("cash", 10000, 50000, 40000, False), ("promptpay", 8000, 8000, 0, True)]


def test_a_barcode_typed_into_the_cash_box_is_refused_and_large_change_needs_a_yes(demo_db: OpenedDatabase) -> None:
    cart = cart_of(("KAPI-WASABI", 1))  # ฿45.00
    before = state()
    with pytest.raises(InputError) as refused:
        sales.commit_sale(seller(), till().id, cart, Money.parse("8850000000034"), confirmed_large=True)
    assert not isinstance(refused.value, NeedsConfirmation)
    with pytest.raises(NeedsConfirmation):
        sales.commit_sale(seller(), till().id, cart, Money.parse("2000"))
    assert nothing_written(before)
    result = sales.commit_sale(seller(), till().id, cart, Money.parse("2000"), confirmed_large=True)
    assert result.change == Money(195500)  # ฿2,000 − ฿45 = ฿1,955.00
    ok = cart_of(("KAPI-WASABI", 1))
    assert sales.commit_sale(seller(), till().id, ok, Money.parse("1045")).change == Money(100000)  # exactly ฿1,000


def test_partial_refunds_share_the_sale_discount_and_return_exact_stock(demo_db: OpenedDatabase) -> None:
    shop = till().shop_id
    dish, tea = item("DISH-500"), item("TEA-YMN")
    start = stock.on_hand_many([dish.id, tea.id], shop)
    cart = cart_of(("DISH-500", 3), ("TEA-YMN", 1))  # ฿75.00 + ฿60.00 = ฿135.00
    cart.set_discount(Money(1350))  # 10 %: shared ฿7.50 to the soap, ฿6.00 to the tea → paid ฿67.50 + ฿54.00
    sale = sales.commit_sale(seller(), till().id, cart, Money(20000))
    assert sale.total == Money(12150)
    assert stock.on_hand_many([dish.id, tea.id], shop) == {dish.id: start[dish.id] - 3, tea.id: start[tea.id] - 1}

    with pytest.raises(PermissionDenied):
        refunds.refund_sale(seller(), till().id, sale.uuid, "แตก", lines={1: 1})
    first = refunds.refund_sale(seller(), till().id, sale.uuid, "แตก", lines={1: 1}, approved_by=treasurer())
    assert first.total == Money(-2250)  # ฿67.50 × 1/3
    assert stock.on_hand(dish.id, shop) == start[dish.id] - 2
    second = refunds.refund_sale(treasurer(), till().id, sale.uuid, "เสีย", lines={1: 2, 2: 1}, to_waste=frozenset({2}))
    assert second.total == Money(-(4500 + 5400))  # the last 2 soaps take the ฿45.00 left; the tea ฿54.00
    assert stock.on_hand_many([dish.id, tea.id], shop) == {dish.id: start[dish.id], tea.id: start[tea.id] - 1}
    with pytest.raises(InputError):
        refunds.refund_sale(treasurer(), till().id, sale.uuid, "again", lines={1: 1})
    refunded = [(ln.quantity, ln.amount_satang) for ln in SaleLine.select().join(Sale)
                .where(Sale.refund_of == Sale.get(Sale.uuid == sale.uuid).id).order_by(Sale.id, SaleLine.line_no)]
    assert refunded == [(-1, -2250), (-2, -4500), (-1, -5400)]
    assert sum(a for _q, a in refunded) == -12150  # everything paid came back, to the satang


def test_a_void_is_for_todays_sales_only(demo_db: OpenedDatabase, clock: FixedClock) -> None:
    old = sales.commit_sale(seller(), till().id, cart_of(("TEA-YMN", 1)), Money(6000))
    clock.advance(dt.timedelta(days=1))
    with pytest.raises(InputError):
        refunds.refund_sale(treasurer(), till().id, old.uuid, "ผิด", void=True)
    fresh = sales.commit_sale(seller(), till().id, cart_of(("TEA-YMN", 2)), Money(12000))
    with pytest.raises(PermissionDenied):
        refunds.refund_sale(seller(), till().id, fresh.uuid, "ผิด", void=True)
    void = refunds.refund_sale(seller(), till().id, fresh.uuid, "สแกนซ้ำ", void=True, approved_by=treasurer())
    assert void.total == Money(-12000)
    assert Sale.get(Sale.uuid == void.uuid).reversal == "void"


def test_an_online_order_is_pending_until_paid_and_its_money_enters_on_the_day_it_arrives(
        demo_db: OpenedDatabase, clock: FixedClock) -> None:
    cart = cart_of(("KAPI-SEASONED", 3))  # 3 × ฿40.00 = ฿120.00
    cart.set_channel("online", "คุณมาลี", "")
    with pytest.raises(InputError):
        sales.commit_sale(seller(), till().id, cart, payments=[])
    cart.set_channel("online", "คุณมาลี", "0812345678")
    sale = sales.commit_sale(seller(), till().id, cart, payments=[])
    assert [(o.number, o.due) for o in orders.pending_orders()] == [(sale.number, Money(12000))]
    clock.set(dt.datetime(2026, 11, 26, 2, 0, tzinfo=dt.UTC))  # 09:00 Bangkok two days later
    orders.pay_order(seller(), sale.uuid, [PaymentIn("transfer", Money(5000))])
    assert [o.due for o in orders.pending_orders()] == [Money(7000)]
    orders.pay_order(seller(), sale.uuid, [PaymentIn("cash", Money(7000), Money(10000))])
    assert orders.pending_orders() == []
    assert Payment.select().join(Sale).where(Sale.uuid == sale.uuid).count() == 0  # the order itself is unchanged
    days = [(p.method, p.amount_satang, p.business_date) for p in OrderPayment.select().order_by(OrderPayment.id)
            if p.sale_uuid == sale.uuid]
    assert days == [("transfer", 5000, dt.date(2026, 11, 26)), ("cash", 7000, dt.date(2026, 11, 26))]
    with pytest.raises(InputError):
        orders.pay_order(seller(), sale.uuid, [PaymentIn("cash", Money(100))])


def test_a_cancelled_online_order_leaves_the_pending_list(demo_db: OpenedDatabase) -> None:
    cart = cart_of(("TEA-YMN", 1))
    cart.set_channel("online", "คุณแดง", "0899999999")
    sale = sales.commit_sale(seller(), till().id, cart, payments=[])
    void = refunds.refund_sale(treasurer(), till().id, sale.uuid, "ลูกค้ายกเลิก", void=True)
    assert (void.total, void.paid) == (Money(-6000), Money(0))  # nothing was paid, nothing goes back
    assert orders.pending_orders() == []


def test_hold_recall_and_cancel_a_cart(demo_db: OpenedDatabase) -> None:
    me = seller()
    cart = cart_of(("KAPI-200", 2), ("DRINK-YMN", 1))
    cart.set_line_discount(0, Money(500))
    holds.hold(me, till().id, cart, "ป้าศรี")
    assert [(h.label, h.line_count) for h in holds.held(till().id, me)] == [("ป้าศรี", 2)]
    assert holds.held(till().id, treasurer()) == []  # a held cart belongs to its seller
    with pytest.raises(NotFound):
        holds.recall(treasurer(), till().id, cart.uuid)
    back = holds.recall(me, till().id, cart.uuid)
    assert back.uuid == cart.uuid and back.total == Money(10000 - 500 + 2000)
    assert holds.held(till().id, me) == []
    holds.cancel(me, till().id, back, "ลูกค้าไม่เอา")
    row = CartCancellation.get()
    assert (row.total_satang, row.reason, row.seller.login) == (11500, "ลูกค้าไม่เอา", "somsri")


def test_the_books_verify_with_discounts_split_payments_refunds_and_orders_paid_later(
        demo_db: OpenedDatabase, clock: FixedClock) -> None:
    from pos_app.trust.verify import verify

    cart = cart_of(("DISH-500", 3), ("TEA-YMN", 1))
    cart.set_line_discount(1, Money(500))
    cart.set_discount(Money(500))
    sale = sales.commit_sale(seller(), till().id, cart, payments=[
        PaymentIn("cash", Money(5000)), PaymentIn("promptpay", Money(7500))])  # ฿75 + (฿60 − ฿5) − ฿5 = ฿125
    refunds.refund_sale(treasurer(), till().id, sale.uuid, "แตก", lines={1: 1})
    order = cart_of(("KAPI-SEASONED", 2))
    order.set_channel("online", "คุณมาลี", "0812345678")
    placed = sales.commit_sale(seller(), till().id, order, payments=[])
    orders.pay_order(seller(), placed.uuid, [PaymentIn("transfer", Money(3000))])
    dropped = cart_of(("TEA-YMN", 1))
    dropped.set_channel("online", "คุณแดง", "0899999999")
    unpaid = sales.commit_sale(seller(), till().id, dropped, payments=[])
    refunds.refund_sale(treasurer(), till().id, unpaid.uuid, "ลูกค้ายกเลิก", void=True)
    report = verify()
    assert report.kinds() == set(), [p.message for p in report.problems]
    assert report.ok
