"""Production batches: plan → consume → labour → overhead → yield → a finished lot, committed as one document.

**Cost.**  A batch costs exactly ``materials + labour + overhead``: materials are the values that left the
lots it actually consumed (the ledger's ``consume`` rows, by the lot value rule of :mod:`pos_app.stock.lots`,
not an average); labour is minutes × hourly rate ÷ 60 per member, rounded half up to the satang (or an
agreed amount); overhead is what was entered.  By-products carry the value stated for them; the finished lot
carries the rest, so the outputs together are worth the batch's cost to the satang.  The finished lot's unit
cost is ``cost ÷ yield`` in whole satang with the remainder kept on the lot (``unit × yield + remainder =
cost``); the remainder leaves with the units by the lot value rule (held units are worth ⌈cost × held ÷
yield⌉), so the lot's value is the batch's cost exactly.

**Expiry.**  The finished lot expires on its shelf life or on the earliest expiry of the lots it used,
whichever is sooner; a later date is accepted only when set on purpose (``beyond_components=True``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from db.models import Item, Lot, Shop, database
from db.models.production import Batch, BatchInput, BatchLabour, BatchOutput, BatchOverhead, Recipe
from pos_app import statements
from pos_app.books.closed import admit_dated
from pos_app.clock import business_date, utc_now
from pos_app.errors import InputError, NotFound
from pos_app.events import StockChanged, bus
from pos_app.money import Money, Rounding
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.production import recipes
from pos_app.stock.ledger import Movement, fefo_preview, write_movements
from pos_app.stock.lots import NewLot, create_lot, default_expiry, instant_of
from pos_app.thai.dates import format_date
from pos_app.trust.journal import record


@dataclass(frozen=True)
class Use:
    item_id: int
    quantity: int
    lot_id: int | None = None  # None: first-expiry-first-out when committed


@dataclass(frozen=True)
class Work:
    member: str
    minutes: int = 0
    rate_per_hour: Money = field(default_factory=Money)
    amount: Money | None = None  # an agreed amount instead of minutes × rate
    user_id: int | None = None

    def cost(self) -> Money:
        if self.amount is not None:
            return self.amount
        return self.rate_per_hour.times_fraction(self.minutes, 60, Rounding.HALF_UP)


@dataclass(frozen=True)
class Overhead:
    description: str
    amount: Money


@dataclass(frozen=True)
class ByProduct:
    item_id: int
    quantity: int
    value: Money


@dataclass(frozen=True)
class BatchDraft:
    """A batch being prepared (the screen edits it; nothing is written until ``commit_batch``)."""

    recipe_id: int
    shop_id: int
    planned: int
    uses: tuple[Use, ...]
    yield_quantity: int = 0
    day: dt.date | None = None
    labour: tuple[Work, ...] = ()
    overheads: tuple[Overhead, ...] = ()
    byproducts: tuple[ByProduct, ...] = ()
    expires_on: dt.date | None = None
    beyond_components: bool = False
    note: str = ""
    uuid: uuid.UUID = field(default_factory=uuid.uuid4)


@dataclass(frozen=True)
class BatchResult:
    uuid: uuid.UUID
    number: str  # the finished lot's number
    lot_id: int
    yield_quantity: int
    materials: Money
    labour: Money
    overhead: Money
    total: Money
    unit_cost: Money
    remainder_satang: int
    expires_on: dt.date | None
    inputs: tuple[tuple[str, int, int], ...]  # (lot number, quantity, cost satang)


def plan_batch(recipe_id: int, shop_id: int, planned: int, day: dt.date | None = None) -> BatchDraft:
    """Defaults for making ``planned`` units: the recipe scaled (half up to whole base units), lots picked
    first-expiry-first-out from what the shop holds (editable before committing)."""
    if planned <= 0:
        raise InputError("The planned quantity must be more than zero")
    recipe = recipes.get(recipe_id)
    day = day or business_date(utc_now())
    uses: list[Use] = []
    for ln in recipe.lines:
        need = Money(ln.quantity).times_fraction(planned, recipe.yield_quantity, Rounding.HALF_UP).satang
        picked = fefo_preview(ln.item_id, shop_id, need, day)
        uses.extend(Use(ln.item_id, qty, lot.id) for lot, qty in picked)
        short = need - sum(qty for _, qty in picked)
        if short > 0:
            uses.append(Use(ln.item_id, short))
    return BatchDraft(recipe_id, shop_id, planned, tuple(uses), yield_quantity=planned, day=day)


def _check(draft: BatchDraft) -> tuple[Recipe, Shop, list[Money]]:
    if draft.yield_quantity <= 0:
        raise InputError("The yield must be more than zero")
    if draft.planned <= 0:
        raise InputError("The planned quantity must be more than zero")
    if not draft.uses or any(u.quantity <= 0 for u in draft.uses):
        raise InputError("A quantity must be more than zero")
    recipe = statements.get(Recipe, "id", draft.recipe_id)
    shop = statements.get(Shop, "id", draft.shop_id)
    if recipe is None or shop is None:
        raise NotFound("No recipe with id {id}", id=draft.recipe_id)
    labour = [w.cost() for w in draft.labour]
    if any(m.satang < 0 for m in labour) or any(w.minutes < 0 for w in draft.labour):
        raise InputError("Labour cannot be below zero")
    if any(not w.member.strip() for w in draft.labour):
        raise InputError("Say who worked")
    if any(o.amount.satang < 0 for o in draft.overheads):
        raise InputError("An overhead cannot be below zero")
    if any(b.quantity <= 0 or b.value.satang < 0 for b in draft.byproducts):
        raise InputError("A by-product needs a quantity and a value of zero or more")
    return recipe, shop, labour


def commit_batch(actor: Actor, draft: BatchDraft, now: dt.datetime | None = None) -> BatchResult:
    """Write the batch in one transaction (idempotent on ``draft.uuid``).  Bad input changes nothing."""
    require(actor.role, Action.PRODUCE)
    recipe, shop, labour = _check(draft)
    when = now or utc_now()
    day = draft.day or business_date(when)
    if day > business_date(when):
        raise InputError("The date {day} is in the future", day=format_date(day))
    at = instant_of(day, when)
    with database.atomic():
        if statements.rows('SELECT 1 FROM "batch" WHERE "uuid" = ?', (Batch.uuid.db_value(draft.uuid),)):
            return result_of(draft.uuid)
        admit_dated([shop.id], draft.uuid, "batch", day, when)  # a closed day: addendum or refused
        used = write_movements("consume", shop.id, draft.uuid,
                               [Movement(u.item_id, -u.quantity, lot_id=u.lot_id) for u in draft.uses],
                               at, actor.user_id, recorded=when)
        materials = -used.value_satang
        labour_total = sum(m.satang for m in labour)
        overhead_total = sum(o.amount.satang for o in draft.overheads)
        total = materials + labour_total + overhead_total
        by_value = sum(b.value.satang for b in draft.byproducts)
        if by_value > total:
            raise InputError("The by-products are valued above the batch's whole cost")
        expiry = _expiry(draft, recipe.product_id, day, [p.expires_on for p in used.picks])
        main = create_lot(NewLot(recipe.product_id, draft.yield_quantity, total - by_value, expiry), shop.group_id,
                          "batch", draft.uuid, day, None, when)  # the group's next lot number
        number = str(main.number)
        batch = statements.insert(Batch, [dict(
            uuid=draft.uuid, number=number, recipe_uuid=recipe.uuid, product=recipe.product_id, group=shop.group_id,
            shop=shop.id, business_date=day, created_at=when, user=actor.user_id, planned_quantity=draft.planned,
            yield_quantity=draft.yield_quantity, materials_satang=materials, labour_satang=labour_total,
            overhead_satang=overhead_total, total_satang=total, note=draft.note.strip()[:500])], returning_id=True)[0]
        statements.insert(BatchInput, [dict(batch=batch, line_no=n, item=p.item_id, lot=p.lot_id, quantity=-p.quantity,
                                            cost_satang=-p.value_satang) for n, p in enumerate(used.picks, start=1)])
        statements.insert(BatchLabour, [
            dict(batch=batch, line_no=n, member=w.member.strip()[:200], user=w.user_id, minutes=w.minutes,
                 rate_satang_per_hour=w.rate_per_hour.satang, amount_satang=m.satang)
            for n, (w, m) in enumerate(zip(draft.labour, labour, strict=True), start=1)])
        statements.insert(BatchOverhead, [dict(batch=batch, line_no=n, description=o.description.strip()[:200],
                                               amount_satang=o.amount.satang)
                                          for n, o in enumerate(draft.overheads, start=1)])
        outputs = [(main, draft.yield_quantity, total - by_value, True)]
        for b in draft.byproducts:
            lot = create_lot(NewLot(b.item_id, b.quantity, b.value.satang, expiry), shop.group_id, "batch",
                             draft.uuid, day, None, when)
            outputs.append((lot, b.quantity, b.value.satang, False))
        statements.insert(BatchOutput, [dict(batch=batch, item=lot.item_id, lot=lot.id, quantity=q, cost_satang=c,
                                             main=m) for lot, q, c, m in outputs])
        write_movements("produce", shop.id, draft.uuid, [Movement(lot.item_id, q, lot_id=lot.id)
                                                         for lot, q, _c, _m in outputs], at, actor.user_id,
                        recorded=when, new_lots=[lot for lot, _q, _c, _m in outputs])
        record("batch", draft.uuid, when, {
            "number": number, "recipe": str(recipe.uuid), "version": recipe.version, "shop": shop.code,
            "day": day.isoformat(), "user": actor.login, "at": when.isoformat(), "yield": draft.yield_quantity,
            "materials": materials, "labour": labour_total, "overhead": overhead_total, "total": total,
            "inputs": [[p.lot_number, -p.quantity, -p.value_satang] for p in used.picks],
        }, user_id=actor.user_id)
    bus.publish(StockChanged(shop.id, tuple(sorted({*used.item_ids, recipe.product_id}))))
    return BatchResult(draft.uuid, number, main.id, draft.yield_quantity, Money(materials), Money(labour_total),
                       Money(overhead_total), Money(total), Money(int(main.unit_cost_satang)),
                       int(main.remainder_satang), main.expires_on,
                       tuple((p.lot_number, -p.quantity, -p.value_satang) for p in used.picks))


def _expiry(draft: BatchDraft, product_id: int, day: dt.date, used: list[dt.date | None]) -> dt.date | None:
    dates = [d for d in used if d is not None]
    earliest = min(dates) if dates else None
    if draft.expires_on is not None:
        if earliest is not None and draft.expires_on > earliest and not draft.beyond_components:
            raise InputError("The expiry {expiry} is later than an ingredient's ({earliest}); set it on purpose "
                             "if that is right", expiry=format_date(draft.expires_on), earliest=format_date(earliest))
        return draft.expires_on
    shelf = default_expiry(product_id, day)
    candidates = [d for d in (shelf, earliest) if d is not None]
    return min(candidates) if candidates else None


def result_of(batch_uuid: uuid.UUID) -> BatchResult:
    batch = Batch.get_or_none(Batch.uuid == batch_uuid)
    if batch is None:
        raise NotFound("No batch {uuid}", uuid=str(batch_uuid))
    main = BatchOutput.select(BatchOutput, Lot).join(Lot).where((BatchOutput.batch == batch) & BatchOutput.main).get()
    inputs = tuple((i.lot.number, int(i.quantity), int(i.cost_satang))
                   for i in BatchInput.select(BatchInput, Lot).join(Lot).where(BatchInput.batch == batch)
                   .order_by(BatchInput.line_no))
    lot = main.lot
    return BatchResult(batch.uuid, batch.number, lot.id, int(batch.yield_quantity), Money(int(batch.materials_satang)),
                       Money(int(batch.labour_satang)), Money(int(batch.overhead_satang)),
                       Money(int(batch.total_satang)), Money(int(lot.unit_cost_satang)), int(lot.remainder_satang),
                       lot.expires_on, inputs)


def product_name(item_id: int) -> str:
    return str(Item.get_by_id(item_id).name_th)
