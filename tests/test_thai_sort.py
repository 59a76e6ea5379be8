"""Thai dictionary order and search keys."""

from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pythainlp.util import collate

from pos_app.thai import (
    english_first_sort_key,
    search_key,
    sort_key_for,
    thai_sort_key,
    thai_sorted,
)
from resources.i18n import set_language


def test_pythainlp_documented_example() -> None:
    words = ["ไก่", "เกิด", "กาล", "เป็ด", "หมู", "วัว", "วันที่"]
    assert thai_sorted(words) == ["กาล", "เกิด", "ไก่", "เป็ด", "วันที่", "วัว", "หมู"]


def test_leading_vowel_sorts_under_its_consonant() -> None:
    assert thai_sorted(["ขาว", "ไก่", "กา", "เก"]) == ["กา", "เก", "ไก่", "ขาว"]
    assert thai_sorted(["แชมพู", "ชา", "โจ๊ก", "จาน"]) == ["จาน", "โจ๊ก", "ชา", "แชมพู"]


def test_tone_marks_are_a_last_level_difference() -> None:
    # pythainlp's own collate puts ก่า after กาก (it appends the tone to the string); a dictionary does not
    assert thai_sorted(["กาก", "ก้า", "ก่า", "กา"]) == ["กา", "ก่า", "ก้า", "กาก"]
    assert collate(["กาก", "ก่า", "กา"]) == ["กา", "กาก", "ก่า"]
    assert thai_sorted(["ข้าว", "ขาว", "ข่าว"]) == ["ขาว", "ข่าว", "ข้าว"]


def test_community_products_in_dictionary_order() -> None:
    products = [
        "น้ำสมุนไพรหญ้าหมอน้อย",
        "แชมพู",
        "กะปิผงรสวาซาบิ",
        "ชาหญ้าหมอน้อย",
        "น้ำยาล้างจาน",
        "กะปิผงทรงเครื่อง",
        "น้ำยาซักผ้า",
        "กะปิ",
    ]
    assert thai_sorted(products) == [
        "กะปิ",
        "กะปิผงทรงเครื่อง",
        "กะปิผงรสวาซาบิ",
        "ชาหญ้าหมอน้อย",
        "แชมพู",
        "น้ำยาซักผ้า",
        "น้ำยาล้างจาน",
        "น้ำสมุนไพรหญ้าหมอน้อย",
    ]


def test_english_after_thai_or_first_for_the_english_ui() -> None:
    names = ["Soap", "สบู่", "apple", "กะปิ", "12 ขวด", "๑๑ ถุง", "(promo)"]
    assert thai_sorted(names) == ["(promo)", "๑๑ ถุง", "12 ขวด", "กะปิ", "สบู่", "apple", "Soap"]
    assert thai_sorted(names, lang="en") == ["(promo)", "๑๑ ถุง", "12 ขวด", "apple", "Soap", "กะปิ", "สบู่"]
    assert sort_key_for("en") is english_first_sort_key
    assert sort_key_for("th") is thai_sort_key
    set_language("en")
    try:
        assert sort_key_for() is english_first_sort_key
    finally:
        set_language("th")


def test_sorting_objects_by_a_key_and_reverse() -> None:
    items = [("ไก่", 1), ("กา", 2), ("ขาว", 3)]
    assert [n for _, n in thai_sorted(items, key=lambda it: it[0])] == [2, 1, 3]
    assert thai_sorted(["ไก่", "กา", "ขาว"], reverse=True) == ["ขาว", "ไก่", "กา"]


THAI_NO_TONES = "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮะัาำิีึืุูเแโใไ"


@given(st.lists(st.text(alphabet=THAI_NO_TONES, min_size=1, max_size=8), max_size=30))
def test_agrees_with_pythainlp_collate_without_tone_marks(words: list[str]) -> None:
    assert thai_sorted(words) == collate(words)


@given(st.lists(st.text(min_size=0, max_size=10), max_size=30))
def test_order_is_total_and_deterministic(words: list[str]) -> None:
    once = thai_sorted(words)
    assert once == thai_sorted(list(reversed(words)))
    assert sorted(once) == sorted(words)


def test_ten_thousand_names_is_a_permutation() -> None:
    rng = random.Random(7)
    names = ["".join(rng.choice(THAI_NO_TONES + "่้") for _ in range(6)) for _ in range(10_000)]
    out = thai_sorted(names)
    assert sorted(out) == sorted(names)
    keys = [thai_sort_key(n) for n in out]
    assert keys == sorted(keys)


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("น\u0e4d\u0e32", "น\u0e33"),  # ํ + า → ำ
        ("น\u0e4d\u0e49\u0e32", "น้ำ"),  # ํ + ้ + า → ้ + ำ
        ("นำ\u0e49", "น้ำ"),  # ำ typed before the tone mark
        ("น\u0e32\u0e4d", "น\u0e33"),  # า + ํ
        ("ก\u0e48\u0e35", "กี่"),  # tone mark before the upper vowel
        ("ท\u0e49\u0e38", "ทุ้"),  # tone mark before the lower vowel
        ("ที่่", "ที่"),  # tone mark typed twice
        ("เเชมพู", "แชมพู"),  # two sara e for sara ae
        ("  Shampoo   แชมพู ", "shampoo แชมพู"),
        ("กะปิ ๕๐๐ ก.", "กะปิ 500 ก."),
        ("กะ\u200bปิ", "กะปิ"),  # zero-width space from a web page
        ("e\u0301", "\u00e9"),  # NFC
    ],
)
def test_search_key_repairs(typed: str, key: str) -> None:
    assert search_key(typed) == key


def test_search_key_matches_a_mistyped_query() -> None:
    name = "น้ำยาล้างจาน"
    assert search_key("น\u0e4d\u0e49\u0e32ยา") in search_key(name)
    assert search_key("นำ\u0e49ยาล\u0e49\u0e32งจาน") == search_key(name)


THAI_AND_SOME = st.characters(min_codepoint=0x0E00, max_codepoint=0x0E5F) | st.sampled_from(" aB1\u200b")


@given(st.text(max_size=20) | st.text(alphabet=THAI_AND_SOME, max_size=15))
def test_search_key_is_idempotent_and_nfc(text: str) -> None:
    key = search_key(text)
    assert search_key(key) == key
    assert unicodedata.is_normalized("NFC", key)
    assert not any("\u0e50" <= c <= "\u0e59" for c in key)


def test_search_key_repairs_to_a_fixed_point() -> None:
    # a doubled mark before a vowel: removing the double exposes a mark-before-vowel to reorder
    assert search_key("\u0e47\u0e47\u0e34") == "\u0e34\u0e47"
    assert search_key(search_key("\u0e47\u0e47\u0e34")) == search_key("\u0e47\u0e47\u0e34")
