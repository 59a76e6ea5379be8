"""The canonical form of a document, built from its stored rows by one generic rule.

Every table in ``db.schema.APPEND_ONLY`` (except the journal, the chain, the audit log and other logs named
in :data:`NOT_DOCUMENTS`) is a *document table*.  A document is:

* its **root row**: a row of a document table with a ``uuid`` column equal to the document's UUID (a sale,
  a restore epoch …) — tables with a ``uuid`` and no owner are roots;
* rows keyed by a ``document_uuid`` column equal to the document's UUID (stock movements);
* **child rows**, recursively: rows of a document table whose first foreign key to *another* document
  table points at a row of the document (a sale's lines and payments, a line's lot picks …).

* its **journal entry** (``hash_version`` v2 on): the ``journal_entry`` row whose ``doc_uuid`` is the
  document's, so the summary, the person and the till a reader of the journal sees are covered too.

Each row is encoded with ALL its columns except the local integer ``id``, in the model's column order.
Values: integers (satang, base units) in decimal; a foreign key as the referenced row's UUID (or its
``code`` when it has no UUID); UUIDs as 32 lowercase hex digits; instants as UTC
``YYYY-MM-DD HH:MM:SS.ffffff``; dates ISO; booleans 1/0.  The line of a row:

* ``v2`` (today): ``<table>|<JSON array of the values>`` — numbers as JSON numbers, text (UUIDs, instants,
  dates too) as JSON strings, NULL as ``null``, no spaces: exact for ANY text (a NUL, a quote, a newline is
  escaped, never cut), the array SQLite's ``json_array`` writes and PostgreSQL's ``to_json`` pieces spell
  the same (a test holds both to Python's ``json.dumps(…, ensure_ascii=False, separators=(",", ":"))``);
* ``v1`` (links written before): ``<table>|<value>|<value>…``, text as ``<length>:<text>``, NULL as ``N`` —
  SQLite's ``length`` and ``printf`` stop at a NUL character, so v1 cannot tell "ก\\0x" from "ก"; old links
  keep verifying under it, new links are never written with it.  (Refusing NUL where text is typed in
  would not have been enough: a forger with a database tool never passes an entry check, and could have
  added "\\0 and anything" after any stored text unseen.  Hence an exact form, whatever the text holds.)

The SQL builds these lines in the database, the same text on SQLite and PostgreSQL, so the same books
verify the same wherever they are copied.  A document's bytes are its header and its lines, sorted.  A
column another room adds is covered at once: the column set is part of the ``hash_version`` (kept in
``hash_schema``), whose prefix names the line's algorithm; older documents keep verifying against the
columns and the algorithm they were hashed with.
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

ALGORITHM = "v2"  # the line's algorithm of new links; "v1" links keep verifying under their own
ALGORITHMS = ("v1", "v2")
MAX_PRINTF_ARGS = 100  # SQLite allows 127 arguments to a function
NOT_DOCUMENTS = frozenset({"chain_link", "hash_schema", "audit_entry", "print_job", "print_event"})
JOURNAL = "journal_entry"  # part of the document it names by ``doc_uuid`` (v2 on; v1 specs never list it)
KEY_COLUMNS = {JOURNAL: "doc_uuid"}  # a table's document-key column when it is not ``document_uuid``
Doc = list[str]  # the document's lines


class SchemaError(Exception):
    """A document table cannot be put in canonical form (a programming error caught by the tests)."""


@dataclass(frozen=True)
class TableRule:
    table: str
    kind: str  # "root", "document_uuid" or "child"
    columns: tuple[str, ...]
    values: tuple[str, ...]  # one SQL text expression per column
    key_sql: str  # the document key (32 hex digits) of a row
    from_sql: str  # FROM … JOIN …
    anchor: str  # the column a WHERE for one document compares with the document's UUID
    anchor_field: pw.Field
    postgres: bool = False
    parts: tuple[tuple[str, tuple[str, ...]], ...] = ()  # SQLite: per column, a printf piece and its arguments
    json_values: tuple[str, ...] = ()  # v2: per column, SQLite a json_array argument, PostgreSQL the JSON text

    def select(self, columns: Iterable[str] | None = None, algorithm: str = ALGORITHM) -> str:
        """SELECT key, line FROM … (the line made of ``columns``: default all of today's)."""
        names = self.columns if columns is None else tuple(columns)
        missing = [c for c in names if c not in self.columns]
        if missing:
            raise SchemaError(f"{self.table}.{missing[0]} no longer exists")
        if algorithm != "v1":
            return f"SELECT {self.key_sql}, {self._json_line(names)} {self.from_sql}"
        values = [self.values[self.columns.index(c)] for c in names]
        parts = [self.parts[self.columns.index(c)] for c in names] if self.parts else []
        args = [a for _piece, more in parts for a in more]
        if parts and 0 < len(args) < MAX_PRINTF_ARGS:
            # one printf builds the line in one go: a chain of ``||`` copies the growing line at every step
            # (verify spends most of its time here); printf's %s gives the same text for text and integers,
            # and a text's ``<length>:<text>`` is two arguments of one piece, never an intermediate string
            line = f"printf('{self.table}{''.join('|' + piece for piece, _a in parts)}', {', '.join(args)})"
        else:
            line = " || '|' || ".join([f"'{self.table}'", *values])
        return f"SELECT {self.key_sql}, {line} {self.from_sql}"

    def _json_line(self, names: tuple[str, ...]) -> str:
        values = [self.json_values[self.columns.index(c)] for c in names]
        if self.postgres:  # to_json of each value, joined as json_array joins them (no spaces)
            return f"'{self.table}|[' || " + (" || ',' || ".join(values) or "''") + " || ']'"
        return f"'{self.table}|' || json_array({', '.join(values)})"


def _models() -> dict[str, type[pw.Model]]:
    return {m._meta.table_name: m for m in ALL_MODELS}


def document_tables() -> list[str]:
    return sorted(t for t in APPEND_ONLY if t not in NOT_DOCUMENTS)


def uuid_sql(col: str, postgres: bool) -> str:
    """SQL giving the UUID column ``col`` as 32 lowercase hex digits (SQLite keeps it so already)."""
    return f"REPLACE(CAST({col} AS TEXT), '-', '')" if postgres else col


def _value_sql(field: pw.Field, col: str, postgres: bool, nullable: bool | None = None) -> str:
    """SQL giving ``col`` as canonical text (never NULL: ``N``).  SQLite's ``||`` turns integers into their
    decimal text by itself; PostgreSQL is told so; NOT NULL columns skip the COALESCE (same text, less work)."""
    if isinstance(field, pw.UUIDField):
        text = uuid_sql(col, postgres)
    elif isinstance(field, pw.DateTimeField):
        text = f"to_char({col}, 'YYYY-MM-DD HH24:MI:SS.US')" if postgres else f"substr({col} || '.000000', 1, 26)"
    elif isinstance(field, pw.DateField):
        text = f"to_char({col}, 'YYYY-MM-DD')" if postgres else col
    elif isinstance(field, pw.BooleanField):
        return f"CASE WHEN {col} THEN '1' WHEN NOT {col} THEN '0' ELSE 'N' END"
    elif isinstance(field, pw.FloatField):
        raise SchemaError(f"{col}: money and quantities are integers, never floats")
    elif isinstance(field, pw.IntegerField | pw.DecimalField):
        text = f"CAST({col} AS TEXT)" if postgres or isinstance(field, pw.DecimalField) else col
    else:  # text of any kind: length-prefixed, so no value can fake a separator
        text = f"CAST(length({col}) AS TEXT) || ':' || {col}" if postgres else f"length({col}) || ':' || {col}"
    if not (field.null if nullable is None else nullable):
        return text
    return f"COALESCE({text}, 'N')"


def _json_sql(field: pw.Field, col: str, postgres: bool) -> str:
    """v2: SQL for ``col`` as SQLite's ``json_array`` argument (its JSON is the canonical value), or on
    PostgreSQL the value's JSON text itself (``to_json`` writes numbers, strings and escapes as SQLite does)."""
    if isinstance(field, pw.UUIDField):
        value = uuid_sql(col, postgres)
    elif isinstance(field, pw.DateTimeField):
        value = f"to_char({col}, 'YYYY-MM-DD HH24:MI:SS.US')" if postgres else f"substr({col} || '.000000', 1, 26)"
    elif isinstance(field, pw.DateField):
        value = f"to_char({col}, 'YYYY-MM-DD')" if postgres else col
    elif isinstance(field, pw.BooleanField):
        value = f"CASE WHEN {col} THEN 1 WHEN NOT {col} THEN 0 END"
    elif isinstance(field, pw.FloatField):
        raise SchemaError(f"{col}: money and quantities are integers, never floats")
    elif isinstance(field, pw.DecimalField):
        value = f"CAST({col} AS TEXT)"
    else:  # integers and text as they are: JSON numbers, JSON strings
        value = col
    return f"COALESCE(to_json({value})::text, 'null')" if postgres else value


def _is_text(field: pw.Field) -> bool:
    return not isinstance(field, pw.UUIDField | pw.DateTimeField | pw.DateField | pw.BooleanField | pw.FloatField
                          | pw.IntegerField | pw.DecimalField)


def _piece(field: pw.Field, col: str, nullable: bool | None = None) -> tuple[str, tuple[str, ...]]:
    """SQLite: ``col`` as one printf piece and its arguments.  A NOT NULL text is ``%s:%s`` of its length and
    itself — the same text as ``length(col) || ':' || col`` without building it first (100,000 sale rows:
    0.45 → 0.26 s); anything else is ``%s`` of its :func:`_value_sql`."""
    if _is_text(field) and not (field.null if nullable is None else nullable):
        return "%s:%s", (f"length({col})", col)
    return "%s", (_value_sql(field, col, False, nullable),)


def _ref_field(target: type[pw.Model], alias: str) -> tuple[pw.Field, str]:
    fields = target._meta.fields
    if "uuid" in fields:
        return fields["uuid"], f"{alias}.uuid"
    if "code" in fields:
        return fields["code"], f"{alias}.code"
    raise SchemaError(f"{target._meta.table_name} has neither uuid nor code: a document cannot name it")


def _owner(model: type[pw.Model], docs: set[str]) -> pw.ForeignKeyField | None:
    for field in model._meta.sorted_fields:
        if isinstance(field, pw.ForeignKeyField) and field.rel_model is not model \
                and field.rel_model._meta.table_name in docs:
            return field
    return None


def _key_column(model: type[pw.Model]) -> str:
    name = KEY_COLUMNS.get(model._meta.table_name, "document_uuid")
    return name if name in model._meta.fields else ""


def _kind(model: type[pw.Model], docs: set[str]) -> str:
    fields = model._meta.fields
    if _key_column(model):
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
        return uuid_sql(f"{alias}.uuid", postgres), f"{alias}.uuid", model._meta.fields["uuid"]
    if kind == "document_uuid":
        name = _key_column(model)
        field = model._meta.fields[name]
        return uuid_sql(f"{alias}.{name}", postgres), f"{alias}.{name}", field
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
        try:
            out[table] = _rule(models[table], docs, postgres)
        except SchemaError as err:  # never stop the tills over it: verify names it, the tests fail on it
            _unusable[table] = str(err)
    return out


_unusable: dict[str, str] = {}


def unusable_tables() -> dict[str, str]:
    """Document tables that cannot be put in canonical form (and why); empty in a sound schema."""
    rules(False)
    rules(True)
    return dict(_unusable)


def _rule(model: type[pw.Model], docs: set[str], postgres: bool) -> TableRule:
    table = model._meta.table_name
    joins: list[str] = []
    key, anchor, anchor_field = _key(model, "t", docs, postgres, joins)
    owner = _owner(model, docs) if _kind(model, docs) == "child" else None
    names, values, parts, json_values = [], [], [], []
    for n, field in enumerate(model._meta.sorted_fields):
        if field is model._meta.primary_key:
            continue
        col = f't."{field.column_name}"'
        if isinstance(field, pw.ForeignKeyField):
            alias = f"r{n}"
            if field is owner:  # already joined for the document key: the same row, no second look-up
                alias = "o0"
            else:
                joins.append(f'LEFT JOIN "{field.rel_model._meta.table_name}" {alias} ON {alias}.id = {col}')
            target, ref = _ref_field(field.rel_model, alias)
            values.append(_value_sql(target, ref, postgres, bool(field.null)))
            parts.append(_piece(target, ref, bool(field.null)))
            json_values.append(_json_sql(target, ref, postgres))
        else:
            values.append(_value_sql(field, col, postgres))
            parts.append(_piece(field, col))
            json_values.append(_json_sql(field, col, postgres))
        names.append(field.name)
    return TableRule(table, _kind(model, docs), tuple(names), tuple(values), key,
                     f'FROM "{table}" t {" ".join(joins)}', anchor, anchor_field, postgres,
                     () if postgres else tuple(parts), tuple(json_values))


def spec(postgres: bool) -> str:
    """The canonical JSON of which columns of which tables the current ``hash_version`` covers."""
    return json.dumps({t: list(r.columns) for t, r in rules(postgres).items()}, sort_keys=True,
                      separators=(",", ":"))


def version_of(spec_json: str, algorithm: str = ALGORITHM) -> str:
    return f"{algorithm}-{hashlib.sha256(spec_json.encode()).hexdigest()[:16]}"


def algorithm_of(version: str) -> str:
    """The line's algorithm a ``hash_version`` names (``v1-…`` → ``v1``); "" when it names none known."""
    algorithm = version.split("-", 1)[0]
    return algorithm if algorithm in ALGORITHMS else ""


def is_postgres(database: pw.Database) -> bool:
    return isinstance(database, pw.PostgresqlDatabase)


def rows_of(database: pw.Database, doc_uuid: Any, spec: dict[str, list[str]] | None = None,
            algorithm: str = ALGORITHM) -> Doc:
    """The lines of one document (``spec``, ``algorithm``: the columns and lines of an older hash_version)."""
    out: Doc = []
    for table, rule in rules(is_postgres(database)).items():
        if spec is not None and table not in spec:
            continue
        sql = f"{rule.select(spec[table] if spec else None, algorithm)} WHERE {rule.anchor} = {database.param}"
        out.extend(r[1] for r in database.execute_sql(sql, (rule.anchor_field.db_value(doc_uuid),)))
    return out


def selects(database: pw.Database, spec: dict[str, list[str]] | None = None,
            algorithm: str = ALGORITHM) -> list[tuple[str, str]]:
    """(table, ``SELECT key, line``) per document table (``spec``, ``algorithm``: an older hash_version's)."""
    return [(table, rule.select(spec[table] if spec else None, algorithm))
            for table, rule in rules(is_postgres(database)).items() if spec is None or table in spec]


def document_select(database: pw.Database, spec: dict[str, list[str]] | None = None,
                    algorithm: str = ALGORITHM) -> tuple[str, list[pw.Field]]:
    """One statement giving (key, line) of ONE document from every document table, and the fields whose
    ``db_value`` of the document's UUID fill its parameters (``spec``, ``algorithm``: an older version's)."""
    chosen = [(table, rule) for table, rule in rules(is_postgres(database)).items() if spec is None or table in spec]
    sql = " UNION ALL ".join(f"{rule.select(spec[table] if spec else None, algorithm)} WHERE {rule.anchor} = "
                             f"{database.param}" for table, rule in chosen)
    return sql, [rule.anchor_field for _table, rule in chosen]


def all_rows(database: pw.Database, spec: dict[str, list[str]] | None = None,
             algorithm: str = ALGORITHM) -> Iterator[tuple[str, str]]:
    """Every line of every document table as (document key, line)."""
    for _table, sql in selects(database, spec, algorithm):
        yield from database.execute_sql(sql)


def root_table_of(doc: Doc) -> str:
    roots = {line.split("|", 1)[0] for line in doc} & _root_tables()
    return roots.pop() if len(roots) == 1 else ""


@lru_cache(maxsize=1)
def _root_tables() -> frozenset[str]:
    return frozenset(t for t, r in rules(False).items() if r.kind == "root")


def encode(header: tuple[Any, ...], doc: Doc) -> bytes:
    """The bytes a link hashes: the header, then the document's lines, sorted."""
    return "\n".join([ascii(header), *sorted(doc)]).encode("utf-8")
