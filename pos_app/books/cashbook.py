"""The cash book (สมุดเงินสด): date, document number, description, in (cash, bank), out (cash, bank),
balance, with brought-forward and carried-forward lines.

What enters it (cash basis): the day's sales of each till as one line (first to last receipt number; the
receipts themselves are in the Z report), cash in the cash columns, PromptPay and transfers in the bank
columns; each refund or void as its own line (money paid back is an "out"); the drawer's cash in and cash
out with their reasons; money taken to the bank is cash out and bank in.
A shift's float and change put into the drawer are moves inside the group's own cash, not entries.
Money paid for a transfer between groups: in for the group that gave the goods, out for the one that took
them, on the day it was paid (:mod:`pos_app.books.transfer_pay`); not an entry of the whole network's book.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import peewee as pw

from db.models import OrderPayment, Payment, Sale, Shop, Till
from db.models.books import CashMovement
from pos_app.books.scope import Scope
from pos_app.books.transfer_pay import GroupTransferPayment, transfer_payments
from pos_app.money import Money
from resources.i18n import N_, _

KIND_TEXT = {"refund": N_("Refund to a customer"), "void": N_("Voided sale")}
SALES_TEXT = N_("Sales of the day ({count} receipts)")
ORDER_TEXT = N_("Money received for an online order")
BANK_DEPOSIT = N_("Cash taken to the bank")
TRANSFER_SOLD = N_("Goods sold to {group} (transfer between groups)")
TRANSFER_BOUGHT = N_("Goods bought from {group} (transfer between groups)")
INTERNAL = ("change",)  # categories that move cash inside the group: not entries


@dataclass(frozen=True)
class CashBookLine:
    day: dt.date
    at: dt.datetime | None
    document: str
    description: str
    cash_in: Money
    bank_in: Money
    cash_out: Money
    bank_out: Money
    cash_balance: Money
    bank_balance: Money


@dataclass(frozen=True)
class CashBook:
    scope: Scope
    brought_forward: tuple[Money, Money]  # (cash, bank)
    lines: list[CashBookLine]
    carried_forward: tuple[Money, Money]

    @property
    def totals(self) -> tuple[Money, Money, Money, Money]:
        """(cash in, bank in, cash out, bank out) over the period."""
        return (sum((ln.cash_in for ln in self.lines), Money(0)), sum((ln.bank_in for ln in self.lines), Money(0)),
                sum((ln.cash_out for ln in self.lines), Money(0)), sum((ln.bank_out for ln in self.lines), Money(0)))


def _shop_tills(scope: Scope) -> Any:
    return Till.select(Till.id).join(Shop).where(Shop.group == scope.group_id)


def _payments(scope: Scope, before: bool) -> Any:
    """Before the period: (cash, bank) satang.  In it: sales per (day, till) and refunds/voids per document:
    (day, first instant, till code, first number, last number, kind, reversal, count, cash satang, bank satang);
    a void is a refund document marked ``reversal="void"``."""
    cash = pw.fn.SUM(pw.Case(None, [(Payment.method == "cash", Payment.amount_satang)], 0))
    bank = pw.fn.SUM(pw.Case(None, [(Payment.method != "cash", Payment.amount_satang)], 0))
    where = (Payment.business_date < scope.start) if before else (
        (Payment.business_date >= scope.start) & (Payment.business_date <= scope.end))
    if scope.group_id is not None:
        where &= Sale.till.in_(_shop_tills(scope))
    if before:
        return Payment.select(pw.fn.COALESCE(cash, 0), pw.fn.COALESCE(bank, 0)).join(
            Sale, on=(Payment.sale == Sale.id)).where(where)
    # A sale's own key groups all of a day's sales on a till; a refund or void keeps its own document.
    key = pw.Case(None, [(Sale.kind == "sale", 0)], Sale.id)
    return (Payment.select(Payment.business_date, pw.fn.MIN(Sale.created_at), Till.code, pw.fn.MIN(Sale.number),
                           pw.fn.MAX(Sale.number), Sale.kind, Sale.reversal, pw.fn.COUNT(pw.fn.DISTINCT(Sale.id)),
                           cash, bank)
            .join(Sale, on=(Payment.sale == Sale.id)).join(Till, on=(Sale.till == Till.id)).where(where)
            .group_by(Payment.business_date, Till.code, Sale.kind, Sale.reversal, key))


def _order_payments(scope: Scope, before: bool) -> Any:
    """Money received later for online orders, each its own document: (day, at, till, order no, method, satang)."""
    where = (OrderPayment.business_date < scope.start) if before else (
        (OrderPayment.business_date >= scope.start) & (OrderPayment.business_date <= scope.end))
    if scope.group_id is not None:
        where &= OrderPayment.till.in_(_shop_tills(scope))
    return (OrderPayment.select(OrderPayment.business_date, OrderPayment.created_at, Till.code, Sale.number,
                                OrderPayment.method, OrderPayment.amount_satang)
            .join(Till, on=(OrderPayment.till == Till.id))
            .join(Sale, on=(Sale.uuid == OrderPayment.sale_uuid)).where(where).tuples().execute())


def _moves(scope: Scope, before: bool) -> Any:
    where = (CashMovement.business_date < scope.start) if before else (
        (CashMovement.business_date >= scope.start) & (CashMovement.business_date <= scope.end))
    where &= CashMovement.category.not_in(INTERNAL)
    if scope.group_id is not None:
        where &= CashMovement.till.in_(_shop_tills(scope))
    return CashMovement.select().where(where).order_by(CashMovement.created_at, CashMovement.id)


def _move_amounts(move: CashMovement) -> tuple[int, int, int, int]:
    """(cash in, bank in, cash out, bank out) of a drawer movement."""
    if move.direction == "in":
        return move.amount_satang, 0, 0, 0
    if move.category == "bank":
        return 0, move.amount_satang, move.amount_satang, 0
    return 0, 0, move.amount_satang, 0


def _transfer_amounts(p: GroupTransferPayment) -> tuple[int, int, int, int]:
    cash, bank = (p.amount.satang, 0) if p.method == "cash" else (0, p.amount.satang)
    return (cash, bank, 0, 0) if p.received else (0, 0, cash, bank)


def cash_book(scope: Scope) -> CashBook:
    bf_cash, bf_bank = (int(v) for v in _payments(scope, before=True).tuples().first() or (0, 0))
    for _day, _at, _till, _number, method, amount in _order_payments(scope, before=True):
        if method == "cash":
            bf_cash += int(amount)
        else:
            bf_bank += int(amount)
    for move in _moves(scope, before=True):
        ci, bi, co, bo = _move_amounts(move)
        bf_cash += ci - co
        bf_bank += bi - bo
    for paid in transfer_payments(scope, before=True):
        ci, bi, co, bo = _transfer_amounts(paid)
        bf_cash += ci - co
        bf_bank += bi - bo
    entries: list[tuple[dt.date, int, dt.datetime, str, str, int, int, int, int]] = []
    for paid in transfer_payments(scope):
        text = _(TRANSFER_SOLD if paid.received else TRANSFER_BOUGHT).format(group=paid.other_group)
        entries.append((paid.day, 1, paid.at, f"TRF-{str(paid.uuid)[:8]}", text, *_transfer_amounts(paid)))
    at_field = Sale.created_at
    for day, at, till, first, last, kind, reversal, count, cash, bank in (_payments(scope, before=False).tuples()
                                                                         .execute()):
        cash, bank = int(cash), int(bank)
        day = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
        doc = f"{till}-{first:06d}" if first == last else f"{till}-{first:06d}–{last:06d}"
        text = _(SALES_TEXT).format(count=count) if kind == "sale" else _(KIND_TEXT[reversal or kind])
        entries.append((day, 0 if kind == "sale" else 1, at_field.python_value(at), doc, text,
                        max(cash, 0), max(bank, 0), max(-cash, 0), max(-bank, 0)))
    for day, at, till, number, method, amount in _order_payments(scope, before=False):
        cash, bank = (int(amount), 0) if method == "cash" else (0, int(amount))
        day = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
        entries.append((day, 1, OrderPayment.created_at.python_value(at), f"{till}-{number:06d}", _(ORDER_TEXT),
                        max(cash, 0), max(bank, 0), max(-cash, 0), max(-bank, 0)))
    for move in _moves(scope, before=False):
        text = _(BANK_DEPOSIT) if move.direction == "out" and move.category == "bank" else move.reason
        entries.append((move.business_date, 1, move.created_at, f"CASH-{str(move.uuid)[:8]}", text,
                        *_move_amounts(move)))
    entries.sort(key=lambda e: (e[0], e[1], e[2]))
    return _with_balances(scope, (bf_cash, bf_bank), entries)


def _with_balances(scope: Scope, bf: tuple[int, int], entries: Iterable[tuple[Any, ...]]) -> CashBook:
    cash, bank = bf
    lines = []
    for day, _order, at, doc, text, ci, bi, co, bo in entries:
        cash += ci - co
        bank += bi - bo
        lines.append(CashBookLine(day, at, doc, text, Money(ci), Money(bi), Money(co), Money(bo), Money(cash),
                                  Money(bank)))
    return CashBook(scope, (Money(bf[0]), Money(bf[1])), lines, (Money(cash), Money(bank)))
