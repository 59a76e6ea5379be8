"""Suppliers, purchases and opening stock: each line becomes a lot with its exact cost.

A line's cost is either its total (``total``) or a unit price for ``per`` base units (``unit_price``,
e.g. ฿35.00 per 1000 g); a unit price that does not come out to whole satang is rounded half up (stated,
``Rounding.HALF_UP``) and the rounded line cost is what the lot carries.  A purchase entered days later keeps
the day it was bought (``day``): lots are made that day and their expiry follows it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from db.models import Item, Lot, Shop, Supplier, database
from db.models.stock import PAID_FROM, Purchase, PurchaseLine
from pos_app.books.closed import admit_dated
from pos_app.clock import business_date, utc_now
from pos_app.errors import InputError, NotFound
from pos_app.events import StockChanged, bus
from pos_app.money import Money, Rounding
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.stock.ledger import Movement, write_movements
from pos_app.stock.lots import NewLot, create_lot, instant_of
from pos_app.thai.dates import format_date
from pos_app.trust import names
from pos_app.trust.journal import record


@dataclass(frozen=True)
class BuyLine:
    item_id: int
    quantity: int  # base units
    total: Money | None = None
    unit_price: Money | None = None
    per: int = 1  # base units the unit price is for
    expires_on: dt.date | None = None
    supplier_lot: str = ""

    def cost(self) -> Money:
        if (self.total is None) == (self.unit_price is None):
            raise InputError("Give either the line's total or its unit price")
        if self.total is not None:
            return self.total
        assert self.unit_price is not None
        if self.per <= 0:
            raise InputError("A quantity must be more than zero")
        return self.unit_price.times_fraction(self.quantity, self.per, Rounding.HALF_UP)


@dataclass(frozen=True)
class LotMade:
    item_id: int
    lot_id: int
    number: str
    quantity: int
    cost: Money
    expires_on: dt.date | None


@dataclass(frozen=True)
class PurchaseResult:
    uuid: uuid.UUID
    shop_id: int
    group_id: int
    day: dt.date
    total: Money
    lots: tuple[LotMade, ...]
    already_saved: bool = False


def add_supplier(actor: Actor, code: str, name: str, phone: str = "", network_group_id: int | None = None) -> int:
    require(actor.role, Action.MANAGE_ITEMS)
    code, name = code.strip(), name.strip()
    if not code or not name:
        raise InputError("A supplier needs a code and a name")
    with database.atomic():
        if Supplier.select().where(Supplier.code == code).exists():
            raise InputError("There is already a supplier {code}", code=code)
        return int(Supplier.insert(uuid=uuid.uuid4(), code=code, name=name, phone=phone.strip(),
                                   network_group=network_group_id).execute())


def _check_day(day: dt.date, now: dt.datetime) -> None:
    if day > business_date(now):
        raise InputError("The date {day} is in the future", day=format_date(day))


def _check_lines(lines: list[BuyLine]) -> list[Money]:
    if not lines:
        raise InputError("The purchase has no lines")
    costs = []
    for n, line in enumerate(lines, start=1):
        if line.quantity <= 0:
            raise InputError("Line {n}: the quantity must be more than zero", n=n)
        cost = line.cost()
        if cost.satang < 0:
            raise InputError("Line {n}: the cost cannot be below zero", n=n)
        costs.append(cost)
    known = {i.id for i in Item.select(Item.id).where(Item.id.in_([ln.item_id for ln in lines]))}
    for line in lines:
        if line.item_id not in known:
            raise NotFound("No item with id {id}", id=line.item_id)
    return costs


def _result(purchase: Purchase, already: bool) -> PurchaseResult:
    lots = tuple(LotMade(pl.item_id, pl.lot_id, pl.lot.number, int(pl.quantity), Money(int(pl.cost_satang)),
                         pl.lot.expires_on)
                 for pl in PurchaseLine.select(PurchaseLine, Lot).join(Lot)
                 .where(PurchaseLine.purchase == purchase).order_by(PurchaseLine.line_no))
    return PurchaseResult(purchase.uuid, purchase.shop_id, purchase.group_id, purchase.business_date,
                          Money(int(purchase.total_satang)), lots, already)


def record_purchase(actor: Actor, shop_id: int, lines: list[BuyLine], supplier_id: int | None = None,
                    paid_from: str = "drawer", day: dt.date | None = None, note: str = "",
                    doc_uuid: uuid.UUID | None = None, now: dt.datetime | None = None,
                    kind: str = "purchase") -> PurchaseResult:
    """Record a purchase (or, ``kind="opening"``, opening stock) in one transaction: the document, a lot per
    line, the ledger rows and balances, the journal entry.  Saving the same ``doc_uuid`` twice is a no-op."""
    require(actor.role, Action.RECEIVE_STOCK)
    if paid_from not in PAID_FROM:
        raise InputError("Unknown way of paying {paid_from}", paid_from=paid_from)
    if kind not in ("purchase", "opening"):
        raise ValueError("record_purchase records purchases or opening stock")
    when = now or utc_now()
    day = day or business_date(when)
    _check_day(day, when)
    costs = _check_lines(lines)
    doc = doc_uuid or uuid.uuid4()
    shop = Shop.get_or_none(Shop.id == shop_id)
    if shop is None:
        raise NotFound("No shop with id {id}", id=shop_id)
    if supplier_id is not None and Supplier.get_or_none(Supplier.id == supplier_id) is None:
        raise NotFound("No supplier with id {id}", id=supplier_id)
    with database.atomic():
        existing = Purchase.get_or_none(Purchase.uuid == doc)
        if existing is not None:
            return _result(existing, True)
        admit_dated([shop_id], doc, kind, day, when)  # a closed day: its addendum if entered late, else refused
        total = sum(costs, Money(0))
        purchase = Purchase.create(uuid=doc, shop=shop_id, group=shop.group_id, supplier=supplier_id,
                                   business_date=day, created_at=when, user=actor.user_id, paid_from=paid_from,
                                   total_satang=total.satang, note=note.strip()[:500])
        made = []
        for n, (line, cost) in enumerate(zip(lines, costs, strict=True), start=1):
            lot = create_lot(NewLot(line.item_id, line.quantity, cost.satang, line.expires_on, line.supplier_lot),
                             shop.group_id, kind, doc, day, supplier_id, when)
            PurchaseLine.create(purchase=purchase, line_no=n, item=line.item_id, quantity=line.quantity,
                                cost_satang=cost.satang, lot=lot)
            made.append(LotMade(line.item_id, lot.id, lot.number, line.quantity, cost, lot.expires_on))
        moved = write_movements(kind, shop_id, doc, [Movement(m.item_id, m.quantity, lot_id=m.lot_id) for m in made],
                                instant_of(day, when), actor.user_id, recorded=when)
        record(kind, doc, when, {
            "shop": shop.code, "day": day.isoformat(), "user": actor.login, "at": when.isoformat(),
            "paid_from": paid_from, "total": total.satang, "supplier": names.supplier(supplier_id),
            "lots": [[m.number, m.quantity, m.cost.satang] for m in made],
        }, user_id=actor.user_id)
    bus.publish(StockChanged(shop_id, tuple(moved)))
    return PurchaseResult(doc, shop_id, shop.group_id, day, total, tuple(made))

