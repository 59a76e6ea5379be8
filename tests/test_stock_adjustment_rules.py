"""Counts and write-offs by fixed figures: a count sheet moves each lot by the difference only, its document and
journal record; waste by first expiry; the refusals in Thai.  Both databases; figures worked out by hand."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest

from db.connection import OpenedDatabase
from db.models import JournalEntry, StockMovement
from db.models.stock import StockAdjustment
from pos_app.errors import InputError, NotFound, PermissionDenied
from pos_app.money import Money
from pos_app.stock import adjustments, ledger
from pos_app.stock.adjustments import Counted, Wasted
from tests.stock_support import buy, lead, new_item, seller, shop

MARKET = "BHS-MARKET"


def test_a_count_moves_each_lot_by_the_difference_only(demo_db: OpenedDatabase) -> None:
    salt = new_item("BHS", name="เกลือ")
    short = buy(MARKET, salt, 100, 1000)  # ฿10.00 for 100 g
    same = buy(MARKET, salt, 50, 500)
    more = buy(MARKET, salt, 40, 400)
    sheet = [Counted(short.lot_id, 90), Counted(same.lot_id, 50), Counted(more.lot_id, 45)]
    done = adjustments.record_count(lead(), shop(MARKET).id, sheet, "  นับสิ้นเดือน  ")
    # 10 g missing from the first lot: ⌈1000 × 90 / 100⌉ = 900 stays, 100 leaves; 5 g found in the third: the
    # lot's unit value 10 satang → +50 (whatever the rule, the books gain what the lot says 5 g are worth)
    rows = [(r.lot_id, r.quantity, r.kind) for r in StockMovement.select()
            .where(StockMovement.document_uuid == done.uuid).order_by(StockMovement.id)]
    assert rows == [(short.lot_id, -10, "count"), (more.lot_id, 5, "count")]
    assert (done.kind, done.value) == ("count", Money(-100 + 50))
    assert ledger.on_hand(salt.id, shop(MARKET).id) == 90 + 50 + 45
    doc = StockAdjustment.get(StockAdjustment.uuid == done.uuid)
    assert (doc.kind, doc.reason, doc.value_satang, doc.business_date) == (
        "count", "นับสิ้นเดือน", -50, dt.date(2026, 11, 24))
    summary = json.loads(JournalEntry.get(JournalEntry.doc_uuid == done.uuid).summary)
    assert (summary["shop"], summary["reason"], summary["value"], summary["user"], summary["lines"]) == (
        MARKET, "นับสิ้นเดือน", -50, "prapha",
        [[short.number, 100, 90], [same.number, 50, 50], [more.number, 40, 45]])


def test_waste_takes_the_soonest_expiry_first_and_names_item_and_lot(demo_db: OpenedDatabase) -> None:
    salt = new_item("BHS", name="เกลือ")
    buy(MARKET, salt, 100, 1000, expires=dt.date(2027, 6, 1))
    sooner = buy(MARKET, salt, 30, 600, expires=dt.date(2027, 1, 1))  # 20 satang a gram
    done = adjustments.record_waste(lead(), shop(MARKET).id, [Wasted(salt.id, 10)], "ขึ้นรา")
    assert [(p.lot_id, p.quantity, p.value_satang) for p in done.picks] == [(sooner.lot_id, -10, -200)]
    assert (done.kind, done.value) == ("waste", Money(-200))
    summary = json.loads(JournalEntry.get(JournalEntry.doc_uuid == done.uuid).summary)
    assert summary["lines"] == [[salt.sku, None, 10]]
    named = adjustments.record_waste(lead(), shop(MARKET).id, [Wasted(salt.id, 5, sooner.lot_id)], "ตก")
    summary = json.loads(JournalEntry.get(JournalEntry.doc_uuid == named.uuid).summary)
    assert summary["lines"] == [[salt.sku, sooner.number, 5]]


def _refused(call: Callable[[], object]) -> str:
    with pytest.raises((InputError, NotFound)) as err:
        call()
    return str(err.value)


def test_bad_counts_and_waste_are_refused_in_thai_and_change_nothing(demo_db: OpenedDatabase) -> None:
    salt = new_item("BHS", name="เกลือ")
    lot = buy(MARKET, salt, 100, 1000)
    market = shop(MARKET).id
    before = StockAdjustment.select().count()
    assert _refused(lambda: adjustments.record_count(lead(), market, [Counted(lot.lot_id, 1)], "  ")) == \
        "กรุณาระบุเหตุผล"
    assert _refused(lambda: adjustments.record_count(lead(), market, [], "นับ")) == "จำนวนที่นับได้ต้องไม่ติดลบ"
    assert _refused(lambda: adjustments.record_count(lead(), market, [Counted(lot.lot_id, -1)], "นับ")) == \
        "จำนวนที่นับได้ต้องไม่ติดลบ"
    assert _refused(lambda: adjustments.record_count(lead(), market, [Counted(987654, 1)], "นับ")) == \
        "ไม่พบล็อตรหัส 987654"
    assert _refused(lambda: adjustments.record_count(lead(), 987654, [Counted(lot.lot_id, 1)], "นับ")) == \
        "ไม่พบร้านรหัส 987654"
    assert _refused(lambda: adjustments.record_count(lead(), market, [Counted(lot.lot_id, 1)], "นับ",
                                                     day=dt.date(2026, 11, 25))) == "วันที่ 25/11/2569 ยังมาไม่ถึง"
    assert _refused(lambda: adjustments.record_waste(lead(), market, [Wasted(salt.id, 0)], "เสีย")) == \
        "จำนวนต้องมากกว่าศูนย์"
    assert _refused(lambda: adjustments.record_waste(lead(), market, [], "เสีย")) == "จำนวนต้องมากกว่าศูนย์"
    with pytest.raises(PermissionDenied):
        adjustments.record_waste(seller(), market, [Wasted(salt.id, 1)], "เสีย")
    assert StockAdjustment.select().count() == before and ledger.on_hand(salt.id, market) == 100


def test_a_lot_never_held_in_this_shop_is_counted_from_zero_at_the_time_given(demo_db: OpenedDatabase) -> None:
    paste = new_item("KAPI", name="กะปิ")
    lot = buy("KAPI-STALL", paste, 100, 1000)  # held at the stall only
    at = dt.datetime(2026, 11, 24, 6, 30, tzinfo=dt.UTC)  # 13:30 Bangkok, not the test clock's reading
    done = adjustments.record_count(lead(), shop(MARKET).id, [Counted(lot.lot_id, 3)], "เจอที่ตลาด", now=at)
    rows = [(r.lot_id, r.quantity, r.shop_id) for r in StockMovement.select()
            .where(StockMovement.document_uuid == done.uuid)]
    assert rows == [(lot.lot_id, 3, shop(MARKET).id)]
    summary = json.loads(JournalEntry.get(JournalEntry.doc_uuid == done.uuid).summary)
    assert (summary["lines"], summary["at"]) == ([[lot.number, 0, 3]], at.isoformat())
    assert StockAdjustment.get(StockAdjustment.uuid == done.uuid).created_at == at
    assert (ledger.on_hand(paste.id, shop(MARKET).id), ledger.on_hand(paste.id, shop("KAPI-STALL").id)) == (3, 100)
