"""Changing an item's price in a tier (retail, member, another group's): for people allowed to change prices,
recorded in the audit log (old and new price, who, when) in the same transaction as the change.

A sale keeps the price it was sold at on its lines, so a later change never alters a committed sale."""

from __future__ import annotations

from dataclasses import dataclass

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
