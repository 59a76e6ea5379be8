"""The stock ledger: append-only movements of lots, with balances kept in the same transaction.

Every row names a lot (:mod:`pos_app.stock.lots`) and carries the value that moved with it.  The balance of
each lot in each shop (``StockBalance``: quantity and value) is updated in the same transaction as the rows,
so that ``on_hand`` reads balances and never sums the ledger (a sale's cost does not grow with history);
``verify_balances`` proves balances = ledger sums.

Taking stock out without naming a lot (a sale at the till, a batch's default consumption) picks lots
first-expiry-first-out and skips expired lots; a scanned lot may be named instead, but an expired lot is
sold only with ``allow_expired`` (recorded on the row).  A refund puts the goods back into the lots the
original sale took them from.  When the books show too little, the shop's policy (``stock_policy``) says
``block`` (an :class:`InputError`, nothing written) or ``warn`` (the default: sold, and reported back).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast

import peewee as pw
from peewee import EXCLUDED

from db.models import MOVEMENT_KINDS, Item, Lot, Sale, StockMovement, database
from db.models.stock import ShopStockSetting, StockBalance
from pos_app.clock import business_date
from pos_app.errors import InputError
from pos_app.stock.lots import held_value, is_expired, lot_by_label, unrecorded_lot
from pos_app.thai.dates import format_date

OUT_KINDS = ("sale", "consume", "waste", "transfer", "count")
IN_KINDS = ("opening", "purchase", "produce", "refund", "transfer", "count")


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
class Shortfall:
    item_id: int
    short_by: int  # base units sold beyond what the books show


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
    setting = ShopStockSetting.get_or_none(ShopStockSetting.shop == shop_id)
    return "warn" if setting is None else str(setting.oversell)


def on_hand(item_id: int, shop_id: int) -> int:
    return on_hand_many([item_id], shop_id)[item_id]


def on_hand_many(item_ids: Iterable[int], shop_id: int) -> dict[int, int]:
    """On hand per item in a shop, from the balances (a few rows per item, never the ledger)."""
    ids = list(item_ids)
    result = dict.fromkeys(ids, 0)
    query = (StockBalance.select(StockBalance.item, pw.fn.SUM(StockBalance.quantity))
             .where(StockBalance.shop == shop_id).group_by(StockBalance.item))
    if len(ids) <= 200:  # a sale's few lines; for a whole list, one pass over the shop's balances is quicker
        query = query.where(StockBalance.item.in_(ids))
    for item_id, qty in cast(Iterable[tuple[int, int]], query.tuples()):
        if int(item_id) in result:
            result[int(item_id)] = int(qty)
    return result


def lot_held(lot_id: int) -> int:
    """Units of a lot held in all shops together (the holding the value rule applies to)."""
    total = StockBalance.select(pw.fn.COALESCE(pw.fn.SUM(StockBalance.quantity), 0)).where(
        StockBalance.lot == lot_id).scalar()
    return int(total or 0)


def _fefo(item_id: int, shop_id: int, day: dt.date) -> Any:
    """The item's lots holding stock in the shop on ``day``, first-expiry-first-out (no expiry last, then
    oldest).  A lot made after ``day`` is not there yet (a document entered late keeps its own day)."""
    return (StockBalance.select(StockBalance.quantity, Lot).join(Lot)
            .where((StockBalance.item == item_id) & (StockBalance.shop == shop_id) & (StockBalance.quantity > 0)
                   & (Lot.made_on <= day))
            .order_by(Lot.expires_on.is_null(), Lot.expires_on, Lot.made_on, Lot.id))


def _locked_balances(item_id: int, shop_id: int, day: dt.date) -> list[tuple[Lot, int]]:
    query = _fefo(item_id, shop_id, day)
    if isinstance(database.obj, pw.PostgresqlDatabase):
        query = query.for_update()
    return [(row.lot, int(row.quantity)) for row in query]


_expired = is_expired


def _item_name(item_id: int) -> str:
    item = Item.get_by_id(item_id)
    return f"{item.name_th} ({item.sku})"


@dataclass
class _Here:
    """What one ``write_movements`` call knows before it writes: lots and this shop's balances read once,
    and the units its own earlier lines moved (lot → units), so a later line sees what an earlier one took."""

    lots: dict[int, Lot] = field(default_factory=dict)
    balances: dict[int, int] = field(default_factory=dict)
    pending: dict[int, int] = field(default_factory=dict)


def _pick_out(kind: str, m: Movement, shop_id: int, day: dt.date, policy: str, shortfalls: list[Shortfall],
              document_uuid: uuid.UUID, here: _Here | None = None) -> list[tuple[Lot, int, bool]]:
    """Split a take of ``-m.quantity`` units over lots (FEFO), applying the expiry and oversell rules."""
    here = here or _Here()
    wanted = -m.quantity
    named = _named_lot(m, here.lots)
    if named is not None:
        if kind == "sale" and _expired(named, day) and not m.allow_expired:
            raise InputError("Lot {lot} expired on {date}; it is sold only with the expired-lot override",
                             lot=named.number, date=format_date(named.expires_on or day))
        if named.id in here.balances:
            available = here.balances[named.id]
        else:
            bal = StockBalance.get_or_none((StockBalance.lot == named.id) & (StockBalance.shop == shop_id))
            available = int(bal.quantity) if bal is not None else 0
        available += here.pending.get(named.id, 0)
        if available < wanted:
            _short(kind, m.item_id, wanted - available, available, policy, shortfalls)
        return [(named, -wanted, kind == "sale" and _expired(named, day))]
    takes: list[tuple[Lot, int, bool]] = []
    if kind == "waste":  # spoilt goods this same document took back (a refund) leave from those very lots,
        # whatever the books showed before (the units are physically here: the refund brought them)
        for lot_id, qty in _by_lot(document_uuid, m.item_id, 1).items():
            if qty > 0 and wanted > 0:
                take = min(qty, wanted)
                takes.append((Lot.get_by_id(lot_id), -take, False))
                wanted -= take
        if wanted == 0:
            return takes
    usable = [(lot, held + here.pending.get(lot.id, 0)) for lot, held in _locked_balances(m.item_id, shop_id, day)
              if (kind == "waste" or not _expired(lot, day)) and held + here.pending.get(lot.id, 0) > 0]
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


def _short(kind: str, item_id: int, short_by: int, available: int, policy: str,
           shortfalls: list[Shortfall]) -> None:
    if kind == "sale" and policy == "warn":
        shortfalls.append(Shortfall(item_id, short_by))
        return
    raise InputError("Only {available} of {item} in stock (short by {short})", available=available,
                     item=_item_name(item_id), short=short_by)


def _named_lot(m: Movement, known: dict[int, Lot] | None = None) -> Lot | None:
    if m.lot_id is not None:
        lot = (known or {}).get(m.lot_id) or Lot.get_or_none(Lot.id == m.lot_id)
    elif m.lot.strip():
        lot = lot_by_label(m.lot)  # a scanned label: any letter case, or the lot's UUID
    else:
        return None
    if lot is None:
        raise InputError("No lot {number}", number=str(m.lot_id))
    if lot.item_id != m.item_id:
        raise InputError("Lot {lot} is not a lot of {item}", lot=lot.number, item=_item_name(m.item_id))
    return lot


def _refund_lots(m: Movement, document_uuid: uuid.UUID, shop_id: int, day: dt.date,
                 here: dict[int, int]) -> list[tuple[Lot, int, bool]]:
    """Put refunded goods back into the lots the original sale took them from (what is not yet returned by
    earlier refunds, nor by earlier lines of this one: ``here``, lot → units, kept up to date)."""
    refund = Sale.get_or_none(Sale.uuid == document_uuid)
    original = refund.refund_of if refund is not None and refund.refund_of_id is not None else None
    back: list[tuple[Lot, int, bool]] = []
    left = m.quantity
    if original is not None:
        refunds = [r.uuid for r in Sale.select(Sale.uuid).where((Sale.refund_of == original.id)
                                                                  & (Sale.uuid != document_uuid))]
        taken = _by_lot(original.uuid, m.item_id, -1)
        returned = _by_lot_many(refunds, m.item_id) if refunds else {}
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


def _by_lot(doc: uuid.UUID, item_id: int, sign: int) -> dict[int, int]:
    rows = (StockMovement.select(StockMovement.lot, StockMovement.quantity)
            .where((StockMovement.document_uuid == doc) & (StockMovement.item == item_id))
            .order_by(StockMovement.id).tuples())
    out: dict[int, int] = {}
    for lot_id, qty in cast(Iterable[tuple[int, int]], rows):
        out[int(lot_id)] = out.get(int(lot_id), 0) + sign * int(qty)
    return out


def _by_lot_many(docs: list[uuid.UUID], item_id: int) -> dict[int, int]:
    out: dict[int, int] = {}
    for doc in docs:
        for lot_id, qty in _by_lot(doc, item_id, 1).items():
            out[lot_id] = out.get(lot_id, 0) + qty
    return out


def write_movements(kind: str, shop_id: int, document_uuid: uuid.UUID, moves: Iterable[Movement],
                    when: dt.datetime, user_id: int | None, recorded: dt.datetime | None = None) -> StockWritten:
    """Append ledger rows for one document and update the balances.  Call inside that document's
    transaction: an :class:`InputError` (blocked oversell, expired lot, unknown lot) leaves it to roll back.
    ``when`` is when it happened (its Bangkok day is the rows' business date; expiry is judged on that day);
    ``recorded`` is when it was entered, if later."""
    if kind not in MOVEMENT_KINDS:
        raise ValueError(f"unknown movement kind {kind}")
    day = business_date(when)
    policy = stock_policy(shop_id)
    shortfalls: list[Shortfall] = []
    returned_here: dict[int, int] = {}
    moves = [m for m in moves if m.quantity != 0]
    here = _prefetch(moves, shop_id)
    splits: list[tuple[int, Lot, int, bool]] = []
    with database.atomic():  # a savepoint: a refused line leaves none of this document's rows behind
        for m in moves:
            if m.quantity < 0:
                if kind not in OUT_KINDS:
                    raise ValueError(f"{kind} rows bring stock in")
                split = _pick_out(kind, m, shop_id, day, policy, shortfalls, document_uuid, here)
            else:
                if kind not in IN_KINDS:
                    raise ValueError(f"{kind} rows take stock out")
                named = _named_lot(m, here.lots)
                if named is not None:
                    split = [(named, m.quantity, False)]
                elif kind == "refund":
                    split = _refund_lots(m, document_uuid, shop_id, day, returned_here)
                else:
                    raise ValueError("stock coming in names its lot")
            for lot, qty, flag in split:  # the next line sees what this one took
                here.pending[lot.id] = here.pending.get(lot.id, 0) + qty
                splits.append((m.item_id, lot, qty, flag))
        picks = _apply_all(splits, shop_id)
        rows = [dict(uuid=uuid.uuid4(), item=p.item_id, shop=shop_id, kind=kind, quantity=p.quantity,
                     lot=p.lot_id, unit_cost_satang=p.unit_cost_satang, value_satang=p.value_satang,
                     expired_override=p.expired_override, document_uuid=document_uuid, user=user_id,
                     created_at=recorded or when, business_date=day) for p in picks]
        if rows:
            StockMovement.insert_many(rows).execute()
    return StockWritten(tuple(sorted({p.item_id for p in picks})), tuple(picks), tuple(shortfalls))


def _prefetch(moves: list[Movement], shop_id: int) -> _Here:
    """The lots the lines name by id, and their balances in the shop: two queries for the whole document."""
    ids = {m.lot_id for m in moves if m.lot_id is not None}
    if not ids:
        return _Here()
    lots = {int(lot.id): lot for lot in Lot.select().where(Lot.id.in_(list(ids)))}
    balances = {int(lot): int(qty) for lot, qty in cast(Iterable[tuple[int, int]], StockBalance.select(
        StockBalance.lot, StockBalance.quantity).where(StockBalance.lot.in_(list(ids)) & (StockBalance.shop == shop_id))
        .tuples())}
    return _Here(lots, {lot_id: balances.get(lot_id, 0) for lot_id in lots})


def _apply_all(splits: list[tuple[int, Lot, int, bool]], shop_id: int) -> list[Pick]:
    """Value each take by the lot value rule (in order, from each lot's holding in all shops, read once) and
    update the balances with one statement."""
    if not splits:
        return []
    lot_ids = sorted({lot.id for _i, lot, _q, _f in splits})
    held = dict.fromkeys(lot_ids, 0)
    for lot_id, qty in cast(Iterable[tuple[int, int]], StockBalance.select(
            StockBalance.lot, pw.fn.SUM(StockBalance.quantity)).where(StockBalance.lot.in_(lot_ids))
            .group_by(StockBalance.lot).tuples()):
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
    (StockBalance.insert_many([dict(item=item, lot=lot_id, shop=shop_id, quantity=qty, held_value_satang=value)
                               for lot_id, (item, qty, value) in sorted(change.items())])
     .on_conflict(conflict_target=[StockBalance.lot, StockBalance.shop],
                  update={StockBalance.quantity: StockBalance.quantity + EXCLUDED.quantity,
                          StockBalance.held_value_satang: StockBalance.held_value_satang + EXCLUDED.held_value_satang})
     .execute())
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


def fefo_preview(item_id: int, shop_id: int, quantity: int, day: dt.date) -> list[tuple[Lot, int]]:
    """The lots a take of ``quantity`` units would use (first-expiry-first-out, expired lots skipped),
    without writing anything; fewer units than asked when the books show too little."""
    out: list[tuple[Lot, int]] = []
    for row in _fefo(item_id, shop_id, day):
        if quantity <= 0:
            break
        if _expired(row.lot, day):
            continue
        take = min(int(row.quantity), quantity)
        out.append((row.lot, take))
        quantity -= take
    return out


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
