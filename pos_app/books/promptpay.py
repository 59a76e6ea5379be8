"""PromptPay tick-off: a personal PromptPay account gives the till no confirmation, so the seller confirms
by hand and the treasurer ticks each payment off against the bank app.  Ticks are append-only: a tick made
by mistake stays, with who made it and when, and is taken back by a reversing row (:func:`untick`, with a
reason); the payment may then be ticked again.  An unticked payment is flagged on the Z report."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

import peewee as pw

from db.models import Payment, Sale, Till, User, database
from db.models.books import PromptPayCheck, PromptPayUncheck
from pos_app.books.events import PromptPayChecked
from pos_app.clock import utc_now
from pos_app.errors import InputError
from pos_app.events import bus
from pos_app.money import Money
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.trust.journal import record


@dataclass(frozen=True)
class PromptPayRow:
    payment_uuid: uuid.UUID
    till_code: str
    receipt_no: int
    at: dt.datetime
    amount: Money
    confirmed_by: str
    ticked: bool


def promptpay_of_day(day: dt.date, shop_id: int | None = None, till_id: int | None = None) -> list[PromptPayRow]:
    """Every PromptPay payment of the day (oldest first), with whether it has been ticked off."""
    confirmer = User.alias()
    ticked = pw.fn.EXISTS(_standing_ticks().where(PromptPayCheck.payment_uuid == Payment.uuid))
    query = (Payment.select(Payment.uuid, Till.code, Sale.number, Sale.created_at, Payment.amount_satang,
                            confirmer.display_name, ticked)
             .join(Sale, on=(Payment.sale == Sale.id)).join(Till, on=(Sale.till == Till.id))
             .join(confirmer, join_type=pw.JOIN.LEFT_OUTER, on=(Payment.confirmed_by == confirmer.id))
             .where((Payment.method == "promptpay") & (Sale.business_date == day))
             .order_by(Sale.created_at, Payment.id))
    if shop_id is not None:
        query = query.where(Till.shop == shop_id)
    if till_id is not None:
        query = query.where(Sale.till == till_id)
    at = Sale.created_at
    return [PromptPayRow(u, code, number, at.python_value(when), Money(amount), name or "", bool(check))
            for u, code, number, when, amount, name, check in query.tuples().execute()]


def _standing_ticks() -> pw.ModelSelect[PromptPayCheck]:
    """The ticks not taken back."""
    return PromptPayCheck.select(PromptPayCheck.uuid).where(~pw.fn.EXISTS(
        PromptPayUncheck.select(PromptPayUncheck.id).where(PromptPayUncheck.check_uuid == PromptPayCheck.uuid)))


def tick(actor: Actor, payment_uuids: Iterable[uuid.UUID], now: dt.datetime | None = None) -> int:
    """Tick PromptPay payments off as seen in the bank app; returns how many were newly ticked."""
    require(actor.role, Action.CLOSE_DAY)
    wanted = list(dict.fromkeys(payment_uuids))
    when = now or utc_now()
    with database.atomic():
        found = {p.uuid: p for p in Payment.select().where(Payment.uuid.in_(wanted))}
        for u in wanted:
            if u not in found:
                raise InputError("No payment {uuid}", uuid=str(u))
            if found[u].method != "promptpay":
                raise InputError("Payment {uuid} is not a PromptPay payment", uuid=str(u))
        done = {uuid.UUID(str(c)) for (c,) in _standing_ticks().select(PromptPayCheck.payment_uuid)
                .where(PromptPayCheck.payment_uuid.in_(wanted)).tuples().execute()}
        new = [found[u] for u in wanted if u not in done]
        for p in new:
            doc = uuid.uuid4()
            PromptPayCheck.create(uuid=doc, payment_uuid=p.uuid, checked_by=actor.user_id, checked_at=when)
            record("promptpay_check", doc, when, {"payment": str(p.uuid), "user": actor.login,
                                                  "at": when.isoformat(), "amount": p.amount_satang},
                   user_id=actor.user_id)
    bus.publish(PromptPayChecked(tuple(p.uuid for p in new)))
    return len(new)


def untick(actor: Actor, payment_uuid: uuid.UUID, reason: str, now: dt.datetime | None = None) -> uuid.UUID:
    """Take back a tick made by mistake: a reversing row naming the tick, with who, when and why (the tick
    itself is never changed).  Returns the reversing row's UUID."""
    require(actor.role, Action.CLOSE_DAY)
    reason = reason.strip()
    if not reason:
        raise InputError("Say why (a reason is needed)")
    when = now or utc_now()
    with database.atomic():
        standing = _standing_ticks().where(PromptPayCheck.payment_uuid == payment_uuid).first()
        if standing is None:
            raise InputError("Payment {uuid} is not ticked off", uuid=str(payment_uuid))
        doc = uuid.uuid4()
        PromptPayUncheck.create(uuid=doc, check_uuid=standing.uuid, payment_uuid=payment_uuid,
                                unchecked_by=actor.user_id, unchecked_at=when, reason=reason[:500])
        record("promptpay_uncheck", doc, when, {"check": str(standing.uuid), "payment": str(payment_uuid),
                                                "user": actor.login, "at": when.isoformat(), "reason": reason},
               user_id=actor.user_id)
    bus.publish(PromptPayChecked((payment_uuid,)))
    return doc
