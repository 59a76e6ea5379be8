"""Shifts and the cash drawer.

The one formula of the drawer (:func:`expected_cash`)::

    expected cash = float + cash received − change given − cash refunds + cash in − cash out

"cash received" is what customers handed over for cash payments (``tendered``; sales and money paid later
for online orders at this till), "change given" what went
back to them, "cash refunds" what was paid back in cash on refunds and voids.  A shift's documents are the
till's payments made between its opening and its close.  Over/short = counted − expected (positive: over).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

import peewee as pw

from db.models import OrderPayment, Payment, Sale, Till, User, database
from db.models.books import CASH_CATEGORIES, CASH_DIRECTIONS, CashMovement, Shift, ShiftClose
from pos_app.books import denominations
from pos_app.books.closed import admit
from pos_app.books.events import CashMoved, ShiftChanged
from pos_app.books.open_shift import open_shift_of as open_shift_of  # re-exported: screens and tests ask cash
from pos_app.clock import business_date, utc_now
from pos_app.errors import InputError, NotFound
from pos_app.events import bus
from pos_app.money import Money
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.trust import names
from pos_app.trust.journal import record


def expected_cash(float_: Money, received: Money, change: Money, refunds: Money, cash_in: Money,
                  cash_out: Money) -> Money:
    """float + cash received − change given − cash refunds + cash in − cash out (all amounts ≥ 0)."""
    return float_ + received - change - refunds + cash_in - cash_out


@dataclass(frozen=True)
class Drawer:
    """The figures of a drawer over a shift (or a till's day)."""

    float: Money
    received: Money
    change: Money
    refunds: Money
    cash_in: Money
    cash_out: Money

    @property
    def expected(self) -> Money:
        return expected_cash(self.float, self.received, self.change, self.refunds, self.cash_in, self.cash_out)

    @property
    def net_cash_sales(self) -> Money:
        return self.received - self.change - self.refunds


@dataclass(frozen=True)
class ShiftInfo:
    uuid: uuid.UUID
    id: int
    till_id: int
    number: int
    opened_by: str
    opened_at: dt.datetime
    business_date: dt.date
    float: Money
    closed_at: dt.datetime | None = None


@dataclass(frozen=True)
class ShiftClosed:
    shift: ShiftInfo
    drawer: Drawer
    counted: Money
    over_short: Money  # counted − expected: positive over, negative short
    was_counted: bool


def _info(shift: Shift, closed_at: dt.datetime | None = None) -> ShiftInfo:
    name = User.select(User.display_name).where(User.id == shift.opened_by_id).scalar() or ""
    return ShiftInfo(shift.uuid, shift.id, shift.till_id, shift.number, name, shift.opened_at,
                     shift.business_date, Money(shift.float_satang), closed_at)


def current_shift(till_id: int) -> ShiftInfo | None:
    shift = open_shift_of(till_id)
    return None if shift is None else _info(shift)


def open_shift(actor: Actor, till_id: int, count: Mapping[int, str | int], now: dt.datetime | None = None,
               shift_uuid: uuid.UUID | None = None) -> ShiftInfo:
    """Open a shift on the till with a float counted by denomination."""
    require(actor.role, Action.HANDLE_CASH)
    pieces = denominations.parse_count(count)
    when = now or utc_now()
    doc = shift_uuid or uuid.uuid4()
    with database.atomic():
        if not Till.select().where(Till.id == till_id).exists():
            raise NotFound("No till with id {id}", id=till_id)
        if open_shift_of(till_id) is not None:
            raise InputError("A shift is already open on this till; close it before opening another")
        admit(till_id, doc, "shift", when)
        number = int(Shift.select(pw.fn.COALESCE(pw.fn.MAX(Shift.number), 0)).where(Shift.till == till_id)
                     .scalar()) + 1
        shift = Shift.create(uuid=doc, till=till_id, number=number, opened_by=actor.user_id, opened_at=when,
                             business_date=business_date(when), float_satang=denominations.total(pieces).satang,
                             float_count=denominations.to_json(pieces))
        record("shift", doc, when, {"till": names.till(till_id), "number": number, "user": actor.login,
                                    "at": when.isoformat(), "float": shift.float_satang, "count": shift.float_count},
               till_id=till_id, user_id=actor.user_id)
    info = _info(shift)
    bus.publish(ShiftChanged(till_id, doc, False))
    return info


def _cash_payments(till_id: int, start: dt.datetime, end: dt.datetime | None) -> tuple[int, int, int]:
    """(received, change, refunds) in satang of the till's cash payments in [start, end)."""
    where = (Sale.till == till_id) & (Sale.created_at >= start) & (Payment.method == "cash")
    if end is not None:
        where &= Sale.created_at < end
    paid_in = pw.Case(None, [(Payment.amount_satang > 0, Payment.tendered_satang)], 0)
    change = pw.Case(None, [(Payment.amount_satang > 0, Payment.change_satang)], 0)
    paid_back = pw.Case(None, [(Payment.amount_satang < 0, 0 - Payment.amount_satang)], 0)
    row = (Payment.select(pw.fn.COALESCE(pw.fn.SUM(paid_in), 0), pw.fn.COALESCE(pw.fn.SUM(change), 0),
                          pw.fn.COALESCE(pw.fn.SUM(paid_back), 0))
           .join(Sale, on=(Payment.sale == Sale.id)).where(where).tuples().first())
    assert row is not None
    # Cash paid later for online orders at this till is cash received too.
    later = (OrderPayment.till == till_id) & (OrderPayment.created_at >= start) & (OrderPayment.method == "cash")
    if end is not None:
        later &= OrderPayment.created_at < end
    extra = (OrderPayment.select(pw.fn.COALESCE(pw.fn.SUM(OrderPayment.tendered_satang), 0),
                                 pw.fn.COALESCE(pw.fn.SUM(OrderPayment.change_satang), 0))
             .where(later).tuples().first())
    assert extra is not None
    return int(row[0]) + int(extra[0]), int(row[1]) + int(extra[1]), int(row[2])


def _cash_moves(shift_uuid: uuid.UUID) -> tuple[int, int]:
    rows = dict(CashMovement.select(CashMovement.direction, pw.fn.SUM(CashMovement.amount_satang))
                 .where(CashMovement.shift_uuid == shift_uuid).group_by(CashMovement.direction).tuples().execute())
    return int(rows.get("in", 0) or 0), int(rows.get("out", 0) or 0)


def drawer_of(shift: Shift, end: dt.datetime | None = None) -> Drawer:
    received, change, refunds = _cash_payments(shift.till_id, shift.opened_at, end)
    cash_in, cash_out = _cash_moves(shift.uuid)
    return Drawer(Money(shift.float_satang), Money(received), Money(change), Money(refunds), Money(cash_in),
                  Money(cash_out))


def close_shift(actor: Actor, till_id: int, count: Mapping[int, str | int] | None, note: str = "",
                now: dt.datetime | None = None) -> ShiftClosed:
    """Close the till's open shift with the drawer counted by denomination.  Over or short needs a note.
    ``count=None`` closes it uncounted (only the day close does this, when the treasurer says so)."""
    require(actor.role, Action.HANDLE_CASH)
    pieces = denominations.parse_count(count) if count is not None else None
    when = now or utc_now()
    note = note.strip()
    with database.atomic():
        shift = open_shift_of(till_id)
        if shift is None:
            raise InputError("No shift is open on this till")
        drawer = drawer_of(shift, when)
        counted = denominations.total(pieces) if pieces is not None else drawer.expected
        over_short = counted - drawer.expected
        if over_short.satang > 0 and not note:
            raise InputError("The drawer is {amount} over: write a note saying why", amount=over_short.format())
        if over_short.satang < 0 and not note:
            raise InputError("The drawer is {amount} short: write a note saying why",
                             amount=abs(over_short).format())
        doc = uuid.uuid4()
        ShiftClose.create(uuid=doc, shift_uuid=shift.uuid, closed_by=actor.user_id, closed_at=when,
                          counted=pieces is not None, count=denominations.to_json(pieces or {}),
                          counted_satang=counted.satang, expected_satang=drawer.expected.satang,
                          over_short_satang=over_short.satang, note=note[:500])
        record("shift_close", doc, when, {"shift": str(shift.uuid), "user": actor.login, "at": when.isoformat(),
                                          "counted": counted.satang, "expected": drawer.expected.satang,
                                          "over_short": over_short.satang}, till_id=till_id, user_id=actor.user_id)
    bus.publish(ShiftChanged(till_id, shift.uuid, True))
    return ShiftClosed(_info(shift, when), drawer, counted, over_short, pieces is not None)


def move_cash(actor: Actor, till_id: int, direction: str, category: str, reason: str, amount: Money,
              now: dt.datetime | None = None, movement_uuid: uuid.UUID | None = None) -> uuid.UUID:
    """Put cash into or take it out of the drawer of the till's open shift, with a reason and category."""
    require(actor.role, Action.HANDLE_CASH)
    if direction not in CASH_DIRECTIONS:
        raise InputError("Cash goes in or out, not {direction}", direction=direction)
    if category not in CASH_CATEGORIES:
        raise InputError("Unknown cash category {category}", category=category)
    if not isinstance(amount, Money) or amount.satang <= 0:
        raise InputError("The amount must be more than zero")
    reason = reason.strip()[:500]  # the row keeps 500 characters, and the journal says exactly what the row does
    if not reason:
        raise InputError("Cash in or out needs a reason")
    when = now or utc_now()
    doc = movement_uuid or uuid.uuid4()
    with database.atomic():
        if CashMovement.select().where(CashMovement.uuid == doc).exists():
            return doc
        shift = open_shift_of(till_id)
        if shift is None:
            raise InputError("No shift is open on this till; open one with a counted float first")
        if direction == "out" and amount > drawer_of(shift).expected:
            raise InputError("The drawer should hold only {expected}; {amount} cannot be taken out",
                             expected=drawer_of(shift).expected.format(), amount=amount.format())
        admit(till_id, doc, "cash_" + direction, when)
        CashMovement.create(uuid=doc, shift_uuid=shift.uuid, till=till_id, direction=direction, category=category,
                            reason=reason, amount_satang=amount.satang, user=actor.user_id,
                            created_at=when, business_date=business_date(when))
        record("cash_movement", doc, when, {"till": names.till(till_id), "user": actor.login, "at": when.isoformat(),
                                            "direction": direction, "category": category, "amount": amount.satang,
                                            "reason": reason}, till_id=till_id, user_id=actor.user_id)
    bus.publish(CashMoved(till_id, doc, direction, amount.satang))
    return doc
