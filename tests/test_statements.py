"""The statements built once (pos_app.statements) store and read exactly what peewee's own queries do, on
SQLite and PostgreSQL; a link reads a document's lines in one statement, the same lines as table by table;
the demo stall sells only what it has."""

from __future__ import annotations

import datetime as dt
import uuid

from db.connection import OpenedDatabase
from db.models import JournalEntry, Lot, Shop, StockMovement
from db.models.stock import StockBalance
from pos_app import statements
from pos_app.stock import ledger
from pos_app.trust import canonical, chain

AT = dt.datetime(2026, 11, 24, 3, 4, 5, 678901, tzinfo=dt.UTC)


def test_an_insert_stores_what_peewee_stores_defaults_included(demo_db: OpenedDatabase) -> None:
    like = Lot.select().order_by(Lot.id).first()
    fields = dict(item=like.item_id, group=like.group_id, origin="purchase", document_uuid=uuid.UUID(int=7),
                  made_on=dt.date(2026, 11, 24), expires_on=None, quantity_in=3, cost_satang=100,
                  unit_cost_satang=33, remainder_satang=1, created_at=AT)  # no uuid, no supplier_lot: defaults
    new_id = statements.insert(Lot, [dict(number="100% กะปิ", **fields)], returning_id=True)[0]
    Lot.insert(number="theirs", **fields).execute()
    a, b = Lot.get(Lot.number == "100% กะปิ"), Lot.get(Lot.number == "theirs")  # a % in a value is kept as it is
    assert a.id == new_id
    assert isinstance(a.uuid, uuid.UUID) and a.uuid != b.uuid and a.supplier_lot == "" and a.created_at == AT
    assert {k: v for k, v in a.__data__.items() if k not in ("id", "uuid", "number")} == \
        {k: v for k, v in b.__data__.items() if k not in ("id", "uuid", "number")}
    assert statements.insert(Lot, []) == []


def test_a_row_read_is_the_row_peewee_reads(demo_db: OpenedDatabase) -> None:
    lot = Lot.select().where(Lot.expires_on.is_null(False)).order_by(Lot.id).first()
    read = statements.get(Lot, "id", lot.id)
    assert read.__data__ == Lot.get_by_id(lot.id).__data__
    assert isinstance(read.made_on, dt.date) and isinstance(read.created_at, dt.datetime)
    assert statements.get(Lot, "id", 10**9) is None
    assert statements.get(Shop, "code", "KAPI-STALL").name_th == Shop.get(Shop.code == "KAPI-STALL").name_th


def test_a_literal_percent_sign_reaches_the_engine_unchanged(empty_db: OpenedDatabase) -> None:
    assert statements.rows("SELECT '100%', ?", ("%s",)) == [("100%", "%s")]


def test_a_link_reads_the_same_lines_as_the_table_by_table_reading(demo_db: OpenedDatabase) -> None:
    docs = list(JournalEntry.select(JournalEntry.doc_uuid, JournalEntry.doc_type))
    assert {d.doc_type for d in docs} >= {"sale", "refund", "batch", "purchase"}
    for doc in docs:
        lines = chain.document_lines(doc.doc_uuid)
        assert lines and sorted(lines) == sorted(canonical.rows_of(demo_db.database, doc.doc_uuid))


def test_the_demo_stall_sells_only_what_it_has(demo_db: OpenedDatabase) -> None:
    assert StockBalance.select().where(StockBalance.quantity < 0).count() == 0
    assert Lot.select().where(Lot.origin == "unrecorded").count() == 0
    assert ledger.verify_balances() == []
    assert StockMovement.select().where(StockMovement.kind == "sale").count() > 50  # still a week of selling
