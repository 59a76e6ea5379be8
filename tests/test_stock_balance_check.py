"""verify_balances names every balance that disagrees with the ledger, by lot and shop, with both figures: a
quantity off, a value off, a balance row missing, a balance with no ledger rows.  Both databases; the
corruptions are written with raw updates and the expected list by hand."""

from __future__ import annotations

from db.connection import OpenedDatabase
from db.models import database
from db.models.stock import StockBalance
from pos_app.stock import ledger
from pos_app.stock.ledger import BalanceMismatch
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
