"""The one clock.  Instants are UTC; the shop's calendar day is the Asia/Bangkok day.

Everything that takes the time — services, reports, the UI — asks :func:`utc_now` (or :func:`today`), never
``datetime.now()``, so that a test (or a replay) can set the clock with :func:`set_clock` / :func:`fixed`.
(Showing an instant is ``pos_app.thai.dates``: ``to_bangkok``, ``format_datetime``.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from zoneinfo import ZoneInfo

BANGKOK = ZoneInfo("Asia/Bangkok")


def _system() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


_source: Callable[[], dt.datetime] = _system


class FixedClock:
    """A clock that says ``instant`` (aware) and moves only when told (``step`` after each reading)."""

    def __init__(self, instant: dt.datetime, step: dt.timedelta = dt.timedelta(0)) -> None:
        if instant.tzinfo is None:
            raise ValueError("a fixed clock needs an aware instant")
        self.instant = instant.astimezone(dt.UTC)
        self.step = step

    def __call__(self) -> dt.datetime:
        now = self.instant
        self.instant = now + self.step
        return now

    def advance(self, by: dt.timedelta) -> None:
        self.instant += by

    def set(self, instant: dt.datetime) -> None:
        if instant.tzinfo is None:
            raise ValueError("a fixed clock needs an aware instant")
        self.instant = instant.astimezone(dt.UTC)


def utc_now() -> dt.datetime:
    """Now, as an aware UTC instant, from the clock in use."""
    return _source()


def business_date(instant: dt.datetime) -> dt.date:
    """The Bangkok calendar day an instant falls on (the day its sale belongs to)."""
    if instant.tzinfo is None:
        raise ValueError("a UTC instant is required")
    return instant.astimezone(BANGKOK).date()


def today() -> dt.date:
    """The shop's calendar day now (Asia/Bangkok)."""
    return business_date(utc_now())


def set_clock(source: Callable[[], dt.datetime] | None) -> None:
    """Use ``source`` as the clock from now on (``None``: the system clock again)."""
    global _source
    _source = source or _system


@contextmanager
def fixed(instant: dt.datetime, step: dt.timedelta = dt.timedelta(0)) -> Iterator[FixedClock]:
    """``with fixed(instant) as clock:`` — the clock reads ``instant`` inside the block."""
    previous = _source
    clock = FixedClock(instant, step)
    set_clock(clock)
    try:
        yield clock
    finally:
        set_clock(previous)
