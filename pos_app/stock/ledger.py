"""The stock ledger: append-only movements; on-hand is their sum, never a stored number."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

import peewee as pw

from db.models import MOVEMENT_KINDS, Item, StockMovement, database
from pos_app.clock import utc_now
from pos_app.errors import InputError, NotFound
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.trust.journal import record


@dataclass(frozen=True)
class Movement:
    item_id: int
    quantity: int  # signed, base units
    lot: str = ""
    unit_cost_satang: int | None = None


def on_hand(item_id: int, shop_id: int) -> int:
    total = (StockMovement.select(pw.fn.COALESCE(pw.fn.SUM(StockMovement.quantity), 0))
             .where((StockMovement.item == item_id) & (StockMovement.shop == shop_id)).scalar())
    return int(total or 0)


def on_hand_many(item_ids: Iterable[int], shop_id: int) -> dict[int, int]:
    ids = list(item_ids)
    result = dict.fromkeys(ids, 0)
    query = (StockMovement.select(StockMovement.item, pw.fn.SUM(StockMovement.quantity).alias("qty"))
             .where((StockMovement.item.in_(ids)) & (StockMovement.shop == shop_id))
             .group_by(StockMovement.item))
    for item_id, qty in cast(Iterable[tuple[int, int]], query.tuples()):
        result[int(item_id)] = int(qty)
    return result


def write_movements(kind: str, shop_id: int, document_uuid: uuid.UUID, moves: Iterable[Movement],
                    when: dt.datetime, user_id: int | None) -> list[int]:
    """Append ledger rows for one document.  Call inside that document's transaction."""
    if kind not in MOVEMENT_KINDS:
        raise ValueError(f"unknown movement kind {kind}")
    moves = list(moves)
    rows = [dict(uuid=uuid.uuid4(), item=m.item_id, shop=shop_id, kind=kind, quantity=m.quantity, lot=m.lot,
                 unit_cost_satang=m.unit_cost_satang, document_uuid=document_uuid, user=user_id,
                 created_at=when) for m in moves]
    if rows:
        StockMovement.insert_many(rows).execute()
    return sorted({m.item_id for m in moves})


def receive(actor: Actor, shop_id: int, moves: list[Movement], kind: str = "purchase",
            now: dt.datetime | None = None) -> uuid.UUID:
    """Record stock coming in (opening stock or a purchase) as one document; returns its UUID."""
    require(actor.role, Action.RECEIVE_STOCK)
    if kind not in ("opening", "purchase"):
        raise ValueError("receive() records opening stock or purchases")
    if not moves or any(m.quantity <= 0 for m in moves):
        raise InputError("Each received quantity must be more than zero")
    when = now or utc_now()
    doc = uuid.uuid4()
    with database.atomic():
        known = {i.id for i in Item.select(Item.id).where(Item.id.in_([m.item_id for m in moves]))}
        missing = [m.item_id for m in moves if m.item_id not in known]
        if missing:
            raise NotFound("No item with id {id}", id=missing[0])
        write_movements(kind, shop_id, doc, moves, when, actor.user_id)
        record(kind, doc, when, {
            "shop": shop_id, "user": actor.login, "at": when.isoformat(),
            "moves": [[m.item_id, m.quantity, m.lot, m.unit_cost_satang] for m in moves],
        }, user_id=actor.user_id)
    return doc
