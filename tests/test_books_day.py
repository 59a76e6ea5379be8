"""The treasurer's day on both databases, from the hand-worked day of tests/books_day.py."""

from __future__ import annotations

import datetime as dt

import peewee as pw
import pytest

from db.connection import OpenedDatabase
from db.models import Sale, Till
from db.models.books import DayClose, LateDocument, ShiftClose
from pos_app.books import cash, days, promptpay
from pos_app.errors import ClosedDayError, InputError
from pos_app.money import Money
from pos_app.selling import sales
from tests.books_day import DAY, at, build_day, cart, promptpay_uuids, seller, t1, treasurer

COUNT_723 = {10000: 7, 2000: 1, 100: 3}  # 700 + 20 + 3 = 723.00


def test_drawer_of_the_day_is_worked_by_hand(empty_db: OpenedDatabase) -> None:
    build_day()
    shift = cash.open_shift_of(t1().id)
    assert shift is not None and shift.float_satang == 43200
    drawer = cash.drawer_of(shift)
    assert drawer.received == Money(37000)
    assert drawer.change == Money(9340)
    assert drawer.refunds == Money(5000)
    assert drawer.cash_in == Money(10000)
    assert drawer.cash_out == Money(3500)
    assert drawer.expected == Money(72360)


def test_close_shift_stores_signed_short_with_a_note(empty_db: OpenedDatabase) -> None:
    build_day()
    with pytest.raises(InputError) as err:
        cash.close_shift(treasurer(), t1().id, COUNT_723, now=at(17))
    assert "0.60" in str(err.value)
    closed = cash.close_shift(treasurer(), t1().id, COUNT_723, "เหรียญหาย", now=at(17))
    assert closed.counted == Money(72300)
    assert closed.over_short == Money(-60)
    row = ShiftClose.get()
    assert (row.expected_satang, row.counted_satang, row.over_short_satang) == (72360, 72300, -60)


def test_x_then_close_day_gives_z_and_locks_the_day(empty_db: OpenedDatabase) -> None:
    build_day()
    x = days.x_report(t1().id, DAY)
    assert (x.sales_count, x.sales_satang, x.refunds_count, x.refunds_satang, x.net_satang) == (5, 43160, 1, 5000,
                                                                                              38160)
    assert x.by_method == {"cash": 22660, "promptpay": 15500}
    assert len(x.unticked) == 2
    promptpay.tick(treasurer(), promptpay_uuids()[:1])
    cash.close_shift(treasurer(), t1().id, COUNT_723, "เหรียญหาย", now=at(17))
    result = days.close_day(treasurer(), t1().shop_id, DAY, now=at(18))
    z = result.z_reports[0]
    assert (z.kind, z.number, z.till_code, z.net_satang) == ("Z", 1, "T1", 38160)
    assert [u[2] for u in z.unticked] == [9500]  # #5 (95.00) not ticked off: flagged on the Z
    assert z.shifts[0].expected_satang == 72360 and z.shifts[0].over_short_satang == -60
    assert days.z_reports_of(t1().shop_id, DAY) == [z]
    # A new sale in the closed day, made after the close, is refused by the core...
    with pytest.raises(ClosedDayError) as err:
        sales.commit_sale(seller(), t1().id, cart(("DISH-500", 1)), Money(2500), now=at(18, 30))
    assert "ปิด" in str(err.value)
    assert Sale.select().count() == 7
    # ... and a second close of the same day too.
    with pytest.raises(InputError):
        days.close_day(treasurer(), t1().shop_id, DAY, now=at(19))


def test_database_refuses_a_raw_insert_in_a_closed_day(empty_db: OpenedDatabase) -> None:
    build_day()
    cash.close_shift(treasurer(), t1().id, COUNT_723, "เหรียญหาย", now=at(17))
    days.close_day(treasurer(), t1().shop_id, DAY, now=at(18))
    till = t1()
    db = empty_db.database
    with pytest.raises(pw.IntegrityError if empty_db.target.endswith("sqlite3") else pw.InternalError) as err:
        with db.atomic():
            db.execute_sql(
                "INSERT INTO sale (uuid, kind, till_id, number, seller_id, tier_id, created_at, business_date, "
                "total_satang, note) VALUES (%s, 'sale', %s, 99, 1, 1, %s, %s, 100, '')".replace(
                    "%s", "?" if empty_db.target.endswith("sqlite3") else "%s"),
                ("0" * 32 if empty_db.target.endswith("sqlite3") else "00000000-0000-0000-0000-000000000000",
                 till.id, at(19).replace(tzinfo=None), DAY))
    assert "closed day" in str(err.value)
    assert Sale.select().count() == 7


def test_late_sale_made_before_the_close_lands_in_the_addendum(empty_db: OpenedDatabase) -> None:
    build_day()
    cash.close_shift(treasurer(), t1().id, COUNT_723, "เหรียญหาย", now=at(17))
    days.close_day(treasurer(), t1().shop_id, DAY, now=at(18))
    late = sales.commit_sale(seller(), t1().id, cart(("DRINK-YMN", 2)), Money(4000), now=at(16, 45))
    entry = LateDocument.get(LateDocument.doc_uuid == late.uuid)
    assert (entry.business_date, entry.addendum_no, entry.doc_type) == (DAY, 1, "sale")
    report = days.addendum(t1().shop_id, DAY, 1)
    assert (report.sales_count, report.net_satang, report.by_method) == (1, 4000, {"cash": 4000})
    days.seal_addendum(treasurer(), t1().shop_id, DAY, now=at(20))
    later = sales.commit_sale(seller(), t1().id, cart(("DRINK-YMN", 1)), Money(2000), now=at(16, 50))
    assert LateDocument.get(LateDocument.doc_uuid == later.uuid).addendum_no == 2
    assert DayClose.select().count() == 1  # never reopened


def test_closing_a_day_with_an_open_shift_asks_first(empty_db: OpenedDatabase) -> None:
    build_day()
    with pytest.raises(InputError) as err:
        days.close_day(treasurer(), t1().shop_id, DAY, now=at(18))
    assert "T1 #1" in str(err.value)
    assert DayClose.select().count() == 0
    result = days.close_day(treasurer(), t1().shop_id, DAY, close_open_shifts=True, now=at(18))
    z = result.z_reports[0]
    assert z.shifts[0].counted_satang is None and z.shifts[0].expected_satang == 72360
    assert ShiftClose.get().counted is False


def test_a_day_with_no_data_closes_with_an_honest_empty_z(empty_db: OpenedDatabase) -> None:
    build_day()
    kapi = Till.get(Till.code == "K1")
    result = days.close_day(treasurer(), kapi.shop_id, DAY, now=at(18))
    z = result.z_reports[0]
    assert (z.till_code, z.sales_count, z.net_satang, z.by_method, z.shifts) == ("K1", 0, 0, {}, [])


def test_bad_counts_and_cash_moves_change_nothing(empty_db: OpenedDatabase) -> None:
    build_day()
    till = t1().id
    for bad in ({10000: "-1"}, {10000: "สอง"}, {10000: "1.5"}, {333: "1"}, {10000: -2}):
        with pytest.raises(InputError):
            cash.close_shift(treasurer(), till, bad, "x", now=at(17))
    assert ShiftClose.select().count() == 0
    with pytest.raises(InputError):
        cash.move_cash(treasurer(), till, "out", "ice", "", Money(100))
    with pytest.raises(InputError):
        cash.move_cash(treasurer(), till, "out", "ice", "ice", Money(0))
    with pytest.raises(InputError):
        cash.move_cash(treasurer(), till, "out", "ice", "ice", Money(1_000_000))  # more than the drawer holds
    with pytest.raises(InputError):
        cash.open_shift(treasurer(), till, {10000: 1})  # one shift at a time


def test_books_documents_are_chained_and_the_z_carries_the_head(empty_db: OpenedDatabase) -> None:
    from pos_app.trust import chain_head, verify

    build_day()
    promptpay.tick(treasurer(), promptpay_uuids())
    cash.close_shift(treasurer(), t1().id, COUNT_723, "เหรียญหาย", now=at(17))
    head = chain_head(t1().id)
    z = days.close_day(treasurer(), t1().shop_id, DAY, now=at(18)).z_reports[0]
    assert z.journal_head == f"{head.seq}:{head.hash}" and len(head.hash) == 64
    sales.commit_sale(seller(), t1().id, cart(("DRINK-YMN", 1)), Money(2000), now=at(16, 50))  # late: addendum
    report = verify(anchor=head.hash)
    assert report.ok, [p.message for p in report.problems]


def test_closing_after_midnight_offers_the_market_day_not_the_new_one(empty_db: OpenedDatabase, clock) -> None:  # type: ignore[no-untyped-def]
    build_day()  # sale #1 on Monday 23rd; a shift and sales on Tuesday 24th
    wednesday = DAY + dt.timedelta(days=1)
    clock.set(at(0, 30, wednesday))  # 00:30 on Wednesday: the treasurer closes now
    shop = t1().shop_id
    assert days.day_to_close(shop) == DAY - dt.timedelta(days=1)  # the oldest day still open comes first
    days.close_day(treasurer(), shop, DAY - dt.timedelta(days=1))
    assert days.day_to_close(shop) == DAY  # not the new day that has just begun
    assert days.days_to_close(shop)[:3] == [(wednesday, False), (DAY, False), (DAY - dt.timedelta(days=1), True)]
    days.close_day(treasurer(), shop, DAY, close_open_shifts=True)
    assert days.day_to_close(shop) == wednesday
