"""Goods passed between groups at an agreed price: one document that is a sale in the giving group's books
and a purchase in the receiving group's books (``Transfer.amount_satang``, ``from_group``, ``to_group``).

The giver's lots go out at their cost (kind ``transfer``, negative rows); each line becomes a new lot of the
receiving group, costing the agreed price, so the receiver's batches include it at that price.

Either side may record it, from its own stock screen: the group that gives ("given to …") or the group that
receives ("received from …": the production lead who needs another group's shrimp paste records what she
took).  Who may: a person whose role may ``TRANSFER_STOCK`` and who belongs to the giving or the receiving
group, or who belongs to no group (the network's own people, e.g. the administrator); a member of a third
group may not move two other groups' stock.  The lots come from the giver's shop, first-expiry-first-out
unless the line names one (``GiveLine.lot_id``) — whichever side records it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import cast

from db.models import Lot, NetworkGroup, Shop, User, database
from db.models.stock import Transfer, TransferLine
from pos_app.books.closed import admit_dated
from pos_app.clock import business_date, utc_now
from pos_app.errors import InputError, NotFound, PermissionDenied
from pos_app.events import StockChanged, bus
from pos_app.money import Money
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.stock.ledger import Movement, write_movements
from pos_app.stock.lots import NewLot, create_lot, instant_of
from pos_app.thai.dates import format_date
from pos_app.trust.journal import record


@dataclass(frozen=True)
class GiveLine:
    item_id: int
    quantity: int
    price: Money  # agreed, for the whole line
    lot_id: int | None = None  # None: first-expiry-first-out


@dataclass(frozen=True)
class TransferResult:
    uuid: uuid.UUID
    from_group_id: int
    to_group_id: int
    amount: Money  # the agreed price: the giver's sale, the receiver's purchase
    cost: Money  # the giver's cost of what left
    lots: tuple[tuple[str, str, int], ...]  # (giver's lot, receiver's new lot, quantity)


def _may_record(actor: Actor, giver: Shop, taker: Shop) -> None:
    """A member of the giving or the receiving group, or of no group, records a transfer; nobody else."""
    own = cast(int | None, User.select(User.group).where(User.id == actor.user_id).scalar())
    if own is not None and own not in (giver.group_id, taker.group_id):
        raise PermissionDenied("Only the group that gives or the group that receives records a transfer; "
                               "you are in {group}", group=NetworkGroup.get_by_id(own).name_th)


def transfer(actor: Actor, from_shop_id: int, to_shop_id: int, lines: list[GiveLine], note: str = "",
             day: dt.date | None = None, now: dt.datetime | None = None) -> TransferResult:
    require(actor.role, Action.TRANSFER_STOCK)
    when = now or utc_now()
    day = day or business_date(when)
    if day > business_date(when):
        raise InputError("The date {day} is in the future", day=format_date(day))
    giver, taker = Shop.get_or_none(Shop.id == from_shop_id), Shop.get_or_none(Shop.id == to_shop_id)
    if giver is None or taker is None:
        raise NotFound("No shop with id {id}", id=from_shop_id if giver is None else to_shop_id)
    if giver.group_id == taker.group_id:
        raise InputError("A transfer is between two different groups")
    _may_record(actor, giver, taker)
    if not lines or any(ln.quantity <= 0 for ln in lines):
        raise InputError("A quantity must be more than zero")
    if any(ln.price.satang < 0 for ln in lines):
        raise InputError("A price cannot be below zero")
    doc = uuid.uuid4()
    at = instant_of(day, when)
    with database.atomic():
        amount = sum((ln.price for ln in lines), Money(0))
        admit_dated([giver.id, taker.id], doc, "transfer", day, when)  # a closed day: addendum or refused
        taken = [write_movements("transfer", giver.id, doc, [Movement(ln.item_id, -ln.quantity, lot_id=ln.lot_id)],
                                 at, actor.user_id, recorded=when) for ln in lines]
        cost = -sum(w.value_satang for w in taken)
        t = Transfer.create(uuid=doc, from_group=giver.group_id, to_group=taker.group_id, from_shop=giver.id,
                            to_shop=taker.id, business_date=day, created_at=when, user=actor.user_id,
                            amount_satang=amount.satang, cost_satang=cost, note=note.strip()[:500])
        incoming: list[Movement] = []
        made: list[tuple[str, str, int]] = []
        for ln, written in zip(lines, taken, strict=True):
            # one new lot per giver's lot; the line's price is shared by quantity, the last share takes the rest
            left_price, left_qty = ln.price.satang, ln.quantity
            for p in written.picks:
                qty = -p.quantity
                share = left_price if qty == left_qty else ln.price.satang * qty // ln.quantity
                left_price, left_qty = left_price - share, left_qty - qty
                src = Lot.get_by_id(p.lot_id)
                lot = create_lot(NewLot(ln.item_id, qty, share, src.expires_on, src.number), taker.group_id,
                                 "transfer", doc, day, None, when)
                TransferLine.create(transfer=t, line_no=len(made) + 1, item=ln.item_id, quantity=qty,
                                    from_lot=src.id, to_lot=lot, price_satang=share, cost_satang=-p.value_satang)
                made.append((src.number, lot.number, qty))
                incoming.append(Movement(ln.item_id, qty, lot_id=lot.id))
        write_movements("transfer", taker.id, doc, incoming, at, actor.user_id, recorded=when)
        record("transfer", doc, when, {"from": giver.code, "to": taker.code, "day": day.isoformat(),
                                       "user": actor.login, "amount": amount.satang, "cost": cost,
                                       "lots": made}, user_id=actor.user_id)
    bus.publish(StockChanged(giver.id, tuple(sorted({ln.item_id for ln in lines}))))
    bus.publish(StockChanged(taker.id, tuple(sorted({ln.item_id for ln in lines}))))
    return TransferResult(doc, giver.group_id, taker.group_id, amount, Money(cost), tuple(made))
