"""Money's arithmetic and constructors, each checked against hand-worked satang figures."""

from __future__ import annotations

import pytest

from pos_app.errors import InputError
from pos_app.money import ZERO, Money, Rounding


def test_baht_and_satang() -> None:
    assert Money.baht(12, 50) == Money(1250)
    assert Money.baht(3) == Money(300)  # no satang given: whole baht
    assert Money.baht(0, 7) == Money(7)
    assert Money.baht(-2, 0) == Money(-200)
    assert Money.baht(1_000_000) == Money(100_000_000)


@pytest.mark.parametrize(("baht", "satang"), [(1.5, 0), (1, 0.5), ("1", 0), (1, "50"), (None, 0)])
def test_baht_takes_integers_only(baht: object, satang: object) -> None:
    with pytest.raises(TypeError, match=r"^Money.baht takes integers$"):
        Money.baht(baht, satang)  # type: ignore[arg-type]


def test_add_subtract_multiply() -> None:
    assert Money(1250) + Money(75) == Money(1325)
    assert Money(1250) - Money(75) == Money(1175)
    assert Money(75) - Money(1250) == Money(-1175)
    assert Money(700) * 3 == Money(2100)
    assert 3 * Money(700) == Money(2100)
    assert Money(700) * 0 == Money(0)
    assert Money(-25) * 4 == Money(-100)


@pytest.mark.parametrize("other", [5, 1.0, "5", None])
def test_only_money_adds_to_money(other: object) -> None:
    with pytest.raises(TypeError):
        Money(100) + other  # type: ignore[operator]
    with pytest.raises(TypeError):
        Money(100) - other  # type: ignore[operator]


def test_sum_starts_from_zero_but_nothing_else_adds_from_the_left() -> None:
    assert sum([Money(100), Money(250), Money(-50)]) == Money(300)
    assert 0 + Money(5) == Money(5)
    with pytest.raises(TypeError):
        1 + Money(5)  # type: ignore[operator]
    with pytest.raises(TypeError):
        "0" + Money(5)  # type: ignore[operator]


@pytest.mark.parametrize("factor", [1.5, 2.0, "2", True, None])
def test_multiply_only_by_an_integer(factor: object) -> None:
    with pytest.raises(TypeError):
        Money(100) * factor  # type: ignore[operator]
    with pytest.raises(TypeError):
        factor * Money(100)  # type: ignore[operator]


def test_negate_and_absolute() -> None:
    assert -Money(350) == Money(-350)
    assert -Money(-350) == Money(350)
    assert abs(Money(-350)) == Money(350)
    assert abs(Money(350)) == Money(350)
    assert abs(ZERO) == Money(0)


@pytest.mark.parametrize(("satang", "truth"), [(0, False), (1, True), (-1, True), (100, True)])
def test_only_zero_is_false(satang: int, truth: bool) -> None:
    assert bool(Money(satang)) is truth


def test_compare() -> None:
    assert Money(100) < Money(101) and Money(-5) < Money(0)
    assert Money(101) > Money(100) and Money(100) >= Money(100) and Money(100) <= Money(100)
    assert not Money(100) < Money(100)
    assert Money(100) != Money(101)
    assert Money(100) != 100  # a number is not an amount of money
    with pytest.raises(TypeError):
        _ = Money(100) < 100  # type: ignore[operator]


def test_equal_amounts_hash_alike_and_different_amounts_apart() -> None:
    assert hash(Money(1250)) == hash(Money.baht(12, 50))
    assert len({hash(Money(n)) for n in range(200)}) == 200
    assert len({Money(5), Money(5), Money(6)}) == 2


def test_immutable_and_shown() -> None:
    m = Money(1250)
    with pytest.raises(AttributeError, match="immutable"):
        m.satang = 5  # type: ignore[misc]
    assert repr(m) == "Money(1250)"
    assert str(Money(-120050)) == "-฿1,200.50"
    assert Money(120050).format(grouping=False) == "฿1200.50"
    assert Money(-5).format(symbol=False) == "-0.05"
    assert ZERO == Money(0) and Money() == Money(0)


@pytest.mark.parametrize("bad", [1.0, "100", None])
def test_parse_takes_a_string(bad: object) -> None:
    if isinstance(bad, str):
        assert Money.parse(bad) == Money(10000)
        return
    with pytest.raises(TypeError, match=r"^Money.parse takes a string"):
        Money.parse(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "satang"),
    [("−3.50", -350), ("- 3.50", -350), ("\u00a01\u00a0200.00", 120000), ("1 234", 123400), ("๓,๐๐๐", 300000),
     ("0.1", 10), ("12.", None), ("1,2345", None), ("+5", None), ("3.5.0", None)],
)
def test_parse_more_of_what_people_type(text: str, satang: int | None) -> None:
    if satang is None:
        with pytest.raises(Exception, match="ไม่ใช่จำนวนเงิน"):
            Money.parse(text)
    else:
        assert Money.parse(text) == Money(satang)


@pytest.mark.parametrize(
    ("satang", "num", "den", "rounding", "expected"),
    [
        (100, 1, 3, Rounding.HALF_UP, 33), (200, 1, 3, Rounding.HALF_UP, 67), (200, 1, 3, Rounding.DOWN, 66),
        (-200, 1, 3, Rounding.DOWN, -66), (-200, 1, 3, Rounding.HALF_UP, -67), (100, -1, 3, Rounding.HALF_UP, -33),
        (100, 1, -3, Rounding.HALF_UP, -33), (-100, 1, -3, Rounding.HALF_UP, 33), (15, 1, 2, Rounding.HALF_EVEN, 8),
        (25, 1, 2, Rounding.HALF_EVEN, 12), (-25, 1, 2, Rounding.HALF_EVEN, -12), (-15, 1, 2, Rounding.HALF_EVEN, -8),
        (25, 1, 2, Rounding.DOWN, 12), (-25, 1, 2, Rounding.DOWN, -12), (300, 2, 3, Rounding.HALF_UP, 200),
        (1, 3, 4, Rounding.HALF_EVEN, 1), (1, 1, 4, Rounding.HALF_EVEN, 0), (1, 1, 4, Rounding.HALF_UP, 0),
    ],
)
def test_times_fraction_by_hand(satang: int, num: int, den: int, rounding: Rounding, expected: int) -> None:
    assert Money(satang).times_fraction(num, den, rounding) == Money(expected)


def test_times_fraction_refuses_zero_and_non_integers() -> None:
    with pytest.raises(ZeroDivisionError):
        Money(100).times_fraction(1, 0)
    for bad in (1.5, True, "2"):
        with pytest.raises(TypeError, match=r"^times_fraction takes integers$"):
            Money(100).times_fraction(bad, 2)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"^times_fraction takes integers$"):
            Money(100).times_fraction(2, bad)  # type: ignore[arg-type]


def test_zero_is_shown_without_a_minus_sign() -> None:
    assert Money(0).format() == "฿0.00"
    assert Money(0).format(symbol=False) == "0.00"
    assert str(ZERO) == "฿0.00"
    assert Money(1).format() == "฿0.01" and Money(-1).format() == "-฿0.01"


def test_the_refusals_say_what_was_wrong() -> None:
    with pytest.raises(ZeroDivisionError, match=r"^denominator is zero$"):
        Money(100).times_fraction(1, 0, Rounding.DOWN)
    with pytest.raises(TypeError, match=r"^Money takes integer satang, not float$"):
        Money(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^Money.parse takes a string, not int$"):
        Money.parse(12)  # type: ignore[arg-type]
    with pytest.raises(InputError) as err:
        Money.parse("สิบบาท")
    assert str(err.value) == "“สิบบาท” ไม่ใช่จำนวนเงิน (ตัวอย่าง 12.50)"  # the seller sees what was typed
