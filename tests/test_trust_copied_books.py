"""The same books verify the same on any database they are copied into (the issue: "the canonical form names
nothing by local integer id"): the demo's books, every row of every table, copied into a database of the
OTHER engine with every local id moved by 1,000 (so no id is what it was), verify there with the links,
hashes and heads they were written with — SQLite → PostgreSQL and PostgreSQL → SQLite."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import peewee as pw
import pytest

from db.connection import OpenedDatabase, open_database
from db.schema import ALL_MODELS
from pos_app.trust import verify
from tests.trust_helpers import drop_guards

SHIFT = 1000
_names = itertools.count()


def _rows() -> dict[type[pw.Model], list[dict[str, Any]]]:
    """Every row of every model, read through the fields (engine-free Python values), by model."""
    rows: dict[type[pw.Model], list[dict[str, Any]]] = {}
    for model in ALL_MODELS:
        query: Any = model.select().order_by(model._meta.primary_key).dicts()
        rows[model] = list(query)
    return rows


def _shifted(model: type[pw.Model], row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for field in model._meta.sorted_fields:
        if (field is model._meta.primary_key and isinstance(field, pw.AutoField)) or (
                isinstance(field, pw.ForeignKeyField) and out.get(field.name) is not None):
            out[field.name] = out[field.name] + SHIFT
    return out


@pytest.fixture
def other_engine(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    if backend == "postgres":
        yield str(tmp_path / "copy.sqlite3")
        return
    from tests.conftest import _pg_admin

    server = request.getfixturevalue("pg_server")
    name = f"pos_copy_{next(_names)}"
    _pg_admin(server, f"CREATE DATABASE {name}")
    try:
        yield f"{server}/{name}"
    finally:
        _pg_admin(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_books_copied_into_the_other_engine_with_other_ids_verify(demo_db: OpenedDatabase,
                                                                   other_engine: str) -> None:
    before = verify()
    assert before.ok, before.lines()
    rows = _rows()
    copy = open_database(other_engine)  # the models now read and write the copy
    try:
        with copy.database.atomic():
            for model in pw.sort_models(ALL_MODELS):  # type: ignore[attr-defined]  # parents before children
                shifted = [_shifted(model, r) for r in rows[model]]
                for i in range(0, len(shifted), 200):
                    model.insert_many(shifted[i:i + 200]).execute()
        report = verify()
        assert report.ok, report.lines()
        assert (report.documents, report.links, report.chains) == (before.documents, before.links, before.chains)
        assert before.documents > 80  # a week of the demo's market days, not a handful
        db = copy.database
        assert db.execute_sql("SELECT MIN(id) FROM sale").fetchone()[0] > SHIFT  # no local id is what it was
        drop_guards(db, "sale")  # and the copy's verify is a real one: an edit there is caught
        db.execute_sql("UPDATE sale SET total_satang = total_satang + 100 WHERE id = (SELECT MIN(id) FROM sale)")
        assert "chain" in verify().kinds()
    finally:
        copy.database.close()
