"""The daily summary, per group (the documents of the group's own shops) or for the whole network, for a
day or a date range: sales by item, group,
channel and payment method; refunds, discounts and voids; cost of goods sold and the gross margin; cash
movements; stock produced, used, transferred and wasted.

Cost of goods sold comes from **the lots actually sold**: the value the stock ledger moved with each sale's
and refund's rows (a sale takes value out of its lots, a refund puts it back), summed per item.  Only where
no lot cost exists — goods sold that the books never received (the ``unrecorded`` lot of an oversold item)
or an item without stock rows — is the item's **standard cost** used: the unit cost of its latest incoming
lot, per the item's pricing quantity (a kilo for goods sold by weight), times the quantity not covered by
lots ÷ pricing quantity, rounded half-up to the satang once per item.  Each line says how many units were
costed at standard (``standard_quantity``) and the report's ``cost_basis`` is ``lots``, ``mixed`` or
``standard``.

Transfers between groups at an agreed price (:mod:`pos_app.stock.transfers`): in a group's books a transfer
it gave is a sale to another group (its income, and its cost is the giver's lots' cost that left), one it
received is a purchase.  In the whole network's books they are moves inside the network: listed, not income.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import peewee as pw

from db.models import Item, ItemPrice, Lot, NetworkGroup, Payment, Sale, SaleLine, Shop, StockMovement, Till
from db.models.books import CashMovement
from db.models.stock import Transfer
from pos_app.books.kinds import documents_by_kind
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
    standard_quantity: int = 0  # units costed at the standard cost (no lot cost for them)

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
    cost_basis: str = "lots"
    transfers_out: Money = field(default_factory=lambda: Money(0))  # given to other groups: a sale
    transfers_out_cost: Money = field(default_factory=lambda: Money(0))  # the giver's lot cost of what left
    transfers_in: Money = field(default_factory=lambda: Money(0))  # received: a purchase
    transfers_count: int = 0
    network: bool = True  # the whole network: transfers are moves inside it, not income

    @property
    def net_sales(self) -> Money:
        return self.sales_total - self.refunds_total - self.voids_total

    @property
    def income(self) -> Money:
        """Net sales, plus goods sold to other groups in a group's books."""
        return self.net_sales if self.network else self.net_sales + self.transfers_out

    @property
    def cost(self) -> Money:
        items = sum((line.cost for line in self.items), Money(0))
        return items if self.network else items + self.transfers_out_cost

    @property
    def margin(self) -> Money:
        return self.income - self.cost

    @property
    def is_empty(self) -> bool:
        return not (self.sales_count or self.refunds_count or self.voids_count or self.cash_moves or self.stock
                    or self.transfers_count)


def standard_costs(item_ids: list[int], until: dt.datetime) -> dict[int, tuple[int, int]]:
    """Each item's latest incoming unit cost before ``until`` as (satang, per pricing quantity): the cost of
    the newest lot received or made (its exact cost ÷ its quantity, times the item's pricing quantity,
    rounded half up)."""
    latest = (Lot.select(Lot.item, pw.fn.MAX(Lot.id).alias("last"))
              .where(Lot.item.in_(item_ids) & (Lot.quantity_in > 0) & (Lot.created_at < until))
              .group_by(Lot.item))
    ids = [last for _item, last in latest.tuples().execute()]
    if not ids:
        return {}
    per = {int(i): int(q) for i, q in ItemPrice.select(ItemPrice.item, pw.fn.MAX(ItemPrice.per_quantity))
           .where(ItemPrice.item.in_(item_ids)).group_by(ItemPrice.item).tuples().execute()}
    return {int(i): (Money(int(cost)).times_fraction(per.get(int(i), 1), int(qty), Rounding.HALF_UP).satang,
                     per.get(int(i), 1))
            for i, cost, qty in Lot.select(Lot.item, Lot.cost_satang, Lot.quantity_in)
            .where(Lot.id.in_(ids)).tuples().execute()}


def lot_costs(where: pw.Expression) -> dict[int, tuple[int, int]]:
    """Per item, (units, satang) that the sales and refunds chosen by ``where`` moved out of real lots (net of
    what refunds put back), from the stock ledger; units of the ``unrecorded`` lot (no cost) are left out."""
    out: dict[int, tuple[int, int]] = {}
    for item_id, qty, value in (StockMovement.select(StockMovement.item, pw.fn.SUM(StockMovement.quantity),
                                                      pw.fn.SUM(StockMovement.value_satang))
                                .join(Sale, on=(StockMovement.document_uuid == Sale.uuid)).switch(StockMovement)
                                .join(Lot, on=(StockMovement.lot == Lot.id))
                                .where(where & StockMovement.kind.in_(("sale", "refund"))
                                       & (Lot.origin != "unrecorded"))
                                .group_by(StockMovement.item).tuples().execute()):
        out[int(item_id)] = (-int(qty), -int(value))
    return out


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
    names: dict[int, tuple[str, str, str, str]] = {}
    sold: dict[int, tuple[int, int]] = {}  # item → (units net of refunds, satang)
    for item_id, sku, name, group, unit, _per, qty, amount in rows:
        names[item_id] = (sku, name, group, unit)
        q, a = sold.get(item_id, (0, 0))
        sold[item_id] = (q + int(qty), a + int(amount))
    from_lots = lot_costs(where)
    uncovered = {i: q - from_lots.get(i, (0, 0))[0] for i, (q, _a) in sold.items()}
    standard = standard_costs(sorted(i for i, q in uncovered.items() if q), scope.end_utc())
    items = []
    for item_id, (qty, amount) in sold.items():
        satang, per = standard.get(item_id, (0, 1))
        cost = Money(from_lots.get(item_id, (0, 0))[1]) + Money(satang).times_fraction(
            uncovered[item_id], per, Rounding.HALF_UP)
        sku, name, group, unit = names[item_id]
        items.append(ItemLine(sku, name, group, qty, unit, Money(amount), cost, uncovered[item_id]))
    items.sort(key=lambda line: (line.group_code, line.sku))
    by_group: dict[str, Money] = {}
    for line in items:
        by_group[line.group_code] = by_group.get(line.group_code, Money(0)) + line.amount

    doc_where = where
    kinds = documents_by_kind(doc_where)  # a void counted as a void, not as a refund
    methods = {m: Money(int(t or 0)) for m, t in Payment.select(Payment.method, pw.fn.SUM(Payment.amount_satang))
               .join(Sale, on=(Payment.sale == Sale.id)).where(doc_where).group_by(Payment.method).tuples().execute()}
    channels = {c: Money(int(t)) for c, t in Sale.select(Sale.channel, pw.fn.SUM(Sale.total_satang))
                .where(doc_where).group_by(Sale.channel).tuples().execute()}
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
    basis = "lots"
    if any(line.standard_quantity for line in items):
        basis = "mixed" if from_lots else "standard"
    given, given_cost, received, count = _transfers(scope)
    return Summary(scope, items, by_group, channels, methods, sales_n, Money(sales_t), refunds_n,
                   Money(-refunds_t), voids_n, Money(-voids_t), Money(discounts), cash, stock, basis,
                   Money(given), Money(given_cost), Money(received), count, scope.group_id is None)


def _transfers(scope: Scope) -> tuple[int, int, int, int]:
    """(agreed price given, its lot cost, agreed price received, transfers) of the scope's transfers."""
    where = (Transfer.business_date >= scope.start) & (Transfer.business_date <= scope.end)
    amount = pw.fn.COALESCE(pw.fn.SUM(Transfer.amount_satang), 0)
    cost = pw.fn.COALESCE(pw.fn.SUM(Transfer.cost_satang), 0)
    def sums(cond: pw.Expression) -> tuple[int, int, int]:  # an aggregate without GROUP BY: always one row
        n, a, c = Transfer.select(pw.fn.COUNT(Transfer.id), amount, cost).where(cond).scalar(as_tuple=True)
        return int(n), int(a), int(c)

    if scope.group_id is None:  # the whole network: each transfer is given and received inside it
        n, a, c = sums(where)
        return a, c, a, n
    n_out, a_out, c_out = sums(where & (Transfer.from_group == scope.group_id))
    n_in, a_in, _c = sums(where & (Transfer.to_group == scope.group_id))
    return a_out, c_out, a_in, n_out + n_in
