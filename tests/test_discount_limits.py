"""Who may give how much discount, without a database: the limit is 10 % of the sale before discounts for a
seller or a production lead, 100 % for a treasurer or the admin, rounded down to the satang; above it a
manager approves.  Every figure worked out by hand."""

from __future__ import annotations

import uuid

import pytest

from pos_app.errors import PermissionDenied
from pos_app.money import Money
from pos_app.people.users import Actor
from pos_app.selling.cart import Cart
from pos_app.selling.catalog import ItemView
from pos_app.selling.discounts import check_discount, limit_for


def person(role: str, login: str) -> Actor:
    return Actor(1, uuid.uuid4(), login, login, role)


SELLER, LEAD = person("seller", "somsri"), person("production", "prapha")
TREASURER, ADMIN = person("treasurer", "wanna"), person("admin", "admin")


def cart_of(*satang: int) -> Cart:
    cart = Cart()
    for n, price in enumerate(satang, start=1):
        cart.add(ItemView(n, f"S{n}", "สินค้า", "Item", "finished", "piece", False, Money(price), 1, 1))
    return cart


@pytest.mark.parametrize(("role", "satang"), [
    ("seller", 1100), ("production", 1100), ("treasurer", 11000), ("admin", 11000), ("visitor", 0)])
def test_the_limit_of_each_role_on_a_110_baht_sale(role: str, satang: int) -> None:
    assert limit_for(role, cart_of(5000, 6000)) == Money(satang)


def test_the_limit_is_rounded_down_and_taken_before_discounts() -> None:
    cart = cart_of(12345)  # 10 % is 1234.5 satang → 1234
    assert limit_for("seller", cart) == Money(1234)
    cart.set_line_discount(0, Money(1000))
    cart.set_discount(Money(100))
    assert limit_for("seller", cart) == Money(1234)  # still 10 % of ฿123.45, not of what is left


def test_within_the_limit_nobody_needs_to_approve() -> None:
    cart = cart_of(5000, 6000)
    assert check_discount(SELLER, cart, None) is None  # no discount at all
    assert check_discount(person("visitor", "x"), cart, None) is None  # no discount: nothing to approve
    cart.set_line_discount(0, Money(600))
    cart.set_discount(Money(500))  # ฿11.00 in all: exactly the seller's limit
    assert check_discount(SELLER, cart, TREASURER) is None  # an approver at hand is not recorded
    cart.set_discount(Money(10400))  # everything off: within a treasurer's own limit
    assert check_discount(TREASURER, cart, None) is None
    assert check_discount(ADMIN, cart, None) is None


def test_above_the_limit_a_manager_approves() -> None:
    cart = cart_of(5000, 6000)
    cart.set_discount(Money(1101))  # one satang above ฿11.00
    for approver in (None, SELLER, LEAD):
        with pytest.raises(PermissionDenied) as err:
            check_discount(SELLER, cart, approver)
        assert str(err.value) == "ส่วนลด ฿11.01 เกินวงเงินของคุณ (฿11.00) ต้องให้ผู้จัดการใส่ PIN"
    assert check_discount(SELLER, cart, TREASURER) is TREASURER
    assert check_discount(LEAD, cart, ADMIN) is ADMIN
    with pytest.raises(PermissionDenied) as err:
        check_discount(person("visitor", "x"), _with_discount(cart_of(100), 1), None)
    assert str(err.value) == "ส่วนลด ฿0.01 เกินวงเงินของคุณ (฿0.00) ต้องให้ผู้จัดการใส่ PIN"


def _with_discount(cart: Cart, satang: int) -> Cart:
    cart.set_discount(Money(satang))
    return cart
