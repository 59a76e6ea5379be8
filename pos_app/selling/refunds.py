"""Refunds and voids: a new document pointing back at the sale, never an edit of it.

* A **refund** gives back all or some of a sale's lines (quantities up to what is left unrefunded), with a
  reason, approved by a person who may refund (the treasurer, or a manager's PIN at the till).  Goods go back
  to stock, or to waste when spoiled (a refund movement then a waste movement, both recorded).  It is dated
  today, even when the sale's day is closed.
* A **void** cancels a whole sale of today that nothing has been refunded from (or an online order not yet
  paid in full, of any day), with a manager; it is a refund document marked ``reversal="void"``.

The money back for a line is its share of what was paid: each line's paid amount is its net
(amount − line discount) less its share of the sale's discount (shares by net, HALF_UP, the last line
takes the remainder so the shares add up exactly); refunding q of the Q units left gives
paid-left × q ÷ Q, HALF_UP, and the last units take exactly what is left.  Refund lines carry the money
back as a negative amount with no discount, so refunds add up without discount arithmetic.  The money paid
back is that amount, but never more than the customer paid (at the till and later, for an online order)
less what earlier refunds gave back: an unpaid online order gives nothing back, a part-paid one its part.

:func:`plan_refund` works all of that out without writing anything (the till shows it as the quantities
change); :func:`refund_sale` saves what it says, so the figure shown and the figure saved cannot differ.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

import peewee as pw

from db.models import OrderPayment, Payment, Sale, SaleLine, database
from pos_app.books import closed
from pos_app.clock import business_date, today, utc_now
from pos_app.errors import InputError, NotFound
from pos_app.events import SaleCommitted, StockChanged, bus
from pos_app.money import Money, Rounding
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.printing import outbox as print_outbox
from pos_app.selling.payments import PaymentIn
from pos_app.selling.sales import SaleResult, insert_payments, next_number, result_of
from pos_app.stock.ledger import Movement, on_hand_many, write_movements
from pos_app.trust import names
from pos_app.trust.journal import record


def paid_shares(nets: list[int], sale_discount: int) -> list[int]:
    """Each line's share of what the customer paid (satang): net − its share of the sale discount."""
    subtotal = sum(nets)
    if subtotal == 0 or sale_discount == 0:
        return list(nets)
    shares, given = [], 0
    for i, net in enumerate(nets):
        if i == len(nets) - 1:
            part = sale_discount - given
        else:
            part = Money(sale_discount).times_fraction(net, subtotal, Rounding.HALF_UP).satang
        given += part
        shares.append(net - part)
    return shares


def refundable(sale: Sale) -> dict[int, tuple[SaleLine, int, int]]:
    """line_no → (line, quantity left, money left in satang) of a sale."""
    lines = list(SaleLine.select().where(SaleLine.sale == sale).order_by(SaleLine.line_no))
    shares = paid_shares([ln.amount_satang - ln.discount_satang for ln in lines], sale.discount_satang)
    out = {ln.line_no: (ln, ln.quantity, share) for ln, share in zip(lines, shares, strict=True)}
    done = (SaleLine.select(SaleLine.refund_of_line_no, SaleLine.quantity, SaleLine.amount_satang)
            .join(Sale).where(Sale.refund_of == sale))
    for row in done:
        line, qty, money = out[int(row.refund_of_line_no or 0)]
        out[line.line_no] = (line, qty + row.quantity, money + row.amount_satang)
    return out


def paid_in(sale: Sale) -> int:
    """What the customer paid for ``sale`` (satang): at the till, and later for an online order."""
    at_till = sum(p.amount_satang for p in sale.payments)
    later = sum(p.amount_satang for p in OrderPayment.select().where(OrderPayment.sale_uuid == sale.uuid))
    return int(at_till + later)


def given_back(sale: Sale) -> int:
    """The money already paid back (satang, positive) by the refunds and voids of ``sale``."""
    return -int(sum(p.amount_satang for p in Payment.select().join(Sale).where(Sale.refund_of == sale)))


@dataclass(frozen=True)
class RefundPlan:
    """What a refund of chosen lines comes to, worked out before anything is written.  The dialog shows it
    as the quantities change; :func:`refund_sale` saves exactly this, so the two can never differ."""

    lines: tuple[tuple[SaleLine, int, int], ...]  # (sale line, quantity back, its money in satang)
    value: Money  # what the goods coming back were worth (what the customer paid for them)
    back: Money  # the money paid back: the value, but never more than was paid and not yet given back
    method: str  # how the money goes back ("" when none does)


def plan_refund(original: Sale, lines: Mapping[int, int] | None = None, *, void: bool = False,
                method: str = "cash") -> RefundPlan:
    """The refund of ``lines`` (line_no → quantity; all that is left when ``None``) of ``original``, or its
    void: refused with the same :class:`InputError` the save gives; reads only, writes nothing."""
    if method not in ("cash", "transfer"):
        raise InputError("Money goes back in cash or by transfer")
    left = refundable(original)
    paid = paid_in(original)
    if void:
        unpaid_order = original.channel == "online" and paid < original.total_satang  # cancelled any day
        if original.business_date != today() and not unpaid_order:
            raise InputError("Only today's sales can be voided; give a refund instead")
        if any(qty != line.quantity for line, qty, _m in left.values()):
            raise InputError("Receipt {number} has refunds already; it cannot be voided", number=original.number)
        lines = None
    wanted = {n: qty for n, (_l, qty, _m) in left.items() if qty > 0} if lines is None else dict(lines)
    if not wanted or all(q == 0 for q in wanted.values()):
        raise InputError("Receipt {number} has nothing left to refund", number=original.number)
    out: list[tuple[SaleLine, int, int]] = []
    for line_no, qty in sorted(wanted.items()):
        if line_no not in left:
            raise InputError("Receipt {number} has no line {line}", number=original.number, line=line_no)
        line, qty_left, money_left = left[line_no]
        if isinstance(qty, bool) or not isinstance(qty, int) or qty < 0:
            raise InputError("The quantity must be more than zero")
        if qty > qty_left:
            raise InputError("Only {left} of line {line} can still be refunded", left=qty_left, line=line_no)
        if qty:
            money = money_left if qty == qty_left else \
                Money(money_left).times_fraction(qty, qty_left, Rounding.HALF_UP).satang
            out.append((line, qty, money))
    value = sum(money for _l, _q, money in out)
    # the money back is this refund's value, but never more than the customer has paid (net of earlier
    # refunds) beyond the goods kept: an unpaid online order gives nothing back and its due falls; a part
    # paid one first settles what the kept goods cost
    earlier = int(Sale.select(pw.fn.SUM(Sale.total_satang)).where(Sale.refund_of == original).scalar() or 0)
    kept = original.total_satang + earlier - value
    back = max(0, min(value, paid - given_back(original) - kept))
    return RefundPlan(tuple(out), Money(value), Money(back), method if back else "")


def refund_sale(actor: Actor, till_id: int, sale_uuid: uuid.UUID, reason: str,
                now: dt.datetime | None = None, refund_uuid: uuid.UUID | None = None, *,
                lines: Mapping[int, int] | None = None, to_waste: frozenset[int] = frozenset(),
                method: str = "cash", approved_by: Actor | None = None, void: bool = False) -> SaleResult:
    """Refund ``lines`` (line_no → quantity; all that is left when ``None``) of a sale, or void it.
    ``approved_by`` is the manager who typed their PIN when ``actor`` may not refund/void themselves."""
    action = Action.VOID if void else Action.REFUND
    require((approved_by or actor).role, action)
    if not reason.strip():
        raise InputError("A refund needs a reason")
    when = now or utc_now()
    doc = refund_uuid or uuid.uuid4()
    with database.atomic():
        existing = Sale.get_or_none(Sale.uuid == doc)
        if existing is not None:
            return result_of(existing, already_saved=True)
        original = Sale.get_or_none((Sale.uuid == sale_uuid) & (Sale.kind == "sale"))
        if original is None:
            raise NotFound("No sale {uuid}", uuid=str(sale_uuid))
        closed.admit(till_id, doc, "void" if void else "refund", when)  # closed day: refused or late arrival
        plan = plan_refund(original, lines, void=void, method=method)
        out, total = plan.lines, -plan.value.satang
        number, shop_id = next_number(till_id)
        refund = Sale.create(uuid=doc, kind="refund", till=till_id, number=number, seller=actor.user_id,
                             tier=original.tier_id, created_at=when, business_date=business_date(when),
                             total_satang=total, refund_of=original, note=reason.strip()[:500],
                             channel=original.channel, customer_name=original.customer_name,
                             customer_phone=original.customer_phone, reversal="void" if void else "refund",
                             discount_approved_by=approved_by.user_id if approved_by else None)
        SaleLine.insert_many([
            dict(sale=refund, line_no=i + 1, item=line.item_id, quantity=-qty,
                 unit_price_satang=line.unit_price_satang, per_quantity=line.per_quantity,
                 amount_satang=-money, discount_satang=0, refund_of_line_no=line.line_no)
            for i, (line, qty, money) in enumerate(out)
        ]).execute()
        payments = [PaymentIn(plan.method, -plan.back)] if plan.method else []
        insert_payments(refund.id, payments, when, actor)
        moves = [Movement(line.item_id, qty) for line, qty, _m in out]
        items = write_movements("refund", shop_id, doc, moves, when, actor.user_id)
        spoiled = [Movement(line.item_id, -qty) for line, qty, _m in out if line.line_no in to_waste]
        if spoiled:
            write_movements("waste", shop_id, doc, spoiled, when, actor.user_id)
        record("void" if void else "refund", doc, when, {
            "number": number, "till": names.till(till_id), "user": actor.login, "at": when.isoformat(),
            "total": total, "refund_of": str(original.uuid), "reason": reason.strip(),
            "approved_by": approved_by.login if approved_by else "",
            "payments": [[p.method, p.amount.satang] for p in payments],
            "lines": [[line.line_no, -qty, -money, line.line_no in to_waste] for line, qty, money in out],
        }, till_id=till_id, user_id=actor.user_id)
        stock_after = on_hand_many(items, shop_id)
        print_outbox.enqueue_receipt(doc, till_id, when)
    result = SaleResult(doc, "refund", till_id, number, when, Money(total), Money(total), Money(0),
                        plan.method, stock_after, False, -plan.back, tuple(payments))
    bus.publish(SaleCommitted(doc, till_id, number, total, "refund"))
    bus.publish(StockChanged(shop_id, tuple(items)))
    return result
