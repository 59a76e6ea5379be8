"""A second refund of one sale puts the goods back into the lots the sale took them from, after what the first
refund already put back (pos_app.stock.picking.refund_lots).  Both databases; figures by hand."""

from __future__ import annotations

import datetime as dt

from db.connection import OpenedDatabase
from db.models import Sale, StockMovement, Till
from pos_app.money import Money
from pos_app.selling import refunds
from tests.stock_support import buy, new_item, sell
from tests.test_selling_rules import seller, treasurer


def test_a_second_refund_fills_what_the_first_left_in_each_lot(demo_db: OpenedDatabase) -> None:
    till = Till.get(Till.code == "T1")
    shop_code = till.shop.code
    salt = new_item(till.shop.group.code, kind="finished", unit="piece", price_satang=500, name="เกลือ")
    a = buy(shop_code, salt, 10, 1000, expires=dt.date(2026, 12, 10)).lot_id  # expires first: sold first
    b = buy(shop_code, salt, 10, 1000, expires=dt.date(2026, 12, 20)).lot_id
    sale = sell(salt, 13)  # 10 from a, 3 from b
    original = Sale.get(Sale.uuid == sale.uuid)

    def back(units: int) -> list[tuple[int | None, int]]:
        done = refunds.refund_sale(seller(), till.id, original.uuid, "คืน", lines={1: units}, method="cash",
                                   approved_by=treasurer())
        rows = StockMovement.select().where(StockMovement.document_uuid == done.uuid).order_by(StockMovement.id)
        return [(r.lot_id, r.quantity) for r in rows]

    assert back(5) == [(a, 5)]  # a gave 10: room for all 5
    assert back(8) == [(a, 5), (b, 3)]  # a has room for 10 − 5 = 5 more, b for the 3 it gave
    assert sale.total == Money(6500)  # 13 × ฿5.00
