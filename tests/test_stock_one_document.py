"""Two lines of one item in one document: the second line sees what the first took (both databases)."""

from __future__ import annotations

import datetime as dt
from uuid import uuid4

from db.connection import OpenedDatabase
from db.models.stock import StockBalance
from pos_app.clock import utc_now
from pos_app.stock import ledger
from pos_app.stock.ledger import Movement
from tests.stock_support import buy, new_item, shop


def test_second_line_of_an_item_takes_what_the_first_left(demo_db: OpenedDatabase) -> None:
    paste = new_item(kind="finished", unit="piece")
    a = buy("KAPI-STALL", paste, 3, 300, expires=dt.date(2026, 12, 1))  # first to expire
    b = buy("KAPI-STALL", paste, 5, 1000, expires=dt.date(2027, 3, 1))
    done = ledger.write_movements("sale", shop("KAPI-STALL").id, uuid4(),
                                  [Movement(paste.id, -2), Movement(paste.id, -2)], utc_now(), None)
    # A: 3 units for 300 — held 3→1 is worth 300→100 (200 out), 1→0: 100 out;
    # B: 5 units for 1000 — held 5→4 is worth 1000→800 (200 out)
    assert [(p.lot_id, p.quantity, p.value_satang) for p in done.picks] == [
        (a.lot_id, -2, -200), (a.lot_id, -1, -100), (b.lot_id, -1, -200)]
    held = {r.lot_id: (r.quantity, r.held_value_satang) for r in StockBalance.select().where(
        StockBalance.lot.in_([a.lot_id, b.lot_id]))}
    assert held == {a.lot_id: (0, 0), b.lot_id: (4, 800)}
    assert ledger.verify_balances() == []
