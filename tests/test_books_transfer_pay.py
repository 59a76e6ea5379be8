"""Paying for a transfer between groups (pos_app.books.transfer_pay): the document written, the refusals in
Thai, the late payment admitted into the addendum, and each group's list of payments by period.  The
figures are worked out by hand: 4 × DISH-500 from the market (group BHS) to the Kapi stall for ฿80.00."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest

from db.connection import OpenedDatabase
from db.models import Item, JournalEntry, Shop
from db.models.books import LateDocument, TransferPayment
from pos_app.books import days
from pos_app.books.scope import make_scope
from pos_app.books.transfer_pay import GroupTransferPayment, pay_transfer, transfer_payments
from pos_app.clock import FixedClock
from pos_app.errors import ClosedDayError, InputError, NotFound, PermissionDenied
from pos_app.money import Money
from pos_app.stock import transfers
from tests.books_day import DAY, actor, at, master_data, seller, treasurer

B = Money.parse
KAPI_TH, BHS_TH = "กลุ่มกะปิคลองด่านชุมชน 3", "กลุ่มวิสาหกิจชุมชนบางหัวเสือ"


def _give(pieces: int, price: str, hour: int = 9) -> transfers.TransferResult:
    market, stall = Shop.get(Shop.code == "BHS-MARKET"), Shop.get(Shop.code == "KAPI-STALL")
    soap = Item.get(Item.sku == "DISH-500")
    return transfers.transfer(actor("prapha"), market.id, stall.id, [transfers.GiveLine(soap.id, pieces, B(price))],
                              now=at(hour))


def test_a_payment_is_written_once_with_its_price_day_and_people(empty_db: OpenedDatabase) -> None:
    master_data()
    done = _give(4, "80.00")
    paid = pay_transfer(treasurer(), done.uuid, "bank", now=at(15, 20))
    assert (paid.transfer_uuid, paid.method, paid.amount, paid.day) == (done.uuid, "bank", B("80.00"), DAY)
    row = TransferPayment.get(TransferPayment.uuid == paid.uuid)
    assert (row.transfer_uuid, row.from_shop.code, row.to_shop.code, row.method, row.amount_satang,
            row.user.login, row.created_at, row.business_date) == (
        done.uuid, "BHS-MARKET", "KAPI-STALL", "bank", 8000, "wanna", at(15, 20), DAY)
    entry = JournalEntry.get(JournalEntry.doc_uuid == paid.uuid)
    who = int(entry.__data__["user"])
    assert (entry.doc_type, who, entry.created_at) == ("transfer_payment", treasurer().user_id, at(15, 20))
    assert json.loads(entry.summary) == {"transfer": str(done.uuid), "method": "bank", "amount": 8000,
                                         "user": "wanna", "at": "2026-11-24T08:20:00+00:00"}
    assert LateDocument.select().count() == 0  # an open day: nothing in an addendum


def test_a_payment_after_midnight_bangkok_is_the_next_day_and_the_clock_is_used(
        empty_db: OpenedDatabase, clock: FixedClock) -> None:
    master_data()
    done = _give(4, "80.00")
    # 00:30 on 25 Nov in Bangkok is 17:30 UTC on the 24th: the payment's day is the 25th.
    clock.set(dt.datetime(2026, 11, 24, 17, 30, tzinfo=dt.UTC))
    paid = pay_transfer(treasurer(), done.uuid, "cash")
    assert paid.day == dt.date(2026, 11, 25)
    row = TransferPayment.get(TransferPayment.uuid == paid.uuid)
    assert (row.created_at, row.business_date, row.method) == (
        dt.datetime(2026, 11, 24, 17, 30, tzinfo=dt.UTC), dt.date(2026, 11, 25), "cash")


def _refusal(who: object, transfer_uuid: uuid.UUID, method: str) -> str:
    with pytest.raises((InputError, NotFound, PermissionDenied)) as err:
        pay_transfer(who, transfer_uuid, method, now=at(15))  # type: ignore[arg-type]
    return str(err.value)


def test_bad_payments_are_refused_in_thai_and_write_nothing(empty_db: OpenedDatabase) -> None:
    master_data()
    done = _give(4, "80.00")
    nowhere = uuid.UUID("12345678-1234-5678-1234-567812345678")
    assert _refusal(seller(), done.uuid, "cash") == "คนขายหน้าร้าน ไม่มีสิทธิ์จัดการลิ้นชักเงินสด"
    assert _refusal(actor("prapha"), done.uuid, "cash") == "หัวหน้าฝ่ายผลิต ไม่มีสิทธิ์จัดการลิ้นชักเงินสด"
    assert _refusal(seller(), nowhere, "card") == "คนขายหน้าร้าน ไม่มีสิทธิ์จัดการลิ้นชักเงินสด"  # the role first
    assert _refusal(treasurer(), done.uuid, "card") == "ไม่รู้จักวิธีจ่ายเงิน card"
    assert _refusal(treasurer(), nowhere, "Cash") == "ไม่รู้จักวิธีจ่ายเงิน Cash"  # the way of paying first
    assert _refusal(treasurer(), nowhere, "cash") == "ไม่พบรายการโอนสินค้า 12345678-1234-5678-1234-567812345678"
    assert TransferPayment.select().count() == 0 and JournalEntry.select().where(
        JournalEntry.doc_type == "transfer_payment").count() == 0
    pay_transfer(actor("admin"), done.uuid, "cash", now=at(15))
    assert _refusal(treasurer(), done.uuid, "bank") == "รายการโอนสินค้านี้ชำระเงินแล้ว"
    assert [(r.method, r.user.login) for r in TransferPayment.select()] == [("cash", "admin")]


def test_a_payment_made_before_the_close_arriving_after_it_goes_into_the_first_closed_shops_addendum(
        empty_db: OpenedDatabase) -> None:
    master_data()
    first, second = _give(4, "80.00"), _give(2, "40.00", hour=10)
    market, stall = Shop.get(Shop.code == "BHS-MARKET"), Shop.get(Shop.code == "KAPI-STALL")
    days.close_day(treasurer(), stall.id, DAY, now=at(18))
    # Only the taker's day is closed: the payment made at 17:00 (before the close) is its late document.
    late = pay_transfer(treasurer(), first.uuid, "cash", now=at(17))
    rows = [(r.shop_id, r.business_date, r.addendum_no, r.doc_type, r.doc_uuid, r.made_at)
            for r in LateDocument.select().order_by(LateDocument.id)]
    assert rows == [(stall.id, DAY, 1, "transfer_payment", late.uuid, at(17))]
    days.close_day(treasurer(), market.id, DAY, now=at(18, 10))
    # Both closed: listed once, in the giver's (the first shop's) addendum, made at 17:30.
    both = pay_transfer(treasurer(), second.uuid, "bank", now=at(17, 30))
    later = [(r.shop_id, r.addendum_no, r.doc_uuid, r.made_at) for r in LateDocument.select().order_by(LateDocument.id)]
    assert later[1:] == [(market.id, 1, both.uuid, at(17, 30))]


def test_paying_after_the_givers_close_is_refused_in_thai(empty_db: OpenedDatabase) -> None:
    master_data()
    done = _give(4, "80.00")
    market = Shop.get(Shop.code == "BHS-MARKET")
    days.close_day(treasurer(), market.id, DAY, now=at(18))
    with pytest.raises(ClosedDayError) as err:
        pay_transfer(treasurer(), done.uuid, "cash", now=at(18))  # at the very instant of the close
    assert str(err.value) == ("วันที่ 24 พ.ย. 2569 ปิดบัญชีแล้วเมื่อเวลา 18:00 น. ลงรายการใหม่ในวันนั้นไม่ได้ "
                              "ให้บันทึกในบัญชีของวันนี้ (การแก้ไขทำโดยเอกสารกลับรายการ)")
    assert TransferPayment.select().count() == 0


def test_each_group_sees_its_payments_of_the_period_in_time_order(empty_db: OpenedDatabase) -> None:
    master_data()
    first, second = _give(4, "80.00"), _give(2, "40.00", hour=10)
    later = pay_transfer(treasurer(), first.uuid, "bank", now=at(15))
    sooner = pay_transfer(treasurer(), second.uuid, "cash", now=at(11, 45))
    bhs = transfer_payments(make_scope(DAY, group="BHS"))
    assert bhs == [GroupTransferPayment(DAY, at(11, 45), sooner.uuid, "cash", B("40.00"), True, KAPI_TH),
                   GroupTransferPayment(DAY, at(15), later.uuid, "bank", B("80.00"), True, KAPI_TH)]
    kapi = transfer_payments(make_scope(DAY, group="KAPI"))
    assert [(p.uuid, p.received, p.other_group, p.amount) for p in kapi] == [
        (sooner.uuid, False, BHS_TH, B("40.00")), (later.uuid, False, BHS_TH, B("80.00"))]
    assert transfer_payments(make_scope(DAY, group="HERB")) == []  # neither gave nor took
    assert transfer_payments(make_scope(DAY)) == []  # the whole network: inside it, no entry
    assert transfer_payments(make_scope(DAY), before=True) == []
    # The period's bounds are inclusive; "before" is strictly before its first day.
    nov = dt.date(2026, 11, 1)
    assert len(transfer_payments(make_scope(nov, DAY, group="KAPI"))) == 2
    assert len(transfer_payments(make_scope(DAY, dt.date(2026, 11, 30), group="KAPI"))) == 2
    assert transfer_payments(make_scope(nov, DAY - dt.timedelta(days=1), group="KAPI")) == []
    assert transfer_payments(make_scope(DAY + dt.timedelta(days=1), group="KAPI")) == []
    assert transfer_payments(make_scope(DAY, group="KAPI"), before=True) == []
    after = transfer_payments(make_scope(DAY + dt.timedelta(days=1), group="BHS"), before=True)
    assert [(p.day, p.at, p.amount, p.received) for p in after] == [
        (DAY, at(11, 45), B("40.00"), True), (DAY, at(15), B("80.00"), True)]


def test_payments_made_at_the_same_instant_are_listed_in_the_order_they_were_recorded(
        empty_db: OpenedDatabase) -> None:
    master_data()
    first, second = _give(4, "80.00"), _give(2, "40.00", hour=10)
    a = pay_transfer(treasurer(), second.uuid, "cash", now=at(15))
    b = pay_transfer(treasurer(), first.uuid, "cash", now=at(15))
    assert [p.uuid for p in transfer_payments(make_scope(DAY, group="BHS"))] == [a.uuid, b.uuid]
