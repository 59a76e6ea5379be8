"""Books: every document table refuses rows dated in a closed day (order payments, shifts, purchases,
batches, stock counts and waste, transfers); stock rows are judged by the day they are dated in (not the
instant they were keyed in); money paid for a transfer between groups (``transfer_payment``); a PromptPay
tick taken back by a reversing row (``prompt_pay_uncheck``) instead of an edit, so a payment may be ticked
again.  Frozen: never import db.models here."""

import uuid

import peewee as pw

REFUSAL = "closed day: a document dated in a closed day goes into its addendum"
LATE = "NOT EXISTS (SELECT 1 FROM late_document ld WHERE ld.doc_uuid = NEW.{column})"
BY_TILL = ("EXISTS (SELECT 1 FROM day_close dc JOIN till t ON t.shop_id = dc.shop_id "
           "WHERE t.id = NEW.till_id AND dc.business_date = NEW.business_date)")
BY_SHOP = "EXISTS (SELECT 1 FROM day_close dc WHERE dc.shop_id = NEW.shop_id AND dc.business_date = NEW.business_date)"
BY_SHOPS = ("EXISTS (SELECT 1 FROM day_close dc WHERE dc.shop_id IN (NEW.from_shop_id, NEW.to_shop_id) "
            "AND dc.business_date = NEW.business_date)")
CHECKS = (
    ("stock_movement", BY_SHOP, "document_uuid"),  # replaces 0006's, which went by the instant keyed in
    ("order_payment", BY_TILL, "uuid"),
    ("shift", BY_TILL, "uuid"),
    ("purchase", BY_SHOP, "uuid"),
    ("batch", BY_SHOP, "uuid"),
    ("stock_adjustment", BY_SHOP, "uuid"),
    ("transfer", BY_SHOPS, "uuid"),
    ("transfer_payment", BY_SHOPS, "uuid"),
)


class UtcDateTimeField(pw.DateTimeField):
    pass


def up(migrator, db):
    postgres = isinstance(db, pw.PostgresqlDatabase)

    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class User(Base):
        pass

    class Shop(Base):
        pass

    class TransferPayment(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        transfer_uuid = pw.UUIDField(unique=True)
        from_shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
        to_shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
        method = pw.CharField(max_length=8, constraints=[pw.Check("method IN ('cash', 'bank')")])
        amount_satang = pw.BigIntegerField(constraints=[pw.Check("amount_satang >= 0")])
        user = pw.ForeignKeyField(User, on_delete="RESTRICT")
        created_at = UtcDateTimeField()
        business_date = pw.DateField(index=True)

    class PromptPayUncheck(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        check_uuid = pw.UUIDField(unique=True)
        payment_uuid = pw.UUIDField(index=True)
        unchecked_by = pw.ForeignKeyField(User, on_delete="RESTRICT")
        unchecked_at = UtcDateTimeField()
        reason = pw.CharField(max_length=500)

    db.create_tables([PromptPayUncheck, TransferPayment])
    # a payment may be ticked again after a tick was taken back: its ticks are no longer unique
    db.execute_sql("DROP INDEX prompt_pay_check_payment_uuid")
    db.execute_sql("CREATE INDEX prompt_pay_check_payment_uuid ON prompt_pay_check (payment_uuid)")

    for t in ("prompt_pay_uncheck", "transfer_payment"):
        if postgres:
            db.execute_sql(f"CREATE TRIGGER {t}_append_only BEFORE UPDATE OR DELETE ON {t} "
                           "FOR EACH ROW EXECUTE FUNCTION pos_append_only()")
        else:
            for op in ("UPDATE", "DELETE"):
                db.execute_sql(f"CREATE TRIGGER {t}_no_{op.lower()} BEFORE {op} ON {t} BEGIN "
                               f"SELECT RAISE(ABORT, 'append-only: {t} rows are never changed or deleted'); END")
    db.execute_sql("DROP TRIGGER stock_movement_closed_day" + (" ON stock_movement" if postgres else ""))

    for table, closed, column in CHECKS:
        condition = f"{closed} AND {LATE.format(column=column)}"
        if postgres:
            db.execute_sql(f"CREATE OR REPLACE FUNCTION pos_closed_day_{table}() RETURNS trigger LANGUAGE plpgsql "
                           f"AS $$ BEGIN IF {condition} THEN RAISE EXCEPTION '{REFUSAL}'; END IF; RETURN NEW; END $$")
            db.execute_sql(f"CREATE TRIGGER {table}_closed_day BEFORE INSERT ON {table} "
                           f"FOR EACH ROW EXECUTE FUNCTION pos_closed_day_{table}()")
        else:
            db.execute_sql(f"CREATE TRIGGER {table}_closed_day BEFORE INSERT ON {table} WHEN {condition} "
                           f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END")
