"""A batch's labour to the half satang, a plan for nothing, and the finished lot's expiry at its edges:
equal to an ingredient's, later than it (the Thai refusal), no ingredient expiry at all.  Both databases;
dates and figures worked out by hand (the demo's today is 24 Nov 2026 = 2569 BE)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.connection import OpenedDatabase
from db.models import Lot
from pos_app.errors import InputError, NotFound
from pos_app.money import Money
from pos_app.production import batches, recipes
from pos_app.production.batches import Overhead, Use, Work
from pos_app.production.recipes import Ingredient
from pos_app.stock import settings
from tests.stock_support import buy, lead, new_item, shop

STALL = "KAPI-STALL"


def test_labour_is_minutes_times_the_hourly_rate_half_a_satang_up() -> None:
    assert Work("สมใจ", 30, Money(5001)).cost() == Money(2501)  # ฿50.01 an hour for half an hour: 2500.5 → 2501
    assert Work("มาลี", 90, Money(4003)).cost() == Money(6005)  # 4003 × 1.5 = 6004.5 → 6005
    assert Work("มาลี", 7, Money(5000)).cost() == Money(583)  # 583.33 → 583
    assert Work("สมใจ", 0, Money(5000), amount=Money(12345)).cost() == Money(12345)  # an agreed amount


def _recipe(ingredient_expires: dt.date | None, shelf_life_days: int | None) -> tuple[int, int]:
    """A product made of 100 g of one paste (1000 g bought for ฿90.00); returns (recipe id, product id)."""
    paste = new_item(name="กะปิ")
    buy(STALL, paste, 1000, 9000, expires=ingredient_expires)
    product = new_item(kind="finished", unit="piece", price_satang=4500, name="กะปิผง")
    if shelf_life_days is not None:
        settings.set_item_rule(lead(), product.id, shelf_life_days=shelf_life_days)
    recipe = recipes.save_recipe(lead(), product.id, 10, [Ingredient(paste.id, 100)])
    return recipe.id, product.id


def test_a_plan_for_nothing_is_refused_in_thai(demo_db: OpenedDatabase) -> None:
    recipe_id, _product = _recipe(None, None)
    for planned in (0, -1):
        with pytest.raises(InputError) as err:
            batches.plan_batch(recipe_id, shop(STALL).id, planned)
        assert str(err.value) == "จำนวนที่วางแผนต้องมากกว่าศูนย์"


def test_an_expiry_on_the_ingredients_own_day_is_accepted(demo_db: OpenedDatabase) -> None:
    recipe_id, _product = _recipe(dt.date(2027, 5, 1), 365)
    draft = batches.plan_batch(recipe_id, shop(STALL).id, 10)
    done = batches.commit_batch(lead(), batches.BatchDraft(**{**draft.__dict__, "expires_on": dt.date(2027, 5, 1)}))
    assert done.expires_on == dt.date(2027, 5, 1)


def test_an_expiry_after_the_ingredients_is_refused_naming_both_days(demo_db: OpenedDatabase) -> None:
    recipe_id, _product = _recipe(dt.date(2027, 5, 1), 365)
    draft = batches.plan_batch(recipe_id, shop(STALL).id, 10)
    with pytest.raises(InputError) as err:
        batches.commit_batch(lead(), batches.BatchDraft(**{**draft.__dict__, "expires_on": dt.date(2027, 5, 2)}))
    assert str(err.value) == ("วันหมดอายุ 02/05/2570 ช้ากว่าของวัตถุดิบ (01/05/2570) "
                              "หากถูกต้องให้ยืนยันโดยเจตนา")


def test_ingredients_without_expiry_leave_the_shelf_life(demo_db: OpenedDatabase) -> None:
    recipe_id, _product = _recipe(None, 30)
    done = batches.commit_batch(lead(), batches.plan_batch(recipe_id, shop(STALL).id, 10))
    assert done.expires_on == dt.date(2026, 12, 24)  # made 24 Nov 2026, 30 days on the shelf
    assert Lot.get_by_id(done.lot_id).expires_on == dt.date(2026, 12, 24)


def test_no_shelf_life_and_no_ingredient_expiry_make_a_lot_that_never_expires(demo_db: OpenedDatabase) -> None:
    recipe_id, _product = _recipe(None, None)
    done = batches.commit_batch(lead(), batches.plan_batch(recipe_id, shop(STALL).id, 10))
    assert done.expires_on is None and Lot.get_by_id(done.lot_id).expires_on is None


def test_a_shelf_life_sooner_than_the_ingredients_expiry_wins(demo_db: OpenedDatabase) -> None:
    recipe_id, _product = _recipe(dt.date(2027, 5, 1), 30)
    done = batches.commit_batch(lead(), batches.plan_batch(recipe_id, shop(STALL).id, 10))
    assert done.expires_on == dt.date(2026, 12, 24)  # 24 Nov 2026 + 30 days, before the paste's 1 May 2027


def test_a_batch_committed_twice_answers_with_the_one_saved(demo_db: OpenedDatabase) -> None:
    paste = new_item(name="กะปิ")
    paste_lot = buy(STALL, paste, 1000, 9000)  # 9 satang a gram, no expiry
    product = new_item(kind="finished", unit="piece", price_satang=4500, name="กะปิผงสูตรบ้าน")
    settings.set_item_rule(lead(), product.id, shelf_life_days=30)
    recipe = recipes.save_recipe(lead(), product.id, 10, [Ingredient(paste.id, 100)])
    draft = batches.plan_batch(recipe.id, shop(STALL).id, 10)
    draft = batches.BatchDraft(**{**draft.__dict__, "yield_quantity": 3, "labour": (Work("สมใจ", 30, Money(5001)),),
                                  "overheads": (Overhead("ค่าแก๊ส", Money(99)),)})
    first = batches.commit_batch(lead(), draft)
    again = batches.commit_batch(lead(), draft)
    # materials 100 g × 9 = 900; labour 2501 (above); overhead 99: 3500 = 3 × 1166 + 2
    expected = (draft.uuid, first.number, first.lot_id, 3, Money(900), Money(2501), Money(99), Money(3500),
                Money(1166), 2, dt.date(2026, 12, 24), ((paste_lot.number, 100, 900),))
    for done in (first, again):
        assert (done.uuid, done.number, done.lot_id, done.yield_quantity, done.materials, done.labour, done.overhead,
                done.total, done.unit_cost, done.remainder_satang, done.expires_on, done.inputs) == expected
    assert Lot.get_by_id(first.lot_id).number == first.number
    assert batches.product_name(product.id) == product.name_th


def test_the_result_of_a_batch_never_made_is_refused(demo_db: OpenedDatabase) -> None:
    nowhere = uuid.UUID("00000000-0000-4000-8000-00000000000b")
    with pytest.raises(NotFound) as err:
        batches.result_of(nowhere)
    assert str(err.value) == "ไม่พบรอบการผลิต 00000000-0000-4000-8000-00000000000b"


def test_a_plan_takes_lots_first_expiry_first_and_lists_what_is_missing(demo_db: OpenedDatabase) -> None:
    paste = new_item(name="กะปิ")
    later = buy(STALL, paste, 60, 540, expires=dt.date(2027, 1, 1))
    sooner = buy(STALL, paste, 39, 351, expires=dt.date(2026, 12, 15))
    product = new_item(kind="finished", unit="piece", price_satang=4500, name="กะปิผง")
    recipe = recipes.save_recipe(lead(), product.id, 10, [Ingredient(paste.id, 100)])
    draft = batches.plan_batch(recipe.id, shop(STALL).id, 10)  # 100 g wanted, 99 g held: 1 g missing
    assert draft.uses == (Use(paste.id, 39, sooner.lot_id), Use(paste.id, 60, later.lot_id), Use(paste.id, 1))
    assert (draft.day, draft.planned, draft.yield_quantity, draft.shop_id) == (
        dt.date(2026, 11, 24), 10, 10, shop(STALL).id)


def test_a_plan_for_one_unit_rounds_half_a_gram_up(demo_db: OpenedDatabase) -> None:
    paste = new_item(name="กะปิ")
    lot = buy(STALL, paste, 1000, 9000)
    product = new_item(kind="finished", unit="piece", price_satang=4500, name="กะปิผง")
    recipe = recipes.save_recipe(lead(), product.id, 4, [Ingredient(paste.id, 10)])  # 10 g make 4
    draft = batches.plan_batch(recipe.id, shop(STALL).id, 1)  # 10 × 1 / 4 = 2.5 g → 3 g
    assert draft.uses == (Use(paste.id, 3, lot.lot_id),)
