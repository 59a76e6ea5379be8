"""Selling: money received later for an online order is its own document (``order_payment``), so the
order's own rows never change after it is saved.  Frozen: never import db.models here."""

import peewee as pw

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION pos_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'append-only: %% rows are never changed or deleted', TG_TABLE_NAME;
END $$
"""


class UtcDateTimeField(pw.DateTimeField):
    pass


def up(migrator, db):
    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Till(Base):
        pass

    class User(Base):
        pass

    class OrderPayment(Base):
        uuid = pw.UUIDField(unique=True)
        sale_uuid = pw.UUIDField(index=True)
        till = pw.ForeignKeyField(Till, on_delete="RESTRICT")
        method = pw.CharField(max_length=16, constraints=[pw.Check("method IN ('cash', 'promptpay', 'transfer')")])
        amount_satang = pw.BigIntegerField()
        tendered_satang = pw.BigIntegerField()
        change_satang = pw.BigIntegerField(default=0)
        created_at = UtcDateTimeField()
        business_date = pw.DateField(index=True)
        received_by = pw.ForeignKeyField(User, on_delete="RESTRICT")

    db.create_tables([OrderPayment])
    if isinstance(db, pw.PostgresqlDatabase):
        db.execute_sql(PG_FUNCTION)
        db.execute_sql("CREATE TRIGGER order_payment_append_only BEFORE UPDATE OR DELETE ON order_payment "
                       "FOR EACH ROW EXECUTE FUNCTION pos_append_only()")
        return
    for op in ("UPDATE", "DELETE"):
        db.execute_sql(f"CREATE TRIGGER order_payment_no_{op.lower()} BEFORE {op} ON order_payment BEGIN "
                       "SELECT RAISE(ABORT, 'append-only: order_payment rows are never changed or deleted'); END")
