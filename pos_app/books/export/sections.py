"""The books as neutral sections (title, columns, rows, a total row) that each export format renders.

A cell is text, an int (a count or quantity), :class:`Money`, a date or None (blank).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from pos_app.books.cashbook import CashBook
from pos_app.books.days import Addendum
from pos_app.books.rd161 import RdReport
from pos_app.books.summary import Summary
from pos_app.books.xz import TillDay
from pos_app.money import Money
from pos_app.thai.dates import format_date
from resources.i18n import N_, _

Cell = str | int | Money | dt.date | None
Kind = Literal["text", "int", "money", "date"]

METHOD_TEXT = {"cash": N_("Cash"), "promptpay": N_("PromptPay"), "transfer": N_("Bank transfer")}
CHANNEL_TEXT = {"stall": N_("Stall"), "member": N_("Members"), "network": N_("Network groups"),
                "online": N_("Online")}
CATEGORY_TEXT = {"ice": N_("Ice"), "supplier": N_("Supplier paid from the drawer"),
                 "bank": N_("Money taken to the bank"), "change": N_("Change for the drawer"), "other": N_("Other")}
COST_TEXT = {"lots": N_("Cost of goods sold (from the lots sold)"),
             "mixed": N_("Cost of goods sold (lots; partly standard cost)"),
             "standard": N_("Cost of goods sold (standard cost)")}
STOCK_TEXT = {"produce": N_("Produced"), "consume": N_("Used in production"), "transfer": N_("Transferred"),
              "waste": N_("Wasted")}


@dataclass(frozen=True)
class Column:
    title: str
    kind: Kind = "text"
    width: float = 1.0  # relative width on the page


@dataclass(frozen=True)
class Section:
    key: str  # short ASCII name: sheet name, CSV file suffix
    title: str
    columns: tuple[Column, ...]
    rows: list[list[Cell]]
    total_rows: frozenset[int] = field(default_factory=frozenset)  # indexes of rows shown bold (subtotals)
    notes: tuple[str, ...] = ()


def _t(key: str, table: dict[str, str]) -> str:
    return _(table[key]) if key in table else key


def summary_sections(s: Summary) -> list[Section]:
    money: list[list[Cell]] = [
        [_("Sales"), s.sales_count, s.sales_total],
        [_("Refunds"), s.refunds_count, -s.refunds_total],
        [_("Voids"), s.voids_count, -s.voids_total],
        [_("Discounts given"), None, s.discounts],
        [_("Net sales"), None, s.net_sales],
    ]
    if not s.network:  # a group's books: goods given to other groups are its sales, goods taken its purchases
        money += [[_("Goods sold to other groups (transfers)"), None, s.transfers_out],
                  [_("Income from sales"), None, s.income]]
    money += [
        [_(COST_TEXT[s.cost_basis]), None, s.cost],
        [_("Gross margin"), None, s.margin],
    ]
    totals = {4, len(money) - 1} if s.network else {4, 6, len(money) - 1}
    if s.transfers_count:
        money += [[_("Goods bought from other groups (transfers)"), None, s.transfers_in]] if not s.network else [
            [_("Transfers between the groups (inside the network)"), s.transfers_count, s.transfers_in]]
    money += [[_("Payment: {method}").format(method=_t(m, METHOD_TEXT)), None, v]
              for m, v in sorted(s.by_method.items())]
    money += [[_("Channel: {channel}").format(channel=_t(c, CHANNEL_TEXT)), None, v]
              for c, v in sorted(s.by_channel.items())]
    money += [[_("Goods of group {group}").format(group=g), None, v] for g, v in sorted(s.by_group.items())]
    notes: tuple[str, ...] = (_("Cost of goods sold is worked from the costs of the lots sold; where goods were "
                                "sold that the books never received, from the item's standard cost (its latest "
                                "incoming unit cost): {count} units.").format(
        count=sum(i.standard_quantity for i in s.items)),) if s.cost_basis != "lots" else ()
    if s.is_empty:
        notes = (_("No sales, cash movements or stock movements in this period."), *notes)
    summary = Section("summary", _("Daily summary"), (Column(_("Item"), width=3), Column(_("Count"), "int"),
                      Column(_("Amount (baht)"), "money")), money, frozenset(totals), notes)
    item_rows: list[list[Cell]] = [[i.sku, i.name_th, i.group_code, i.quantity, i.base_unit, i.amount, i.cost,
                                    i.margin, i.standard_quantity or None] for i in s.items]
    item_cost = sum((i.cost for i in s.items), Money(0))
    item_rows.append([_("Total"), None, None, None, None, s.net_sales, item_cost, s.net_sales - item_cost,
                      sum(i.standard_quantity for i in s.items) or None])
    items = Section("items", _("Sales by item"), (
        Column(_("Code"), width=1.4), Column(_("Item"), width=3), Column(_("Group")), Column(_("Quantity"), "int"),
        Column(_("Unit")), Column(_("Sales (baht)"), "money"), Column(_("Cost (baht)"), "money"),
        Column(_("Margin (baht)"), "money"), Column(_("At standard cost"), "int", 1.3)),
        item_rows, frozenset({len(s.items)}))
    moves = Section("cash", _("Cash movements of the drawer"), (
        Column(_("Direction")), Column(_("Category"), width=2.5), Column(_("Amount (baht)"), "money")),
        [[_("In") if d == "in" else _("Out"), _t(c, CATEGORY_TEXT), v] for (d, c), v in sorted(s.cash_moves.items())])
    stock = Section("stock", _("Stock produced, used, transferred and wasted"), (
        Column(_("Movement")), Column(_("Code"), width=1.4), Column(_("Item"), width=3), Column(_("Quantity"), "int"),
        Column(_("Unit"))), [[_t(k, STOCK_TEXT), sku, name, qty, unit] for k, rows in sorted(s.stock.items())
                             for sku, name, qty, unit in rows])
    return [summary, items, moves, stock]


def z_section(reports: list[TillDay]) -> Section:
    rows: list[list[Cell]] = []
    for z in reports:
        counted = sum(s.counted_satang or 0 for s in z.shifts)
        over = sum(s.over_short_satang or 0 for s in z.shifts)
        expected = sum(s.expected_satang for s in z.shifts)
        name = f"Z {z.number}" if z.kind == "Z" else _("X (day not closed)")
        rows.append([z.till_code, name, z.sales_count, Money(z.sales_satang), Money(z.refunds_satang),
                     Money(z.net_satang), Money(z.by_method.get("cash", 0)), Money(z.by_method.get("promptpay", 0)),
                     Money(expected), Money(counted), Money(over), len(z.unticked)])
    notes = tuple(_("Journal head on {till}: {head}").format(till=z.till_code, head=z.journal_head)
                  for z in reports if z.journal_head)
    return Section("z", _("Z reports of the tills"), (
        Column(_("Till"), width=0.8), Column(_("Report"), width=1.6), Column(_("Sales"), "int", 0.7),
        Column(_("Sales (baht)"), "money"),
        Column(_("Refunds (baht)"), "money"), Column(_("Net (baht)"), "money"),
        Column(_("Cash (baht)"), "money"),
        Column(_("PromptPay (baht)"), "money"), Column(_("Expected cash"), "money"),
        Column(_("Counted cash"), "money"),
        Column(_("Over/short"), "money"), Column(_("PromptPay unticked"), "int")), rows, notes=notes)


def addenda_section(addenda: list[tuple[str, Addendum]]) -> Section:
    """Late documents that reached closed days, per numbered addendum (they are in the books above too)."""
    rows: list[list[Cell]] = [[shop, a.business_date, a.number, _("Sealed") if a.sealed else _("Open"),
                               len(a.documents), a.sales_count, Money(a.net_satang)] for shop, a in addenda]
    return Section("addenda", _("Addenda: documents that arrived after the day was closed"), (
        Column(_("Shop"), width=1.4), Column(_("Day"), "date"), Column(_("Addendum"), "int"), Column(_("State")),
        Column(_("Documents"), "int"), Column(_("Sales"), "int"), Column(_("Net (baht)"), "money")), rows)


def cash_book_section(book: CashBook) -> Section:
    rows: list[list[Cell]] = [[book.scope.start, None, _("Brought forward"), None, None, None, None,
                               book.brought_forward[0], book.brought_forward[1]]]
    rows += [[ln.day, ln.document, ln.description, ln.cash_in, ln.bank_in, ln.cash_out, ln.bank_out,
              ln.cash_balance, ln.bank_balance] for ln in book.lines]
    ci, bi, co, bo = book.totals
    rows.append([book.scope.end, None, _("Carried forward"), ci, bi, co, bo, book.carried_forward[0],
                 book.carried_forward[1]])
    return Section("cashbook", _("Cash book"), (
        Column(_("Date"), "date"), Column(_("Document"), width=1.6), Column(_("Description"), width=3),
        Column(_("In: cash"), "money"), Column(_("In: bank"), "money"), Column(_("Out: cash"), "money"),
        Column(_("Out: bank"), "money"), Column(_("Balance: cash"), "money"), Column(_("Balance: bank"), "money")),
        rows, frozenset({0, len(rows) - 1}))


def rd161_section(report: RdReport) -> Section:
    rows: list[list[Cell]] = []
    bold: set[int] = set()
    for month in report.months:
        rows += [[ln.day, ln.description, ln.income, ln.purchases, ln.other, ("⚠ " + ln.note) if ln.late else ln.note]
                 for ln in month.lines]
        label = _("Total for {month}").format(month=format_date(dt.date(month.year, month.month, 1), "long")
                                              .split(" ", 1)[1])
        bold.add(len(rows))
        rows.append([None, label, month.income, month.purchases, month.other, None])
        bold.add(len(rows))
        rows.append([None, _("Profit from sales"), month.profit, None, None, None])
    if len(report.months) != 1:
        bold.add(len(rows))
        rows.append([None, _("Total for the period"), report.income, report.purchases, report.other, None])
        bold.add(len(rows))
        rows.append([None, _("Profit from sales"), report.profit, None, None, None])
    notes: tuple[str, ...] = (_("Cash basis: income on the day the money arrives; expenses when cash is paid out."),)
    if not report.months:
        notes = (_("No income or expense in this period."), *notes)
    return Section("rd161", _("Daily income and expense report (notice 161)"), (
        Column(_("Day/month/year"), "date"), Column(_("Description"), width=3), Column(_("Income"), "money"),
        Column(_("Expense: purchases of goods"), "money"), Column(_("Expense: other expenses"), "money"),
        Column(_("Note"), width=2)), rows, frozenset(bold), notes)
