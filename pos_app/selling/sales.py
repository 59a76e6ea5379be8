"""Sales and refunds: each committed in ONE transaction with its lines, payment, stock movements,
journal entry and the till's next gapless receipt number.  Never edited afterwards.

``commit_sale`` is idempotent on the cart's UUID: a second call for the same cart returns the sale
already saved (``already_saved=True``) and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

import peewee as pw

from db.models import Payment, PriceTier, Sale, SaleLine, Till, User, database
from pos_app.books import closed
from pos_app.clock import business_date, utc_now
from pos_app.errors import InputError, NotFound
from pos_app.events import SaleCommitted, StockChanged, bus
from pos_app.money import Money
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.printing import outbox as print_outbox
from pos_app.selling.cart import Cart
from pos_app.selling.catalog import DEFAULT_TIER
from pos_app.stock.ledger import Movement, on_hand_many, write_movements
from pos_app.trust.journal import record

METHODS = ("cash", "promptpay")


@dataclass(frozen=True)
class SaleResult:
    """What a commit changed: the document, and the stock it touched (item id → on hand after)."""

    uuid: uuid.UUID
    kind: str
    till_id: int
    number: int
    created_at: dt.datetime
    total: Money
    tendered: Money
    change: Money
    method: str
    stock_after: dict[int, int]
    already_saved: bool = False


def _next_number(till_id: int) -> tuple[int, int]:
    """Take the till's next receipt number inside the caller's transaction (the row stays locked until
    commit on PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises writers).  Returns (number, shop id)."""
    rows = list(Till.update(last_receipt_no=Till.last_receipt_no + 1).where(Till.id == till_id)
                .returning(Till.last_receipt_no, Till.shop).tuples().execute())
    if not rows:
        raise NotFound("No till with id {id}", id=till_id)
    number, shop_id = rows[0]
    return int(number), int(shop_id)


def _result_of(sale: Sale, already_saved: bool) -> SaleResult:
    pay = Payment.get(Payment.sale == sale)
    return SaleResult(sale.uuid, sale.kind, sale.till_id, sale.number, sale.created_at,
                      Money(sale.total_satang), Money(pay.tendered_satang), Money(pay.change_satang),
                      pay.method, {}, already_saved)


def commit_sale(actor: Actor, till_id: int, cart: Cart, tendered: Money | None = None, method: str = "cash",
                tier: str = DEFAULT_TIER, now: dt.datetime | None = None) -> SaleResult:
    """Save the cart as a sale paid by ``method``.  Cash must cover the total; PromptPay is the exact total
    (confirmed by the seller, who is recorded).  Bad input raises :class:`InputError` and writes nothing."""
    require(actor.role, Action.SELL)
    if method not in METHODS:
        raise InputError("Unknown payment method {method}", method=method)
    if cart.is_empty:
        raise InputError("The sale has no items")
    total = cart.total
    tendered = total if tendered is None or method == "promptpay" else tendered
    change = cart.change_for(tendered)
    when = now or utc_now()
    try:
        with database.atomic():
            closed.admit(till_id, cart.uuid, "sale", when)  # a closed day: refused, or a late arrival
            number, shop_id = _next_number(till_id)
            sale_id = Sale.insert(uuid=cart.uuid, kind="sale", till=till_id, number=number, seller=actor.user_id,
                                  tier=PriceTier.select(PriceTier.id).where(PriceTier.code == tier),
                                  created_at=when, business_date=business_date(when),
                                  total_satang=total.satang).execute()
            SaleLine.insert_many([
                dict(sale=sale_id, line_no=i + 1, item=line.item.id, quantity=line.quantity,
                     unit_price_satang=line.item.price.satang, per_quantity=line.item.per_quantity,
                     amount_satang=line.amount.satang)
                for i, line in enumerate(cart.lines)
            ]).execute()
            Payment.insert(uuid=uuid.uuid4(), sale=sale_id, method=method, amount_satang=total.satang,
                           tendered_satang=tendered.satang, change_satang=change.satang,
                           confirmed_by=actor.user_id if method == "promptpay" else None).execute()
            items = write_movements("sale", shop_id, cart.uuid,
                                    [Movement(line.item.id, -line.quantity) for line in cart.lines],
                                    when, actor.user_id)
            record("sale", cart.uuid, when, {
                "number": number, "till": till_id, "user": actor.login, "at": when.isoformat(),
                "total": total.satang, "payment": [method, total.satang, tendered.satang, change.satang],
                "lines": [[line.item.sku, line.quantity, line.item.price.satang, line.amount.satang]
                          for line in cart.lines],
            }, till_id=till_id, user_id=actor.user_id)
            stock_after = on_hand_many(items, shop_id)
            print_outbox.enqueue_receipt(cart.uuid, till_id, when)
    except pw.IntegrityError:
        # Saved already (a double click, a retry after a lost reply)?  The UNIQUE uuid says so: no-op.
        existing = Sale.get_or_none(Sale.uuid == cart.uuid)
        if existing is None:
            raise
        return _result_of(existing, already_saved=True)
    result = SaleResult(cart.uuid, "sale", till_id, number, when, total, tendered, change, method, stock_after)
    bus.publish(SaleCommitted(cart.uuid, till_id, number, total.satang, "sale"))
    bus.publish(StockChanged(shop_id, tuple(items)))
    return result


def refund_sale(actor: Actor, till_id: int, sale_uuid: uuid.UUID, reason: str,
                now: dt.datetime | None = None, refund_uuid: uuid.UUID | None = None) -> SaleResult:
    """Refund a whole sale in cash, as a new document pointing back at it; the goods return to stock."""
    require(actor.role, Action.REFUND)
    if not reason.strip():
        raise InputError("A refund needs a reason")
    when = now or utc_now()
    doc = refund_uuid or uuid.uuid4()
    with database.atomic():
        existing = Sale.get_or_none(Sale.uuid == doc)
        if existing is not None:
            return _result_of(existing, already_saved=True)
        original = Sale.get_or_none((Sale.uuid == sale_uuid) & (Sale.kind == "sale"))
        if original is None:
            raise NotFound("No sale {uuid}", uuid=str(sale_uuid))
        if Sale.select().where(Sale.refund_of == original).exists():
            raise InputError("Receipt {number} has already been refunded", number=original.number)
        closed.admit(till_id, doc, "refund", when)  # a closed day: refused, or a late arrival
        lines = list(SaleLine.select().where(SaleLine.sale == original).order_by(SaleLine.line_no))
        total = -original.total_satang
        number, shop_id = _next_number(till_id)
        refund = Sale.create(uuid=doc, kind="refund", till=till_id, number=number, seller=actor.user_id,
                             tier=original.tier_id, created_at=when, business_date=business_date(when),
                             total_satang=total, refund_of=original, note=reason.strip()[:500])
        SaleLine.insert_many([
            dict(sale=refund, line_no=line.line_no, item=line.item_id, quantity=-line.quantity,
                 unit_price_satang=line.unit_price_satang, per_quantity=line.per_quantity,
                 amount_satang=-line.amount_satang) for line in lines
        ]).execute()
        Payment.create(uuid=uuid.uuid4(), sale=refund, method="cash", amount_satang=total,
                       tendered_satang=total, change_satang=0)
        items = write_movements("refund", shop_id, doc,
                                [Movement(line.item_id, line.quantity) for line in lines], when, actor.user_id)
        record("refund", doc, when, {
            "number": number, "till": till_id, "user": actor.login, "at": when.isoformat(),
            "total": total, "refund_of": str(original.uuid), "reason": reason.strip(),
            "lines": [[line.item_id, -line.quantity, -line.amount_satang] for line in lines],
        }, till_id=till_id, user_id=actor.user_id)
        stock_after = on_hand_many(items, shop_id)
        print_outbox.enqueue_receipt(doc, till_id, when)
    result = SaleResult(doc, "refund", till_id, number, when, Money(total), Money(total), Money(0), "cash",
                        stock_after)
    bus.publish(SaleCommitted(doc, till_id, number, total, "refund"))
    bus.publish(StockChanged(shop_id, tuple(items)))
    return result


@dataclass(frozen=True)
class SaleSummary:
    uuid: uuid.UUID
    kind: str
    number: int
    created_at: dt.datetime
    seller: str
    total: Money
    method: str
    line_count: int


def sales_of_day(day: dt.date, till_id: int | None = None) -> list[SaleSummary]:
    """The day's sales and refunds (Bangkok calendar day), newest first."""
    lines = SaleLine.select(pw.fn.COUNT(SaleLine.id)).where(SaleLine.sale == Sale.id)
    query = (Sale.select(Sale.uuid, Sale.kind, Sale.number, Sale.created_at, User.display_name,
                         Sale.total_satang, Payment.method, lines.alias("line_count"))
             .join(User, on=(Sale.seller == User.id)).switch(Sale)
             .join(Payment, on=(Payment.sale == Sale.id))
             .where(Sale.business_date == day)
             .order_by(Sale.created_at.desc(), Sale.id.desc()))
    if till_id is not None:
        query = query.where(Sale.till == till_id)
    created_at = Sale.created_at  # converts the stored UTC text back to an aware instant
    return [SaleSummary(u, kind, number, created_at.python_value(at), seller, Money(total), method, int(n))
            for u, kind, number, at, seller, total, method, n in cast(Iterable[tuple[Any, ...]], query.tuples())]
