"""PromptPay tick-off (pos_app.books.promptpay): the day's list by shop and till, ticks and their reversal
with who, when and why, the refusals in Thai.  The known day of tests/books_day.py: on T1 (BHS-MARKET)
#3 TEA-YMN ฿60.00 at 09:30 and #5 SHAMPOO-250 + LAUNDRY-1L ฿95.00 at 11:00 paid by PromptPay, confirmed by
the seller สมศรี; here one more on the Kapi stall's till K1 (100 g of KAPI-KG at ฿200.00 a kg = ฿20.00)."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest

from db.connection import OpenedDatabase
from db.models import JournalEntry, Payment, Sale, Shop, Till
from db.models.books import PromptPayCheck, PromptPayUncheck
from pos_app.books import promptpay
from pos_app.books.events import PromptPayChecked
from pos_app.books.promptpay import PromptPayRow
from pos_app.clock import FixedClock
from pos_app.errors import InputError, PermissionDenied
from pos_app.events import bus
from pos_app.money import Money
from pos_app.selling import sales
from tests.books_day import DAY, actor, at, build_day, cart, seller, t1, treasurer

B = Money.parse


def _pp(number: int, till: str = "T1") -> uuid.UUID:
    sale = Sale.get((Sale.number == number) & (Sale.till == Till.get(Till.code == till)))
    return uuid.UUID(str(Payment.get((Payment.sale == sale) & (Payment.method == "promptpay")).uuid))


def _stall_sale() -> uuid.UUID:
    """100 g of KAPI-KG on K1 at 12:00, by PromptPay, confirmed by the admin อนันต์."""
    k1 = Till.get(Till.code == "K1")
    done = sales.commit_sale(actor("admin"), k1.id, cart(("KAPI-KG", 100)), method="promptpay", now=at(12))
    return _pp(done.number, "K1")


def test_the_days_list_by_shop_and_till_oldest_first(empty_db: OpenedDatabase) -> None:
    build_day()
    stall_pp = _stall_sale()
    # One more on the 23rd (not on the 24th's list).
    sales.commit_sale(seller(), t1().id, cart(("TEA-YMN", 1)), method="promptpay",
                      now=at(16, 0, DAY - dt.timedelta(days=1)))
    three, five = _pp(3), _pp(5)
    whole = promptpay.promptpay_of_day(DAY)
    assert whole == [PromptPayRow(three, "T1", 3, at(9, 30), B("60.00"), "สมศรี", False),
                     PromptPayRow(five, "T1", 5, at(11), B("95.00"), "สมศรี", False),
                     PromptPayRow(stall_pp, "K1", 1, at(12), B("20.00"), "อนันต์", False)]
    market, stall = Shop.get(Shop.code == "BHS-MARKET"), Shop.get(Shop.code == "KAPI-STALL")
    assert [r.payment_uuid for r in promptpay.promptpay_of_day(DAY, shop_id=market.id)] == [three, five]
    assert [r.payment_uuid for r in promptpay.promptpay_of_day(DAY, shop_id=stall.id)] == [stall_pp]
    k1 = Till.get(Till.code == "K1")
    assert [r.payment_uuid for r in promptpay.promptpay_of_day(DAY, till_id=k1.id)] == [stall_pp]
    assert [r.payment_uuid for r in promptpay.promptpay_of_day(DAY, shop_id=market.id, till_id=k1.id)] == []
    assert [(r.receipt_no, r.amount) for r in promptpay.promptpay_of_day(DAY - dt.timedelta(days=1))] == [
        (8, B("60.00"))]
    assert promptpay.promptpay_of_day(DAY + dt.timedelta(days=1)) == []


def test_a_tick_is_written_with_who_and_when_and_counted_once(empty_db: OpenedDatabase) -> None:
    build_day()
    three, five = _pp(3), _pp(5)
    seen: list[PromptPayChecked] = []
    stop = bus.subscribe(PromptPayChecked, seen.append)
    try:
        assert promptpay.tick(treasurer(), [three, three], now=at(16, 5)) == 1  # named twice, ticked once
        assert promptpay.tick(treasurer(), [five, three], now=at(16, 10)) == 1  # #3 already ticked
        assert promptpay.tick(actor("admin"), [three, five], now=at(16, 20)) == 0
    finally:
        stop()
    assert seen == [PromptPayChecked((three,)), PromptPayChecked((five,)), PromptPayChecked(())]
    rows = [(uuid.UUID(str(c.payment_uuid)), c.checked_by.login, c.checked_at)
            for c in PromptPayCheck.select().order_by(PromptPayCheck.id)]
    assert rows == [(three, "wanna", at(16, 5)), (five, "wanna", at(16, 10))]
    entry = JournalEntry.get(JournalEntry.doc_uuid == PromptPayCheck.get(PromptPayCheck.payment_uuid == five).uuid)
    who = int(entry.__data__["user"])
    assert (entry.doc_type, who, entry.created_at) == ("promptpay_check", treasurer().user_id, at(16, 10))
    assert json.loads(entry.summary) == {"payment": str(five), "user": "wanna", "at": "2026-11-24T09:10:00+00:00",
                                         "amount": 9500}
    assert [r.ticked for r in promptpay.promptpay_of_day(DAY)] == [True, True]


def test_a_tick_without_a_time_takes_the_clock(empty_db: OpenedDatabase, clock: FixedClock) -> None:
    build_day()
    clock.set(at(17, 45))
    promptpay.tick(treasurer(), [_pp(5)])
    assert PromptPayCheck.get().checked_at == at(17, 45)
    clock.set(at(17, 50))
    promptpay.untick(treasurer(), _pp(5), "ยอดไม่ตรง")
    assert PromptPayUncheck.get().unchecked_at == at(17, 50)


def test_bad_ticks_are_refused_in_thai_and_tick_nothing(empty_db: OpenedDatabase) -> None:
    build_day()
    three = _pp(3)
    second = Sale.get(Sale.number == 2)
    cash_payment = uuid.UUID(str(Payment.get((Payment.sale == second) & (Payment.method == "cash")).uuid))
    nowhere = uuid.UUID("00000000-0000-4000-8000-000000000001")

    def refusal(who: object, uuids: list[uuid.UUID]) -> str:
        with pytest.raises((InputError, PermissionDenied)) as err:
            promptpay.tick(who, uuids, now=at(16))  # type: ignore[arg-type]
        return str(err.value)

    assert refusal(seller(), [three]) == "คนขายหน้าร้าน ไม่มีสิทธิ์ปิดยอดประจำวัน"
    assert refusal(actor("prapha"), [three]) == "หัวหน้าฝ่ายผลิต ไม่มีสิทธิ์ปิดยอดประจำวัน"
    assert refusal(treasurer(), [three, nowhere]) == "ไม่พบการชำระเงิน 00000000-0000-4000-8000-000000000001"
    assert refusal(treasurer(), [three, cash_payment]) == f"การชำระเงิน {cash_payment} ไม่ใช่พร้อมเพย์"
    assert PromptPayCheck.select().count() == 0
    assert JournalEntry.select().where(JournalEntry.doc_type == "promptpay_check").count() == 0


def test_untick_writes_a_reversing_row_naming_the_standing_tick(empty_db: OpenedDatabase) -> None:
    build_day()
    three, five = _pp(3), _pp(5)
    promptpay.tick(treasurer(), [three, five], now=at(16))
    first_tick = PromptPayCheck.get(PromptPayCheck.payment_uuid == three).uuid
    seen: list[PromptPayChecked] = []
    stop = bus.subscribe(PromptPayChecked, seen.append)
    try:
        doc = promptpay.untick(actor("admin"), three, "  ติ๊กผิดรายการ  ", now=at(16, 30))
    finally:
        stop()
    assert seen == [PromptPayChecked((three,))]
    row = PromptPayUncheck.get()
    assert (row.uuid, row.check_uuid, row.payment_uuid, row.unchecked_by.login, row.unchecked_at, row.reason) == (
        doc, first_tick, three, "admin", at(16, 30), "ติ๊กผิดรายการ")
    entry = JournalEntry.get(JournalEntry.doc_uuid == doc)
    who = int(entry.__data__["user"])
    assert (entry.doc_type, who, entry.created_at) == ("promptpay_uncheck", actor("admin").user_id, at(16, 30))
    assert json.loads(entry.summary) == {"check": str(first_tick), "payment": str(three), "user": "admin",
                                         "at": "2026-11-24T09:30:00+00:00", "reason": "ติ๊กผิดรายการ"}
    assert [(r.payment_uuid, r.ticked) for r in promptpay.promptpay_of_day(DAY)] == [(three, False), (five, True)]
    # Ticked again, then taken back again: the second reversal names the second tick.
    assert promptpay.tick(treasurer(), [three], now=at(17)) == 1
    second_tick = PromptPayCheck.get((PromptPayCheck.payment_uuid == three) & (PromptPayCheck.uuid != first_tick)).uuid
    long_reason = "ก" * 600
    promptpay.untick(treasurer(), three, long_reason, now=at(17, 10))
    last = PromptPayUncheck.select().order_by(PromptPayUncheck.id.desc()).get()
    assert (last.check_uuid, last.reason) == (second_tick, "ก" * 500)  # the row keeps 500 characters
    assert json.loads(JournalEntry.get(JournalEntry.doc_uuid == last.uuid).summary)["reason"] == long_reason


def test_bad_unticks_are_refused_in_thai_and_change_nothing(empty_db: OpenedDatabase) -> None:
    build_day()
    three, five = _pp(3), _pp(5)
    promptpay.tick(treasurer(), [three], now=at(16))

    def refusal(who: object, payment: uuid.UUID, reason: str) -> str:
        with pytest.raises((InputError, PermissionDenied)) as err:
            promptpay.untick(who, payment, reason, now=at(16, 30))  # type: ignore[arg-type]
        return str(err.value)

    assert refusal(seller(), three, "ผิด") == "คนขายหน้าร้าน ไม่มีสิทธิ์ปิดยอดประจำวัน"
    assert refusal(seller(), five, " ") == "คนขายหน้าร้าน ไม่มีสิทธิ์ปิดยอดประจำวัน"  # the role first
    assert refusal(treasurer(), three, " \t ") == "กรุณาระบุเหตุผล"
    assert refusal(treasurer(), five, "") == "กรุณาระบุเหตุผล"  # the reason before the look-up
    assert refusal(treasurer(), five, "ผิด") == f"รายการชำระเงิน {five} ยังไม่ได้ติ๊กตรวจ"
    assert PromptPayUncheck.select().count() == 0
    assert [r.ticked for r in promptpay.promptpay_of_day(DAY)] == [True, False]


def test_a_sale_keyed_in_later_for_an_earlier_time_is_listed_by_its_time(empty_db: OpenedDatabase) -> None:
    build_day()  # PromptPay #3 at 09:30 and #5 at 11:00
    # #8 rung up at 10:00 but saved after the others (a till that was offline): listed between them.
    sales.commit_sale(seller(), t1().id, cart(("TEA-YMN", 1)), method="promptpay", now=at(10))
    rows = promptpay.promptpay_of_day(DAY)
    assert [(r.receipt_no, r.at, r.amount) for r in rows] == [
        (3, at(9, 30), Money(6000)), (8, at(10), Money(6000)), (5, at(11), Money(9500))]
