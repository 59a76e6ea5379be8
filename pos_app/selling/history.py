"""Looking sales up: a day's sales at a till, one sale by receipt number, a sale with its lines and payments."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

import peewee as pw

from db.models import Item, Payment, Sale, SaleLine, Till, User
from pos_app.errors import NotFound
from pos_app.money import ZERO, Money
from resources.i18n import language


@dataclass(frozen=True)
class SaleSummary:
    uuid: uuid.UUID
    kind: str
    number: int
    created_at: dt.datetime
    seller: str
    total: Money
    method: str  # the one method, "mixed", or "" when nothing is paid yet
    line_count: int
    paid: Money = ZERO
    reversal: str = ""
    channel: str = "stall"


def _summaries(query: Any) -> list[SaleSummary]:
    rows = list(cast(Iterable[Any], query))
    ids = [r.id for r in rows]
    pays: dict[int, list[tuple[str, int]]] = {}
    counts: dict[int, int] = {}
    if ids:
        pay_rows = Payment.select(Payment.sale, Payment.method, Payment.amount_satang).where(Payment.sale.in_(ids))
        for sale_id, method, amount in cast(Iterable[tuple[int, str, int]], pay_rows.tuples()):
            pays.setdefault(int(sale_id), []).append((method, int(amount)))
        count_rows = (SaleLine.select(SaleLine.sale, pw.fn.COUNT(SaleLine.id))
                      .where(SaleLine.sale.in_(ids)).group_by(SaleLine.sale))
        for sale_id, n in cast(Iterable[tuple[int, int]], count_rows.tuples()):
            counts[int(sale_id)] = int(n)
    out = []
    for r in rows:
        methods = {m for m, _a in pays.get(r.id, [])}
        method = "" if not methods else methods.pop() if len(methods) == 1 else "mixed"
        out.append(SaleSummary(r.uuid, r.kind, r.number, r.created_at, r.seller.display_name,
                               Money(r.total_satang), method, counts.get(r.id, 0),
                               Money(sum(a for _m, a in pays.get(r.id, []))), r.reversal, r.channel))
    return out


def _base() -> Any:
    return Sale.select(Sale, User).join(User, on=(Sale.seller == User.id)).switch(Sale)


def sales_of_day(day: dt.date, till_id: int | None = None) -> list[SaleSummary]:
    """The day's sales and refunds (Bangkok calendar day), newest first."""
    query = _base().where(Sale.business_date == day).order_by(Sale.created_at.desc(), Sale.id.desc())
    if till_id is not None:
        query = query.where(Sale.till == till_id)
    return _summaries(query)


def find(till_id: int, number: int) -> SaleSummary:
    """The document with receipt ``number`` at a till; :class:`NotFound` if there is none."""
    found = _summaries(_base().where((Sale.till == till_id) & (Sale.number == number)))
    if not found:
        raise NotFound("No receipt number {number} at this till", number=number)
    return found[0]


@dataclass(frozen=True)
class LineDetail:
    line_no: int
    sku: str
    name: str
    quantity: int
    base_unit: str
    unit_price: Money
    per_quantity: int
    amount: Money
    discount: Money


@dataclass(frozen=True)
class SaleDetail:
    summary: SaleSummary
    till_code: str
    discount: Money
    lines: tuple[LineDetail, ...]
    payments: tuple[tuple[str, Money, Money, Money], ...]  # method, amount, tendered, change
    customer_name: str
    customer_phone: str
    note: str
    refund_of_number: int | None


def detail(sale_uuid: uuid.UUID) -> SaleDetail:
    sale = Sale.get_or_none(Sale.uuid == sale_uuid)
    if sale is None:
        raise NotFound("No sale {uuid}", uuid=str(sale_uuid))
    summary = _summaries(_base().where(Sale.id == sale.id))[0]
    en = language() == "en"
    lines = tuple(
        LineDetail(ln.line_no, ln.item.sku, ln.item.name_en if en else ln.item.name_th, ln.quantity,
                   ln.item.base_unit, Money(ln.unit_price_satang), ln.per_quantity, Money(ln.amount_satang),
                   Money(ln.discount_satang))
        for ln in SaleLine.select(SaleLine, Item).join(Item).where(SaleLine.sale == sale).order_by(SaleLine.line_no))
    payments = tuple((p.method, Money(p.amount_satang), Money(p.tendered_satang), Money(p.change_satang))
                     for p in Payment.select().where(Payment.sale == sale).order_by(Payment.id))
    till_code = Till.get_by_id(sale.till_id).code
    original = sale.refund_of.number if sale.refund_of_id else None
    return SaleDetail(summary, till_code, Money(sale.discount_satang), lines, payments, sale.customer_name,
                      sale.customer_phone, sale.note, original)
