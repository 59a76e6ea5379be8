"""The older entry point ``ledger.receive``: costs given per the item's pricing quantity (per kg for goods
sold by the kilo), paid from the group's account (never the till's drawer), a missing cost is zero."""

from __future__ import annotations

import datetime as dt

import db.models as m
from db.connection import OpenedDatabase
from db.models.stock import Purchase
from pos_app.people import users
from pos_app.stock import ledger

AT = dt.datetime(2026, 11, 24, 1, 30, tzinfo=dt.UTC)


def test_a_cost_per_kilo_is_spread_over_grams_and_paid_from_the_account(demo_db: OpenedDatabase) -> None:
    kapi = m.Item.get(m.Item.sku == "KAPI-KG")  # sold by the kilo: its price is per 1000 g
    dish = m.Item.get(m.Item.sku == "DISH-500")  # sold by the piece
    stall = m.Shop.get(m.Shop.code == "KAPI-STALL").id
    doc = ledger.receive(users.login("prapha", "2222"), stall,
                         [ledger.Movement(kapi.id, 2500, unit_cost_satang=12000),  # ฿120.00 a kg × 2.5 kg
                          ledger.Movement(dish.id, 4, unit_cost_satang=1250),  # ฿12.50 a bottle × 4
                          ledger.Movement(dish.id, 3)], now=AT)  # no cost given: nothing
    lots = sorted((lot.item_id, lot.quantity_in, lot.cost_satang)
                  for lot in m.Lot.select().where(m.Lot.document_uuid == doc))
    assert lots == sorted([(kapi.id, 2500, 30000), (dish.id, 4, 5000), (dish.id, 3, 0)])
    assert Purchase.get(Purchase.uuid == doc).paid_from == "account"
    rows = m.StockMovement.select().where(m.StockMovement.document_uuid == doc)
    assert sorted((r.quantity, r.expired_override) for r in rows) == [(3, False), (4, False), (2500, False)]


def test_each_item_keeps_its_own_pricing_quantity(demo_db: OpenedDatabase) -> None:
    kapi = m.Item.get(m.Item.sku == "KAPI-KG")  # priced per 1000 g
    spice = m.Item.create(sku="T-SPICE-100", kind="ingredient", base_unit="g", name_th="พริกป่น", name_en="chili",
                          group=kapi.group)
    m.ItemPrice.create(item=spice, tier=m.PriceTier.get(m.PriceTier.code == "retail"), price_satang=4000,
                       per_quantity=100)  # priced per 100 g
    stall = m.Shop.get(m.Shop.code == "KAPI-STALL").id
    doc = ledger.receive(users.login("prapha", "2222"), stall,
                         [ledger.Movement(kapi.id, 2500, unit_cost_satang=12000),  # ฿120.00 a kg × 2.5 kg
                          ledger.Movement(spice.id, 300, unit_cost_satang=2500)], now=AT)  # ฿25.00 / 100 g × 300 g
    lots = sorted((lot.item_id, lot.quantity_in, lot.cost_satang)
                  for lot in m.Lot.select().where(m.Lot.document_uuid == doc))
    assert lots == sorted([(kapi.id, 2500, 30000), (spice.id, 300, 7500)])
