"""Baht in words read back: satang alone, the edges of 1..99 satang, million groups a person cannot say, and
the programming errors naming what they were given.  Expected values worked out by hand."""

from __future__ import annotations

import pytest

from pos_app.errors import InputError
from pos_app.thai.words import baht_words, parse_baht_words


def test_satang_alone_are_read_from_1_to_99() -> None:
    assert parse_baht_words("ห้าสิบสตางค์") == 50
    assert parse_baht_words("หนึ่งสตางค์") == 1
    assert parse_baht_words("เก้าสิบเก้าสตางค์") == 99
    for out_of_range in ("ศูนย์สตางค์", "หนึ่งร้อยสตางค์", "หนึ่งร้อยห้าสิบสตางค์"):
        with pytest.raises(InputError):
            parse_baht_words(out_of_range)


def test_millions_read_and_the_ones_nobody_says_are_refused() -> None:
    assert parse_baht_words("หนึ่งล้านบาท") == 100_000_000
    assert parse_baht_words("สิบเอ็ดล้านบาทถ้วน") == 1_100_000_000
    assert parse_baht_words("สองล้านบาท") == 200_000_000
    for wrong in ("ยี่ล้านบาท", "เอ็ดล้านบาท", "ศูนย์สิบบาท"):
        with pytest.raises(InputError):
            parse_baht_words(wrong)


def test_a_wrong_type_is_named_in_the_error() -> None:
    with pytest.raises(TypeError, match="not float"):
        baht_words(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not int"):
        parse_baht_words(5)  # type: ignore[arg-type]
