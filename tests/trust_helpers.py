"""Helpers for the trust tests: what a person with a plain database tool could do to the books."""

from __future__ import annotations

import peewee as pw

from db.models import Till
from pos_app.trust import canonical, chain


def drop_guards(db: pw.Database, *tables: str) -> None:
    """Remove the append-only triggers, as anyone with a plain SQLite tool or psql can."""
    for t in tables:
        if isinstance(db, pw.PostgresqlDatabase):
            db.execute_sql(f"DROP TRIGGER IF EXISTS {t}_append_only ON {t}")
        else:
            db.execute_sql(f"DROP TRIGGER IF EXISTS {t}_no_update")
            db.execute_sql(f"DROP TRIGGER IF EXISTS {t}_no_delete")


ALL = ("sale", "sale_line", "payment", "stock_movement", "journal_entry", "chain_link")


def sale_id(db: pw.Database, number: int, till: str = "T1") -> int:
    till_id = Till.get(Till.code == till).id
    return int(db.execute_sql(f"SELECT id FROM sale WHERE till_id = {till_id} AND number = {number}").fetchone()[0])


def sale_uuid_hex(db: pw.Database, sid: int) -> str:
    return str(db.execute_sql(f"SELECT REPLACE(CAST(uuid AS TEXT), '-', '') FROM sale WHERE id = {sid}")
               .fetchone()[0])


def delete_sale(db: pw.Database, sid: int, with_link: bool = True) -> None:
    """Delete a sale with everything that belongs to it (lines, payment, stock rows, journal, link)."""
    hexid = sale_uuid_hex(db, sid)
    db.execute_sql(f"DELETE FROM sale_line WHERE sale_id = {sid}")
    db.execute_sql(f"DELETE FROM payment WHERE sale_id = {sid}")
    # a careful forger also puts the stock balances back, so they still equal the ledger
    for lot, shop, qty, value in db.execute_sql(
            "SELECT lot_id, shop_id, quantity, value_satang FROM stock_movement WHERE "
            f"REPLACE(CAST(document_uuid AS TEXT), '-', '') = '{hexid}'").fetchall():
        db.execute_sql(f"UPDATE stock_balance SET quantity = quantity - {qty}, held_value_satang = "
                       f"held_value_satang - {value} WHERE lot_id = {lot} AND shop_id = {shop}")
    for t, col in (("stock_movement", "document_uuid"), ("journal_entry", "doc_uuid"), ("chain_link", "doc_uuid")):
        if t == "chain_link" and not with_link:
            continue
        db.execute_sql(f"DELETE FROM {t} WHERE REPLACE(CAST({col} AS TEXT), '-', '') = '{hexid}'")
    db.execute_sql(f"DELETE FROM sale WHERE id = {sid}")


def recompute_chains(db: pw.Database, secret: bytes | None) -> None:
    """What a forger who knows the code (but maybe not the secret) does: rehash every link in order."""
    docs: dict[str, list[str]] = {}
    for key, line in canonical.all_rows(db):
        docs.setdefault(key, []).append(line)
    links = list(db.execute_sql("SELECT id, chain, seq, epoch, doc_type, REPLACE(CAST(doc_uuid AS TEXT), '-', ''), "
                                "root_table, hash_version FROM chain_link ORDER BY chain, seq"))
    prev: dict[str, str] = {}
    for lid, name, seq, epoch, doc_type, hexid, root, version in links:
        p = prev.get(name, chain.GENESIS)
        keyed = secret is not None
        head = chain.header(version, name, epoch, seq, doc_type, hexid, root, keyed, p)
        value = chain.digest(canonical.encode(head, docs.get(hexid, [])), keyed, secret)
        db.execute_sql(f"UPDATE chain_link SET prev_hash = '{p}', hash = 'x{lid}' WHERE id = {lid}")
        db.execute_sql(f"UPDATE chain_link SET hash = '{value}', keyed = {'TRUE' if keyed else 'FALSE'} "
                       f"WHERE id = {lid}")
        prev[name] = value
    for name, value in prev.items():
        db.execute_sql(f"UPDATE chain_head SET hash = '{value}' WHERE chain = '{name}'")
