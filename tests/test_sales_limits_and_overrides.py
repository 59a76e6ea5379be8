"""A sale judged by the rules of its own till's shop, a sale given away whole, and who may let an expired lot
go.  Both databases; the expected texts are the Thai catalog's (resources/translations/th), the figures are
worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from db.connection import OpenedDatabase
from db.models import Payment, Sale, Till
from pos_app import settings
from pos_app.errors import PermissionDenied
from pos_app.money import Money
from pos_app.selling import catalog, sales
from pos_app.selling.cart import Cart
from tests.stock_support import admin, buy, new_item, seller

NOON = dt.datetime(2026, 11, 24, 5, 0, tzinfo=dt.UTC)  # 12:00 in Bangkok


def _cart_of_two_jars(price_satang: int = 5000) -> Cart:
    view = catalog.by_id(new_item("KAPI", "finished", "piece", price_satang=price_satang).id)
    assert view is not None
    cart = Cart()
    cart.add(view, 2)
    return cart


def test_the_discount_limit_is_the_one_of_the_shop_the_till_belongs_to(demo_db: OpenedDatabase) -> None:
    k1 = Till.get(Till.code == "K1")  # the KAPI-STALL's till; the market (T1) keeps its default 10 %
    settings.change(admin(), "discount_limit_seller", "5", settings.Where(k1.shop_id))
    cart = _cart_of_two_jars()  # ฿100.00
    cart.set_discount(Money(600))  # 6 %: within the market's 10 %, above the stall's 5 % (฿5.00)
    with pytest.raises(PermissionDenied) as err:
        sales.commit_sale(seller(), k1.id, cart, now=NOON)
    assert str(err.value) == "ส่วนลด ฿6.00 เกินวงเงินของคุณ (฿5.00) ต้องให้ผู้จัดการใส่ PIN"
    assert Sale.select().where(Sale.uuid == cart.uuid).count() == 0


def test_a_sale_given_away_whole_is_saved_with_no_payment(demo_db: OpenedDatabase) -> None:
    cart = _cart_of_two_jars()
    cart.set_discount(Money(10000))  # the whole ฿100.00, within an administrator's 100 %
    result = sales.commit_sale(admin(), Till.get(Till.code == "T1").id, cart, now=NOON)
    assert (result.total, result.paid, result.tendered, result.change, result.method, result.payments) == (
        Money(0), Money(0), Money(0), Money(0), "", ())
    assert Payment.select().join(Sale).where(Sale.uuid == cart.uuid).count() == 0


def test_a_seller_may_not_let_an_expired_lot_go_and_is_told_so_in_thai(demo_db: OpenedDatabase) -> None:
    jar = new_item("KAPI", "finished", "piece", price_satang=5000)
    old = buy("BHS-MARKET", jar, 10, 1000, expires=dt.date(2026, 11, 23), day=dt.date(2026, 11, 1))
    view = catalog.by_id(jar.id)
    assert view is not None
    cart = Cart()
    cart.add(view, 1, lot=old.number)
    cart.lines[0].expired_ok_by = seller()
    with pytest.raises(PermissionDenied) as err:
        sales.commit_sale(seller(), Till.get(Till.code == "T1").id, cart, now=NOON)
    assert str(err.value) == "คนขายหน้าร้าน ไม่มีสิทธิ์ขายสินค้าจากล็อตที่หมดอายุ"
