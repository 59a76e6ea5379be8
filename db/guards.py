"""Database-level guards: the document tables refuse UPDATE and DELETE (triggers on both engines).

This module holds the current SQL; migrations keep their own frozen copies.
"""

from __future__ import annotations

import peewee as pw

from db.schema import APPEND_ONLY, EXTRA_TRIGGERS

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION pos_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'append-only: %% rows are never changed or deleted', TG_TABLE_NAME;
END $$
"""


def guard_statements(database: pw.Database, tables: tuple[str, ...] = APPEND_ONLY) -> list[str]:
    if isinstance(database, pw.PostgresqlDatabase):
        sql = [PG_FUNCTION]
        for t in tables:
            sql.append(
                f"CREATE TRIGGER {t}_append_only BEFORE UPDATE OR DELETE ON {t} "
                "FOR EACH ROW EXECUTE FUNCTION pos_append_only()"
            )
        return sql
    sql = []
    for t in tables:
        for op in ("UPDATE", "DELETE"):
            sql.append(
                f"CREATE TRIGGER {t}_no_{op.lower()} BEFORE {op} ON {t} BEGIN "
                f"SELECT RAISE(ABORT, 'append-only: {t} rows are never changed or deleted'); END"
            )
    return sql


def install_guards(database: pw.Database) -> None:
    for statement in guard_statements(database):
        database.execute_sql(statement)
    for extra in EXTRA_TRIGGERS:
        for statement in extra(isinstance(database, pw.PostgresqlDatabase)):
            database.execute_sql(statement)
