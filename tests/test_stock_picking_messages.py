"""Picking's refusals and the refund rows it writes, by fixed figures (mutation testing found these unchecked).

SQLite and PostgreSQL; expected values worked out by hand from the lots bought here."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.connection import OpenedDatabase
from db.models import StockMovement, database
from pos_app.clock import utc_now
from pos_app.errors import InputError
from pos_app.stock import ledger, settings
from pos_app.stock.ledger import Movement
from tests.stock_support import admin, buy, new_item, sell, shop

MARKET = "BHS-MARKET"


def test_a_blocked_sale_says_in_thai_how_much_there_is_and_how_much_is_missing(demo_db: OpenedDatabase) -> None:
    jar = new_item("KAPI", "finished", "piece", price_satang=5000)
    buy(MARKET, jar, 5, 500, expires=dt.date(2026, 12, 1))
    buy(MARKET, jar, 3, 600, expires=dt.date(2026, 11, 30))
    settings.set_stock_policy(admin(), shop(MARKET).id, "block")
    with pytest.raises(InputError) as err:
        sell(jar, 9)  # 5 + 3 = 8 in stock: short by 1
    assert str(err.value) == f"{jar.name_th} ({jar.sku}) มีในสต็อกเพียง 8 (ขาด 1)"


def test_goods_refunded_without_a_sale_go_to_the_newest_lot_with_no_expiry_override(demo_db: OpenedDatabase) -> None:
    jar = new_item("KAPI", "finished", "piece", price_satang=5000)
    buy(MARKET, jar, 4, 800, expires=dt.date(2026, 11, 20), day=dt.date(2026, 11, 1))  # older, and expired
    newer = buy(MARKET, jar, 2, 600, expires=dt.date(2026, 11, 22), day=dt.date(2026, 11, 10))  # expired too
    doc = uuid.uuid4()  # no sale of that uuid: nothing says where the goods came from
    with database.atomic():
        ledger.write_movements("refund", shop(MARKET).id, doc, [Movement(jar.id, 3)], utc_now(), None)
    rows = [(r.lot_id, r.quantity, r.value_satang, r.expired_override)
            for r in StockMovement.select().where(StockMovement.document_uuid == doc)]
    assert rows == [(newer.lot_id, 3, 900, False)]  # ฿3.00 a jar in the newer lot
