"""What picking reads about lots, by fixed figures: the light lot rows `fefo_rows` gives (every column, the day
made included), a batch's own new lots written without being read back, and a lot named by id valued from
what it holds (its rounding remainder carried by the last units).  Both databases; figures worked by hand."""

from __future__ import annotations

import datetime as dt
import uuid

from db.connection import OpenedDatabase
from db.models import StockMovement, database
from db.models.stock import StockBalance
from pos_app.stock import adjustments, ledger
from pos_app.stock.adjustments import Wasted
from pos_app.stock.lots import LotRow, NewLot, create_lot
from pos_app.stock.picking import fefo_rows
from tests.conftest import NOW
from tests.stock_support import buy, lead, new_item, shop

MARKET = "BHS-MARKET"
BOUGHT = dt.date(2026, 11, 20)


def test_fefo_rows_give_every_column_of_each_lot_soonest_expiry_first(demo_db: OpenedDatabase) -> None:
    salt = new_item("BHS", name="เกลือ")
    later = buy(MARKET, salt, 100, 1005, expires=dt.date(2027, 6, 1), day=BOUGHT)  # 10 satang a gram, 5 over
    sooner = buy(MARKET, salt, 30, 600, expires=dt.date(2027, 1, 1))  # bought today, 24 Nov
    rows = fefo_rows([salt.id], shop(MARKET).id, dt.date(2026, 11, 24), lock=False)
    assert rows == {salt.id: [
        (LotRow(sooner.lot_id, sooner.number, salt.id, dt.date(2026, 11, 24), dt.date(2027, 1, 1), 30, 600, 20), 30),
        (LotRow(later.lot_id, later.number, salt.id, BOUGHT, dt.date(2027, 6, 1), 100, 1005, 10), 100)]}
    # on the 21st the lot bought on the 24th is not there yet
    assert fefo_rows([salt.id], shop(MARKET).id, dt.date(2026, 11, 21), lock=False) == {salt.id: [
        (LotRow(later.lot_id, later.number, salt.id, BOUGHT, dt.date(2027, 6, 1), 100, 1005, 10), 100)]}


def test_a_batch_brings_in_its_own_new_lot_at_its_full_cost(demo_db: OpenedDatabase) -> None:
    paste = new_item("BHS", kind="finished", name="น้ำพริก")
    market, doc = shop(MARKET), uuid.uuid4()
    with database.atomic():
        lot = create_lot(NewLot(paste.id, 50, 503), market.group_id, "batch", doc, dt.date(2026, 11, 24))
        done = ledger.write_movements("produce", market.id, doc, [ledger.Movement(paste.id, 50, lot_id=lot.id)],
                                      NOW, None, new_lots=[lot])
    assert [(p.item_id, p.lot_id, p.quantity, p.value_satang, p.unit_cost_satang) for p in done.picks] == [
        (paste.id, lot.id, 50, 503, 10)]  # ฿5.03 for 50: 10 satang each, 3 over
    row = StockBalance.get((StockBalance.lot == lot.id) & (StockBalance.shop == market.id))
    assert (row.quantity, row.held_value_satang) == (50, 503)
    assert [(m.quantity, m.value_satang) for m in StockMovement.select().where(StockMovement.document_uuid == doc)] == [
        (50, 503)]


def test_a_lot_named_by_id_is_valued_from_what_it_holds(demo_db: OpenedDatabase) -> None:
    salt = new_item("BHS", name="เกลือ")
    lot = buy(MARKET, salt, 1000, 1999)  # ฿19.99 for 1000 g: 1 satang a gram, 999 over
    one = adjustments.record_waste(lead(), shop(MARKET).id, [Wasted(salt.id, 1, lot.lot_id)], "ตก")
    # 999 g held are worth ⌈1999 × 999 / 1000⌉ = ⌈1997.001⌉ = 1998: the first gram out moves 1 satang
    assert [(p.lot_id, p.quantity, p.value_satang) for p in one.picks] == [(lot.lot_id, -1, -1)]
    half = adjustments.record_waste(lead(), shop(MARKET).id, [Wasted(salt.id, 500, lot.lot_id)], "ขึ้นรา")
    # 499 g are worth ⌈1999 × 499 / 1000⌉ = ⌈997.501⌉ = 998: 1998 − 998 = 1000 satang
    assert [(p.lot_id, p.quantity, p.value_satang) for p in half.picks] == [(lot.lot_id, -500, -1000)]
    row = StockBalance.get((StockBalance.lot == lot.lot_id) & (StockBalance.shop == shop(MARKET).id))
    assert (row.quantity, row.held_value_satang) == (499, 998)
