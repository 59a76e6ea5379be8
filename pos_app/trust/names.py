"""How a journal record (and an audit detail) names a thing: by its code or UUID, never by a local integer id.

A local id means nothing once the books are copied into another database or merged with another laptop's, so
``journal.record(…, {"till": names.till(till_id)})`` — never ``{"till": till_id}``.  ``None`` stays ``None``
(no till, no supplier), and so does an id that names no row (the document's own rows, written first, refuse
such an id with a clear message; a name is never the place to raise).
"""

from __future__ import annotations

import peewee as pw

from db.models import Item, Lot, Shop, Supplier, Till
from pos_app import statements


def _one(field: pw.Field, row_id: int | None) -> str | None:
    if row_id is None:
        return None
    meta = field.model._meta  # a statement written once (every document names its till: peewee's build was
    found = statements.rows(  # a sixth of a sale's time)
        f'SELECT "{field.column_name}" FROM "{meta.table_name}" WHERE "{meta.primary_key.column_name}" = ?',
        (row_id,))
    return None if not found or found[0][0] is None else str(found[0][0])


def till(till_id: int | None) -> str | None:
    """The till's code (``T1``)."""
    return _one(Till.code, till_id)


def shop(shop_id: int | None) -> str | None:
    """The shop's code."""
    return _one(Shop.code, shop_id)


def supplier(supplier_id: int | None) -> str | None:
    """The supplier's code."""
    return _one(Supplier.code, supplier_id)


def item(item_id: int | None) -> str | None:
    """The item's SKU."""
    return _one(Item.sku, item_id)


def lot(lot_id: int | None) -> str | None:
    """The lot's number (``KAPI-25691124-001``)."""
    return _one(Lot.number, lot_id)
