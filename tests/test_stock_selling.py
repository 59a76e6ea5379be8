"""The till takes lots first-expiry-first-out; expired lots need the recorded override; block/warn;
refunds go back into the lots they came from.  Both databases, hand-worked figures."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.connection import OpenedDatabase
from db.models import Sale, StockMovement, database
from db.models.stock import StockBalance
from pos_app.clock import utc_now
from pos_app.errors import InputError
from pos_app.selling import refunds
from pos_app.stock import ledger, settings
from pos_app.stock.ledger import Movement
from tests.stock_support import admin, buy, new_item, sell, shop

MARKET = "BHS-MARKET"


def _held(lot_id: int) -> int:
    return int(StockBalance.get(StockBalance.lot == lot_id).quantity)


def three_lots() -> tuple[object, ...]:
    jar = new_item("KAPI", "finished", "piece", price_satang=5000)
    later = buy(MARKET, jar, 5, 500, expires=dt.date(2026, 12, 1))  # ฿1.00 each
    sooner = buy(MARKET, jar, 3, 600, expires=dt.date(2026, 11, 30))  # ฿2.00 each
    expired = buy(MARKET, jar, 10, 1000, expires=dt.date(2026, 11, 23), day=dt.date(2026, 11, 1))
    return jar, later, sooner, expired


def test_sale_picks_first_expiry_first_out_skipping_expired(demo_db: OpenedDatabase) -> None:
    jar, later, sooner, expired = three_lots()
    result = sell(jar, 4)  # type: ignore[arg-type]
    rows = list(StockMovement.select().where(StockMovement.document_uuid == result.uuid).order_by(StockMovement.id))
    assert [(r.lot_id, r.quantity, r.value_satang) for r in rows] == [
        (sooner.lot_id, -3, -600), (later.lot_id, -1, -100)]  # type: ignore[attr-defined]
    assert result.stock_after[jar.id] == 5 + 3 + 10 - 4  # type: ignore[attr-defined]
    assert (_held(sooner.lot_id), _held(later.lot_id), _held(expired.lot_id)) == (0, 4, 10)  # type: ignore[attr-defined]


def test_refund_returns_goods_to_the_lots_they_came_from(demo_db: OpenedDatabase) -> None:
    jar, later, sooner, _expired = three_lots()
    sold = sell(jar, 4)  # type: ignore[arg-type]
    refund = refunds.refund_sale(admin(), sold.till_id, sold.uuid, "ลูกค้าคืน")
    rows = list(StockMovement.select().where(StockMovement.document_uuid == refund.uuid).order_by(StockMovement.id))
    assert [(r.lot_id, r.quantity, r.value_satang) for r in rows] == [
        (sooner.lot_id, 3, 600), (later.lot_id, 1, 100)]  # type: ignore[attr-defined]
    assert (_held(sooner.lot_id), _held(later.lot_id)) == (3, 5)  # type: ignore[attr-defined]


def test_expired_lot_is_sold_only_with_the_recorded_override(demo_db: OpenedDatabase) -> None:
    jar, _later, _sooner, expired = three_lots()
    shop_id, doc = shop(MARKET).id, uuid.uuid4()
    with pytest.raises(InputError) as err, database.atomic():
        ledger.write_movements("sale", shop_id, doc, [Movement(jar.id, -1, lot=expired.number)],  # type: ignore[attr-defined]
                               utc_now(), None)
    assert "หมดอายุ" in str(err.value)
    with database.atomic():
        done = ledger.write_movements("sale", shop_id, doc, [Movement(jar.id, -1, lot=expired.number,  # type: ignore[attr-defined]
                                                                      allow_expired=True)], utc_now(), None)
    assert [(p.quantity, p.value_satang, p.expired_override) for p in done.picks] == [(-1, -100, True)]
    assert StockMovement.get(StockMovement.document_uuid == doc).expired_override is True


def test_block_policy_refuses_and_writes_nothing(demo_db: OpenedDatabase) -> None:
    jar, _later, _sooner, _expired = three_lots()
    settings.set_stock_policy(admin(), shop(MARKET).id, "block")
    assert ledger.stock_policy(shop(MARKET).id) == "block"
    sales_before, rows_before = Sale.select().count(), StockMovement.select().count()
    with pytest.raises(InputError) as err:
        sell(jar, 9)  # type: ignore[arg-type]  # 8 unexpired units
    assert "8" in str(err.value)
    assert (Sale.select().count(), StockMovement.select().count()) == (sales_before, rows_before)
    assert ledger.on_hand(jar.id, shop(MARKET).id) == 18  # type: ignore[attr-defined]


def test_warn_policy_sells_and_reports_the_shortfall(demo_db: OpenedDatabase) -> None:
    jar, later, _sooner, _expired = three_lots()
    assert ledger.stock_policy(shop(MARKET).id) == "warn"
    with database.atomic():
        done = ledger.write_movements("sale", shop(MARKET).id, uuid.uuid4(), [Movement(jar.id, -10)],  # type: ignore[attr-defined]
                                      utc_now(), None)
    assert [(s.item_id, s.short_by) for s in done.shortfalls] == [(jar.id, 2)]  # type: ignore[attr-defined]
    assert _held(later.lot_id) == -2  # type: ignore[attr-defined]
    assert ledger.verify_balances() == []


def test_selling_an_item_never_received_uses_its_unrecorded_lot(demo_db: OpenedDatabase) -> None:
    soap = new_item("BHS", "finished", "piece", price_satang=2500)
    sell(soap, 2)
    assert ledger.on_hand(soap.id, shop(MARKET).id) == -2
    bal = StockBalance.get(StockBalance.item == soap.id)
    assert bal.lot.origin == "unrecorded" and bal.held_value_satang == 0


def test_a_sale_entered_for_an_earlier_day_does_not_take_from_a_lot_made_later(demo_db: OpenedDatabase) -> None:
    jar = new_item("KAPI", "finished", "piece", price_satang=5000)
    old = buy(MARKET, jar, 5, 500, day=dt.date(2026, 11, 10))
    new = buy(MARKET, jar, 5, 500, expires=dt.date(2026, 12, 1))  # made today, expires first
    with database.atomic():
        done = ledger.write_movements("sale", shop(MARKET).id, uuid.uuid4(), [Movement(jar.id, -2)],
                                      dt.datetime(2026, 11, 20, 5, 0, tzinfo=dt.UTC), None)
    assert [(p.lot_id, p.quantity) for p in done.picks] == [(old.lot_id, -2)]
    today = sell(jar, 1)
    row = StockMovement.get(StockMovement.document_uuid == today.uuid)
    assert row.lot_id == new.lot_id


def test_spoilt_goods_refunded_are_written_off_from_the_lot_they_came_back_to(demo_db: OpenedDatabase) -> None:
    jar, later, sooner, _expired = three_lots()
    sold = sell(jar, 4)  # type: ignore[arg-type]  # 3 from the sooner lot, 1 from the later
    refund = refunds.refund_sale(admin(), sold.till_id, sold.uuid, "ขวดแตก", lines={1: 1}, to_waste=frozenset({1}))
    rows = [(r.kind, r.lot_id, r.quantity) for r in StockMovement.select()
            .where(StockMovement.document_uuid == refund.uuid).order_by(StockMovement.id)]
    assert rows == [("refund", sooner.lot_id, 1), ("waste", sooner.lot_id, -1)]  # type: ignore[attr-defined]
    assert (_held(sooner.lot_id), _held(later.lot_id)) == (0, 4)  # type: ignore[attr-defined]
