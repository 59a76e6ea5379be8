"""The first schema: network groups, shops, tills, users, items, prices, sales, stock ledger, journal.

Frozen copies of the models as they were at this migration; never import db.models here.
"""

import uuid

import peewee as pw


class UtcDateTimeField(pw.DateTimeField):
    pass


def up(migrator, db):
    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    roles = ("seller", "production", "treasurer", "admin")
    kinds = ("finished", "ingredient", "packaging")
    units = ("piece", "g", "ml")
    moves = ("opening", "purchase", "produce", "consume", "sale", "refund", "transfer", "waste", "count")

    class NetworkGroup(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        code = pw.CharField(max_length=32, unique=True)
        name_th = pw.CharField(max_length=200)
        name_en = pw.CharField(max_length=200)

    class Shop(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        group = pw.ForeignKeyField(NetworkGroup, on_delete="RESTRICT")
        code = pw.CharField(max_length=32, unique=True)
        name_th = pw.CharField(max_length=200)
        name_en = pw.CharField(max_length=200)
        tax_id = pw.CharField(max_length=13, default="")
        promptpay_id = pw.CharField(max_length=20, default="")

    class Till(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
        code = pw.CharField(max_length=32, unique=True)
        name = pw.CharField(max_length=100)
        last_receipt_no = pw.IntegerField(default=0)

    class User(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        login = pw.CharField(max_length=64, unique=True)
        display_name = pw.CharField(max_length=200)
        role = pw.CharField(max_length=16, constraints=[pw.Check(f"role IN {roles!r}")])
        pin_hash = pw.CharField(max_length=255)
        group = pw.ForeignKeyField(NetworkGroup, null=True, on_delete="RESTRICT")
        active = pw.BooleanField(default=True)

    class PriceTier(Base):
        code = pw.CharField(max_length=32, unique=True)
        name_th = pw.CharField(max_length=100)
        name_en = pw.CharField(max_length=100)

    class Item(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        sku = pw.CharField(max_length=32, unique=True)
        kind = pw.CharField(max_length=16, constraints=[pw.Check(f"kind IN {kinds!r}")])
        base_unit = pw.CharField(max_length=8, constraints=[pw.Check(f"base_unit IN {units!r}")])
        name_th = pw.CharField(max_length=200)
        name_en = pw.CharField(max_length=200)
        group = pw.ForeignKeyField(NetworkGroup, on_delete="RESTRICT")
        sold_by_weight = pw.BooleanField(default=False)
        active = pw.BooleanField(default=True)

    class ItemPack(Base):
        item = pw.ForeignKeyField(Item, on_delete="RESTRICT")
        name_th = pw.CharField(max_length=50)
        name_en = pw.CharField(max_length=50)
        factor = pw.IntegerField(constraints=[pw.Check("factor > 0")])

        class Meta:
            indexes = ((("item", "name_en"), True),)

    class Barcode(Base):
        code = pw.CharField(max_length=64, unique=True)
        item = pw.ForeignKeyField(Item, on_delete="RESTRICT")
        quantity = pw.IntegerField(default=1, constraints=[pw.Check("quantity > 0")])

    class ItemPrice(Base):
        item = pw.ForeignKeyField(Item, on_delete="RESTRICT")
        tier = pw.ForeignKeyField(PriceTier, on_delete="RESTRICT")
        price_satang = pw.BigIntegerField(constraints=[pw.Check("price_satang >= 0")])
        per_quantity = pw.IntegerField(default=1, constraints=[pw.Check("per_quantity > 0")])

        class Meta:
            indexes = ((("item", "tier"), True),)

    class Sale(Base):
        uuid = pw.UUIDField(unique=True)
        kind = pw.CharField(max_length=8, default="sale",
                            constraints=[pw.Check("kind IN ('sale', 'refund')")])
        till = pw.ForeignKeyField(Till, on_delete="RESTRICT")
        number = pw.IntegerField()
        seller = pw.ForeignKeyField(User, on_delete="RESTRICT")
        tier = pw.ForeignKeyField(PriceTier, on_delete="RESTRICT")
        created_at = UtcDateTimeField(index=True)
        business_date = pw.DateField(index=True)
        total_satang = pw.BigIntegerField()
        refund_of = pw.ForeignKeyField("self", null=True, on_delete="RESTRICT")
        note = pw.CharField(max_length=500, default="")

        class Meta:
            indexes = ((("till", "number"), True),)

    class SaleLine(Base):
        sale = pw.ForeignKeyField(Sale, on_delete="RESTRICT")
        line_no = pw.IntegerField()
        item = pw.ForeignKeyField(Item, on_delete="RESTRICT")
        quantity = pw.BigIntegerField()
        unit_price_satang = pw.BigIntegerField()
        per_quantity = pw.IntegerField()
        amount_satang = pw.BigIntegerField()

        class Meta:
            indexes = ((("sale", "line_no"), True),)

    class Payment(Base):
        uuid = pw.UUIDField(unique=True)
        sale = pw.ForeignKeyField(Sale, on_delete="RESTRICT")
        method = pw.CharField(max_length=16, constraints=[pw.Check("method IN ('cash', 'promptpay')")])
        amount_satang = pw.BigIntegerField()
        tendered_satang = pw.BigIntegerField()
        change_satang = pw.BigIntegerField(default=0)
        confirmed_by = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")

    class StockMovement(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        item = pw.ForeignKeyField(Item, on_delete="RESTRICT")
        shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
        kind = pw.CharField(max_length=16, constraints=[pw.Check(f"kind IN {moves!r}")])
        quantity = pw.BigIntegerField()
        lot = pw.CharField(max_length=64, default="")
        unit_cost_satang = pw.BigIntegerField(null=True)
        document_uuid = pw.UUIDField(index=True)
        user = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")
        created_at = UtcDateTimeField(index=True)

        class Meta:
            indexes = ((("item", "shop"), False),)

    class JournalEntry(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        doc_type = pw.CharField(max_length=32)
        doc_uuid = pw.UUIDField(unique=True)
        till = pw.ForeignKeyField(Till, null=True, on_delete="RESTRICT")
        user = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")
        created_at = UtcDateTimeField()
        summary = pw.TextField()

    db.create_tables([NetworkGroup, Shop, Till, User, PriceTier, Item, ItemPack, Barcode, ItemPrice,
                      Sale, SaleLine, Payment, StockMovement, JournalEntry])
