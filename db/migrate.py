"""Schema versions with peewee's own runner (``playhouse.migrations``).

Migrations are numbered scripts in ``db/migrations/`` with frozen model copies; the runner records each
in the ``schema_migration`` history table and runs each in a transaction.  On start:

* an empty database is created at head from the current models (``create_schema``) and every migration
  is recorded as applied — ``tests/test_db_migrations.py`` proves this equals migrating step by step;
* an older database is first backed up (SQLite: a copy beside the file; PostgreSQL: ``pg_dump`` when it
  is installed), then the pending migrations run in order;
* a database that records a migration this app does not know is newer than the app and is refused.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import peewee as pw

from db.connection import data_dir, is_postgres, sqlite_path
from db.errors import DatabaseProblem

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HISTORY_TABLE = "schema_migration"


if TYPE_CHECKING:
    from playhouse.migrations import Runner


def runner(database: pw.Database) -> Runner:
    from playhouse.migrations import Runner  # imported only when the history must be read or written

    return Runner(database, directory=str(MIGRATIONS), table_name=HISTORY_TABLE)


def _at_head(database: pw.Database) -> bool:
    """The quick check on every start: the history table lists exactly the migrations we ship."""
    if HISTORY_TABLE not in database.get_tables():
        return False
    applied = {row[0] for row in database.execute_sql(f"SELECT name FROM {HISTORY_TABLE}")}
    return applied == set(runner_names())


def head_name() -> str:
    return runner_names()[-1]


def runner_names() -> list[str]:
    return sorted(p.stem for p in MIGRATIONS.glob("[0-9]*.py"))


def create_schema(database: pw.Database) -> None:
    """Create every table, index and guard of the current models (head), in one transaction."""
    from db.guards import install_guards  # every model: not loaded to start on a database at head
    from db.schema import ALL_MODELS

    with database.atomic():
        database.create_tables(ALL_MODELS)
        install_guards(database)


def backup(database: pw.Database, target: str, before: str) -> Path | None:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    if is_postgres(target):
        if shutil.which("pg_dump") is None:
            return None
        out = data_dir() / "backups" / f"postgres-before-{before}-{stamp}.sql"
        out.parent.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["pg_dump", "--file", str(out), target], capture_output=True, check=False)
        if done.returncode != 0:
            raise DatabaseProblem("The backup before upgrading the database failed; nothing was changed")
        return out
    path = sqlite_path(target)
    out = path.with_name(f"{path.stem}.before-{before}.{stamp}.sqlite3")
    src = database.connection()
    with sqlite3.connect(str(out)) as dst:
        src.backup(dst)
    dst.close()
    return out


def upgrade(database: pw.Database, target: str) -> tuple[bool, list[str], Path | None]:
    """Bring ``database`` to head.  Returns (created, migrations run, backup path)."""
    if _at_head(database):
        return False, [], None
    run = runner(database)
    known = set(runner_names())
    applied = run.applied()
    unknown = sorted(set(applied) - known)
    if unknown:
        raise DatabaseProblem("This database was made by a newer version of the app (it has {name}). "
                              "Please update the app; the database was not changed.", name=unknown[-1])
    if not applied:
        if database.get_tables():
            raise DatabaseProblem("This database holds tables of another program; the shop will not use it")
        create_schema(database)
        with database.atomic():
            run.fake()
        return True, [], None
    pending = [m.name for m in run.status() if m.applied is None and m.path is not None]
    if not pending:
        return False, [], None
    saved = backup(database, target, pending[0])
    done = run.up()
    return False, list(done), saved
