"""Lots, balances and the value rule, with hand-worked figures, on both databases."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.connection import OpenedDatabase
from db.models import Lot, StockMovement, database
from db.models.stock import Purchase, StockBalance
from pos_app.clock import utc_now
from pos_app.errors import InputError
from pos_app.money import Money
from pos_app.stock import ledger, purchases, settings
from pos_app.stock.ledger import Movement
from pos_app.stock.lots import held_value, split_cost
from tests.stock_support import buy, lead, new_item, shop


@pytest.fixture(autouse=True)
def this_computer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lot numbers carry the computer's code: these tests run as computer 0c0ffee0-…"""
    from pos_app.trust import chain

    monkeypatch.setattr(chain, "_computer", "0c0ffee0-0000-4000-8000-000000000001")


def test_cost_split_and_held_value_hand_worked() -> None:
    assert split_cost(1000, 3) == (333, 1)
    assert split_cost(15650, 9) == (1738, 8)
    # 3 units for ฿10.00: held 3 → 1000, 2 → 667, 1 → 334, 0 → 0 (the last unit carries the remainder)
    assert [held_value(1000, 3, h) for h in (3, 2, 1, 0)] == [1000, 667, 334, 0]
    assert held_value(0, 0, 5) == 0


def test_purchase_makes_numbered_lots_with_exact_cost(demo_db: OpenedDatabase) -> None:
    salt = new_item()
    krill = new_item()
    done = purchases.record_purchase(lead(), shop("KAPI-STALL").id, [
        purchases.BuyLine(salt.id, 3, total=Money(1000), supplier_lot="S-77"),
        purchases.BuyLine(krill.id, 2500, unit_price=Money(3500), per=1000),  # ฿35.00 a kg → ฿87.50
    ], paid_from="drawer")
    assert done.total == Money(1000 + 8750)
    first, second = done.lots
    assert first.number == "KAPI-25691124-0C0FFE-001" and second.number == "KAPI-25691124-0C0FFE-002"
    lot = Lot.get_by_id(first.lot_id)
    assert (lot.unit_cost_satang, lot.remainder_satang, lot.cost_satang) == (333, 1, 1000)
    assert lot.supplier_lot == "S-77" and lot.origin == "purchase"
    assert ledger.on_hand(salt.id, shop("KAPI-STALL").id) == 3
    assert Purchase.get(Purchase.uuid == done.uuid).total_satang == 9750


def test_value_leaves_a_lot_to_the_satang(demo_db: OpenedDatabase) -> None:
    salt = new_item()
    made = buy("KAPI-STALL", salt, 3, 1000)
    from pos_app.stock.adjustments import Wasted, record_waste

    values = [record_waste(lead(), shop("KAPI-STALL").id, [Wasted(salt.id, 1)], "หก").value.satang
              for _ in range(3)]
    assert values == [-333, -333, -334]
    bal = StockBalance.get(StockBalance.lot == made.lot_id)
    assert (bal.quantity, bal.held_value_satang) == (0, 0)
    with pytest.raises(InputError):  # more than the lot holds: refused, nothing written
        record_waste(lead(), shop("KAPI-STALL").id, [Wasted(salt.id, 1)], "หก")


def test_late_purchase_keeps_its_day_and_expiry_follows_it(demo_db: OpenedDatabase) -> None:
    salt = new_item()
    settings.set_item_rule(lead(), salt.id, shelf_life_days=30)
    made = buy("KAPI-STALL", salt, 10, 100, day=dt.date(2026, 11, 20))
    lot = Lot.get_by_id(made.lot_id)
    assert lot.number == "KAPI-25691120-0C0FFE-001"
    assert (lot.made_on, lot.expires_on) == (dt.date(2026, 11, 20), dt.date(2026, 12, 20))
    row = StockMovement.get(StockMovement.lot == lot.id)
    assert row.business_date == dt.date(2026, 11, 20)
    assert row.created_at.date() == dt.date(2026, 11, 24)  # recorded today (03:00 UTC under the test clock)


@pytest.mark.parametrize("bad", ["expiry", "future", "no_cost", "zero"])
def test_bad_purchases_change_nothing(demo_db: OpenedDatabase, bad: str) -> None:
    salt = new_item()
    line = {"expiry": purchases.BuyLine(salt.id, 5, total=Money(10), expires_on=dt.date(2026, 11, 1)),
            "future": purchases.BuyLine(salt.id, 5, total=Money(10)),
            "no_cost": purchases.BuyLine(salt.id, 5),
            "zero": purchases.BuyLine(salt.id, 0, total=Money(10))}[bad]
    day = dt.date(2026, 11, 30) if bad == "future" else None
    before = (Lot.select().count(), Purchase.select().count(), StockMovement.select().count())
    with pytest.raises(InputError):
        purchases.record_purchase(lead(), shop("KAPI-STALL").id, [line], day=day)
    assert (Lot.select().count(), Purchase.select().count(), StockMovement.select().count()) == before


def test_conversions_must_come_out_whole(demo_db: OpenedDatabase) -> None:
    from db.models import ItemPack
    from pos_app.stock.units import to_base

    salt = new_item()
    ItemPack.create(item=salt, name_th="กิโลกรัม", name_en="kg", factor=1000)
    assert to_base("1.5", salt.id, "kg") == 1500
    assert to_base("๒", salt.id, "กิโลกรัม") == 2000
    assert to_base("1,250", salt.id) == 1250
    with pytest.raises(InputError):
        to_base("0.0005", salt.id, "kg")
    with pytest.raises(InputError):
        to_base("1.5", salt.id)
    with pytest.raises(InputError):
        to_base("abc", salt.id)


def test_balances_equal_the_ledger_after_the_demo(demo_db: OpenedDatabase) -> None:
    assert ledger.verify_balances() == []
    assert StockMovement.select().where(StockMovement.lot.is_null()).count() == 0
    with database.atomic():
        StockBalance.update(quantity=StockBalance.quantity + 1).where(
            StockBalance.id == StockBalance.select(StockBalance.id).limit(1)).execute()
    assert len(ledger.verify_balances()) == 1


def test_named_lot_of_another_item_is_refused(demo_db: OpenedDatabase) -> None:
    a, b = new_item(), new_item()
    lot_b = buy("KAPI-STALL", b, 5, 50)
    with pytest.raises(InputError), database.atomic():
        ledger.write_movements("waste", shop("KAPI-STALL").id, uuid.uuid4(),
                               [Movement(a.id, -1, lot=lot_b.number)], utc_now(), None)
