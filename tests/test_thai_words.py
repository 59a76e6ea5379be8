"""Amounts in Thai words: golden readings (the ones other libraries got wrong), the round trip, bad input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.errors import InputError
from pos_app.money import Money
from pos_app.thai import baht_words, parse_baht_words
from resources.i18n import set_language

GOLDEN = [
    # satang, reading
    (1, "หนึ่งสตางค์"),  # 0.01
    (150, "หนึ่งบาทห้าสิบสตางค์"),  # 1.50
    (50, "ห้าสิบสตางค์"),  # 0.50: satang only
    (0, "ศูนย์บาทถ้วน"),
    (100, "หนึ่งบาทถ้วน"),
    (1000, "สิบบาทถ้วน"),
    (1100, "สิบเอ็ดบาทถ้วน"),
    (2000, "ยี่สิบบาทถ้วน"),
    (2100, "ยี่สิบเอ็ดบาทถ้วน"),  # 21
    (10100, "หนึ่งร้อยเอ็ดบาทถ้วน"),  # 101
    (20100, "สองร้อยเอ็ดบาทถ้วน"),  # 201
    (200100, "สองพันเอ็ดบาทถ้วน"),  # 2,001
    (250100, "สองพันห้าร้อยเอ็ดบาทถ้วน"),  # 2,501
    (12050, "หนึ่งร้อยยี่สิบบาทห้าสิบสตางค์"),
    (100_000_000, "หนึ่งล้านบาทถ้วน"),  # 1,000,000
    (100_000_100, "หนึ่งล้านเอ็ดบาทถ้วน"),  # 1,000,001
    (1_003_456_700, "สิบล้านสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทถ้วน"),  # 10,034,567
    (1_005_651_800, "สิบล้านห้าหมื่นหกพันห้าร้อยสิบแปดบาทถ้วน"),  # 10,056,518
    (100_100_100, "หนึ่งล้านหนึ่งพันเอ็ดบาทถ้วน"),  # 1,001,001
    (1_100_000_000, "สิบเอ็ดล้านบาทถ้วน"),
    (2_100_000_000, "ยี่สิบเอ็ดล้านบาทถ้วน"),
    (100_000_000_000_000, "หนึ่งล้านล้านบาทถ้วน"),  # 10^12 baht: millions repeat
    (100_000_100_000_000, "หนึ่งล้านเอ็ดล้านบาทถ้วน"),
    (1111, "สิบเอ็ดบาทสิบเอ็ดสตางค์"),
    (101, "หนึ่งบาทหนึ่งสตางค์"),
    (121, "หนึ่งบาทยี่สิบเอ็ดสตางค์"),
    (1_000_000, "หนึ่งหมื่นบาทถ้วน"),
    (10_000_000, "หนึ่งแสนบาทถ้วน"),
    (12_345_678_90, "สิบสองล้านสามแสนสี่หมื่นห้าพันหกร้อยเจ็ดสิบแปดบาทเก้าสิบสตางค์"),
]


@pytest.mark.parametrize(("satang", "words"), GOLDEN)
def test_golden_readings(satang: int, words: str) -> None:
    assert baht_words(satang) == words
    assert parse_baht_words(words) == satang


def test_money_is_accepted() -> None:
    assert baht_words(Money.parse("120.50")) == "หนึ่งร้อยยี่สิบบาทห้าสิบสตางค์"
    assert baht_words(Money(0)) == "ศูนย์บาทถ้วน"


@given(st.integers(min_value=0, max_value=10**15))
def test_round_trip(satang: int) -> None:
    words = baht_words(satang)
    assert parse_baht_words(words) == satang
    assert "หนึ่งสิบ" not in words and "สองสิบ" not in words
    assert words.endswith(("บาทถ้วน", "สตางค์"))


@given(st.integers(min_value=1, max_value=10**13))
def test_whole_baht_end_in_thuan_and_eds_follow_a_digit(baht: int) -> None:
    words = baht_words(baht * 100)
    assert words.endswith("บาทถ้วน")
    if baht % 10 == 1:
        assert words.endswith("หนึ่งบาทถ้วน" if baht == 1 else "เอ็ดบาทถ้วน")
    assert not words.startswith("เอ็ด")


def test_lenient_readings_are_parsed() -> None:
    assert parse_baht_words("หนึ่ง ร้อย บาท ถ้วน") == 10000
    assert parse_baht_words("ห้าสิบบาท") == 5000
    assert parse_baht_words("ห้าสิบบาทตรง") == 5000
    assert parse_baht_words("หนึ่งร้อยหนึ่งบาทถ้วน") == 10100  # colloquial หนึ่ง for เอ็ด


@pytest.mark.parametrize(
    "text",
    [
        "",
        "สวัสดี",
        "บาทถ้วน",
        "หนึ่งร้อย",  # no unit
        "หนึ่งสิบบาทถ้วน",
        "สองสิบบาทถ้วน",
        "ยี่บาทถ้วน",
        "ยี่ร้อยบาทถ้วน",
        "เอ็ดบาทถ้วน",
        "ร้อยบาทถ้วน",  # a place without its digit (only สิบ may)
        "สิบร้อยบาทถ้วน",  # places must fall
        "หนึ่งสองบาทถ้วน",
        "หนึ่งร้อยบาทหนึ่งร้อยสตางค์",  # 100 satang
        "หนึ่งบาทศูนย์สตางค์",
        "หนึ่งบาทห้าสิบ",  # satang without สตางค์
        "ล้านบาทถ้วน",
        "หนึ่งบาทถ้วนสตางค์",
        "12 บาท",
    ],
)
def test_words_that_are_not_an_amount(text: str) -> None:
    with pytest.raises(InputError) as info:
        parse_baht_words(text)
    assert "ไม่ใช่จำนวนเงินตัวอักษร" in str(info.value)


def test_negative_is_refused_in_the_users_language() -> None:
    with pytest.raises(InputError) as info:
        baht_words(-1)
    assert "ติดลบ" in str(info.value)
    set_language("en")
    try:
        assert "negative" in str(info.value)
    finally:
        set_language("th")


@pytest.mark.parametrize("bad", [1.5, "100", True, None])
def test_wrong_types_are_a_programming_error(bad: object) -> None:
    with pytest.raises(TypeError):
        baht_words(bad)  # type: ignore[arg-type]
