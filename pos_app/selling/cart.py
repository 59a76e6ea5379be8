"""The sale being rung up at the till: lines, quantities, discounts, the running total.  Pure, no database.

A line's amount is ``price × quantity ÷ per_quantity`` rounded to whole satang HALF_UP (e.g. กะปิ at
฿120.00 per 1000 g, 333 g → ฿39.96).  A line discount and the whole-sale discount are reductions in
satang; a discount given as a percent is ``amount × percent`` rounded HALF_UP to the satang (stated here,
the one place).  total = Σ(line amount − line discount) − sale discount, never below zero.
The cart carries the UUID its sale will be saved under, so saving the same cart twice is a no-op, and
:meth:`Cart.clear` gives the next sale a new one.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pos_app.errors import InputError
from pos_app.money import ZERO, Money, Rounding
from pos_app.selling.catalog import DEFAULT_TIER, ItemView

if TYPE_CHECKING:
    from pos_app.people.users import Actor

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
MAX_QUANTITY = 1_000_000_000  # base units; a typo guard (a tonne of anything at a stall is a typo)
CHANNELS = ("stall", "member", "network", "online")


@dataclass
class CartLine:
    item: ItemView
    quantity: int
    discount: Money = ZERO
    lot: str = ""  # a lot named by its scanned label; "" = first-expiry-first-out, chosen by the stock ledger
    expired_ok_by: Actor | None = None  # the manager who let an expired lot be sold

    @property
    def amount(self) -> Money:
        """Before the line's discount."""
        return self.item.price.times_fraction(self.quantity, self.item.per_quantity, Rounding.HALF_UP)

    @property
    def net(self) -> Money:
        return self.amount - self.discount


def _check_quantity(quantity: int) -> int:
    if isinstance(quantity, bool) or not isinstance(quantity, int):
        raise TypeError("quantities are integers in the item's base unit")
    if quantity <= 0:
        raise InputError("The quantity must be more than zero")
    if quantity > MAX_QUANTITY:
        raise InputError("The quantity {quantity} is too large", quantity=quantity)
    return quantity


def percent_of(amount: Money, hundredths_of_percent: int) -> Money:
    """``amount × p %`` where p is given in hundredths of a percent (1250 = 12.5 %), rounded HALF_UP."""
    if not 0 <= hundredths_of_percent <= 10_000:
        raise InputError("A discount is between 0 and 100 percent")
    return amount.times_fraction(hundredths_of_percent, 10_000, Rounding.HALF_UP)


def parse_discount(text: str, base: Money) -> Money:
    """What a person typed as a discount on ``base``: ``"10%"`` / ``"12.5 %"`` (a percent, :func:`percent_of`)
    or an amount such as ``"5"`` or ``"฿5.50"``; Thai digits accepted."""
    cleaned = text.translate(_THAI_DIGITS).strip().replace(" ", "")
    if cleaned.endswith("%"):
        hundredths = Money.parse(cleaned[:-1]).satang  # "12.5" parses as 1250 hundredths of a unit
        return percent_of(base, hundredths)
    return Money.parse(cleaned)


@dataclass
class Cart:
    lines: list[CartLine] = field(default_factory=list)
    uuid: uuid.UUID = field(default_factory=uuid.uuid4)
    discount: Money = ZERO  # the whole-sale discount
    tier: str = DEFAULT_TIER
    channel: str = "stall"
    customer_name: str = ""
    customer_phone: str = ""
    note: str = ""

    def add(self, item: ItemView, quantity: int | None = None, lot: str = "",
            expired_ok_by: Actor | None = None) -> int:
        """Add ``quantity`` (default: what one scan means) and return the index of the line it went to.

        The same item scanned again adds to its line (of the same lot), except goods sold by weight (each
        weighing is a line).
        """
        qty = _check_quantity(item.scan_quantity if quantity is None else quantity)
        if not item.sold_by_weight:
            for index, line in enumerate(self.lines):
                if line.item.id == item.id and line.item.price == item.price and line.lot == lot:
                    line.quantity = _check_quantity(line.quantity + qty)
                    line.expired_ok_by = line.expired_ok_by or expired_ok_by
                    self._clip_discounts(index)
                    return index
        self.lines.append(CartLine(item, qty, lot=lot, expired_ok_by=expired_ok_by))
        return len(self.lines) - 1

    def set_quantity(self, index: int, quantity: int) -> None:
        self.lines[index].quantity = _check_quantity(quantity)
        self._clip_discounts(index)

    def remove(self, index: int) -> None:
        del self.lines[index]
        self._clip_discounts(None)

    def set_line_discount(self, index: int, discount: Money) -> None:
        line = self.lines[index]
        if discount < ZERO:
            raise InputError("A discount cannot be negative")
        if discount > line.amount:
            raise InputError("The discount {discount} is more than the line's {amount}",
                             discount=discount.format(), amount=line.amount.format())
        line.discount = discount
        self._clip_discounts(None)

    def set_discount(self, discount: Money) -> None:
        """The whole-sale discount (after line discounts)."""
        if discount < ZERO:
            raise InputError("A discount cannot be negative")
        if discount > self.subtotal:
            raise InputError("The discount {discount} is more than the sale's {amount}",
                             discount=discount.format(), amount=self.subtotal.format())
        self.discount = discount

    def _clip_discounts(self, index: int | None) -> None:
        """After a quantity change, no discount may exceed what it reduces (it is cut back, never raised)."""
        for line in self.lines if index is None else [self.lines[index]]:
            if line.discount > line.amount:
                line.discount = line.amount
        if self.discount > self.subtotal:
            self.discount = self.subtotal

    def set_channel(self, channel: str, customer_name: str = "", customer_phone: str = "") -> None:
        if channel not in CHANNELS:
            raise InputError("Unknown sales channel {channel}", channel=channel)
        self.channel, self.customer_name, self.customer_phone = channel, customer_name.strip(), \
            customer_phone.strip()

    def clear(self) -> None:
        """Empty the cart for the next sale, which gets a new UUID."""
        self.lines.clear()
        self.uuid = uuid.uuid4()
        self.discount = ZERO
        self.channel, self.customer_name, self.customer_phone, self.note = "stall", "", "", ""
        self.tier = DEFAULT_TIER

    @property
    def subtotal(self) -> Money:
        """Σ(line amount − line discount)."""
        return sum((line.net for line in self.lines), ZERO)

    @property
    def discount_total(self) -> Money:
        return sum((line.discount for line in self.lines), ZERO) + self.discount

    @property
    def total(self) -> Money:
        return self.subtotal - self.discount

    @property
    def is_empty(self) -> bool:
        return not self.lines

    def change_for(self, tendered: Money) -> Money:
        """The change to give for cash ``tendered``; :class:`InputError` if it does not cover the total."""
        if tendered < self.total:
            raise InputError("Cash received {tendered} is less than the total {total}",
                             tendered=tendered.format(), total=self.total.format())
        return tendered - self.total
