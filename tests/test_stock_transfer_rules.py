"""A transfer between the two groups, lot by lot: the agreed price shared by quantity (the last lot takes the
rest), each new lot keeping its source's expiry and number; the refusals in Thai.  Both databases; figures
worked out by hand."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from db.connection import OpenedDatabase
from db.models import JournalEntry, Lot
from db.models.stock import Transfer, TransferLine
from pos_app.errors import InputError, NotFound
from pos_app.money import Money
from pos_app.stock import ledger, transfers
from pos_app.stock.transfers import GiveLine
from tests.stock_support import buy, lead, new_item, shop

MARKET, STALL = "BHS-MARKET", "KAPI-STALL"


def test_a_line_taken_from_two_lots_shares_its_price_by_quantity(demo_db: OpenedDatabase) -> None:
    sugar = new_item("BHS", name="น้ำตาล")
    sooner = buy(MARKET, sugar, 100, 500, expires=dt.date(2027, 1, 1))  # ฿5.00
    later = buy(MARKET, sugar, 200, 1000, expires=dt.date(2027, 6, 1))  # ฿10.00
    done = transfers.transfer(lead(), shop(MARKET).id, shop(STALL).id, [GiveLine(sugar.id, 250, Money(1000))],
                              note="  ขายให้แผงกะปิ  ")
    # 100 g from the sooner lot: 1000 × 100 // 250 = 400; the last 150 g take the rest, 600.
    # Cost: the sooner lot whole (500) + 150 g of the later one (1000 − ⌈1000 × 50 / 200⌉ = 750) = 1250.
    assert (done.amount, done.cost) == (Money(1000), Money(1250))
    assert [(src, qty) for src, _new, qty in done.lots] == [(sooner.number, 100), (later.number, 150)]
    rows = list(TransferLine.select().where(TransferLine.transfer == Transfer.get(Transfer.uuid == done.uuid))
                .order_by(TransferLine.line_no))
    assert [(r.line_no, r.quantity, r.price_satang, r.cost_satang) for r in rows] == [
        (1, 100, 400, 500), (2, 150, 600, 750)]
    new_lots = [Lot.get(Lot.number == new) for _src, new, _qty in done.lots]
    assert [(lot.quantity_in, lot.cost_satang, lot.expires_on, lot.supplier_lot, lot.group.code)
            for lot in new_lots] == [(100, 400, dt.date(2027, 1, 1), sooner.number, "KAPI"),
                                     (150, 600, dt.date(2027, 6, 1), later.number, "KAPI")]
    assert (ledger.on_hand(sugar.id, shop(MARKET).id), ledger.on_hand(sugar.id, shop(STALL).id)) == (50, 250)
    t = Transfer.get(Transfer.uuid == done.uuid)
    assert (t.amount_satang, t.cost_satang, t.note, t.business_date) == (1000, 1250, "ขายให้แผงกะปิ",
                                                                           dt.date(2026, 11, 24))
    plain = transfers.transfer(lead(), shop(MARKET).id, shop(STALL).id, [GiveLine(sugar.id, 10, Money(50))])
    assert Transfer.get(Transfer.uuid == plain.uuid).note == ""  # no note given, none kept
    summary = json.loads(JournalEntry.get(JournalEntry.doc_uuid == done.uuid).summary)
    assert (summary["from"], summary["to"], summary["amount"], summary["cost"], summary["user"]) == (
        MARKET, STALL, 1000, 1250, "prapha")


def _refusal(lines: list[GiveLine], to: str = STALL, day: dt.date | None = None, to_id: int | None = None,
             from_id: int | None = None) -> str:
    with pytest.raises((InputError, NotFound)) as err:
        transfers.transfer(lead(), from_id or shop(MARKET).id, to_id or shop(to).id, lines, day=day)
    return str(err.value)


def test_bad_transfers_are_refused_in_thai_and_change_nothing(demo_db: OpenedDatabase) -> None:
    sugar = new_item("BHS", name="น้ำตาล")
    buy(MARKET, sugar, 100, 500)
    line = GiveLine(sugar.id, 10, Money(100))
    before = Transfer.select().count()
    assert _refusal([line], to=MARKET) == "การโอนต้องเป็นระหว่างสองกลุ่มที่ต่างกัน"
    assert _refusal([]) == "จำนวนต้องมากกว่าศูนย์"
    assert _refusal([line, GiveLine(sugar.id, 0, Money(0))]) == "จำนวนต้องมากกว่าศูนย์"
    assert _refusal([GiveLine(sugar.id, 10, Money(-1))]) == "ราคาต้องไม่ติดลบ"
    assert _refusal([line], day=dt.date(2026, 11, 25)) == "วันที่ 25/11/2569 ยังมาไม่ถึง"
    assert _refusal([line], to_id=987654) == "ไม่พบร้านรหัส 987654"
    assert _refusal([line], from_id=987653) == "ไม่พบร้านรหัส 987653"
    assert Transfer.select().count() == before and ledger.on_hand(sugar.id, shop(MARKET).id) == 100
