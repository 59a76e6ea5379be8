"""Quantities as people type them → whole base units (pos_app.stock.units), by hand-worked numbers.

1.5 kg is 1,500 g, a 5-litre can is 5,000 ml, ``๑.๕`` is 1½; a quantity that does not come out whole in the base
unit is refused with its exact Thai message (both databases for the packs)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from db.connection import OpenedDatabase
from pos_app.errors import InputError
from pos_app.stock import items
from pos_app.stock.units import pack_factor, parse_quantity, to_base, unit_name
from resources.i18n import set_language
from tests.stock_support import lead, new_item


@pytest.mark.parametrize(("typed", "expected"), [
    ("1.5", Fraction(3, 2)),
    ("0.25", Fraction(1, 4)),
    ("1.50", Fraction(3, 2)),
    ("0.05", Fraction(1, 20)),
    (".5", Fraction(1, 2)),
    ("7", Fraction(7)),
    ("0", Fraction(0)),
    ("1,250.5", Fraction(2501, 2)),
    ("12,345,678", Fraction(12_345_678)),
    ("1250", Fraction(1250)),
    ("๑.๕", Fraction(3, 2)),
    ("๒,๐๐๐", Fraction(2000)),
    ("  3.75  ", Fraction(15, 4)),
    ("1 500", Fraction(1500)),  # a space typed inside the number is dropped
    ("2.5\t", Fraction(5, 2)),
])
def test_a_typed_quantity_is_read_exactly(typed: str, expected: Fraction) -> None:
    got = parse_quantity(typed)
    assert got == expected
    assert isinstance(got, Fraction)  # never a float: 0.1 + 0.2 would not be 0.3


@pytest.mark.parametrize("typed", ["", "   ", ".", "abc", "-1", "1,25", "1,2345", "12,34.5", "1.2.3", "1e3",
                                   "๑ก", "1/2", ",500", "1,000,", "12."])
def test_what_is_not_a_quantity_is_refused_word_for_word(typed: str) -> None:
    with pytest.raises(InputError) as refused:
        parse_quantity(typed)
    assert str(refused.value) == f"“{typed}” ไม่ใช่จำนวน"


def test_the_refusal_is_in_english_when_the_screen_is() -> None:
    set_language("en")
    with pytest.raises(InputError) as refused:
        parse_quantity("ห้า")
    assert str(refused.value) == "“ห้า” is not a quantity"


def test_the_base_units_as_people_read_them() -> None:
    assert [unit_name(u) for u in ("g", "ml", "piece")] == ["ก.", "มล.", "ชิ้น"]
    assert unit_name("box") == "box"  # not a known unit: shown as stored
    set_language("en")
    assert [unit_name(u) for u in ("g", "ml", "piece")] == ["g", "ml", "pc"]


def test_one_and_a_half_kilos_is_fifteen_hundred_grams(demo_db: OpenedDatabase) -> None:
    flour = new_item(unit="g")
    items.add_pack(lead(), flour.id, "กิโลกรัม", "kg", 1000)
    assert to_base("1.5", flour.id, "kg") == 1500
    assert to_base("1.5", flour.id, "กิโลกรัม") == 1500  # the Thai name of the same pack
    assert to_base("0.001", flour.id, "kg") == 1
    assert to_base("๒.๒๕", flour.id, "kg") == 2250
    assert to_base("750", flour.id) == 750  # no pack: already grams
    assert to_base("750", flour.id, "") == 750


def test_a_five_litre_can_in_millilitres(demo_db: OpenedDatabase) -> None:
    oil = new_item(unit="ml")
    items.add_pack(lead(), oil.id, "ปี๊บ 5 ลิตร", "5 l can", 5000)
    items.add_pack(lead(), oil.id, "ขวด", "bottle", 750)
    assert pack_factor(oil.id, "5 l can") == 5000
    assert pack_factor(oil.id, "ขวด") == 750
    assert pack_factor(oil.id, None) == 1
    assert pack_factor(oil.id, "") == 1
    assert to_base("3", oil.id, "ปี๊บ 5 ลิตร") == 15_000
    assert to_base("0.5", oil.id, "5 l can") == 2500
    assert to_base("2", oil.id, "bottle") == 1500


def test_a_pack_name_belongs_to_its_own_item(demo_db: OpenedDatabase) -> None:
    sugar, rice = new_item(unit="g"), new_item(unit="g")
    items.add_pack(lead(), sugar.id, "ถุง", "bag", 500)
    items.add_pack(lead(), rice.id, "ถุง", "bag", 5000)
    assert to_base("2", sugar.id, "ถุง") == 1000
    assert to_base("2", rice.id, "bag") == 10_000
    egg = new_item(unit="piece", name="ไข่")
    with pytest.raises(InputError) as refused:
        to_base("1", egg.id, "ถุง")  # other items have a bag; the egg has none
    assert str(refused.value) == f"{egg.name_th} ไม่มีหน่วยบรรจุ “ถุง”"


def test_a_pack_is_found_by_either_of_its_names_only(demo_db: OpenedDatabase) -> None:
    paste = new_item(unit="g", name="กะปิ")
    items.add_pack(lead(), paste.id, "กระปุก", "jar", 250)
    assert to_base("4", paste.id, "กระปุก") == 1000
    assert to_base("4", paste.id, "jar") == 1000
    for wrong in ("Jar", "กระปุ", "jar "):
        with pytest.raises(InputError) as refused:
            to_base("4", paste.id, wrong)
        assert str(refused.value) == f"{paste.name_th} ไม่มีหน่วยบรรจุ “{wrong}”"


def test_a_conversion_that_is_not_whole_is_refused_not_rounded(demo_db: OpenedDatabase) -> None:
    egg = new_item(unit="piece", name="ไข่ไก่")
    items.add_pack(lead(), egg.id, "แผง", "tray of 30", 30)
    assert to_base("1.5", egg.id, "แผง") == 45
    with pytest.raises(InputError) as refused:
        to_base("0.25", egg.id, "แผง")  # 7.5 eggs
    assert str(refused.value) == "0.25 แผง ไม่ได้เป็นจำนวนเต็มของหน่วย ชิ้น"
    with pytest.raises(InputError) as refused:
        to_base("2.5", egg.id)  # half an egg, typed in eggs
    assert str(refused.value) == "2.5 ชิ้น ไม่ได้เป็นจำนวนเต็มของหน่วย ชิ้น"
    salt = new_item(unit="g")
    items.add_pack(lead(), salt.id, "กิโลกรัม", "kg", 1000)
    with pytest.raises(InputError) as refused:
        to_base("0.0005", salt.id, "kg")  # half a gram
    assert str(refused.value) == "0.0005 kg ไม่ได้เป็นจำนวนเต็มของหน่วย ก."
    set_language("en")
    with pytest.raises(InputError) as refused:
        to_base("0.0005", salt.id, "kg")
    assert str(refused.value) == "0.0005 kg is not a whole number of g"


def test_a_retired_pack_is_refused_by_name(demo_db: OpenedDatabase) -> None:
    oil = new_item(unit="ml", name="น้ำมันพืช")
    can = items.add_pack(lead(), oil.id, "ปี๊บ", "can", 18_000)
    items.retire_pack(lead(), can)
    for typed in ("ปี๊บ", "can"):
        with pytest.raises(InputError) as refused:
            to_base("1", oil.id, typed)
        assert str(refused.value) == f"หน่วยบรรจุ “ปี๊บ” ของ{oil.name_th} เลิกใช้แล้ว กรุณาใส่จำนวนเป็นหน่วยอื่น"
