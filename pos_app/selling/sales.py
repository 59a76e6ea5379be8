"""Sales: each committed in ONE transaction with its lines, payments, stock movements, journal entry and the
till's next gapless receipt number.  Never edited afterwards (refunds and voids: :mod:`.refunds`).

``commit_sale`` is idempotent on the cart's UUID: a second call for the same cart returns the sale
already saved (``already_saved=True``) and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import peewee as pw

from db.models import Payment, Sale, SaleLine, Till, database
from pos_app import statements
from pos_app.books import closed
from pos_app.clock import business_date, utc_now
from pos_app.errors import InputError, NotFound
from pos_app.events import SaleCommitted, StockChanged, bus
from pos_app.money import ZERO, Money
from pos_app.people.permissions import Action, can, require
from pos_app.people.users import Actor
from pos_app.printing import outbox as print_outbox
from pos_app.selling.cart import Cart
from pos_app.selling.discounts import check_discount
from pos_app.selling.payments import PaymentIn, check_payments
from pos_app.stock.ledger import Movement, Pick, Shortfall, on_hand_many, write_movements
from pos_app.stock.lots import lot_by_label
from pos_app.trust import audit
from pos_app.trust.journal import record


@dataclass(frozen=True)
class SaleResult:
    """What a commit changed: the document, its payments, and the stock it touched (item id → on hand)."""

    uuid: uuid.UUID
    kind: str
    till_id: int
    number: int
    created_at: dt.datetime
    total: Money
    tendered: Money
    change: Money
    method: str  # the one method, "mixed" for a split payment, "" when not paid yet
    stock_after: dict[int, int]
    already_saved: bool = False
    paid: Money = ZERO
    payments: tuple[PaymentIn, ...] = ()
    shortfalls: tuple[Shortfall, ...] = ()  # sold past what the books showed (policy "warn")


def next_number(till_id: int) -> tuple[int, int]:
    """Take the till's next receipt number inside the caller's transaction (the row stays locked until
    commit on PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises writers).  Returns (number, shop id)."""
    number, shop_id, _code = _next_number_and_code(till_id)
    return number, shop_id


def _next_number_and_code(till_id: int) -> tuple[int, int, str]:
    """:func:`next_number` and the till's code (what the journal names it by), in the same statement."""
    rows = statements.rows('UPDATE "till" SET "last_receipt_no" = "last_receipt_no" + 1 WHERE "id" = ? '
                           'RETURNING "last_receipt_no", "shop_id", "code"', (till_id,))
    if not rows:
        raise NotFound("No till with id {id}", id=till_id)
    number, shop_id, code = rows[0]
    return int(number), int(shop_id), str(code)


def method_of(payments: tuple[PaymentIn, ...] | list[PaymentIn]) -> str:
    methods = {p.method for p in payments}
    return "" if not methods else methods.pop() if len(methods) == 1 else "mixed"


def result_of(sale: Sale, already_saved: bool) -> SaleResult:
    pays = tuple(PaymentIn(p.method, Money(p.amount_satang), Money(p.tendered_satang))
                 for p in Payment.select().where(Payment.sale == sale).order_by(Payment.id))
    paid = sum((p.amount for p in pays), ZERO)
    tendered = sum((p.cash_tendered for p in pays), ZERO)
    change = sum((p.change for p in pays), ZERO)
    return SaleResult(sale.uuid, sale.kind, sale.till_id, sale.number, sale.created_at,
                      Money(sale.total_satang), tendered, change, method_of(pays), {}, already_saved, paid, pays)


def expired_ok_by(cart: Cart, pick: Pick) -> Actor:
    """The manager who let ``pick``'s expired lot be sold: the one recorded on the line naming that lot by any
    of its labels (the number in any letter case, its UUID), not only as the lot's number is written."""
    return next(line.expired_ok_by for line in cart.lines
                if line.expired_ok_by is not None and line.item.id == pick.item_id and line.lot.strip()
                and lot_by_label(line.lot).id == pick.lot_id)


def insert_payments(sale_id: int, payments: list[PaymentIn], when: dt.datetime, actor: Actor) -> None:
    if payments:
        statements.insert(Payment, [
            dict(uuid=uuid.uuid4(), sale=sale_id, method=p.method, amount_satang=p.amount.satang,
                 tendered_satang=p.cash_tendered.satang, change_satang=p.change.satang,
                 confirmed_by=actor.user_id if p.method != "cash" else None,
                 created_at=when, business_date=business_date(when), received_by=actor.user_id)
            for p in payments])


def commit_sale(actor: Actor, till_id: int, cart: Cart, tendered: Money | None = None, method: str = "cash",
                tier: str | None = None, now: dt.datetime | None = None, *,
                payments: list[PaymentIn] | None = None, approved_by: Actor | None = None,
                confirmed_large: bool = False) -> SaleResult:
    """Save the cart as a sale.  Either ``payments`` (split: cash, PromptPay, transfer), or one ``method``
    for the whole total (cash with ``tendered``; PromptPay confirmed by the seller, who is recorded).
    An online order (``cart.channel == "online"``, with the customer's name and phone) may be saved unpaid.
    A discount above the seller's limit needs ``approved_by`` (a manager who typed their PIN).
    Bad input raises :class:`InputError` and writes nothing."""
    require(actor.role, Action.SELL)
    if cart.is_empty:
        raise InputError("The sale has no items")
    total = cart.total
    if payments is None:
        amount_tendered = total if tendered is None or method != "cash" else tendered
        payments = [PaymentIn(method, total, amount_tendered if method == "cash" else None)] if total else []
    online = cart.channel == "online"
    if online and not (cart.customer_name and cart.customer_phone):
        raise InputError("An online order needs the customer's name and phone")
    check_payments(payments, total, may_be_unpaid=online or total == ZERO, confirmed_large=confirmed_large)
    # the shop's discount limit is looked up only when there is a discount to judge
    shop_of_till = Till.select(Till.shop).where(Till.id == till_id).scalar() if cart.discount_total != ZERO else None
    approver = check_discount(actor, cart, approved_by, shop_of_till)
    for line in cart.lines:
        if line.expired_ok_by is not None and not can(line.expired_ok_by.role, Action.SELL_EXPIRED):
            require(line.expired_ok_by.role, Action.SELL_EXPIRED)
    when = now or utc_now()
    tier_code = tier or cart.tier
    try:
        with database.atomic():
            number, shop_id, till_code = _next_number_and_code(till_id)
            closed.admit_to_shop(shop_id, cart.uuid, "sale", when)  # a closed day: refused, or a late arrival
            tier_row = statements.rows('SELECT "id" FROM "price_tier" WHERE "code" = ?', (tier_code,))
            if not tier_row:  # (a sale always names its tier: a raw NOT NULL error before)
                raise NotFound("No price tier {tier}", tier=tier_code)
            sale_id = statements.insert(Sale, [dict(
                uuid=cart.uuid, kind="sale", till=till_id, number=number, seller=actor.user_id,
                tier=tier_row[0][0], created_at=when, business_date=business_date(when),
                total_satang=total.satang, channel=cart.channel, customer_name=cart.customer_name[:200],
                customer_phone=cart.customer_phone[:32], discount_satang=cart.discount.satang,
                discount_approved_by=approver.user_id if approver else None, note=cart.note[:500])],
                returning_id=True)[0]
            amounts = [line.amount.satang for line in cart.lines]  # (each a multiplication and a rounding)
            statements.insert(SaleLine, [
                dict(sale=sale_id, line_no=i + 1, item=line.item.id, quantity=line.quantity,
                     unit_price_satang=line.item.price.satang, per_quantity=line.item.per_quantity,
                     amount_satang=amount, discount_satang=line.discount.satang)
                for i, (line, amount) in enumerate(zip(cart.lines, amounts, strict=True))])
            insert_payments(sale_id, payments, when, actor)
            items = write_movements("sale", shop_id, cart.uuid,
                                    [Movement(line.item.id, -line.quantity, lot=line.lot,
                                              allow_expired=line.expired_ok_by is not None)
                                     for line in cart.lines],
                                    when, actor.user_id)
            for pick in items.picks:  # who let an expired lot be sold, when, which lot: in the audit log
                if pick.expired_override:
                    by = expired_ok_by(cart, pick)
                    audit.log("override", by.user_id, subject=by.login,
                              till_id=till_id, when=when, action=Action.SELL_EXPIRED.value, for_user=actor.login,
                              lot=pick.lot_number, quantity=-pick.quantity, sale=str(cart.uuid))
            record("sale", cart.uuid, when, {
                "number": number, "till": till_code, "user": actor.login, "at": when.isoformat(),
                "total": total.satang, "discount": cart.discount.satang, "channel": cart.channel,
                "payments": [[p.method, p.amount.satang, p.cash_tendered.satang, p.change.satang] for p in payments],
                "lines": [[line.item.sku, line.quantity, line.item.price.satang, amount, line.discount.satang]
                          for line, amount in zip(cart.lines, amounts, strict=True)],
            }, till_id=till_id, user_id=actor.user_id)
            stock_after = on_hand_many(items, shop_id)
            print_outbox.enqueue_receipt(cart.uuid, till_id, when)
    except pw.IntegrityError:
        # Saved already (a double click, a retry after a lost reply)?  The UNIQUE uuid says so: no-op.
        existing = Sale.get_or_none(Sale.uuid == cart.uuid)
        if existing is None:
            raise
        return result_of(existing, already_saved=True)
    pays = tuple(payments)
    result = SaleResult(cart.uuid, "sale", till_id, number, when, total,
                        sum((p.cash_tendered for p in pays), ZERO), sum((p.change for p in pays), ZERO),
                        method_of(pays), stock_after, False, sum((p.amount for p in pays), ZERO), pays,
                        items.shortfalls)
    bus.publish(SaleCommitted(cart.uuid, till_id, number, total.satang, "sale"))
    bus.publish(StockChanged(shop_id, tuple(items)))
    return result
