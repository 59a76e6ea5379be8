"""Changing an item's price in a tier (retail, member, another group's): for people allowed to change prices,
recorded in the audit log (old and new price, who, when) in the same transaction as the change.  The price
screen reads every item's prices (:func:`price_list`) and the last changes (:func:`recent_changes`).

A sale keeps the price it was sold at on its lines, so a later change never alters a committed sale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from db.models import Item, ItemPrice, PriceTier, database
from pos_app.errors import InputError, NotFound
from pos_app.events import PriceChanged, bus
from pos_app.money import Money
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.trust import audit


@dataclass(frozen=True)
class PriceChange:
    item_id: int
    sku: str
    tier: str
    old: Money | None  # None: the item had no price in this tier
    new: Money
    per_quantity: int


def change_price(actor: Actor, item_id: int, tier: str, price: Money, per_quantity: int | None = None,
                 till_id: int | None = None) -> PriceChange:
    """Set the price of ``per_quantity`` base units of an item in ``tier`` (default: keep its quantity)."""
    require(actor.role, Action.CHANGE_PRICE)
    if price.satang < 0:
        raise InputError("A price cannot be below zero")
    if per_quantity is not None and per_quantity <= 0:
        raise InputError("A price is for at least one unit")
    item = Item.get_or_none(Item.id == item_id)
    if item is None:
        raise NotFound("No item with id {id}", id=item_id)
    level = PriceTier.get_or_none(PriceTier.code == tier)
    if level is None:
        raise NotFound("No price tier {tier}", tier=tier)
    with database.atomic():
        row = ItemPrice.get_or_none((ItemPrice.item == item_id) & (ItemPrice.tier == level.id))
        per = per_quantity or (row.per_quantity if row is not None else 1)
        old = Money(row.price_satang) if row is not None else None
        if row is None:
            ItemPrice.insert(item=item_id, tier=level.id, price_satang=price.satang, per_quantity=per).execute()
        else:
            ItemPrice.update(price_satang=price.satang, per_quantity=per).where(ItemPrice.id == row.id).execute()
        audit.log("price_change", actor.user_id, subject=item.sku, till_id=till_id, tier=tier,
                  old_satang=None if old is None else old.satang,
                  old_per=None if row is None else row.per_quantity, new_satang=price.satang, new_per=per)
    change = PriceChange(item_id, item.sku, tier, old, price, per)
    bus.publish(PriceChanged(item_id, tier, price.satang, per))
    return change


@dataclass(frozen=True)
class Tier:
    code: str
    name_th: str
    name_en: str


@dataclass(frozen=True)
class ItemPrices:
    item_id: int
    sku: str
    name_th: str
    kind: str
    unit: str
    prices: dict[str, tuple[Money, int]]  # tier code → (price, for how many base units)


def price_list() -> tuple[list[Tier], list[ItemPrices]]:
    """The tiers, and every item in use with its price in each tier (finished goods first, then by code)."""
    tiers = [Tier(t.code, t.name_th, t.name_en) for t in PriceTier.select().order_by(PriceTier.id)]
    prices: dict[int, dict[str, tuple[Money, int]]] = {}
    rows = ItemPrice.select(ItemPrice.item, PriceTier.code, ItemPrice.price_satang, ItemPrice.per_quantity).join(
        PriceTier).tuples()
    for item_id, tier, satang, per in cast(Iterable[tuple[int, str, int, int]], rows):
        prices.setdefault(int(item_id), {})[str(tier)] = (Money(int(satang)), int(per))
    kinds = ("finished", "ingredient", "packaging")
    found = sorted(Item.select().where(Item.active == True),  # noqa: E712
                   key=lambda i: (kinds.index(i.kind) if i.kind in kinds else len(kinds), i.sku))
    return tiers, [ItemPrices(int(i.id), str(i.sku), str(i.name_th), str(i.kind), str(i.base_unit),
                              prices.get(int(i.id), {})) for i in found]


@dataclass(frozen=True)
class PastChange:
    at: dt.datetime
    who: str
    sku: str
    tier: str
    old: Money | None
    old_per: int | None
    new: Money
    new_per: int


def recent_changes(limit: int = 50) -> list[PastChange]:
    """The last price changes, newest first, as the audit log recorded them."""
    out = []
    for e in audit.entries(["price_change"], limit=limit):
        d = e.detail
        out.append(PastChange(e.at, e.user, e.subject, str(d.get("tier", "")),
                              None if d.get("old_satang") is None else Money(int(d["old_satang"])),
                              None if d.get("old_per") is None else int(d["old_per"]),
                              Money(int(d["new_satang"])), int(d["new_per"])))
    return out
