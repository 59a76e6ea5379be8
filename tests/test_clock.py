"""The one clock: a fixed clock under every test, the Bangkok business day, and the system clock restored.

Bangkok is UTC+7 all year (no daylight saving), so the day boundary is 17:00 UTC; the expected days below
are worked out by hand from that.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest

from pos_app import clock
from pos_app.clock import FixedClock, business_date, fixed, set_clock, today, utc_now

UTC = dt.UTC
PLUS_7 = dt.timezone(dt.timedelta(hours=7))


def test_every_test_runs_at_ten_in_the_morning_bangkok_on_24_november_2026(clock: FixedClock) -> None:
    assert utc_now() == dt.datetime(2026, 11, 24, 3, 0, tzinfo=UTC)
    assert utc_now() == dt.datetime(2026, 11, 24, 3, 0, 1, tzinfo=UTC)  # one second per reading
    assert today() == dt.date(2026, 11, 24)


@pytest.mark.parametrize(
    ("at_utc", "day"),
    [
        (dt.datetime(2026, 11, 24, 16, 59, tzinfo=UTC), dt.date(2026, 11, 24)),  # 23:59 Bangkok
        (dt.datetime(2026, 11, 24, 16, 59, 59, 999999, tzinfo=UTC), dt.date(2026, 11, 24)),
        (dt.datetime(2026, 11, 24, 17, 0, tzinfo=UTC), dt.date(2026, 11, 25)),  # midnight Bangkok
        (dt.datetime(2026, 11, 24, 17, 1, tzinfo=UTC), dt.date(2026, 11, 25)),  # 00:01 Bangkok
        (dt.datetime(2026, 11, 24, 23, 30, tzinfo=UTC), dt.date(2026, 11, 25)),  # 06:30 Bangkok, still UTC 24th
        (dt.datetime(2026, 11, 24, 0, 0, tzinfo=UTC), dt.date(2026, 11, 24)),  # 07:00 Bangkok
        (dt.datetime(2026, 12, 31, 17, 0, tzinfo=UTC), dt.date(2027, 1, 1)),  # new year in Bangkok first
        (dt.datetime(2026, 11, 25, 0, 1, tzinfo=PLUS_7), dt.date(2026, 11, 25)),  # an instant given at +07:00
        (dt.datetime(2026, 11, 24, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=-5))), dt.date(2026, 11, 25)),
    ],
)
def test_business_date_is_the_bangkok_day(at_utc: dt.datetime, day: dt.date) -> None:
    assert business_date(at_utc) == day


def test_today_follows_the_clock_across_bangkok_midnight(clock: FixedClock) -> None:
    clock.set(dt.datetime(2026, 11, 24, 23, 59, tzinfo=PLUS_7))
    assert today() == dt.date(2026, 11, 24)
    clock.set(dt.datetime(2026, 11, 25, 0, 1, tzinfo=PLUS_7))
    assert today() == dt.date(2026, 11, 25)


def test_business_date_refuses_a_naive_instant() -> None:
    with pytest.raises(ValueError, match=r"^a UTC instant is required$"):
        business_date(dt.datetime(2026, 11, 24, 10, 0))


def test_a_fixed_clock_reads_its_instant_in_utc_and_steps() -> None:
    fc = FixedClock(dt.datetime(2026, 11, 24, 10, 0, tzinfo=PLUS_7), step=dt.timedelta(minutes=5))
    first = fc()
    assert first == dt.datetime(2026, 11, 24, 3, 0, tzinfo=UTC) and first.tzinfo is UTC
    assert fc() == dt.datetime(2026, 11, 24, 3, 5, tzinfo=UTC)
    assert fc.instant == dt.datetime(2026, 11, 24, 3, 10, tzinfo=UTC)


def test_a_fixed_clock_without_a_step_stands_still() -> None:
    fc = FixedClock(dt.datetime(2026, 1, 1, tzinfo=UTC))
    assert fc() == fc() == dt.datetime(2026, 1, 1, tzinfo=UTC)
    assert fc.step == dt.timedelta(0)


def test_advance_and_set_move_the_clock() -> None:
    fc = FixedClock(dt.datetime(2026, 11, 24, 3, 0, tzinfo=UTC))
    fc.advance(dt.timedelta(hours=14, minutes=1))
    assert fc() == dt.datetime(2026, 11, 24, 17, 1, tzinfo=UTC)
    fc.set(dt.datetime(2026, 11, 25, 0, 1, tzinfo=PLUS_7))
    got = fc()
    assert got == dt.datetime(2026, 11, 24, 17, 1, tzinfo=UTC) and got.utcoffset() == dt.timedelta(0)
    assert got.tzinfo is UTC


@pytest.mark.parametrize("naive", [dt.datetime(2026, 11, 24, 10, 0)])
def test_a_fixed_clock_refuses_a_naive_instant(naive: dt.datetime) -> None:
    with pytest.raises(ValueError, match=r"^a fixed clock needs an aware instant$"):
        FixedClock(naive)
    fc = FixedClock(dt.datetime(2026, 1, 1, tzinfo=UTC))
    with pytest.raises(ValueError, match=r"^a fixed clock needs an aware instant$"):
        fc.set(naive)
    assert fc.instant == dt.datetime(2026, 1, 1, tzinfo=UTC)


def test_fixed_sets_the_clock_and_puts_the_previous_one_back_even_after_an_error(clock: FixedClock) -> None:
    outer = utc_now()
    with pytest.raises(RuntimeError), fixed(dt.datetime(2030, 5, 1, 12, 0, tzinfo=UTC)) as inner:
        assert utc_now() == dt.datetime(2030, 5, 1, 12, 0, tzinfo=UTC)
        assert utc_now() == dt.datetime(2030, 5, 1, 12, 0, tzinfo=UTC)  # no step unless asked
        assert inner.step == dt.timedelta(0)
        raise RuntimeError("boom")
    assert utc_now() == outer + dt.timedelta(seconds=1)  # the test's clock again, where it left off


def test_fixed_with_a_step() -> None:
    with fixed(dt.datetime(2026, 1, 1, tzinfo=UTC), step=dt.timedelta(seconds=30)):
        assert [utc_now() for _ in range(3)] == [
            dt.datetime(2026, 1, 1, 0, 0, 0, tzinfo=UTC),
            dt.datetime(2026, 1, 1, 0, 0, 30, tzinfo=UTC),
            dt.datetime(2026, 1, 1, 0, 1, 0, tzinfo=UTC),
        ]


def test_set_clock_none_goes_back_to_the_system_clock() -> None:
    """Checked against ``time.time()`` (an independent reading), so the result does not depend on the hour."""
    try:
        set_clock(None)
        before = time.time()
        now = utc_now()
        after = time.time()
        assert now.utcoffset() == dt.timedelta(0)
        assert before - 1 <= now.timestamp() <= after + 1
        set_clock(lambda: dt.datetime(2001, 2, 3, 4, 5, tzinfo=UTC))
        assert utc_now() == dt.datetime(2001, 2, 3, 4, 5, tzinfo=UTC)
        assert today() == dt.date(2001, 2, 3)
    finally:
        set_clock(None)


def test_the_zone_is_bangkok() -> None:
    assert str(clock.BANGKOK) == "Asia/Bangkok"
