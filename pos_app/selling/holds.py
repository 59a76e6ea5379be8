"""Holding a cart (the customer went to fetch money), recalling it, or cancelling it on the record.

A held cart belongs to its seller and its till; it keeps the cart's UUID, so the sale it becomes is saved
under the same UUID.  Lines are stored by item UUID and re-priced from the catalogue when recalled (the
price of the moment of sale).  A cancelled cart (nothing sold) is recorded as its own append-only document
with who, when, what and why.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field

from db.models import CartCancellation, HeldCart, Item, database
from pos_app.clock import business_date, utc_now
from pos_app.errors import InputError, NotFound
from pos_app.money import Money
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.printing import slips as print_slips
from pos_app.selling import catalog
from pos_app.selling.cart import Cart, CartLine
from pos_app.trust import names
from pos_app.trust.journal import record


def _content(cart: Cart) -> str:
    ids = [line.item.id for line in cart.lines]
    uuids = {i.id: str(i.uuid) for i in Item.select(Item.id, Item.uuid).where(Item.id.in_(ids))}
    return json.dumps({
        "tier": cart.tier, "channel": cart.channel, "customer_name": cart.customer_name,
        "customer_phone": cart.customer_phone, "note": cart.note, "discount": cart.discount.satang,
        "lines": [{"item": uuids[line.item.id], "sku": line.item.sku, "quantity": line.quantity,
                   "discount": line.discount.satang, **({"lot": line.lot} if line.lot else {})}
                  for line in cart.lines],
    }, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class HeldSummary:
    """One held sale as the recall list tells it apart: when, whose, its total now and its first items."""

    uuid: uuid.UUID
    created_at: dt.datetime
    label: str
    line_count: int
    seller: str = ""  # the seller's display name
    total: Money = field(default_factory=Money)  # re-priced from today's catalogue, as recalling it would
    items: tuple[str, ...] = ()  # the item names, in the cart's order


def hold(actor: Actor, till_id: int, cart: Cart, label: str = "", now: dt.datetime | None = None) -> uuid.UUID:
    """Put the cart aside under its seller; the caller then starts a new, empty cart."""
    require(actor.role, Action.SELL)
    if cart.is_empty:
        raise InputError("The sale has no items")
    with database.atomic():
        HeldCart.delete().where(HeldCart.uuid == cart.uuid).execute()  # holding again replaces the old slip
        HeldCart.create(uuid=cart.uuid, till=till_id, seller=actor.user_id, created_at=now or utc_now(),
                        label=label.strip()[:200], content=_content(cart))
        print_slips.queue_held_slip(actor, till_id, cart, label, now)
    return cart.uuid


def held(till_id: int, actor: Actor) -> list[HeldSummary]:
    """This seller's held carts at this till, oldest first."""
    rows = (HeldCart.select().where((HeldCart.till == till_id) & (HeldCart.seller == actor.user_id))
            .order_by(HeldCart.created_at))
    out = []
    for row in rows:
        try:
            cart = _cart_of(row)
        except InputError:  # an item no longer for sale: recalling it says so
            cart = None
        out.append(HeldSummary(row.uuid, row.created_at, row.label, len(json.loads(row.content)["lines"]),
                               actor.display_name, cart.total if cart else Money(0),
                               tuple(line.item.name for line in cart.lines) if cart else ()))
    return out


def _cart_of(row: HeldCart) -> Cart:
    """The cart a held row holds, priced from today's catalogue in its tier."""
    data = json.loads(row.content)
    cart = Cart(uuid=row.uuid, tier=data["tier"], note=data["note"])
    cart.set_channel(data["channel"], data["customer_name"], data["customer_phone"])
    ids = {str(i.uuid): i.id for i in Item.select(Item.id, Item.uuid)
           .where(Item.uuid.in_([uuid.UUID(x["item"]) for x in data["lines"]]))}
    for line in data["lines"]:
        view = catalog.by_id(ids.get(line["item"], -1), cart.tier)
        if view is None:
            raise InputError("{sku} is no longer for sale", sku=line["sku"])
        index = len(cart.lines)
        # a scanned lot is kept; a manager's leave to sell an expired lot is not (asked again on scan)
        cart.lines.append(CartLine(view, line["quantity"], lot=line.get("lot", "")))
        if line["discount"]:
            cart.set_line_discount(index, Money(line["discount"]))
    if data["discount"]:
        cart.set_discount(Money(data["discount"]))
    return cart


def recall(actor: Actor, till_id: int, held_uuid: uuid.UUID) -> Cart:
    """The held cart back, re-priced from today's catalogue; it is no longer held."""
    with database.atomic():
        row = HeldCart.get_or_none((HeldCart.uuid == held_uuid) & (HeldCart.till == till_id)
                                   & (HeldCart.seller == actor.user_id))
        if row is None:
            raise NotFound("No held sale {uuid}", uuid=str(held_uuid))
        cart = _cart_of(row)
        row.delete_instance()
    return cart


def cancel(actor: Actor, till_id: int, cart: Cart, reason: str = "", now: dt.datetime | None = None) -> uuid.UUID:
    """Record that this cart was given up unsold (who, when, what, why), and drop it if it was held."""
    require(actor.role, Action.SELL)
    when = now or utc_now()
    doc = uuid.uuid4()
    with database.atomic():
        HeldCart.delete().where(HeldCart.uuid == cart.uuid).execute()
        CartCancellation.create(uuid=doc, till=till_id, seller=actor.user_id, created_at=when,
                                business_date=business_date(when), total_satang=cart.total.satang,
                                content=_content(cart), reason=reason.strip()[:500])
        record("cart_cancellation", doc, when, {"till": names.till(till_id), "user": actor.login,
                                                "at": when.isoformat(), "total": cart.total.satang,
                                                "reason": reason.strip()},
               till_id=till_id, user_id=actor.user_id)
    return doc
