"""The lot record as written (pos_app.stock.lots.create_lot, unrecorded_lot, next_lot_number), field by field:
what a purchase, batch or transfer gives is what the row holds, bad input is refused with its Thai message
and writes nothing, the expiry comes from the item's shelf life when none is given, and the next number
skips numbers typed by hand.  Both databases; every value is a literal worked out by hand."""

from __future__ import annotations

import datetime as dt
import time
import uuid

import pytest

from db.connection import OpenedDatabase
from db.models import Lot, NetworkGroup, Supplier
from pos_app.clock import FixedClock
from pos_app.errors import InputError
from pos_app.stock import settings
from pos_app.stock.lots import NewLot, _like_prefix, create_lot, instant_of, next_lot_number, unrecorded_lot
from pos_app.trust import chain
from tests.stock_support import admin, new_item

UTC = dt.UTC
MADE = dt.date(2026, 11, 23)  # 23/11/2569
WHEN = dt.datetime(2026, 11, 24, 5, 30, tzinfo=UTC)  # entered a day late, 12:30 in Bangkok


@pytest.fixture(autouse=True)
def this_computer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chain, "_computer", "3f2a9c01-1111-4111-8111-111111111111")  # lot numbers: …-3F2A9C-…


def _kapi() -> int:
    return int(NetworkGroup.get(NetworkGroup.code == "KAPI").id)


def _make(new: NewLot, made: dt.date = MADE, **kw: object) -> Lot:
    return create_lot(new, _kapi(), "purchase", uuid.uuid4(), made, **kw)  # type: ignore[arg-type]


def _fields(lot: Lot) -> tuple[object, ...]:
    return (lot.number, lot.item_id, lot.group_id, lot.origin, lot.made_on, lot.expires_on, lot.quantity_in,
            lot.cost_satang, lot.unit_cost_satang, lot.remainder_satang, lot.supplier_id, lot.supplier_lot,
            lot.created_at)


def _refused(new: NewLot, made: dt.date = MADE) -> str:
    before = Lot.select().count()
    with pytest.raises(InputError) as err:
        _make(new, made)
    assert Lot.select().count() == before  # nothing written
    return str(err.value)


def test_a_lot_holds_every_figure_it_was_given(demo_db: OpenedDatabase) -> None:
    salt = new_item("KAPI")
    farm = Supplier.create(code="S-SALT", name="นาเกลือบ้านแหลม")
    doc = uuid.uuid4()
    their_lot = "  " + "ล" * 70 + "  "  # the supplier's own lot label: spaces dropped, cut at 64 characters
    made = create_lot(NewLot(salt.id, 3, 1000, expires_on=dt.date(2026, 12, 31), supplier_lot=their_lot),
                      _kapi(), "purchase", doc, MADE, supplier_id=farm.id, when=WHEN)
    # ฿10.00 for 3 units: 333 satang a unit and 1 satang over (333 × 3 + 1 = 1000)
    expected = ("KAPI-25691123-3F2A9C-001", salt.id, _kapi(), "purchase", MADE, dt.date(2026, 12, 31), 3, 1000,
                333, 1, farm.id, "ล" * 64, WHEN)
    row = Lot.get_by_id(made.id)
    assert _fields(made) == expected and _fields(row) == expected
    assert made.document_uuid == doc and row.document_uuid == doc
    assert made.uuid == row.uuid and made.uuid != doc


def test_a_lot_without_a_time_given_is_created_at_the_clocks_now(demo_db: OpenedDatabase,
                                                                  clock: FixedClock) -> None:
    salt = new_item("KAPI")
    at = dt.datetime(2026, 11, 24, 4, 15, tzinfo=UTC)
    clock.set(at)
    made = _make(NewLot(salt.id, 1, 0, number=" KAPI-HAND-7 "), made=dt.date(2026, 11, 24))
    row = Lot.get_by_id(made.id)
    assert (row.number, row.created_at, row.quantity_in, row.cost_satang, row.unit_cost_satang,
            row.remainder_satang, row.expires_on, row.supplier_id, row.supplier_lot) == (
        "KAPI-HAND-7", at, 1, 0, 0, 0, None, None, "")
    assert made.created_at == at


@pytest.mark.parametrize("quantity", [0, -1])
def test_a_lot_of_no_units_is_refused(demo_db: OpenedDatabase, quantity: int) -> None:
    assert _refused(NewLot(new_item("KAPI").id, quantity, 100)) == "จำนวนต้องมากกว่าศูนย์"


def test_no_units_is_the_first_thing_said_whatever_else_is_wrong(demo_db: OpenedDatabase) -> None:
    salt = new_item("KAPI")
    _make(NewLot(salt.id, 1, 100, number="KAPI-HAND-2"))
    for wrong in (dict(cost_satang=-5), dict(expires_on=dt.date(2026, 11, 1)), dict(number="KAPI-HAND-2")):
        new = NewLot(salt.id, 0, **{"cost_satang": 100, **wrong})  # type: ignore[arg-type]
        assert _refused(new) == "จำนวนต้องมากกว่าศูนย์"


def test_a_cost_below_zero_is_refused_and_a_free_lot_is_not(demo_db: OpenedDatabase) -> None:
    salt = new_item("KAPI")
    assert _refused(NewLot(salt.id, 5, -1)) == "ต้นทุนต้องไม่ติดลบ"
    free = _make(NewLot(salt.id, 5, 0))  # a gift: no cost
    assert (free.cost_satang, free.unit_cost_satang, free.remainder_satang) == (0, 0, 0)


def test_an_expiry_before_the_day_made_is_refused_and_the_same_day_is_not(demo_db: OpenedDatabase) -> None:
    salt = new_item("KAPI")
    assert _refused(NewLot(salt.id, 5, 500, expires_on=dt.date(2026, 11, 22))) == (
        "วันหมดอายุ 22/11/2569 อยู่ก่อนวันที่ผลิตหรือรับเข้า 23/11/2569")
    same_day = _make(NewLot(salt.id, 5, 500, expires_on=MADE))
    assert Lot.get_by_id(same_day.id).expires_on == MADE


def test_the_expiry_comes_from_the_items_shelf_life_unless_given(demo_db: OpenedDatabase) -> None:
    paste, plain, counted = new_item("KAPI"), new_item("KAPI"), new_item("KAPI")
    settings.set_item_rule(admin(), paste.id, 30)
    settings.set_item_rule(admin(), counted.id, None, low_stock_level=5)  # a rule with no shelf life
    assert Lot.get_by_id(_make(NewLot(paste.id, 5, 500)).id).expires_on == dt.date(2026, 12, 23)  # 23/11 + 30 d
    given = _make(NewLot(paste.id, 5, 500, expires_on=dt.date(2026, 12, 1)))
    assert Lot.get_by_id(given.id).expires_on == dt.date(2026, 12, 1)
    assert Lot.get_by_id(_make(NewLot(plain.id, 5, 500)).id).expires_on is None
    assert Lot.get_by_id(_make(NewLot(counted.id, 5, 500)).id).expires_on is None


def test_a_number_typed_that_is_taken_is_refused(demo_db: OpenedDatabase) -> None:
    salt = new_item("KAPI")
    _make(NewLot(salt.id, 5, 500, number="KAPI-HAND-1"))
    assert _refused(NewLot(salt.id, 5, 500, number="  KAPI-HAND-1 ")) == "มีล็อต KAPI-HAND-1 อยู่แล้ว"
    blank = _make(NewLot(salt.id, 5, 500, number="   "))  # only spaces: the next number
    assert blank.number == "KAPI-25691123-3F2A9C-001"


def test_the_next_number_skips_every_number_typed_by_hand(demo_db: OpenedDatabase) -> None:
    salt = new_item("KAPI")
    for typed in ("KAPI-25691123-3F2A9C-001", "KAPI-25691123-3F2A9C-003", "KAPI-25691123-3F2A9C-004"):
        _make(NewLot(salt.id, 1, 100, number=typed))
    # three of the day's numbers exist, so the count says 004; 004 is taken, and so the next free one is 005
    assert next_lot_number("KAPI", MADE) == "KAPI-25691123-3F2A9C-005"
    assert _make(NewLot(salt.id, 1, 100)).number == "KAPI-25691123-3F2A9C-005"


def test_the_next_number_is_after_the_count_even_with_a_gap_below_it(demo_db: OpenedDatabase) -> None:
    salt = new_item("KAPI")
    for typed in ("KAPI-25691123-3F2A9C-001", "KAPI-25691123-3F2A9C-003"):
        _make(NewLot(salt.id, 1, 100, number=typed))
    # two numbers exist, so the count says 003; it is taken, so 004 (002 stays a gap: never filled)
    assert next_lot_number("KAPI", MADE) == "KAPI-25691123-3F2A9C-004"


def test_a_number_typed_in_lower_case_is_counted(demo_db: OpenedDatabase) -> None:
    salt = new_item("KAPI")
    _make(NewLot(salt.id, 1, 100, number="kapi-25691123-3f2a9c-001"))
    assert next_lot_number("KAPI", MADE) == "KAPI-25691123-3F2A9C-002"


def test_a_group_code_with_like_wildcards_counts_only_its_own_numbers(demo_db: OpenedDatabase) -> None:
    salt = new_item("KAPI")
    # numbers of other codes that an unescaped pattern would match: _ any one letter, % anything, \B a B
    for other in ("KAXPI-25691123-3F2A9C-001", "KQQ-25691123-3F2A9C-001", "KB-25691123-3F2A9C-001"):
        _make(NewLot(salt.id, 1, 100, number=other))
    assert next_lot_number("KA_PI", MADE) == "KA_PI-25691123-3F2A9C-001"
    assert next_lot_number("K%", MADE) == "K%-25691123-3F2A9C-001"
    assert next_lot_number("K\\B", MADE) == "K\\B-25691123-3F2A9C-001"


def test_the_like_pattern_escapes_backslash_underscore_and_percent() -> None:
    assert _like_prefix("A\\B_C%D-") == "A\\\\B\\_C\\%D-%"
    assert _like_prefix("KAPI-25691123-3F2A9C-") == "KAPI-25691123-3F2A9C-%"


def test_the_unrecorded_lot_of_an_item_is_made_once_with_no_cost(demo_db: OpenedDatabase, clock: FixedClock) -> None:
    soap = new_item("BHS", "finished", "piece", name="สบู่")
    first, second = uuid.uuid4(), uuid.uuid4()
    at = dt.datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
    clock.set(at)
    lot = unrecorded_lot(soap.id, dt.date(2026, 11, 24), first)
    again = unrecorded_lot(soap.id, dt.date(2026, 11, 25), second)  # the next day, another document: the same lot
    bhs = NetworkGroup.get(NetworkGroup.code == "BHS").id
    assert again.id == lot.id and Lot.select().where(Lot.item == soap.id).count() == 1
    for got in (lot, Lot.get_by_id(lot.id)):
        assert (got.number, got.item_id, got.group_id, got.origin, got.document_uuid, got.made_on,
                got.expires_on, got.quantity_in, got.cost_satang, got.unit_cost_satang, got.remainder_satang,
                got.supplier_id, got.created_at) == (
            f"{soap.sku}-UNRECORDED", soap.id, bhs, "unrecorded", first, dt.date(2026, 11, 24), None, 0, 0, 0, 0,
            None, at)


def test_a_late_documents_instant_is_utc_whatever_zone_the_computer_is_set_to(monkeypatch: pytest.MonkeyPatch) -> None:
    if not hasattr(time, "tzset"):
        pytest.skip("the process's time zone is changed with time.tzset (not on Windows)")
    monkeypatch.setenv("TZ", "Asia/Bangkok")  # a laptop set to Thai time
    time.tzset()
    try:
        # entered on the 24th at 10:00 Bangkok (03:00 UTC) for the 20th: the 20th at 10:00 Bangkok = 03:00 UTC
        got = instant_of(dt.date(2026, 11, 20), dt.datetime(2026, 11, 24, 3, 0, tzinfo=UTC))
        assert got == dt.datetime(2026, 11, 20, 3, 0, tzinfo=UTC) and got.utcoffset() == dt.timedelta(0)
    finally:
        monkeypatch.undo()
        time.tzset()
