"""A sale saved twice (a double click, a retry after a lost reply) answers with the sale already saved, read
back from the database field by field; who took each payment; an online order's refusal.  Both databases;
every expected figure worked out by hand from the demo prices (DISH-500 ฿25.00, TEA-YMN ฿60.00, KAPI-KG
฿200.00 a kilogram)."""

from __future__ import annotations

import datetime as dt

import pytest

from db.connection import OpenedDatabase
from db.models import Barcode, Item, Payment, Sale, Till
from pos_app.errors import InputError
from pos_app.money import Money
from pos_app.selling import catalog, sales
from pos_app.selling.cart import Cart
from pos_app.selling.payments import PaymentIn
from tests.stock_support import seller

NOON = dt.datetime(2026, 11, 24, 5, 0, tzinfo=dt.UTC)  # 12:00 in Bangkok


def _t1() -> Till:
    return Till.get(Till.code == "T1")


def _cart() -> Cart:
    codes = {b.item.sku: b.code for b in Barcode.select(Barcode, Item).join(Item)}
    cart = Cart()
    cart.add(catalog.by_barcode(codes["DISH-500"]))  # type: ignore[arg-type]  # ฿25.00
    cart.add(catalog.by_barcode(codes["TEA-YMN"]), 2)  # type: ignore[arg-type]  # ฿120.00
    kapi = next(v for v in catalog.sellable() if v.sku == "KAPI-KG")
    cart.add(kapi, 333)  # 333 g at ฿200.00/kg = ฿66.60
    return cart  # ฿211.60


def test_a_split_payment_saved_twice_answers_with_the_saved_sale(demo_db: OpenedDatabase) -> None:
    cart, till = _cart(), _t1()
    pays = [PaymentIn("cash", Money(10000), Money(15000)), PaymentIn("promptpay", Money(11160))]
    first = sales.commit_sale(seller(), till.id, cart, payments=pays, now=NOON)
    again = sales.commit_sale(seller(), till.id, cart, payments=pays, now=NOON + dt.timedelta(minutes=1))
    assert (first.method, first.paid, first.tendered, first.change) == (
        "mixed", Money(21160), Money(26160), Money(5000))
    assert (again.uuid, again.kind, again.till_id, again.number, again.created_at, again.total) == (
        cart.uuid, "sale", till.id, first.number, NOON, Money(21160))
    assert (again.method, again.paid, again.tendered, again.change, again.stock_after, again.already_saved) == (
        "mixed", Money(21160), Money(15000 + 11160), Money(5000), {}, True)
    assert again.payments == (PaymentIn("cash", Money(10000), Money(15000)),
                              PaymentIn("promptpay", Money(11160), Money(11160)))


def test_one_method_saved_twice_names_it(demo_db: OpenedDatabase) -> None:
    cart, till = _cart(), _t1()
    sales.commit_sale(seller(), till.id, cart, method="promptpay", now=NOON)
    again = sales.commit_sale(seller(), till.id, cart, method="promptpay", now=NOON)
    assert (again.method, again.paid, again.tendered, again.change, again.already_saved) == (
        "promptpay", Money(21160), Money(21160), Money(0), True)


def test_an_unpaid_online_order_has_no_method_and_is_saved_once(demo_db: OpenedDatabase) -> None:
    cart, till = _cart(), _t1()
    cart.set_channel("online", "คุณมาลี", "0812345678")
    first = sales.commit_sale(seller(), till.id, cart, payments=[], now=NOON)
    again = sales.commit_sale(seller(), till.id, cart, payments=[], now=NOON)
    assert (first.method, first.paid, first.tendered, first.change, first.payments) == (
        "", Money(0), Money(0), Money(0), ())
    assert (again.method, again.paid, again.tendered, again.change, again.payments, again.already_saved) == (
        "", Money(0), Money(0), Money(0), (), True)
    saved = Sale.get(Sale.uuid == cart.uuid)
    assert (saved.channel, saved.customer_name, saved.customer_phone, saved.total_satang) == (
        "online", "คุณมาลี", "0812345678", 21160)


def test_an_online_order_without_the_customers_phone_is_refused_in_thai(demo_db: OpenedDatabase) -> None:
    cart = _cart()
    cart.set_channel("online", "คุณมาลี", "")
    with pytest.raises(InputError) as err:
        sales.commit_sale(seller(), _t1().id, cart, payments=[], now=NOON)
    assert str(err.value) == "คำสั่งซื้อออนไลน์ต้องมีชื่อและเบอร์โทรของลูกค้า"


def test_each_payment_names_who_took_it_and_who_confirmed_a_promptpay(demo_db: OpenedDatabase) -> None:
    cart, till, somsri = _cart(), _t1(), seller()
    pays = [PaymentIn("cash", Money(10000), Money(10000)), PaymentIn("promptpay", Money(11160))]
    sales.commit_sale(somsri, till.id, cart, payments=pays, now=NOON)
    rows = list(Payment.select(Payment.method, Payment.amount_satang, Payment.tendered_satang, Payment.change_satang,
                               Payment.received_by, Payment.confirmed_by, Payment.business_date)
                .join(Sale).where(Sale.uuid == cart.uuid).order_by(Payment.id).tuples())
    assert rows == [("cash", 10000, 10000, 0, somsri.user_id, None, dt.date(2026, 11, 24)),
                    ("promptpay", 11160, 11160, 0, somsri.user_id, somsri.user_id, dt.date(2026, 11, 24))]


def test_a_long_name_phone_and_note_are_cut_to_what_the_sale_keeps(demo_db: OpenedDatabase) -> None:
    cart = _cart()
    cart.set_channel("online", "ม" * 250, "0" * 40)
    cart.note = "น" * 600
    sales.commit_sale(seller(), _t1().id, cart, payments=[], now=NOON)
    saved = Sale.get(Sale.uuid == cart.uuid)
    assert (saved.customer_name, saved.customer_phone, saved.note) == ("ม" * 200, "0" * 32, "น" * 500)
