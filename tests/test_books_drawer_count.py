"""Counting the drawer by Thai notes and coins (pos_app.books.denominations), by hand-worked numbers.

3 × ฿1,000 + 7 × ฿0.25 = ฿3,001.75; a negative or non-digit count is refused with its exact Thai message."""

from __future__ import annotations

import pytest

from pos_app.books.denominations import (
    DENOMINATIONS,
    from_json,
    label,
    parse_count,
    parse_pieces,
    to_json,
    total,
)
from pos_app.errors import InputError
from pos_app.money import Money
from resources.i18n import set_language

ALL_ZERO = {100000: 0, 50000: 0, 10000: 0, 5000: 0, 2000: 0, 1000: 0, 500: 0, 200: 0, 100: 0, 50: 0, 25: 0}


def test_the_thai_notes_and_coins_from_the_largest() -> None:
    # notes 1,000 / 500 / 100 / 50 / 20 baht, coins 10 / 5 / 2 / 1 baht, 50 and 25 satang
    assert DENOMINATIONS == (100000, 50000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 25)


@pytest.mark.parametrize(("satang", "shown"), [
    (100000, "1,000"), (50000, "500"), (10000, "100"), (2000, "20"), (100, "1"), (50, "0.50"), (25, "0.25"),
    (5, "0.05"), (1_000_000, "10,000")])
def test_each_note_and_coin_is_labelled_as_printed_on_it(satang: int, shown: str) -> None:
    assert label(satang) == shown


def test_three_thousand_baht_notes_and_seven_quarter_baht_coins() -> None:
    count = parse_count({100000: "3", 25: "๗"})
    assert count == {**ALL_ZERO, 100000: 3, 25: 7}
    assert list(count) == list(ALL_ZERO)  # every denomination, largest first
    assert total(count) == Money(300175)  # ฿3,000 + ฿1.75 = ฿3,001.75


def test_one_of_each_note_and_coin() -> None:
    # 1,000 + 500 + 100 + 50 + 20 + 10 + 5 + 2 + 1 + 0.50 + 0.25 = ฿1,688.75
    assert total(parse_count(dict.fromkeys(ALL_ZERO, 1))) == Money(168875)
    assert total({}) == Money(0)
    assert total(parse_count({})) == Money(0)


@pytest.mark.parametrize(("typed", "pieces"), [
    ("", 0), ("   ", 0), ("0", 0), ("12", 12), (" 7 ", 7), ("๑๒", 12), ("1,200", 1200), ("๑,๒๐๐", 1200),
    ("100000", 100_000), (5, 5), (0, 0), (100_000, 100_000)])
def test_a_typed_count_of_pieces(typed: str | int, pieces: int) -> None:
    assert parse_pieces(typed, 2000) == pieces


@pytest.mark.parametrize(("typed", "denomination", "message"), [
    ("-3", 25, "จำนวนของ 0.25 ติดลบไม่ได้"),
    (-1, 100000, "จำนวนของ 1,000 ติดลบไม่ได้"),
    ("-๒", 50, "จำนวนของ 0.50 ติดลบไม่ได้"),
    ("1.5", 50000, "“1.5” ไม่ใช่จำนวนชิ้น (ของ 500)"),
    ("abc", 100, "“abc” ไม่ใช่จำนวนชิ้น (ของ 1)"),
    ("--3", 100, "“--3” ไม่ใช่จำนวนชิ้น (ของ 1)"),
    ("-", 100, "“-” ไม่ใช่จำนวนชิ้น (ของ 1)"),
    ("3-", 100, "“3-” ไม่ใช่จำนวนชิ้น (ของ 1)"),
    ("+3", 100, "“+3” ไม่ใช่จำนวนชิ้น (ของ 1)"),
    ("1 000", 100, "“1 000” ไม่ใช่จำนวนชิ้น (ของ 1)"),
    ("²", 100, "“²” ไม่ใช่จำนวนชิ้น (ของ 1)"),  # a digit to Python, not to a cashier
    ("٣", 100, "“٣” ไม่ใช่จำนวนชิ้น (ของ 1)"),
    ("100001", 2000, "จำนวนของ 20 มากเกินไป"),
    (100_001, 2000, "จำนวนของ 20 มากเกินไป"),
    (True, 1000, "จำนวนของ 10 ต้องเป็นจำนวนเต็ม"),
    (False, 1000, "จำนวนของ 10 ต้องเป็นจำนวนเต็ม"),
])
def test_a_bad_count_is_refused_word_for_word(typed: str | int, denomination: int, message: str) -> None:
    with pytest.raises(InputError) as refused:
        parse_pieces(typed, denomination)
    assert str(refused.value) == message


def test_the_refusals_read_in_english_on_an_english_screen() -> None:
    set_language("en")
    with pytest.raises(InputError) as refused:
        parse_pieces("-2", 500)
    assert str(refused.value) == "The count for 5 cannot be negative"
    with pytest.raises(InputError) as refused:
        parse_count({300: "1"})
    assert str(refused.value) == "300 is not a Thai note or coin"


def test_a_count_naming_a_coin_thailand_does_not_have_is_refused() -> None:
    for unknown in (300, 1, 0, 25_000):
        with pytest.raises(InputError) as refused:
            parse_count({100000: "1", unknown: "1"})
        assert str(refused.value) == f"{unknown} ไม่ใช่ธนบัตรหรือเหรียญไทย"
    with pytest.raises(InputError) as refused:
        parse_count({100000: "2", 25: "-1"})  # one bad entry refuses the whole count
    assert str(refused.value) == "จำนวนของ 0.25 ติดลบไม่ได้"


def test_a_count_is_stored_as_compact_json_with_every_denomination() -> None:
    stored = to_json({100000: 3, 25: 7})
    assert stored == ('{"100000":3,"50000":0,"10000":0,"5000":0,"2000":0,"1000":0,"500":0,"200":0,"100":0,'
                      '"50":0,"25":7}')
    assert from_json(stored) == {**ALL_ZERO, 100000: 3, 25: 7}
    assert from_json('{"100":"2","50":4}') == {100: 2, 50: 4}
    assert to_json({}) == ('{"100000":0,"50000":0,"10000":0,"5000":0,"2000":0,"1000":0,"500":0,"200":0,"100":0,'
                           '"50":0,"25":0}')
