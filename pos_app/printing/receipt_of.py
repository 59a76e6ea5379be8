"""The receipt of a saved document, built from its database rows (never from the cart on screen).

A sale prints as a ใบเสร็จรับเงิน: a seller below the VAT threshold issues a plain receipt, never a tax
invoice.  What section 105 ทวิ of the Revenue Code asks of it is all here: the issuer's name and tax id,
a book and receipt number (the book is the till: each till numbers its receipts on its own), the date
(Buddhist Era) and time, each kind of goods with its name, quantity and price, and the amount received —
plus the seller, the till, discounts, payments and change, the total in Thai words and the shop's footer.
A refund or a void prints its own clearly titled slip pointing back at the receipt it reverses.  An online
order not paid in full prints as an order slip (ใบสั่งซื้อ, "not a receipt", what is still to pay); once the
money is all in, its job prints the receipt with every payment.  A job prints the document as it stood when
the job was queued (``as_of``), so a slip stuck behind a switched-off printer never turns into a second
receipt.

Amounts are :class:`~pos_app.money.Money` formatted here; the ``receipts`` package only places strings.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from db.models import Item, OrderPayment, Payment, Sale, SaleLine, Shop, Till, User
from db.models.printing import TillPrinter
from pos_app.errors import NotFound
from pos_app.money import Money
from pos_app.thai.dates import format_date, format_time
from pos_app.thai.words import baht_words
from receipts.document import (
    Block,
    Cut,
    DrawerKick,
    Feed,
    Logo,
    Receipt,
    Row,
    Separator,
    Text,
)
from resources.i18n import N_, _, language

TITLES = {
    "sale": N_("RECEIPT"),
    "refund": N_("REFUND RECEIPT"),
    "void": N_("VOID SLIP"),
    "order": N_("ORDER"),
}
METHODS = {
    "cash": N_("Cash"),
    "promptpay": N_("PromptPay"),
    "transfer": N_("Bank transfer"),
}
UNITS = {"piece": N_("pc"), "g": N_("g"), "ml": N_("ml")}
PER_UNITS = {("g", 1000): N_("kg"), ("ml", 1000): N_("l")}


@dataclass(frozen=True)
class Decor:
    """The till's own additions: a logo, header lines under the shop's name, footer lines at the end."""

    logo: bytes | None = None
    header: tuple[str, ...] = ()
    footer: tuple[str, ...] = ()
    drawer: bool = True


def decor_of_till(till_id: int) -> Decor:
    row = TillPrinter.get_or_none(TillPrinter.till == till_id)
    if row is None:
        return Decor()
    logo = bytes(row.logo) if row.logo else None
    return Decor(logo, _lines(row.header), _lines(row.footer), bool(row.drawer))


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


def tax_id_text(tax_id: str) -> str:
    """A 13-digit tax id grouped as printed on Thai documents: ``0-1055-12345-67-8``."""
    d = "".join(c for c in tax_id if c.isdigit())
    if len(d) != 13:
        return tax_id
    return f"{d[0]}-{d[1:5]}-{d[5:10]}-{d[10:12]}-{d[12]}"


def quantity_text(quantity: int, base_unit: str) -> str:
    """``2 ชิ้น``, ``333 ก.``, ``1,500 มล.`` (the base unit, the integer stored)."""
    return f"{quantity:,} {_(UNITS.get(base_unit, base_unit))}"


def unit_price_text(price_satang: int, per_quantity: int, base_unit: str) -> str:
    """``฿60.00`` a piece, ``฿200.00/กก.`` for goods priced per 1000 g."""
    price = Money(price_satang).format()
    if per_quantity == 1:
        return price
    per = PER_UNITS.get((base_unit, per_quantity))
    if per is not None:
        return f"{price}/{_(per)}"
    return f"{price}/{quantity_text(per_quantity, base_unit)}"


def receipt_number(number: int) -> str:
    return f"{number:06d}"


def build_receipt(doc_uuid: uuid.UUID, *, copy: bool = False, decor: Decor | None = None,
                  as_of: dt.datetime | None = None) -> Receipt:
    """The receipt (or refund / void / order slip) of the saved document ``doc_uuid`` as it stood at
    ``as_of`` (default: now); ``copy`` marks a reprint สำเนา / COPY and never opens the drawer.
    Raises :class:`NotFound` when no such document is saved."""
    sale = (Sale.select(Sale, Till, Shop, User).join(Till).join(Shop)
            .switch(Sale).join(User, on=(Sale.seller == User.id))
            .where(Sale.uuid == doc_uuid).first())
    if sale is None:
        raise NotFound("No saved sale or refund {uuid}", uuid=str(doc_uuid))
    decor = decor if decor is not None else decor_of_till(sale.till_id)
    lines = list(SaleLine.select(SaleLine, Item).join(Item).where(SaleLine.sale == sale)
                 .order_by(SaleLine.line_no))
    payments: list[Payment | OrderPayment] = list(Payment.select().where(Payment.sale == sale).order_by(Payment.id))
    order = sale.kind == "sale" and getattr(sale, "channel", "") == "online"
    if order:  # money received later for the order, up to the moment the job was queued
        later = OrderPayment.select().where(OrderPayment.sale_uuid == sale.uuid).order_by(OrderPayment.id)
        payments += [p for p in later if as_of is None or p.created_at <= as_of]
    returned, given_back = _order_refunds(sale, as_of) if order else (0, 0)
    # what is still due: the goods kept (total less what refunds took back) less the money kept (paid less
    # what refunds gave back)
    due = abs(int(sale.total_satang)) - returned - (sum(abs(int(p.amount_satang)) for p in payments) - given_back)
    kind = "order" if order and due > 0 else _kind_of(sale)
    original = Sale.get_or_none(Sale.id == sale.refund_of_id) if sale.refund_of_id else None
    blocks: list[Block] = []
    cash = any(p.method == "cash" and p.amount_satang != 0 for p in payments)
    if cash and decor.drawer and not copy:
        blocks.append(DrawerKick())  # first: the drawer opens while the paper prints
    blocks += _head(sale, decor, kind)
    blocks += _reference(sale, original)
    blocks.append(Separator("dashed"))
    blocks += _goods(lines)
    blocks.append(Separator("solid"))
    blocks += _totals(sale, lines)
    if returned:
        blocks.append(Row(_("Goods returned"), (-Money(returned)).format()))
    blocks += _payments(payments, sale.kind)
    if given_back:
        blocks.append(Row(_("Money given back"), (-Money(given_back)).format()))
    if kind == "order":
        blocks.append(Row(_("Still to pay"), Money(due).format(), weight="bold"))
    blocks += _foot(sale, decor)
    return Receipt(tuple(blocks), copy=copy)


def _order_refunds(order: Sale, as_of: dt.datetime | None) -> tuple[int, int]:
    """(value of the goods refunds of ``order`` took back, money they gave back), in satang, both positive,
    counting the refunds saved up to ``as_of`` (all when None).  A void cancels the order: its paper stays
    the order slip it was, so voids are not counted here."""
    refunds = [r for r in Sale.select().where((Sale.refund_of == order.id) & (Sale.kind == "refund")
                                              & (Sale.reversal != "void"))
               if as_of is None or r.created_at <= as_of]
    if not refunds:
        return 0, 0
    given = Payment.select(Payment.amount_satang).where(Payment.sale.in_([r.id for r in refunds]))
    return sum(abs(int(r.total_satang)) for r in refunds), sum(abs(int(p.amount_satang)) for p in given)


def _head(sale: Sale, decor: Decor, kind: str) -> list[Block]:
    shop = sale.till.shop
    out: list[Block] = []
    if decor.logo:
        out.append(Logo(decor.logo, 0.5))
    name = shop.name_en if language() == "en" else shop.name_th
    out.append(Text(name, align="center", weight="bold"))
    out += [Text(line, align="center") for line in decor.header]
    if shop.tax_id:
        out.append(Text(_("Tax ID {tax_id}").format(tax_id=tax_id_text(shop.tax_id)), align="center"))
    out.append(Text(_(TITLES[kind]), align="center", size="double", weight="bold"))
    if kind == "order":
        out.append(Text(_("Not a receipt"), align="center"))
    out.append(Row(_("Book {book} No. {number}").format(book=sale.till.code, number=receipt_number(sale.number)),
                   _("Till {till}").format(till=sale.till.code)))
    out.append(Row(_("Date {date}").format(date=format_date(sale.created_at, "short")),
                   _("{time} h").format(time=format_time(sale.created_at))))
    out.append(Text(_("Seller: {name}").format(name=sale.seller.display_name)))
    customer = getattr(sale, "customer_name", "") or ""
    if customer:
        phone = getattr(sale, "customer_phone", "") or ""
        out.append(Text(_("Customer: {name}").format(name=f"{customer} {phone}".strip())))
    return out


def _kind_of(sale: Sale) -> str:
    """sale, refund or void (a void is a refund document marked ``reversal="void"``)."""
    if sale.kind == "refund":
        return "void" if getattr(sale, "reversal", "") == "void" else "refund"
    return "sale" if sale.kind not in TITLES else str(sale.kind)


def _reference(sale: Sale, original: Sale | None) -> list[Block]:
    out: list[Block] = []
    if original is not None:
        out.append(Text(_("Reverses receipt {book}-{number} of {date}").format(
            book=sale.till.code if original.till_id == sale.till_id else original.till_id,
            number=receipt_number(original.number), date=format_date(original.created_at, "short"))))
    if sale.kind != "sale" and sale.note:
        out.append(Text(_("Reason: {reason}").format(reason=sale.note)))
    return out


def _goods(lines: Sequence[SaleLine]) -> list[Block]:
    out: list[Block] = []
    for line in lines:
        item = line.item
        qty = abs(int(line.quantity))
        middle = f"{quantity_text(qty, item.base_unit)} × " + unit_price_text(
            line.unit_price_satang, line.per_quantity, item.base_unit)
        name = item.name_en if language() == "en" else item.name_th
        out.append(Row(name, Money(abs(int(line.amount_satang))).format(), middle=middle))
        line_discount = int(getattr(line, "discount_satang", 0) or 0)
        if line_discount:
            out.append(Row("  " + _("Discount"), (-Money(abs(line_discount))).format()))
    return out


def _totals(sale: Sale, lines: Sequence[SaleLine]) -> list[Block]:
    """Σ(line amount − line discount), the whole-sale discount, the total (as the sales service defines it:
    total = Σ(line amount − line discount) − discount; a refund's amounts are shown positive)."""
    subtotal = sum(abs(int(line.amount_satang)) - int(getattr(line, "discount_satang", 0) or 0) for line in lines)
    total = abs(int(sale.total_satang))
    out: list[Block] = [Row(_("{count} items").format(count=len(lines)), Money(subtotal).format(), weight="bold")]
    discount = int(getattr(sale, "discount_satang", 0) or 0)
    if discount:
        out.append(Row(_("Discount on the bill"), (-Money(discount)).format()))
    label = _("Refunded") if sale.kind != "sale" else _("Total")
    out.append(Row(label, Money(total).format(), size="double_height", weight="bold"))
    out.append(Text(f"({baht_words(total)})", align="right"))
    return out


def _payments(payments: Sequence[Payment | OrderPayment], kind: str) -> list[Block]:
    out: list[Block] = []
    for pay in payments:
        method = _(METHODS.get(pay.method, pay.method))
        amount = abs(int(pay.amount_satang))
        if kind == "sale":
            out.append(Row(_("Received by {method}").format(method=method),
                           Money(abs(int(pay.tendered_satang))).format()))
            if pay.change_satang:
                out.append(Row(_("Change"), Money(int(pay.change_satang)).format()))
        else:
            out.append(Row(_("Paid back by {method}").format(method=method), Money(amount).format()))
    return out


def _foot(sale: Sale, decor: Decor) -> list[Block]:
    out: list[Block] = [Separator("dashed")]
    out += [Text(line, align="center") for line in decor.footer]
    out += [Feed(1), Cut()]
    return out


@dataclass(frozen=True)
class SlipLine:
    name: str
    quantity: str  # as shown: "2 ชิ้น", "333 ก."
    amount: Money


def slip_receipt(title: str, reference: str, when: dt.datetime, lines: Sequence[SlipLine], total: Money,
                 *, shop_name: str = "", customer: str = "", note: str = "") -> Receipt:
    """A slip that is not a receipt — a held sale or an online order — for ``enqueue_document``: it says so
    in print, so nobody takes it for proof of payment."""
    blocks: list[Block] = []
    if shop_name:
        blocks.append(Text(shop_name, align="center", weight="bold"))
    blocks += [
        Text(title, align="center", size="double", weight="bold"),
        Text(_("Not a receipt"), align="center"),
        Text(reference),
        Row(_("Date {date}").format(date=format_date(when, "short")), _("{time} h").format(time=format_time(when))),
    ]
    if customer:
        blocks.append(Text(_("Customer: {name}").format(name=customer)))
    blocks.append(Separator("dashed"))
    blocks += [Row(line.name, line.amount.format(), middle=line.quantity) for line in lines]
    blocks += [Separator("solid"), Row(_("Total"), total.format(), weight="bold")]
    if note:
        blocks.append(Text(note))
    blocks += [Feed(1), Cut()]
    return Receipt(tuple(blocks))
