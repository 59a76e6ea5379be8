"""Money: integer satang only, parsing what people type, formatting, exact sums, stated rounding."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.errors import InputError
from pos_app.money import Money, Rounding
from resources.i18n import set_language

amounts = st.integers(min_value=-(10**15), max_value=10**15)


@pytest.mark.parametrize(
    ("text", "satang"),
    [("12.50", 1250), ("12", 1200), ("12.5", 1250), ("๑๒.๕๐", 1250), ("฿1,200", 120000),
     ("1,200.50 บาท", 120050), (" 0.01 ", 1), ("-3.00", -300), (".75", 75), ("THB 5", 500)],
)
def test_parse_accepts_what_people_type(text: str, satang: int) -> None:
    assert Money.parse(text) == Money(satang)


@pytest.mark.parametrize("text", ["", "abc", "12.345", "1,20", "12..5", "--1", "1 2x", "฿"])
def test_parse_refuses_non_amounts_with_a_thai_message(text: str) -> None:
    with pytest.raises(InputError) as err:
        Money.parse(text)
    assert "ไม่ใช่จำนวนเงิน" in str(err.value)
    set_language("en")
    assert "is not an amount of money" in str(err.value)


def test_format() -> None:
    assert Money(120050).format() == "฿1,200.50"
    assert Money(-300).format() == "-฿3.00"
    assert Money(5).format(symbol=False) == "0.05"
    assert str(Money(100000000)) == "฿1,000,000.00"


@pytest.mark.parametrize("bad", [1.5, "12", 2.0, True])
def test_floats_and_other_types_are_refused(bad: object) -> None:
    with pytest.raises(TypeError):
        Money(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(100) * bad  # type: ignore[operator]


@given(amounts)
def test_parse_format_round_trip(satang: int) -> None:
    m = Money(satang)
    assert Money.parse(m.format()) == m
    assert Money.parse(m.format(symbol=False, grouping=False)) == m


@given(st.lists(amounts, max_size=50))
def test_sums_are_exact(values: list[int]) -> None:
    assert sum((Money(v) for v in values), Money(0)).satang == sum(values)


@given(amounts, st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_times_fraction_half_up_is_nearest(satang: int, num: int, den: int) -> None:
    got = Money(satang).times_fraction(num, den).satang
    exact2 = 2 * satang * num  # compare 2*got*den with the exact value, half away from zero
    assert abs(2 * got * den - exact2) <= den
    down = Money(satang).times_fraction(num, den, Rounding.DOWN).satang
    assert abs(down * den) <= abs(satang * num)


def test_stated_rounding_cases() -> None:
    price = Money(12000)  # ฿120.00 per kg
    assert price.times_fraction(333, 1000) == Money(3996)
    assert Money(5).times_fraction(1, 2) == Money(3)  # 2.5 satang -> 3 (half up)
    assert Money(-5).times_fraction(1, 2) == Money(-3)  # half away from zero
    assert Money(5).times_fraction(1, 2, Rounding.HALF_EVEN) == Money(2)
    assert Money(7).times_fraction(1, 2, Rounding.HALF_EVEN) == Money(4)
