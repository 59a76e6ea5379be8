"""Closing a shop's day (pos_app.books.days): the refusals in Thai, the Z numbers per till, the close's own
rows and journal, shifts closed uncounted, the days the close screen offers, the addenda and their seal.
Master data of the demo network only, and a few sales worked by hand: DISH-500 is ฿25.00 a piece, TEA-YMN
฿60.00; the clock stands at 10:00 Bangkok on 24 Nov 2026 (tests/conftest.py)."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest

from db.connection import OpenedDatabase
from db.models import JournalEntry, Shop, Till
from db.models.books import AddendumSeal, DayClose, ShiftClose, ZReport
from pos_app.books import cash, days
from pos_app.books.events import DayClosed
from pos_app.clock import FixedClock
from pos_app.errors import InputError, NotFound, PermissionDenied
from pos_app.events import bus
from pos_app.money import Money
from pos_app.selling import refunds, sales
from tests.books_day import DAY, actor, at, cart, master_data, seller, t1, treasurer

NEXT = DAY + dt.timedelta(days=1)
BEFORE = DAY - dt.timedelta(days=1)


def _ago(n: int) -> dt.date:
    return DAY - dt.timedelta(days=n)


def _market() -> int:
    return int(Shop.get(Shop.code == "BHS-MARKET").id)


def _stall() -> int:
    return int(Shop.get(Shop.code == "KAPI-STALL").id)


def _soap(when: dt.datetime, pieces: int = 1) -> sales.SaleResult:
    return sales.commit_sale(seller(), t1().id, cart(("DISH-500", pieces)), Money(2500 * pieces), now=when)


def _refusal(call: object) -> str:
    with pytest.raises((InputError, NotFound, PermissionDenied)) as err:
        call()  # type: ignore[operator]
    return str(err.value)


def test_bad_closes_are_refused_in_thai_and_close_nothing(empty_db: OpenedDatabase) -> None:
    master_data()
    market = _market()
    assert _refusal(lambda: days.close_day(seller(), market, DAY, now=at(18))) == (
        "คนขายหน้าร้าน ไม่มีสิทธิ์ปิดยอดประจำวัน")
    assert _refusal(lambda: days.close_day(treasurer(), market, NEXT, now=at(18))) == (
        "ยังไม่ถึงวันที่ 25 พ.ย. 2569 ปิดบัญชีได้เฉพาะวันนี้หรือวันที่ผ่านมา")
    assert _refusal(lambda: days.close_day(treasurer(), 987654, DAY, now=at(18))) == "ไม่พบร้านรหัส 987654"
    cash.open_shift(treasurer(), t1().id, {10000: 1}, now=at(8))
    assert _refusal(lambda: days.close_day(treasurer(), market, DAY, now=at(18))) == (
        "ยังมีกะที่เปิดอยู่ (T1 #1) นับเงินในลิ้นชักแล้วปิดกะก่อน หรือปิดวันโดยปิดกะนั้นแบบไม่นับเงิน")
    assert DayClose.select().count() == 0
    cash.close_shift(treasurer(), t1().id, {10000: 1}, now=at(17))
    days.close_day(treasurer(), market, DAY, now=at(18), take_backup=False)  # today may be closed
    assert _refusal(lambda: days.close_day(treasurer(), market, DAY, now=at(19))) == "วันที่ 24 พ.ย. 2569 ปิดบัญชีแล้ว"
    assert DayClose.select().count() == 1


def test_each_till_gets_the_next_z_number_and_the_close_is_written_and_journalled(
        empty_db: OpenedDatabase, clock: FixedClock) -> None:
    master_data()
    market = _market()
    t0 = Till.create(shop=market, code="T0", name="โต๊ะขาย 0")  # a second till, after T1 by id, first by code
    first = days.close_day(treasurer(), market, BEFORE, now=at(18, 0, BEFORE), take_backup=False)
    assert [(z.till_code, z.number, z.net_satang) for z in first.z_reports] == [("T0", 1, 0), ("T1", 1, 0)]
    _soap(at(9), pieces=2)  # ฿50.00 on T1
    seen: list[DayClosed] = []
    stop = bus.subscribe(DayClosed, seen.append)
    try:
        clock.set(at(21, 15))
        result = days.close_day(treasurer(), market, DAY, take_backup=False)  # no time given: the clock's
    finally:
        stop()
    assert (result.shop_id, result.business_date, result.closed_at, result.backup) == (market, DAY, at(21, 15), None)
    assert [(z.kind, z.till_code, z.number, z.net_satang) for z in result.z_reports] == [
        ("Z", "T0", 2, 0), ("Z", "T1", 2, 5000)]
    assert seen == [DayClosed(market, DAY, (2, 2))]
    close = DayClose.get(DayClose.uuid == result.uuid)
    assert (close.shop_id, close.business_date, close.closed_by.login, close.closed_at) == (
        market, DAY, "wanna", at(21, 15))
    rows = [(r.till.code, r.number, r.business_date, r.day_close.uuid, r.created_at)
            for r in ZReport.select().where(ZReport.business_date == DAY).order_by(ZReport.id)]
    assert rows == [("T0", 2, DAY, result.uuid, at(21, 15)), ("T1", 2, DAY, result.uuid, at(21, 15))]
    assert [z.number for z in days.z_reports_of(market, DAY)] == [2, 2]
    assert [(z.till_code, z.net_satang) for z in days.z_reports_of(market, DAY)] == [("T0", 0), ("T1", 5000)]
    assert days.z_reports_of(market, NEXT) == [] and days.z_reports_of(_stall(), DAY) == []
    entry = JournalEntry.get(JournalEntry.doc_uuid == result.uuid)
    assert (entry.doc_type, entry.created_at) == ("day_close", at(21, 15))
    assert json.loads(entry.summary) == {"shop": "BHS-MARKET", "day": "2026-11-24", "user": "wanna",
                                         "at": "2026-11-24T14:15:00+00:00", "z": [["T0", 2, 0], ["T1", 2, 5000]]}
    # The stall's till counts its own Z numbers.
    stall = days.close_day(treasurer(), _stall(), DAY, now=at(18), take_backup=False)
    assert [(z.till_code, z.number) for z in stall.z_reports] == [("K1", 1)]
    assert t0.id != t1().id


def test_a_shift_left_open_is_closed_uncounted_when_the_treasurer_says_so(empty_db: OpenedDatabase) -> None:
    master_data()
    market = _market()
    cash.open_shift(treasurer(), t1().id, {10000: 1, 2000: 2}, now=at(8))  # float ฿140.00
    _soap(at(9))  # ฿25.00 cash: the drawer should hold ฿165.00
    assert days.open_shifts_of(market, DAY) == [("T1", 1)]
    assert days.open_shifts_of(market, NEXT) == [("T1", 1)]  # still open the next day
    assert days.open_shifts_of(market, BEFORE) == []  # opened after that day
    assert days.open_shifts_of(_stall(), DAY) == []
    result = days.close_day(actor("admin"), market, DAY, close_open_shifts=True, now=at(18), take_backup=False)
    closed = ShiftClose.get()
    assert (closed.counted, closed.note, closed.closed_by.login, closed.closed_at, closed.expected_satang,
            closed.counted_satang, closed.over_short_satang) == (
        False, "ปิดกะตอนปิดวันโดยไม่ได้นับเงิน", "admin", at(18), 16500, 16500, 0)
    assert result.z_reports[0].shifts[0].counted_satang is None
    assert days.open_shifts_of(market, DAY) == []


def test_the_close_screen_offers_the_days_with_documents(empty_db: OpenedDatabase) -> None:
    master_data()
    market, till = _market(), t1().id
    _soap(at(12, 0, _ago(3)))  # a sale three days ago
    _soap(at(12, 0, _ago(8)))  # and eight days ago (the close screen looks back seven unless told)
    _soap(at(9, 0, NEXT))  # and one dated tomorrow (a till with its clock ahead): never offered
    cash.open_shift(treasurer(), till, {10000: 1}, now=at(23, 0, _ago(6)))  # a shift of six days ago...
    cash.move_cash(treasurer(), till, "in", "change", "เหรียญทอน", Money(500), now=at(0, 30, _ago(5)))  # ...a move
    cash.close_shift(treasurer(), till, {10000: 1, 500: 1}, now=at(1, 0, _ago(5)))  # after midnight
    assert days.days_to_close(market) == [(DAY, False), (BEFORE, False), (_ago(3), False), (_ago(5), False),
                                          (_ago(6), False)]
    assert days.days_to_close(market, back=8)[-1] == (_ago(8), False)
    assert days.days_to_close(market, back=6)[-1] == (_ago(6), False)  # the first day looked at is included
    assert days.days_to_close(market, back=5)[-1] == (_ago(5), False)
    assert days.day_to_close(market) == _ago(6)  # the oldest day still open
    assert days.day_to_close(market, back=8) == _ago(8)
    assert days.day_to_close(market, back=6) == _ago(6)
    assert days.days_to_close(_stall()) == [(DAY, False), (BEFORE, False)]  # no documents: today and yesterday
    assert days.day_to_close(_stall()) == DAY
    for day in (_ago(6), _ago(5), _ago(3)):
        days.close_day(treasurer(), market, day, now=at(22, 0, day), take_backup=False)
    assert days.days_to_close(market) == [(DAY, False), (BEFORE, False), (_ago(3), True), (_ago(5), True),
                                          (_ago(6), True)]
    assert days.day_to_close(market) == DAY  # nothing left waiting: today
    assert days.days_to_close(market, back=6)[-1] == (_ago(6), True)  # closed on the first day looked at
    days.close_day(treasurer(), market, BEFORE, now=at(22, 0, BEFORE), take_backup=False)
    assert days.days_to_close(market)[:2] == [(DAY, False), (BEFORE, True)]
    assert days.day_to_close(_stall()) == DAY


def test_the_x_report_of_a_till_is_today_unless_a_day_is_named(empty_db: OpenedDatabase) -> None:
    master_data()
    _soap(at(9), pieces=3)  # ฿75.00 today
    _soap(at(12, 0, BEFORE))  # ฿25.00 yesterday
    today = days.x_report(t1().id)
    assert (today.kind, today.till_code, today.sales_count, today.net_satang) == ("X", "T1", 1, 7500)
    assert (days.x_report(t1().id, BEFORE).sales_count, days.x_report(t1().id, BEFORE).net_satang) == (1, 2500)
    assert ZReport.select().count() == 0  # an X stores nothing


def test_late_documents_make_addenda_which_are_sealed_in_turn(empty_db: OpenedDatabase) -> None:
    master_data()
    market, stall = _market(), _stall()
    sold = _soap(at(9))
    days.close_day(treasurer(), market, DAY, now=at(18), take_backup=False)
    days.close_day(treasurer(), stall, DAY, now=at(18), take_backup=False)
    assert days.addenda_of(market, DAY) == []
    late_cash = _soap(at(16, 45), pieces=2)  # ฿50.00 cash, made before the close
    late_pp = sales.commit_sale(seller(), t1().id, cart(("TEA-YMN", 1)), method="promptpay", now=at(16, 50))
    back = refunds.refund_sale(treasurer(), t1().id, sold.uuid, "คืนของ", now=at(16, 55))  # ฿25.00 back
    k1 = Till.get(Till.code == "K1").id
    other = sales.commit_sale(actor("admin"), k1, cart(("KAPI-KG", 100)), method="promptpay", now=at(17))
    report = days.addendum(market, DAY, 1)
    assert (report.shop_id, report.business_date, report.number, report.sealed) == (market, DAY, 1, False)
    assert [(kind, uuid.UUID(doc), made) for kind, doc, made, _arrived in report.documents] == [
        ("sale", late_cash.uuid, "2026-11-24T09:45:00+00:00"), ("sale", late_pp.uuid, "2026-11-24T09:50:00+00:00"),
        ("refund", back.uuid, "2026-11-24T09:55:00+00:00")]
    # Two sales (the refund is not one); net 50.00 + 60.00 − 25.00 = 85.00; cash 50.00 − 25.00, PromptPay 60.00.
    assert (report.sales_count, report.net_satang, report.by_method) == (2, 8500, {"cash": 2500, "promptpay": 6000})
    stall_report = days.addendum(stall, DAY, 1)
    assert ([uuid.UUID(d[1]) for d in stall_report.documents], stall_report.net_satang) == ([other.uuid], 2000)
    assert days.addendum(market, DAY, 2).documents == () and days.addendum(market, BEFORE, 1).documents == ()
    sealed = days.seal_addendum(treasurer(), market, DAY, now=at(9, 0, NEXT))
    assert (sealed.number, sealed.sealed, sealed.net_satang) == (1, True, 8500)
    seal = AddendumSeal.get()
    assert (seal.shop.code, seal.business_date, seal.addendum_no, seal.sealed_by.login, seal.sealed_at,
            json.loads(seal.figures)) == ("BHS-MARKET", DAY, 1, "wanna", at(9, 0, NEXT), {"net": 8500, "sales": 2})
    entry = JournalEntry.get(JournalEntry.doc_uuid == seal.uuid)
    assert (entry.doc_type, entry.created_at, json.loads(entry.summary)) == (
        "addendum_seal", at(9, 0, NEXT), {"shop": "BHS-MARKET", "day": "2026-11-24", "number": 1, "net": 8500})
    assert days.addendum(stall, DAY, 1).sealed is False  # the other shop's addendum is not sealed
    after = _soap(at(17, 30))
    assert [(a.number, a.sealed, len(a.documents)) for a in days.addenda_of(market, DAY)] == [(1, True, 3),
                                                                                               (2, False, 1)]
    assert days.addendum(market, DAY, 2).documents[0][1] == str(after.uuid)
    assert days.addenda_of(market, BEFORE) == []


def test_bad_seals_are_refused_in_thai(empty_db: OpenedDatabase) -> None:
    master_data()
    market = _market()
    assert _refusal(lambda: days.seal_addendum(treasurer(), market, DAY, now=at(19))) == (
        "วันที่ 24 พ.ย. 2569 ยังไม่ได้ปิดบัญชี จึงไม่มีภาคผนวก")
    days.close_day(treasurer(), market, DAY, now=at(18), take_backup=False)
    assert _refusal(lambda: days.seal_addendum(treasurer(), market, DAY, now=at(19))) == (
        "ภาคผนวกที่ 1 ของวันที่ 24 พ.ย. 2569 ยังไม่มีเอกสารให้ปิด")
    _soap(at(16))
    assert _refusal(lambda: days.seal_addendum(seller(), market, DAY, now=at(19))) == (
        "คนขายหน้าร้าน ไม่มีสิทธิ์ปิดยอดประจำวัน")
    days.seal_addendum(treasurer(), market, DAY, now=at(19))
    assert _refusal(lambda: days.seal_addendum(treasurer(), market, DAY, now=at(20))) == (
        "ภาคผนวกที่ 2 ของวันที่ 24 พ.ย. 2569 ยังไม่มีเอกสารให้ปิด")
    assert AddendumSeal.select().count() == 1
