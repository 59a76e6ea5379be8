"""The Thai sort order's groups and the amount-in-words reader's rules, as literal tables worked by hand.

Sort groups (module docstring of pos_app.thai.sorting): blanks and symbols, digits, Thai, English, other
letters; English before Thai in the English UI.  Words: the Thai way of reading numbers (ยี่ only before
สิบ, เอ็ด only after a tens or a larger place, หนึ่ง never before สิบ, places falling within a million).
"""

from __future__ import annotations

import pytest

from pos_app.errors import InputError
from pos_app.thai.sorting import english_first_sort_key, search_key, sort_key_for, thai_sort_key, thai_sorted
from pos_app.thai.words import baht_words, parse_baht_words
from resources.i18n import set_language

MIXED = ["Apple", "ไก่", "~", "12", "Ωmega", "กา", "!", "๙", "", "banana", " กบ", "\u0e4eก"]


def test_thai_order_groups() -> None:
    assert sorted(MIXED, key=thai_sort_key) == [
        "", "!", "~",  # blanks and symbols (a group of their own, before the digits)
        "12", "๙",  # digits (Thai digits count as their values: 12 < 9 as text, "1" < "9")
        " กบ", "กา", "ไก่", "\u0e4eก",  # Thai (a leading blank is skipped for the group, not for the order)
        "Apple", "banana",  # English, case folded
        "Ωmega",  # other letters last
    ]


def test_other_letters_stay_after_english_even_after_a_blank() -> None:
    # the first letter's script decides the group (blank skipped); within a group the blank sorts first
    assert sorted(["zebra", " Ωmega", " zoo", "กา"], key=thai_sort_key) == ["กา", " zoo", "zebra", " Ωmega"]


def test_english_first_order_groups() -> None:
    assert sorted(MIXED, key=english_first_sort_key) == [
        "", "!", "~", "12", "๙", "Apple", "banana", " กบ", "กา", "ไก่", "\u0e4eก", "Ωmega"]


def test_the_ui_language_picks_the_order() -> None:
    assert sort_key_for("th") is thai_sort_key and sort_key_for("en") is english_first_sort_key
    set_language("en")
    assert sort_key_for() is english_first_sort_key
    assert thai_sorted(["กา", "Apple"]) == ["Apple", "กา"]
    set_language("th")
    assert sort_key_for() is thai_sort_key
    assert thai_sorted(["Apple", "กา"]) == ["กา", "Apple"]


def test_thai_sorted_with_a_key_and_reversed() -> None:
    people = [("b", "สมศรี"), ("a", "กมล"), ("c", "Anong")]
    assert thai_sorted(people, key=lambda p: p[1]) == [("a", "กมล"), ("b", "สมศรี"), ("c", "Anong")]
    assert thai_sorted(people, key=lambda p: p[1], reverse=True) == [("c", "Anong"), ("b", "สมศรี"), ("a", "กมล")]
    assert thai_sorted(["กา", "ขา", "Apple"], reverse=True) == ["Apple", "ขา", "กา"]
    assert thai_sorted(people, key=lambda p: p[1], lang="en") == [("c", "Anong"), ("a", "กมล"), ("b", "สมศรี")]


@pytest.mark.parametrize(
    ("typed", "key"),
    [("น\u0e4d\u0e49\u0e32", "น\u0e49\u0e33"), ("ก\u0e48\u0e35", "ก\u0e35\u0e48"), ("เเกง", "แกง"),
     ("  KAPI\u200b  กะปิ ", "kapi กะปิ"), ("๑๒๓", "123"), ("ก\u0e48\u0e48", "ก\u0e48")],
)
def test_search_key_repairs(typed: str, key: str) -> None:
    assert search_key(typed) == key


@pytest.mark.parametrize(
    ("text", "satang"),
    [
        ("สิบเอ็ดบาท", 1100), ("หนึ่งร้อยเอ็ดบาท", 10100), ("ศูนย์บาท", 0), ("ยี่สิบบาท", 2000),
        ("หนึ่งบาทเก้าสิบเก้าสตางค์", 199), ("ห้าสิบสตางค์", 50), ("หนึ่งสตางค์", 1),
        ("หนึ่งล้านหนึ่งบาท", 100000100), ("หนึ่งล้านเอ็ดบาท", 100000100), ("สิบล้านบาทถ้วน", 1000000000),
        ("หนึ่งหมื่นหนึ่งพันบาท", 1100000), ("สองพันห้าร้อยเอ็ดบาทถ้วน", 250100),
        ("ยี่สิบเอ็ดบาทห้าสิบสตางค์", 2150), ("หนึ่งร้อยยี่สิบบาทห้าสิบสตางค์", 12050),
    ],
)
def test_read_amounts_in_words(text: str, satang: int) -> None:
    assert parse_baht_words(text) == satang


@pytest.mark.parametrize(
    "text",
    ["เอ็ดบาท", "ยี่บาท", "หนึ่งสิบบาท", "เอ็ดสิบบาท", "ศูนย์สิบบาท", "ยี่ร้อยบาท", "ศูนย์ร้อยบาท",
     "หนึ่งบาทหนึ่งร้อยสตางค์", "หนึ่งบาทศูนย์สตางค์", "หนึ่งบาทสตางค์", "หนึ่งร้อยหนึ่งร้อยบาท", "สิบสิบบาท",
     "ร้อยบาท", "สองศูนย์บาท", "หนึ่งพันศูนย์บาท", "หนึ่งพันหนึ่งหมื่นบาท"],
)
def test_refuse_what_is_not_read_that_way(text: str) -> None:
    with pytest.raises(InputError) as err:
        parse_baht_words(text)
    assert str(err.value) == f"“{text}” ไม่ใช่จำนวนเงินตัวอักษร (ตัวอย่าง หนึ่งร้อยบาทถ้วน)"


@pytest.mark.parametrize("bad", [1.5, "100", None, True])
def test_types(bad: object) -> None:
    with pytest.raises(TypeError, match="baht_words takes integer satang or Money, not"):
        baht_words(bad)  # type: ignore[arg-type]
    if not isinstance(bad, str):
        with pytest.raises(TypeError, match="parse_baht_words takes a string, not"):
            parse_baht_words(bad)  # type: ignore[arg-type]
