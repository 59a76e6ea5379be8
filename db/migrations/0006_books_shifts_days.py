"""The treasurer's records: shifts, shift closes, cash in/out, PromptPay tick-offs, day closes, Z reports,
late documents and addendum seals; append-only guards on them; triggers refusing rows dated in a closed day.

Frozen copies of the models and SQL as they were at this migration; never import db.models here.
"""

import uuid

import peewee as pw

TABLES = ("shift", "shift_close", "cash_movement", "prompt_pay_check", "day_close", "z_report",
          "late_document", "addendum_seal")
REFUSAL = "closed day: a document dated in a closed day goes into its addendum"
LATE = "NOT EXISTS (SELECT 1 FROM late_document ld WHERE ld.doc_uuid = {uuid})"
CHECKS = (
    ("sale", "EXISTS (SELECT 1 FROM day_close dc JOIN till t ON t.shop_id = dc.shop_id "
             "WHERE t.id = NEW.till_id AND dc.business_date = NEW.business_date)", "NEW.uuid"),
    ("cash_movement", "EXISTS (SELECT 1 FROM day_close dc JOIN till t ON t.shop_id = dc.shop_id "
                      "WHERE t.id = NEW.till_id AND dc.business_date = NEW.business_date)", "NEW.uuid"),
    ("payment", "EXISTS (SELECT 1 FROM sale s JOIN till t ON t.id = s.till_id JOIN day_close dc "
                "ON dc.shop_id = t.shop_id AND dc.business_date = s.business_date WHERE s.id = NEW.sale_id)",
     "(SELECT s2.uuid FROM sale s2 WHERE s2.id = NEW.sale_id)"),
    ("stock_movement", "EXISTS (SELECT 1 FROM day_close dc WHERE dc.shop_id = NEW.shop_id "
                       "AND dc.business_date = {bangkok_day})", "NEW.document_uuid"),
)


class UtcDateTimeField(pw.DateTimeField):
    pass


def up(migrator, db):
    postgres = isinstance(db, pw.PostgresqlDatabase)

    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Shop(Base):
        pass

    class Till(Base):
        pass

    class User(Base):
        pass

    class Shift(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        till = pw.ForeignKeyField(Till, on_delete="RESTRICT")
        number = pw.IntegerField()
        opened_by = pw.ForeignKeyField(User, on_delete="RESTRICT")
        opened_at = UtcDateTimeField(index=True)
        business_date = pw.DateField(index=True)
        float_satang = pw.BigIntegerField(constraints=[pw.Check("float_satang >= 0")])
        float_count = pw.TextField()

        class Meta:
            indexes = ((("till", "number"), True),)

    class ShiftClose(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        shift_uuid = pw.UUIDField(unique=True)
        closed_by = pw.ForeignKeyField(User, on_delete="RESTRICT")
        closed_at = UtcDateTimeField()
        counted = pw.BooleanField(default=True)
        count = pw.TextField()
        counted_satang = pw.BigIntegerField()
        expected_satang = pw.BigIntegerField()
        over_short_satang = pw.BigIntegerField()
        note = pw.CharField(max_length=500, default="")

    class CashMovement(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        shift_uuid = pw.UUIDField(index=True)
        till = pw.ForeignKeyField(Till, on_delete="RESTRICT")
        direction = pw.CharField(max_length=4, constraints=[pw.Check("direction IN ('in', 'out')")])
        category = pw.CharField(max_length=16, constraints=[
            pw.Check("category IN ('ice', 'supplier', 'bank', 'change', 'other')")])
        reason = pw.CharField(max_length=500)
        amount_satang = pw.BigIntegerField(constraints=[pw.Check("amount_satang > 0")])
        user = pw.ForeignKeyField(User, on_delete="RESTRICT")
        created_at = UtcDateTimeField(index=True)
        business_date = pw.DateField(index=True)

    class PromptPayCheck(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        payment_uuid = pw.UUIDField(unique=True)  # by UUID: a tick is its own document, not part of the sale
        checked_by = pw.ForeignKeyField(User, on_delete="RESTRICT")
        checked_at = UtcDateTimeField()

    class DayClose(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
        business_date = pw.DateField()
        closed_by = pw.ForeignKeyField(User, on_delete="RESTRICT")
        closed_at = UtcDateTimeField()

        class Meta:
            indexes = ((("shop", "business_date"), True),)

    class ZReport(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        till = pw.ForeignKeyField(Till, on_delete="RESTRICT")
        number = pw.IntegerField()
        business_date = pw.DateField()
        day_close = pw.ForeignKeyField(DayClose, on_delete="RESTRICT")
        created_at = UtcDateTimeField()
        figures = pw.TextField()
        journal_head = pw.CharField(max_length=128, default="")

        class Meta:
            indexes = ((("till", "number"), True), (("till", "business_date"), True))

    class LateDocument(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
        business_date = pw.DateField()
        addendum_no = pw.IntegerField()
        doc_type = pw.CharField(max_length=32)
        doc_uuid = pw.UUIDField(unique=True)
        made_at = UtcDateTimeField()
        arrived_at = UtcDateTimeField()

        class Meta:
            indexes = ((("shop", "business_date", "addendum_no"), False),)

    class AddendumSeal(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
        business_date = pw.DateField()
        addendum_no = pw.IntegerField()
        sealed_by = pw.ForeignKeyField(User, on_delete="RESTRICT")
        sealed_at = UtcDateTimeField()
        figures = pw.TextField()

        class Meta:
            indexes = ((("shop", "business_date", "addendum_no"), True),)

    db.create_tables([Shift, ShiftClose, CashMovement, PromptPayCheck, DayClose, ZReport, LateDocument,
                      AddendumSeal])

    # Append-only guards (the same SQL as 0002, for these tables).
    for t in TABLES:
        if postgres:
            db.execute_sql(f"CREATE TRIGGER {t}_append_only BEFORE UPDATE OR DELETE ON {t} "
                           "FOR EACH ROW EXECUTE FUNCTION pos_append_only()")
        else:
            for op in ("UPDATE", "DELETE"):
                db.execute_sql(f"CREATE TRIGGER {t}_no_{op.lower()} BEFORE {op} ON {t} BEGIN "
                               f"SELECT RAISE(ABORT, 'append-only: {t} rows are never changed or deleted'); END")

    # Rows dated in a closed day are refused unless their document was admitted into the addendum.
    for table, closed, doc in CHECKS:
        day = "(NEW.created_at + interval '7 hours')::date" if postgres else "date(NEW.created_at, '+7 hours')"
        condition = f"{closed.format(bangkok_day=day)} AND {LATE.format(uuid=doc)}"
        if postgres:
            db.execute_sql(f"CREATE OR REPLACE FUNCTION pos_closed_day_{table}() RETURNS trigger LANGUAGE plpgsql "
                           f"AS $$ BEGIN IF {condition} THEN RAISE EXCEPTION '{REFUSAL}'; END IF; RETURN NEW; END $$")
            db.execute_sql(f"CREATE TRIGGER {table}_closed_day BEFORE INSERT ON {table} "
                           f"FOR EACH ROW EXECUTE FUNCTION pos_closed_day_{table}()")
        else:
            db.execute_sql(f"CREATE TRIGGER {table}_closed_day BEFORE INSERT ON {table} WHEN {condition} "
                           f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END")
