"""Cash put into or taken out of the drawer, and what the drawer counts, worked by hand
(pos_app/books/cash.py): the movement's row and journal entry with exact keys, the event, every refusal in
Thai with nothing written, the edges of a shift's time window.  The day is tests/books_day.py (float
฿432.00; by 17:00 the drawer should hold ฿723.60)."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest

from db.connection import OpenedDatabase
from db.models import JournalEntry, Till, User
from db.models.books import CashMovement
from pos_app.books import cash
from pos_app.books.events import CashMoved
from pos_app.clock import FixedClock
from pos_app.errors import InputError, PermissionDenied
from pos_app.events import bus
from pos_app.money import Money
from pos_app.selling import orders, sales
from pos_app.selling.payments import PaymentIn
from tests.books_day import DAY, FLOAT, at, build_day, cart, master_data, seller, t1, treasurer

MOVE = uuid.UUID("c0ffee00-0000-4000-8000-000000000002")


def _header(entry: JournalEntry) -> tuple[str, object, object, object]:
    """A journal entry's type, till id, user id and time (ids as stored)."""
    return entry.doc_type, entry.till_id, entry.user_id, entry.created_at  # type: ignore[attr-defined]


def _written() -> tuple[int, int]:
    return CashMovement.select().count(), JournalEntry.select().count()


def _refusal(direction: str, category: str, reason: str, amount: object, till: int | None = None) -> str:
    with pytest.raises(InputError) as err:
        cash.move_cash(treasurer(), t1().id if till is None else till, direction, category, reason,
                       amount, now=at(14))  # type: ignore[arg-type]
    return str(err.value)


def test_the_ice_money_taken_out_is_written_with_its_journal_entry(empty_db: OpenedDatabase) -> None:
    build_day()
    shift = cash.open_shift_of(t1().id)
    assert shift is not None
    row = CashMovement.get(CashMovement.category == "ice")
    wanna = User.get(User.login == "wanna")
    assert (row.shift_uuid, row.till_id, row.direction, row.reason, row.amount_satang, row.user.id, row.created_at,
            row.business_date) == (shift.uuid, t1().id, "out", "ค่าน้ำแข็ง", 3500, wanna.id, at(13), DAY)
    entry = JournalEntry.get(JournalEntry.doc_uuid == row.uuid)
    assert _header(entry) == ("cash_movement", t1().id, wanna.id,
                                                                                at(13))
    assert json.loads(entry.summary) == {"till": "T1", "user": "wanna", "at": "2026-11-24T06:00:00+00:00",
                                         "direction": "out", "category": "ice", "amount": 3500, "reason": "ค่าน้ำแข็ง"}
    assert cash.drawer_of(shift, at(17)).cash_out == Money(3500)


def test_money_put_in_returns_its_uuid_strips_its_reason_and_tells_the_screens(empty_db: OpenedDatabase,
                                                                              clock: FixedClock) -> None:
    build_day()
    seen: list[CashMoved] = []
    stop = bus.subscribe(CashMoved, seen.append)
    clock.set(at(14, 10))
    try:
        done = cash.move_cash(treasurer(), t1().id, "in", "bank", "  ถอนจากธนาคาร  ", Money(50000),
                              movement_uuid=MOVE)  # no `now`: the clock's 14:10; more than the drawer holds
    finally:
        stop()
    assert done == MOVE and seen == [CashMoved(t1().id, MOVE, "in", 50000)]
    row = CashMovement.get(CashMovement.uuid == MOVE)
    assert (row.direction, row.category, row.reason, row.amount_satang, row.created_at) == (
        "in", "bank", "ถอนจากธนาคาร", 50000, at(14, 10))
    summary = json.loads(JournalEntry.get(JournalEntry.doc_uuid == MOVE).summary)
    assert (summary["reason"], summary["direction"], summary["at"]) == ("ถอนจากธนาคาร", "in",
                                                                         "2026-11-24T07:10:00+00:00")
    shift = cash.open_shift_of(t1().id)
    assert shift is not None
    assert cash.drawer_of(shift, at(17)).cash_in == Money(60000)  # 100.00 change coins + 500.00 from the bank
    assert cash.drawer_of(shift, at(17)).expected == Money(122360)  # 723.60 + 500.00


def test_the_same_movement_sent_twice_is_written_once(empty_db: OpenedDatabase) -> None:
    build_day()
    first = cash.move_cash(treasurer(), t1().id, "out", "supplier", "ค่าผัก", Money(2000), now=at(14),
                           movement_uuid=MOVE)
    before = _written()
    again = cash.move_cash(treasurer(), t1().id, "out", "supplier", "ค่าผัก", Money(2000), now=at(14),
                           movement_uuid=MOVE)
    assert (first, again) == (MOVE, MOVE) and _written() == before
    assert CashMovement.select().where(CashMovement.uuid == MOVE).count() == 1


def test_every_wrong_movement_is_refused_in_thai_and_nothing_is_written(empty_db: OpenedDatabase) -> None:
    build_day()
    kapi = Till.get(Till.code == "K1")
    before = _written()
    assert _refusal("sideways", "ice", "x", Money(100)) == "เงินสดต้องเป็นรับเข้าหรือจ่ายออก ไม่ใช่ sideways"
    assert _refusal("out", "lunch", "x", Money(100)) == "ไม่รู้จักประเภทเงินสด lunch"
    for wrong in (Money(0), Money(-100), 500):
        assert _refusal("in", "other", "x", wrong) == "จำนวนเงินต้องมากกว่าศูนย์"
    assert _refusal("in", "other", "   ", Money(100)) == "การนำเงินเข้าหรือออกต้องระบุเหตุผล"
    assert _refusal("in", "other", "x", Money(100), kapi.id) == (
        "เครื่องขายนี้ไม่มีกะที่เปิดอยู่ เปิดกะพร้อมนับเงินทอนตั้งต้นก่อน")
    assert _refusal("out", "bank", "ฝากธนาคาร", Money(72361)) == "ในลิ้นชักควรมีเงินเพียง ฿723.60 นำออก ฿723.61 ไม่ได้"
    with pytest.raises(PermissionDenied):
        cash.move_cash(seller(), t1().id, "in", "other", "x", Money(100), now=at(14))
    assert _written() == before


def test_all_the_drawer_holds_can_be_taken_out(empty_db: OpenedDatabase) -> None:
    build_day()
    cash.move_cash(treasurer(), t1().id, "out", "bank", "ฝากธนาคาร", Money(72360), now=at(14))
    shift = cash.open_shift_of(t1().id)
    assert shift is not None
    drawer = cash.drawer_of(shift, at(17))
    assert (drawer.cash_in, drawer.cash_out, drawer.expected) == (Money(10000), Money(75860), Money(0))


def test_cash_moved_after_midnight_in_bangkok_belongs_to_the_next_day(empty_db: OpenedDatabase) -> None:
    master_data()
    cash.open_shift(treasurer(), t1().id, FLOAT, now=at(20))
    cash.move_cash(treasurer(), t1().id, "out", "other", "ค่าแท็กซี่", Money(10000), now=at(0, 30, dt.date(2026, 11, 25)))
    assert CashMovement.get().business_date == dt.date(2026, 11, 25)


def test_a_new_shift_counts_only_its_own_movements(empty_db: OpenedDatabase) -> None:
    build_day()
    cash.close_shift(treasurer(), t1().id, {10000: 7, 2000: 1, 100: 3}, "เหรียญหาย", now=at(17))
    shift = cash.open_shift(treasurer(), t1().id, {10000: 1}, now=at(18))
    cash.move_cash(treasurer(), t1().id, "out", "ice", "น้ำแข็งรอบเย็น", Money(2500), now=at(18, 30))
    drawer = cash.drawer_of(cash.open_shift_of(t1().id), at(19))  # type: ignore[arg-type]
    assert (drawer.float, drawer.received, drawer.cash_in, drawer.cash_out, drawer.expected) == (
        Money(10000), Money(0), Money(0), Money(2500), Money(7500))
    assert shift.number == 2


def test_a_sale_at_the_opening_instant_counts_and_one_at_the_end_does_not(empty_db: OpenedDatabase) -> None:
    master_data()
    cash.open_shift(treasurer(), t1().id, FLOAT, now=at(9))
    sales.commit_sale(seller(), t1().id, cart(("DISH-500", 2)), Money(10000), now=at(9))  # ฿50.00, change ฿50.00
    sales.commit_sale(seller(), t1().id, cart(("TEA-YMN", 1)), method="promptpay", now=at(9, 10))
    shift = cash.open_shift_of(t1().id)
    assert shift is not None
    assert cash.drawer_of(shift, at(9)) == cash.Drawer(Money(43200), Money(0), Money(0), Money(0), Money(0), Money(0))
    assert cash.drawer_of(shift, at(9, 1)) == cash.Drawer(Money(43200), Money(10000), Money(5000), Money(0), Money(0),
                                                          Money(0))
    assert cash.drawer_of(shift).received == Money(10000)  # no end: everything since opening, PromptPay left out


def test_cash_paid_later_for_an_online_order_is_cash_received(empty_db: OpenedDatabase) -> None:
    build_day()
    order = cart(("KAPI-SEASONED", 3))  # 3 × ฿40.00 = ฿120.00, unpaid when saved
    order.set_channel("online", "คุณมาลี", "0812345678")
    saved = sales.commit_sale(seller(), t1().id, order, payments=[], now=at(14))
    orders.pay_order(seller(), saved.uuid, [PaymentIn("transfer", Money(5000))], now=at(15))
    orders.pay_order(seller(), saved.uuid, [PaymentIn("cash", Money(7000), Money(10000))], now=at(16))
    shift = cash.open_shift_of(t1().id)
    assert shift is not None
    before = cash.drawer_of(shift, at(16))  # the end is left out: as the day, ฿370.00 in and ฿93.40 back
    assert (before.received, before.change, before.expected) == (Money(37000), Money(9340), Money(72360))
    after = cash.drawer_of(shift, at(16, 1))  # + ฿100.00 handed over, ฿30.00 change
    assert (after.received, after.change, after.refunds, after.expected) == (
        Money(47000), Money(12340), Money(5000), Money(79360))


def test_a_one_satang_cash_payment_and_one_satang_moves_count_and_one_satang_over_needs_a_note(
        empty_db: OpenedDatabase) -> None:
    master_data()
    cash.open_shift(treasurer(), t1().id, FLOAT, now=at(8))
    # DISH-500 ฿25.00: ฿0.01 in cash (a ฿1.00 coin handed over, ฿0.99 back) and ฿24.99 by PromptPay
    sales.commit_sale(seller(), t1().id, cart(("DISH-500", 1)), now=at(9),
                      payments=[PaymentIn("cash", Money(1), Money(100)), PaymentIn("promptpay", Money(2499))])
    shift = cash.open_shift_of(t1().id)
    assert shift is not None
    drawer = cash.drawer_of(shift, at(10))
    assert (drawer.received, drawer.change, drawer.expected) == (Money(100), Money(99), Money(43201))
    for minute in (1, 2):  # two one-satang coins taken out: ฿431.99 expected
        cash.move_cash(treasurer(), t1().id, "out", "other", "เหรียญหนึ่งสตางค์", Money(1), now=at(10, minute))
    assert cash.drawer_of(shift, at(11)).expected == Money(43199)
    with pytest.raises(InputError) as err:
        cash.close_shift(treasurer(), t1().id, FLOAT, now=at(17))  # ฿432.00 counted
    assert str(err.value) == "เงินในลิ้นชักเกิน ฿0.01 กรุณาเขียนหมายเหตุบอกสาเหตุ"


def test_money_for_an_online_order_paid_at_the_opening_instant_is_in_the_shift(empty_db: OpenedDatabase) -> None:
    build_day()
    order = cart(("KAPI-SEASONED", 3))  # ฿120.00, saved unpaid at 07:00 before the shift
    order.set_channel("online", "คุณมาลี", "0812345678")
    saved = sales.commit_sale(seller(), t1().id, order, payments=[], now=at(7))
    orders.pay_order(seller(), saved.uuid, [PaymentIn("cash", Money(12000), Money(15000))], now=at(8))
    shift = cash.open_shift_of(t1().id)
    assert shift is not None
    drawer = cash.drawer_of(shift, at(17))  # the day's ฿370.00 / ฿93.40 + ฿150.00 handed over, ฿30.00 back
    assert (drawer.received, drawer.change, drawer.expected) == (Money(52000), Money(12340), Money(84360))


def test_a_sale_dated_after_the_close_is_not_in_the_closed_shift(empty_db: OpenedDatabase) -> None:
    build_day()
    sales.commit_sale(seller(), t1().id, cart(("DISH-500", 1)), Money(2500), now=at(17, 30))
    done = cash.close_shift(treasurer(), t1().id, {10000: 7, 2000: 1, 100: 3}, "เหรียญหาย", now=at(17))
    assert (done.drawer.received, done.drawer.expected, done.over_short) == (Money(37000), Money(72360), Money(-60))


def test_a_long_reason_keeps_its_first_500_characters(empty_db: OpenedDatabase) -> None:
    build_day()
    done = cash.move_cash(treasurer(), t1().id, "out", "other", "ก" * 499 + "ขค", Money(100), now=at(14))
    assert CashMovement.get(CashMovement.uuid == done).reason == "ก" * 499 + "ข"


def test_a_reason_longer_than_500_characters_is_kept_as_its_first_500_in_the_row_and_the_journal(
        empty_db: OpenedDatabase) -> None:
    build_day()
    reason = "ก" * 499 + "ขค" + "ง" * 99  # 600 characters: the 500th is "ข", the 501st "ค"
    cash.move_cash(treasurer(), t1().id, "out", "other", reason, Money(100), now=at(14), movement_uuid=MOVE)
    kept = "ก" * 499 + "ข"
    assert CashMovement.get(CashMovement.uuid == MOVE).reason == kept
    assert json.loads(JournalEntry.get(JournalEntry.doc_uuid == MOVE).summary)["reason"] == kept
