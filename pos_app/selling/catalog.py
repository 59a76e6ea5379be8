"""What the shop sells: items, their barcodes and prices in a tier, as plain read-only views."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from db.models import Barcode, Item, ItemPrice, PriceTier
from pos_app.errors import InputError
from pos_app.money import Money
from resources.i18n import language

if TYPE_CHECKING:
    from pos_app.selling.cart import Cart

DEFAULT_TIER = "retail"


@dataclass(frozen=True, slots=True)  # slots: 100,000 of them at the till, without a dict each
class ItemView:
    id: int
    sku: str
    name_th: str
    name_en: str
    kind: str
    base_unit: str
    sold_by_weight: bool
    price: Money  # for ``per_quantity`` base units
    per_quantity: int
    scan_quantity: int = 1  # base units added by one scan of the barcode used

    @property
    def name(self) -> str:
        return self.name_en if language() == "en" else self.name_th


def tier_id(code: str = DEFAULT_TIER) -> int:
    return int(PriceTier.get(PriceTier.code == code).id)


def _view(item: Item, price: ItemPrice, scan_quantity: int = 1) -> ItemView:
    return ItemView(item.id, item.sku, item.name_th, item.name_en, item.kind, item.base_unit,
                    bool(item.sold_by_weight), Money(price.price_satang), price.per_quantity, scan_quantity)


def sellable(tier: str = DEFAULT_TIER) -> list[ItemView]:
    """Active items with a price in ``tier``, ordered by SKU (the UI sorts by name as it likes).

    Plain tuples, not model rows: with 100,000 items building peewee objects took most of the till's start;
    read as a stream (``iterator``: peewee keeps no copy of every row) and the few kinds and units shared."""
    columns = (Item.id, Item.sku, Item.name_th, Item.name_en, Item.kind, Item.base_unit, Item.sold_by_weight,
               ItemPrice.price_satang, ItemPrice.per_quantity)
    query = cast(Iterable[tuple[Any, ...]], ItemPrice.select(*columns)
             .join(Item).switch(ItemPrice).join(PriceTier)
             .where((PriceTier.code == tier) & (Item.active == True))  # noqa: E712
             .order_by(Item.sku).tuples().iterator())
    shared: dict[str, str] = {}
    return [ItemView(int(i), str(sku), str(th), str(en), shared.setdefault(kind, str(kind)),
                     shared.setdefault(unit, str(unit)), bool(weight), Money(int(price)), int(per))
            for i, sku, th, en, kind, unit, weight, price, per in query]


def more_sellable_than(limit: int, tier: str = DEFAULT_TIER) -> bool:
    """Whether :func:`sellable` would give more than ``limit`` items: the till decides how to index them.  It
    reads up to the ``limit + 1``-th row, not a COUNT of them all (100,000 items: ~5 ms instead of ~23 ms)."""
    return (ItemPrice.select(ItemPrice.id).join(Item).switch(ItemPrice).join(PriceTier)
            .where((PriceTier.code == tier) & (Item.active == True))  # noqa: E712
            .offset(limit).limit(1).exists())


def by_barcode(code: str, tier: str = DEFAULT_TIER) -> ItemView | None:
    """The item a scanned code names, priced in ``tier``; ``None`` if unknown or not for sale."""
    code = code.strip()
    if not code:
        return None
    row = (Barcode.select(Barcode, Item).join(Item)
           .where((Barcode.code == code) & (Item.active == True)).first())  # noqa: E712
    if row is None:
        return None
    price = (ItemPrice.select().join(PriceTier)
             .where((ItemPrice.item == row.item) & (PriceTier.code == tier)).first())
    return None if price is None else _view(row.item, price, row.quantity)


def by_id(item_id: int, tier: str = DEFAULT_TIER) -> ItemView | None:
    price = (ItemPrice.select(ItemPrice, Item).join(Item).switch(ItemPrice).join(PriceTier)
             .where((Item.id == item_id) & (PriceTier.code == tier)).first())
    return None if price is None else _view(price.item, price)


def reprice(cart: Cart, tier: str) -> None:
    """Price every line of ``cart`` in ``tier`` (a member's or another group's price); refused, with the cart
    unchanged, when an item has no price in that tier."""
    views = [by_id(line.item.id, tier) for line in cart.lines]
    missing = [line.item for line, view in zip(cart.lines, views, strict=True) if view is None]
    if missing:
        raise InputError("{name} has no price for this kind of sale", name=missing[0].name)
    for line, view in zip(cart.lines, views, strict=True):
        assert view is not None
        line.item = ItemView(view.id, view.sku, view.name_th, view.name_en, view.kind, view.base_unit,
                             view.sold_by_weight, view.price, view.per_quantity, line.item.scan_quantity)
        if line.discount > line.amount:
            line.discount = line.amount
    cart.tier = tier
    if cart.discount > cart.subtotal:
        cart.discount = cart.subtotal
