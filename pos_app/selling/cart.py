"""The sale being rung up at the till: lines, quantities, the running total.  Pure, no database.

A line's amount is ``price × quantity ÷ per_quantity`` rounded to whole satang HALF_UP (e.g. กะปิ at
฿120.00 per 1000 g, 333 g → ฿39.96).  The total is the exact sum of line amounts.  The cart carries the
UUID its sale will be saved under, so saving the same cart twice is a no-op.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from pos_app.errors import InputError
from pos_app.money import ZERO, Money, Rounding
from pos_app.selling.catalog import ItemView

MAX_QUANTITY = 1_000_000_000  # base units; a typo guard (a tonne of anything at a stall is a typo)


@dataclass
class CartLine:
    item: ItemView
    quantity: int

    @property
    def amount(self) -> Money:
        return self.item.price.times_fraction(self.quantity, self.item.per_quantity, Rounding.HALF_UP)


def _check_quantity(quantity: int) -> int:
    if isinstance(quantity, bool) or not isinstance(quantity, int):
        raise TypeError("quantities are integers in the item's base unit")
    if quantity <= 0:
        raise InputError("The quantity must be more than zero")
    if quantity > MAX_QUANTITY:
        raise InputError("The quantity {quantity} is too large", quantity=quantity)
    return quantity


@dataclass
class Cart:
    lines: list[CartLine] = field(default_factory=list)
    uuid: uuid.UUID = field(default_factory=uuid.uuid4)

    def add(self, item: ItemView, quantity: int | None = None) -> int:
        """Add ``quantity`` (default: what one scan means) and return the index of the line it went to.

        The same item scanned again adds to its line, except goods sold by weight (each weighing is a line).
        """
        qty = _check_quantity(item.scan_quantity if quantity is None else quantity)
        if not item.sold_by_weight:
            for index, line in enumerate(self.lines):
                if line.item.id == item.id and line.item.price == item.price:
                    line.quantity = _check_quantity(line.quantity + qty)
                    return index
        self.lines.append(CartLine(item, qty))
        return len(self.lines) - 1

    def set_quantity(self, index: int, quantity: int) -> None:
        self.lines[index].quantity = _check_quantity(quantity)

    def remove(self, index: int) -> None:
        del self.lines[index]

    def clear(self) -> None:
        self.lines.clear()
        self.uuid = uuid.uuid4()

    @property
    def total(self) -> Money:
        return sum((line.amount for line in self.lines), ZERO)

    @property
    def is_empty(self) -> bool:
        return not self.lines

    def change_for(self, tendered: Money) -> Money:
        """The change to give for cash ``tendered``; :class:`InputError` if it does not cover the total."""
        if tendered < self.total:
            raise InputError("Cash received {tendered} is less than the total {total}",
                             tendered=tendered.format(), total=self.total.format())
        return tendered - self.total
