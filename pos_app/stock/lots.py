"""Lots as records: numbering, expiry, exact cost, and the one rule by which a lot's value moves.

**The value rule.**  A lot bought or made for ``cost`` satang in ``quantity_in`` units is worth, while it
holds ``h`` units, ``⌈cost × h ÷ quantity_in⌉`` satang (that is ``unit × h + ⌈remainder × h ÷ quantity_in⌉``
with ``cost = unit × quantity_in + remainder``: the rounding remainder is spread over the units still held,
rounded up, so the last unit out carries what is left).  Every ledger row is worth the change it makes to
that holding value, so the values of all rows of a lot always add up to its holding value: value in = value
out + value on hand, to the satang, whatever the order of sales, refunds, counts or write-offs.

**Lot numbers** are ``<group code>-<Buddhist-Era date yyyymmdd>-<computer>-<sequence, 3 digits>``, e.g.
``KAPI-25691124-3F2A9C-001``.  ``<computer>`` is the first six hex digits of the computer's own UUID
(:func:`pos_app.trust.chain.computer_id`), so two laptops of one group making lots on the same day never
take the same number (each counts only its own lots), whether they share a PostgreSQL database or their
books are brought together later.  The number is a label for people and scanners; the lot's identity is its
UUID (what every other record and every canonical form names).

**At the till** (:func:`lot_by_label`, :func:`is_expired`): a scanned lot label names the lot to sell from
(overriding first-expiry-first-out); an expired lot is sold only with the recorded override
(``Movement(allow_expired=True)`` in :mod:`pos_app.stock.ledger`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import NamedTuple

from db.models import Item, Lot, NetworkGroup
from pos_app import statements
from pos_app.clock import BANGKOK, utc_now
from pos_app.errors import InputError
from pos_app.thai.dates import format_date


def held_value(cost_satang: int, quantity_in: int, held: int) -> int:
    """What ``held`` units of a lot of ``quantity_in`` units costing ``cost_satang`` are worth (rounded up)."""
    if quantity_in == 0:
        return 0
    return -((-cost_satang * held) // quantity_in)


def split_cost(cost_satang: int, quantity: int) -> tuple[int, int]:
    """``(unit, remainder)`` with ``unit × quantity + remainder == cost`` and ``0 ≤ remainder < quantity``."""
    if quantity <= 0:
        raise InputError("A quantity must be more than zero")
    return divmod(cost_satang, quantity)


def computer_code() -> str:
    """This computer's part of its lot numbers: the first six hex digits of its UUID, upper case."""
    from pos_app.trust.chain import computer_id

    return computer_id().replace("-", "")[:6].upper()


def lot_prefix(group_code: str, day: dt.date, computer: str | None = None) -> str:
    return f"{group_code}-{day.year + 543:04d}{day.month:02d}{day.day:02d}-{computer or computer_code()}-"


def _like_prefix(prefix: str) -> str:
    """``prefix`` as a LIKE pattern for "starts with" (``\\``, ``_`` and ``%`` escaped, as peewee's
    ``startswith`` does)."""
    return prefix.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%") + "%"


def next_lot_number(group_code: str, day: dt.date) -> str:
    """The next number of the group, day and this computer (never one another computer would take)."""
    prefix = lot_prefix(group_code, day)
    like = "ILIKE" if statements.is_postgres() else "LIKE"  # any letter case, as a typed number may be
    found = statements.rows(f'SELECT "number" FROM "lot" WHERE "number" {like} ? ESCAPE ?',
                            (_like_prefix(prefix), "\\"))  # a day's lots of this computer: a few
    taken, numbers = len(found), {str(n) for (n,) in found}
    number = f"{prefix}{taken + 1:03d}"
    while number in numbers:  # a number typed in by hand, or a gap (any lot of that number starts so)
        taken += 1
        number = f"{prefix}{taken + 1:03d}"
    return number


def lot_number_taken(number: str) -> bool:
    return bool(statements.rows('SELECT 1 FROM "lot" WHERE "number" = ?', (number,)))


def default_expiry(item_id: int, made_on: dt.date) -> dt.date | None:
    found = statements.rows('SELECT "shelf_life_days" FROM "item_stock_rule" WHERE "item_id" = ?', (item_id,))
    if not found or found[0][0] is None:
        return None
    return made_on + dt.timedelta(days=int(found[0][0]))


class LotRow(NamedTuple):
    """The columns of a lot that picking and valuing a take use, read beside the balances in one statement
    (lighter than a ``Lot`` record, which has the same attributes and serves wherever a ``LotRow`` does)."""

    id: int
    number: str
    item_id: int
    made_on: dt.date
    expires_on: dt.date | None
    quantity_in: int
    cost_satang: int
    unit_cost_satang: int


AnyLot = Lot | LotRow


@dataclass(frozen=True)
class NewLot:
    """What a purchase, batch or transfer says about the lot it brings in."""

    item_id: int
    quantity: int
    cost_satang: int
    expires_on: dt.date | None = None  # None: from the item's shelf life (if it has one)
    supplier_lot: str = ""
    number: str = ""  # "" gives the next number of the group and day


def create_lot(new: NewLot, group_id: int, origin: str, document_uuid: uuid.UUID, made_on: dt.date,
               supplier_id: int | None = None, when: dt.datetime | None = None) -> Lot:
    """Write the lot record (call inside the document's transaction).  Bad input raises InputError."""
    if new.quantity <= 0:
        raise InputError("A quantity must be more than zero")
    if new.cost_satang < 0:
        raise InputError("A cost cannot be below zero")
    expires = new.expires_on if new.expires_on is not None else default_expiry(new.item_id, made_on)
    if expires is not None and expires < made_on:
        raise InputError("The expiry date {expiry} is before the date made or received {made}",
                         expiry=format_date(expires), made=format_date(made_on))
    number = new.number.strip() or next_lot_number(statements.get(NetworkGroup, "id", group_id).code, made_on)
    if new.number.strip() and lot_number_taken(number):
        raise InputError("There is already a lot {number}", number=number)
    unit, remainder = split_cost(new.cost_satang, new.quantity)
    values = dict(uuid=uuid.uuid4(), number=number, item=new.item_id, group=group_id, origin=origin,
                  document_uuid=document_uuid, made_on=made_on, expires_on=expires, quantity_in=new.quantity,
                  cost_satang=new.cost_satang, unit_cost_satang=unit, remainder_satang=remainder, supplier=supplier_id,
                  supplier_lot=new.supplier_lot.strip()[:64], created_at=when or utc_now())
    lot_id = statements.insert(Lot, [values], returning_id=True)[0]
    return Lot(__no_default__=True, id=lot_id, **values)  # the row as written: not read back


def unrecorded_lot(item_id: int, made_on: dt.date, document_uuid: uuid.UUID) -> Lot:
    """The item's lot for goods sold that the books never received (oversold under the ``warn`` policy):
    no cost, so selling from it moves no value; a stocktake puts it right.  The lot record belongs to the
    document that first needed it."""
    item = Item.get_by_id(item_id)
    number = f"{item.sku}-UNRECORDED"
    existing = Lot.get_or_none(Lot.number == number)
    if existing is not None:
        return existing
    # two tills may oversell the same item at once: the second waits for the first's row and keeps it
    (Lot.insert(uuid=uuid.uuid4(), number=number, item=item_id, group=item.group_id, origin="unrecorded",
                document_uuid=document_uuid, made_on=made_on, quantity_in=0, cost_satang=0, unit_cost_satang=0,
                remainder_satang=0, created_at=utc_now())
     .on_conflict_ignore().execute())
    return Lot.get(Lot.number == number)


def find_lot(number: str) -> Lot:
    return lot_by_label(number)


def lot_by_label(label: str) -> Lot:
    """The lot a scanned or typed label names: its number (any letter case, spaces around ignored) or its
    UUID (a QR code may carry it).  An unknown label raises :class:`InputError` ("No lot …")."""
    text = label.strip()
    lot = Lot.get_or_none(Lot.number == text) or Lot.get_or_none(Lot.number == text.upper())
    if lot is None:
        try:
            lot = Lot.get_or_none(Lot.uuid == uuid.UUID(text))
        except ValueError:
            lot = None
    if lot is None:
        raise InputError("No lot {number}", number=text)
    return lot


def is_expired(lot: AnyLot, day: dt.date) -> bool:
    """True when the lot's expiry is before ``day`` (a lot is still good on its expiry date itself)."""
    return lot.expires_on is not None and lot.expires_on < day


def instant_of(day: dt.date, recorded: dt.datetime) -> dt.datetime:
    """The instant a document entered late stands for: its own day, at the time of day it was recorded
    (Bangkok); a document of today stands for the moment it was recorded."""
    local = recorded.astimezone(BANGKOK)
    if local.date() == day:
        return recorded
    return dt.datetime.combine(day, local.time(), BANGKOK).astimezone(dt.UTC)
