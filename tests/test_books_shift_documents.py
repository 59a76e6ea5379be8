"""A shift's own documents, worked by hand (pos_app/books/cash.py): the shift and shift_close rows and journal
entries with their exact keys and values, the events, the Thai refusals that write nothing, over/short by
fixed figures.  The day is tests/books_day.py (float ฿432.00, drawer expected ฿723.60 at 17:00)."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest

from db.connection import OpenedDatabase
from db.models import JournalEntry, Till, User
from db.models.books import CashMovement, LateDocument, Shift, ShiftClose
from pos_app.books import cash, days
from pos_app.books.events import ShiftChanged
from pos_app.clock import FixedClock
from pos_app.errors import InputError, NotFound, PermissionDenied
from pos_app.events import bus
from pos_app.money import Money
from tests.books_day import DAY, FLOAT, at, build_day, master_data, seller, t1, treasurer

SHIFT = uuid.UUID("5a1f0000-0000-4000-8000-000000000001")
FLOAT_JSON = '{"100000":0,"50000":0,"10000":2,"5000":0,"2000":5,"1000":10,"500":4,"200":0,"100":10,"50":2,"25":4}'
COUNT_723 = {10000: 7, 2000: 1, 100: 3}  # 700 + 20 + 3 = ฿723.00: ฿0.60 short of ฿723.60
COUNT_723_JSON = '{"100000":0,"50000":0,"10000":7,"5000":0,"2000":1,"1000":0,"500":0,"200":0,"100":3,"50":0,"25":0}'
NOTHING_JSON = '{"100000":0,"50000":0,"10000":0,"5000":0,"2000":0,"1000":0,"500":0,"200":0,"100":0,"50":0,"25":0}'


def _header(entry: JournalEntry) -> tuple[str, object, object, object]:
    """A journal entry's type, till id, user id and time (ids as stored)."""
    return entry.doc_type, entry.till_id, entry.user_id, entry.created_at  # type: ignore[attr-defined]


def _written() -> tuple[int, int, int, int]:
    return (Shift.select().count(), ShiftClose.select().count(), CashMovement.select().count(),
            JournalEntry.select().count())


def _summary(doc: uuid.UUID) -> dict[str, object]:
    return dict(json.loads(JournalEntry.get(JournalEntry.doc_uuid == doc).summary))


def test_opening_writes_the_shift_its_journal_entry_and_event(empty_db: OpenedDatabase) -> None:
    master_data()
    seen: list[ShiftChanged] = []
    stop = bus.subscribe(ShiftChanged, seen.append)
    try:
        info = cash.open_shift(treasurer(), t1().id, FLOAT, now=at(8), shift_uuid=SHIFT)
    finally:
        stop()
    wanna = User.get(User.login == "wanna")
    assert info == cash.ShiftInfo(SHIFT, Shift.get(Shift.uuid == SHIFT).id, t1().id, 1, "วรรณา", at(8), DAY,
                                  Money(43200), None)
    row = Shift.get(Shift.uuid == SHIFT)
    assert (row.till_id, row.number, row.opened_by_id, row.opened_at, row.business_date, row.float_satang,
            row.float_count) == (t1().id, 1, wanna.id, at(8), DAY, 43200, FLOAT_JSON)
    entry = JournalEntry.get(JournalEntry.doc_uuid == SHIFT)
    assert _header(entry) == ("shift", t1().id, wanna.id, at(8))
    assert json.loads(entry.summary) == {"till": "T1", "number": 1, "user": "wanna",
                                         "at": "2026-11-24T01:00:00+00:00", "float": 43200, "count": FLOAT_JSON}
    assert seen == [ShiftChanged(t1().id, SHIFT, False)]


def test_shifts_are_numbered_per_till_and_dated_by_the_clock(empty_db: OpenedDatabase, clock: FixedClock) -> None:
    master_data()
    kapi = Till.get(Till.code == "K1")
    clock.set(at(7, 30))
    first = cash.open_shift(treasurer(), t1().id, {10000: 1})  # no `now`: the clock's 07:30
    assert (first.opened_at, first.number, first.float) == (at(7, 30), 1, Money(10000))
    assert cash.open_shift(treasurer(), kapi.id, {2000: 1}, now=at(8)).number == 1  # K1's own first shift
    cash.close_shift(treasurer(), t1().id, {10000: 1}, now=at(12))
    second = cash.open_shift(treasurer(), t1().id, {10000: 3}, now=at(12, 5))
    assert (second.number, second.float, second.till_id) == (2, Money(30000), t1().id)
    # 00:30 in Bangkok on the 25th is still the 24th in UTC: the shift belongs to the 25th.
    cash.close_shift(treasurer(), t1().id, {10000: 3}, now=at(23))
    late = cash.open_shift(treasurer(), t1().id, {}, now=at(0, 30, dt.date(2026, 11, 25)))
    assert (late.number, late.business_date, late.float) == (3, dt.date(2026, 11, 25), Money(0))


def test_a_second_open_shift_an_unknown_till_and_a_seller_are_refused_and_nothing_is_written(
        empty_db: OpenedDatabase) -> None:
    build_day()
    before = _written()
    with pytest.raises(InputError) as err:
        cash.open_shift(treasurer(), t1().id, FLOAT, now=at(14))
    assert str(err.value) == "เครื่องขายนี้มีกะที่เปิดอยู่แล้ว ปิดกะเดิมก่อนเปิดกะใหม่"
    with pytest.raises(NotFound) as missing:
        cash.open_shift(treasurer(), 987654, FLOAT, now=at(14))
    assert str(missing.value) == "ไม่พบเครื่องขายรหัส 987654"
    kapi = Till.get(Till.code == "K1")
    with pytest.raises(PermissionDenied):
        cash.open_shift(seller(), kapi.id, FLOAT, now=at(14))
    with pytest.raises(PermissionDenied):
        cash.close_shift(seller(), t1().id, COUNT_723, "x", now=at(14))
    assert _written() == before


def test_closing_short_writes_the_close_its_journal_entry_and_event(empty_db: OpenedDatabase) -> None:
    build_day()
    shift = cash.open_shift_of(t1().id)
    assert shift is not None
    seen: list[ShiftChanged] = []
    stop = bus.subscribe(ShiftChanged, seen.append)
    try:
        done = cash.close_shift(treasurer(), t1().id, COUNT_723, "  เหรียญหาย  ", now=at(17))
    finally:
        stop()
    assert done.drawer == cash.Drawer(Money(43200), Money(37000), Money(9340), Money(5000), Money(10000),
                                      Money(3500))
    assert (done.counted, done.over_short, done.was_counted) == (Money(72300), Money(-60), True)
    assert (done.shift.uuid, done.shift.number, done.shift.opened_by, done.shift.opened_at, done.shift.closed_at,
            done.shift.float) == (shift.uuid, 1, "วรรณา", at(8), at(17), Money(43200))
    row = ShiftClose.get(ShiftClose.shift_uuid == shift.uuid)
    wanna = User.get(User.login == "wanna")
    assert (row.closed_by.id, row.closed_at, row.counted, row.count, row.counted_satang, row.expected_satang,
            row.over_short_satang, row.note) == (wanna.id, at(17), True, COUNT_723_JSON, 72300, 72360, -60,
                                                 "เหรียญหาย")
    entry = JournalEntry.get(JournalEntry.doc_uuid == row.uuid)
    assert _header(entry) == ("shift_close", t1().id, wanna.id,
                                                                                at(17))
    assert json.loads(entry.summary) == {"shift": str(shift.uuid), "user": "wanna", "at": "2026-11-24T10:00:00+00:00",
                                         "counted": 72300, "expected": 72360, "over_short": -60}
    assert seen == [ShiftChanged(t1().id, shift.uuid, True)]
    assert cash.current_shift(t1().id) is None


def test_a_short_drawer_needs_a_note_in_thai_and_nothing_is_written(empty_db: OpenedDatabase) -> None:
    build_day()
    before = _written()
    for note in ("", "   "):
        with pytest.raises(InputError) as err:
            cash.close_shift(treasurer(), t1().id, COUNT_723, note, now=at(17))
        assert str(err.value) == "เงินในลิ้นชักขาด ฿0.60 กรุณาเขียนหมายเหตุบอกสาเหตุ"
    with pytest.raises(InputError) as over:
        cash.close_shift(treasurer(), t1().id, {10000: 7, 2000: 1, 1000: 1}, " ", now=at(17))
    assert str(over.value) == "เงินในลิ้นชักเกิน ฿6.40 กรุณาเขียนหมายเหตุบอกสาเหตุ"
    assert _written() == before


def test_an_even_drawer_closes_without_a_note(empty_db: OpenedDatabase) -> None:
    master_data()
    kapi = Till.get(Till.code == "K1")
    cash.open_shift(treasurer(), kapi.id, FLOAT, now=at(8))
    done = cash.close_shift(treasurer(), kapi.id, FLOAT, now=at(17))  # ฿432.00 counted, ฿432.00 expected
    assert (done.counted, done.over_short, done.was_counted, done.shift.till_id) == (
        Money(43200), Money(0), True, kapi.id)
    row = ShiftClose.get()
    assert (row.over_short_satang, row.note, row.count) == (0, "", FLOAT_JSON)


def test_an_over_drawer_with_a_long_note_keeps_its_first_500_characters(empty_db: OpenedDatabase,
                                                                       clock: FixedClock) -> None:
    build_day()
    clock.set(at(17, 30))
    done = cash.close_shift(treasurer(), t1().id, {10000: 7, 2000: 1, 1000: 1}, "ก" * 499 + "ขค")  # no `now`
    assert (done.counted, done.over_short, done.shift.closed_at) == (Money(73000), Money(640), at(17, 30))
    row = ShiftClose.get()
    assert (row.note, row.closed_at, row.over_short_satang) == ("ก" * 499 + "ข", at(17, 30), 640)


def test_closing_uncounted_takes_the_expected_figure_and_says_so(empty_db: OpenedDatabase) -> None:
    build_day()
    done = cash.close_shift(treasurer(), t1().id, None, now=at(17))
    assert (done.counted, done.over_short, done.was_counted) == (Money(72360), Money(0), False)
    row = ShiftClose.get()
    assert (row.counted, row.count, row.counted_satang, row.expected_satang, row.over_short_satang) == (
        False, NOTHING_JSON, 72360, 72360, 0)
    assert _summary(row.uuid)["counted"] == 72360


def test_a_shift_opened_and_cash_moved_before_a_later_close_go_into_the_addendum(empty_db: OpenedDatabase) -> None:
    build_day()
    cash.close_shift(treasurer(), t1().id, COUNT_723, "เหรียญหาย", now=at(17))
    days.close_day(treasurer(), t1().shop_id, DAY, now=at(18))
    # Paper of 17:30 and 17:45 (before the 18:00 close) keyed in late: each into the day's addendum, by kind.
    shift = cash.open_shift(treasurer(), t1().id, {10000: 1}, now=at(17, 30))
    moved = cash.move_cash(treasurer(), t1().id, "in", "change", "เหรียญทอน", Money(1000), now=at(17, 45))
    late = {row.doc_uuid: row.doc_type for row in LateDocument.select()}
    assert late == {shift.uuid: "shift", moved: "cash_in"}
