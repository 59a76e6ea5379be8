"""Picking a named lot and the rows picking writes, by fixed figures (pos_app.stock.picking; mutation testing
found these unchecked): the Thai refusals word for word, nothing written after one, a lot held only in
another shop counts as none here, the expired-lot flag only where the override was used, write-offs take
expired lots first, and the preview of a take.  Both databases; every figure is worked by hand from the
purchases in each test (the demo's today is 24/11/2569)."""

from __future__ import annotations

import datetime as dt
import uuid

import peewee as pw
import pytest

from db.connection import OpenedDatabase
from db.models import Lot, StockMovement, database
from db.models.stock import StockBalance
from pos_app.errors import InputError
from pos_app.stock import adjustments, ledger, settings
from pos_app.stock.ledger import Movement
from tests.conftest import NOW
from tests.stock_support import admin, buy, lead, new_item, sell, shop

MARKET, STALL = "BHS-MARKET", "KAPI-STALL"
TODAY = dt.date(2026, 11, 24)


def _write(kind: str, moves: list[Movement], shop_code: str = MARKET,
           doc: uuid.UUID | None = None) -> ledger.StockWritten:
    with database.atomic():
        return ledger.write_movements(kind, shop(shop_code).id, doc or uuid.uuid4(), moves, NOW, None)


def _rows(doc: uuid.UUID) -> list[tuple[int | None, int, int, bool]]:
    rows = StockMovement.select().where(StockMovement.document_uuid == doc).order_by(StockMovement.id)
    return [(r.lot_id, r.quantity, r.value_satang, r.expired_override) for r in rows]


def _held(lot_id: int, shop_code: str = MARKET) -> int:
    row = StockBalance.get_or_none((StockBalance.lot == lot_id) & (StockBalance.shop == shop(shop_code).id))
    return 0 if row is None else int(row.quantity)


def _refused(kind: str, moves: list[Movement], shop_code: str = MARKET) -> str:
    doc = uuid.uuid4()
    with pytest.raises(InputError) as err:
        _write(kind, moves, shop_code, doc)
    assert _rows(doc) == []  # nothing written
    return str(err.value)


def test_a_lot_that_does_not_exist_is_refused_by_the_number_asked_for(demo_db: OpenedDatabase) -> None:
    salt = new_item("BHS", name="เกลือ")
    lot = buy(MARKET, salt, 5, 500).lot_id
    missing = int(Lot.select(pw.fn.MAX(Lot.id)).scalar()) + 1000
    assert _refused("consume", [Movement(salt.id, -1, lot_id=missing)]) == f"ไม่พบล็อต {missing}"
    assert _refused("sale", [Movement(salt.id, -1, lot_id=missing)]) == f"ไม่พบล็อต {missing}"
    assert _held(lot) == 5


def test_a_lot_of_another_item_is_refused_naming_the_lot_and_the_item(demo_db: OpenedDatabase) -> None:
    salt, sugar = new_item("BHS", name="เกลือ"), new_item("BHS", name="น้ำตาล")
    lot = Lot.get_by_id(buy(MARKET, salt, 5, 500).lot_id)
    said = f"ล็อต {lot.number} ไม่ใช่ล็อตของ {sugar.name_th} ({sugar.sku})"
    assert _refused("consume", [Movement(sugar.id, -1, lot_id=lot.id)]) == said
    assert _refused("sale", [Movement(sugar.id, -1, lot=lot.number.lower())]) == said
    assert _held(lot.id) == 5


def test_an_expired_lot_is_refused_with_its_own_expiry_date_unless_overridden(demo_db: OpenedDatabase) -> None:
    jar = new_item("BHS", "finished", "piece", price_satang=5000, name="กะปิ")
    old = Lot.get_by_id(buy(MARKET, jar, 4, 800, expires=dt.date(2026, 11, 20), day=dt.date(2026, 11, 1)).lot_id)
    # the date in the message is the lot's expiry (20/11/2569), not the day of the sale (24/11/2569)
    assert _refused("sale", [Movement(jar.id, -1, lot=old.number)]) == (
        f"ล็อต {old.number} หมดอายุเมื่อ 20/11/2569 ขายได้เฉพาะเมื่อยืนยันขายล็อตหมดอายุ")
    doc = uuid.uuid4()
    _write("sale", [Movement(jar.id, -1, lot=old.number, allow_expired=True)], doc=doc)
    assert _rows(doc) == [(old.id, -1, -200, True)]  # ฿8.00 for 4 jars: ฿2.00 a jar, sold with the override
    assert _held(old.id) == 3


def test_only_the_override_of_an_expired_lot_at_a_sale_is_flagged(demo_db: OpenedDatabase) -> None:
    jar = new_item("BHS", "finished", "piece", price_satang=5000, name="กะปิ")
    good = buy(MARKET, jar, 5, 500, expires=dt.date(2026, 12, 31)).lot_id
    old = buy(MARKET, jar, 4, 800, expires=dt.date(2026, 11, 20), day=dt.date(2026, 11, 1)).lot_id
    sold = uuid.uuid4()
    _write("sale", [Movement(jar.id, -2, lot=Lot.get_by_id(good).number)], doc=sold)  # a good lot, scanned
    assert _rows(sold) == [(good, -2, -200, False)]
    # throwing away an expired lot is no sale: no override to record
    thrown = adjustments.record_waste(lead(), shop(MARKET).id, [adjustments.Wasted(jar.id, 4, lot_id=old)], "เสีย")
    assert _rows(thrown.uuid) == [(old, -4, -800, False)]


def test_a_lot_held_only_in_another_shop_counts_as_none_here(demo_db: OpenedDatabase) -> None:
    salt = new_item("BHS", name="เกลือ")
    there = Lot.get_by_id(buy(STALL, salt, 5, 500).lot_id)  # at the stall, none at the market
    said = f"{salt.name_th} ({salt.sku}) มีในสต็อกเพียง 0 (ขาด 2)"
    assert _refused("consume", [Movement(salt.id, -2, lot_id=there.id)]) == said  # named by id
    assert _refused("consume", [Movement(salt.id, -2, lot=there.number)]) == said  # by its label
    assert _held(there.id, STALL) == 5 and _held(there.id) == 0


def test_a_named_lot_gives_exactly_what_it_holds_and_refuses_one_more(demo_db: OpenedDatabase) -> None:
    salt = new_item("BHS", name="เกลือ")
    lot = Lot.get_by_id(buy(MARKET, salt, 5, 500).lot_id)
    buy(STALL, salt, 7, 700)  # held in the other shop: not counted here
    assert _refused("consume", [Movement(salt.id, -6, lot=lot.number)]) == (
        f"{salt.name_th} ({salt.sku}) มีในสต็อกเพียง 5 (ขาด 1)")
    settings.set_stock_policy(admin(), shop(MARKET).id, "block")
    done = _write("sale", [Movement(salt.id, -5, lot=lot.number)])  # all it holds: no shortfall, not refused
    assert [(p.lot_id, p.quantity, p.value_satang) for p in done.picks] == [(lot.id, -5, -500)]
    assert done.shortfalls == () and _held(lot.id) == 0


def test_a_warned_sale_of_all_a_scanned_lot_holds_reports_no_shortfall(demo_db: OpenedDatabase) -> None:
    salt = new_item("BHS", name="เกลือ")
    lot = Lot.get_by_id(buy(MARKET, salt, 5, 500).lot_id)
    done = _write("sale", [Movement(salt.id, -5, lot=lot.number)])  # the market warns
    assert done.shortfalls == () and _held(lot.id) == 0


def test_a_write_off_without_a_lot_takes_the_expired_lot_first(demo_db: OpenedDatabase) -> None:
    jar = new_item("BHS", "finished", "piece", price_satang=5000, name="กะปิ")
    old = buy(MARKET, jar, 4, 400, expires=dt.date(2026, 11, 20), day=dt.date(2026, 11, 1)).lot_id  # expired
    good = buy(MARKET, jar, 6, 600, expires=dt.date(2026, 12, 31)).lot_id
    first = adjustments.record_waste(lead(), shop(MARKET).id, [adjustments.Wasted(jar.id, 3)], "หมดอายุ")
    assert _rows(first.uuid) == [(old, -3, -300, False)]  # ฿1.00 a jar
    second = adjustments.record_waste(lead(), shop(MARKET).id, [adjustments.Wasted(jar.id, 3)], "หมดอายุ")
    assert _rows(second.uuid) == [(old, -1, -100, False), (good, -2, -200, False)]
    assert (_held(old), _held(good)) == (0, 4)


def test_goods_sold_beyond_the_books_leave_the_unrecorded_lot_without_an_override(demo_db: OpenedDatabase) -> None:
    soap = new_item("BHS", "finished", "piece", price_satang=3000, name="สบู่")  # never received at the market
    done = sell(soap, 2)
    unrecorded = Lot.get(Lot.number == f"{soap.sku}-UNRECORDED")
    assert _rows(done.uuid) == [(unrecorded.id, -2, 0, False)]


def test_the_preview_takes_the_last_single_unit_too(demo_db: OpenedDatabase) -> None:
    salt = new_item("BHS", name="เกลือ")
    a = buy(MARKET, salt, 10, 1000, expires=dt.date(2026, 12, 10)).lot_id
    b = buy(MARKET, salt, 10, 1000, expires=dt.date(2026, 12, 20)).lot_id
    market = shop(MARKET).id
    assert [(lot.id, n) for lot, n in ledger.fefo_preview(salt.id, market, 11, TODAY)] == [(a, 10), (b, 1)]
    assert [(lot.id, n) for lot, n in ledger.fefo_preview(salt.id, market, 1, TODAY)] == [(a, 1)]
