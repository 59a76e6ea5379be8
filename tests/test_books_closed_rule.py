"""The closed-day rule itself (pos_app.books.closed), called directly: a document made before the close
arriving later goes into the open addendum, one made at or after the close is refused in Thai, a document
carrying its own day (admit_dated) stands for paper of that day when it is entered on a later day.  The
market (BHS-MARKET, till T1) and the Kapi stall have no documents; their day is closed at fixed instants."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest

from db.connection import OpenedDatabase
from db.models import JournalEntry, Shop, Till
from db.models.books import LateDocument
from pos_app.books import closed, days
from pos_app.clock import FixedClock
from pos_app.errors import ClosedDayError
from tests.books_day import DAY, at, master_data, treasurer

NEXT = DAY + dt.timedelta(days=1)
MICRO = dt.timedelta(microseconds=1)
DOC = [uuid.UUID(f"00000000-0000-4000-8000-00000000000{n}") for n in range(10)]


def _closed_at_18_and_17(only_market: bool = False) -> tuple[int, int]:
    """Close the market's day at 18:00 and (unless ``only_market``) the stall's at 17:00."""
    master_data()
    market, stall = Shop.get(Shop.code == "BHS-MARKET").id, Shop.get(Shop.code == "KAPI-STALL").id
    days.close_day(treasurer(), market, DAY, now=at(18))
    if not only_market:
        days.close_day(treasurer(), stall, DAY, now=at(17))
    return market, stall


def _late() -> list[tuple[int, dt.date, int, str, uuid.UUID, dt.datetime]]:
    return [(r.shop_id, r.business_date, r.addendum_no, r.doc_type, uuid.UUID(str(r.doc_uuid)), r.made_at)
            for r in LateDocument.select().order_by(LateDocument.id)]


def _refused_text(call: object) -> str:
    with pytest.raises(ClosedDayError) as err:
        call()  # type: ignore[operator]
    return str(err.value)


REFUSED_18 = ("วันที่ 24 พ.ย. 2569 ปิดบัญชีแล้วเมื่อเวลา 18:00 น. ลงรายการใหม่ในวันนั้นไม่ได้ "
              "ให้บันทึกในบัญชีของวันนี้ (การแก้ไขทำโดยเอกสารกลับรายการ)")
REFUSED_17 = REFUSED_18.replace("18:00", "17:00")


def test_which_day_is_closed(empty_db: OpenedDatabase) -> None:
    market, stall = _closed_at_18_and_17(only_market=True)
    close = closed.day_close_of(market, DAY)
    assert close is not None and (close.shop_id, close.business_date, close.closed_at) == (market, DAY, at(18))
    assert closed.day_close_of(stall, DAY) is None
    assert closed.day_close_of(market, NEXT) is None
    assert closed.day_close_of(market, DAY - dt.timedelta(days=1)) is None
    assert (closed.is_closed(market, DAY), closed.is_closed(stall, DAY), closed.is_closed(market, NEXT)) == (
        True, False, False)


def test_a_document_made_before_the_close_goes_into_the_open_addendum(
        empty_db: OpenedDatabase, clock: FixedClock) -> None:
    market, _stall = _closed_at_18_and_17(only_market=True)
    clock.set(at(9, 0, NEXT))  # it arrives the next morning
    assert closed.admit_to_shop(market, DOC[1], "sale", at(17, 59)) == 1
    assert _late() == [(market, DAY, 1, "sale", DOC[1], at(17, 59))]
    row = LateDocument.get()
    assert row.arrived_at == at(9, 0, NEXT)
    entry = JournalEntry.get(JournalEntry.doc_uuid == row.uuid)
    assert (entry.doc_type, entry.doc_uuid, entry.created_at) == ("late_document", row.uuid, at(9, 0, NEXT))
    assert json.loads(entry.summary) == {"shop": "BHS-MARKET", "day": "2026-11-24", "addendum": 1, "doc_type": "sale",
                                         "doc": str(DOC[1]), "made_at": "2026-11-24T10:59:00+00:00"}
    # One microsecond before the close is still before it.
    assert closed.admit_to_shop(market, DOC[2], "refund", at(18) - MICRO) == 1
    # Addendum 1 sealed: the next one goes into addendum 2.
    days.seal_addendum(treasurer(), market, DAY, now=at(9, 30, NEXT))
    assert closed.open_addendum_no(market, DAY) == 2
    assert closed.admit_to_shop(market, DOC[3], "void", at(12)) == 2
    assert [(n, t) for _s, _d, n, t, _u, _m in _late()] == [(1, "sale"), (1, "refund"), (2, "void")]


def test_the_open_addendum_is_counted_per_shop_and_day(empty_db: OpenedDatabase) -> None:
    market, stall = _closed_at_18_and_17()
    assert closed.open_addendum_no(market, DAY) == 1
    closed.admit_to_shop(market, DOC[1], "sale", at(12))
    days.seal_addendum(treasurer(), market, DAY, now=at(9, 0, NEXT))
    closed.admit_to_shop(market, DOC[2], "sale", at(12))
    days.seal_addendum(treasurer(), market, DAY, now=at(9, 5, NEXT))
    assert closed.open_addendum_no(market, DAY) == 3  # two sealed
    assert closed.open_addendum_no(stall, DAY) == 1  # the other shop's day: none sealed
    assert closed.open_addendum_no(market, DAY - dt.timedelta(days=1)) == 1  # the day before: none sealed


def test_a_document_made_at_or_after_the_close_is_refused_in_thai(empty_db: OpenedDatabase) -> None:
    market, _stall = _closed_at_18_and_17(only_market=True)
    assert _refused_text(lambda: closed.admit_to_shop(market, DOC[1], "sale", at(18))) == REFUSED_18
    assert _refused_text(lambda: closed.admit_to_shop(market, DOC[2], "sale", at(23, 59))) == REFUSED_18
    assert LateDocument.select().count() == 0
    # Made in the next (open) day, or in a day not closed: admitted as it is, no addendum.
    assert closed.admit_to_shop(market, DOC[3], "sale", at(0, 0, NEXT)) is None
    assert closed.admit_to_shop(market, DOC[4], "sale", at(12, 0, DAY - dt.timedelta(days=1))) is None
    assert LateDocument.select().count() == 0


def test_a_tills_document_is_judged_by_its_shops_day(empty_db: OpenedDatabase) -> None:
    market, _stall = _closed_at_18_and_17(only_market=True)
    t1, k1 = Till.get(Till.code == "T1").id, Till.get(Till.code == "K1").id
    assert closed.admit(t1, DOC[1], "cash_movement", at(16)) == 1
    assert _late() == [(market, DAY, 1, "cash_movement", DOC[1], at(16))]
    assert _refused_text(lambda: closed.admit(t1, DOC[2], "sale", at(18, 1))) == REFUSED_18
    assert closed.admit(k1, DOC[3], "sale", at(18, 1)) is None  # the stall's day is open
    assert closed.admit(987654, DOC[4], "sale", at(18, 1)) is None  # unknown till: its own service says so
    assert len(_late()) == 1


def test_a_dated_document_recorded_on_its_own_day_is_judged_by_the_moment_it_was_recorded(
        empty_db: OpenedDatabase) -> None:
    market, stall = _closed_at_18_and_17()
    # Recorded at 16:00: before both closes, in the first closed shop's addendum, made at 16:00.
    assert closed.admit_dated([market, stall], DOC[1], "transfer", DAY, at(16)) == 1
    # Recorded at 17:30: before the market's close but after the stall's: refused (the stall's close named).
    assert _refused_text(lambda: closed.admit_dated([market, stall], DOC[2], "transfer", DAY, at(17, 30))) == REFUSED_17
    # Recorded at 17:00 sharp, the stall's closing instant: refused too, not slipped into the market's addendum.
    assert _refused_text(lambda: closed.admit_dated([market, stall], DOC[7], "transfer", DAY, at(17))) == REFUSED_17
    assert _refused_text(lambda: closed.admit_dated([stall], DOC[3], "purchase", DAY, at(17))) == REFUSED_17
    assert _refused_text(lambda: closed.admit_dated([market], DOC[4], "purchase", DAY, at(18))) == REFUSED_18
    assert _late() == [(market, DAY, 1, "transfer", DOC[1], at(16))]
    # A document of an open day, or of no closed shop, is admitted as it is.
    assert closed.admit_dated([market, stall], DOC[5], "batch", NEXT, at(9, 0, NEXT)) is None
    assert closed.admit_dated([], DOC[6], "batch", DAY, at(19)) is None
    assert len(_late()) == 1


def test_a_dated_document_entered_on_a_later_day_is_paper_of_that_day_made_before_the_close(
        empty_db: OpenedDatabase) -> None:
    market, stall = _closed_at_18_and_17(only_market=True)
    # Keyed in the next morning for the closed day: made "the last instant before the close" (17:59:59.999999).
    assert closed.admit_dated([stall, market, market], DOC[1], "purchase", DAY, at(8, 0, NEXT)) == 1
    assert _late() == [(market, DAY, 1, "purchase", DOC[1], at(18) - MICRO)]
    days.close_day(treasurer(), stall, DAY, now=at(17), take_backup=False)
    # Both closed now: listed once, in the first named shop's addendum, before that shop's close (17:00).
    assert closed.admit_dated([stall, market], DOC[2], "transfer", DAY, at(8, 5, NEXT)) == 1
    assert _late()[1:] == [(stall, DAY, 1, "transfer", DOC[2], at(17) - MICRO)]
    # A day later still: the same.
    assert closed.admit_dated([market], DOC[3], "count", DAY, at(10, 0, NEXT + dt.timedelta(days=1))) == 1
    assert _late()[2:] == [(market, DAY, 1, "count", DOC[3], at(18) - MICRO)]
