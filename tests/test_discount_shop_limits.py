"""A shop's own discount limits (the settings ``discount_limit_seller`` / ``discount_limit_production``) as
``check_discount`` and ``limit_for`` apply them: each shop its own, each role its own, 0 % meaning every
discount needs a manager, a role without a setting keeping its built-in limit.  Both databases; every
figure worked out by hand, the refusal's text is the Thai catalog's."""

from __future__ import annotations

import uuid

import pytest

from db.connection import OpenedDatabase
from db.models import Till
from pos_app import settings
from pos_app.errors import PermissionDenied
from pos_app.money import Money
from pos_app.people.users import Actor
from pos_app.selling.cart import Cart
from pos_app.selling.catalog import ItemView
from pos_app.selling.discounts import check_discount, limit_for, limit_share
from tests.stock_support import admin


def person(role: str, login: str) -> Actor:
    return Actor(1, uuid.uuid4(), login, login, role)


SELLER, LEAD = person("seller", "somsri"), person("production", "prapha")
TREASURER = person("treasurer", "wanna")


def cart_of(*satang: int) -> Cart:
    cart = Cart()
    for n, price in enumerate(satang, start=1):
        cart.add(ItemView(n, f"S{n}", "สินค้า", "Item", "finished", "piece", False, Money(price), 1, 1))
    return cart


def stall_and_market() -> tuple[int, int]:
    """The KAPI stall's shop (its till K1) and the market's (T1): two shops of the demo network."""
    stall, market = Till.get(Till.code == "K1").shop_id, Till.get(Till.code == "T1").shop_id
    assert stall != market
    return stall, market


def test_a_shops_own_limit_is_the_one_applied(demo_db: OpenedDatabase) -> None:
    stall, market = stall_and_market()
    settings.change(admin(), "discount_limit_seller", "5", settings.Where(stall))
    assert (limit_share("seller", stall), limit_share("seller", market), limit_share("seller")) == (500, 1000, 1000)
    cart = cart_of(4000, 6000)  # ฿100.00: 5 % = ฿5.00 at the stall, 10 % = ฿10.00 at the market
    assert (limit_for("seller", cart, stall), limit_for("seller", cart, market)) == (Money(500), Money(1000))
    cart.set_discount(Money(500))  # exactly the stall's 5 %
    assert check_discount(SELLER, cart, None, stall) is None
    cart.set_discount(Money(501))  # one satang above it, well within the market's 10 %
    assert check_discount(SELLER, cart, None, market) is None
    with pytest.raises(PermissionDenied) as err:
        check_discount(SELLER, cart, None, stall)
    assert str(err.value) == "ส่วนลด ฿5.01 เกินวงเงินของคุณ (฿5.00) ต้องให้ผู้จัดการใส่ PIN"
    assert check_discount(SELLER, cart, TREASURER, stall) is TREASURER


def test_each_role_has_its_own_setting(demo_db: OpenedDatabase) -> None:
    stall, _market = stall_and_market()
    settings.change(admin(), "discount_limit_production", "12.5", settings.Where(stall))
    assert (limit_share("production", stall), limit_share("seller", stall)) == (1250, 1000)
    cart = cart_of(12349)  # 12.5 % of ฿123.49 = 1543.625 satang → ฿15.43 (down); 10 % = 1234.9 → ฿12.34
    assert limit_for("production", cart, stall) == Money(1543)
    assert limit_for("seller", cart, stall) == Money(1234)
    cart.set_discount(Money(1543))
    assert check_discount(LEAD, cart, None, stall) is None
    with pytest.raises(PermissionDenied) as err:
        check_discount(SELLER, cart, None, stall)
    assert str(err.value) == "ส่วนลด ฿15.43 เกินวงเงินของคุณ (฿12.34) ต้องให้ผู้จัดการใส่ PIN"
    cart.set_discount(Money(1544))
    with pytest.raises(PermissionDenied) as err:
        check_discount(LEAD, cart, SELLER, stall)  # a seller may not approve it either
    assert str(err.value) == "ส่วนลด ฿15.44 เกินวงเงินของคุณ (฿15.43) ต้องให้ผู้จัดการใส่ PIN"


def test_a_limit_of_nought_sends_every_discount_to_a_manager(demo_db: OpenedDatabase) -> None:
    stall, _market = stall_and_market()
    settings.change(admin(), "discount_limit_seller", "0", settings.Where(stall))
    assert limit_share("seller", stall) == 0
    cart = cart_of(5000)
    assert check_discount(SELLER, cart, None, stall) is None  # no discount: nothing to approve
    cart.set_discount(Money(1))
    with pytest.raises(PermissionDenied) as err:
        check_discount(SELLER, cart, None, stall)
    assert str(err.value) == "ส่วนลด ฿0.01 เกินวงเงินของคุณ (฿0.00) ต้องให้ผู้จัดการใส่ PIN"


def test_a_role_without_a_setting_keeps_its_built_in_limit(demo_db: OpenedDatabase) -> None:
    stall, _market = stall_and_market()
    settings.change(admin(), "discount_limit_seller", "5", settings.Where(stall))
    assert (limit_share("treasurer", stall), limit_share("admin", stall), limit_share("visitor", stall)) == (
        10_000, 10_000, 0)
    cart = cart_of(5000, 6000)
    cart.set_discount(Money(11000))  # everything off: within a treasurer's own 100 %
    assert check_discount(TREASURER, cart, None, stall) is None


def test_the_limit_is_rounded_down_to_the_satang() -> None:
    # 10 % of ฿123.49 = 1234.9 satang and of ฿123.55 = 1235.5: down to ฿12.34 and ฿12.35, never up
    assert limit_for("seller", cart_of(12349)) == Money(1234)
    assert limit_for("seller", cart_of(12355)) == Money(1235)
    assert limit_for("seller", Cart()) == Money(0)  # an empty sale: nothing may be given
