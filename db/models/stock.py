"""Stock records: lots, balances, suppliers, purchases, transfers between groups, counts and write-offs.

Quantities are integers in the item's base unit; money is integer satang.  A lot is worth exactly what was
paid for it (``cost_satang`` for ``quantity_in`` units); ``unit_cost_satang`` and ``remainder_satang`` state
the same amount as ``unit × quantity_in + remainder``.  How a lot's value leaves with its units is the stock
ledger's rule (:mod:`pos_app.stock.lots`).  Documents (purchases, transfers, adjustments and their lines) are
append-only; balances are the one table the ledger updates, in each movement's own transaction.
"""

from __future__ import annotations

import peewee as pw

from db.models import BaseModel, Item, Lot, NetworkGroup, Shop, Supplier, User, UtcDateTimeField

PAID_FROM = ("drawer", "account", "credit")
ADJUSTMENT_KINDS = ("count", "waste")
OVERSELL_POLICIES = ("warn", "block")


class ItemStockRule(BaseModel):
    """Per item: shelf life (a lot's default expiry) and the low-stock level for the production lead."""

    item = pw.ForeignKeyField(Item, unique=True, backref="stock_rule", on_delete="RESTRICT")
    shelf_life_days = pw.IntegerField(null=True, constraints=[pw.Check("shelf_life_days > 0")])
    low_stock_level = pw.BigIntegerField(default=0, constraints=[pw.Check("low_stock_level >= 0")])
    item_id: int


class ShopStockSetting(BaseModel):
    """Per shop: what a sale does when the books show too little stock (``warn``, the default, or ``block``)."""

    shop = pw.ForeignKeyField(Shop, unique=True, on_delete="RESTRICT")
    oversell = pw.CharField(max_length=8, default="warn",
                            constraints=[pw.Check(f"oversell IN {OVERSELL_POLICIES!r}")])


class StockBalance(BaseModel):
    """On hand of one lot in one shop, and its value: always the sum of that lot's ledger rows there."""

    item = pw.ForeignKeyField(Item, on_delete="RESTRICT")
    lot = pw.ForeignKeyField(Lot, on_delete="RESTRICT", index=False)  # (lot, shop) leads
    shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT", index=False)  # (shop, item) leads
    quantity = pw.BigIntegerField(default=0)
    held_value_satang = pw.BigIntegerField(default=0)
    item_id: int
    lot_id: int
    shop_id: int

    class Meta:
        indexes = ((("lot", "shop"), True), (("shop", "item"), False))


class Purchase(BaseModel):
    """Ingredients or packaging bought by a group; its lines became lots with their cost."""

    uuid = pw.UUIDField(unique=True)
    shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
    group = pw.ForeignKeyField(NetworkGroup, on_delete="RESTRICT")
    supplier = pw.ForeignKeyField(Supplier, null=True, on_delete="RESTRICT")
    business_date = pw.DateField(index=True)  # the day it was bought (may be before it was recorded)
    created_at = UtcDateTimeField()  # when it was recorded
    user = pw.ForeignKeyField(User, on_delete="RESTRICT")
    paid_from = pw.CharField(max_length=16, constraints=[pw.Check(f"paid_from IN {PAID_FROM!r}")])
    total_satang = pw.BigIntegerField(constraints=[pw.Check("total_satang >= 0")])
    note = pw.CharField(max_length=500, default="")
    shop_id: int
    group_id: int


class PurchaseLine(BaseModel):
    purchase = pw.ForeignKeyField(Purchase, backref="lines", on_delete="RESTRICT", index=False)
    line_no = pw.IntegerField()
    item = pw.ForeignKeyField(Item, on_delete="RESTRICT")
    quantity = pw.BigIntegerField(constraints=[pw.Check("quantity > 0")])
    cost_satang = pw.BigIntegerField(constraints=[pw.Check("cost_satang >= 0")])
    lot = pw.ForeignKeyField(Lot, on_delete="RESTRICT")
    item_id: int
    lot_id: int

    class Meta:
        indexes = ((("purchase", "line_no"), True),)


class Transfer(BaseModel):
    """Goods passed from one group to another at an agreed price: a sale in the giving group's books and a
    purchase in the receiving group's books, for ``amount_satang``."""

    uuid = pw.UUIDField(unique=True)
    from_group = pw.ForeignKeyField(NetworkGroup, on_delete="RESTRICT")
    to_group = pw.ForeignKeyField(NetworkGroup, on_delete="RESTRICT")
    from_shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
    to_shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
    business_date = pw.DateField(index=True)
    created_at = UtcDateTimeField()
    user = pw.ForeignKeyField(User, on_delete="RESTRICT")
    amount_satang = pw.BigIntegerField(constraints=[pw.Check("amount_satang >= 0")])
    cost_satang = pw.BigIntegerField()  # the giver's cost of the goods that left (for its books)
    note = pw.CharField(max_length=500, default="")

    class Meta:
        constraints = [pw.SQL("CHECK (from_group_id <> to_group_id)")]  # noqa: RUF012


class TransferLine(BaseModel):
    transfer = pw.ForeignKeyField(Transfer, backref="lines", on_delete="RESTRICT", index=False)
    line_no = pw.IntegerField()
    item = pw.ForeignKeyField(Item, on_delete="RESTRICT")
    quantity = pw.BigIntegerField(constraints=[pw.Check("quantity > 0")])
    from_lot = pw.ForeignKeyField(Lot, on_delete="RESTRICT")
    to_lot = pw.ForeignKeyField(Lot, on_delete="RESTRICT")
    price_satang = pw.BigIntegerField(constraints=[pw.Check("price_satang >= 0")])  # agreed, for the line
    cost_satang = pw.BigIntegerField()

    class Meta:
        indexes = ((("transfer", "line_no"), True),)


class StockAdjustment(BaseModel):
    """A stocktake (count) or a write-off (waste, spoilage) with its reason; its rows are in the ledger."""

    uuid = pw.UUIDField(unique=True)
    kind = pw.CharField(max_length=8, constraints=[pw.Check(f"kind IN {ADJUSTMENT_KINDS!r}")])
    shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
    business_date = pw.DateField(index=True)
    created_at = UtcDateTimeField()
    user = pw.ForeignKeyField(User, on_delete="RESTRICT")
    reason = pw.CharField(max_length=500)
    value_satang = pw.BigIntegerField()  # signed: what the books gained (count up) or lost


STOCK_MODELS: tuple[type[BaseModel], ...] = (
    ItemStockRule, ShopStockSetting, Lot, StockBalance, Purchase, PurchaseLine, Transfer,
    TransferLine, StockAdjustment,
)
STOCK_APPEND_ONLY: tuple[str, ...] = (
    "purchase", "purchase_line", "transfer", "transfer_line", "stock_adjustment",
)
