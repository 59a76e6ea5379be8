"""Which lots a take of stock comes from: first-expiry-first-out, a named lot, or back where a sale took it.

Taking stock out without naming a lot (a sale at the till, a batch's default consumption) picks lots
first-expiry-first-out and skips expired lots; a scanned lot may be named instead, but an expired lot is
sold only with ``allow_expired`` (recorded on the row).  A refund puts the goods back into the lots the
original sale took them from.  When the books show too little, the shop's policy says ``block`` (an
:class:`InputError`, nothing written) or ``warn`` (the default for a sale: sold from the item's "unrecorded"
lot, and reported back as a :class:`Shortfall`).

Nothing here writes a ledger row (:mod:`pos_app.stock.ledger` does).  What one document needs is read in
one statement before it is split (:func:`read_for`): every lot holding stock of its items in the shop, in
FEFO order, locked until commit on PostgreSQL (SQLite's ``BEGIN IMMEDIATE`` already serialises writers), so a
sale costs the same whatever the length of the ledger.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from db.models import Item, Lot, Sale, StockMovement
from db.models.stock import StockBalance
from pos_app import statements
from pos_app.errors import InputError
from pos_app.stock.lots import AnyLot, LotRow, is_expired, lot_by_label, unrecorded_lot
from pos_app.thai.dates import format_date


@dataclass(frozen=True)
class Movement:
    """One line given to the ledger.  ``lot`` (a lot number, e.g. a scanned label) or ``lot_id`` names the
    lot; without either, stock going out is picked first-expiry-first-out and a refund goes back where the
    sale took it from.  ``unit_cost_satang`` is kept for old callers and ignored (lots carry the cost)."""

    item_id: int
    quantity: int  # signed, base units
    lot: str = ""
    unit_cost_satang: int | None = None
    lot_id: int | None = None
    allow_expired: bool = False


@dataclass(frozen=True)
class Shortfall:
    item_id: int
    short_by: int  # base units sold beyond what the books show


Take = tuple[AnyLot, int, bool]  # the lot, the signed units, sold past its expiry with the override


@dataclass
class Known:
    """What one document knows before it writes: lots and this shop's balances read once (``fefo``: per
    item, its lots holding stock in FEFO order; ``held_all``: what the lots named by id hold in all shops, for
    their value), and the units its own earlier lines moved (lot → units), so a later line sees what an
    earlier one took."""

    lots: dict[int, AnyLot] = field(default_factory=dict)
    balances: dict[int, int] = field(default_factory=dict)
    fefo: dict[int, list[tuple[AnyLot, int]]] = field(default_factory=dict)
    pending: dict[int, int] = field(default_factory=dict)
    held_all: dict[int, int] = field(default_factory=dict)  # lots named by id: units held in all shops

    def held_here(self, lot_id: int) -> int:
        return self.balances.get(lot_id, 0) + self.pending.get(lot_id, 0)


_LOT_COLUMNS = ("id", "number", "item_id", "made_on", "expires_on", "quantity_in", "cost_satang", "unit_cost_satang")
_FEFO_SQL = ('SELECT b."quantity", ' + ", ".join(f'l."{c}"' for c in _LOT_COLUMNS)
             + ' FROM "stock_balance" b JOIN "lot" l ON l."id" = b."lot_id" WHERE b."shop_id" = ? AND b."quantity" > 0'
             ' AND l."made_on" <= ? AND b."item_id" IN ({ids})'
             ' ORDER BY b."item_id", l."expires_on" IS NULL, l."expires_on", l."made_on", l."id"')

_NAMED_SQL = ('SELECT b."quantity", (SELECT SUM(h."quantity") FROM "stock_balance" h WHERE h."lot_id" = l."id"), '
              + ", ".join(f'l."{c}"' for c in _LOT_COLUMNS)
              + ' FROM "lot" l LEFT JOIN "stock_balance" b ON b."lot_id" = l."id" AND b."shop_id" = ?'
              ' WHERE l."id" IN ({ids})')


def _lot_of(row: tuple[Any, ...]) -> LotRow:
    lot_id, number, item_id, made_on, expires_on, quantity_in, cost, unit_cost = row
    day = _DAY  # the dates as peewee reads them (text on SQLite, dates on PostgreSQL)
    return LotRow(lot_id, number, item_id, day(made_on), day(expires_on), quantity_in, cost, unit_cost)


_DAY = Lot._meta.fields["made_on"].python_value


def fefo_rows(item_ids: Iterable[int], shop_id: int, day: dt.date,
              lock: bool) -> dict[int, list[tuple[AnyLot, int]]]:
    """Per item, its lots holding stock in the shop on ``day``, first-expiry-first-out (no expiry last, then
    oldest), with the units held.  A lot made after ``day`` is not there yet (a document entered late keeps
    its own day).  ``lock``: the balance rows stay locked until commit (PostgreSQL)."""
    ids = sorted(set(item_ids))
    out: dict[int, list[tuple[AnyLot, int]]] = {i: [] for i in ids}
    if not ids:
        return out
    sql = _FEFO_SQL.replace("{ids}", ", ".join("?" * len(ids)))
    if lock and statements.is_postgres():
        sql += " FOR UPDATE"
    made = Lot._meta.fields["made_on"].db_value(day)
    for row in statements.rows(sql, (shop_id, made, *ids)):
        lot = _lot_of(row[1:])
        out[int(lot.item_id)].append((lot, int(cast(int, row[0]))))
    return out


def read_for(moves: list[Movement], shop_id: int, day: dt.date, new_lots: Iterable[AnyLot] = ()) -> Known:
    """Everything the document's lines will ask about, in two or three statements for the whole document:
    the lots named by id with their balances here, and the FEFO lots of the items taken out unnamed.
    ``new_lots``: lots this very document has just written (they hold nothing yet: not read back)."""
    known = Known()
    for lot in new_lots:
        known.lots[int(lot.id)] = lot
        known.balances[int(lot.id)] = known.held_all[int(lot.id)] = 0
    ids = sorted({m.lot_id for m in moves if m.lot_id is not None} - set(known.lots))
    if ids:
        sql = _NAMED_SQL.replace("{ids}", ", ".join("?" * len(ids)))
        for row in statements.rows(sql, (shop_id, *ids)):
            lot = _lot_of(row[2:])
            known.lots[int(lot.id)] = lot
            known.balances[int(lot.id)] = int(cast(int, row[0] or 0))
            known.held_all[int(lot.id)] = int(cast(int, row[1] or 0))
    unnamed = {m.item_id for m in moves if m.quantity < 0 and m.lot_id is None and not m.lot.strip()}
    known.fefo = fefo_rows(unnamed, shop_id, day, lock=True)
    for rows in known.fefo.values():
        for lot, held in rows:
            known.lots.setdefault(int(lot.id), lot)
            known.balances.setdefault(int(lot.id), held)
    return known


def item_name(item_id: int) -> str:
    item = Item.get_by_id(item_id)
    return f"{item.name_th} ({item.sku})"


def pick_out(kind: str, m: Movement, shop_id: int, day: dt.date, policy: Callable[[], str],
             shortfalls: list[Shortfall], document_uuid: uuid.UUID, known: Known) -> list[Take]:
    """Split a take of ``-m.quantity`` units over lots (FEFO), applying the expiry and oversell rules
    (``policy()``: the shop's ``warn`` or ``block``, asked only when a sale falls short)."""
    wanted = -m.quantity
    named = named_lot(m, known.lots)
    if named is not None:
        if kind == "sale" and is_expired(named, day) and not m.allow_expired:
            raise InputError("Lot {lot} expired on {date}; it is sold only with the expired-lot override",
                             lot=named.number, date=format_date(named.expires_on or day))
        if named.id not in known.balances:
            bal = StockBalance.get_or_none((StockBalance.lot == named.id) & (StockBalance.shop == shop_id))
            known.balances[named.id] = int(bal.quantity) if bal is not None else 0
        available = known.held_here(named.id)
        if available < wanted:
            _short(kind, m.item_id, wanted - available, available, policy, shortfalls)
        return [(named, -wanted, kind == "sale" and is_expired(named, day))]
    takes: list[Take] = []
    if kind == "waste":  # spoilt goods this same document took back (a refund) leave from those very lots,
        # whatever the books showed before (the units are physically here: the refund brought them), less what
        # earlier lines of this write-off already took from them (``pending``: negative for a take)
        for lot_id, qty in by_lot(document_uuid, m.item_id, 1).items():
            left = qty + known.pending.get(lot_id, 0)
            if left > 0 and wanted > 0:
                take = min(left, wanted)
                takes.append((Lot.get_by_id(lot_id), -take, False))
                wanted -= take
        if wanted == 0:
            return takes
    usable = [(lot, known.held_here(lot.id)) for lot, _held in known.fefo.get(m.item_id, [])
              if (kind == "waste" or not is_expired(lot, day)) and known.held_here(lot.id) > 0]
    for lot, held in usable:
        if wanted == 0:
            break
        take = min(held, wanted)
        takes.append((lot, -take, False))
        wanted -= take
    if wanted > 0:
        _short(kind, m.item_id, wanted, sum(h for _, h in usable), policy, shortfalls)
        if takes:
            lot, qty, flag = takes[-1]
            takes[-1] = (lot, qty - wanted, flag)
        else:
            takes.append((unrecorded_lot(m.item_id, day, document_uuid), -wanted, False))
    return takes


def _short(kind: str, item_id: int, short_by: int, available: int, policy: Callable[[], str],
           shortfalls: list[Shortfall]) -> None:
    if kind == "sale" and policy() == "warn":
        shortfalls.append(Shortfall(item_id, short_by))
        return
    raise InputError("Only {available} of {item} in stock (short by {short})", available=available,
                     item=item_name(item_id), short=short_by)


def named_lot(m: Movement, known: dict[int, AnyLot] | None = None) -> AnyLot | None:
    if m.lot_id is not None:
        lot = (known or {}).get(m.lot_id) or Lot.get_or_none(Lot.id == m.lot_id)
    elif m.lot.strip():
        lot = lot_by_label(m.lot)  # a scanned label: any letter case, or the lot's UUID
    else:
        return None
    if lot is None:
        raise InputError("No lot {number}", number=str(m.lot_id))
    if lot.item_id != m.item_id:
        raise InputError("Lot {lot} is not a lot of {item}", lot=lot.number, item=item_name(m.item_id))
    return lot


def refund_lots(m: Movement, document_uuid: uuid.UUID, shop_id: int, day: dt.date,
                here: dict[int, int]) -> list[Take]:
    """Put refunded goods back into the lots the original sale took them from (what is not yet returned by
    earlier refunds, nor by earlier lines of this one: ``here``, lot → units, kept up to date)."""
    refund = Sale.get_or_none(Sale.uuid == document_uuid)
    original = refund.refund_of if refund is not None and refund.refund_of_id is not None else None
    back: list[Take] = []
    left = m.quantity
    if original is not None:
        refunds = [r.uuid for r in Sale.select(Sale.uuid).where((Sale.refund_of == original.id)
                                                                  & (Sale.uuid != document_uuid))]
        taken = by_lot(original.uuid, m.item_id, -1)
        returned: dict[int, int] = {}
        for doc in refunds:
            for lot_id, qty in by_lot(doc, m.item_id, 1).items():
                returned[lot_id] = returned.get(lot_id, 0) + qty
        for lot_id, qty in taken.items():
            room = qty - returned.get(lot_id, 0) - here.get(lot_id, 0)
            if room > 0 and left > 0:
                give = min(room, left)
                back.append((Lot.get_by_id(lot_id), give, False))
                here[lot_id] = here.get(lot_id, 0) + give
                left -= give
    if left > 0:  # no original known, or more than it took: the newest lot of the item here
        newest = (Lot.select().join(StockBalance, on=(StockBalance.lot == Lot.id))
                  .where((Lot.item == m.item_id) & (StockBalance.shop == shop_id))
                  .order_by(Lot.made_on.desc(), Lot.id.desc()).first())
        back.append((newest or unrecorded_lot(m.item_id, day, document_uuid), left, False))
    return back


def by_lot(doc: uuid.UUID, item_id: int, sign: int) -> dict[int, int]:
    """Units of ``item_id`` the document ``doc`` moved, per lot (``sign`` -1: what it took out, as positive)."""
    rows = (StockMovement.select(StockMovement.lot, StockMovement.quantity)
            .where((StockMovement.document_uuid == doc) & (StockMovement.item == item_id))
            .order_by(StockMovement.id).tuples())
    out: dict[int, int] = {}
    for lot_id, qty in cast(Iterable[tuple[int, int]], rows):
        out[int(lot_id)] = out.get(int(lot_id), 0) + sign * int(qty)
    return out


def fefo_preview(item_id: int, shop_id: int, quantity: int, day: dt.date) -> list[tuple[AnyLot, int]]:
    """The lots a take of ``quantity`` units would use (first-expiry-first-out, expired lots skipped),
    without writing anything; fewer units than asked when the books show too little."""
    out: list[tuple[AnyLot, int]] = []
    for lot, held in fefo_rows([item_id], shop_id, day, lock=False)[item_id]:
        if quantity <= 0:
            break
        if is_expired(lot, day):
            continue
        take = min(held, quantity)
        out.append((lot, take))
        quantity -= take
    return out
