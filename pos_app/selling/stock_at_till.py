"""What the till asks about stock: on-hand per product, whether one more can be sold, and lot labels.

The core decides; the till only asks and shows the answer.

* **On hand** is what the books show in the till's shop (the stock room's balances, never the ledger).
* **Selling past on-hand** follows the shop's setting ``stock_policy`` (:mod:`pos_app.settings`): ``warn``
  (the default) lets the line in and says by how much the cart is short; ``block`` refuses the line.  The
  sale's own transaction decides again (another till may have sold the last unit meanwhile): under ``block``
  it refuses the sale, under ``warn`` it is saved and :attr:`SaleResult.shortfalls` says what was short.
* **Lots**: goods leave first-expiry-first-out, chosen by the stock ledger.  A **lot label** is a Code 128
  barcode carrying the lot number as the stock room numbers it (``KAPI-25691124-001``), or the lot's UUID
  in a QR code, read by :func:`pos_app.stock.lots.lot_by_label`; scanning it sells from that lot.  An
  expired lot is sold only with a manager's override (who approved is kept on the cart line and written to
  the audit log with the sale).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

import peewee as pw

from db.models import Lot, database
from db.models.stock import StockBalance
from pos_app.clock import today
from pos_app.errors import InputError
from pos_app.selling.cart import Cart
from pos_app.stock.ledger import on_hand_many, stock_policy
from pos_app.stock.lots import is_expired, lot_by_label


@dataclass(frozen=True)
class StockAnswer:
    """The answer to "may this line go into the cart?"."""

    item_id: int
    on_hand: int  # in the shop (for a named lot: in that lot)
    in_cart: int  # units of the item (of that lot) the cart would hold with the new ones
    policy: str  # "warn" or "block"
    lot: str = ""

    @property
    def short_by(self) -> int:
        return max(0, self.in_cart - self.on_hand)

    @property
    def blocked(self) -> bool:
        return self.policy == "block" and self.short_by > 0


@dataclass(frozen=True)
class LotAtTill:
    """A lot read from its label: what the till needs to sell from it."""

    number: str
    item_id: int
    expires_on: dt.date | None
    expired: bool


def on_hand(item_ids: Iterable[int], shop_id: int) -> dict[int, int]:
    return on_hand_many(item_ids, shop_id)


def shop_on_hand(shop_id: int) -> dict[int, int]:
    """On hand of every item the shop holds any balance of (one grouped read of the balances); an item
    missing from it has none."""
    query = (StockBalance.select(StockBalance.item, pw.fn.SUM(StockBalance.quantity))
             .where(StockBalance.shop == shop_id).group_by(StockBalance.item))
    cursor = database.execute_sql(*query.sql())  # the bare cursor: no row objects for thousands of items
    return {int(item): int(qty) for item, qty in cast(Iterable[tuple[int, int]], cursor.fetchall())}


def lot_on_hand(lot_number: str, shop_id: int) -> int:
    row = (StockBalance.select(StockBalance.quantity).join(Lot)
           .where((Lot.number == lot_number) & (StockBalance.shop == shop_id)).first())
    return 0 if row is None else int(row.quantity)


def check_add(shop_id: int, cart: Cart, item_id: int, quantity: int, lot: str = "") -> StockAnswer:
    """Would ``quantity`` more of the item (from ``lot``, if named) be covered by the books?"""
    if lot:
        held = lot_on_hand(lot, shop_id)
        in_cart = sum(line.quantity for line in cart.lines if line.item.id == item_id and line.lot == lot)
    else:
        held = on_hand_many([item_id], shop_id)[item_id]
        in_cart = sum(line.quantity for line in cart.lines if line.item.id == item_id)
    return StockAnswer(item_id, held, in_cart + quantity, stock_policy(shop_id), lot)


def check_cart(shop_id: int, cart: Cart) -> list[StockAnswer]:
    """Every item of the cart the books do not cover (what a payment screen may warn about)."""
    wanted: dict[int, int] = {}
    for line in cart.lines:
        wanted[line.item.id] = wanted.get(line.item.id, 0) + line.quantity
    held = on_hand_many(wanted, shop_id)
    policy = stock_policy(shop_id)
    answers = [StockAnswer(item_id, held[item_id], qty, policy) for item_id, qty in wanted.items()]
    return [a for a in answers if a.short_by > 0]


def read_lot_label(code: str, day: dt.date | None = None) -> LotAtTill | None:
    """The lot a scanned label names, or ``None`` when ``code`` is no lot number (then it is a barcode)."""
    if "-" not in code:  # lot numbers and UUIDs have dashes; a shop barcode (EAN) never does: no look-up
        return None
    try:
        lot = lot_by_label(code)  # the stock room's reading: the number in any letter case, or the UUID
    except InputError:
        return None
    if lot.origin == "unrecorded":
        return None
    return LotAtTill(str(lot.number), int(lot.item_id), lot.expires_on, is_expired(lot, day or today()))
