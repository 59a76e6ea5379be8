"""Every refusal of a batch, at its edge, in Thai, with nothing written; and the edge value itself accepted
(a yield of one, no labour, no overhead, by-products worth the whole cost).  The product is made of 100 g of
a paste bought at ฿90.00 a kilo: ฿9.00 of materials.  Both databases; the demo's today is 24 Nov 2026."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from db.connection import OpenedDatabase
from db.models import Item, Lot, StockMovement
from db.models.production import Batch
from pos_app.errors import InputError, NotFound, PermissionDenied
from pos_app.money import Money
from pos_app.production import batches, recipes
from pos_app.production.batches import BatchDraft, ByProduct, Overhead, Use, Work
from pos_app.production.recipes import Ingredient
from pos_app.stock.ledger import on_hand
from tests.stock_support import buy, lead, new_item, seller, shop

STALL = "KAPI-STALL"
NOON = dt.datetime(2026, 11, 24, 5, 0, tzinfo=dt.UTC)  # 12:00 in Bangkok on 24 Nov 2026


def _draft() -> tuple[BatchDraft, Item]:
    paste = new_item(name="กะปิ")
    buy(STALL, paste, 1000, 9000)  # 9 satang a gram, no expiry
    product = new_item(kind="finished", unit="piece", price_satang=4500, name="กะปิผง")
    recipe = recipes.save_recipe(lead(), product.id, 10, [Ingredient(paste.id, 100)])
    return batches.plan_batch(recipe.id, shop(STALL).id, 10), paste


def _refused(draft: BatchDraft, paste: Item, error: type[Exception] = InputError) -> str:
    with pytest.raises(error) as err:
        batches.commit_batch(lead(), draft, now=NOON)
    assert Batch.select().where(Batch.uuid == draft.uuid).count() == 0
    assert StockMovement.select().where(StockMovement.document_uuid == draft.uuid).count() == 0
    assert on_hand(paste.id, shop(STALL).id) == 1000
    return str(err.value)


def test_each_wrong_figure_is_refused_in_thai_and_nothing_is_written(demo_db: OpenedDatabase) -> None:
    draft, paste = _draft()
    use = draft.uses[0]
    cases: list[tuple[dict[str, Any], str]] = [
        ({"yield_quantity": 0}, "ผลผลิตที่ได้ต้องมากกว่าศูนย์"),
        ({"yield_quantity": -3}, "ผลผลิตที่ได้ต้องมากกว่าศูนย์"),
        ({"planned": 0}, "จำนวนที่วางแผนต้องมากกว่าศูนย์"),
        ({"planned": -1}, "จำนวนที่วางแผนต้องมากกว่าศูนย์"),
        ({"uses": ()}, "จำนวนต้องมากกว่าศูนย์"),
        ({"uses": (use, Use(use.item_id, 0))}, "จำนวนต้องมากกว่าศูนย์"),
        ({"uses": (Use(use.item_id, -5), use)}, "จำนวนต้องมากกว่าศูนย์"),
        ({"labour": (Work("สมใจ", 0, Money(0), amount=Money(-1)),)}, "ค่าแรงต้องไม่ติดลบ"),
        ({"labour": (Work("สมใจ", 30, Money(5000)), Work("มาลี", -30, Money(0)))}, "ค่าแรงต้องไม่ติดลบ"),
        ({"labour": (Work("สมใจ", 30, Money(5000)), Work("  ", 30, Money(5000)))}, "กรุณาระบุว่าใครทำงาน"),
        ({"overheads": (Overhead("ค่าแก๊ส", Money(100)), Overhead("ค่าไฟ", Money(-1)))},
         "ค่าใช้จ่ายการผลิตต้องไม่ติดลบ"),
        ({"byproducts": (ByProduct(paste.id, 0, Money(0)),)}, "ผลพลอยได้ต้องมีจำนวน และมูลค่าตั้งแต่ศูนย์ขึ้นไป"),
        ({"byproducts": (ByProduct(paste.id, 5, Money(-1)),)}, "ผลพลอยได้ต้องมีจำนวน และมูลค่าตั้งแต่ศูนย์ขึ้นไป"),
        ({"byproducts": (ByProduct(paste.id, 5, Money(901)),)},  # ฿9.01 of by-product from ฿9.00 of paste
         "มูลค่าผลพลอยได้สูงกว่าต้นทุนทั้งหมดของรอบการผลิต"),
        ({"day": dt.date(2026, 11, 25)}, "วันที่ 25/11/2569 ยังมาไม่ถึง"),
    ]
    for change, thai in cases:
        assert _refused(dataclasses.replace(draft, **change), paste) == thai, change
    assert _refused(dataclasses.replace(draft, recipe_id=987654), paste, NotFound) == "ไม่พบสูตรรหัส 987654"
    assert _refused(dataclasses.replace(draft, shop_id=987654), paste, NotFound) == f"ไม่พบสูตรรหัส {draft.recipe_id}"
    with pytest.raises(PermissionDenied):
        batches.commit_batch(seller(), draft, now=NOON)
    assert Batch.select().count() == Batch.select().where(Batch.uuid != draft.uuid).count()


def test_the_edges_themselves_are_accepted(demo_db: OpenedDatabase) -> None:
    draft, paste = _draft()
    done = batches.commit_batch(lead(), dataclasses.replace(
        draft, planned=1, yield_quantity=1, labour=(Work("สมใจ", 0, Money(0)),),
        overheads=(Overhead("ค่าแก๊ส", Money(0)),), byproducts=(ByProduct(paste.id, 50, Money(900)),),
        day=dt.date(2026, 11, 24), note="  ทดลอง  "), now=NOON)
    # ฿9.00 of paste, no labour, no overhead; the by-product carries all ฿9.00, the one unit made nothing
    assert (done.materials, done.labour, done.overhead, done.total) == (Money(900), Money(0), Money(0), Money(900))
    assert (done.yield_quantity, done.unit_cost, done.remainder_satang) == (1, Money(0), 0)
    batch = Batch.get(Batch.uuid == draft.uuid)
    assert (batch.planned_quantity, batch.yield_quantity, batch.note) == (1, 1, "ทดลอง")
    by = Lot.get((Lot.document_uuid == draft.uuid) & (Lot.item == paste.id))
    assert (by.quantity_in, by.cost_satang) == (50, 900)
    assert on_hand(paste.id, shop(STALL).id) == 1000 - 100 + 50


def test_one_gram_used_and_a_by_product_of_one_unit_worth_nothing_are_accepted(demo_db: OpenedDatabase) -> None:
    draft, paste = _draft()
    lot_id = draft.uses[0].lot_id
    done = batches.commit_batch(lead(), dataclasses.replace(
        draft, uses=(Use(paste.id, 1, lot_id), Use(paste.id, 99, lot_id)),
        byproducts=(ByProduct(paste.id, 1, Money(0)),)), now=NOON)
    number = Lot.get_by_id(lot_id).number
    assert done.inputs == ((number, 1, 9), (number, 99, 891))  # 9 satang a gram
    assert (done.total, done.unit_cost) == (Money(900), Money(90))  # the by-product carries nothing
    assert on_hand(paste.id, shop(STALL).id) == 1000 - 100 + 1
