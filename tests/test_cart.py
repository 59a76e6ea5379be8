"""The cart without a database: lines, merging scans, weights, quantities, totals, change, a new UUID per sale.

Every expected amount below is worked out by hand (price × quantity ÷ per-quantity, rounded half up to a
satang) and written as a literal.
"""

from __future__ import annotations

import uuid

import pytest

from pos_app.errors import InputError
from pos_app.money import Money
from pos_app.selling.cart import MAX_QUANTITY, Cart, CartLine, percent_of
from pos_app.selling.catalog import ItemView


def item(item_id: int = 1, price: int = 2500, per: int = 1, by_weight: bool = False, scan: int = 1) -> ItemView:
    unit = "g" if by_weight else "piece"
    return ItemView(item_id, f"SKU-{item_id}", "สินค้า", "Item", "finished", unit, by_weight, Money(price), per, scan)


SOAP = item(1, 2500)  # ฿25.00 a bottle
TEA = item(2, 6000)  # ฿60.00 a pack
KAPI = item(3, 12000, per=1000, by_weight=True)  # ฿120.00 per kg, sold in grams
DISCOUNT_RANGE = "ส่วนลดต้องอยู่ระหว่าง 0 ถึง 100 เปอร์เซ็นต์"


@pytest.mark.parametrize(
    ("price", "per", "grams", "satang"),
    [
        (12000, 1000, 333, 3996),  # ฿120.00/kg × 333 g = ฿39.96 exactly
        (20000, 1000, 333, 6660),  # ฿200.00/kg × 333 g = ฿66.60
        (4500, 1000, 111, 500),  # ฿45.00/kg × 111 g = 499.5 satang → ฿5.00 (half up)
        (4500, 1000, 113, 509),  # 508.5 satang → ฿5.09 (half up)
        (4500, 1000, 109, 491),  # 490.5 satang → ฿4.91 (half up, not half even)
        (12000, 1000, 1, 12),  # one gram: 12 satang
        (3333, 1000, 7, 23),  # 23.331 satang → 23 (down)
        (3333, 1000, 17, 57),  # 56.661 satang → 57 (up)
        (9900, 500, 1250, 24750),  # ฿99.00 per 500 g × 1.25 kg = ฿247.50
        (12000, 1000, 2507, 30084),  # 2.507 kg × ฿120.00 = ฿300.84
    ],
)
def test_amount_by_weight_at_weights_that_are_not_round(price: int, per: int, grams: int, satang: int) -> None:
    cart = Cart()
    cart.add(item(9, price, per, by_weight=True), grams)
    assert cart.lines[0].amount == Money(satang)
    assert cart.total == Money(satang)


def test_amount_by_the_piece() -> None:
    assert CartLine(SOAP, 3).amount == Money(7500)
    assert CartLine(TEA, 1).amount == Money(6000)


def test_total_is_the_sum_of_the_lines() -> None:
    cart = Cart()
    cart.add(SOAP)  # 25.00
    cart.add(TEA, 2)  # 120.00
    cart.add(KAPI, 333)  # 39.96
    assert cart.total == Money(18496)
    assert Cart().total == Money(0)


def test_scanning_the_same_item_again_adds_to_its_line() -> None:
    cart = Cart()
    assert cart.add(SOAP) == 0
    assert cart.add(TEA) == 1
    assert cart.add(SOAP) == 0
    assert cart.add(SOAP, 3) == 0
    assert [(line.item.id, line.quantity) for line in cart.lines] == [(1, 5), (2, 1)]


def test_the_same_item_at_another_price_is_its_own_line() -> None:
    cart = Cart()
    cart.add(SOAP)
    cheaper = item(1, 2200)
    assert cart.add(cheaper) == 1
    assert [(line.item.price, line.quantity) for line in cart.lines] == [(Money(2500), 1), (Money(2200), 1)]
    assert cart.total == Money(4700)


def test_each_weighing_is_a_line_of_its_own() -> None:
    cart = Cart()
    assert cart.add(KAPI, 250) == 0
    assert cart.add(KAPI, 333) == 1
    assert [line.quantity for line in cart.lines] == [250, 333]
    assert cart.total == Money(3000 + 3996)


def test_one_scan_adds_what_the_barcode_means() -> None:
    six_pack = item(4, 2000, scan=6)  # a barcode on a pack of six bottles
    cart = Cart()
    cart.add(six_pack)
    cart.add(six_pack)
    assert cart.lines[0].quantity == 12
    assert cart.total == Money(24000)


@pytest.mark.parametrize("bad", [0, -1, -250])
def test_a_quantity_must_be_more_than_zero(bad: int) -> None:
    cart = Cart()
    with pytest.raises(InputError) as err:
        cart.add(SOAP, bad)
    assert str(err.value) == "จำนวนต้องมากกว่าศูนย์"
    assert cart.is_empty
    cart.add(SOAP)
    with pytest.raises(InputError):
        cart.set_quantity(0, bad)
    assert cart.lines[0].quantity == 1


@pytest.mark.parametrize("bad", [True, 1.5, "2"])
def test_a_quantity_is_an_integer(bad: object) -> None:
    cart = Cart()
    with pytest.raises(TypeError):
        cart.add(SOAP, bad)  # type: ignore[arg-type]
    assert cart.is_empty


def test_the_largest_quantity_is_allowed_and_one_more_is_not() -> None:
    assert MAX_QUANTITY == 1_000_000_000
    cart = Cart()
    cart.add(SOAP, 1_000_000_000)
    with pytest.raises(InputError) as err:
        cart.add(TEA, 1_000_000_001)
    assert "1000000001" in str(err.value)
    with pytest.raises(InputError):
        cart.add(SOAP, 1)  # merging would go over the limit: the line keeps its quantity
    assert [line.quantity for line in cart.lines] == [1_000_000_000]


def test_set_quantity_and_remove() -> None:
    cart = Cart()
    cart.add(SOAP)
    cart.add(TEA)
    cart.set_quantity(1, 4)
    assert [line.quantity for line in cart.lines] == [1, 4]
    assert cart.total == Money(2500 + 24000)
    cart.remove(0)
    assert [line.item.id for line in cart.lines] == [2]
    assert cart.total == Money(24000)


def test_clear_empties_the_cart_and_gives_the_next_sale_a_new_uuid() -> None:
    cart = Cart()
    assert cart.is_empty
    seen = {cart.uuid}
    for _ in range(3):  # three sales in a row on one cart
        cart.add(SOAP)
        assert not cart.is_empty
        cart.clear()
        assert cart.is_empty and cart.lines == [] and cart.total == Money(0)
        assert cart.uuid not in seen
        assert cart.uuid.version == 4
        seen.add(cart.uuid)
    assert len(seen) == 4


def test_every_new_cart_has_its_own_uuid() -> None:
    assert len({Cart().uuid for _ in range(20)}) == 20
    assert isinstance(Cart().uuid, uuid.UUID)


@pytest.mark.parametrize(
    ("tendered", "change"),
    [(18496, 0), (20000, 1504), (100000, 81504), (18497, 1)],
)
def test_change_for_cash(tendered: int, change: int) -> None:
    cart = Cart()
    cart.add(SOAP)
    cart.add(TEA, 2)
    cart.add(KAPI, 333)  # total ฿184.96
    assert cart.change_for(Money(tendered)) == Money(change)


def test_cash_short_of_the_total_is_refused_saying_both_amounts() -> None:
    cart = Cart()
    cart.add(TEA, 2)  # ฿120.00
    with pytest.raises(InputError) as err:
        cart.change_for(Money(11999))
    assert "฿119.99" in str(err.value) and "฿120.00" in str(err.value)
    assert "น้อยกว่ายอดรวม" in str(err.value)


@pytest.mark.parametrize(
    ("satang", "hundredths", "expected"),
    [(6660, 0, 0), (6660, 10_000, 6660), (6660, 1, 1), (12345, 5000, 6173), (-999, 5000, -500), (1, 4999, 0)],
)
def test_percent_of_by_hand(satang: int, hundredths: int, expected: int) -> None:
    # 0.01 % of ฿66.60 = 0.666 satang → 1; half of ฿123.45 = 6172.5 → 6173; half of -฿9.99 → -500 (away from 0)
    assert percent_of(Money(satang), hundredths) == Money(expected)


@pytest.mark.parametrize("hundredths", [-1, 10_001])
def test_percent_of_refuses_outside_0_to_100(hundredths: int) -> None:
    with pytest.raises(InputError) as err:
        percent_of(Money(100), hundredths)
    assert str(err.value) == DISCOUNT_RANGE
