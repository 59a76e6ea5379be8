"""Helpers for the stock and production tests: fresh items in the demo network, the people, the shops."""

from __future__ import annotations

import datetime as dt

from db.models import Item, ItemPrice, NetworkGroup, PriceTier, Shop, Till
from pos_app.money import Money
from pos_app.people import users
from pos_app.selling import catalog, sales
from pos_app.selling.cart import Cart
from pos_app.stock import purchases

_n = [0]


def lead() -> users.Actor:
    return users.login("prapha", "2222")


def admin() -> users.Actor:
    return users.login("admin", "9999")


def seller() -> users.Actor:
    return users.login("somsri", "1111")


def shop(code: str) -> Shop:
    return Shop.get(Shop.code == code)


def new_item(group: str = "KAPI", kind: str = "ingredient", unit: str = "g", price_satang: int | None = None,
             name: str = "ของทดสอบ") -> Item:
    _n[0] += 1
    item = Item.create(sku=f"T-{_n[0]}-{kind[:3]}", kind=kind, base_unit=unit, name_th=f"{name} {_n[0]}",
                       name_en=f"test {_n[0]}", group=NetworkGroup.get(NetworkGroup.code == group))
    if price_satang is not None:
        ItemPrice.create(item=item, tier=PriceTier.get(PriceTier.code == "retail"), price_satang=price_satang)
    return item


def buy(shop_code: str, item: Item, quantity: int, cost_satang: int, expires: dt.date | None = None,
        **kw: object) -> purchases.LotMade:
    done = purchases.record_purchase(lead(), shop(shop_code).id,
                                     [purchases.BuyLine(item.id, quantity, total=Money(cost_satang),
                                                        expires_on=expires)], **kw)  # type: ignore[arg-type]
    return done.lots[0]


def till(code: str = "T1") -> Till:
    return Till.get(Till.code == code)


def item_view(item: Item) -> catalog.ItemView:
    """The item as the till's catalogue shows it (what a cart line is made of)."""
    view = catalog.by_id(item.id)
    assert view is not None, item.sku
    return view


def sell(item: Item, quantity: int, till_code: str = "T1") -> sales.SaleResult:
    cart = Cart()
    cart.add(item_view(item), quantity)
    return sales.commit_sale(seller(), till(till_code).id, cart)
