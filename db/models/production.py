"""Production records: recipes (bills of materials, versioned) and batches with their inputs, labour,
overhead and outputs.  All append-only: a recipe change is a new version; a batch is never edited.

A batch's cost is ``materials + labour + overhead`` to the satang, where materials are the values of the
lots it actually consumed (ledger rows of kind ``consume``); its outputs (the finished lot and any
by-products) together carry exactly that cost.
"""

from __future__ import annotations

import uuid

import peewee as pw

from db.models import BaseModel, Item, Lot, NetworkGroup, Shop, User, UtcDateTimeField


class Recipe(BaseModel):
    """Version ``version`` of the recipe of ``product``: these lines make ``yield_quantity`` base units."""

    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    product = pw.ForeignKeyField(Item, backref="recipes", on_delete="RESTRICT", index=False)  # (product, version) leads
    version = pw.IntegerField(constraints=[pw.Check("version > 0")])
    yield_quantity = pw.BigIntegerField(constraints=[pw.Check("yield_quantity > 0")])
    created_at = UtcDateTimeField()
    user = pw.ForeignKeyField(User, on_delete="RESTRICT")
    note = pw.CharField(max_length=500, default="")
    product_id: int

    class Meta:
        indexes = ((("product", "version"), True),)


class RecipeLine(BaseModel):
    recipe = pw.ForeignKeyField(Recipe, backref="lines", on_delete="RESTRICT", index=False)  # (recipe, line_no) leads
    line_no = pw.IntegerField()
    item = pw.ForeignKeyField(Item, on_delete="RESTRICT")
    quantity = pw.BigIntegerField(constraints=[pw.Check("quantity > 0")])
    item_id: int

    class Meta:
        indexes = ((("recipe", "line_no"), True),)


class Batch(BaseModel):
    """One production round, committed whole: what it used, who worked, what it cost, what it made."""

    uuid = pw.UUIDField(unique=True)
    number = pw.CharField(max_length=64, unique=True)  # the finished lot's number
    # the recipe version used, named by its UUID (not a foreign key: a batch is a document of its own, not a
    # part of the recipe's document in the hash chain)
    recipe_uuid = pw.UUIDField(index=True)
    product = pw.ForeignKeyField(Item, on_delete="RESTRICT")
    group = pw.ForeignKeyField(NetworkGroup, on_delete="RESTRICT")
    shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
    business_date = pw.DateField(index=True)  # the day it was made (may be before it was recorded)
    created_at = UtcDateTimeField()
    user = pw.ForeignKeyField(User, on_delete="RESTRICT")
    planned_quantity = pw.BigIntegerField(constraints=[pw.Check("planned_quantity > 0")])
    yield_quantity = pw.BigIntegerField(constraints=[pw.Check("yield_quantity > 0")])
    materials_satang = pw.BigIntegerField(constraints=[pw.Check("materials_satang >= 0")])
    labour_satang = pw.BigIntegerField(constraints=[pw.Check("labour_satang >= 0")])
    overhead_satang = pw.BigIntegerField(constraints=[pw.Check("overhead_satang >= 0")])
    total_satang = pw.BigIntegerField()
    note = pw.CharField(max_length=500, default="")
    product_id: int
    group_id: int
    shop_id: int

    class Meta:
        constraints = [pw.SQL("CHECK (total_satang = materials_satang + labour_satang + overhead_satang)")]  # noqa: RUF012


class BatchInput(BaseModel):
    """A lot the batch consumed, and the value that left that lot (the ledger's ``consume`` row)."""

    batch = pw.ForeignKeyField(Batch, backref="inputs", on_delete="RESTRICT", index=False)  # (batch, line_no) leads
    line_no = pw.IntegerField()
    item = pw.ForeignKeyField(Item, on_delete="RESTRICT")
    lot = pw.ForeignKeyField(Lot, backref="consumed_by", on_delete="RESTRICT")
    quantity = pw.BigIntegerField(constraints=[pw.Check("quantity > 0")])
    cost_satang = pw.BigIntegerField()
    lot_id: int
    item_id: int

    class Meta:
        indexes = ((("batch", "line_no"), True),)


class BatchLabour(BaseModel):
    """Who worked on the batch (for the members' books): minutes × hourly rate, or an agreed amount."""

    batch = pw.ForeignKeyField(Batch, backref="labour", on_delete="RESTRICT", index=False)  # (batch, line_no) leads
    line_no = pw.IntegerField()
    member = pw.CharField(max_length=200)
    user = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    minutes = pw.IntegerField(default=0, constraints=[pw.Check("minutes >= 0")])
    rate_satang_per_hour = pw.BigIntegerField(default=0, constraints=[pw.Check("rate_satang_per_hour >= 0")])
    amount_satang = pw.BigIntegerField(constraints=[pw.Check("amount_satang >= 0")])

    class Meta:
        indexes = ((("batch", "line_no"), True),)


class BatchOverhead(BaseModel):
    batch = pw.ForeignKeyField(Batch, backref="overheads", on_delete="RESTRICT", index=False)  # (batch, line_no) leads
    line_no = pw.IntegerField()
    description = pw.CharField(max_length=200)
    amount_satang = pw.BigIntegerField(constraints=[pw.Check("amount_satang >= 0")])

    class Meta:
        indexes = ((("batch", "line_no"), True),)


class BatchOutput(BaseModel):
    """A lot the batch made: the main product (``main``) or a by-product at its stated value."""

    batch = pw.ForeignKeyField(Batch, backref="outputs", on_delete="RESTRICT")
    item = pw.ForeignKeyField(Item, on_delete="RESTRICT")
    lot = pw.ForeignKeyField(Lot, backref="made_by", on_delete="RESTRICT")
    quantity = pw.BigIntegerField(constraints=[pw.Check("quantity > 0")])
    cost_satang = pw.BigIntegerField(constraints=[pw.Check("cost_satang >= 0")])
    main = pw.BooleanField()
    lot_id: int


PRODUCTION_MODELS: tuple[type[BaseModel], ...] = (
    Recipe, RecipeLine, Batch, BatchInput, BatchLabour, BatchOverhead, BatchOutput,
)
PRODUCTION_APPEND_ONLY: tuple[str, ...] = (
    "recipe", "recipe_line", "batch", "batch_input", "batch_labour", "batch_overhead", "batch_output",
)
