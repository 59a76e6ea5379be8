"""Stock settings: a shop's oversell policy, an item's shelf life and low-stock level."""

from __future__ import annotations

from db.models import Item, Shop, database
from db.models.stock import OVERSELL_POLICIES, ItemStockRule, ShopStockSetting
from pos_app.errors import InputError, NotFound
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor


def set_stock_policy(actor: Actor, shop_id: int, policy: str) -> None:
    """``warn`` (sell what the books do not show, and say so) or ``block`` (refuse such a sale)."""
    require(actor.role, Action.SETTINGS)
    if policy not in OVERSELL_POLICIES:
        raise InputError("Unknown stock policy {policy}", policy=policy)
    if Shop.get_or_none(Shop.id == shop_id) is None:
        raise NotFound("No shop with id {id}", id=shop_id)
    with database.atomic():
        (ShopStockSetting.insert(shop=shop_id, oversell=policy)
         .on_conflict(conflict_target=[ShopStockSetting.shop], update={ShopStockSetting.oversell: policy})
         .execute())


def set_item_rule(actor: Actor, item_id: int, shelf_life_days: int | None, low_stock_level: int = 0) -> None:
    require(actor.role, Action.MANAGE_ITEMS)
    if shelf_life_days is not None and shelf_life_days <= 0:
        raise InputError("A shelf life must be more than zero days")
    if low_stock_level < 0:
        raise InputError("A low-stock level cannot be below zero")
    if Item.get_or_none(Item.id == item_id) is None:
        raise NotFound("No item with id {id}", id=item_id)
    with database.atomic():
        (ItemStockRule.insert(item=item_id, shelf_life_days=shelf_life_days, low_stock_level=low_stock_level)
         .on_conflict(conflict_target=[ItemStockRule.item],
                      update={ItemStockRule.shelf_life_days: shelf_life_days,
                              ItemStockRule.low_stock_level: low_stock_level})
         .execute())
