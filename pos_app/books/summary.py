"""The daily summary, per group (the documents of the group's own shops) or for the whole network, for a
day or a date range: sales by item, group,
channel and payment method; refunds, discounts and voids; cost of goods sold and the gross margin; cash
movements; stock produced, used, transferred and wasted.

Cost of goods sold: until the stock lots carry their own costs, each item's **standard cost** is used —
the unit cost of its latest incoming stock (opening, purchase or production) — and the report says so
(``cost_basis = "standard"``).  The cost is per the item's pricing quantity (a kilo for goods sold by
weight), so a line's cost = standard cost × quantity ÷ pricing quantity, summed per item and rounded
half-up to the satang once per item.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import peewee as pw

from db.models import Item, ItemPrice, Lot, NetworkGroup, Payment, Sale, SaleLine, Shop, StockMovement, Till
from db.models.books import CashMovement
from pos_app.books.scope import Scope
from pos_app.money import Money, Rounding


@dataclass(frozen=True)
class ItemLine:
    sku: str
    name_th: str
    group_code: str
    quantity: int  # base units, net of refunds
    base_unit: str
    amount: Money
    cost: Money

    @property
    def margin(self) -> Money:
        return self.amount - self.cost


@dataclass(frozen=True)
class Summary:
    scope: Scope
    items: list[ItemLine]
    by_group: dict[str, Money]
    by_channel: dict[str, Money]
    by_method: dict[str, Money]
    sales_count: int
    sales_total: Money
    refunds_count: int
    refunds_total: Money  # paid back, positive
    voids_count: int
    voids_total: Money
    discounts: Money
    cash_moves: dict[tuple[str, str], Money]  # (direction, category) → amount
    stock: dict[str, list[tuple[str, str, int, str]]] = field(default_factory=dict)  # kind → (sku, name, qty, unit)
    cost_basis: str = "standard"

    @property
    def net_sales(self) -> Money:
        return self.sales_total - self.refunds_total - self.voids_total

    @property
    def cost(self) -> Money:
        return sum((line.cost for line in self.items), Money(0))

    @property
    def margin(self) -> Money:
        return self.net_sales - self.cost

    @property
    def is_empty(self) -> bool:
        return not (self.sales_count or self.refunds_count or self.voids_count or self.cash_moves or self.stock)


def standard_costs(item_ids: list[int], until: dt.datetime) -> dict[int, int]:
    """Each item's latest incoming unit cost (satang per pricing quantity) before ``until``: the cost of the
    newest lot received or made (its exact cost ÷ its quantity, times the item's pricing quantity, rounded
    half up)."""
    latest = (Lot.select(Lot.item, pw.fn.MAX(Lot.id).alias("last"))
              .where(Lot.item.in_(item_ids) & (Lot.quantity_in > 0) & (Lot.created_at < until))
              .group_by(Lot.item))
    ids = [last for _item, last in latest.tuples().execute()]
    if not ids:
        return {}
    per = {int(i): int(q) for i, q in ItemPrice.select(ItemPrice.item, pw.fn.MAX(ItemPrice.per_quantity))
           .where(ItemPrice.item.in_(item_ids)).group_by(ItemPrice.item).tuples().execute()}
    return {int(i): Money(int(cost)).times_fraction(per.get(int(i), 1), int(qty), Rounding.HALF_UP).satang
            for i, cost, qty in Lot.select(Lot.item, Lot.cost_satang, Lot.quantity_in)
            .where(Lot.id.in_(ids)).tuples().execute()}


def _sales_where(scope: Scope) -> pw.Expression:
    return (Sale.business_date >= scope.start) & (Sale.business_date <= scope.end)


def daily_summary(scope: Scope) -> Summary:
    where = _sales_where(scope)
    if scope.group_id is not None:  # a group's books: the documents of its own shops
        where &= Sale.till.in_(Till.select(Till.id).join(Shop).where(Shop.group == scope.group_id))
    rows = list(SaleLine.select(Item.id, Item.sku, Item.name_th, NetworkGroup.code, Item.base_unit,
                                SaleLine.per_quantity, pw.fn.SUM(SaleLine.quantity), pw.fn.SUM(SaleLine.amount_satang))
                .join(Sale, on=(SaleLine.sale == Sale.id)).switch(SaleLine)
                .join(Item, on=(SaleLine.item == Item.id)).join(NetworkGroup, on=(Item.group == NetworkGroup.id))
                .where(where)
                .group_by(Item.id, Item.sku, Item.name_th, NetworkGroup.code, Item.base_unit, SaleLine.per_quantity)
                .tuples().execute())
    costs = standard_costs(sorted({r[0] for r in rows}), scope.end_utc())
    merged: dict[str, ItemLine] = {}
    for item_id, sku, name, group, unit, per, qty, amount in rows:
        cost = Money(costs.get(item_id, 0)).times_fraction(int(qty), int(per), Rounding.HALF_UP)
        old = merged.get(sku)
        if old is not None:
            cost, qty, amount = cost + old.cost, int(qty) + old.quantity, int(amount) + old.amount.satang
        merged[sku] = ItemLine(sku, name, group, int(qty), unit, Money(int(amount)), cost)
    items = sorted(merged.values(), key=lambda line: (line.group_code, line.sku))
    by_group: dict[str, Money] = {}
    for line in items:
        by_group[line.group_code] = by_group.get(line.group_code, Money(0)) + line.amount

    doc_where = where
    kinds = {k: (int(n), int(t or 0)) for k, n, t in Sale.select(Sale.kind, pw.fn.COUNT(Sale.id),
             pw.fn.SUM(Sale.total_satang)).where(doc_where).group_by(Sale.kind).tuples().execute()}
    methods = {m: Money(int(t or 0)) for m, t in Payment.select(Payment.method, pw.fn.SUM(Payment.amount_satang))
               .join(Sale, on=(Payment.sale == Sale.id)).where(doc_where).group_by(Payment.method).tuples().execute()}
    channel = getattr(Sale, "channel", None)
    if channel is not None:
        channels = {c: Money(int(t or 0)) for c, t in Sale.select(channel, pw.fn.SUM(Sale.total_satang))
                    .where(doc_where).group_by(channel).tuples().execute()}
    else:  # channels arrive with the selling schema of migration 0003: every sale so far is at a stall
        total = sum(t for _n, t in kinds.values())
        channels = {"stall": Money(total)} if kinds else {}
    discounts = 0
    if hasattr(Sale, "discount_satang"):
        discounts = int(Sale.select(pw.fn.COALESCE(pw.fn.SUM(Sale.discount_satang), 0)).where(doc_where).scalar())
    moves_where = (CashMovement.business_date >= scope.start) & (CashMovement.business_date <= scope.end)
    if scope.group_id is not None:
        moves_where &= CashMovement.till.in_(Till.select(Till.id).join(Shop).where(Shop.group == scope.group_id))
    cash = {(d, c): Money(int(t)) for d, c, t in CashMovement.select(
        CashMovement.direction, CashMovement.category, pw.fn.SUM(CashMovement.amount_satang))
        .where(moves_where).group_by(CashMovement.direction, CashMovement.category).tuples().execute()}
    stock_where = ((StockMovement.created_at >= scope.start_utc()) & (StockMovement.created_at < scope.end_utc())
                   & StockMovement.kind.in_(("produce", "consume", "transfer", "waste")))
    if scope.group_id is not None:
        stock_where &= StockMovement.shop.in_(Shop.select(Shop.id).where(Shop.group == scope.group_id))
    stock: dict[str, list[tuple[str, str, int, str]]] = {}
    for kind, sku, name, unit, qty in (StockMovement.select(StockMovement.kind, Item.sku, Item.name_th,
                                       Item.base_unit, pw.fn.SUM(StockMovement.quantity))
                                       .join(Item, on=(StockMovement.item == Item.id)).where(stock_where)
                                       .group_by(StockMovement.kind, Item.sku, Item.name_th, Item.base_unit)
                                       .order_by(StockMovement.kind, Item.sku).tuples().execute()):
        stock.setdefault(kind, []).append((sku, name, int(qty), unit))
    sales_n, sales_t = kinds.get("sale", (0, 0))
    refunds_n, refunds_t = kinds.get("refund", (0, 0))
    voids_n, voids_t = kinds.get("void", (0, 0))
    return Summary(scope, items, by_group, channels, methods, sales_n, Money(sales_t), refunds_n,
                   Money(-refunds_t), voids_n, Money(-voids_t), Money(discounts), cash, stock)
