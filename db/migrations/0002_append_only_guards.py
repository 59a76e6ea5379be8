"""Document tables refuse UPDATE and DELETE (triggers), so the ledger is append-only in the database."""

import peewee as pw

TABLES = ("sale", "sale_line", "payment", "stock_movement", "journal_entry")


def up(migrator, db):
    if isinstance(db, pw.PostgresqlDatabase):
        db.execute_sql("""
CREATE OR REPLACE FUNCTION pos_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'append-only: %% rows are never changed or deleted', TG_TABLE_NAME;
END $$
""")
        for t in TABLES:
            db.execute_sql(f"CREATE TRIGGER {t}_append_only BEFORE UPDATE OR DELETE ON {t} "
                           "FOR EACH ROW EXECUTE FUNCTION pos_append_only()")
        return
    for t in TABLES:
        for op in ("UPDATE", "DELETE"):
            db.execute_sql(f"CREATE TRIGGER {t}_no_{op.lower()} BEFORE {op} ON {t} BEGIN "
                           f"SELECT RAISE(ABORT, 'append-only: {t} rows are never changed or deleted'); END")
