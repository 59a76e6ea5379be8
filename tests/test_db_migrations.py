"""Schema versions: step-by-step migrations equal a database created at head; newer databases refused."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import peewee as pw
import pytest

from db.connection import connect, open_database, sqlite_path
from db.errors import DatabaseProblem
from db.migrate import HISTORY_TABLE, runner, runner_names
from tests.conftest import Factory


def schema_of(database: pw.Database) -> dict[str, Any]:
    tables = sorted(database.get_tables())
    out: dict[str, Any] = {"tables": tables}
    for t in tables:
        if t == HISTORY_TABLE:
            continue
        out[t] = {
            "columns": sorted((c.name, c.data_type.lower(), c.null, c.primary_key) for c in database.get_columns(t)),
            "indexes": sorted((i.name, tuple(i.columns), i.unique) for i in database.get_indexes(t)),
            "fks": sorted((f.column, f.dest_table, f.dest_column) for f in database.get_foreign_keys(t)),
        }
    if isinstance(database, pw.PostgresqlDatabase):
        rows = database.execute_sql("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1")
    else:
        rows = database.execute_sql("SELECT name FROM sqlite_master WHERE type='trigger' ORDER BY 1")
    out["triggers"] = [r[0] for r in rows]
    return out


def test_step_by_step_equals_head(factory: Factory) -> None:
    head_target = factory.new_target()
    opened = open_database(head_target)
    assert opened.created
    head = schema_of(opened.database)
    history = sorted(runner(opened.database).applied())
    opened.database.close()

    stepped_target = factory.new_target()
    database = connect(stepped_target)
    run = runner(database)
    for name in runner_names():
        assert run.up(target=name) == [name]
    stepped = schema_of(database)
    assert sorted(run.applied()) == history == runner_names()
    database.close()

    assert stepped == head
    assert len(head["triggers"]) >= 5  # the append-only guards exist on both paths
    assert repeated_leads(head) == []  # a new database makes no index another one already starts with


def repeated_leads(schema: dict[str, Any]) -> list[str]:
    """Non-unique one-column indexes whose column leads another index of the same table (pure cost)."""
    out = []
    for table, info in schema.items():
        if not isinstance(info, dict):
            continue
        for name, columns, unique in info["indexes"]:
            if len(columns) == 1 and not unique and any(
                    other != name and cols[0] == columns[0] for other, cols, _u in info["indexes"]):
                out.append(f"{table}.{name}")
    return out


# The six the speed review found on the tables every sale and print job writes (issue 15/16, Speed).
HOT_DUPLICATES = {"stock_movement": ("stock_movement_item_id", "stock_movement_item_id_shop_id"),
                  "stock_balance": ("stock_balance_lot_id", "stock_balance_lot_id_shop_id"),
                  "sale": ("sale_till_id", "sale_till_id_number"),
                  "sale_line": ("sale_line_sale_id", "sale_line_sale_id_line_no"),
                  "print_job": ("print_job_till_id", "print_job_till_id_id")}


def test_migration_0014_drops_the_repeated_indexes_of_an_older_database(factory: Factory) -> None:
    target = factory.new_target()
    database = connect(target)
    assert runner(database).up(target="0013_stock_pack_retired")[-1] == "0013_stock_pack_retired"
    before = schema_of(database)
    database.close()
    for table, (single, composite) in HOT_DUPLICATES.items():
        names = [i[0] for i in before[table]["indexes"]]
        assert single in names and composite in names  # there to drop (the test is not vacuous)
    assert "stock_balance.stock_balance_shop_id" in repeated_leads(before)

    opened = open_database(target)
    assert opened.migrated[0] == "0014_speed_drop_duplicate_indexes"
    after = schema_of(opened.database)
    opened.database.close()
    assert repeated_leads(after) == []
    for table, (single, composite) in HOT_DUPLICATES.items():
        names = [i[0] for i in after[table]["indexes"]]
        assert single not in names and composite in names
    assert after["stock_movement"]["columns"] == before["stock_movement"]["columns"]
    if factory.backend == "sqlite":
        assert opened.backup is not None and opened.backup.exists()  # backed up first, as every upgrade


def _file_hash(target: str) -> str:
    return hashlib.sha256(Path(sqlite_path(target)).read_bytes()).hexdigest()


def test_database_newer_than_the_app_is_refused_and_left_alone(factory: Factory) -> None:
    target = factory.new_target()
    opened = open_database(target)
    runner(opened.database).History.create(name="9999_from_a_newer_app")
    if factory.backend == "sqlite":
        opened.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    opened.database.close()
    before = _file_hash(target) if factory.backend == "sqlite" else None
    with pytest.raises(DatabaseProblem) as err:
        open_database(target)
    assert "เวอร์ชันใหม่กว่า" in str(err.value)
    if before is not None:
        assert _file_hash(target) == before


def test_older_database_is_backed_up_then_upgraded(factory: Factory) -> None:
    target = factory.new_target()
    database = connect(target)
    first = runner_names()[0]
    runner(database).up(target=first)
    database.close()

    opened = open_database(target)
    assert opened.migrated == runner_names()[1:]
    assert sorted(runner(opened.database).applied()) == runner_names()
    opened.database.close()
    if factory.backend == "sqlite":
        assert opened.backup is not None and opened.backup.exists()
        old = connect(str(opened.backup))
        assert sorted(runner(old).applied()) == [first]
        old.close()
