"""The lot rules that need no database, by hand: lot number prefixes in the Buddhist Era, a late document's
instant, the cost split and the value rule (rounded up, so the last unit out carries what is left)."""

from __future__ import annotations

import datetime as dt

import pytest

from db.connection import OpenedDatabase
from db.models import Lot
from pos_app.errors import InputError
from pos_app.stock.lots import find_lot, held_value, instant_of, lot_prefix, split_cost

UTC = dt.UTC


def test_lot_prefix_is_the_group_and_the_buddhist_era_day() -> None:
    assert lot_prefix("KAPI", dt.date(2026, 11, 24), "3F2A9C") == "KAPI-25691124-3F2A9C-"
    assert lot_prefix("SOAP", dt.date(2027, 1, 5), "0A1B2C") == "SOAP-25700105-0A1B2C-"


@pytest.mark.parametrize(("day", "recorded", "instant"), [
    # entered the same Bangkok day: the moment it was recorded
    (dt.date(2026, 11, 24), dt.datetime(2026, 11, 24, 3, 0, tzinfo=UTC), dt.datetime(2026, 11, 24, 3, 0, tzinfo=UTC)),
    # entered on the 24th at 10:00 Bangkok for the 20th: the 20th at 10:00 Bangkok = 03:00 UTC
    (dt.date(2026, 11, 20), dt.datetime(2026, 11, 24, 3, 0, tzinfo=UTC), dt.datetime(2026, 11, 20, 3, 0, tzinfo=UTC)),
    # 18:30 UTC on the 24th is 01:30 on the 25th in Bangkok: that day itself, so the moment recorded
    (dt.date(2026, 11, 25), dt.datetime(2026, 11, 24, 18, 30, tzinfo=UTC),
     dt.datetime(2026, 11, 24, 18, 30, tzinfo=UTC)),
    # … and for the 24th: 01:30 Bangkok on the 24th = 18:30 UTC on the 23rd
    (dt.date(2026, 11, 24), dt.datetime(2026, 11, 24, 18, 30, tzinfo=UTC),
     dt.datetime(2026, 11, 23, 18, 30, tzinfo=UTC)),
])
def test_a_late_document_stands_for_its_own_day(day: dt.date, recorded: dt.datetime, instant: dt.datetime) -> None:
    got = instant_of(day, recorded)
    assert got == instant and got.utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize(("cost", "quantity", "split"), [
    (1000, 3, (333, 1)), (999, 3, (333, 0)), (5, 10, (0, 5)), (0, 7, (0, 0)), (15650, 1, (15650, 0))])
def test_split_cost(cost: int, quantity: int, split: tuple[int, int]) -> None:
    assert split_cost(cost, quantity) == split


@pytest.mark.parametrize("quantity", [0, -3])
def test_split_cost_refuses_no_units(quantity: int) -> None:
    with pytest.raises(InputError) as err:
        split_cost(1000, quantity)
    assert str(err.value) == "จำนวนต้องมากกว่าศูนย์"


@pytest.mark.parametrize(("cost", "quantity_in", "held", "value"), [
    (1000, 3, 3, 1000), (1000, 3, 2, 667), (1000, 3, 1, 334), (1000, 3, 0, 0),  # ⌈1000 × h ÷ 3⌉
    (999, 3, 1, 333),  # divides exactly: no rounding
    (5, 10, 1, 1), (5, 10, 9, 5),  # half a satang a unit: one unit is worth 1, nine are worth ⌈4.5⌉ = 5
    (0, 0, 5, 0),  # an unrecorded lot: no cost
    (1000, 3, -1, -333),  # a count below zero: ⌈−333.3⌉ = −333
])
def test_held_value_rounds_up(cost: int, quantity_in: int, held: int, value: int) -> None:
    assert held_value(cost, quantity_in, held) == value


def test_find_lot_by_its_number_spaces_ignored(demo_db: OpenedDatabase) -> None:
    lot = Lot.select().order_by(Lot.id).first()
    assert find_lot(f"  {lot.number} ").id == lot.id
    with pytest.raises(InputError) as err:
        find_lot(" KAPI-25000101-999 ")
    assert str(err.value) == "ไม่พบล็อต KAPI-25000101-999"
