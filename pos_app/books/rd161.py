"""The Revenue Department's daily income-and-expense report (รายงานเงินสดรับ-จ่าย) in the form annexed to
Director-General notice 161: วัน/เดือน/ปี | รายการ | รายรับ | รายจ่าย: ซื้อสินค้า | รายจ่าย: ค่าใช้จ่ายอื่นๆ |
หมายเหตุ, with monthly subtotals and กำไรจากการขาย (income − purchases − other expenses).

Cash basis: income is the money received, on the day it arrives (a payment's own date once payments carry
one; until then the sale's day); money paid back on refunds and voids is negative income.  Expenses are
cash paid out of the drawer: a supplier paid → purchases of goods; ice and the rest → other expenses.
Money taken to the bank, change and floats are not income or expense.  Money paid for a transfer between
groups is income of the group that gave the goods and a purchase of goods for the one that took them, on the
day it was paid (not entries of the whole network's report: it stays inside the network).

A line gets a warning when a document in it was written more than three working days (Monday to Friday;
public holidays are not known to the app) after its transaction — documents that reached a closed day's
addendum late.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from db.models import OrderPayment, Payment, Sale, Shop, Till
from db.models.books import CashMovement, LateDocument
from pos_app.books.cashbook import TRANSFER_BOUGHT, TRANSFER_SOLD
from pos_app.books.scope import Scope
from pos_app.books.transfer_pay import transfer_payments
from pos_app.clock import business_date
from pos_app.money import Money
from resources.i18n import N_, _

LATE_WORKING_DAYS = 3
PURCHASE_CATEGORIES = ("supplier",)
EXPENSE_CATEGORIES = ("ice", "other")
SALES_TEXT = N_("Sales of goods ({count} receipts)")
ORDERS_TEXT = N_("Money received for online orders ({count} payments)")
REFUNDS_TEXT = N_("Money paid back on refunds and voids ({count} documents)")
LATE_NOTE = N_("Written more than 3 working days after the transaction ({count} documents)")


def working_days_between(first: dt.date, last: dt.date) -> int:
    """Working days (Mon–Fri) after ``first`` up to and including ``last``."""
    days = 0
    day = first
    while day < last:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            days += 1
    return days


@dataclass(frozen=True)
class RdLine:
    day: dt.date
    description: str
    income: Money
    purchases: Money
    other: Money
    note: str = ""
    late: bool = False


@dataclass(frozen=True)
class RdMonth:
    year: int
    month: int
    lines: list[RdLine]

    @property
    def income(self) -> Money:
        return sum((ln.income for ln in self.lines), Money(0))

    @property
    def purchases(self) -> Money:
        return sum((ln.purchases for ln in self.lines), Money(0))

    @property
    def other(self) -> Money:
        return sum((ln.other for ln in self.lines), Money(0))

    @property
    def profit(self) -> Money:
        return self.income - self.purchases - self.other


@dataclass(frozen=True)
class RdReport:
    scope: Scope
    months: list[RdMonth]

    @property
    def lines(self) -> list[RdLine]:
        return [ln for m in self.months for ln in m.lines]

    @property
    def income(self) -> Money:
        return sum((m.income for m in self.months), Money(0))

    @property
    def purchases(self) -> Money:
        return sum((m.purchases for m in self.months), Money(0))

    @property
    def other(self) -> Money:
        return sum((m.other for m in self.months), Money(0))

    @property
    def profit(self) -> Money:
        return self.income - self.purchases - self.other


def _in_group(scope: Scope) -> pw.Expression | bool:
    if scope.group_id is None:
        return True
    return Sale.till.in_(Till.select(Till.id).join(Shop).where(Shop.group == scope.group_id))


def _late_by_day(scope: Scope) -> dict[dt.date, int]:
    where = (LateDocument.business_date >= scope.start) & (LateDocument.business_date <= scope.end)
    if scope.group_id is not None:
        where &= LateDocument.shop.in_(Shop.select(Shop.id).where(Shop.group == scope.group_id))
    late: dict[dt.date, int] = {}
    for doc in LateDocument.select().where(where):
        if working_days_between(doc.business_date, business_date(doc.arrived_at)) > LATE_WORKING_DAYS:
            late[doc.business_date] = late.get(doc.business_date, 0) + 1
    return late


def rd161_report(scope: Scope) -> RdReport:
    pay_day = Payment.business_date  # cash basis: the day the money moved
    where = (pay_day >= scope.start) & (pay_day <= scope.end) & _in_group(scope)
    positive = Payment.amount_satang > 0
    rows = (Payment.select(pay_day, positive.alias("received"), pw.fn.COUNT(pw.fn.DISTINCT(Sale.id)),
                           pw.fn.SUM(Payment.amount_satang))
            .join(Sale, on=(Payment.sale == Sale.id)).where(where)
            .group_by(pay_day, positive).tuples().execute())
    lines: list[RdLine] = []
    late = _late_by_day(scope)
    for day, received, count, amount in rows:
        day = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
        if received:
            n_late = late.get(day, 0)
            note = _(LATE_NOTE).format(count=n_late) if n_late else ""
            lines.append(RdLine(day, _(SALES_TEXT).format(count=count), Money(int(amount)), Money(0), Money(0),
                                note, bool(n_late)))
        else:
            lines.append(RdLine(day, _(REFUNDS_TEXT).format(count=count), Money(int(amount)), Money(0), Money(0)))
    orders_where = (OrderPayment.business_date >= scope.start) & (OrderPayment.business_date <= scope.end)
    if scope.group_id is not None:
        orders_where &= OrderPayment.till.in_(Till.select(Till.id).join(Shop).where(Shop.group == scope.group_id))
    for day, count, amount in (OrderPayment.select(OrderPayment.business_date, pw.fn.COUNT(OrderPayment.id),
                                                   pw.fn.SUM(OrderPayment.amount_satang))
                               .where(orders_where).group_by(OrderPayment.business_date).tuples().execute()):
        day = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
        lines.append(RdLine(day, _(ORDERS_TEXT).format(count=count), Money(int(amount)), Money(0), Money(0)))
    moves_where = ((CashMovement.business_date >= scope.start) & (CashMovement.business_date <= scope.end)
                   & (CashMovement.direction == "out")
                   & CashMovement.category.in_(PURCHASE_CATEGORIES + EXPENSE_CATEGORIES))
    if scope.group_id is not None:
        moves_where &= CashMovement.till.in_(Till.select(Till.id).join(Shop).where(Shop.group == scope.group_id))
    for move in CashMovement.select().where(moves_where).order_by(CashMovement.created_at, CashMovement.id):
        amount = Money(move.amount_satang)
        if move.category in PURCHASE_CATEGORIES:
            lines.append(RdLine(move.business_date, move.reason, Money(0), amount, Money(0)))
        else:
            lines.append(RdLine(move.business_date, move.reason, Money(0), Money(0), amount))
    for paid in transfer_payments(scope):
        if paid.received:
            lines.append(RdLine(paid.day, _(TRANSFER_SOLD).format(group=paid.other_group), paid.amount, Money(0),
                                Money(0)))
        else:
            lines.append(RdLine(paid.day, _(TRANSFER_BOUGHT).format(group=paid.other_group), Money(0), paid.amount,
                                Money(0)))
    # Within a day: income first, then money paid back, then expenses (stable: in the order written).
    lines.sort(key=lambda ln: (ln.day, 0 if ln.income.satang > 0 else 1 if ln.income.satang < 0 else 2))
    months: dict[tuple[int, int], list[RdLine]] = {}
    for line in lines:
        months.setdefault((line.day.year, line.day.month), []).append(line)
    return RdReport(scope, [RdMonth(y, m, ls) for (y, m), ls in sorted(months.items())])
