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
    rows = sorted((r.item_id, r.shop_id, r.kind, r.quantity, r.lot, r.unit_cost_satang, r.created_at)
                  for r in m.StockMovement.select().where(m.StockMovement.document_uuid == doc))
    assert rows == sorted([(salt, kapi_stall(), "purchase", 1500, "L1", 2, AT),
                           (krill, kapi_stall(), "purchase", 2750, "", 9, AT)])
    assert stock.on_hand_many([salt, krill, 999_999], kapi_stall()) == {salt: 1500, krill: 2750, 999_999: 0}
    assert stock.on_hand(salt, market()) == 0
    entry = m.JournalEntry.get(m.JournalEntry.doc_uuid == doc)
    assert (entry.doc_type, entry.created_at, entry.user.login, entry.till_id) == ("purchase", AT, "prapha", None)
    values = json.loads(entry.summary)
    assert values["shop"] == kapi_stall() and values["user"] == "prapha"
    assert values["at"] == "2026-11-24T01:30:00+00:00"
    assert values["moves"] == [[salt, 1500, "L1", 2], [krill, 2750, "", 9]]


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


@pytest.mark.parametrize("quantities", [[0], [5, -1], []])
def test_nothing_received_below_one(demo_db: OpenedDatabase, quantities: list[int]) -> None:
    salt = new_item("T-SALT")
    before = m.StockMovement.select().count(), m.JournalEntry.select().count()
    with pytest.raises(InputError) as err:
        stock.receive(users.login("admin", "9999"), market(), [stock.Movement(salt, q) for q in quantities])
    assert str(err.value) == "จำนวนที่รับเข้าต้องมากกว่าศูนย์"
    assert (m.StockMovement.select().count(), m.JournalEntry.select().count()) == before


def test_unknown_items_wrong_kinds_and_roles_are_refused(demo_db: OpenedDatabase) -> None:
    salt = new_item("T-SALT")
    admin = users.login("admin", "9999")
    before = m.StockMovement.select().count(), m.JournalEntry.select().count()
    with pytest.raises(NotFound) as err:
        stock.receive(admin, market(), [stock.Movement(salt, 5), stock.Movement(987_654, 5)])
    assert str(err.value) == "ไม่พบสินค้ารหัส 987654"
    with pytest.raises(ValueError, match="opening stock or purchases"):
        stock.receive(admin, market(), [stock.Movement(salt, 5)], kind="sale")
    with pytest.raises(PermissionDenied):
        stock.receive(users.login("somsri", "1111"), market(), [stock.Movement(salt, 5)])
    with pytest.raises(ValueError, match="unknown movement kind gift"):
        stock.write_movements("gift", market(), uuid.uuid4(), [stock.Movement(salt, 5)], AT, None)
    assert (m.StockMovement.select().count(), m.JournalEntry.select().count()) == before
    assert stock.write_movements("waste", market(), uuid.uuid4(), [], AT, None) == []
    assert m.StockMovement.select().count() == before[0]


def test_write_movements_returns_the_items_it_touched_once_each(demo_db: OpenedDatabase) -> None:
    salt, krill = new_item("T-SALT"), new_item("T-KRILL")
    doc = uuid.uuid4()
    touched = stock.write_movements("count", market(), doc, [stock.Movement(krill, 3), stock.Movement(salt, -2),
                                                              stock.Movement(krill, 4)], AT, None)
    assert touched == sorted([salt, krill])
    assert stock.on_hand_many([salt, krill], market()) == {salt: -2, krill: 7}
    assert {r.user_id for r in m.StockMovement.select().where(m.StockMovement.document_uuid == doc)} == {None}
