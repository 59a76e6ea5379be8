"""Selling: channels and customers, discounts (line and whole sale, who approved), void vs refund, partial
refund lines, payments by transfer and payments on their own day (an order paid later), held carts,
recorded cancellations, scale-label barcode rules, settings.

Frozen: never import db.models here.  The append-only guards of sale, sale_line and payment are dropped
while their tables are altered (a NOT NULL column is filled from the sale; SQLite rebuilds a table to change
a CHECK) and put back at the end, with the same SQL as 0002.
"""

import uuid

import peewee as pw
from playhouse.migrate import migrate

GUARDED = ("sale", "sale_line", "payment")
PG_FUNCTION = """
CREATE OR REPLACE FUNCTION pos_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'append-only: %% rows are never changed or deleted', TG_TABLE_NAME;
END $$
"""


class UtcDateTimeField(pw.DateTimeField):
    pass


def _guards(db, tables, install):
    pg = isinstance(db, pw.PostgresqlDatabase)
    if pg and install:
        db.execute_sql(PG_FUNCTION)
    for t in tables:
        if pg:
            db.execute_sql(f"DROP TRIGGER IF EXISTS {t}_append_only ON {t}")
            if install:
                db.execute_sql(f"CREATE TRIGGER {t}_append_only BEFORE UPDATE OR DELETE ON {t} "
                               "FOR EACH ROW EXECUTE FUNCTION pos_append_only()")
            continue
        for op in ("UPDATE", "DELETE"):
            db.execute_sql(f"DROP TRIGGER IF EXISTS {t}_no_{op.lower()}")
            if install:
                db.execute_sql(f"CREATE TRIGGER {t}_no_{op.lower()} BEFORE {op} ON {t} BEGIN "
                               f"SELECT RAISE(ABORT, 'append-only: {t} rows are never changed or deleted'); END")


def up(migrator, db):
    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class NetworkGroup(Base):
        pass

    class Till(Base):
        pass

    class User(Base):
        pass

    _guards(db, GUARDED, install=False)
    user_fk = pw.ForeignKeyField(User, null=True, field=User._meta.primary_key, on_delete="RESTRICT")  # type: ignore[call-overload]
    user_fk2 = pw.ForeignKeyField(User, null=True, field=User._meta.primary_key,  # type: ignore[call-overload]
                                  on_delete="RESTRICT")
    methods = "method IN ('cash', 'promptpay', 'transfer')"

    def text(n, default=""):  # NOT NULL with a database default too, so a plain INSERT of an old row still works
        return pw.CharField(max_length=n, default=default, constraints=[pw.SQL(f"DEFAULT '{default}'")])

    def zero():
        return pw.BigIntegerField(default=0, constraints=[pw.SQL("DEFAULT 0")])

    migrate(
        migrator.add_column("sale", "channel", text(16, "stall")),
        migrator.add_column("sale", "customer_name", text(200)),
        migrator.add_column("sale", "customer_phone", text(32)),
        migrator.add_column("sale", "discount_satang", zero()),
        migrator.add_column("sale", "discount_approved_by_id", user_fk),
        migrator.add_column("sale", "reversal", text(8)),
        migrator.add_column("sale_line", "discount_satang", zero()),
        migrator.add_column("sale_line", "refund_of_line_no", pw.IntegerField(null=True)),
        migrator.add_column("payment", "created_at", UtcDateTimeField(null=True)),
        migrator.add_column("payment", "business_date", pw.DateField(null=True, index=True)),
        migrator.add_column("payment", "received_by_id", user_fk2),
    )
    db.execute_sql("UPDATE payment SET created_at = (SELECT s.created_at FROM sale s WHERE s.id = payment.sale_id),"
                   " business_date = (SELECT s.business_date FROM sale s WHERE s.id = payment.sale_id)")
    migrate(
        migrator.add_not_null("payment", "created_at"),
        migrator.add_not_null("payment", "business_date"),
    )
    if isinstance(db, pw.PostgresqlDatabase):
        db.execute_sql("ALTER TABLE payment DROP CONSTRAINT IF EXISTS payment_method_check")
        db.execute_sql(f"ALTER TABLE payment ADD CONSTRAINT payment_method_check CHECK ({methods})")
    else:
        migrate(migrator.alter_column_type(
            "payment", "method", pw.CharField(max_length=16, constraints=[pw.Check(methods)])))

    class Sale(Base):
        pass

    class HeldCart(Base):
        uuid = pw.UUIDField(unique=True)
        till = pw.ForeignKeyField(Till, on_delete="RESTRICT")
        seller = pw.ForeignKeyField(User, on_delete="RESTRICT")
        created_at = UtcDateTimeField()
        label = pw.CharField(max_length=200, default="")
        content = pw.TextField()

    class CartCancellation(Base):
        uuid = pw.UUIDField(unique=True)
        till = pw.ForeignKeyField(Till, on_delete="RESTRICT")
        seller = pw.ForeignKeyField(User, on_delete="RESTRICT")
        created_at = UtcDateTimeField()
        business_date = pw.DateField(index=True)
        total_satang = pw.BigIntegerField()
        content = pw.TextField()
        reason = pw.CharField(max_length=500, default="")

    class BarcodeRule(Base):
        prefix = pw.CharField(max_length=4, unique=True)
        item_digits = pw.IntegerField()
        value_digits = pw.IntegerField()
        value_kind = pw.CharField(max_length=8)
        divisor = pw.IntegerField(default=1)

    class Setting(Base):
        scope = pw.CharField(max_length=64)
        key = pw.CharField(max_length=64)
        value = pw.TextField()
        updated_at = UtcDateTimeField()
        updated_by = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")

        class Meta:
            indexes = ((("scope", "key"), True),)

    db.create_tables([HeldCart, CartCancellation, BarcodeRule, Setting])
    _guards(db, (*GUARDED, "cart_cancellation"), install=True)
    _ = uuid  # (kept for the frozen models' defaults, as in 0001)
