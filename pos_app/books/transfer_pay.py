"""Money paid for a transfer between groups.  A transfer at an agreed price is a sale in the giving group's
books and a purchase in the receiving group's (:mod:`pos_app.books.summary`, on the transfer's own day); the
money enters the cash book and the notice-161 report (cash basis) on the day it is paid, recorded here as its
own document (:class:`TransferPayment`): in (cash or bank) for the giver, out for the taker.  Paid in full,
once.  In the whole network's books both sides are inside the network and are not entries."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from db.models import NetworkGroup, Shop, database
from db.models.books import TransferPayment
from db.models.stock import Transfer
from pos_app.books.closed import admit_dated
from pos_app.books.scope import Scope
from pos_app.clock import business_date, utc_now
from pos_app.errors import InputError, NotFound
from pos_app.money import Money
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.trust.journal import record

METHODS = ("cash", "bank")


@dataclass(frozen=True)
class TransferPaid:
    transfer_uuid: uuid.UUID
    uuid: uuid.UUID
    method: str
    amount: Money
    day: dt.date


def pay_transfer(actor: Actor, transfer_uuid: uuid.UUID, method: str, now: dt.datetime | None = None) -> TransferPaid:
    """Record that the receiving group paid the giving group the transfer's agreed price."""
    require(actor.role, Action.HANDLE_CASH)
    if method not in METHODS:
        raise InputError("Unknown way of paying {paid_from}", paid_from=method)
    when = now or utc_now()
    day = business_date(when)
    with database.atomic():
        t = Transfer.get_or_none(Transfer.uuid == transfer_uuid)
        if t is None:
            raise NotFound("No transfer {uuid}", uuid=str(transfer_uuid))
        if TransferPayment.select().where(TransferPayment.transfer_uuid == transfer_uuid).exists():
            raise InputError("This transfer is already paid")
        doc, giver, taker = uuid.uuid4(), int(t.__data__["from_shop"]), int(t.__data__["to_shop"])
        admit_dated([giver, taker], doc, "transfer_payment", day, when)
        TransferPayment.create(uuid=doc, transfer_uuid=transfer_uuid, from_shop=giver, to_shop=taker,
                               method=method, amount_satang=t.amount_satang, user=actor.user_id, created_at=when,
                               business_date=day)
        record("transfer_payment", doc, when, {"transfer": str(transfer_uuid), "method": method,
                                               "amount": t.amount_satang, "user": actor.login,
                                               "at": when.isoformat()}, user_id=actor.user_id)
    return TransferPaid(transfer_uuid, doc, method, Money(t.amount_satang), day)


@dataclass(frozen=True)
class GroupTransferPayment:
    day: dt.date
    at: dt.datetime
    uuid: uuid.UUID
    method: str
    amount: Money
    received: bool  # True: the scope's group was paid (it gave the goods); False: it paid
    other_group: str  # the other group's Thai name


def transfer_payments(scope: Scope, before: bool = False) -> list[GroupTransferPayment]:
    """A group's transfer payments in the scope's period (or before it); none for the whole network."""
    if scope.group_id is None:
        return []
    where = (TransferPayment.business_date < scope.start) if before else (
        (TransferPayment.business_date >= scope.start) & (TransferPayment.business_date <= scope.end))
    giver, taker = Shop.alias(), Shop.alias()
    giver_group, taker_group = NetworkGroup.alias(), NetworkGroup.alias()
    at = TransferPayment.created_at
    rows = (TransferPayment.select(TransferPayment.business_date, at, TransferPayment.uuid, TransferPayment.method,
                                   TransferPayment.amount_satang, giver.group, giver_group.name_th,
                                   taker_group.name_th)
            .join(giver, on=(TransferPayment.from_shop == giver.id))
            .join(giver_group, on=(giver.group == giver_group.id)).switch(TransferPayment)
            .join(taker, on=(TransferPayment.to_shop == taker.id))
            .join(taker_group, on=(taker.group == taker_group.id))
            .where(where & ((giver.group == scope.group_id) | (taker.group == scope.group_id)))
            .order_by(at, TransferPayment.id))
    out = []
    for day, when, doc, method, amount, from_group, name_from, name_to in rows.tuples().execute():
        received = int(from_group) == scope.group_id
        out.append(GroupTransferPayment(day, at.python_value(when), uuid.UUID(str(doc)), method, Money(int(amount)),
                                        received, name_to if received else name_from))
    return out
