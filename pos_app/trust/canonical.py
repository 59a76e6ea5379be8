"""The canonical form of a document, built from its stored rows by one generic rule.

Every table in ``db.schema.APPEND_ONLY`` (except the journal, the chain and the audit log themselves) is a
*document table*.  A document is:

* its **root row**: a row of a document table with a ``uuid`` column equal to the document's UUID (a sale,
  a restore epoch …) — tables with a ``uuid`` and no owner are roots;
* rows keyed by a ``document_uuid`` column equal to the document's UUID (stock movements);
* **child rows**, recursively: rows of a document table whose first foreign key to *another* document
  table points at a row of the document (a sale's lines and payments, a line's lot picks …).

Each row is encoded with ALL its columns except the local integer ``id``; a foreign key is replaced by the
referenced row's UUID (or its ``code`` when it has no UUID); instants are UTC ISO text with microseconds,
dates ISO, booleans 0/1, UUIDs 32 lowercase hex digits, money and quantities plain integers (satang, base
units).  The SQL that reads the rows produces the same values on SQLite and PostgreSQL, so the same books
verify the same wherever they are copied.  A column another room adds is covered at once: the column set is
part of the ``hash_version`` (kept in ``hash_schema``), so older documents keep verifying against the
columns they were hashed with.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import peewee as pw

from db.schema import ALL_MODELS, APPEND_ONLY

ALGORITHM = "v1"
NOT_DOCUMENTS = frozenset({"journal_entry", "chain_link", "hash_schema", "audit_entry", "print_job", "print_event"})
Row = tuple[Any, ...]


class SchemaError(Exception):
    """A document table cannot be put in canonical form (a programming error caught by the tests)."""


@dataclass(frozen=True)
class TableRule:
    table: str
    kind: str  # "root", "document_uuid" or "child"
    columns: tuple[str, ...]
    select_sql: str  # SELECT key, values… FROM … (no WHERE)
    anchor: str  # the column a WHERE for one document compares with the document's UUID
    anchor_field: pw.Field


def _models() -> dict[str, type[pw.Model]]:
    return {m._meta.table_name: m for m in ALL_MODELS}


def document_tables() -> list[str]:
    return sorted(t for t in APPEND_ONLY if t not in NOT_DOCUMENTS)


def _value_sql(field: pw.Field, col: str, postgres: bool) -> str:
    if isinstance(field, pw.UUIDField):
        return f"REPLACE(CAST({col} AS TEXT), '-', '')"
    if isinstance(field, pw.DateTimeField):
        if postgres:
            return f"to_char({col}, 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
        return (f"CASE WHEN length({col}) = 19 THEN replace({col}, ' ', 'T') || '.000000Z' "
                f"ELSE replace({col}, ' ', 'T') || 'Z' END")
    if isinstance(field, pw.DateField):
        return f"to_char({col}, 'YYYY-MM-DD')" if postgres else col
    if isinstance(field, pw.BooleanField):
        return f"CASE WHEN {col} IS NULL THEN NULL WHEN {col} THEN 1 ELSE 0 END"
    if isinstance(field, pw.FloatField):
        raise SchemaError(f"{col}: money and quantities are integers, never floats")
    if isinstance(field, pw.DecimalField):
        return f"CAST({col} AS TEXT)"
    return col


def _ref_sql(target: type[pw.Model], alias: str, postgres: bool) -> str:
    fields = target._meta.fields
    if "uuid" in fields:
        return _value_sql(fields["uuid"], f"{alias}.uuid", postgres)
    if "code" in fields:
        return f"{alias}.code"
    raise SchemaError(f"{target._meta.table_name} has neither uuid nor code: a document cannot name it")


def _owner(model: type[pw.Model], docs: set[str]) -> pw.ForeignKeyField | None:
    for field in model._meta.sorted_fields:
        if isinstance(field, pw.ForeignKeyField) and field.rel_model is not model \
                and field.rel_model._meta.table_name in docs:
            return field
    return None


def _kind(model: type[pw.Model], docs: set[str]) -> str:
    fields = model._meta.fields
    if "document_uuid" in fields:
        return "document_uuid"
    if _owner(model, docs) is not None:
        return "child"
    if "uuid" in fields:
        return "root"
    raise SchemaError(f"{model._meta.table_name}: a document table needs a uuid, a document_uuid or an owner")


def _key(model: type[pw.Model], alias: str, docs: set[str], postgres: bool, joins: list[str],
          depth: int = 0) -> tuple[str, str, pw.Field]:
    """(key expression, anchor column, anchor field) of a row of ``model`` seen as ``alias``."""
    kind = _kind(model, docs)
    if kind == "root":
        return _value_sql(model._meta.fields["uuid"], f"{alias}.uuid", postgres), f"{alias}.uuid", \
            model._meta.fields["uuid"]
    if kind == "document_uuid":
        field = model._meta.fields["document_uuid"]
        return _value_sql(field, f"{alias}.document_uuid", postgres), f"{alias}.document_uuid", field
    if depth > 4:
        raise SchemaError(f"{model._meta.table_name}: owners nest too deep")
    owner = _owner(model, docs)
    assert owner is not None
    parent = owner.rel_model
    palias = f"o{depth}"
    joins.append(f'JOIN "{parent._meta.table_name}" {palias} ON {palias}.id = {alias}."{owner.column_name}"')
    return _key(parent, palias, docs, postgres, joins, depth + 1)


@lru_cache(maxsize=4)
def rules(postgres: bool) -> dict[str, TableRule]:
    """The rule of every document table for one engine (built from the models, so new columns count)."""
    models, docs = _models(), set(document_tables())
    out: dict[str, TableRule] = {}
    for table in sorted(docs):
        model = models[table]
        joins: list[str] = []
        key, anchor, anchor_field = _key(model, "t", docs, postgres, joins)
        names, values = [], []
        for n, field in enumerate(model._meta.sorted_fields):
            if field is model._meta.primary_key:
                continue
            col = f't."{field.column_name}"'
            if isinstance(field, pw.ForeignKeyField):
                alias = f"r{n}"
                joins.append(f'LEFT JOIN "{field.rel_model._meta.table_name}" {alias} ON {alias}.id = {col}')
                values.append(_ref_sql(field.rel_model, alias, postgres))
            else:
                values.append(_value_sql(field, col, postgres))
            names.append(field.name)
        sql = f'SELECT {key}, {", ".join(values)} FROM "{table}" t {" ".join(joins)}'
        out[table] = TableRule(table, _kind(model, docs), tuple(names), sql, anchor, anchor_field)
    return out


def spec(postgres: bool) -> str:
    """The canonical JSON of which columns of which tables the current ``hash_version`` covers."""
    return json.dumps({t: list(r.columns) for t, r in rules(postgres).items()}, sort_keys=True,
                      separators=(",", ":"))


def version_of(spec_json: str) -> str:
    return f"{ALGORITHM}-{hashlib.sha256(spec_json.encode()).hexdigest()[:16]}"


def is_postgres(database: pw.Database) -> bool:
    return isinstance(database, pw.PostgresqlDatabase)


def rows_of(database: pw.Database, doc_uuid: Any) -> dict[str, list[Row]]:
    """The rows of one document, per table (tables without rows left out)."""
    postgres = is_postgres(database)
    out: dict[str, list[Row]] = {}
    for table, rule in rules(postgres).items():
        param = rule.anchor_field.db_value(doc_uuid)
        cursor = database.execute_sql(f"{rule.select_sql} WHERE {rule.anchor} = {database.param}", (param,))
        rows = [tuple(r[1:]) for r in cursor.fetchall()]
        if rows:
            out[table] = rows
    return out


def all_rows(database: pw.Database) -> Iterator[tuple[str, str, Row]]:
    """Every row of every document table as (table, document key, values)."""
    for table, rule in rules(is_postgres(database)).items():
        for r in database.execute_sql(rule.select_sql):
            yield table, r[0], tuple(r[1:])


def root_table_of(doc: dict[str, list[Row]]) -> str:
    roots = [t for t in doc if rules_kind(t) == "root"]
    return roots[0] if len(roots) == 1 else ""


def rules_kind(table: str) -> str:
    return rules(False)[table].kind


def encode(header: Iterable[Any], doc: dict[str, list[Row]], columns: dict[str, list[int]] | None = None) -> bytes:
    """The bytes a link hashes: the header, then each table (by name) and its rows, sorted.

    ``columns`` picks, per table, the positions of the columns an older ``hash_version`` covered.
    """
    parts = [ascii(tuple(header))]
    for table in sorted(doc):
        rows = doc[table]
        if columns is not None:
            if table not in columns:
                continue
            pick = columns[table]
            rows = [tuple(r[i] for i in pick) for r in rows]
        parts.append(table)
        parts.extend(sorted(ascii(r) for r in rows))
    return "\n".join(parts).encode("ascii")
