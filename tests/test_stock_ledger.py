"""The stock ledger's public behaviour with fixed numbers: receiving, refusals, per-shop sums, the journal."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest

import db.models as m
from db.connection import OpenedDatabase
from pos_app.errors import InputError, NotFound, PermissionDenied
from pos_app.people import users
from pos_app.stock import ledger as stock

AT = dt.datetime(2026, 11, 24, 1, 30, tzinfo=dt.UTC)


def new_item(sku: str) -> int:
    item = m.Item.create(sku=sku, kind="ingredient", base_unit="g", name_th=sku, name_en=sku,
                         group=m.NetworkGroup.get(m.NetworkGroup.code == "KAPI"))
    return int(item.id)


def kapi_stall() -> int:
    return int(m.Shop.get(m.Shop.code == "KAPI-STALL").id)


def market() -> int:
    return int(m.Shop.get(m.Shop.code == "BHS-MARKET").id)


def test_receiving_writes_one_document_with_its_journal_entry(demo_db: OpenedDatabase) -> None:
    salt, krill = new_item("T-SALT"), new_item("T-KRILL")
    doc = stock.receive(users.login("prapha", "2222"), kapi_stall(),
                        [stock.Movement(salt, 1500, lot="L1", unit_cost_satang=2),
                         stock.Movement(krill, 2750, unit_cost_satang=9)], now=AT)
    rows = sorted((r.item_id, r.shop_id, r.kind, r.quantity, r.lot.supplier_lot, r.value_satang, r.created_at)
                  for r in m.StockMovement.select().where(m.StockMovement.document_uuid == doc))
    # no price per kg for these new items: the cost is per gram, 1500 × 2 and 2750 × 9 satang
    assert rows == sorted([(salt, kapi_stall(), "purchase", 1500, "L1", 3000, AT),
                           (krill, kapi_stall(), "purchase", 2750, "", 24750, AT)])
    assert stock.on_hand_many([salt, krill, 999_999], kapi_stall()) == {salt: 1500, krill: 2750, 999_999: 0}
    assert stock.on_hand(salt, market()) == 0
    entry = m.JournalEntry.get(m.JournalEntry.doc_uuid == doc)
    assert (entry.doc_type, entry.created_at, entry.user.login, entry.till_id) == ("purchase", AT, "prapha", None)
    values = json.loads(entry.summary)
    assert values["shop"] == "KAPI-STALL" and values["user"] == "prapha"
    assert values["at"] == "2026-11-24T01:30:00+00:00" and values["total"] == 27750
    assert [(q, c) for _number, q, c in values["lots"]] == [(1500, 3000), (2750, 24750)]
    assert all(n.startswith("KAPI-25691124-") for n, _q, _c in values["lots"])


def test_opening_stock_and_sums_per_shop(demo_db: OpenedDatabase) -> None:
    salt = new_item("T-SALT")
    admin = users.login("admin", "9999")
    stock.receive(admin, market(), [stock.Movement(salt, 700)], kind="opening")
    stock.receive(admin, market(), [stock.Movement(salt, 45)])
    stock.receive(admin, kapi_stall(), [stock.Movement(salt, 8)])
    assert stock.on_hand(salt, market()) == 745
    assert stock.on_hand(salt, kapi_stall()) == 8
    assert sorted(r.kind for r in m.StockMovement.select().where(m.StockMovement.item == salt)) == [
        "opening", "purchase", "purchase"]


@pytest.mark.parametrize(("quantities", "message"), [
    ([0], "รายการที่ 1: จำนวนต้องมากกว่าศูนย์"), ([5, -1], "รายการที่ 2: จำนวนต้องมากกว่าศูนย์"),
    ([], "ใบซื้อไม่มีรายการ")])
def test_nothing_received_below_one(demo_db: OpenedDatabase, quantities: list[int], message: str) -> None:
    salt = new_item("T-SALT")
    before = m.StockMovement.select().count(), m.JournalEntry.select().count(), m.Lot.select().count()
    with pytest.raises(InputError) as err:
        stock.receive(users.login("admin", "9999"), market(), [stock.Movement(salt, q) for q in quantities])
    assert str(err.value) == message
    assert (m.StockMovement.select().count(), m.JournalEntry.select().count(), m.Lot.select().count()) == before


def test_unknown_items_wrong_kinds_and_roles_are_refused(demo_db: OpenedDatabase) -> None:
    salt = new_item("T-SALT")
    admin = users.login("admin", "9999")
    before = m.StockMovement.select().count(), m.JournalEntry.select().count()
    with pytest.raises(NotFound) as err:
        stock.receive(admin, market(), [stock.Movement(salt, 5), stock.Movement(987_654, 5)])
    assert str(err.value) == "ไม่พบสินค้ารหัส 987654"
    with pytest.raises(ValueError, match="purchases or opening stock"):
        stock.receive(admin, market(), [stock.Movement(salt, 5)], kind="sale")
    with pytest.raises(PermissionDenied):
        stock.receive(users.login("somsri", "1111"), market(), [stock.Movement(salt, 5)])
    with pytest.raises(ValueError, match="unknown movement kind gift"):
        stock.write_movements("gift", market(), uuid.uuid4(), [stock.Movement(salt, 5)], AT, None)
    with pytest.raises(ValueError, match="stock coming in names its lot"):
        stock.write_movements("count", market(), uuid.uuid4(), [stock.Movement(salt, 5)], AT, None)
    with pytest.raises(ValueError, match="sale rows take stock out"):
        stock.write_movements("sale", market(), uuid.uuid4(), [stock.Movement(salt, 5)], AT, None)
    with pytest.raises(ValueError, match="purchase rows bring stock in"):
        stock.write_movements("purchase", market(), uuid.uuid4(), [stock.Movement(salt, -5)], AT, None)
    assert (m.StockMovement.select().count(), m.JournalEntry.select().count()) == before
    assert list(stock.write_movements("waste", market(), uuid.uuid4(), [], AT, None)) == []
    assert m.StockMovement.select().count() == before[0]


def test_write_movements_returns_the_items_it_touched_once_each(demo_db: OpenedDatabase) -> None:
    salt, krill = new_item("T-SALT"), new_item("T-KRILL")
    admin = users.login("admin", "9999")
    stock.receive(admin, market(), [stock.Movement(salt, 10, unit_cost_satang=10)])  # 100 satang for 10 g
    stock.receive(admin, market(), [stock.Movement(krill, 4, unit_cost_satang=10)])  # 40 satang for 4 g
    krill_lot = m.Lot.get(m.Lot.item == krill).id
    doc = uuid.uuid4()
    done = stock.write_movements("count", market(), doc, [stock.Movement(krill, 3, lot_id=krill_lot),
                                                          stock.Movement(salt, -2),
                                                          stock.Movement(krill, 4, lot_id=krill_lot)], AT, None)
    assert list(done) == sorted([salt, krill]) and len(done) == 2
    # the value rule, by hand: krill 4 → 7 units is 70 − 40 = 30, 7 → 11 is 110 − 70 = 40; salt 10 → 8 is −20
    assert [(p.item_id, p.quantity, p.value_satang) for p in done.picks] == [
        (krill, 3, 30), (salt, -2, -20), (krill, 4, 40)]
    assert done.value_satang == 50
    assert stock.on_hand_many([salt, krill], market()) == {salt: 8, krill: 11}
    assert {r.user_id for r in m.StockMovement.select().where(m.StockMovement.document_uuid == doc)} == {None}
    assert stock.verify_balances() == []
