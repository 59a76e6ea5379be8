"""verify_balances names every balance that disagrees with the ledger, by lot and shop, with both figures: a
quantity off, a value off, a balance row missing, a balance with no ledger rows.  Both databases; the
corruptions are written with raw updates and the expected list by hand."""

from __future__ import annotations

import uuid

from db.connection import OpenedDatabase
from db.models import database
from db.models.stock import StockBalance
from pos_app.stock import ledger
from pos_app.stock.ledger import BalanceMismatch
from tests.conftest import NOW
from tests.stock_support import buy, new_item, shop

MARKET, STALL = "BHS-MARKET", "KAPI-STALL"


def test_every_kind_of_disagreement_is_named_with_both_figures(demo_db: OpenedDatabase) -> None:
    salt, fish = new_item("BHS", name="เกลือ"), new_item("KAPI", name="ปลา")
    a = buy(MARKET, salt, 100, 1000).lot_id  # 100 g worth ฿10.00
    b = buy(MARKET, salt, 50, 500).lot_id
    c = buy(STALL, fish, 30, 300).lot_id
    market, stall = shop(MARKET).id, shop(STALL).id
    assert ledger.verify_balances() == []
    with database.atomic():
        StockBalance.update(quantity=101).where((StockBalance.lot == a) & (StockBalance.shop == market)).execute()
        StockBalance.update(held_value_satang=499).where(
            (StockBalance.lot == b) & (StockBalance.shop == market)).execute()
        StockBalance.delete().where((StockBalance.lot == c) & (StockBalance.shop == stall)).execute()
        StockBalance.insert(item=salt.id, lot=a, shop=stall, quantity=2, held_value_satang=20).execute()
    expected = sorted([BalanceMismatch(a, market, (101, 1000), (100, 1000)),
                       BalanceMismatch(a, stall, (2, 20), (0, 0)),
                       BalanceMismatch(b, market, (50, 499), (50, 500)),
                       BalanceMismatch(c, stall, (0, 0), (30, 300))], key=lambda m: (m.lot_id, m.shop_id))
    assert ledger.verify_balances() == expected


def test_rows_that_agree_are_not_named_even_a_lot_in_two_shops(demo_db: OpenedDatabase) -> None:
    salt, fish = new_item("BHS", name="เกลือ"), new_item("KAPI", name="ปลา")
    a = buy(MARKET, salt, 100, 1000).lot_id  # 100 g worth ฿10.00
    d = buy(STALL, fish, 10, 300).lot_id
    market, stall = shop(MARKET).id, shop(STALL).id
    moved = uuid.uuid4()
    with database.atomic():  # 40 g of lot a to the stall: ฿4.00 goes with it
        ledger.write_movements("transfer", market, moved, [ledger.Movement(salt.id, -40, lot_id=a)], NOW, None)
        ledger.write_movements("transfer", stall, moved, [ledger.Movement(salt.id, 40, lot_id=a)], NOW, None)
        ledger.write_movements("waste", stall, uuid.uuid4(), [ledger.Movement(fish.id, -10, lot_id=d)], NOW, None)
    held = {(int(b.lot_id), int(b.shop_id)): (b.quantity, b.held_value_satang)
            for b in StockBalance.select().where(StockBalance.lot.in_([a, d]))}
    assert held == {(a, market): (60, 600), (a, stall): (40, 400), (d, stall): (0, 0)}
    with database.atomic():  # an emptied lot without its balance row, and an empty row with no ledger rows
        StockBalance.delete().where((StockBalance.lot == d) & (StockBalance.shop == stall)).execute()
        StockBalance.insert(item=fish.id, lot=d, shop=market, quantity=0, held_value_satang=0).execute()
    assert ledger.verify_balances() == []
