"""Picking by a scanned lot label (pos_app.stock.picking): the lot's own balance in this shop decides, read
when the label is seen; units short are reported, never hidden."""

from __future__ import annotations

import datetime as dt
import uuid

import db.models as m
from db.connection import OpenedDatabase
from pos_app.people import users
from pos_app.stock import ledger

AT = dt.datetime(2026, 11, 24, 3, 0, tzinfo=dt.UTC)


def test_a_labelled_lot_is_taken_from_and_what_it_lacks_is_reported(demo_db: OpenedDatabase) -> None:
    dish = m.Item.get(m.Item.sku == "DISH-500")
    stall = m.Shop.get(m.Shop.code == "KAPI-STALL").id
    doc = ledger.receive(users.login("prapha", "2222"), stall, [ledger.Movement(dish.id, 5, unit_cost_satang=1000)],
                         now=AT)
    label = m.Lot.get(m.Lot.document_uuid == doc).number.lower()  # typed in lower case: still the lot
    with m.database.atomic():
        first = ledger.write_movements("sale", stall, uuid.uuid4(), [ledger.Movement(dish.id, -3, lot=label)],
                                       AT, None)
    with m.database.atomic():
        second = ledger.write_movements("sale", stall, uuid.uuid4(), [ledger.Movement(dish.id, -4, lot=label)],
                                        AT, None)
    assert [(p.quantity, p.value_satang) for p in first.picks] == [(-3, -3000)] and first.shortfalls == ()
    assert [p.quantity for p in second.picks] == [-4]
    assert [(s.item_id, s.short_by) for s in second.shortfalls] == [(dish.id, 2)]  # 5 − 3 = 2 left, 4 taken
