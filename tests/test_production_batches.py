"""Recipes and batches, costed exactly from the lots actually consumed (hand-worked figures), both DBs."""

from __future__ import annotations

import datetime as dt

import pytest

from db.connection import OpenedDatabase
from db.models import Lot, StockMovement
from db.models.production import Batch, BatchLabour, Recipe
from db.models.stock import StockBalance, Transfer
from pos_app.errors import InputError
from pos_app.money import Money
from pos_app.production import batches, recipes
from pos_app.production.batches import ByProduct, Overhead, Use, Work
from pos_app.production.recipes import Ingredient
from pos_app.stock import ledger, settings, transfers
from tests.stock_support import admin, buy, lead, new_item, sell, shop

STALL, MARKET = "KAPI-STALL", "BHS-MARKET"


def _setup() -> dict[str, object]:
    """Shrimp paste 1000 g for ฿90.00, pouches 300 for ฿450.00 (KAPI); sugar bought by the Bang Hua Suea group
    (1000 g, ฿30.00) and 300 g passed to the KAPI group at an agreed ฿10.00."""
    paste, sugar, pouch = new_item(name="กะปิ"), new_item("BHS", name="น้ำตาล"), new_item(kind="packaging", unit="piece")
    powder = new_item(kind="finished", unit="piece", price_satang=4500, name="กะปิผงทรงเครื่อง")
    paste_lot = buy(STALL, paste, 1000, 9000, expires=dt.date(2027, 5, 1))
    pouch_lot = buy(STALL, pouch, 300, 45000)
    buy(MARKET, sugar, 1000, 3000, expires=dt.date(2027, 10, 1))
    moved = transfers.transfer(lead(), shop(MARKET).id, shop(STALL).id,
                               [transfers.GiveLine(sugar.id, 300, Money(1000))])
    settings.set_item_rule(lead(), powder.id, shelf_life_days=365)
    recipe = recipes.save_recipe(lead(), powder.id, 10, [Ingredient(paste.id, 500), Ingredient(sugar.id, 100),
                                                         Ingredient(pouch.id, 10)])
    return dict(paste=paste, sugar=sugar, pouch=pouch, powder=powder, recipe=recipe, moved=moved,
                paste_lot=paste_lot, pouch_lot=pouch_lot)


def test_transfer_is_one_document_with_both_groups_and_the_agreed_amount(demo_db: OpenedDatabase) -> None:
    s = _setup()
    moved = s["moved"]
    t = Transfer.get(Transfer.uuid == moved.uuid)  # type: ignore[attr-defined]
    assert (t.from_group.code, t.to_group.code, t.amount_satang, t.cost_satang) == ("BHS", "KAPI", 1000, 900)
    new_lot = Lot.get(Lot.number == moved.lots[0][1])  # type: ignore[attr-defined]
    assert (new_lot.group.code, new_lot.quantity_in, new_lot.cost_satang, new_lot.unit_cost_satang,
            new_lot.remainder_satang, new_lot.expires_on) == ("KAPI", 300, 1000, 3, 100, dt.date(2027, 10, 1))
    assert ledger.on_hand(s["sugar"].id, shop(MARKET).id) == 700  # type: ignore[attr-defined]


def test_batch_cost_is_the_lots_consumed_plus_labour_plus_overhead(demo_db: OpenedDatabase) -> None:
    s = _setup()
    draft = batches.plan_batch(s["recipe"].id, shop(STALL).id, 10)  # type: ignore[attr-defined]
    assert sorted((u.item_id, u.quantity) for u in draft.uses) == sorted(
        [(s["paste"].id, 500), (s["sugar"].id, 100), (s["pouch"].id, 10)])  # type: ignore[attr-defined]
    draft = batches.BatchDraft(**{**draft.__dict__, "yield_quantity": 9,
                                  "labour": (Work("สมใจ", 90, Money(5000)), Work("มาลี", 7, Money(5000))),
                                  "overheads": (Overhead("ค่าแก๊ส", Money(1234)),)})
    done = batches.commit_batch(lead(), draft)
    # materials: paste 500 g of ฿90.00/1000 g = 4500; sugar 300→200 g of a ฿10.00 lot: 1000 − ⌈1000×200/300⌉
    # = 333; pouches 10 × 150 = 1500 → 6333.  Labour 90 min × ฿50/h = 7500, 7 min × ฿50/h = 583.33 → 583.
    assert (done.materials, done.labour, done.overhead) == (Money(6333), Money(8083), Money(1234))
    assert done.total == Money(15650)
    assert (done.unit_cost, done.remainder_satang, done.yield_quantity) == (Money(1738), 8, 9)
    lot = Lot.get_by_id(done.lot_id)
    assert lot.cost_satang == 15650 and lot.expires_on == dt.date(2027, 5, 1)  # the paste's expiry, not +365
    assert StockBalance.get(StockBalance.lot == lot.id).held_value_satang == 15650
    assert [w.member for w in BatchLabour.select().join(Batch).where(Batch.uuid == done.uuid)
            .order_by(BatchLabour.line_no)] == ["สมใจ", "มาลี"]
    # the finished lot sells at the till: one unit leaves worth 15650 − ⌈15650×8/9⌉ = 1738
    settings.set_stock_policy(admin(), shop(STALL).id, "block")
    sold = sell(s["powder"], 1, "K1")  # type: ignore[arg-type]
    row = StockMovement.get(StockMovement.document_uuid == sold.uuid)
    assert (row.lot_id, row.quantity, row.value_satang) == (lot.id, -1, -1738)
    assert ledger.verify_balances() == []


def test_by_products_take_their_value_and_the_rest_stays_on_the_lot(demo_db: OpenedDatabase) -> None:
    s = _setup()
    husk = new_item(kind="ingredient", unit="g")
    draft = batches.plan_batch(s["recipe"].id, shop(STALL).id, 10)  # type: ignore[attr-defined]
    draft = batches.BatchDraft(**{**draft.__dict__, "byproducts": (ByProduct(husk.id, 50, Money(333)),)})
    done = batches.commit_batch(lead(), draft)
    assert done.total == Money(6333) and Lot.get_by_id(done.lot_id).cost_satang == 6000


@pytest.mark.parametrize("bad", ["zero_yield", "too_much", "late_expiry", "early_expiry"])
def test_bad_batches_change_nothing(demo_db: OpenedDatabase, bad: str) -> None:
    s = _setup()
    draft = batches.plan_batch(s["recipe"].id, shop(STALL).id, 10)  # type: ignore[attr-defined]
    change = {"zero_yield": {"yield_quantity": 0},
              "too_much": {"uses": (Use(s["paste"].id, 1001, s["paste_lot"].lot_id),)},  # type: ignore[attr-defined]
              "late_expiry": {"expires_on": dt.date(2027, 6, 1)},
              "early_expiry": {"expires_on": dt.date(2026, 11, 1)}}[bad]
    before = (Batch.select().count(), Lot.select().count(), StockMovement.select().count())
    with pytest.raises(InputError):
        batches.commit_batch(lead(), batches.BatchDraft(**{**draft.__dict__, **change}))
    assert (Batch.select().count(), Lot.select().count(), StockMovement.select().count()) == before
    if bad == "late_expiry":  # set on purpose, it is accepted
        done = batches.commit_batch(lead(), batches.BatchDraft(**{**draft.__dict__, **change,
                                                                   "beyond_components": True}))
        assert done.expires_on == dt.date(2027, 6, 1)


def test_recipes_are_versioned_and_cycles_refused(demo_db: OpenedDatabase) -> None:
    s = _setup()
    powder, paste = s["powder"], s["paste"]
    v2 = recipes.save_recipe(lead(), powder.id, 20, [Ingredient(paste.id, 900)])  # type: ignore[attr-defined]
    assert v2.version == 2 and recipes.current(powder.id) == v2  # type: ignore[attr-defined]
    assert [r.version for r in recipes.versions(powder.id)] == [1, 2]  # type: ignore[attr-defined]
    with pytest.raises(InputError):  # directly
        recipes.save_recipe(lead(), paste.id, 1, [Ingredient(paste.id, 1)])  # type: ignore[attr-defined]
    count = Recipe.select().count()
    with pytest.raises(InputError) as err:  # through the powder's recipe: paste ← powder ← paste
        recipes.save_recipe(lead(), paste.id, 100, [Ingredient(powder.id, 1)])  # type: ignore[attr-defined]
    assert "→" in str(err.value)
    assert Recipe.select().count() == count
    with pytest.raises(InputError):
        recipes.save_recipe(lead(), powder.id, 0, [Ingredient(paste.id, 1)])  # type: ignore[attr-defined]
