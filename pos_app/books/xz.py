"""X and Z reports of a till's day.  An X is a preview at any time (not stored); a Z is the numbered,
append-only report made when the day is closed (stored as canonical JSON of its figures, satang ints).

The figures are read from the documents themselves: sales, refunds and voids of the till dated that day,
their payments by method, each shift's drawer (:mod:`pos_app.books.cash`), the cash movements, and the
PromptPay payments with those not yet ticked off against the bank app flagged.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from typing import Any

import peewee as pw

from db.models import Payment, Sale, Till
from db.models.books import CashMovement, Shift, ShiftClose
from pos_app.books.cash import drawer_of
from pos_app.books.kinds import documents_by_kind
from pos_app.books.promptpay import promptpay_of_day
from pos_app.trust import chain_head


@dataclass(frozen=True)
class ShiftLine:
    number: int
    opened_at: str
    closed_at: str
    float_satang: int
    received_satang: int
    change_satang: int
    refunds_satang: int
    cash_in_satang: int
    cash_out_satang: int
    expected_satang: int
    counted_satang: int | None
    over_short_satang: int | None
    note: str


@dataclass(frozen=True)
class TillDay:
    """The figures of one till's day (the body of an X or a Z)."""

    kind: str  # "X" or "Z"
    number: int  # the Z number; 0 for an X
    till_code: str
    till_name: str
    business_date: str
    made_at: str
    sales_count: int
    sales_satang: int
    refunds_count: int
    refunds_satang: int  # paid back, positive
    voids_count: int
    voids_satang: int
    discounts_satang: int
    net_satang: int
    by_method: dict[str, int]
    shifts: list[ShiftLine]
    cash_moves: list[list[Any]]  # [time ISO, direction, category, reason, satang]
    promptpay_count: int
    promptpay_satang: int
    unticked: list[list[Any]]  # [receipt no, time ISO, satang]
    journal_head: str = ""
    open_shifts: list[int] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> TillDay:
        data = json.loads(text)
        data["shifts"] = [ShiftLine(**s) for s in data["shifts"]]
        return cls(**data)


def journal_head(till_id: int) -> str:
    """The head of the till's hash chain (trust), printed on the Z: ``seq:hash`` (the full hash is stored;
    ``pos-app verify --anchor`` checks a printed head is still in the books)."""
    head = chain_head(till_id)
    return f"{head.seq}:{head.hash}"


def _discounts(where: Any) -> int:
    if not hasattr(Sale, "discount_satang"):
        return 0  # discounts arrive with the selling schema of migration 0003
    column = Sale.discount_satang
    return int(Sale.select(pw.fn.COALESCE(pw.fn.SUM(column), 0)).where(where).scalar() or 0)


def till_day(till_id: int, day: dt.date, made_at: dt.datetime, kind: str = "X", number: int = 0) -> TillDay:
    till = Till.get_by_id(till_id)
    where = (Sale.till == till_id) & (Sale.business_date == day)
    kinds = documents_by_kind(where)  # a void counted as a void, not as a refund
    methods = {m: int(t or 0) for m, t in Payment.select(Payment.method, pw.fn.SUM(Payment.amount_satang))
               .join(Sale, on=(Payment.sale == Sale.id)).where(where).group_by(Payment.method).tuples().execute()}
    shifts = []
    open_shifts = []
    for shift in Shift.select().where((Shift.till == till_id) & (Shift.business_date == day)).order_by(Shift.number):
        close = ShiftClose.get_or_none(ShiftClose.shift_uuid == shift.uuid)
        drawer = drawer_of(shift, close.closed_at if close else None)
        if close is None:
            open_shifts.append(shift.number)
        shifts.append(ShiftLine(
            shift.number, shift.opened_at.isoformat(), close.closed_at.isoformat() if close else "",
            drawer.float.satang, drawer.received.satang, drawer.change.satang, drawer.refunds.satang,
            drawer.cash_in.satang, drawer.cash_out.satang, drawer.expected.satang,
            close.counted_satang if close and close.counted else None,
            close.over_short_satang if close and close.counted else None, close.note if close else ""))
    moves = [[m.created_at.isoformat(), m.direction, m.category, m.reason, m.amount_satang]
             for m in CashMovement.select().where((CashMovement.till == till_id)
                                                   & (CashMovement.business_date == day))
             .order_by(CashMovement.created_at, CashMovement.id)]
    promptpay = promptpay_of_day(day, till_id=till_id)
    sales_n, sales_t = kinds.get("sale", (0, 0))
    refunds_n, refunds_t = kinds.get("refund", (0, 0))
    voids_n, voids_t = kinds.get("void", (0, 0))
    return TillDay(
        kind, number, till.code, till.name, day.isoformat(), made_at.isoformat(), sales_n, sales_t, refunds_n,
        -refunds_t, voids_n, -voids_t, _discounts(where), sales_t + refunds_t + voids_t, methods, shifts, moves,
        len(promptpay), sum(p.amount.satang for p in promptpay),
        [[p.receipt_no, p.at.isoformat(), p.amount.satang] for p in promptpay if not p.ticked],
        journal_head(till_id), open_shifts)
