"""The cart's discounts, channels and reset, without a database; every figure worked out by hand.

Prices: soap ฿25.00 a bottle, tea ฿60.00 a pack, kapi ฿120.00 per kg sold in grams.
"""

from __future__ import annotations

import pytest

from pos_app.errors import InputError
from pos_app.money import Money
from pos_app.selling.cart import Cart, parse_discount
from pos_app.selling.catalog import ItemView


def item(item_id: int, price: int, per: int = 1, by_weight: bool = False) -> ItemView:
    unit = "g" if by_weight else "piece"
    return ItemView(item_id, f"SKU-{item_id}", "สินค้า", "Item", "finished", unit, by_weight, Money(price), per, 1)


SOAP = item(1, 2500)
TEA = item(2, 6000)
KAPI = item(3, 12000, per=1000, by_weight=True)


@pytest.mark.parametrize(
    ("typed", "base", "satang"),
    [
        ("10%", 6000, 600),  # 10 % of ฿60.00
        ("12.5 %", 6660, 833),  # 12.5 % of ฿66.60 = 832.5 satang → 833 (half up)
        ("๑๐%", 2500, 250),  # Thai digits
        (" 5 ", 6000, 500),  # an amount: ฿5.00, whatever the base
        ("฿5.50", 100, 550),
        ("0%", 6000, 0),
        ("100%", 6660, 6660),
        ("1 0 %", 6000, 600),  # spaces typed inside are dropped
    ],
)
def test_a_typed_discount_is_a_percent_or_an_amount(typed: str, base: int, satang: int) -> None:
    assert parse_discount(typed, Money(base)) == Money(satang)


@pytest.mark.parametrize("typed", ["101%", "-1%", "abc", "5%%"])
def test_a_discount_that_is_not_one_is_refused(typed: str) -> None:
    with pytest.raises(InputError):
        parse_discount(typed, Money(6000))


def test_line_and_sale_discounts_by_hand() -> None:
    cart = Cart()
    cart.add(SOAP, 2)  # ฿50.00
    cart.add(TEA)  # ฿60.00
    cart.set_line_discount(0, Money(500))  # soap −฿5.00
    assert (cart.lines[0].amount, cart.lines[0].net) == (Money(5000), Money(4500))
    assert cart.subtotal == Money(10500)
    cart.set_discount(Money(1000))  # −฿10.00 on the sale
    assert (cart.subtotal, cart.discount_total, cart.total) == (Money(10500), Money(1500), Money(9500))
    cart.set_line_discount(1, Money(6000))  # the whole tea line: allowed, exactly its amount
    assert (cart.subtotal, cart.discount_total, cart.total) == (Money(4500), Money(7500), Money(3500))
    cart.set_discount(Money(4500))  # exactly the subtotal: allowed
    assert cart.total == Money(0)


def test_discounts_beyond_what_they_reduce_or_below_zero_are_refused_and_change_nothing() -> None:
    cart = Cart()
    cart.add(SOAP, 2)  # ฿50.00
    with pytest.raises(InputError) as err:
        cart.set_line_discount(0, Money(5001))
    assert str(err.value) == "ส่วนลด ฿50.01 มากกว่ายอดของรายการ (฿50.00)"
    with pytest.raises(InputError) as err:
        cart.set_line_discount(0, Money(-1))
    assert str(err.value) == "ส่วนลดติดลบไม่ได้"
    cart.set_line_discount(0, Money(1000))
    with pytest.raises(InputError) as err:
        cart.set_discount(Money(4001))
    assert str(err.value) == "ส่วนลด ฿40.01 มากกว่ายอดขาย (฿40.00)"
    with pytest.raises(InputError) as err:
        cart.set_discount(Money(-1))
    assert str(err.value) == "ส่วนลดติดลบไม่ได้"
    assert (cart.lines[0].discount, cart.discount, cart.total) == (Money(1000), Money(0), Money(4000))


def test_fewer_goods_cut_a_discount_back_but_never_raise_it() -> None:
    cart = Cart()
    cart.add(SOAP, 4)  # ฿100.00
    cart.add(TEA)  # ฿60.00
    cart.set_line_discount(0, Money(8000))  # soap −฿80.00
    cart.set_discount(Money(7000))  # sale −฿70.00 of ฿80.00
    cart.set_quantity(0, 2)  # soap ฿50.00 now: its discount is cut to ฿50.00; subtotal ฿60.00
    assert (cart.lines[0].discount, cart.discount, cart.total) == (Money(5000), Money(6000), Money(0))
    cart.set_quantity(0, 4)  # more soap again: the discounts stay where they were cut to
    assert (cart.lines[0].discount, cart.discount, cart.total) == (Money(5000), Money(6000), Money(5000))
    cart.remove(1)  # the tea goes: subtotal ฿50.00, the sale discount is cut to it
    assert (cart.discount, cart.total) == (Money(5000), Money(0))


def test_scanning_more_of_a_line_keeps_its_discount_and_a_second_line_is_untouched() -> None:
    cart = Cart()
    cart.add(SOAP)  # ฿25.00
    cart.add(TEA)  # ฿60.00
    cart.set_line_discount(1, Money(1000))
    cart.set_line_discount(0, Money(2500))
    assert cart.add(SOAP) == 0  # the same line, ฿50.00 now
    assert [(line.quantity, line.discount) for line in cart.lines] == [(2, Money(2500)), (1, Money(1000))]
    assert cart.total == Money(5000 + 6000 - 2500 - 1000)


def test_channels() -> None:
    cart = Cart()
    assert (cart.channel, cart.customer_name, cart.customer_phone) == ("stall", "", "")
    cart.set_channel("online", "  คุณมะลิ ", " 081-234-5678 ")
    assert (cart.channel, cart.customer_name, cart.customer_phone) == ("online", "คุณมะลิ", "081-234-5678")
    for known in ("stall", "member", "network"):
        cart.set_channel(known)
        assert (cart.channel, cart.customer_name, cart.customer_phone) == (known, "", "")
    with pytest.raises(InputError) as err:
        cart.set_channel("market")
    assert str(err.value) == "ไม่รู้จักช่องทางการขาย market"
    assert cart.channel == "network"


def test_clear_resets_everything_a_sale_set() -> None:
    cart = Cart()
    cart.add(TEA, 2)
    cart.set_discount(Money(500))
    cart.set_channel("online", "คุณมะลิ", "0812345678")
    cart.note = "ส่งพรุ่งนี้"
    cart.tier = "member"
    first = cart.uuid
    cart.clear()
    assert (cart.lines, cart.discount, cart.channel, cart.customer_name, cart.customer_phone, cart.note,
            cart.tier) == ([], Money(0), "stall", "", "", "", "retail")
    assert cart.uuid != first and cart.total == Money(0)


def test_a_quantity_too_large_names_it() -> None:
    cart = Cart()
    with pytest.raises(InputError) as err:
        cart.add(SOAP, 1_000_000_001)
    assert str(err.value) == "จำนวน 1000000001 มากเกินไป"
    cart.add(KAPI, 250)
    with pytest.raises(InputError) as err:
        cart.set_quantity(0, 0)
    assert str(err.value) == "จำนวนต้องมากกว่าศูนย์"
    assert cart.lines[0].quantity == 250


def test_a_discount_of_zero_takes_a_discount_off_again() -> None:
    cart = Cart()
    cart.add(TEA)  # ฿60.00
    cart.set_line_discount(0, Money(1000))
    cart.set_discount(Money(500))
    assert cart.total == Money(4500)
    cart.set_line_discount(0, Money(0))
    cart.set_discount(Money(0))
    assert (cart.lines[0].discount, cart.discount, cart.discount_total, cart.total) == (
        Money(0), Money(0), Money(0), Money(6000))


def test_a_quantity_that_is_not_an_integer_is_a_programming_error_saying_so() -> None:
    with pytest.raises(TypeError, match=r"^quantities are integers in the item's base unit$"):
        Cart().add(SOAP, 1.5)  # type: ignore[arg-type]
