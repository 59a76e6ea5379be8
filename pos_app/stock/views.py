"""What the production lead looks at: on hand per item and lot (with expiry and value), low stock,
expiring soon, and the stock card (every movement with its running balance), all read from balances and an
index walk of the ledger (never a sum over the whole ledger)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

import peewee as pw

from db.models import Item, Lot, StockMovement
from db.models.stock import ItemStockRule, StockBalance
from pos_app.money import Money


@dataclass(frozen=True)
class LotOnHand:
    item_id: int
    sku: str
    name: str
    unit: str
    lot_id: int
    lot: str
    expires_on: dt.date | None
    quantity: int
    value: Money


def on_hand_by_lot(shop_id: int, item_ids: Iterable[int] | None = None, include_empty: bool = False) -> list[LotOnHand]:
    query = (StockBalance.select(StockBalance.quantity, StockBalance.held_value_satang, Lot.id, Lot.number,
                                 Lot.expires_on, Item.id, Item.sku, Item.name_th, Item.base_unit)
             .join(Lot, on=(StockBalance.lot == Lot.id)).switch(StockBalance)
             .join(Item, on=(StockBalance.item == Item.id))
             .where(StockBalance.shop == shop_id)
             .order_by(Item.sku, Lot.expires_on.is_null(), Lot.expires_on, Lot.id))
    if not include_empty:
        query = query.where(StockBalance.quantity != 0)
    if item_ids is not None:
        query = query.where(StockBalance.item.in_(list(item_ids)))
    out = []
    for qty, value, lot_id, number, expires, item_id, sku, name, unit in cast(Iterable[tuple[Any, ...]],
                                                                              query.tuples()):
        expiry = Lot.expires_on.python_value(expires)
        out.append(LotOnHand(int(item_id), sku, name, unit, int(lot_id), number, expiry, int(qty), Money(int(value))))
    return out


@dataclass(frozen=True)
class LotChoice:
    """A lot of an item, as a lot picker offers it."""

    lot_id: int
    number: str
    made_on: dt.date
    expires_on: dt.date | None
    on_hand: int  # in the shop asked about (0: sold out here, or held elsewhere)


def lots_of(item_id: int, shop_id: int) -> list[LotChoice]:
    """Every lot of the item, newest first (sold-out ones too: a recall names them), with what this shop holds."""
    held = {int(lot): int(q) for lot, q in cast(Iterable[tuple[int, int]], StockBalance.select(
        StockBalance.lot, StockBalance.quantity).where((StockBalance.item == item_id)
                                                       & (StockBalance.shop == shop_id)).tuples())}
    return [LotChoice(int(lot.id), str(lot.number), lot.made_on, lot.expires_on, held.get(int(lot.id), 0))
            for lot in Lot.select().where(Lot.item == item_id).order_by(Lot.made_on.desc(), Lot.id.desc())]


def low_stock(shop_id: int) -> list[tuple[int, str, int, int]]:
    """(item id, name, on hand, low-stock level) for items kept in this shop (they have a lot here) at or
    below their level."""
    held = (StockBalance.select(StockBalance.item, pw.fn.SUM(StockBalance.quantity).alias("qty"))
            .where(StockBalance.shop == shop_id).group_by(StockBalance.item))
    rules = ItemStockRule.select().where(ItemStockRule.low_stock_level > 0)
    levels = {r.item_id: int(r.low_stock_level) for r in rules}
    on_hand = {int(i): int(q) for i, q in cast(Iterable[tuple[int, int]], held.tuples())}
    names = {i.id: i.name_th for i in Item.select(Item.id, Item.name_th).where(Item.id.in_(list(levels)))}
    return [(i, names[i], on_hand[i], level) for i, level in sorted(levels.items())
            if i in on_hand and on_hand[i] <= level]


def expiring(shop_id: int, today: dt.date, within_days: int = 14) -> list[LotOnHand]:
    """Lots holding stock that expire within ``within_days`` (expired ones included), soonest first."""
    limit = today + dt.timedelta(days=within_days)
    rows = [r for r in on_hand_by_lot(shop_id) if r.quantity > 0 and r.expires_on is not None
            and r.expires_on <= limit]
    return sorted(rows, key=lambda r: (r.expires_on or limit, r.lot))


@dataclass(frozen=True)
class CardRow:
    id: int
    business_date: dt.date
    created_at: dt.datetime
    kind: str
    document_uuid: uuid.UUID
    lot: str
    quantity: int  # signed
    value: Money  # signed
    balance: int  # on hand after this row
    balance_value: Money


@dataclass(frozen=True)
class CardPage:
    rows: tuple[CardRow, ...]  # newest first
    next_before_id: int | None  # pass back for the next (older) page
    next_balance: tuple[int, int]  # (quantity, value) after the row just older than this page


def _current(item_id: int, shop_id: int, lot_id: int | None) -> tuple[int, int]:
    q = StockBalance.select(pw.fn.COALESCE(pw.fn.SUM(StockBalance.quantity), 0),
                            pw.fn.COALESCE(pw.fn.SUM(StockBalance.held_value_satang), 0)).where(
        (StockBalance.item == item_id) & (StockBalance.shop == shop_id))
    if lot_id is not None:
        q = q.where(StockBalance.lot == lot_id)
    qty, value = cast(tuple[int, int], q.tuples().get())
    return int(qty), int(value)


def stock_card(item_id: int, shop_id: int, lot_id: int | None = None, page_size: int = 50,
               before_id: int | None = None, balance: tuple[int, int] | None = None) -> CardPage:
    """One page of the stock card of an item (or one lot) in a shop, newest first, each row with the balance
    after it.  The first page starts from the balance rows; later pages from ``next_balance``."""
    qty, value = balance if balance is not None else _current(item_id, shop_id, lot_id)
    query = (StockMovement.select(StockMovement.id, StockMovement.business_date, StockMovement.created_at,
                                  StockMovement.kind, StockMovement.document_uuid, Lot.number,
                                  StockMovement.quantity, StockMovement.value_satang)
             .join(Lot, on=(StockMovement.lot == Lot.id))
             .where((StockMovement.item == item_id) & (StockMovement.shop == shop_id))
             .order_by(StockMovement.id.desc()).limit(page_size + 1))
    if lot_id is not None:
        query = query.where(StockMovement.lot == lot_id)
    if before_id is not None:
        query = query.where(StockMovement.id < before_id)
    fetched = list(cast(Iterable[tuple[Any, ...]], query.tuples()))
    rows = []
    for mid, day, at, kind, doc, number, q, v in fetched[:page_size]:
        rows.append(CardRow(int(mid), StockMovement.business_date.python_value(day),
                            StockMovement.created_at.python_value(at), kind,
                            cast(uuid.UUID, StockMovement.document_uuid.python_value(doc)), number, int(q),
                            Money(int(v)), qty, Money(value)))
        qty, value = qty - int(q), value - int(v)
    more = len(fetched) > page_size
    return CardPage(tuple(rows), rows[-1].id if more and rows else None, (qty, value))
