"""Hot statements built once: the few the sale and the batch run on every document.

Building a query with peewee costs 0.2–1 ms of Python each time (most of a sale's time was spent there);
the database itself answers these statements in tens of microseconds.  The statements here are written
once as SQL text with ``?`` for each value, turned into the engine's placeholder (``?`` for SQLite, ``%s``
for PostgreSQL) the first time they are used, and then run with only their values; SQLite's own statement
cache then skips the parsing too.  Values are converted by the model's own fields (``db_value``), so a
UUID, an instant (naive UTC) or a boolean is stored exactly as peewee would store it.

Only plain SQL both engines read the same way: double-quoted names, ``RETURNING``, ``ON CONFLICT``.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

import peewee as pw

from db.models import database

_TEXT: dict[tuple[str, str], str] = {}
Column = tuple[frozenset[type], Any]  # the types stored as they are (no conversion), the field's db_value
_INSERTS: dict[tuple[type[pw.Model], tuple[str, ...], int, bool, str], tuple[str, list[Column], list[Any]]] = {}
_NONE = type(None)


def _engine_sql(template: str) -> str:
    param = database.obj.param
    key = (template, param)
    sql = _TEXT.get(key)
    if sql is None:
        sql = template if param == "?" else template.replace("%", "%%").replace("?", param)
        _TEXT[key] = sql
    return sql


def run(template: str, params: Sequence[Any] = ()) -> Any:
    """Run ``template`` (``?`` for each value) and return the cursor."""
    return database.obj.execute_sql(_engine_sql(template), tuple(params))


def rows(template: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    return list(run(template, params).fetchall())


_SESSIONS: dict[int, tuple[object, dict[Hashable, Any]]] = {}


def remembered(key: Hashable, find: Callable[[], Any]) -> Any:
    """``find()``, asked once per database connection: for what never changes once written (a till's UUID,
    a ``hash_schema`` row).  A value read inside a transaction is kept only once that transaction commits
    (it may be this transaction's own row, gone again on a rollback); ``None`` is never kept."""
    conn = database.obj.connection()
    entry = _SESSIONS.get(id(conn))
    if entry is None or entry[0] is not conn:  # (a closed connection's id may be taken by a new one)
        if len(_SESSIONS) > 16:
            _SESSIONS.clear()
        entry = _SESSIONS[id(conn)] = (conn, {})
    known = entry[1]
    if key in known:
        return known[key]
    value = find()
    if value is not None:
        database.obj.after_commit(lambda: known.__setitem__(key, value))  # at once outside a transaction
    return value


def is_postgres() -> bool:
    return isinstance(database.obj, pw.PostgresqlDatabase)


def insert(model: type[pw.Model], values: Iterable[dict[str, Any]], returning_id: bool = False) -> list[int]:
    """INSERT rows of ``model`` given by field name, as ``Model.insert_many`` would: a field left out takes
    its default.  Every row must name the same fields.  Returns the new ids when ``returning_id``."""
    given = list(values)
    if not given:
        return []
    names = tuple(given[0])
    key = (model, names, len(given), returning_id, database.obj.param)
    built = _INSERTS.get(key)
    if built is None:
        built = _INSERTS[key] = _build_insert(model, names, len(given), returning_id)
    sql, columns, defaults = built
    params: list[Any] = []
    for row_values in given:
        filled = [row_values[n] for n in names]
        filled.extend(d() if callable(d) else d for d in defaults)
        params.extend([v if type(v) in same else to_db(v) for (same, to_db), v in zip(columns, filled, strict=True)])
    cursor = database.obj.execute_sql(sql, tuple(params))
    return [int(r[0]) for r in cursor.fetchall()] if returning_id else []


def _as_is(field: pw.Field) -> frozenset[type]:
    """The value types the field's ``db_value`` returns unchanged (an int for an integer column or a foreign
    key to one, a str for a text column, ``None`` for both), so a value of those types skips the call."""
    if isinstance(field, pw.ForeignKeyField):
        if type(field).db_value is not pw.ForeignKeyField.db_value:
            return frozenset()
        field = field.rel_field
    if type(field).db_value is not pw.Field.db_value:
        return frozenset()
    adapt = type(field).adapt
    if adapt is pw.IntegerField.adapt:
        return frozenset({int, _NONE})
    if adapt is pw._StringField.adapt:
        return frozenset({str, _NONE})
    return frozenset()


def _build_insert(model: type[pw.Model], names: tuple[str, ...], rows: int,
                  returning_id: bool) -> tuple[str, list[Column], list[Any]]:
    """The statement, each column's conversion (the field's ``db_value``, skipped for a value it would keep
    as it is) and the defaults of the fields left out, worked out once per shape of insert."""
    meta = model._meta
    defaults = {f.name: d for f, d in meta.defaults.items() if f.name not in names}
    fields = [meta.fields[n] for n in (*names, *defaults)]
    param = database.obj.param
    row = f"({', '.join([param] * len(fields))})"
    sql = (f'INSERT INTO "{meta.table_name}" ({", ".join(chr(34) + f.column_name + chr(34) for f in fields)}) '
           f"VALUES {', '.join([row] * rows)}" + (' RETURNING "id"' if returning_id else ""))
    return sql, [(_as_is(f), f.db_value) for f in fields], list(defaults.values())


_GETS: dict[tuple[type[pw.Model], str], str] = {}


def get(model: type[pw.Model], field_name: str, value: Any) -> Any:
    """The row of ``model`` whose ``field_name`` equals ``value`` as a model instance (``None``: no such row),
    as ``Model.get_or_none`` gives it (every column, read through the fields' ``python_value``)."""
    meta = model._meta
    fields = meta.sorted_fields
    key = (model, field_name)
    sql = _GETS.get(key)
    if sql is None:
        sql = _GETS[key] = (f'SELECT {", ".join(chr(34) + f.column_name + chr(34) for f in fields)} '
                            f'FROM "{meta.table_name}" WHERE "{meta.fields[field_name].column_name}" = ?')
    found = rows(sql, (meta.fields[field_name].db_value(value),))
    if not found:
        return None
    return model(__no_default__=True, **{f.name: f.python_value(v) for f, v in zip(fields, found[0], strict=True)})
