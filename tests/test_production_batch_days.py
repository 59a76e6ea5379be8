"""A batch's day and its rows: one entered the morning after a closed day goes into that day's addendum, its
stock rows carry the day it was made and the moment it was keyed in, and the person; a batch given no day is
made on the day it is recorded (Bangkok); the lot a person chose is the one used, not the first to expire;
the finished lot is stamped with the batch's own instant; every row of a batch field by field.  Both
databases, dates worked by hand."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from db.connection import OpenedDatabase
from db.models import JournalEntry, Lot, Shop, StockMovement
from db.models.books import LateDocument
from db.models.production import Batch, BatchInput, BatchLabour, BatchOutput, BatchOverhead, Recipe
from pos_app.books import days
from pos_app.events import StockChanged, bus
from pos_app.money import Money
from pos_app.production import batches, recipes
from pos_app.production.batches import ByProduct, Overhead, Use, Work
from pos_app.production.recipes import Ingredient
from tests.books_day import DAY, at, build_day, treasurer
from tests.stock_support import buy, lead, new_item

NEXT = DAY + dt.timedelta(days=1)  # 25 Nov 2026
STALL = "KAPI-STALL"
NOON = dt.datetime(2026, 11, 24, 5, 0, tzinfo=dt.UTC)  # 12:00 in Bangkok on 24 Nov 2026


def _stall() -> Shop:
    return Shop.get(Shop.code == STALL)


def _recipe_and_paste(expiries: tuple[dt.date, ...] = (dt.date(2027, 1, 1),)) -> tuple[int, list[int]]:
    """A product made of 100 g of paste; a 1000 g lot of paste (฿90.00) for each expiry given."""
    paste = new_item(name="กะปิ")
    lots = [buy(STALL, paste, 1000, 9000, expires=e).lot_id for e in expiries]
    product = new_item(kind="finished", unit="piece", price_satang=4500, name="กะปิผง")
    return recipes.save_recipe(lead(), product.id, 10, [Ingredient(paste.id, 100)]).id, lots


def test_a_batch_keyed_in_the_next_morning_goes_into_the_closed_days_addendum(empty_db: OpenedDatabase) -> None:
    build_day()
    recipe_id, [lot_id] = _recipe_and_paste()  # bought on 24 Nov, before the close
    days.close_day(treasurer(), _stall().id, DAY, now=at(18))
    draft = dataclasses.replace(batches.plan_batch(recipe_id, _stall().id, 10, DAY), day=DAY)
    done = batches.commit_batch(lead(), draft, now=at(9, 0, NEXT))
    late = LateDocument.get(LateDocument.doc_uuid == draft.uuid)
    assert (late.shop_id, late.business_date, late.addendum_no, late.doc_type) == (_stall().id, DAY, 1, "batch")
    assert Batch.get(Batch.uuid == draft.uuid).business_date == DAY
    rows = StockMovement.select().where(StockMovement.document_uuid == draft.uuid).order_by(StockMovement.id)
    # 09:00 on 25 Nov in Bangkok = 02:00 UTC, keyed in; the day it stands for: 24 Nov
    assert [(r.kind, r.lot_id, r.quantity, r.business_date, r.created_at, r.user and r.user.login) for r in rows] == [
        ("consume", lot_id, -100, DAY, at(9, 0, NEXT), "prapha"),
        ("produce", done.lot_id, 10, DAY, at(9, 0, NEXT), "prapha")]
    assert Lot.get_by_id(done.lot_id).created_at == at(9, 0, NEXT)


def test_a_batch_given_no_day_is_made_on_the_bangkok_day_it_is_recorded(empty_db: OpenedDatabase) -> None:
    build_day()
    recipe_id, _lots = _recipe_and_paste()
    draft = dataclasses.replace(batches.plan_batch(recipe_id, _stall().id, 10), day=None)
    evening = dt.datetime(2026, 11, 24, 16, 30, tzinfo=dt.UTC)  # 23:30 on 24 Nov in Bangkok (UTC: still the 24th)
    batches.commit_batch(lead(), draft, now=evening)
    assert Batch.get(Batch.uuid == draft.uuid).business_date == DAY
    late_night = dt.datetime(2026, 11, 24, 17, 30, tzinfo=dt.UTC)  # 00:30 on 25 Nov in Bangkok
    second = dataclasses.replace(batches.plan_batch(recipe_id, _stall().id, 10), day=None)
    batches.commit_batch(lead(), second, now=late_night)
    assert Batch.get(Batch.uuid == second.uuid).business_date == NEXT


def test_the_lot_a_person_chose_is_used_not_the_first_to_expire(demo_db: OpenedDatabase) -> None:
    recipe_id, [sooner, later] = _recipe_and_paste((dt.date(2026, 12, 15), dt.date(2027, 1, 1)))
    draft = batches.plan_batch(recipe_id, _stall().id, 10)
    assert [u.lot_id for u in draft.uses] == [sooner]  # the plan: first expiry first out
    chosen = dataclasses.replace(draft, uses=(Use(draft.uses[0].item_id, 100, later),))
    done = batches.commit_batch(lead(), chosen)
    assert done.inputs == ((Lot.get_by_id(later).number, 100, 900),)
    assert done.materials == Money(900) and done.expires_on == dt.date(2027, 1, 1)


def test_each_row_of_a_batch_field_by_field(demo_db: OpenedDatabase) -> None:
    recipe_id, [sooner, later] = _recipe_and_paste((dt.date(2026, 12, 15), dt.date(2027, 1, 1)))
    paste_id = Lot.get_by_id(sooner).item_id
    long_name, long_note = "ม" * 205, "น" * 510  # kept to 200 and 500 characters
    draft = dataclasses.replace(
        batches.plan_batch(recipe_id, _stall().id, 10),
        uses=(Use(paste_id, 40, sooner), Use(paste_id, 60, later)),  # 40 g + 60 g at 9 satang: ฿3.60 + ฿5.40
        labour=(Work("สมใจ", 30, Money(5001), user_id=lead().user_id),  # ฿50.01 an hour × ½: 2500.5 → ฿25.01
                Work(long_name, 0, Money(0), amount=Money(1000))),  # an agreed ฿10.00
        overheads=(Overhead("ค่าแก๊ส", Money(99)), Overhead(long_name, Money(1))),
        byproducts=(ByProduct(paste_id, 20, Money(500)),), note=long_note)
    seen: list[StockChanged] = []
    unsubscribe = bus.subscribe(StockChanged, seen.append)
    try:
        done = batches.commit_batch(lead(), draft, now=NOON)
    finally:
        unsubscribe()
    assert seen == [StockChanged(_stall().id, tuple(sorted((paste_id, Recipe.get_by_id(recipe_id).product_id))))]
    # 900 + 2501 + 1000 + 99 + 1 = 4501; the by-product carries 500, the 10 units 4001 = 10 × 400 + 1
    assert (done.total, done.unit_cost, done.remainder_satang) == (Money(4501), Money(400), 1)
    batch = Batch.get(Batch.uuid == draft.uuid)
    assert batch.note == "น" * 500
    assert _rows(BatchInput, batch, "line_no", "lot", "quantity", "cost_satang") == \
        [(1, sooner, 40, 360), (2, later, 60, 540)]
    assert _rows(BatchLabour, batch, "line_no", "member", "user", "minutes", "rate_satang_per_hour",
                 "amount_satang") == [(1, "สมใจ", lead().user_id, 30, 5001, 2501), (2, "ม" * 200, None, 0, 0, 1000)]
    assert _rows(BatchOverhead, batch, "line_no", "description", "amount_satang") == \
        [(1, "ค่าแก๊ส", 99), (2, "ม" * 200, 1)]
    outputs = _rows(BatchOutput, batch, "item", "lot", "quantity", "cost_satang", "main")
    assert outputs == [(batch.product_id, done.lot_id, 10, 4001, True), (paste_id, outputs[1][1], 20, 500, False)]
    by_lot = Lot.get_by_id(outputs[1][1])
    assert (by_lot.quantity_in, by_lot.cost_satang, by_lot.created_at) == (20, 500, NOON)
    assert by_lot.expires_on == done.expires_on == dt.date(2026, 12, 15)  # the sooner paste's, no shelf life
    entry = JournalEntry.get(JournalEntry.doc_uuid == draft.uuid)
    assert (entry.doc_type, entry.user and entry.user.login, entry.created_at) == ("batch", "prapha", NOON)
    assert json.loads(entry.summary) == {
        "number": done.number, "recipe": str(Recipe.get_by_id(recipe_id).uuid), "version": 1, "shop": STALL,
        "day": "2026-11-24", "user": "prapha", "at": "2026-11-24T05:00:00+00:00", "yield": 10,
        "materials": 900, "labour": 3501, "overhead": 100, "total": 4501,
        "inputs": [[Lot.get_by_id(sooner).number, 40, 360], [Lot.get_by_id(later).number, 60, 540]]}


def _rows(model: Any, batch: Batch, *names: str) -> list[tuple[Any, ...]]:
    """A batch's rows of ``model`` in the order written (line number, else id), as plain values."""
    order = model.line_no if "line_no" in model._meta.fields else model.id
    return list(model.select(*(getattr(model, n) for n in names)).where(model.batch == batch).order_by(order).tuples())
