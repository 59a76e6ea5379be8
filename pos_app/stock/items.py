"""Items, their packs (declared conversions) and barcodes, kept by the production lead.

An item's base unit (g, ml, piece) never changes once it has stock, since every quantity in the ledger is
in that unit; names, group and whether it is still in use may change.  A pack is a whole number of base
units (kg = 1000 g, bottle of 500 ml, pack of 6).  A pack no longer used is retired, never deleted (an
import file or another laptop may still name it): purchases stop offering it and typing a quantity in it is
refused; declaring a pack of the same name again brings it back.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

import peewee as pw

from db.models import BASE_UNITS, ITEM_KINDS, Barcode, Item, ItemPack, NetworkGroup, StockMovement, database
from pos_app.errors import InputError, NotFound
from pos_app.money import Money
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.selling.catalog import ItemView
from pos_app.selling.search import CatalogIndex
from pos_app.thai.digits import to_arabic_digits


@dataclass(frozen=True)
class ItemSaved:
    id: int
    uuid: uuid.UUID
    sku: str


def _item(item_id: int) -> Item:
    item = Item.get_or_none(Item.id == item_id)
    if item is None:
        raise NotFound("No item with id {id}", id=item_id)
    return item


def create_item(actor: Actor, sku: str, kind: str, base_unit: str, name_th: str, name_en: str,
                group_code: str, sold_by_weight: bool = False) -> ItemSaved:
    require(actor.role, Action.MANAGE_ITEMS)
    sku, name_th = sku.strip(), name_th.strip()
    if not sku or not name_th:
        raise InputError("An item needs a code and a Thai name")
    if kind not in ITEM_KINDS:
        raise InputError("Unknown kind “{kind}” (finished, ingredient or packaging)", kind=kind)
    if base_unit not in BASE_UNITS:
        raise InputError("Unknown unit “{unit}” (g, ml or piece)", unit=base_unit)
    group = NetworkGroup.get_or_none(NetworkGroup.code == group_code)
    if group is None:
        raise InputError("Unknown group “{group}”", group=group_code)
    with database.atomic():
        if Item.select().where(Item.sku == sku).exists():
            raise InputError("The code {sku} is already used", sku=sku)
        item = Item.create(sku=sku, kind=kind, base_unit=base_unit, name_th=name_th,
                           name_en=name_en.strip() or name_th, group=group, sold_by_weight=sold_by_weight)
    return ItemSaved(item.id, item.uuid, item.sku)


def update_item(actor: Actor, item_id: int, name_th: str | None = None, name_en: str | None = None,
                active: bool | None = None, base_unit: str | None = None, kind: str | None = None,
                group_code: str | None = None) -> ItemSaved:
    require(actor.role, Action.MANAGE_ITEMS)
    item = _item(item_id)
    changes: dict[str, object] = {}
    if kind is not None and kind != item.kind:
        if kind not in ITEM_KINDS:
            raise InputError("Unknown kind “{kind}” (finished, ingredient or packaging)", kind=kind)
        changes["kind"] = kind
    if group_code is not None:
        group = NetworkGroup.get_or_none(NetworkGroup.code == group_code)
        if group is None:
            raise InputError("Unknown group “{group}”", group=group_code)
        changes["group"] = group.id
    if name_th is not None:
        if not name_th.strip():
            raise InputError("An item needs a code and a Thai name")
        changes["name_th"] = name_th.strip()
    if name_en is not None:
        changes["name_en"] = name_en.strip() or item.name_th
    if active is not None:
        changes["active"] = active
    if base_unit is not None and base_unit != item.base_unit:
        if base_unit not in BASE_UNITS:
            raise InputError("Unknown unit “{unit}” (g, ml or piece)", unit=base_unit)
        if StockMovement.select().where(StockMovement.item == item_id).exists():
            raise InputError("{item} already has stock in {unit}; its unit cannot change", item=item.name_th,
                             unit=item.base_unit)
        changes["base_unit"] = base_unit
    if changes:
        with database.atomic():
            Item.update(**changes).where(Item.id == item_id).execute()
        _edited()
    return ItemSaved(item.id, item.uuid, item.sku)


def add_pack(actor: Actor, item_id: int, name_th: str, name_en: str, factor: int) -> int:
    """Declare that one ``name`` of the item is ``factor`` base units (a whole number above zero).  A retired
    pack of that name is brought back (with this factor) rather than declared twice."""
    require(actor.role, Action.MANAGE_ITEMS)
    _item(item_id)
    if isinstance(factor, bool) or not isinstance(factor, int) or factor <= 0:
        raise InputError("A pack holds a whole number of base units, more than zero")
    if not name_th.strip():
        raise InputError("A pack needs a name")
    with database.atomic():
        same = list(ItemPack.select().where((ItemPack.item == item_id) & (
            (ItemPack.name_en == (name_en.strip() or name_th.strip())) | (ItemPack.name_th == name_th.strip()))))
        if len(same) == 1 and same[0].retired:
            ItemPack.update(retired=False, factor=factor).where(ItemPack.id == same[0].id).execute()
            return int(same[0].id)
        if same:
            raise InputError("There is already a pack called “{pack}”", pack=name_th.strip())
        return int(ItemPack.insert(item=item_id, name_th=name_th.strip(), name_en=name_en.strip() or name_th.strip(),
                                   factor=factor).execute())


def retire_pack(actor: Actor, pack_id: int) -> None:
    """Stop using a pack: it stays on record (an import file or another laptop may name it) but is no longer
    offered, and a quantity typed in it is refused.  Declaring it again brings it back."""
    require(actor.role, Action.MANAGE_ITEMS)
    with database.atomic():
        pack = ItemPack.get_or_none(ItemPack.id == pack_id)
        if pack is None:
            raise NotFound("No pack with id {id}", id=pack_id)
        if pack.retired:
            raise InputError("The pack “{pack}” is already retired", pack=pack.name_th)
        ItemPack.update(retired=True).where(ItemPack.id == pack_id).execute()


def packs_in_use(item_id: int) -> list[ItemPack]:
    """The packs a quantity of the item may be typed in (retired ones left out), smallest first."""
    return list(ItemPack.select().where((ItemPack.item == item_id) & (ItemPack.retired == False))  # noqa: E712
                .order_by(ItemPack.factor, ItemPack.id))


def add_barcode(actor: Actor, item_id: int, code: str, quantity: int = 1) -> int:
    """A barcode for the item; one scan counts ``quantity`` base units."""
    require(actor.role, Action.MANAGE_ITEMS)
    _item(item_id)
    code = to_arabic_digits(code).strip()
    if not code or not code.isascii() or not code.isalnum():
        raise InputError("“{code}” is not a barcode", code=code)
    if quantity <= 0:
        raise InputError("A quantity must be more than zero")
    with database.atomic():
        if Barcode.select().where(Barcode.code == code).exists():
            raise InputError("The barcode {code} is already used", code=code)
        added = int(Barcode.insert(code=code, item=item_id, quantity=quantity).execute())
    _edited()
    return added


def update_pack(actor: Actor, pack_id: int, name_th: str, name_en: str, factor: int) -> int:
    """Rename a pack or correct how many base units it holds (the ledger keeps base units, so only what is
    typed from now on changes)."""
    require(actor.role, Action.MANAGE_ITEMS)
    pack = ItemPack.get_or_none(ItemPack.id == pack_id)
    if pack is None:
        raise NotFound("No pack with id {id}", id=pack_id)
    if isinstance(factor, bool) or not isinstance(factor, int) or factor <= 0:
        raise InputError("A pack holds a whole number of base units, more than zero")
    if not name_th.strip():
        raise InputError("A pack needs a name")
    with database.atomic():
        if ItemPack.select().where((ItemPack.item == pack.item) & (ItemPack.id != pack_id)
                                   & ((ItemPack.name_en == (name_en.strip() or name_th.strip()))
                                      | (ItemPack.name_th == name_th.strip()))).exists():
            raise InputError("There is already a pack called “{pack}”", pack=name_th.strip())
        ItemPack.update(name_th=name_th.strip(), name_en=name_en.strip() or name_th.strip(),
                        factor=factor).where(ItemPack.id == pack_id).execute()
    return pack_id


def remove_barcode(actor: Actor, code: str) -> None:
    """Take a barcode off its item (a misprinted label); the code may then be given to another item."""
    require(actor.role, Action.MANAGE_ITEMS)
    code = to_arabic_digits(code).strip()
    with database.atomic():
        if Barcode.delete().where(Barcode.code == code).execute() == 0:
            raise InputError("The barcode {code} is not on any item", code=code)
    _edited()


STOCK_KINDS = ("ingredient", "packaging", "finished")
_edits = [0]  # items and barcodes changed by this process (a rename to a name of the same length too)


def _edited() -> None:
    _edits[0] += 1


def item_index(kinds: tuple[str, ...] = STOCK_KINDS) -> CatalogIndex:
    """The items in use of ``kinds`` (priced or not: ingredients have no price), indexed by the till's own
    search (:class:`~pos_app.selling.search.CatalogIndex`: Thai or English name, SKU or barcode, through the
    Thai kit's search keys, in Thai dictionary order) for the stock and production screens' item picker."""
    rows = cast(Iterable[tuple[int, str, str, str, str, str, bool]], Item.select(
        Item.id, Item.sku, Item.name_th, Item.name_en, Item.kind, Item.base_unit, Item.sold_by_weight).where(
        (Item.active == True) & Item.kind.in_(list(kinds))).tuples().iterator())  # noqa: E712
    views = [ItemView(int(i), str(sku), str(th), str(en), str(kind), str(unit), bool(w), Money(0), 1)
             for i, sku, th, en, kind, unit, w in rows]
    ids = {v.id for v in views}
    codes = cast(Iterable[tuple[str, int, int]],
                 Barcode.select(Barcode.code, Barcode.item, Barcode.quantity).tuples().iterator())
    return CatalogIndex.build(views, barcodes=((int(i), str(c), int(q)) for c, i, q in codes if int(i) in ids))


def catalogue_mark() -> tuple[int, ...]:
    """Changes when an item is added, renamed, retired, given another kind or unit, or a barcode: the item
    picker builds its index again only then (two aggregate statements, not the whole catalogue).  The count
    of items comes first.  A change made by this process always shows (``_edits``); one made on another
    laptop shows from the counts and the lengths of the names — a rename there to a name of exactly the same
    length is seen with the next other change (SQL has no portable hash of a column)."""
    lengths = (pw.fn.LENGTH(Item.name_th) + pw.fn.LENGTH(Item.name_en) + pw.fn.LENGTH(Item.sku)
               + pw.fn.LENGTH(Item.kind) * 3 + pw.fn.LENGTH(Item.base_unit))
    in_use = pw.Case(None, [(Item.active == True, Item.id)], 0)  # noqa: E712
    row = cast(tuple[object, ...], Item.select(pw.fn.COUNT(Item.id), pw.fn.MAX(Item.id), pw.fn.SUM(lengths),
                                               pw.fn.SUM(in_use)).tuples().get())
    codes = cast(tuple[object, ...], Barcode.select(pw.fn.COUNT(Barcode.code), pw.fn.MAX(Barcode.id)).tuples().get())
    return (*(int(cast(int, v) or 0) for v in (*row, *codes)), _edits[0])
