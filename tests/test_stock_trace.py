"""Traceability both ways, the stock card with running balances, on-hand and expiry lists (both DBs)."""

from __future__ import annotations

import datetime as dt

from db.connection import OpenedDatabase
from db.models import Lot
from pos_app.money import Money
from pos_app.production import batches, recipes
from pos_app.production.recipes import Ingredient
from pos_app.stock import adjustments, settings, trace, transfers, views
from tests.stock_support import buy, lead, new_item, sell, shop

STALL, MARKET = "KAPI-STALL", "BHS-MARKET"


def _made() -> dict[str, object]:
    paste, sugar, powder = new_item(name="กะปิ"), new_item("BHS", name="น้ำตาล"), new_item(
        kind="finished", unit="piece", price_satang=4500, name="กะปิผง")
    paste_lot = buy(STALL, paste, 1000, 9000, supplier_id=None)
    sugar_lot = buy(MARKET, sugar, 1000, 3000)
    moved = transfers.transfer(lead(), shop(MARKET).id, shop(STALL).id,
                               [transfers.GiveLine(sugar.id, 300, Money(1000))])
    recipe = recipes.save_recipe(lead(), powder.id, 10, [Ingredient(paste.id, 500), Ingredient(sugar.id, 100)])
    done = batches.commit_batch(lead(), batches.plan_batch(recipe.id, shop(STALL).id, 10))
    sale = sell(powder, 2, "K1")
    return dict(paste_lot=paste_lot, sugar_lot=sugar_lot, moved=moved, done=done, sale=sale)


def test_backward_names_every_lot_supplier_and_group(demo_db: OpenedDatabase) -> None:
    m = _made()
    done, moved = m["done"], m["moved"]
    rows = trace.backward(done.lot_id)  # type: ignore[attr-defined]
    kapi_sugar = moved.lots[0][1]  # type: ignore[attr-defined]
    assert [(r.lot, r.origin, r.quantity, r.depth) for r in rows] == [
        (done.number, "batch", 10, 0),  # type: ignore[attr-defined]
        (m["paste_lot"].number, "purchase", 500, 1),  # type: ignore[attr-defined]
        (kapi_sugar, "transfer", 100, 1),
        (m["sugar_lot"].number, "purchase", 300, 2),  # type: ignore[attr-defined]
    ]
    assert rows[2].supplier == "กลุ่มวิสาหกิจชุมชนบางหัวเสือ" and rows[2].group == "กลุ่มกะปิคลองด่านชุมชน 3"


def test_forward_recall_list_follows_transfers_and_batches_to_the_receipt(demo_db: OpenedDatabase) -> None:
    m = _made()
    done, moved, sale = m["done"], m["moved"], m["sale"]
    rows = trace.forward(m["sugar_lot"].lot_id)  # type: ignore[attr-defined]
    assert [(r.kind, r.quantity, r.receipt, r.depth) for r in rows] == [
        ("transfer", -300, moved.lots[0][1], 0),  # type: ignore[attr-defined]
        ("consume", -100, done.number, 1),  # type: ignore[attr-defined]
        ("sale", -2, f"K1-{sale.number}", 2),  # type: ignore[attr-defined]
    ]
    assert rows[2].day == dt.date(2026, 11, 24)


def test_stock_card_runs_its_balance_back_from_the_balances(demo_db: OpenedDatabase) -> None:
    salt = new_item()
    buy(STALL, salt, 10, 1000)  # ฿1.00 a unit
    buy(STALL, salt, 5, 1000)  # ฿2.00 a unit
    waste = adjustments.record_waste(lead(), shop(STALL).id, [adjustments.Wasted(salt.id, 12)], "ขึ้นรา")
    assert waste.value == Money(-1000 - 400)
    page = views.stock_card(salt.id, shop(STALL).id, page_size=2)
    assert [(r.kind, r.quantity, r.value.satang, r.balance, r.balance_value.satang) for r in page.rows] == [
        ("waste", -2, -400, 3, 600), ("waste", -10, -1000, 5, 1000)]
    older = views.stock_card(salt.id, shop(STALL).id, page_size=2, before_id=page.next_before_id,
                             balance=page.next_balance)
    assert [(r.kind, r.quantity, r.balance) for r in older.rows] == [("purchase", 5, 15), ("purchase", 10, 10)]
    assert older.next_before_id is None and older.next_balance == (0, 0)


def test_on_hand_low_stock_and_expiring_lists(demo_db: OpenedDatabase) -> None:
    salt = new_item()
    settings.set_item_rule(lead(), salt.id, shelf_life_days=None, low_stock_level=20)
    soon = buy(STALL, salt, 8, 800, expires=dt.date(2026, 12, 1))
    buy(STALL, salt, 4, 400, expires=dt.date(2027, 6, 1))
    rows = views.on_hand_by_lot(shop(STALL).id, [salt.id])
    assert [(r.lot, r.quantity, r.value.satang) for r in rows] == [(soon.number, 8, 800),
                                                                   (rows[1].lot, 4, 400)]
    assert views.low_stock(shop(STALL).id)[-1] == (salt.id, salt.name_th, 12, 20)
    assert [r.lot for r in views.expiring(shop(STALL).id, dt.date(2026, 11, 24), 14)
            if r.item_id == salt.id] == [soon.number]
    assert Lot.get(Lot.number == soon.number).expires_on == dt.date(2026, 12, 1)
