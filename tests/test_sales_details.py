"""The sale service's details, each with a hand-worked expectation: refusals word for word, what a commit
publishes, cash without a tendered amount, the refund's note, and the day's list (per till, newest first)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

import db.models as m
from db.connection import OpenedDatabase
from pos_app.errors import InputError, NotFound, PermissionDenied
from pos_app.events import SaleCommitted, StockChanged, bus
from pos_app.money import Money
from pos_app.people import users
from pos_app.selling import catalog, history, refunds, sales
from pos_app.selling.cart import Cart
from pos_app.stock import ledger as stock

UTC = dt.UTC
DAY = dt.date(2026, 11, 24)


def seller() -> users.Actor:
    return users.login("somsri", "1111")


def soap() -> catalog.ItemView:
    view = next(v for v in catalog.sellable() if v.sku == "DISH-500")  # ฿25.00 a bottle
    return view


def cart_of(quantity: int = 2) -> Cart:
    cart = Cart()
    cart.add(soap(), quantity)
    return cart


def counts() -> tuple[int, ...]:
    return (m.Sale.select().count(), m.SaleLine.select().count(), m.Payment.select().count(),
            m.StockMovement.select().count(), m.JournalEntry.select().count())


def test_refusals_say_why_and_change_nothing(demo_db: OpenedDatabase) -> None:
    till = m.Till.get(m.Till.code == "T1")
    actor = seller()
    before = counts()
    with pytest.raises(InputError) as err:
        sales.commit_sale(actor, till.id, cart_of(), Money(5000), method="card")
    assert str(err.value) == "ไม่รู้จักวิธีชำระเงิน card"
    with pytest.raises(InputError) as err:
        sales.commit_sale(actor, till.id, Cart(), Money(5000))
    assert str(err.value) == "ยังไม่มีสินค้าในรายการขาย"
    with pytest.raises(NotFound) as not_found:
        sales.commit_sale(actor, 999, cart_of(), Money(5000))
    assert str(not_found.value) == "ไม่พบเครื่องขายรหัส 999"
    production = users.login("prapha", "2222")
    with pytest.raises(PermissionDenied):
        refunds.refund_sale(production, till.id, uuid.uuid4(), "x")
    treasurer = users.login("wanna", "3333")
    missing = uuid.UUID(int=7)
    with pytest.raises(NotFound) as not_found:
        refunds.refund_sale(treasurer, till.id, missing, "คืน")
    assert str(not_found.value) == "ไม่พบการขาย 00000000-0000-0000-0000-000000000007"
    with pytest.raises(InputError) as err:
        refunds.refund_sale(treasurer, till.id, missing, " \t")
    assert str(err.value) == "การคืนเงินต้องระบุเหตุผล"
    assert counts() == before
    assert m.Till.get_by_id(till.id).last_receipt_no == till.last_receipt_no


def test_a_refund_of_a_refund_is_refused(demo_db: OpenedDatabase) -> None:
    till = m.Till.get(m.Till.code == "T1")
    sale = sales.commit_sale(seller(), till.id, cart_of(), Money(5000))
    treasurer = users.login("wanna", "3333")
    refund = refunds.refund_sale(treasurer, till.id, sale.uuid, "คืน")
    with pytest.raises(NotFound):
        refunds.refund_sale(treasurer, till.id, refund.uuid, "คืนอีก")
    with pytest.raises(InputError) as err:
        refunds.refund_sale(treasurer, till.id, sale.uuid, "คืนซ้ำ")
    assert str(err.value) == f"ใบเสร็จเลขที่ {sale.number} ไม่มีรายการเหลือให้คืนแล้ว"  # all of it went back


def test_cash_without_a_tendered_amount_is_the_exact_total(demo_db: OpenedDatabase) -> None:
    till = m.Till.get(m.Till.code == "T1")
    result = sales.commit_sale(seller(), till.id, cart_of(3))
    assert (result.total, result.tendered, result.change, result.method) == (Money(7500), Money(7500), Money(0),
                                                                             "cash")
    pay = m.Payment.get(m.Payment.sale == m.Sale.get(m.Sale.uuid == result.uuid))
    assert (pay.amount_satang, pay.tendered_satang, pay.change_satang, pay.confirmed_by) == (7500, 7500, 0, None)


def test_promptpay_ignores_a_tendered_amount(demo_db: OpenedDatabase) -> None:
    till = m.Till.get(m.Till.code == "T1")
    result = sales.commit_sale(seller(), till.id, cart_of(3), Money(10000), method="promptpay")
    assert (result.tendered, result.change, result.method) == (Money(7500), Money(0), "promptpay")


def test_a_commit_publishes_the_sale_and_the_stock_it_moved(demo_db: OpenedDatabase) -> None:
    till = m.Till.get(m.Till.code == "T1")
    cart = cart_of(2)
    seen: list[object] = []
    stops = [bus.subscribe(SaleCommitted, seen.append), bus.subscribe(StockChanged, seen.append)]
    try:
        result = sales.commit_sale(seller(), till.id, cart, Money(5000))
        refund = refunds.refund_sale(users.login("wanna", "3333"), till.id, result.uuid, "คืน")
    finally:
        for stop in stops:
            stop()
    item = soap().id
    assert seen == [
        SaleCommitted(cart.uuid, till.id, result.number, 5000, "sale"), StockChanged(till.shop_id, (item,)),
        SaleCommitted(refund.uuid, till.id, result.number + 1, -5000, "refund"), StockChanged(till.shop_id, (item,)),
    ]


def test_a_long_refund_reason_is_kept_to_500_characters(demo_db: OpenedDatabase) -> None:
    till = m.Till.get(m.Till.code == "T1")
    sale = sales.commit_sale(seller(), till.id, cart_of(), Money(5000))
    reason = "  " + "ก" * 600 + "  "
    refund = refunds.refund_sale(users.login("wanna", "3333"), till.id, sale.uuid, reason)
    assert m.Sale.get(m.Sale.uuid == refund.uuid).note == "ก" * 500


def test_the_days_list_per_till_newest_first(demo_db: OpenedDatabase) -> None:
    t1, k1 = m.Till.get(m.Till.code == "T1"), m.Till.get(m.Till.code == "K1")
    kapi_shop = m.Shop.get(m.Shop.code == "KAPI-STALL")
    stock.receive(users.login("admin", "9999"), kapi_shop.id, [stock.Movement(soap().id, 10)])
    actor = seller()
    first = sales.commit_sale(actor, t1.id, cart_of(1), now=dt.datetime(2026, 11, 24, 2, 0, tzinfo=UTC))
    other = sales.commit_sale(actor, k1.id, cart_of(2), method="promptpay",
                              now=dt.datetime(2026, 11, 24, 3, 0, tzinfo=UTC))
    late = Cart()
    late.add(soap(), 1)
    late.add(next(v for v in catalog.sellable() if v.sku == "TEA-YMN"), 1)
    last = sales.commit_sale(actor, t1.id, late, Money(10000), now=dt.datetime(2026, 11, 24, 4, 0, tzinfo=UTC))
    everything = history.sales_of_day(DAY)
    assert [(s.uuid, s.number, s.kind, s.total, s.method, s.line_count) for s in everything] == [
        (last.uuid, last.number, "sale", Money(8500), "cash", 2),
        (other.uuid, 1, "sale", Money(5000), "promptpay", 1),
        (first.uuid, first.number, "sale", Money(2500), "cash", 1),
    ]
    assert [s.seller for s in everything] == ["สมศรี"] * 3
    assert everything[0].created_at == dt.datetime(2026, 11, 24, 4, 0, tzinfo=UTC)
    assert [s.uuid for s in history.sales_of_day(DAY, t1.id)] == [last.uuid, first.uuid]
    assert [s.uuid for s in history.sales_of_day(DAY, k1.id)] == [other.uuid]
    assert history.sales_of_day(DAY + dt.timedelta(days=1)) == []
