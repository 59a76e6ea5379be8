"""Sales as a till makes them, on both databases, with every expected number written out by hand.

A fresh item ("TEST-SOAP", ฿35.00 a bottle, and "TEST-KAPI", ฿120.00 per kg) is added to the demo network
and given known stock in both demo shops, so stock before and after each document is a literal, not a
second reading of the ledger.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest

import db.models as m
from db.connection import OpenedDatabase
from pos_app.clock import FixedClock
from pos_app.money import Money
from pos_app.people import users
from pos_app.selling import catalog, history, refunds, sales
from pos_app.selling.cart import Cart
from pos_app.stock import ledger as stock

PLUS_7 = dt.timezone(dt.timedelta(hours=7))
Goods = tuple[catalog.ItemView, catalog.ItemView]


def seller() -> users.Actor:
    return users.login("somsri", "1111")


def treasurer() -> users.Actor:
    return users.login("wanna", "3333")


def admin() -> users.Actor:
    return users.login("admin", "9999")


def new_item(sku: str, price: int, per: int = 1, by_weight: bool = False) -> catalog.ItemView:
    item = m.Item.create(sku=sku, kind="finished", base_unit="g" if by_weight else "piece", name_th=sku,
                       name_en=sku, group=m.NetworkGroup.get(m.NetworkGroup.code == "BHS"), sold_by_weight=by_weight)
    m.ItemPrice.create(item=item, tier=m.PriceTier.get(m.PriceTier.code == "retail"), price_satang=price,
                     per_quantity=per)
    view = catalog.by_id(item.id)
    assert view is not None
    return view


def market() -> m.Shop:
    return m.Shop.get(m.Shop.code == "BHS-MARKET")


def kapi_stall() -> m.Shop:
    return m.Shop.get(m.Shop.code == "KAPI-STALL")


@pytest.fixture
def goods(demo_db: OpenedDatabase) -> Goods:
    """TEST-SOAP: 100 bottles at the market, 40 at the kapi stall; TEST-KAPI: 5,000 g at the market."""
    soap = new_item("TEST-SOAP", 3500)
    kapi = new_item("TEST-KAPI", 12000, per=1000, by_weight=True)
    stock.receive(admin(), market().id, [stock.Movement(soap.id, 100), stock.Movement(kapi.id, 5000)])
    stock.receive(admin(), kapi_stall().id, [stock.Movement(soap.id, 40)])
    return soap, kapi


def test_on_hand_is_per_shop_not_the_whole_network(goods: Goods) -> None:
    soap, kapi = goods
    assert stock.on_hand(soap.id, market().id) == 100
    assert stock.on_hand(soap.id, kapi_stall().id) == 40
    assert stock.on_hand(kapi.id, kapi_stall().id) == 0
    assert stock.on_hand_many([soap.id, kapi.id], market().id) == {soap.id: 100, kapi.id: 5000}
    assert stock.on_hand_many([soap.id, kapi.id], kapi_stall().id) == {soap.id: 40, kapi.id: 0}


def test_three_sales_in_a_row_on_one_cart(goods: Goods) -> None:
    soap, kapi = goods
    till = m.Till.get(m.Till.code == "T1")
    start = till.last_receipt_no
    cart = Cart()
    results = []
    for bottles, grams in [(1, 333), (2, 250), (3, 1001)]:
        cart.add(soap, bottles)
        cart.add(kapi, grams)
        results.append(sales.commit_sale(seller(), till.id, cart, Money(100000)))
        cart.clear()
    # ฿35.00 + 333 g × ฿120.00/kg (฿39.96); 2 × ฿35.00 + ฿30.00; 3 × ฿35.00 + 1001 g (฿120.12)
    assert [r.total for r in results] == [Money(7496), Money(10000), Money(22512)]
    assert [r.number for r in results] == [start + 1, start + 2, start + 3]
    assert [r.already_saved for r in results] == [False, False, False]
    assert len({r.uuid for r in results}) == 3
    assert [r.change for r in results] == [Money(92504), Money(90000), Money(77488)]
    assert [r.stock_after for r in results] == [
        {soap.id: 99, kapi.id: 4667}, {soap.id: 97, kapi.id: 4417}, {soap.id: 94, kapi.id: 3416}]
    saved = [m.Sale.get(m.Sale.uuid == r.uuid) for r in results]
    assert [s.total_satang for s in saved] == [7496, 10000, 22512]
    assert stock.on_hand(soap.id, market().id) == 94
    assert stock.on_hand(kapi.id, market().id) == 3416
    assert stock.on_hand(soap.id, kapi_stall().id) == 40  # the other shop's stock is untouched


def test_a_refund_puts_back_exactly_what_was_sold(goods: Goods) -> None:
    soap, kapi = goods
    till = m.Till.get(m.Till.code == "T1")
    cart = Cart()
    cart.add(soap, 4)
    cart.add(kapi, 750)  # ฿140.00 + ฿90.00
    sale = sales.commit_sale(seller(), till.id, cart, Money(23000))
    assert sale.stock_after == {soap.id: 96, kapi.id: 4250}
    assert sale.total == Money(23000) and sale.change == Money(0)
    refund = refunds.refund_sale(treasurer(), till.id, sale.uuid, "ขวดรั่ว")
    assert refund.stock_after == {soap.id: 100, kapi.id: 5000}
    assert (refund.kind, refund.total, refund.tendered, refund.change, refund.method) == (
        "refund", Money(-23000), Money(-23000), Money(0), "cash")
    assert refund.number == sale.number + 1
    assert stock.on_hand(soap.id, market().id) == 100
    assert stock.on_hand(kapi.id, market().id) == 5000
    assert stock.on_hand(soap.id, kapi_stall().id) == 40
    moves = sorted((m.kind, m.item_id, m.quantity) for m in m.StockMovement.select()
                   .where(m.StockMovement.document_uuid.in_([sale.uuid, refund.uuid])))
    assert moves == sorted([("sale", soap.id, -4), ("sale", kapi.id, -750),
                            ("refund", soap.id, 4), ("refund", kapi.id, 750)])
    doc = m.Sale.get(m.Sale.uuid == refund.uuid)
    assert (doc.kind, doc.total_satang, doc.note, doc.refund_of.uuid) == ("refund", -23000, "ขวดรั่ว", sale.uuid)
    lines = [(ln.line_no, ln.item_id, ln.quantity, ln.amount_satang)
             for ln in m.SaleLine.select().where(m.SaleLine.sale == doc).order_by(m.SaleLine.line_no)]
    assert lines == [(1, soap.id, -4, -14000), (2, kapi.id, -750, -9000)]
    pay = m.Payment.get(m.Payment.sale == doc)
    assert (pay.method, pay.amount_satang, pay.tendered_satang, pay.change_satang) == ("cash", -23000, -23000, 0)


def test_a_refund_saved_twice_is_one_refund(goods: Goods) -> None:
    soap, _ = goods
    till = m.Till.get(m.Till.code == "T1")
    cart = Cart()
    cart.add(soap, 2)
    sale = sales.commit_sale(seller(), till.id, cart, Money(7000))
    key = uuid.uuid4()
    first = refunds.refund_sale(treasurer(), till.id, sale.uuid, "คืน", refund_uuid=key)
    again = refunds.refund_sale(treasurer(), till.id, sale.uuid, "คืน", refund_uuid=key)
    assert (first.uuid, first.already_saved) == (key, False)
    assert (again.uuid, again.number, again.already_saved, again.total) == (key, first.number, True, Money(-7000))
    assert stock.on_hand(soap.id, market().id) == 100


@pytest.mark.parametrize(
    ("bangkok", "day"),
    [
        (dt.datetime(2026, 11, 24, 23, 59, tzinfo=PLUS_7), dt.date(2026, 11, 24)),
        (dt.datetime(2026, 11, 25, 0, 1, tzinfo=PLUS_7), dt.date(2026, 11, 25)),
        (dt.datetime(2026, 11, 25, 6, 59, tzinfo=PLUS_7), dt.date(2026, 11, 25)),
    ],
)
def test_a_sale_near_midnight_belongs_to_the_bangkok_day(goods: Goods, clock: FixedClock, bangkok: dt.datetime,
                                                         day: dt.date) -> None:
    soap, _ = goods
    actor, till = seller(), m.Till.get(m.Till.code == "T1")
    cart = Cart()
    cart.add(soap)
    clock.set(bangkok)  # the clock steps a second per reading: the sale is stamped within seconds of it
    result = sales.commit_sale(actor, till.id, cart, Money(3500))
    assert bangkok <= result.created_at < bangkok + dt.timedelta(seconds=30)
    saved = m.Sale.get(m.Sale.uuid == result.uuid)
    assert (saved.business_date, saved.created_at) == (day, result.created_at)
    listed = history.sales_of_day(day)
    assert [(s.uuid, s.total, s.method, s.line_count) for s in listed] == [(result.uuid, Money(3500), "cash", 1)]
    assert result.uuid not in {s.uuid for s in history.sales_of_day(day - dt.timedelta(days=1))}


def test_the_journal_entry_holds_the_sale(goods: Goods, clock: FixedClock) -> None:
    soap, kapi = goods
    at = dt.datetime(2026, 11, 24, 5, 30, tzinfo=dt.UTC)  # 12:30 Bangkok
    till = m.Till.get(m.Till.code == "T1")
    cart = Cart()
    cart.add(soap, 2)
    cart.add(kapi, 333)
    sale = sales.commit_sale(seller(), till.id, cart, Money(20000), now=at)
    entry = m.JournalEntry.get(m.JournalEntry.doc_uuid == sale.uuid)
    assert (entry.doc_type, entry.created_at, entry.till_id, entry.user.login) == ("sale", at, till.id, "somsri")
    values = json.loads(entry.summary)
    assert values["total"] == 10996  # 2 × ฿35.00 + ฿39.96
    assert values["number"] == sale.number and values["till"] == "T1"  # by code, never a local id
    assert values["user"] == "somsri" and values["at"] == "2026-11-24T05:30:00+00:00"
    assert values["lines"] == [["TEST-SOAP", 2, 3500, 7000, 0], ["TEST-KAPI", 333, 12000, 3996, 0]]
    refund = refunds.refund_sale(treasurer(), till.id, sale.uuid, "ลูกค้าคืน", now=at + dt.timedelta(minutes=5))
    entry = m.JournalEntry.get(m.JournalEntry.doc_uuid == refund.uuid)
    values = json.loads(entry.summary)
    assert (entry.doc_type, values["total"], values["user"], values["reason"]) == ("refund", -10996, "wanna",
                                                                                   "ลูกค้าคืน")
    assert values["refund_of"] == str(sale.uuid)
    assert values["at"] == "2026-11-24T05:35:00+00:00"
