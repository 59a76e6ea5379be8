"""Buddhist-Era dates and times in Asia/Bangkok, Thai digits, English forms, and typed-date parsing."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.errors import InputError
from pos_app.thai import (
    format_date,
    format_datetime,
    format_time,
    parse_date,
    to_arabic_digits,
    to_bangkok,
    to_thai_digits,
)
from resources.i18n import set_language

# 24 Nov 2026 14:05:09 in Bangkok is 07:05:09 UTC.
INSTANT = dt.datetime(2026, 11, 24, 7, 5, 9, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("style", "lang", "date_text", "datetime_text"),
    [
        ("numeric", "th", "24/11/2569", "24/11/2569 14:05"),
        ("short", "th", "24 พ.ย. 2569", "24 พ.ย. 2569 14:05"),
        ("long", "th", "24 พฤศจิกายน พ.ศ. 2569", "24 พฤศจิกายน พ.ศ. 2569 เวลา 14:05 น."),
        ("numeric", "en", "24/11/2026", "24/11/2026 14:05"),
        ("short", "en", "24 Nov 2026", "24 Nov 2026 14:05"),
        ("long", "en", "24 November 2026", "24 November 2026, 14:05"),
    ],
)
def test_document_forms(style: str, lang: str, date_text: str, datetime_text: str) -> None:
    assert format_date(INSTANT, style, lang=lang) == date_text  # type: ignore[arg-type]
    assert format_datetime(INSTANT, style, lang=lang) == datetime_text  # type: ignore[arg-type]


def test_thai_digits() -> None:
    assert format_date(INSTANT, thai_digits=True, lang="th") == "๒๔/๑๑/๒๕๖๙"
    assert format_datetime(INSTANT, thai_digits=True, lang="th") == "๒๔/๑๑/๒๕๖๙ ๑๔:๐๕"
    assert format_date(INSTANT, "long", lang="th", thai_digits=True) == "๒๔ พฤศจิกายน พ.ศ. ๒๕๖๙"
    assert format_time(INSTANT, seconds=True, thai_digits=True) == "๑๔:๐๕:๐๙"
    assert to_thai_digits("0123456789") == "๐๑๒๓๔๕๖๗๘๙"
    assert to_arabic_digits("๐๑๒๓๔๕๖๗๘๙ บาท") == "0123456789 บาท"


def test_language_follows_the_ui_by_default() -> None:
    set_language("en")
    try:
        assert format_date(INSTANT, "short") == "24 Nov 2026"
    finally:
        set_language("th")
    assert format_date(INSTANT, "short") == "24 พ.ย. 2569"


def test_utc_instant_crosses_midnight_into_the_bangkok_day() -> None:
    late = dt.datetime(2026, 12, 31, 17, 30, tzinfo=dt.UTC)  # 00:30 on 1 Jan 2027 in Bangkok
    assert format_datetime(late, lang="th") == "01/01/2570 00:30"
    assert format_date(late, "long", lang="th") == "1 มกราคม พ.ศ. 2570"


def test_naive_is_utc_and_other_zones_are_converted() -> None:
    assert format_datetime(dt.datetime(2026, 11, 24, 7, 5), lang="th") == "24/11/2569 14:05"
    tokyo = dt.datetime(2026, 11, 24, 16, 5, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert format_datetime(tokyo, lang="th") == "24/11/2569 14:05"
    assert to_bangkok(INSTANT).utcoffset() == dt.timedelta(hours=7)


def test_plain_date_is_not_shifted() -> None:
    assert format_date(dt.date(2026, 1, 1), lang="th") == "01/01/2569"
    assert format_date(dt.date(2026, 2, 3), "short", lang="th") == "3 ก.พ. 2569"


@pytest.mark.parametrize(
    "typed",
    [
        "24/11/2569",
        "24/11/2026",
        "24-11-2569",
        "24.11.2026",
        "24 / 11 / 2569",
        "2026-11-24",
        "๒๔/๑๑/๒๕๖๙",
        "24 พ.ย. 2569",
        "24 พย 2569",
        "24 พฤศจิกายน 2569",
        "24 พฤศจิกายน พ.ศ. 2569",
        "วันที่ 24 พฤศจิกายน พ.ศ. ๒๕๖๙",
        "24 Nov 2026",
        "24 november, 2026",
        " 24/11/2569 ",
    ],
)
def test_typed_dates(typed: str) -> None:
    assert parse_date(typed) == dt.date(2026, 11, 24)


def test_explicit_era_wins() -> None:
    assert parse_date("1 ม.ค. ค.ศ. 2026") == dt.date(2026, 1, 1)
    assert parse_date("29/02/2567") == dt.date(2024, 2, 29)  # BE 2567 is a leap year (CE 2024)


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "hello",
        "31/02/2569",  # no such day
        "29/02/2569",  # 2026 is not a leap year
        "24/13/2569",
        "24/11/69",  # two-digit year refused
        "24/11/569",
        "2300-01-01",  # neither a plausible CE nor a BE year
        "24 foo 2569",
        "24/11",
        "00/11/2569",
        "24/11/2569 14:05",
    ],
)
def test_not_a_date(typed: str) -> None:
    with pytest.raises(InputError) as info:
        parse_date(typed)
    assert "ไม่ใช่วันที่" in str(info.value)


dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))


@given(dates, st.sampled_from(["numeric", "short", "long"]), st.sampled_from(["th", "en"]), st.booleans())
def test_formatted_dates_parse_back(day: dt.date, style: str, lang: str, thai_digits: bool) -> None:
    text = format_date(day, style, lang=lang, thai_digits=thai_digits)  # type: ignore[arg-type]
    assert parse_date(text) == day


@given(st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1)))
def test_bangkok_is_always_seven_hours_ahead(naive_utc: dt.datetime) -> None:
    local = to_bangkok(naive_utc)
    assert local.replace(tzinfo=None) - naive_utc == dt.timedelta(hours=7)
    assert format_date(naive_utc, lang="th").endswith(str(local.year + 543))
