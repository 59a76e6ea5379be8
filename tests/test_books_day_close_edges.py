"""Edges of the day close found by mutation testing (pos_app/books/days.py), worked by hand on the known day
of tests/books_day.py: a closed shift does not hide a later open one, the day close of the Kapi stall closes
the stall's own open shift, the close and the seal name the treasurer in the journal, the stored Z keeps its
journal head, and the close screen marks only this shop's closed days."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest

from db.connection import OpenedDatabase
from db.models import JournalEntry, Shop, Till, User
from db.models.books import ShiftClose, ZReport
from db.models.trust import AuditEntry
from pos_app.books import cash, close_backup, closed, days
from pos_app.clock import FixedClock
from pos_app.errors import InputError
from tests.books_day import DAY, at, build_day, master_data, t1, treasurer

COUNT_723 = {10000: 7, 2000: 1, 100: 3}


def _user_of(doc_type: str) -> object:
    return JournalEntry.get(JournalEntry.doc_type == doc_type).user_id  # type: ignore[attr-defined]


def test_a_closed_shift_does_not_hide_the_next_one_left_open(empty_db: OpenedDatabase) -> None:
    build_day()
    cash.close_shift(treasurer(), t1().id, COUNT_723, "เหรียญหาย", now=at(17))
    cash.open_shift(treasurer(), t1().id, {10000: 1}, now=at(18))  # shift 2, still open
    with pytest.raises(InputError) as err:
        days.close_day(treasurer(), t1().shop_id, DAY, now=at(19), take_backup=False)
    assert str(err.value) == ("ยังมีกะที่เปิดอยู่ (T1 #2) นับเงินในลิ้นชักแล้วปิดกะก่อน "
                              "หรือปิดวันโดยปิดกะนั้นแบบไม่นับเงิน")
    assert not closed.is_closed(t1().shop_id, DAY)


def test_the_stalls_close_closes_the_stalls_own_open_shift_uncounted(empty_db: OpenedDatabase) -> None:
    master_data()
    k1 = Till.get(Till.code == "K1")
    shift = cash.open_shift(treasurer(), k1.id, {2000: 5}, now=at(8))  # ฿100.00, nothing sold
    days.close_day(treasurer(), k1.shop_id, DAY, close_open_shifts=True, now=at(17), take_backup=False)
    row = ShiftClose.get(ShiftClose.shift_uuid == shift.uuid)
    assert (row.counted, row.counted_satang, row.over_short_satang, row.note, row.closed_at) == (
        False, 10000, 0, "ปิดกะตอนปิดวันโดยไม่ได้นับเงิน", at(17))
    assert cash.current_shift(k1.id) is None


def test_the_close_and_the_seal_name_the_treasurer_and_the_z_keeps_its_journal_head(
        empty_db: OpenedDatabase) -> None:
    build_day()
    cash.close_shift(treasurer(), t1().id, COUNT_723, "เหรียญหาย", now=at(17))
    market = t1().shop_id
    done = days.close_day(treasurer(), market, DAY, now=at(18), take_backup=False)
    wanna = User.get(User.login == "wanna").id
    assert _user_of("day_close") == wanna
    stored = ZReport.get(ZReport.till == t1().id).journal_head
    assert stored == done.z_reports[0].journal_head and re.fullmatch(r"\d+:[0-9a-f]{64}", stored)
    closed.admit_to_shop(market, uuid.UUID("00000000-0000-4000-8000-0000000000aa"), "sale", at(17, 59))
    days.seal_addendum(treasurer(), market, DAY, now=at(9, 0, DAY.replace(day=25)))
    assert _user_of("addendum_seal") == wanna


def test_the_close_screen_marks_only_this_shops_closed_days(empty_db: OpenedDatabase, clock: FixedClock) -> None:
    master_data()
    market, stall = Shop.get(Shop.code == "BHS-MARKET").id, Shop.get(Shop.code == "KAPI-STALL").id
    days.close_day(treasurer(), market, DAY, now=at(18), take_backup=False)
    clock.set(at(19))  # the evening of the 24th: today and yesterday are offered
    yesterday = DAY.replace(day=23)
    assert days.days_to_close(market) == [(DAY, True), (yesterday, False)]
    assert days.days_to_close(stall) == [(DAY, False), (yesterday, False)]


def test_the_close_backs_up_into_the_folder_it_is_given_in_the_treasurers_name(
        empty_db: OpenedDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(close_backup.ENV, raising=False)  # no folder set on this laptop
    monkeypatch.setattr(close_backup, "_settings_file", lambda: tmp_path / "config" / "books.json")
    build_day()
    cash.close_shift(treasurer(), t1().id, COUNT_723, "เหรียญหาย", now=at(17))
    stick = tmp_path / "stick"
    done = days.close_day(treasurer(), t1().shop_id, DAY, now=at(18), backup_to=stick)
    assert done.backup is not None and done.backup.ok and done.backup.path is not None
    assert [p.name for p in stick.iterdir()] == [done.backup.path.name]
    audit = AuditEntry.get(AuditEntry.kind == "backup")
    assert audit.user_id == User.get(User.login == "wanna").id


def test_the_open_shifts_are_listed_by_till_code(empty_db: OpenedDatabase) -> None:
    master_data()
    market = t1().shop_id
    t0 = Till.create(shop=market, code="T0", name="โต๊ะขาย 0")  # a second till, after T1 by id, first by code
    cash.open_shift(treasurer(), t0.id, {10000: 1}, now=at(8))
    cash.close_shift(treasurer(), t0.id, {10000: 1}, now=at(9))
    cash.open_shift(treasurer(), t0.id, {10000: 1}, now=at(9, 5))  # T0 #2
    cash.open_shift(treasurer(), t1().id, {10000: 1}, now=at(9, 10))  # T1 #1
    with pytest.raises(InputError) as err:
        days.close_day(treasurer(), market, DAY, now=at(19), take_backup=False)
    assert str(err.value) == ("ยังมีกะที่เปิดอยู่ (T0 #2, T1 #1) นับเงินในลิ้นชักแล้วปิดกะก่อน "
                              "หรือปิดวันโดยปิดกะนั้นแบบไม่นับเงิน")
