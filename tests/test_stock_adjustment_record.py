"""A count and a write-off entered late, read back row by row: the ledger rows (who, when recorded, which day),
the adjustment document, the journal entry's every key, the event; a named lot written off before a lot of
earlier expiry; a count dated in a closed day goes into its addendum.  Both databases; figures by hand."""

from __future__ import annotations

import datetime as dt
import json

from db.connection import OpenedDatabase
from db.models import Item, JournalEntry, Lot, StockMovement, User
from db.models.books import LateDocument
from db.models.stock import StockAdjustment
from pos_app.books import cash, days
from pos_app.events import StockChanged, bus
from pos_app.money import Money
from pos_app.stock import adjustments, ledger
from pos_app.stock.adjustments import Counted, Wasted
from tests.books_day import DAY, actor, at, build_day, t1, treasurer
from tests.stock_support import buy, lead, new_item, shop

MARKET = "BHS-MARKET"
AT = dt.datetime(2026, 11, 24, 6, 30, tzinfo=dt.UTC)  # 13:30 Bangkok on 24 Nov, not the test clock's reading
BOUGHT = dt.date(2026, 11, 20)
COUNTED = dt.date(2026, 11, 22)  # the count sheet's day, entered two days late


def test_a_late_count_is_written_row_by_row_with_its_journal_entry_and_event(demo_db: OpenedDatabase) -> None:
    salt = new_item("BHS", name="เกลือ")
    lot = buy(MARKET, salt, 100, 1000, day=BOUGHT)  # ฿10.00 for 100 g
    market, prapha = shop(MARKET).id, User.get(User.login == "prapha").id
    reason = "ข" * 600
    seen: list[StockChanged] = []
    stop = bus.subscribe(StockChanged, seen.append)
    try:
        done = adjustments.record_count(lead(), market, [Counted(lot.lot_id, 96)], f"  {reason} ", day=COUNTED,
                                        now=AT)
    finally:
        stop()
    # 4 g missing: ⌈1000 × 96 / 100⌉ = 960 stays, 40 satang leave
    assert (done.kind, done.value) == ("count", Money(-40))
    rows = [(r.lot_id, r.quantity, r.value_satang, r.kind, r.user_id, r.created_at, r.business_date)  # type: ignore[attr-defined]
            for r in StockMovement.select().where(StockMovement.document_uuid == done.uuid)]
    assert rows == [(lot.lot_id, -4, -40, "count", prapha, AT, COUNTED)]
    doc = StockAdjustment.get(StockAdjustment.uuid == done.uuid)
    assert (doc.kind, doc.shop_id, doc.business_date, doc.created_at, doc.user_id, doc.reason, doc.value_satang) == (  # type: ignore[attr-defined]
        "count", market, COUNTED, AT, prapha, "ข" * 500, -40)
    entry = JournalEntry.get(JournalEntry.doc_uuid == done.uuid)
    assert (entry.doc_type, entry.user_id) == ("count", prapha)  # type: ignore[attr-defined]
    assert json.loads(entry.summary) == {"shop": MARKET, "day": "2026-11-22", "user": "prapha",
                                         "at": AT.isoformat(), "reason": reason, "value": -40,
                                         "lines": [[lot.number, 100, 96]]}
    assert seen == [StockChanged(market, (salt.id,))]
    assert ledger.on_hand(salt.id, market) == 96


def test_a_late_write_off_of_a_named_lot_leaves_the_sooner_lot_alone(demo_db: OpenedDatabase) -> None:
    salt = new_item("BHS", name="เกลือ")
    sooner = buy(MARKET, salt, 30, 600, expires=dt.date(2027, 1, 1), day=BOUGHT)  # 20 satang a gram
    later = buy(MARKET, salt, 100, 1000, expires=dt.date(2027, 6, 1), day=BOUGHT)  # 10 satang a gram
    prapha = User.get(User.login == "prapha").id
    done = adjustments.record_waste(lead(), shop(MARKET).id, [Wasted(salt.id, 5, later.lot_id)], "ถุงขาด",
                                    day=COUNTED, now=AT)
    rows = [(r.lot_id, r.quantity, r.value_satang, r.kind, r.user_id, r.created_at, r.business_date)  # type: ignore[attr-defined]
            for r in StockMovement.select().where(StockMovement.document_uuid == done.uuid)]
    assert rows == [(later.lot_id, -5, -50, "waste", prapha, AT, COUNTED)]
    assert (done.kind, done.value) == ("waste", Money(-50))
    assert StockAdjustment.get(StockAdjustment.uuid == done.uuid).business_date == COUNTED
    held: dict[int, int] = {}
    for r in StockMovement.select().where(StockMovement.item == salt.id):
        held[int(r.lot_id or 0)] = held.get(int(r.lot_id or 0), 0) + r.quantity
    assert held == {sooner.lot_id: 30, later.lot_id: 95}  # the sooner lot untouched
    assert ledger.on_hand(salt.id, shop(MARKET).id) == 30 + 95


def test_a_count_dated_in_a_closed_day_and_entered_next_morning_goes_into_its_addendum(
        empty_db: OpenedDatabase) -> None:
    build_day()
    cash.close_shift(treasurer(), t1().id, {10000: 7, 2000: 1, 100: 3}, "เหรียญหาย", now=at(17))
    days.close_day(treasurer(), t1().shop_id, DAY, now=at(18))
    soap = Item.get(Item.sku == "DISH-500")
    lot = Lot.select().where(Lot.item == soap).order_by(Lot.id).first()
    done = adjustments.record_count(actor("prapha"), t1().shop_id, [Counted(lot.id, 0)], "นับเมื่อวาน", day=DAY,
                                    now=at(9, 0, DAY + dt.timedelta(days=1)))
    entry = LateDocument.get(LateDocument.doc_uuid == done.uuid)
    assert (entry.shop_id, entry.business_date, entry.addendum_no, entry.doc_type) == (
        t1().shop_id, DAY, 1, "count")
    assert StockAdjustment.get(StockAdjustment.uuid == done.uuid).business_date == DAY
