"""A purchase entered late, from a supplier, read back row by row: the document, its lines numbered from 1, the
lots (supplier, day, expiry, time recorded), the ledger rows, the journal entry's every key, the event and the
result; and every refusal in Thai with nothing written.  Both databases; figures worked out by hand."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from db.connection import OpenedDatabase
from db.models import JournalEntry, Lot, StockMovement, Supplier, User
from db.models.stock import Purchase, PurchaseLine
from pos_app.errors import InputError, NotFound
from pos_app.events import StockChanged, bus
from pos_app.money import Money
from pos_app.stock import purchases, settings
from pos_app.stock.purchases import BuyLine
from tests.stock_support import lead, new_item, shop

MARKET = "BHS-MARKET"
AT = dt.datetime(2026, 11, 24, 6, 30, tzinfo=dt.UTC)  # 13:30 Bangkok on 24 Nov, not the test clock's reading
BOUGHT = dt.date(2026, 11, 22)  # entered two days late


def _counts() -> tuple[int, int, int, int, int]:
    return (Purchase.select().count(), PurchaseLine.select().count(), Lot.select().count(),
            StockMovement.select().count(), JournalEntry.select().count())


def test_a_late_purchase_from_a_supplier_is_written_row_by_row(demo_db: OpenedDatabase) -> None:
    salt, fish = new_item("BHS", name="เกลือ"), new_item("BHS", name="ปลา")
    settings.set_item_rule(lead(), fish.id, shelf_life_days=10)
    supplier = purchases.add_supplier(lead(), "SUP-P1", "ร้านป้าแดง")
    assert Supplier.get_by_id(supplier).phone == ""  # no phone given: none stored
    prapha = User.get(User.login == "prapha").id
    seen: list[StockChanged] = []
    stop = bus.subscribe(StockChanged, seen.append)
    try:
        done = purchases.record_purchase(
            lead(), shop(MARKET).id,
            [BuyLine(salt.id, 1000, total=Money(2000), expires_on=dt.date(2027, 3, 1)),
             BuyLine(fish.id, 333, unit_price=Money(1250), per=1000)],  # ฿12.50/kg × 333 g = 416.25 → 416
            supplier_id=supplier, paid_from="credit", day=BOUGHT, note="  " + "ก" * 600 + " ", now=AT)
    finally:
        stop()
    market, bhs = shop(MARKET).id, shop(MARKET).group_id
    assert (done.shop_id, done.group_id, done.day, done.total, done.already_saved) == (
        market, bhs, BOUGHT, Money(2416), False)
    # the fish's expiry is its shelf life from the day bought: 22 Nov + 10 days
    assert [(m.item_id, m.quantity, m.cost, m.expires_on) for m in done.lots] == [
        (salt.id, 1000, Money(2000), dt.date(2027, 3, 1)), (fish.id, 333, Money(416), dt.date(2026, 12, 2))]
    doc = Purchase.get(Purchase.uuid == done.uuid)
    assert (doc.shop_id, doc.group_id, doc.supplier_id, doc.business_date, doc.created_at, doc.user_id,  # type: ignore[attr-defined]
            doc.paid_from, doc.total_satang, doc.note) == (
        market, bhs, supplier, BOUGHT, AT, prapha, "credit", 2416, "ก" * 500)
    lines = [(pl.line_no, pl.item_id, pl.quantity, pl.cost_satang, pl.lot_id) for pl in
             PurchaseLine.select().where(PurchaseLine.purchase == doc).order_by(PurchaseLine.line_no)]
    assert lines == [(1, salt.id, 1000, 2000, done.lots[0].lot_id), (2, fish.id, 333, 416, done.lots[1].lot_id)]
    lots = [Lot.get_by_id(m.lot_id) for m in done.lots]
    assert [(lot.supplier_id, lot.made_on, lot.created_at, lot.origin, lot.document_uuid) for lot in lots] == [
        (supplier, BOUGHT, AT, "purchase", done.uuid)] * 2
    assert [lot.number for lot in lots] == [m.number for m in done.lots]
    assert all(re.fullmatch(r"BHS-25691122-[0-9A-F]{6}-00[12]", lot.number) for lot in lots)
    rows = [(r.item_id, r.lot_id, r.quantity, r.value_satang, r.kind, r.user_id, r.created_at, r.business_date)  # type: ignore[attr-defined]
            for r in StockMovement.select().where(StockMovement.document_uuid == done.uuid).order_by(StockMovement.id)]
    assert rows == [(salt.id, lots[0].id, 1000, 2000, "purchase", prapha, AT, BOUGHT),
                    (fish.id, lots[1].id, 333, 416, "purchase", prapha, AT, BOUGHT)]
    entry = JournalEntry.get(JournalEntry.doc_uuid == done.uuid)
    assert (entry.doc_type, entry.user_id) == ("purchase", prapha)  # type: ignore[attr-defined]
    assert json.loads(entry.summary) == {
        "shop": MARKET, "day": "2026-11-22", "user": "prapha", "at": AT.isoformat(), "paid_from": "credit",
        "total": 2416, "supplier": "SUP-P1",
        "lots": [[lots[0].number, 1000, 2000], [lots[1].number, 333, 416]]}
    assert seen == [StockChanged(market, tuple(sorted((salt.id, fish.id))))]


def test_a_purchase_without_a_note_stores_none(demo_db: OpenedDatabase) -> None:
    salt = new_item("BHS", name="เกลือ")
    done = purchases.record_purchase(lead(), shop(MARKET).id, [BuyLine(salt.id, 10, total=Money(100))])
    doc = Purchase.get(Purchase.uuid == done.uuid)
    assert (doc.note, doc.supplier_id, doc.paid_from) == ("", None, "drawer")  # type: ignore[attr-defined]
    summary = json.loads(JournalEntry.get(JournalEntry.doc_uuid == done.uuid).summary)
    assert (summary["supplier"], summary["day"], summary["paid_from"]) == (None, "2026-11-24", "drawer")


def test_every_refusal_is_in_thai_and_writes_nothing(demo_db: OpenedDatabase) -> None:
    salt = new_item("BHS", name="เกลือ")
    market = shop(MARKET).id
    line = [BuyLine(salt.id, 10, total=Money(100))]
    before = _counts()

    def refused(**kw: object) -> str:
        with pytest.raises((InputError, NotFound)) as err:
            purchases.record_purchase(lead(), kw.pop("shop_id", market), line, **kw)  # type: ignore[arg-type]
        return str(err.value)

    # the clock reads 10:00 Bangkok on 24 Nov 2569: the 25th is tomorrow
    assert refused(day=dt.date(2026, 11, 25)) == "วันที่ 25/11/2569 ยังมาไม่ถึง"
    assert refused(paid_from="cheque") == "ไม่รู้จักวิธีจ่ายเงิน cheque"
    assert refused(shop_id=987654) == "ไม่พบร้านรหัส 987654"
    assert refused(supplier_id=987654) == "ไม่พบผู้ขายรหัส 987654"
    with pytest.raises(ValueError) as wrong_kind:
        purchases.record_purchase(lead(), market, line, kind="transfer")
    assert str(wrong_kind.value) == "record_purchase records purchases or opening stock"
    assert _counts() == before
