"""Online orders (LINE, Facebook) paid later: a sale with the customer's name and phone, saved unpaid or part
paid; it stays on the pending list until it is paid in full or cancelled (a void,
:func:`pos_app.selling.refunds.refund_sale` with ``void=True``).  Money received later is an
``order_payment`` document of its own (so the order's rows never change), dated the day the money arrives
(cash basis)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

import peewee as pw

from db.models import OrderPayment, Payment, Sale, database
from pos_app.books import closed
from pos_app.clock import business_date, utc_now
from pos_app.errors import InputError, NotFound
from pos_app.events import SaleCommitted, bus
from pos_app.money import Money
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.printing import slips as print_slips
from pos_app.selling.payments import PaymentIn, check_payments
from pos_app.trust.journal import record


@dataclass(frozen=True)
class PendingOrder:
    uuid: uuid.UUID
    number: int
    created_at: dt.datetime
    customer_name: str
    customer_phone: str
    total: Money  # the goods the customer keeps: the order's total less what refunds took back
    paid: Money  # paid at the till and later, less money refunds gave back

    @property
    def due(self) -> Money:
        return self.total - self.paid


def pending_orders(till_id: int | None = None) -> list[PendingOrder]:
    """Online orders not yet paid in full and not cancelled, oldest first."""
    paid = (Payment.select(Payment.sale, pw.fn.SUM(Payment.amount_satang).alias("paid")).group_by(Payment.sale))
    later = (OrderPayment.select(OrderPayment.sale_uuid, pw.fn.SUM(OrderPayment.amount_satang).alias("later"))
             .group_by(OrderPayment.sale_uuid))
    cancelled = Sale.select(Sale.refund_of).where((Sale.reversal == "void") & Sale.refund_of.is_null(False))
    query = (Sale.select(Sale, (pw.fn.COALESCE(paid.c.paid, 0) + pw.fn.COALESCE(later.c.later, 0))
                         .alias("paid_satang"))
             .join(paid, pw.JOIN.LEFT_OUTER, on=(paid.c.sale_id == Sale.id))
             .join(later, pw.JOIN.LEFT_OUTER, on=(later.c.sale_uuid == Sale.uuid))
             .where((Sale.kind == "sale") & (Sale.channel == "online") & Sale.id.not_in(cancelled))
             .order_by(Sale.created_at, Sale.id))
    if till_id is not None:
        query = query.where(Sale.till == till_id)
    returned, given = _refunded()
    out = []
    for s in query:
        kept = int(s.total_satang) + returned.get(int(s.id), 0)  # refund totals are negative
        paid_satang = int(getattr(s, "paid_satang", 0)) + given.get(int(s.id), 0)  # refund payments too
        if paid_satang < kept:
            out.append(PendingOrder(s.uuid, s.number, s.created_at, s.customer_name, s.customer_phone,
                                    Money(kept), Money(paid_satang)))
    return out


def _refunded() -> tuple[dict[int, int], dict[int, int]]:
    """Per online order (sale id): the refunds' totals (goods taken back, negative) and their payments (money
    given back, negative).  A refunded order owes only for the goods it keeps."""
    refund = Sale.alias()
    online_refund = (refund.kind == "refund") & (refund.channel == "online")
    totals = (refund.select(refund.refund_of, pw.fn.SUM(refund.total_satang))
              .where(online_refund).group_by(refund.refund_of).tuples())
    money = (Payment.select(refund.refund_of, pw.fn.SUM(Payment.amount_satang))
             .join(refund, on=(Payment.sale == refund.id)).where(online_refund).group_by(refund.refund_of).tuples())
    return _by_order(totals), _by_order(money)


def _by_order(query: object) -> dict[int, int]:
    rows = cast(Iterable[tuple[int | None, int | None]], query)
    return {int(k): int(v or 0) for k, v in rows if k is not None}


def pay_order(actor: Actor, sale_uuid: uuid.UUID, payments: list[PaymentIn], now: dt.datetime | None = None,
              confirmed_large: bool = False) -> PendingOrder:
    """Record money received for an online order (all that is due, or part of it); returns the order after."""
    require(actor.role, Action.SELL)
    when = now or utc_now()
    with database.atomic():
        order = next((o for o in pending_orders() if o.uuid == sale_uuid), None)
        if order is None:
            if Sale.get_or_none(Sale.uuid == sale_uuid) is None:
                raise NotFound("No sale {uuid}", uuid=str(sale_uuid))
            raise InputError("This order is already paid or cancelled")
        check_payments(payments, order.due, may_be_unpaid=True, confirmed_large=confirmed_large)
        sale = Sale.get(Sale.uuid == sale_uuid)
        for p in payments:  # each payment its own document
            doc = uuid.uuid4()
            closed.admit(sale.till_id, doc, "order_payment", when)  # money arriving on a closed day: refused
            OrderPayment.insert(uuid=doc, sale_uuid=sale_uuid, till=sale.till_id, method=p.method,
                                amount_satang=p.amount.satang, tendered_satang=p.cash_tendered.satang,
                                change_satang=p.change.satang, created_at=when, business_date=business_date(when),
                                received_by=actor.user_id).execute()
            record("order_payment", doc, when, {
                "order": str(sale_uuid), "number": sale.number, "user": actor.login, "at": when.isoformat(),
                "payment": [p.method, p.amount.satang, p.cash_tendered.satang, p.change.satang],
            }, till_id=sale.till_id, user_id=actor.user_id)
        after = PendingOrder(order.uuid, order.number, order.created_at, order.customer_name, order.customer_phone,
                             order.total, order.paid + sum((p.amount for p in payments), Money(0)))
        if after.due <= Money(0):  # paid in full now (for the goods it keeps): its receipt
            print_slips.queue_order_paid(sale_uuid, when)
    bus.publish(SaleCommitted(sale_uuid, sale.till_id, sale.number, 0, "order_payment"))
    return after
