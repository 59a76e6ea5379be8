"""Stock lots, balances, suppliers, purchases, transfers, counts; recipes and batches.

* ``stock_movement.lot`` (free text) becomes ``lot_id`` (a lot record); each row also carries the value
  that moved (``value_satang``) and whether an expired lot was sold on purpose (``expired_override``).
  Rows already in the ledger are given lots (one per item and shop: old sales named no lot; costed from
  the opening/purchase rows) and balances, so the books stay whole.
* New append-only tables get the guards of 0002.

Frozen copies of the models as they were at this migration; never import db.models here.
"""

import datetime as dt
import uuid

import peewee as pw


class UtcDateTimeField(pw.DateTimeField):
    pass


NEW_APPEND_ONLY = ("lot", "purchase", "purchase_line", "transfer", "transfer_line", "stock_adjustment",
                   "recipe", "recipe_line", "batch", "batch_input", "batch_labour", "batch_overhead",
                   "batch_output")


def _models(db):
    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class NetworkGroup(Base):
        code = pw.CharField(max_length=32, unique=True)

    class Shop(Base):
        pass

    class User(Base):
        pass

    class Item(Base):
        pass

    origins = ("opening", "purchase", "batch", "transfer", "unrecorded")

    class Supplier(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        code = pw.CharField(max_length=32, unique=True)
        name = pw.CharField(max_length=200)
        phone = pw.CharField(max_length=32, default="")
        network_group = pw.ForeignKeyField(NetworkGroup, null=True, on_delete="RESTRICT")
        active = pw.BooleanField(default=True)

    class Lot(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        number = pw.CharField(max_length=64, unique=True)
        item = pw.ForeignKeyField(Item, on_delete="RESTRICT")
        group = pw.ForeignKeyField(NetworkGroup, on_delete="RESTRICT")
        origin = pw.CharField(max_length=16, constraints=[pw.Check(f"origin IN {origins!r}")])
        document_uuid = pw.UUIDField(index=True)
        made_on = pw.DateField()
        expires_on = pw.DateField(null=True, index=True)
        quantity_in = pw.BigIntegerField(constraints=[pw.Check("quantity_in >= 0")])
        cost_satang = pw.BigIntegerField(constraints=[pw.Check("cost_satang >= 0")])
        unit_cost_satang = pw.BigIntegerField()
        remainder_satang = pw.BigIntegerField()
        supplier = pw.ForeignKeyField(Supplier, null=True, on_delete="RESTRICT")
        supplier_lot = pw.CharField(max_length=64, default="")
        created_at = UtcDateTimeField()

        class Meta:
            constraints = [  # noqa: RUF012
            pw.SQL("CHECK (unit_cost_satang * quantity_in + remainder_satang = cost_satang)"),
                           pw.SQL("CHECK (expires_on IS NULL OR expires_on >= made_on)")]

    class ItemStockRule(Base):
        item = pw.ForeignKeyField(Item, unique=True, on_delete="RESTRICT")
        shelf_life_days = pw.IntegerField(null=True, constraints=[pw.Check("shelf_life_days > 0")])
        low_stock_level = pw.BigIntegerField(default=0, constraints=[pw.Check("low_stock_level >= 0")])

    class ShopStockSetting(Base):
        shop = pw.ForeignKeyField(Shop, unique=True, on_delete="RESTRICT")
        oversell = pw.CharField(max_length=8, default="warn",
                                constraints=[pw.Check("oversell IN ('warn', 'block')")])

    class StockBalance(Base):
        item = pw.ForeignKeyField(Item, on_delete="RESTRICT")
        lot = pw.ForeignKeyField(Lot, on_delete="RESTRICT")
        shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
        quantity = pw.BigIntegerField(default=0)
        held_value_satang = pw.BigIntegerField(default=0)

        class Meta:
            indexes = ((("lot", "shop"), True), (("shop", "item"), False))

    class Purchase(Base):
        uuid = pw.UUIDField(unique=True)
        shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
        group = pw.ForeignKeyField(NetworkGroup, on_delete="RESTRICT")
        supplier = pw.ForeignKeyField(Supplier, null=True, on_delete="RESTRICT")
        business_date = pw.DateField(index=True)
        created_at = UtcDateTimeField()
        user = pw.ForeignKeyField(User, on_delete="RESTRICT")
        paid_from = pw.CharField(max_length=16, constraints=[pw.Check("paid_from IN ('drawer', 'account', 'credit')")])
        total_satang = pw.BigIntegerField(constraints=[pw.Check("total_satang >= 0")])
        note = pw.CharField(max_length=500, default="")

    class PurchaseLine(Base):
        purchase = pw.ForeignKeyField(Purchase, on_delete="RESTRICT")
        line_no = pw.IntegerField()
        item = pw.ForeignKeyField(Item, on_delete="RESTRICT")
        quantity = pw.BigIntegerField(constraints=[pw.Check("quantity > 0")])
        cost_satang = pw.BigIntegerField(constraints=[pw.Check("cost_satang >= 0")])
        lot = pw.ForeignKeyField(Lot, on_delete="RESTRICT")

        class Meta:
            indexes = ((("purchase", "line_no"), True),)

    class Transfer(Base):
        uuid = pw.UUIDField(unique=True)
        from_group = pw.ForeignKeyField(NetworkGroup, on_delete="RESTRICT")
        to_group = pw.ForeignKeyField(NetworkGroup, on_delete="RESTRICT")
        from_shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
        to_shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
        business_date = pw.DateField(index=True)
        created_at = UtcDateTimeField()
        user = pw.ForeignKeyField(User, on_delete="RESTRICT")
        amount_satang = pw.BigIntegerField(constraints=[pw.Check("amount_satang >= 0")])
        cost_satang = pw.BigIntegerField()
        note = pw.CharField(max_length=500, default="")

        class Meta:
            constraints = [pw.SQL("CHECK (from_group_id <> to_group_id)")]  # noqa: RUF012

    class TransferLine(Base):
        transfer = pw.ForeignKeyField(Transfer, on_delete="RESTRICT")
        line_no = pw.IntegerField()
        item = pw.ForeignKeyField(Item, on_delete="RESTRICT")
        quantity = pw.BigIntegerField(constraints=[pw.Check("quantity > 0")])
        from_lot = pw.ForeignKeyField(Lot, on_delete="RESTRICT")
        to_lot = pw.ForeignKeyField(Lot, on_delete="RESTRICT")
        price_satang = pw.BigIntegerField(constraints=[pw.Check("price_satang >= 0")])
        cost_satang = pw.BigIntegerField()

        class Meta:
            indexes = ((("transfer", "line_no"), True),)

    class StockAdjustment(Base):
        uuid = pw.UUIDField(unique=True)
        kind = pw.CharField(max_length=8, constraints=[pw.Check("kind IN ('count', 'waste')")])
        shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
        business_date = pw.DateField(index=True)
        created_at = UtcDateTimeField()
        user = pw.ForeignKeyField(User, on_delete="RESTRICT")
        reason = pw.CharField(max_length=500)
        value_satang = pw.BigIntegerField()

    class Recipe(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        product = pw.ForeignKeyField(Item, on_delete="RESTRICT")
        version = pw.IntegerField(constraints=[pw.Check("version > 0")])
        yield_quantity = pw.BigIntegerField(constraints=[pw.Check("yield_quantity > 0")])
        created_at = UtcDateTimeField()
        user = pw.ForeignKeyField(User, on_delete="RESTRICT")
        note = pw.CharField(max_length=500, default="")

        class Meta:
            indexes = ((("product", "version"), True),)

    class RecipeLine(Base):
        recipe = pw.ForeignKeyField(Recipe, on_delete="RESTRICT")
        line_no = pw.IntegerField()
        item = pw.ForeignKeyField(Item, on_delete="RESTRICT")
        quantity = pw.BigIntegerField(constraints=[pw.Check("quantity > 0")])

        class Meta:
            indexes = ((("recipe", "line_no"), True),)

    class Batch(Base):
        uuid = pw.UUIDField(unique=True)
        number = pw.CharField(max_length=64, unique=True)
        recipe_uuid = pw.UUIDField(index=True)
        product = pw.ForeignKeyField(Item, on_delete="RESTRICT")
        group = pw.ForeignKeyField(NetworkGroup, on_delete="RESTRICT")
        shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
        business_date = pw.DateField(index=True)
        created_at = UtcDateTimeField()
        user = pw.ForeignKeyField(User, on_delete="RESTRICT")
        planned_quantity = pw.BigIntegerField(constraints=[pw.Check("planned_quantity > 0")])
        yield_quantity = pw.BigIntegerField(constraints=[pw.Check("yield_quantity > 0")])
        materials_satang = pw.BigIntegerField(constraints=[pw.Check("materials_satang >= 0")])
        labour_satang = pw.BigIntegerField(constraints=[pw.Check("labour_satang >= 0")])
        overhead_satang = pw.BigIntegerField(constraints=[pw.Check("overhead_satang >= 0")])
        total_satang = pw.BigIntegerField()
        note = pw.CharField(max_length=500, default="")

        class Meta:
            constraints = [pw.SQL("CHECK (total_satang = materials_satang + labour_satang + overhead_satang)")]  # noqa: RUF012

    class BatchInput(Base):
        batch = pw.ForeignKeyField(Batch, on_delete="RESTRICT")
        line_no = pw.IntegerField()
        item = pw.ForeignKeyField(Item, on_delete="RESTRICT")
        lot = pw.ForeignKeyField(Lot, on_delete="RESTRICT")
        quantity = pw.BigIntegerField(constraints=[pw.Check("quantity > 0")])
        cost_satang = pw.BigIntegerField()

        class Meta:
            indexes = ((("batch", "line_no"), True),)

    class BatchLabour(Base):
        batch = pw.ForeignKeyField(Batch, on_delete="RESTRICT")
        line_no = pw.IntegerField()
        member = pw.CharField(max_length=200)
        user = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")
        minutes = pw.IntegerField(default=0, constraints=[pw.Check("minutes >= 0")])
        rate_satang_per_hour = pw.BigIntegerField(default=0, constraints=[pw.Check("rate_satang_per_hour >= 0")])
        amount_satang = pw.BigIntegerField(constraints=[pw.Check("amount_satang >= 0")])

        class Meta:
            indexes = ((("batch", "line_no"), True),)

    class BatchOverhead(Base):
        batch = pw.ForeignKeyField(Batch, on_delete="RESTRICT")
        line_no = pw.IntegerField()
        description = pw.CharField(max_length=200)
        amount_satang = pw.BigIntegerField(constraints=[pw.Check("amount_satang >= 0")])

        class Meta:
            indexes = ((("batch", "line_no"), True),)

    class BatchOutput(Base):
        batch = pw.ForeignKeyField(Batch, on_delete="RESTRICT")
        item = pw.ForeignKeyField(Item, on_delete="RESTRICT")
        lot = pw.ForeignKeyField(Lot, on_delete="RESTRICT")
        quantity = pw.BigIntegerField(constraints=[pw.Check("quantity > 0")])
        cost_satang = pw.BigIntegerField(constraints=[pw.Check("cost_satang >= 0")])
        main = pw.BooleanField()

    return [Supplier, Lot, ItemStockRule, ShopStockSetting, StockBalance, Purchase, PurchaseLine, Transfer,
            TransferLine, StockAdjustment, Recipe, RecipeLine, Batch, BatchInput, BatchLabour, BatchOverhead,
            BatchOutput]


def _guards(db, tables):
    for t in tables:
        if isinstance(db, pw.PostgresqlDatabase):
            db.execute_sql(f"CREATE TRIGGER {t}_append_only BEFORE UPDATE OR DELETE ON {t} "
                           "FOR EACH ROW EXECUTE FUNCTION pos_append_only()")
        else:
            for op in ("UPDATE", "DELETE"):
                db.execute_sql(f"CREATE TRIGGER {t}_no_{op.lower()} BEFORE {op} ON {t} BEGIN "
                               f"SELECT RAISE(ABORT, 'append-only: {t} rows are never changed or deleted'); END")


def _unguard_movements(db):
    if isinstance(db, pw.PostgresqlDatabase):
        db.execute_sql("DROP TRIGGER stock_movement_append_only ON stock_movement")
    else:
        db.execute_sql("DROP TRIGGER stock_movement_no_update")
        db.execute_sql("DROP TRIGGER stock_movement_no_delete")


def _held_value(cost, quantity_in, held):
    """The ledger's rule at this migration: ``held`` units of a lot are worth ⌈cost × held ÷ quantity_in⌉."""
    return 0 if quantity_in == 0 else -((-cost * held) // quantity_in)


def _lots_for_old_rows(db, Lot):
    rows = list(db.execute_sql(
        "SELECT m.id, m.item_id, m.shop_id, m.kind, m.quantity, m.lot, m.unit_cost_satang, m.document_uuid, "
        "m.created_at, i.group_id, g.code FROM stock_movement m JOIN item i ON i.id = m.item_id "
        "JOIN network_group g ON g.id = i.group_id ORDER BY m.id"))
    if not rows:
        return
    keyed: dict[tuple[int, int], list[tuple]] = {}  # type: ignore[type-arg]
    for row in rows:
        keyed.setdefault((row[1], row[2]), []).append(row)
    _unguard_movements(db)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    for n, ((item_id, shop_id), moves) in enumerate(sorted(keyed.items()), start=1):
        first = moves[0]
        incoming = [m for m in moves if m[3] in ("opening", "purchase") and m[4] > 0]
        qty_in = sum(m[4] for m in incoming)
        cost = sum(m[4] * (m[6] or 0) for m in incoming)
        made = first[8] if isinstance(first[8], dt.datetime) else dt.datetime.fromisoformat(str(first[8]))
        unit = cost // qty_in if qty_in else 0
        lot = Lot.create(number=f"{first[10]}-OLD-{n:04d}", item=item_id, group=first[9],
                         origin="opening" if qty_in else "unrecorded", document_uuid=first[7],
                         made_on=made.date(), quantity_in=qty_in, cost_satang=cost, unit_cost_satang=unit,
                         remainder_satang=cost - unit * qty_in, created_at=now)
        held = value = 0
        for m in moves:
            before = _held_value(cost, qty_in, held)
            held += m[4]
            moved = _held_value(cost, qty_in, held) - before
            value += moved
            at = m[8] if isinstance(m[8], dt.datetime) else dt.datetime.fromisoformat(str(m[8]))
            day = (at + dt.timedelta(hours=7)).date()  # the Bangkok day of the UTC instant (no DST there)
            db.execute_sql("UPDATE stock_movement SET lot_id = %s, value_satang = %s, business_date = %s "
                           "WHERE id = %s".replace("%s", db.param), (lot.id, moved, day, m[0]))
        db.execute_sql("INSERT INTO stock_balance (item_id, lot_id, shop_id, quantity, held_value_satang) "
                       "VALUES (%s, %s, %s, %s, %s)".replace("%s", db.param), (item_id, lot.id, shop_id, held, value))
    _guards(db, ("stock_movement",))


def up(migrator, db):
    models = _models(db)
    db.create_tables(models)
    pg = isinstance(db, pw.PostgresqlDatabase)
    big, boolean, false = ("BIGINT", "BOOLEAN", "false") if pg else ("INTEGER", "INTEGER", "0")
    db.execute_sql('ALTER TABLE stock_movement ADD COLUMN lot_id INTEGER REFERENCES lot (id) ON DELETE RESTRICT')
    db.execute_sql(f"ALTER TABLE stock_movement ADD COLUMN value_satang {big} NOT NULL DEFAULT 0")
    db.execute_sql(f"ALTER TABLE stock_movement ADD COLUMN expired_override {boolean} NOT NULL DEFAULT {false}")
    db.execute_sql("ALTER TABLE stock_movement ADD COLUMN business_date DATE NOT NULL DEFAULT '1970-01-01'")
    db.execute_sql('CREATE INDEX "stock_movement_lot_id" ON "stock_movement" ("lot_id")')
    _lots_for_old_rows(db, models[1])
    db.execute_sql("ALTER TABLE stock_movement DROP COLUMN lot")
    if pg:
        db.execute_sql("ALTER TABLE stock_movement ALTER COLUMN value_satang DROP DEFAULT")
        db.execute_sql("ALTER TABLE stock_movement ALTER COLUMN expired_override DROP DEFAULT")
        db.execute_sql("ALTER TABLE stock_movement ALTER COLUMN business_date DROP DEFAULT")
    _guards(db, NEW_APPEND_ONLY)
