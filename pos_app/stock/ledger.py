"""The stock ledger: append-only movements of lots, with balances kept in the same transaction.

Every row names a lot (:mod:`pos_app.stock.lots`) and carries the value that moved with it.  The balance of
each lot in each shop (``StockBalance``: quantity and value) is updated in the same transaction as the rows,
so that ``on_hand`` reads balances and never sums the ledger (a sale's cost does not grow with history);
``verify_balances`` proves balances = ledger sums.

Which lots a line takes from (first-expiry-first-out, a named or scanned lot, the expiry and oversell rules,
a refund back where the sale took it) is :mod:`pos_app.stock.picking`; this module writes what was picked.
When the books show too little, the shop's policy (``stock_policy``) says ``block`` (an :class:`InputError`,
nothing written) or ``warn`` (the default: sold, and reported back).  A document's rows, its balance changes
and the values are written with three statements built once (:mod:`pos_app.statements`), whatever the
number of lines.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import peewee as pw

from db.models import MOVEMENT_KINDS, StockMovement, database
from db.models.stock import StockBalance
from pos_app import statements
from pos_app.clock import business_date
from pos_app.stock.lots import AnyLot, held_value
from pos_app.stock.picking import Movement, Shortfall, fefo_preview, named_lot, pick_out, read_for, refund_lots

__all__ = ["IN_KINDS", "OUT_KINDS", "BalanceMismatch", "Movement", "Pick", "Shortfall", "StockWritten",
           "fefo_preview", "on_hand", "on_hand_many", "receive", "stock_policy", "verify_balances",
           "write_movements"]

OUT_KINDS = ("sale", "consume", "waste", "transfer", "count")
IN_KINDS = ("opening", "purchase", "produce", "refund", "transfer", "count")


@dataclass(frozen=True)
class Pick:
    item_id: int
    lot_id: int
    lot_number: str
    quantity: int  # signed
    value_satang: int  # signed
    expired_override: bool = False
    unit_cost_satang: int = 0
    expires_on: dt.date | None = None


@dataclass(frozen=True)
class StockWritten:
    """What ``write_movements`` did: the rows by lot, and any shortfall it let through (policy ``warn``).
    Iterating gives the item ids touched (what older callers used)."""

    item_ids: tuple[int, ...]
    picks: tuple[Pick, ...] = ()
    shortfalls: tuple[Shortfall, ...] = field(default=())

    def __iter__(self) -> Iterator[int]:
        return iter(self.item_ids)

    def __len__(self) -> int:
        return len(self.item_ids)

    @property
    def value_satang(self) -> int:
        return sum(p.value_satang for p in self.picks)


def stock_policy(shop_id: int) -> str:
    """``warn`` (default: sell what the books do not show, and say so) or ``block`` (refuse)."""
    found = statements.rows('SELECT "oversell" FROM "shop_stock_setting" WHERE "shop_id" = ?', (shop_id,))
    return "warn" if not found else str(found[0][0])


def on_hand(item_id: int, shop_id: int) -> int:
    return on_hand_many([item_id], shop_id)[item_id]


_ON_HAND_SQL = 'SELECT "item_id", SUM("quantity") FROM "stock_balance" WHERE "shop_id" = ?'


def on_hand_many(item_ids: Iterable[int], shop_id: int) -> dict[int, int]:
    """On hand per item in a shop, from the balances (a few rows per item, never the ledger)."""
    ids = list(item_ids)
    result = dict.fromkeys(ids, 0)
    if not ids:
        return result
    if len(ids) <= 200:  # a sale's few lines; for a whole list, one pass over the shop's balances is quicker
        found = statements.rows(f'{_ON_HAND_SQL} AND "item_id" IN ({", ".join("?" * len(ids))}) GROUP BY "item_id"',
                                (shop_id, *ids))
    else:
        found = statements.rows(f'{_ON_HAND_SQL} GROUP BY "item_id"', (shop_id,))
    for item_id, qty in found:
        if int(item_id) in result:
            result[int(item_id)] = int(qty)
    return result


def write_movements(kind: str, shop_id: int, document_uuid: uuid.UUID, moves: Iterable[Movement],
                    when: dt.datetime, user_id: int | None, recorded: dt.datetime | None = None,
                    new_lots: Sequence[AnyLot] = ()) -> StockWritten:
    """Append ledger rows for one document and update the balances.  Call inside that document's
    transaction: an :class:`InputError` (blocked oversell, expired lot, unknown lot) leaves it to roll back.
    ``when`` is when it happened (its Bangkok day is the rows' business date; expiry is judged on that day);
    ``recorded`` is when it was entered, if later.  ``new_lots``: lots this document has just written in
    this transaction (a batch's output), which hold nothing in any shop yet, so nothing about them is read."""
    if kind not in MOVEMENT_KINDS:
        raise ValueError(f"unknown movement kind {kind}")
    day = business_date(when)
    policy = functools.cache(lambda: stock_policy(shop_id))  # read only when a sale falls short
    shortfalls: list[Shortfall] = []
    returned_here: dict[int, int] = {}
    moves = [m for m in moves if m.quantity != 0]
    splits: list[tuple[int, AnyLot, int, bool]] = []
    with _savepoint():  # a refused line leaves none of this document's rows behind
        known = read_for(moves, shop_id, day, new_lots)
        for m in moves:
            if m.quantity < 0:
                if kind not in OUT_KINDS:
                    raise ValueError(f"{kind} rows bring stock in")
                split = pick_out(kind, m, shop_id, day, policy, shortfalls, document_uuid, known)
            else:
                if kind not in IN_KINDS:
                    raise ValueError(f"{kind} rows take stock out")
                named = named_lot(m, known.lots)
                if named is not None:
                    split = [(named, m.quantity, False)]
                elif kind == "refund":
                    split = refund_lots(m, document_uuid, shop_id, day, returned_here)
                else:
                    raise ValueError("stock coming in names its lot")
            for lot, qty, flag in split:  # the next line sees what this one took
                known.pending[lot.id] = known.pending.get(lot.id, 0) + qty
                splits.append((m.item_id, lot, qty, flag))
        picks = _apply_all(splits, shop_id, known.held_all)
        statements.insert(StockMovement, [
            dict(uuid=uuid.uuid4(), item=p.item_id, shop=shop_id, kind=kind, quantity=p.quantity, lot=p.lot_id,
                 unit_cost_satang=p.unit_cost_satang, value_satang=p.value_satang,
                 expired_override=p.expired_override, document_uuid=document_uuid, user=user_id,
                 created_at=recorded or when, business_date=day) for p in picks])
    return StockWritten(tuple(sorted({p.item_id for p in picks})), tuple(picks), tuple(shortfalls))


@contextlib.contextmanager
def _savepoint() -> Iterator[None]:
    """A savepoint of one fixed name inside the document's transaction (its statements stay prepared;
    peewee's ``atomic`` names each savepoint anew, parsed anew each time), or a transaction outside one."""
    if not database.obj.in_transaction():
        with database.atomic():
            yield
        return
    statements.run('SAVEPOINT "write_movements"')
    try:
        yield
    except BaseException:
        statements.run('ROLLBACK TO SAVEPOINT "write_movements"')
        raise
    statements.run('RELEASE SAVEPOINT "write_movements"')


_UPSERT_ROW = "(?, ?, ?, ?, ?)"
_UPSERT_SQL = ('INSERT INTO "stock_balance" ("item_id", "lot_id", "shop_id", "quantity", "held_value_satang") '
               'VALUES {rows} ON CONFLICT ("lot_id", "shop_id") DO UPDATE SET '
               '"quantity" = "stock_balance"."quantity" + EXCLUDED."quantity", '
               '"held_value_satang" = "stock_balance"."held_value_satang" + EXCLUDED."held_value_satang"')


def _apply_all(splits: list[tuple[int, AnyLot, int, bool]], shop_id: int, held_all: dict[int, int]) -> list[Pick]:
    """Value each take by the lot value rule (in order, from each lot's holding in all shops: read with the
    lots named by id, or here in one statement) and update the balances with one statement."""
    if not splits:
        return []
    held = {lot.id: held_all.get(lot.id, 0) for _i, lot, _q, _f in splits}
    lot_ids = sorted(set(held) - set(held_all))
    if lot_ids:
        for lot_id, qty in statements.rows(
                f'SELECT "lot_id", SUM("quantity") FROM "stock_balance" WHERE "lot_id" IN '
                f'({", ".join("?" * len(lot_ids))}) GROUP BY "lot_id"', lot_ids):
            held[int(lot_id)] = int(qty)
    picks: list[Pick] = []
    change: dict[int, list[int]] = {}  # lot → [item, units, value]
    for item_id, lot, qty, flag in splits:
        before = held[lot.id]
        value = (held_value(lot.cost_satang, lot.quantity_in, before + qty)
                 - held_value(lot.cost_satang, lot.quantity_in, before))
        held[lot.id] = before + qty
        entry = change.setdefault(lot.id, [item_id, 0, 0])
        entry[1] += qty
        entry[2] += value
        picks.append(Pick(item_id, lot.id, lot.number, qty, value, flag, int(lot.unit_cost_satang), lot.expires_on))
    params = [v for lot_id, (item, qty, value) in sorted(change.items()) for v in (item, lot_id, shop_id, qty, value)]
    statements.run(_UPSERT_SQL.replace("{rows}", ", ".join([_UPSERT_ROW] * len(change))), params)
    return picks


@dataclass(frozen=True)
class BalanceMismatch:
    lot_id: int
    shop_id: int
    balance: tuple[int, int]  # quantity, value
    ledger: tuple[int, int]


def verify_balances() -> list[BalanceMismatch]:
    """Every balance row against the ledger sums of its lot and shop (and ledger sums with no balance row)."""
    ledger = {(int(lot), int(shop)): (int(q), int(v)) for lot, shop, q, v in cast(
        Iterable[tuple[int, int, int, int]],
        StockMovement.select(StockMovement.lot, StockMovement.shop, pw.fn.SUM(StockMovement.quantity),
                             pw.fn.SUM(StockMovement.value_satang))
        .group_by(StockMovement.lot, StockMovement.shop).tuples())}
    balances = {(int(lot), int(shop)): (int(q), int(v)) for lot, shop, q, v in cast(
        Iterable[tuple[int, int, int, int]],
        StockBalance.select(StockBalance.lot, StockBalance.shop, StockBalance.quantity,
                            StockBalance.held_value_satang).tuples())}
    return [BalanceMismatch(lot, shop, balances.get((lot, shop), (0, 0)), ledger.get((lot, shop), (0, 0)))
            for lot, shop in sorted(set(ledger) | set(balances))
            if balances.get((lot, shop), (0, 0)) != ledger.get((lot, shop), (0, 0))]


def receive(actor: Any, shop_id: int, moves: list[Movement], kind: str = "purchase",
            now: dt.datetime | None = None) -> uuid.UUID:
    """The older entry point: opening stock or a purchase given as movements whose ``unit_cost_satang`` is
    per the item's pricing quantity (per kg for goods sold by the kilo, else per unit); ``lot`` becomes the
    supplier's lot.  Recorded through :func:`pos_app.stock.purchases.record_purchase` (lots with exact cost)."""
    from db.models import ItemPrice
    from pos_app.money import Money
    from pos_app.stock import purchases

    per = {int(i): int(q) for i, q in cast(Iterable[tuple[int, int]], ItemPrice.select(
        ItemPrice.item, pw.fn.MAX(ItemPrice.per_quantity)).where(ItemPrice.item.in_([m.item_id for m in moves]))
        .group_by(ItemPrice.item).tuples())}
    lines = [purchases.BuyLine(m.item_id, m.quantity, unit_price=Money(m.unit_cost_satang or 0),
                               per=per.get(m.item_id, 1), supplier_lot=m.lot) for m in moves]
    return purchases.record_purchase(actor, shop_id, lines, paid_from="account", now=now, kind=kind).uuid
