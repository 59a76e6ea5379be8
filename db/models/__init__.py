"""The shop's records as peewee models, bound at run time through :data:`database` (a proxy).

Money columns hold integer satang (``*_satang``); quantities hold integers in the item's base unit
(g, ml, piece).  Times are UTC (:class:`UtcDateTimeField`).  Documents (sales, refunds, stock movements,
journal entries) are append-only: the database itself refuses UPDATE and DELETE on them (see
:mod:`db.guards`).  Every document row has a UUID with a UNIQUE constraint.

This module holds the core records (network, people, catalogue, sales, stock ledger, journal).  Each area
of the shop keeps its own records beside it, in ``db/models/<area>.py`` (importing ``BaseModel`` from
here); :mod:`db.schema` lists every model and every append-only table in one place.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import peewee as pw

database = pw.DatabaseProxy()


class UtcDateTimeField(pw.DateTimeField):
    """Stores a timezone-aware instant as naive UTC; reads it back as aware UTC."""

    def db_value(self, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            if value.tzinfo is None:
                raise ValueError("naive datetime given where a UTC instant is required")
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return super().db_value(value)  # type: ignore[no-untyped-call]

    def python_value(self, value: Any) -> Any:
        value = super().python_value(value)  # type: ignore[no-untyped-call]
        if isinstance(value, dt.datetime) and value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value


class BaseModel(pw.Model):
    id = pw.AutoField()

    class Meta:
        database = database
        legacy_table_names = False


# Roles, item kinds, units, movement kinds, payment methods: stored as short codes.
ROLES = ("seller", "production", "treasurer", "admin")
ITEM_KINDS = ("finished", "ingredient", "packaging")
BASE_UNITS = ("piece", "g", "ml")
MOVEMENT_KINDS = ("opening", "purchase", "produce", "consume", "sale", "refund", "transfer", "waste", "count")
PAYMENT_METHODS = ("cash", "promptpay", "transfer")
SALE_KINDS = ("sale", "refund")
CHANNELS = ("stall", "member", "network", "online")
REVERSALS = ("", "refund", "void")  # what a refund document is: money back after the sale, or a void


class NetworkGroup(BaseModel):
    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    code = pw.CharField(max_length=32, unique=True)
    name_th = pw.CharField(max_length=200)
    name_en = pw.CharField(max_length=200)


class Shop(BaseModel):
    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    group = pw.ForeignKeyField(NetworkGroup, backref="shops", on_delete="RESTRICT")
    code = pw.CharField(max_length=32, unique=True)
    name_th = pw.CharField(max_length=200)
    name_en = pw.CharField(max_length=200)
    tax_id = pw.CharField(max_length=13, default="")
    promptpay_id = pw.CharField(max_length=20, default="")
    group_id: int


class Till(BaseModel):
    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    shop = pw.ForeignKeyField(Shop, backref="tills", on_delete="RESTRICT")
    code = pw.CharField(max_length=32, unique=True)
    name = pw.CharField(max_length=100)
    # The last receipt number handed out; bumped inside each sale's own transaction (gapless).
    last_receipt_no = pw.IntegerField(default=0)
    shop_id: int


class User(BaseModel):
    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    login = pw.CharField(max_length=64, unique=True)
    display_name = pw.CharField(max_length=200)
    role = pw.CharField(max_length=16, constraints=[pw.Check(f"role IN {ROLES!r}")])
    pin_hash = pw.CharField(max_length=255)
    group = pw.ForeignKeyField(NetworkGroup, null=True, backref="members", on_delete="RESTRICT")
    active = pw.BooleanField(default=True)


class PriceTier(BaseModel):
    code = pw.CharField(max_length=32, unique=True)
    name_th = pw.CharField(max_length=100)
    name_en = pw.CharField(max_length=100)


class Item(BaseModel):
    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    sku = pw.CharField(max_length=32, unique=True)
    kind = pw.CharField(max_length=16, constraints=[pw.Check(f"kind IN {ITEM_KINDS!r}")])
    base_unit = pw.CharField(max_length=8, constraints=[pw.Check(f"base_unit IN {BASE_UNITS!r}")])
    name_th = pw.CharField(max_length=200)
    name_en = pw.CharField(max_length=200)
    group = pw.ForeignKeyField(NetworkGroup, backref="items", on_delete="RESTRICT")
    sold_by_weight = pw.BooleanField(default=False)
    active = pw.BooleanField(default=True)
    group_id: int


class ItemPack(BaseModel):
    """A declared conversion: one ``name`` of this item is ``factor`` base units (kg = 1000 g, pack of 6).
    A pack no longer used is ``retired`` (never deleted: an import file or another laptop may still name it)."""

    item = pw.ForeignKeyField(Item, backref="packs", on_delete="RESTRICT", index=False)  # (item, name_en) leads
    name_th = pw.CharField(max_length=50)
    name_en = pw.CharField(max_length=50)
    factor = pw.IntegerField(constraints=[pw.Check("factor > 0")])
    retired = pw.BooleanField(default=False)

    class Meta:
        indexes = ((("item", "name_en"), True),)


class Barcode(BaseModel):
    code = pw.CharField(max_length=64, unique=True)
    item = pw.ForeignKeyField(Item, backref="barcodes", on_delete="RESTRICT")
    quantity = pw.IntegerField(default=1, constraints=[pw.Check("quantity > 0")])  # base units per scan


class ItemPrice(BaseModel):
    """Price of ``per_quantity`` base units (1 piece, or 1000 g for goods sold by the kilo) in a tier."""

    item = pw.ForeignKeyField(Item, backref="prices", on_delete="RESTRICT", index=False)  # (item, tier) leads
    tier = pw.ForeignKeyField(PriceTier, backref="prices", on_delete="RESTRICT")
    price_satang = pw.BigIntegerField(constraints=[pw.Check("price_satang >= 0")])
    per_quantity = pw.IntegerField(default=1, constraints=[pw.Check("per_quantity > 0")])

    class Meta:
        indexes = ((("item", "tier"), True),)


class Sale(BaseModel):
    """A committed sale or refund: never edited; a refund is its own document pointing back."""

    uuid = pw.UUIDField(unique=True)
    kind = pw.CharField(max_length=8, default="sale", constraints=[pw.Check(f"kind IN {SALE_KINDS!r}")])
    till = pw.ForeignKeyField(Till, backref="sales", on_delete="RESTRICT", index=False)  # (till, number) leads
    number = pw.IntegerField()
    seller = pw.ForeignKeyField(User, backref="sales", on_delete="RESTRICT")
    tier = pw.ForeignKeyField(PriceTier, on_delete="RESTRICT")
    created_at = UtcDateTimeField(index=True)
    business_date = pw.DateField(index=True)  # the Asia/Bangkok calendar day of created_at
    total_satang = pw.BigIntegerField()  # negative for a refund
    refund_of = pw.ForeignKeyField("self", null=True, backref="refunds", on_delete="RESTRICT")
    note = pw.CharField(max_length=500, default="")
    channel = pw.CharField(max_length=16, default="stall", constraints=[pw.SQL("DEFAULT 'stall'")])  # CHANNELS
    customer_name = pw.CharField(max_length=200, default="", constraints=[pw.SQL("DEFAULT ''")])
    customer_phone = pw.CharField(max_length=32, default="", constraints=[pw.SQL("DEFAULT ''")])
    # The whole-sale discount (a reduction, ≥ 0); line discounts are on the lines.
    # total = Σ(line amount − line discount) − discount.
    discount_satang = pw.BigIntegerField(default=0, constraints=[pw.SQL("DEFAULT 0")])
    discount_approved_by = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    reversal = pw.CharField(max_length=8, default="", constraints=[pw.SQL("DEFAULT ''")])  # REVERSALS: "" for a sale
    payments: Any  # backref of Payment.sale
    till_id: int
    tier_id: int
    seller_id: int
    refund_of_id: int | None

    class Meta:
        indexes = ((("till", "number"), True),)


class SaleLine(BaseModel):
    sale = pw.ForeignKeyField(Sale, backref="lines", on_delete="RESTRICT", index=False)  # (sale, line_no) leads
    line_no = pw.IntegerField()
    item = pw.ForeignKeyField(Item, on_delete="RESTRICT")
    quantity = pw.BigIntegerField()  # base units; negative on a refund
    unit_price_satang = pw.BigIntegerField()
    per_quantity = pw.IntegerField()
    amount_satang = pw.BigIntegerField()  # rounded as stated by the sales service
    # A reduction of this line, ≥ 0 (a refund line carries its money back in amount_satang and 0 here).
    discount_satang = pw.BigIntegerField(default=0, constraints=[pw.SQL("DEFAULT 0")])
    # A refund line: the number of the line it gives back, on the sale its document refunds (Sale.refund_of).
    refund_of_line_no = pw.IntegerField(null=True)
    item_id: int

    class Meta:
        indexes = ((("sale", "line_no"), True),)


class Payment(BaseModel):
    uuid = pw.UUIDField(unique=True)
    sale = pw.ForeignKeyField(Sale, backref="payments", on_delete="RESTRICT")
    method = pw.CharField(max_length=16, constraints=[pw.Check(f"method IN {PAYMENT_METHODS!r}")])
    amount_satang = pw.BigIntegerField()  # what the sale received (negative: paid back on a refund)
    tendered_satang = pw.BigIntegerField()  # what the customer handed over
    change_satang = pw.BigIntegerField(default=0)
    confirmed_by = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    # When the money moved: an online order paid later is paid on another day than the sale (cash basis).
    created_at = UtcDateTimeField()
    business_date = pw.DateField(index=True)
    received_by = pw.ForeignKeyField(User, null=True, backref="payments_received", on_delete="RESTRICT")


class OrderPayment(BaseModel):
    """Money received later for an online order: its own document (the order's canonical form never changes
    after it is saved), naming the order by UUID.  Cash basis: it enters the books on its own day."""

    uuid = pw.UUIDField(unique=True)
    sale_uuid = pw.UUIDField(index=True)  # the order (a Sale with channel "online")
    till = pw.ForeignKeyField(Till, on_delete="RESTRICT")
    method = pw.CharField(max_length=16, constraints=[pw.Check(f"method IN {PAYMENT_METHODS!r}")])
    amount_satang = pw.BigIntegerField()
    tendered_satang = pw.BigIntegerField()
    change_satang = pw.BigIntegerField(default=0)
    created_at = UtcDateTimeField()
    business_date = pw.DateField(index=True)
    received_by = pw.ForeignKeyField(User, on_delete="RESTRICT")


class HeldCart(BaseModel):
    """A cart put aside at a till (a customer fetching money): not a document; gone when recalled."""

    uuid = pw.UUIDField(unique=True)  # the cart's own UUID: the sale it becomes is saved under it
    till = pw.ForeignKeyField(Till, on_delete="RESTRICT")
    seller = pw.ForeignKeyField(User, on_delete="RESTRICT")
    created_at = UtcDateTimeField()
    label = pw.CharField(max_length=200, default="")
    content = pw.TextField()  # JSON: lines by item UUID, quantities, discounts, channel, customer


class CartCancellation(BaseModel):
    """A cart given up before payment, recorded (who, when, what was in it, why): append-only."""

    uuid = pw.UUIDField(unique=True)
    till = pw.ForeignKeyField(Till, on_delete="RESTRICT")
    seller = pw.ForeignKeyField(User, on_delete="RESTRICT")
    created_at = UtcDateTimeField()
    business_date = pw.DateField(index=True)
    total_satang = pw.BigIntegerField()
    content = pw.TextField()
    reason = pw.CharField(max_length=500, default="")


class BarcodeRule(BaseModel):
    """How to read a scale label (EAN-13, prefixes 20–29): ``prefix`` + item digits + value digits + check.
    The value is a weight in base units or a price in satang, divided by ``divisor``."""

    prefix = pw.CharField(max_length=4, unique=True)
    item_digits = pw.IntegerField()
    value_digits = pw.IntegerField()
    value_kind = pw.CharField(max_length=8)  # "weight" (base units) or "price" (satang)
    divisor = pw.IntegerField(default=1)


class Setting(BaseModel):
    """A setting's value for a scope ("network", "shop:<code>", "till:<code>"); declared in pos_app.settings."""

    scope = pw.CharField(max_length=64)
    key = pw.CharField(max_length=64)
    value = pw.TextField()
    updated_at = UtcDateTimeField()
    updated_by = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")

    class Meta:
        indexes = ((("scope", "key"), True),)


class Supplier(BaseModel):
    """Who a group buys from: a shop, a farmer, or another group of the network (``network_group``)."""

    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    code = pw.CharField(max_length=32, unique=True)
    name = pw.CharField(max_length=200)
    phone = pw.CharField(max_length=32, default="")
    network_group = pw.ForeignKeyField(NetworkGroup, null=True, on_delete="RESTRICT")
    active = pw.BooleanField(default=True)


LOT_ORIGINS = ("opening", "purchase", "batch", "transfer", "unrecorded")


class Lot(BaseModel):
    """One lot of one item, owned by one group: where it came from, when, its expiry and its exact cost.

    The lot is worth exactly ``cost_satang`` for ``quantity_in`` units, stated also as
    ``unit_cost_satang × quantity_in + remainder_satang``; how that value leaves with the units is the
    ledger's rule (:mod:`pos_app.stock.lots`).  Never changed once written.
    """

    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    number = pw.CharField(max_length=64, unique=True)
    item = pw.ForeignKeyField(Item, backref="lots", on_delete="RESTRICT")
    group = pw.ForeignKeyField(NetworkGroup, on_delete="RESTRICT")
    origin = pw.CharField(max_length=16, constraints=[pw.Check(f"origin IN {LOT_ORIGINS!r}")])
    document_uuid = pw.UUIDField(index=True)  # the purchase, batch, transfer or opening document
    made_on = pw.DateField()  # made or received: the business date, even when recorded later
    expires_on = pw.DateField(null=True, index=True)
    quantity_in = pw.BigIntegerField(constraints=[pw.Check("quantity_in >= 0")])
    cost_satang = pw.BigIntegerField(constraints=[pw.Check("cost_satang >= 0")])
    unit_cost_satang = pw.BigIntegerField()
    remainder_satang = pw.BigIntegerField()
    supplier = pw.ForeignKeyField(Supplier, null=True, on_delete="RESTRICT")
    supplier_lot = pw.CharField(max_length=64, default="")
    created_at = UtcDateTimeField()
    item_id: int
    group_id: int
    supplier_id: int | None

    class Meta:
        constraints = [  # noqa: RUF012
            pw.SQL("CHECK (unit_cost_satang * quantity_in + remainder_satang = cost_satang)"),
                       pw.SQL("CHECK (expires_on IS NULL OR expires_on >= made_on)")]


class StockMovement(BaseModel):
    """One row of the append-only stock ledger: a signed quantity of one lot in one shop, and the value
    (satang) that moved with it.  On-hand and stock value are the sums of these (kept as balances)."""

    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    item = pw.ForeignKeyField(Item, backref="movements", on_delete="RESTRICT", index=False)  # (item, shop) leads
    shop = pw.ForeignKeyField(Shop, backref="movements", on_delete="RESTRICT")
    kind = pw.CharField(max_length=16, constraints=[pw.Check(f"kind IN {MOVEMENT_KINDS!r}")])
    quantity = pw.BigIntegerField()  # signed, base units
    lot = pw.ForeignKeyField(Lot, null=True, backref="movements", on_delete="RESTRICT")
    unit_cost_satang = pw.BigIntegerField(null=True)
    value_satang = pw.BigIntegerField(default=0)  # signed, the lot value that moved (ledger's rule)
    expired_override = pw.BooleanField(default=False)  # an expired lot sold on purpose (recorded)
    document_uuid = pw.UUIDField(index=True)
    user = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    created_at = UtcDateTimeField(index=True)  # when it was recorded
    business_date = pw.DateField()  # the day it happened (a purchase entered late keeps its real day)
    item_id: int
    lot_id: int | None
    shop_id: int

    class Meta:
        indexes = ((("item", "shop"), False),)


class JournalEntry(BaseModel):
    """The append-only journal: one entry per committed document, in commit order."""

    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    doc_type = pw.CharField(max_length=32)
    doc_uuid = pw.UUIDField(unique=True)
    till = pw.ForeignKeyField(Till, null=True, on_delete="RESTRICT")
    user = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    created_at = UtcDateTimeField()
    summary = pw.TextField()  # canonical JSON of the document's business values


CORE_MODELS: tuple[type[BaseModel], ...] = (
    NetworkGroup, Shop, Till, User, PriceTier, Item, ItemPack, Barcode, ItemPrice,
    Sale, SaleLine, Payment, Supplier, Lot, StockMovement, JournalEntry, HeldCart, CartCancellation, BarcodeRule,
    Setting, OrderPayment,
)
# Document tables: the database refuses UPDATE and DELETE on these (db.guards).
CORE_APPEND_ONLY: tuple[str, ...] = ("sale", "sale_line", "payment", "lot", "stock_movement", "journal_entry",
                                     "cart_cancellation", "order_payment")
