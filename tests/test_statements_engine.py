"""pos_app.statements without a running PostgreSQL: the text each engine is given (``?`` for SQLite, ``%s``
for PostgreSQL with a literal ``%`` doubled), the INSERT written for a model, which values skip the field's
conversion (a property: the field's own ``db_value`` keeps them as they are), a connection whose id was
reused by a new one.  Expected texts written out by hand.  Both databases where a database is used.
(No test name here says "postgres": the mutation run leaves out tests so named.)"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

import peewee as pw
import pytest

from db.connection import OpenedDatabase
from db.models import Lot, Payment, Sale, SaleLine, StockMovement, Till, database
from db.models.printing import PrintJob
from db.models.production import Batch, BatchInput, BatchOutput
from pos_app import statements

SAMPLES: dict[type, tuple[object, ...]] = {int: (0, 7, -3, 2**40), str: ("", "กะปิ", "100% ?"), type(None): (None,)}


@pytest.fixture(autouse=True)
def nothing_built_yet() -> None:
    """Each test builds its statements afresh (a process keeps what it built: a test run after another would
    otherwise only read what the earlier one built)."""
    statements._TEXT.clear()
    statements._INSERTS.clear()
    statements._GETS.clear()


@pytest.fixture
def as_server_engine() -> Iterator[None]:
    """The statements module sees a PostgreSQL database (never connected: only its placeholder is read)."""
    real = database.obj
    database.obj = pw.PostgresqlDatabase(None)
    try:
        yield
    finally:
        database.obj = real


def test_the_server_engine_is_given_percent_s_and_a_doubled_literal_percent(as_server_engine: None) -> None:
    assert statements.is_postgres() is True
    assert statements._engine_sql("SELECT '100%', ? WHERE \"a\" = ?") == "SELECT '100%%', %s WHERE \"a\" = %s"
    assert statements._engine_sql("SELECT 1") == "SELECT 1"


def test_sqlite_is_given_the_text_as_written(empty_db: OpenedDatabase) -> None:
    assert statements.is_postgres() is (empty_db.database.__class__ is pw.PostgresqlDatabase)
    if not statements.is_postgres():
        assert statements._engine_sql("SELECT '100%', ?") == "SELECT '100%', ?"


def test_the_insert_written_for_the_server_engine(as_server_engine: None) -> None:
    sql, columns, defaults = statements._build_insert(SaleLine, ("sale", "line_no"), 2, True)
    assert sql == ('INSERT INTO "sale_line" ("sale_id", "line_no", "discount_satang") '
                   'VALUES (%s, %s, %s), (%s, %s, %s) RETURNING "id"')
    assert len(columns) == 3 and defaults == [0]
    sql, _columns, _defaults = statements._build_insert(SaleLine, ("sale", "line_no", "discount_satang"), 1, False)
    assert sql == 'INSERT INTO "sale_line" ("sale_id", "line_no", "discount_satang") VALUES (%s, %s, %s)'


def test_the_types_stored_as_they_are(empty_db: OpenedDatabase) -> None:
    exact: dict[pw.Field, set[type]] = {
        Lot.id: {int, type(None)}, Lot.number: {str, type(None)}, Lot.item: {int, type(None)},
        Lot.quantity_in: {int, type(None)}, Lot.uuid: set(), Lot.made_on: set(), Lot.created_at: set(),
        Sale.tier: {int, type(None)}, Sale.note: {str, type(None)}, StockMovement.expired_override: set(),
        BatchOutput.main: set(), PrintJob.created_at: set(), PrintJob.doc_uuid: set(), Batch.recipe_uuid: set(),
    }
    assert {f: set(statements._as_is(f)) for f in exact} == exact
    for model in (Lot, Sale, SaleLine, Payment, StockMovement, PrintJob, Batch, BatchInput, BatchOutput):
        for field in model._meta.sorted_fields:
            for kind in statements._as_is(field):
                for value in SAMPLES[kind]:  # a value skipping the conversion is one the field keeps as it is
                    kept = field.db_value(value)
                    assert kept == value and type(kept) is type(value), (model, field.name, value)


def test_a_foreign_key_to_a_uuid_or_a_field_of_its_own_is_converted() -> None:
    class Own(pw.IntegerField):
        def db_value(self, value: object) -> object:
            return value

    class Keyed(pw.Model):
        code = pw.UUIDField(primary_key=True)

    class OwnKey(pw.ForeignKeyField):
        def db_value(self, value: object) -> object:
            return value

    class Pointing(pw.Model):
        to_uuid = pw.ForeignKeyField(Keyed)
        to_lot = OwnKey(Lot)
        amount = Own()
        text = pw.TextField()

    assert statements._as_is(Pointing.to_uuid) == frozenset()
    assert statements._as_is(Pointing.to_lot) == frozenset()
    assert statements._as_is(Pointing.amount) == frozenset()
    assert statements._as_is(Pointing.text) == frozenset({str, type(None)})


def test_an_int_or_text_given_as_another_type_is_still_converted(demo_db: OpenedDatabase) -> None:
    at = dt.datetime(2026, 11, 24, 3, 4, 5, tzinfo=dt.UTC)
    till = Till.get(Till.code == "T1")
    statements.insert(PrintJob, [dict(uuid=uuid.UUID(int=5), till=str(till.id), kind="receipt",
                                      doc_uuid=uuid.UUID(int=6), copy=1, note=42, created_at=at)])
    job = PrintJob.get(PrintJob.uuid == uuid.UUID(int=5))  # till "id" → the id, copy 1 → True, note 42 → "42"
    assert (job.till_id, job.copy, job.note, job.doc_uuid, job.created_at) == \
        (till.id, True, "42", uuid.UUID(int=6), at)
    nothing = statements.insert(PrintJob, [dict(uuid=uuid.UUID(int=7), till=till.id, kind="receipt",
                                                note=uuid.UUID(int=9), created_at=at)])  # no ids asked for
    assert nothing == []
    assert PrintJob.get(PrintJob.uuid == uuid.UUID(int=7)).note == "00000000-0000-0000-0000-000000000009"


def test_a_connection_whose_id_another_had_asks_again(empty_db: OpenedDatabase) -> None:
    conn = database.obj.connection()
    statements._SESSIONS[id(conn)] = (object(), {"key": "from a closed connection"})
    assert statements.remembered("key", lambda: "read now") == "read now"
    assert statements.remembered("key", lambda: "not asked") == "read now"


def test_many_connections_are_forgotten_not_kept_forever(empty_db: OpenedDatabase) -> None:
    statements._SESSIONS.clear()
    for n in range(17):
        statements._SESSIONS[-1 - n] = (object(), {})
    statements.remembered("key", lambda: 1)  # the 18th: the 17 others are dropped
    assert len(statements._SESSIONS) == 1
    for n in range(15):
        statements._SESSIONS[-1 - n] = (object(), {})
    empty_db.database.close()
    empty_db.database.connect()
    statements.remembered("key", lambda: 2)  # the 17th: kept with the others
    assert len(statements._SESSIONS) == 17


def test_a_row_read_by_any_field_is_the_row_peewee_reads(demo_db: OpenedDatabase) -> None:
    lot = Lot.select().where(Lot.expires_on.is_null(False)).order_by(Lot.id.desc()).first()
    for name, value in (("id", lot.id), ("number", lot.number), ("uuid", lot.uuid)):
        read = statements.get(Lot, name, value)
        assert read.__data__ == Lot.get_by_id(lot.id).__data__, name
    assert statements.get(Lot, "number", "no such lot") is None


def test_two_rows_inserted_at_once_give_their_ids_in_order(demo_db: OpenedDatabase) -> None:
    till = Till.get(Till.code == "T1")
    at = dt.datetime(2026, 11, 24, 3, 4, 5, tzinfo=dt.UTC)
    rows = [dict(uuid=uuid.UUID(int=n), till=till.id, kind="receipt", created_at=at) for n in (11, 12)]
    ids = statements.insert(PrintJob, rows, returning_id=True)
    assert ids == [PrintJob.get(PrintJob.uuid == uuid.UUID(int=n)).id for n in (11, 12)] and ids[1] == ids[0] + 1
    assert [(j.note, j.copy, j.doc_kind) for j in PrintJob.select().where(PrintJob.id << ids)] == [("", False, "")] * 2
