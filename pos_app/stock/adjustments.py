"""Stocktakes and write-offs.  A count sheet says how many units of each lot were found; the ledger gets
the difference (kind ``count``).  Waste and spoilage take units out (kind ``waste``).  Each is one document
with its reason, worth the value the ledger rule moved (signed: a count can find stock as well as lose it).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from db.models import Lot, Shop, database
from db.models.stock import StockAdjustment, StockBalance
from pos_app.books.closed import admit_dated
from pos_app.clock import business_date, utc_now
from pos_app.errors import InputError, NotFound
from pos_app.events import StockChanged, bus
from pos_app.money import Money
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.stock.ledger import Movement, Pick, write_movements
from pos_app.stock.lots import instant_of
from pos_app.thai.dates import format_date
from pos_app.trust import names
from pos_app.trust.journal import record


@dataclass(frozen=True)
class Counted:
    lot_id: int
    counted: int  # units found


@dataclass(frozen=True)
class Wasted:
    item_id: int
    quantity: int  # units thrown away (positive)
    lot_id: int | None = None  # None: first-expiry-first-out (expired lots first)


@dataclass(frozen=True)
class AdjustmentResult:
    uuid: uuid.UUID
    kind: str
    value: Money  # signed: what the books gained
    picks: tuple[Pick, ...]


def _start(actor: Actor, shop_id: int, reason: str, day: dt.date | None,
           now: dt.datetime | None) -> tuple[dt.datetime, dt.date, str]:
    require(actor.role, Action.ADJUST_STOCK)
    reason = reason.strip()
    if not reason:
        raise InputError("Say why (a reason is needed)")
    when = now or utc_now()
    day = day or business_date(when)
    if day > business_date(when):
        raise InputError("The date {day} is in the future", day=format_date(day))
    if Shop.get_or_none(Shop.id == shop_id) is None:
        raise NotFound("No shop with id {id}", id=shop_id)
    return when, day, reason


def _save(actor: Actor, kind: str, shop_id: int, moves: list[Movement], reason: str, day: dt.date,
          when: dt.datetime, extra: list[list[object]]) -> AdjustmentResult:
    doc = uuid.uuid4()
    with database.atomic():
        admit_dated([shop_id], doc, kind, day, when)  # a closed day: addendum or refused
        written = write_movements(kind, shop_id, doc, moves, instant_of(day, when), actor.user_id, recorded=when)
        StockAdjustment.create(uuid=doc, kind=kind, shop=shop_id, business_date=day, created_at=when,
                               user=actor.user_id, reason=reason[:500], value_satang=written.value_satang)
        record(kind, doc, when, {"shop": names.shop(shop_id), "day": day.isoformat(), "user": actor.login,
                                 "at": when.isoformat(), "reason": reason, "value": written.value_satang,
                                 "lines": extra}, user_id=actor.user_id)
    bus.publish(StockChanged(shop_id, tuple(written)))
    return AdjustmentResult(doc, kind, Money(written.value_satang), written.picks)


def record_count(actor: Actor, shop_id: int, sheet: list[Counted], reason: str, day: dt.date | None = None,
                 now: dt.datetime | None = None) -> AdjustmentResult:
    """Record a count sheet: each lot's balance in the shop becomes what was counted."""
    when, day, reason = _start(actor, shop_id, reason, day, now)
    if not sheet or any(c.counted < 0 for c in sheet):
        raise InputError("A count cannot be below zero")
    lots = {lot.id: lot for lot in Lot.select().where(Lot.id.in_([c.lot_id for c in sheet]))}
    moves, lines = [], []
    for c in sheet:
        lot = lots.get(c.lot_id)
        if lot is None:
            raise NotFound("No lot with id {id}", id=c.lot_id)
        bal = StockBalance.get_or_none((StockBalance.lot == c.lot_id) & (StockBalance.shop == shop_id))
        books = int(bal.quantity) if bal is not None else 0
        lines.append([lot.number, books, c.counted])
        if c.counted != books:
            moves.append(Movement(lot.item_id, c.counted - books, lot_id=lot.id))
    return _save(actor, "count", shop_id, moves, reason, day, when, lines)


def record_waste(actor: Actor, shop_id: int, lines: list[Wasted], reason: str, day: dt.date | None = None,
                 now: dt.datetime | None = None) -> AdjustmentResult:
    """Write off spoilt or lost stock; more than a lot holds is refused (nothing changes)."""
    when, day, reason = _start(actor, shop_id, reason, day, now)
    if not lines or any(w.quantity <= 0 for w in lines):
        raise InputError("A quantity must be more than zero")
    moves = [Movement(w.item_id, -w.quantity, lot_id=w.lot_id) for w in lines]
    return _save(actor, "waste", shop_id, moves, reason, day, when,
                 [[names.item(w.item_id), names.lot(w.lot_id), w.quantity] for w in lines])
