"""The production lead's and the auditors' reports, as tables (render with :mod:`pos_app.stock.export`):

* the **recall list** of a lot (forward trace) and its **origin** (backward trace);
* the **cost sheet** of a batch (บัญชีต้นทุนอาชีพ of one production round): materials, packaging, labour,
  overhead, yield, unit cost, sales so far and profit;
* the **stock and materials registers** (ทะเบียนคุมสินค้า / ทะเบียนคุมวัสดุ) of an item (or one of its lots) in
  a shop: date, description, in (quantity, unit cost, amount), out (the same), balance (quantity, amount);
* the **stock card** of a lot: every movement with the document it belongs to and the running balance;
* **stock valuation** per group.

Amounts are the ledger's exact satang.  A unit cost shown on a register line is that line's amount ÷ its
quantity rounded half up to the satang, for reading only; the amounts and balances are exact.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import cast

import peewee as pw

from db.models import Item, Lot, NetworkGroup, Sale, SaleLine, Shop, StockMovement
from db.models.production import Batch, BatchInput, BatchLabour, BatchOutput, BatchOverhead
from db.models.stock import StockBalance
from pos_app.errors import NotFound
from pos_app.money import Money, Rounding
from pos_app.stock import trace
from pos_app.stock.export import ReportTable
from pos_app.stock.units import unit_name
from pos_app.thai.dates import format_date
from resources.i18n import N_, _

KIND_LABELS = {"opening": N_("Opening stock"), "purchase": N_("Purchase"), "produce": N_("Made in a batch"),
               "consume": N_("Used in a batch"), "sale": N_("Sale"), "refund": N_("Refund"),
               "transfer": N_("Transfer"), "waste": N_("Waste"), "count": N_("Stocktake")}
ORIGIN_LABELS = {"opening": N_("opening stock"), "purchase": N_("bought"), "batch": N_("made"),
                 "transfer": N_("from another group"), "unrecorded": N_("not recorded")}


def _m(satang: int) -> str:
    return Money(satang).format(symbol=False)


def _q(n: int) -> str:
    return f"{n:,}"


def kind_label(kind: str) -> str:
    return _(KIND_LABELS.get(kind, kind))


def _indent(depth: int) -> str:
    """A level of a trace tree as a PDF or sheet keeps it (plain spaces collapse): no-break spaces and a mark."""
    return "" if depth <= 0 else "\u00a0" * 4 * (depth - 1) + ("• " if depth == 1 else "» ")


CHANNELS = {"stall": N_("Stall"), "member": N_("Members"), "network": N_("Network groups"), "online": N_("Online")}


def recall_list(lot_id: int) -> ReportTable:
    """Every sale, refund, transfer and batch that took from the lot (quantities as units moved; the kind says
    which way), and what the lot was made from."""
    lot = Lot.get_or_none(Lot.id == lot_id)
    if lot is None:
        raise NotFound("No lot with id {id}", id=lot_id)
    item = Item.get_by_id(lot.item_id)
    rows = tuple((_indent(u.depth) + u.lot, kind_label(u.kind), format_date(u.day), _q(abs(u.quantity)), u.receipt,
                  _(CHANNELS[u.channel]) if u.channel in CHANNELS else u.channel, u.customer)
                 for u in trace.forward(lot_id))
    origin = tuple(f"{_indent(s.depth)}{s.lot} — {s.item} ({s.group}), "
                   f"{_(ORIGIN_LABELS.get(s.origin, s.origin))} {format_date(s.day)}"
                   + (f", {s.supplier}" if s.supplier else "") + (f" [{s.supplier_lot}]" if s.supplier_lot else "")
                   for s in trace.backward(lot_id))
    return ReportTable(_("Recall list of lot {lot}").format(lot=lot.number),
                       (f"{item.name_th} ({item.sku})", _("Made from:"), *origin),
                       (_("Lot"), _("What"), _("Date"), _("Quantity"), _("Receipt / lot"), _("Channel"),
                        _("Customer")), rows, frozenset({3}), landscape=True, sheet="recall")


def cost_sheet(batch_uuid: uuid.UUID) -> ReportTable:
    batch = Batch.get_or_none(Batch.uuid == batch_uuid)
    if batch is None:
        raise NotFound("No batch {uuid}", uuid=str(batch_uuid))
    product = Item.get_by_id(batch.product_id)
    rows: list[tuple[str, ...]] = []
    for kind, label in (("ingredient", _("Materials")), ("finished", _("Materials")), ("packaging", _("Packaging"))):
        for i in (BatchInput.select(BatchInput, Lot, Item).join(Lot).switch(BatchInput).join(Item)
                  .where((BatchInput.batch == batch) & (Item.kind == kind)).order_by(BatchInput.line_no)):
            rows.append((label, f"{i.item.name_th} ({unit_name(i.item.base_unit)}) — {i.lot.number}",
                         _q(int(i.quantity)), _m(int(i.cost_satang))))
    for w in BatchLabour.select().where(BatchLabour.batch == batch).order_by(BatchLabour.line_no):
        what = (_("{minutes} min at {rate}/hour").format(minutes=w.minutes, rate=_m(int(w.rate_satang_per_hour)))
                if w.minutes else "")
        rows.append((_("Labour"), f"{w.member} {what}".strip(), "", _m(int(w.amount_satang))))
    for o in BatchOverhead.select().where(BatchOverhead.batch == batch).order_by(BatchOverhead.line_no):
        rows.append((_("Overhead"), o.description, "", _m(int(o.amount_satang))))
    main = BatchOutput.select(BatchOutput, Lot).join(Lot).where((BatchOutput.batch == batch) & BatchOutput.main).get()
    lot = main.lot
    sold_qty, revenue, cogs = _sales_of(lot)
    rows += [
        (_("Total cost"), "", "", _m(int(batch.total_satang))),
        (_("Yield"), _("planned {planned}, made {made}").format(planned=_q(int(batch.planned_quantity)),
                                                               made=_q(int(batch.yield_quantity))), "", ""),
        (_("Unit cost"), _("remainder {r} satang on the lot").format(r=int(lot.remainder_satang)), "",
         _m(int(lot.unit_cost_satang))),
        (_("Sales so far"), "", _q(sold_qty), _m(revenue)),
        (_("Cost of what was sold"), "", "", _m(cogs)),
        (_("Profit so far"), "", "", _m(revenue - cogs)),
    ]
    return ReportTable(_("Cost sheet of batch {number}").format(number=batch.number),
                       (f"{product.name_th} ({product.sku})",
                        _("Made on {day}").format(day=format_date(batch.business_date))),
                       (_("Part"), _("What"), _("Quantity"), _("Amount (baht)")), tuple(rows), frozenset({2, 3}),
                       sheet="cost sheet")


def _sales_of(lot: Lot) -> tuple[int, int, int]:
    """(units sold net of refunds, revenue, cost of those units) from the lot, revenue shared by quantity
    when a receipt line was taken from several lots (half up)."""
    qty = revenue = cogs = 0
    for m in StockMovement.select().where((StockMovement.lot == lot.id) & StockMovement.kind.in_(["sale", "refund"])):
        line = (SaleLine.select().join(Sale).where((Sale.uuid == m.document_uuid) & (SaleLine.item == m.item_id))
                .first())
        qty -= int(m.quantity)
        cogs -= int(m.value_satang)
        if line is not None and int(line.quantity) != 0:  # a refund line: both signs flip, the share stays right
            revenue += Money(int(line.amount_satang)).times_fraction(-int(m.quantity), int(line.quantity),
                                                                     Rounding.HALF_UP).satang
    return qty, revenue, cogs


def register(item_id: int, shop_id: int, start: dt.date, end: dt.date, lot_id: int | None = None) -> ReportTable:
    """ทะเบียนคุมสินค้า (finished goods) or ทะเบียนคุมวัสดุ (ingredients, packaging) of an item in a shop, or of
    one of its lots (``lot_id``)."""
    item, shop = Item.get_by_id(item_id), Shop.get_by_id(shop_id)
    where = (StockMovement.item == item_id) & (StockMovement.shop == shop_id)
    lot_line: tuple[str, ...] = ()
    if lot_id is not None:
        lot = _lot_of(lot_id, item_id)
        where &= StockMovement.lot == lot_id
        lot_line = (_("Lot {lot}").format(lot=lot.number),)
    before = cast(tuple[int, int], StockMovement.select(
        pw.fn.COALESCE(pw.fn.SUM(StockMovement.quantity), 0), pw.fn.COALESCE(pw.fn.SUM(StockMovement.value_satang), 0))
        .where(where & (StockMovement.business_date < start)).tuples().get())
    qty, value = int(before[0]), int(before[1])
    rows: list[tuple[str, ...]] = [("", _("Brought forward"), "", "", "", "", "", "", _q(qty), _m(value))]
    for m in (StockMovement.select(StockMovement, Lot).join(Lot)
              .where(where & (StockMovement.business_date >= start) & (StockMovement.business_date <= end))
              .order_by(StockMovement.business_date, StockMovement.id)):
        q, v = int(m.quantity), int(m.value_satang)
        qty, value = qty + q, value + v
        unit = _m(Money(abs(v)).times_fraction(1, abs(q), Rounding.HALF_UP).satang) if q else ""
        cells = (_q(abs(q)), unit, _m(abs(v)))
        inside, outside = (cells, ("", "", "")) if q > 0 else (("", "", ""), cells)
        lot_number = m.lot.number if m.lot is not None else ""
        rows.append((format_date(m.business_date), f"{kind_label(m.kind)} {lot_number}", *inside, *outside,
                     _q(qty), _m(value)))
    title = (_("Stock register (ทะเบียนคุมสินค้า)") if item.kind == "finished"
             else _("Materials register (ทะเบียนคุมวัสดุ)"))
    return ReportTable(title, (_item_line(item),
                               *lot_line, shop.name_th, f"{format_date(start)} – {format_date(end)}"),
                       (_("Date"), _("Description"), _("In: quantity"), _("In: unit cost"), _("In: amount"),
                        _("Out: quantity"), _("Out: unit cost"), _("Out: amount"), _("Balance: quantity"),
                        _("Balance: amount")), tuple(rows), frozenset(range(2, 10)), landscape=True, sheet="register")


def _item_line(item: Item) -> str:
    return _("{item} ({sku}) — unit: {unit}").format(item=item.name_th, sku=item.sku, unit=unit_name(item.base_unit))


def _lot_of(lot_id: int, item_id: int | None = None) -> Lot:
    lot = Lot.get_or_none(Lot.id == lot_id)
    if lot is None or (item_id is not None and lot.item_id != item_id):
        raise NotFound("No lot with id {id}", id=lot_id)
    return lot


def document_name(kind: str, doc: uuid.UUID) -> str:
    """The document a movement belongs to, as people name it: a receipt (T1-87) or a batch's lot number."""
    if kind in ("sale", "refund"):
        return trace.receipt_of(doc)[0]
    if kind in ("consume", "produce"):
        batch = Batch.get_or_none(Batch.uuid == doc)
        return str(batch.number) if batch is not None else ""
    return ""


def stock_card(lot_id: int, shop_id: int) -> ReportTable:
    """The stock card of a lot in a shop: every movement, oldest first, with its document, what came in and
    went out, and the balance (quantity and exact value) after it."""
    lot = _lot_of(lot_id)
    item, shop = Item.get_by_id(lot.item_id), Shop.get_by_id(shop_id)
    qty = value = 0
    rows: list[tuple[str, ...]] = []
    for m in (StockMovement.select().where((StockMovement.lot == lot_id) & (StockMovement.shop == shop_id))
              .order_by(StockMovement.business_date, StockMovement.id)):
        q, v = int(m.quantity), int(m.value_satang)
        qty, value = qty + q, value + v
        rows.append((format_date(m.business_date), kind_label(m.kind), document_name(m.kind, m.document_uuid),
                     _q(q) if q > 0 else "", _q(-q) if q < 0 else "", _q(qty), _m(value)))
    expiry = format_date(lot.expires_on) if lot.expires_on else _("no expiry")
    return ReportTable(_("Stock card of lot {lot}").format(lot=lot.number),
                       (_item_line(item), shop.name_th,
                        _("Made or received {day}, expires {expiry}").format(day=format_date(lot.made_on),
                                                                            expiry=expiry)),
                       (_("Date"), _("What"), _("Receipt / lot"), _("In"), _("Out"), _("Balance: quantity"),
                        _("Balance: amount")), tuple(rows), frozenset({3, 4, 5, 6}), sheet="stock card")


def valuation() -> ReportTable:
    """Stock on hand at its exact value, per owning group and item."""
    query = (StockBalance.select(NetworkGroup.name_th, Item.sku, Item.name_th, pw.fn.SUM(StockBalance.quantity),
                                 pw.fn.SUM(StockBalance.held_value_satang))
             .join(Lot, on=(StockBalance.lot == Lot.id)).join(NetworkGroup, on=(Lot.group == NetworkGroup.id))
             .switch(StockBalance).join(Item, on=(StockBalance.item == Item.id))
             .group_by(NetworkGroup.name_th, Item.sku, Item.name_th).order_by(NetworkGroup.name_th, Item.sku))
    rows: list[tuple[str, ...]] = []
    totals: dict[str, int] = {}
    for group, sku, name, q, v in cast(Iterable[tuple[str, str, str, int, int]], query.tuples()):
        rows.append((group, f"{name} ({sku})", _q(int(q)), _m(int(v))))
        totals[group] = totals.get(group, 0) + int(v)
    rows += [(g, _("Total"), "", _m(v)) for g, v in totals.items()]
    return ReportTable(_("Stock valuation per group"), (), (_("Group"), _("Item"), _("On hand"), _("Value (baht)")),
                       tuple(rows), frozenset({2, 3}), sheet="valuation")
