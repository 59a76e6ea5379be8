"""Thai dates at their edges: eras written out, the year limits, seconds, naive instants; literals by hand.

BE = CE + 543.  Typed years are accepted from 1900 to 2200 CE (BE 2443–2743).
"""

from __future__ import annotations

import datetime as dt
import time

import pytest

from pos_app.errors import InputError
from pos_app.thai.dates import format_date, format_datetime, format_time, parse_date, to_bangkok

UTC = dt.UTC


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("24 Nov B.E. 2569", dt.date(2026, 11, 24)),
        ("24 nov be 2569", dt.date(2026, 11, 24)),
        ("24 พ.ย. พ. ศ. 2569", dt.date(2026, 11, 24)),
        ("24 พ. ย. 2569", dt.date(2026, 11, 24)),  # a space typed inside the abbreviation
        ("24 พฤศจิกายน ค.ศ. 2026", dt.date(2026, 11, 24)),
        ("1 Jan A.D. 2200", dt.date(2200, 1, 1)),
        ("1/1/1900", dt.date(1900, 1, 1)),  # the first year accepted
        ("31/12/2200", dt.date(2200, 12, 31)),  # the last
        ("1/1/2443", dt.date(1900, 1, 1)),  # the same limits in BE
        ("31/12/2743", dt.date(2200, 12, 31)),
        ("1900-01-01", dt.date(1900, 1, 1)),
    ],
)
def test_dates_that_are_read(text: str, day: dt.date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    "text",
    ["31/12/1899", "1/1/2201", "31/12/2442", "1/1/2744", "1 Jan A.D. 2450", "1 ม.ค. ค.ศ. 2569", "1 Jan 99",
     "2400-01-01", "1/1/2400"],
)
def test_dates_that_are_refused(text: str) -> None:
    with pytest.raises(InputError) as err:
        parse_date(text)
    assert str(err.value) == f"“{text}” ไม่ใช่วันที่ (ตัวอย่าง 24/11/2569 หรือ 24 พ.ย. 2569)"


def test_parse_date_takes_a_string() -> None:
    with pytest.raises(TypeError, match=r"^parse_date takes a string, not int$"):
        parse_date(24112569)  # type: ignore[arg-type]


def test_times_with_and_without_seconds() -> None:
    at = dt.datetime(2026, 11, 24, 7, 5, 9, tzinfo=UTC)  # 14:05:09 Bangkok
    assert format_time(at) == "14:05"
    assert format_time(at, seconds=True) == "14:05:09"
    assert format_time(at, seconds=True, thai_digits=True) == "๑๔:๐๕:๐๙"
    assert format_datetime(at, lang="th") == "24/11/2569 14:05"
    assert format_datetime(at, lang="th", seconds=True) == "24/11/2569 14:05:09"
    assert format_datetime(at, "long", lang="en", seconds=True) == "24 November 2026, 14:05:09"
    assert format_datetime(at, "long", lang="th") == "24 พฤศจิกายน พ.ศ. 2569 เวลา 14:05 น."


def test_a_naive_instant_is_utc_whatever_the_computer_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    naive = dt.datetime(2026, 11, 24, 17, 30)  # 00:30 on the 25th in Bangkok
    expected = dt.datetime(2026, 11, 25, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert to_bangkok(naive) == expected
    if hasattr(time, "tzset"):  # POSIX: set the process's zone to one far from UTC and ask again
        monkeypatch.setenv("TZ", "America/New_York")
        time.tzset()
        try:
            assert to_bangkok(naive) == expected
            assert format_date(naive, "short", lang="th") == "25 พ.ย. 2569"
        finally:
            monkeypatch.undo()
            time.tzset()


def test_unknown_style_and_language_are_programming_errors() -> None:
    with pytest.raises(ValueError, match=r"^unknown date style 'huge'$"):
        format_date(dt.date(2026, 1, 1), "huge", lang="th")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^unsupported language 'fr'$"):
        format_date(dt.date(2026, 1, 1), lang="fr")
