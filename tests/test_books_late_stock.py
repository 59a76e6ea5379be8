"""Documents of the stock room in a closed day (purchases, transfers, batches, counts), order payments and
shifts refused by the database, and a PromptPay tick taken back by a reversing row — on both databases."""

from __future__ import annotations

import datetime as dt

import peewee as pw
import pytest

from db.connection import OpenedDatabase
from db.models import Item, Shop, Till
from db.models.books import LateDocument, PromptPayCheck, PromptPayUncheck
from db.models.stock import Purchase, Transfer
from pos_app.books import cash, days, promptpay
from pos_app.errors import ClosedDayError, InputError
from pos_app.money import Money
from pos_app.stock import purchases, transfers
from tests.books_day import DAY, actor, at, build_day, promptpay_uuids, t1, treasurer

NEXT = DAY + dt.timedelta(days=1)
COUNT_723 = {10000: 7, 2000: 1, 100: 3}


def _closed_day() -> None:
    build_day()
    cash.close_shift(treasurer(), t1().id, COUNT_723, "เหรียญหาย", now=at(17))
    days.close_day(treasurer(), t1().shop_id, DAY, now=at(18))


def _buy(day: dt.date, now: dt.datetime) -> purchases.PurchaseResult:
    soap = Item.get(Item.sku == "DISH-500")
    line = purchases.BuyLine(soap.id, 10, total=Money(15000))
    return purchases.record_purchase(actor("prapha"), t1().shop_id, [line], day=day, now=now)


def test_purchase_keyed_in_next_morning_for_the_closed_day_goes_into_its_addendum(empty_db: OpenedDatabase) -> None:
    _closed_day()
    done = _buy(DAY, at(9, 0, NEXT))
    entry = LateDocument.get(LateDocument.doc_uuid == done.uuid)
    assert (entry.business_date, entry.addendum_no, entry.doc_type) == (DAY, 1, "purchase")
    report = days.addendum(t1().shop_id, DAY, 1)
    assert [d[0] for d in report.documents] == ["purchase"]
    assert Purchase.get(Purchase.uuid == done.uuid).total_satang == 15000


def test_purchase_written_after_the_close_dated_in_the_closed_day_is_refused(empty_db: OpenedDatabase) -> None:
    _closed_day()
    before = Purchase.select().count()
    with pytest.raises(ClosedDayError):
        _buy(DAY, at(18, 30))
    assert Purchase.select().count() == before
    assert LateDocument.select().count() == 0
    _buy(NEXT, at(9, 0, NEXT))  # the same purchase in the open day is fine
    assert Purchase.select().count() == before + 1


def test_transfer_dated_in_a_closed_day_entered_later_is_admitted_once(empty_db: OpenedDatabase) -> None:
    _closed_day()
    bhs, kapi = t1().shop_id, Shop.get(Shop.code == "KAPI-STALL").id
    soap = Item.get(Item.sku == "DISH-500")
    with pytest.raises(ClosedDayError):
        transfers.transfer(actor("prapha"), bhs, kapi, [transfers.GiveLine(soap.id, 2, Money(3000))], day=DAY,
                           now=at(19))
    assert Transfer.select().count() == 0
    done = transfers.transfer(actor("prapha"), bhs, kapi, [transfers.GiveLine(soap.id, 2, Money(3000))], day=DAY,
                              now=at(8, 0, NEXT))
    entry = LateDocument.get(LateDocument.doc_uuid == done.uuid)
    assert (entry.shop_id, entry.addendum_no, entry.doc_type) == (bhs, 1, "transfer")


def _refused(db: OpenedDatabase, sql: str, params: tuple[object, ...]) -> str:
    sqlite = db.target.endswith("sqlite3")
    with pytest.raises(pw.IntegrityError if sqlite else pw.InternalError) as err:
        with db.database.atomic():
            db.database.execute_sql(sql.replace("%s", "?" if sqlite else "%s"), params)
    return str(err.value)


def test_database_refuses_order_payments_and_purchases_dated_in_a_closed_day(empty_db: OpenedDatabase) -> None:
    _closed_day()
    sqlite = empty_db.target.endswith("sqlite3")
    new = ("1" * 32) if sqlite else "11111111-1111-1111-1111-111111111111"
    shop = t1().shop_id
    message = _refused(empty_db, "INSERT INTO order_payment (uuid, sale_uuid, till_id, method, amount_satang, "
                       "tendered_satang, change_satang, created_at, business_date, received_by_id) "
                       "VALUES (%s, %s, %s, 'cash', 100, 100, 0, %s, %s, 1)",
                       (new, new, t1().id, at(19).replace(tzinfo=None), DAY))
    assert "closed day" in message
    message = _refused(empty_db, "INSERT INTO purchase (uuid, shop_id, group_id, business_date, created_at, "
                       "user_id, paid_from, total_satang, note) VALUES (%s, %s, %s, %s, %s, 1, 'drawer', 100, '')",
                       (new, shop, Shop.get_by_id(shop).group_id, DAY, at(9, 0, NEXT).replace(tzinfo=None)))
    assert "closed day" in message
    message = _refused(empty_db, "INSERT INTO shift (uuid, till_id, number, opened_by_id, opened_at, business_date, "
                       "float_satang, float_count) VALUES (%s, %s, 9, 1, %s, %s, 0, '{}')",
                       (new, t1().id, at(19).replace(tzinfo=None), DAY))
    assert "closed day" in message


def test_a_mistaken_tick_is_taken_back_by_a_reversing_row_and_can_be_ticked_again(empty_db: OpenedDatabase) -> None:
    build_day()
    first, second = promptpay_uuids()
    assert promptpay.tick(treasurer(), [first]) == 1
    with pytest.raises(InputError):
        promptpay.untick(treasurer(), first, "  ")
    with pytest.raises(InputError):
        promptpay.untick(treasurer(), second, "ติ๊กผิด")  # never ticked
    promptpay.untick(treasurer(), first, "ติ๊กผิดรายการ")
    rows = {r.payment_uuid: r.ticked for r in promptpay.promptpay_of_day(DAY)}
    assert rows == {first: False, second: False}
    tick = PromptPayCheck.get()
    assert PromptPayUncheck.get().check_uuid == tick.uuid  # the tick itself stays as it was
    assert promptpay.tick(treasurer(), [first]) == 1  # ticked again: a new tick
    assert PromptPayCheck.select().count() == 2
    assert [r.ticked for r in promptpay.promptpay_of_day(DAY) if r.payment_uuid == first] == [True]
    assert len(days.x_report(Till.get(Till.code == "T1").id, DAY).unticked) == 1
