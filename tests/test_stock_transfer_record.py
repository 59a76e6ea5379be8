"""A transfer entered the day after it happened, everything it writes checked field by field: both shops'
ledger rows (who, when it happened, when it was keyed in), the receiver's new lots, the journal entry, the
events, the result; a one-piece gift; the third group's refusal word for word.  Both databases.

Worked by hand: the Bang Hua Suea market bought 100 g of sugar for ฿5.00 (expires 1 Jan 2027) and 200 g
for ฿10.00 (expires 1 Jun 2027) on 22 Nov.  On 24 Nov at 11:00 Bangkok (04:00 UTC) the Khlong Dan lead keys
in the 300 g she took on 23 Nov at an agreed ฿10.01.  First-expiry-first-out takes the January lot whole, then
the June lot whole: cost 500 + 1,000 = 1,500 satang.  The price is shared by quantity: 1,001 × 100 ÷ 300 =
333.67 → 333 satang for the first new lot (rounded down), and the last takes the rest, 1,001 − 333 = 668.
The day it stands for: 23 Nov at the time of day it was keyed in, 11:00 Bangkok = 04:00 UTC on 23 Nov.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from db.connection import OpenedDatabase
from db.models import JournalEntry, Lot, NetworkGroup, StockMovement, User
from db.models.stock import Transfer
from pos_app.errors import PermissionDenied
from pos_app.events import StockChanged, bus
from pos_app.money import Money
from pos_app.people import users
from pos_app.stock import ledger, transfers
from pos_app.stock.transfers import GiveLine
from tests.stock_support import buy, lead, new_item, shop

MARKET, STALL = "BHS-MARKET", "KAPI-STALL"
BOUGHT, TAKEN = dt.date(2026, 11, 22), dt.date(2026, 11, 23)
KEYED_IN = dt.datetime(2026, 11, 24, 4, 0, tzinfo=dt.UTC)  # 11:00 Bangkok, the clock reads 03:00 UTC


def id_of(row: object) -> object:
    return getattr(row, "id", None)


def group_id(code: str) -> int:
    return int(NetworkGroup.get(NetworkGroup.code == code).id)


def test_a_transfer_keyed_in_a_day_late_field_by_field(demo_db: OpenedDatabase) -> None:
    sugar = new_item("BHS", name="น้ำตาล")
    january = buy(MARKET, sugar, 100, 500, expires=dt.date(2027, 1, 1), day=BOUGHT)
    june = buy(MARKET, sugar, 200, 1000, expires=dt.date(2027, 6, 1), day=BOUGHT)
    seen: list[object] = []
    stop = bus.subscribe(StockChanged, seen.append)
    try:
        done = transfers.transfer(lead(), shop(MARKET).id, shop(STALL).id, [GiveLine(sugar.id, 300, Money(1001))],
                                  note=" " + "x" * 600, day=TAKEN, now=KEYED_IN)
    finally:
        stop()
    assert (done.from_group_id, done.to_group_id, done.amount, done.cost) == (
        group_id("BHS"), group_id("KAPI"), Money(1001), Money(1500))
    new_first, new_second = (Lot.get(Lot.number == new) for _src, new, _qty in done.lots)
    assert done.lots == ((january.number, new_first.number, 100), (june.number, new_second.number, 200))
    assert [(lot.quantity_in, lot.cost_satang, lot.made_on, lot.created_at, lot.expires_on)
            for lot in (new_first, new_second)] == [(100, 333, TAKEN, KEYED_IN, dt.date(2027, 1, 1)),
                                                    (200, 668, TAKEN, KEYED_IN, dt.date(2027, 6, 1))]
    prapha = User.get(User.login == "prapha").id
    rows = StockMovement.select().where(StockMovement.document_uuid == done.uuid).order_by(StockMovement.id)
    assert [(r.shop_id, r.kind, r.lot_id, r.quantity, r.value_satang, id_of(r.user), r.created_at, r.business_date)
            for r in rows] == [
        (shop(MARKET).id, "transfer", january.lot_id, -100, -500, prapha, KEYED_IN, TAKEN),
        (shop(MARKET).id, "transfer", june.lot_id, -200, -1000, prapha, KEYED_IN, TAKEN),
        (shop(STALL).id, "transfer", new_first.id, 100, 333, prapha, KEYED_IN, TAKEN),
        (shop(STALL).id, "transfer", new_second.id, 200, 668, prapha, KEYED_IN, TAKEN)]
    assert (ledger.on_hand(sugar.id, shop(MARKET).id), ledger.on_hand(sugar.id, shop(STALL).id)) == (0, 300)
    t = Transfer.get(Transfer.uuid == done.uuid)
    assert (t.note, t.business_date, t.created_at) == ("x" * 500, TAKEN, KEYED_IN)  # the note cut at 500
    entry = JournalEntry.get(JournalEntry.doc_uuid == done.uuid)
    assert (entry.doc_type, id_of(entry.user)) == ("transfer", prapha)
    assert json.loads(entry.summary) == {
        "from": MARKET, "to": STALL, "day": "2026-11-23", "user": "prapha", "amount": 1001, "cost": 1500,
        "lots": [[january.number, new_first.number, 100], [june.number, new_second.number, 200]]}
    assert seen == [StockChanged(shop(MARKET).id, (sugar.id,)), StockChanged(shop(STALL).id, (sugar.id,))]


def test_one_piece_given_for_nothing(demo_db: OpenedDatabase) -> None:
    jar = new_item("BHS", kind="finished", unit="piece", name="แยม")
    buy(MARKET, jar, 5, 1000, expires=dt.date(2027, 1, 1))  # ฿2.00 a jar
    done = transfers.transfer(lead(), shop(MARKET).id, shop(STALL).id, [GiveLine(jar.id, 1, Money(0))])
    assert (done.amount, done.cost) == (Money(0), Money(200))
    (_src, new, qty), = done.lots
    assert (qty, Lot.get(Lot.number == new).cost_satang) == (1, 0)
    assert (ledger.on_hand(jar.id, shop(MARKET).id), ledger.on_hand(jar.id, shop(STALL).id)) == (4, 1)


def test_a_third_groups_member_is_told_in_thai_which_group_she_is_in(demo_db: OpenedDatabase) -> None:
    sugar = new_item("BHS", name="น้ำตาล")
    buy(MARKET, sugar, 100, 500)
    users.create_user("malee", "มาลี", "production", "4444", group_id("HERB"))
    before = Transfer.select().count()
    with pytest.raises(PermissionDenied) as err:
        transfers.transfer(users.login("malee", "4444"), shop(MARKET).id, shop(STALL).id,
                           [GiveLine(sugar.id, 10, Money(100))])
    assert str(err.value) == "การโอนสินค้าบันทึกได้เฉพาะกลุ่มที่ให้หรือกลุ่มที่รับ แต่คุณอยู่ในกลุ่มสมุนไพรใกล้บ้าน"
    assert Transfer.select().count() == before and ledger.on_hand(sugar.id, shop(MARKET).id) == 100
