"""Open the shop's database from a path or URL, refuse a bad one cleanly, and bring it to head.

``open_database(target)`` where ``target`` is a SQLite file path, ``sqlite:///path`` or a
``postgresql://user:pass@host:port/name`` URL; ``None`` means ``POS_DATABASE_URL`` or, failing that,
``shop.sqlite3`` in the user data directory (platformdirs).  SQLite runs with WAL, foreign keys on,
``synchronous=FULL`` and every transaction begun ``IMMEDIATE`` (a writer takes the lock up front).
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

import peewee as pw

from db.errors import DatabaseProblem
from db.models import database as proxy

APP_NAME = "pos-app"
SQLITE_HEADER = b"SQLite format 3\x00"
ENV_URL = "POS_DATABASE_URL"


def data_dir() -> Path:
    import platformdirs  # only without a database given (``--database`` or ``POS_DATABASE_URL``)

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_target() -> str:
    return os.environ.get(ENV_URL) or str(data_dir() / "shop.sqlite3")


def is_postgres(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def sqlite_path(target: str) -> Path:
    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///"):]
    return Path(target).expanduser()


def describe(target: str) -> str:
    """Where the data lives, for people (a PostgreSQL password is never shown)."""
    if is_postgres(target):
        u = urlparse(target)
        return f"postgresql://{u.hostname or 'localhost'}:{u.port or 5432}{u.path}"
    return str(sqlite_path(target))


def make_database(target: str, busy_timeout_s: float = 5.0, wal: bool = True) -> pw.Database:
    """A peewee database for ``target`` (not yet connected).  ``wal=False`` leaves the file's journal mode
    as it is (switching to WAL writes to the file, so it waits until the database has been accepted)."""
    if is_postgres(target):
        from db.drivers import enable_postgres

        enable_postgres()
        u = urlparse(target)
        return pw.PostgresqlDatabase(
            unquote(u.path.lstrip("/")),
            user=unquote(u.username) if u.username else None,
            password=unquote(u.password) if u.password else None,
            host=u.hostname or "localhost",
            port=u.port or 5432,
            connect_timeout=5,
        )
    return pw.SqliteDatabase(
        str(sqlite_path(target)),
        pragmas={
            **({"journal_mode": "wal"} if wal else {}),
            "foreign_keys": 1,
            "synchronous": 2,  # FULL: a committed sale survives a power cut
            "busy_timeout": int(busy_timeout_s * 1000),
        },
        timeout=busy_timeout_s,
        lock_type="IMMEDIATE",
        check_same_thread=False,
    )


def check_sqlite_file(path: Path) -> None:
    """Refuse, before touching it, a file that is not a database or cannot be written."""
    if path.exists():
        if path.is_dir():
            raise DatabaseProblem("{path} is a folder, not a database file", path=str(path))
        try:
            with path.open("rb") as fh:
                head = fh.read(len(SQLITE_HEADER))
        except OSError:
            raise DatabaseProblem("The database file {path} cannot be read", path=str(path)) from None
        if head and head != SQLITE_HEADER:
            raise DatabaseProblem("{path} is not a shop database (it may be another kind of file)",
                                  path=str(path))
        if not os.access(path, os.W_OK):
            raise DatabaseProblem("The database file {path} is read-only; the shop cannot save sales "
                                  "there. Check the file's permissions or copy it elsewhere.", path=str(path))
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            raise DatabaseProblem("Cannot create the folder {path} for the database",
                                  path=str(path.parent)) from None
        if not os.access(path.parent, os.W_OK):
            raise DatabaseProblem("The folder {path} is read-only; the database cannot be created there",
                                  path=str(path.parent))


def _explain(exc: Exception, target: str) -> DatabaseProblem:
    text = str(exc).lower()
    where = describe(target)
    if "locked" in text or "busy" in text:
        return DatabaseProblem("The database {path} is in use by another program (locked). Close the other "
                               "program and try again.", path=where)
    if "not a database" in text or "malformed" in text:
        return DatabaseProblem("{path} is not a shop database (it may be another kind of file)", path=where)
    if "readonly" in text or "read-only" in text:
        return DatabaseProblem("The database file {path} is read-only; the shop cannot save sales "
                               "there. Check the file's permissions or copy it elsewhere.", path=where)
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return DatabaseProblem("Cannot open the database {path}: {reason}", path=where, reason=reason)


@dataclass
class OpenedDatabase:
    database: pw.Database
    target: str
    created: bool = False
    migrated: list[str] = field(default_factory=list)
    backup: Path | None = None

    @property
    def where(self) -> str:
        return describe(self.target)


def connect(target: str | None = None, busy_timeout_s: float = 5.0, wal: bool = True) -> pw.Database:
    """Connect to ``target`` and bind the models to it, without migrating.  Refuses a bad file.

    ``wal=False``: an existing SQLite file keeps its journal mode (nothing is written to it yet)."""
    target = target or default_target()
    if not is_postgres(target):
        check_sqlite_file(sqlite_path(target))
    database = make_database(target, busy_timeout_s, wal)
    try:
        database.connect()
        if isinstance(database, pw.SqliteDatabase):
            # Touch the schema so that a locked or corrupt file fails here, not mid-sale.
            database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except (pw.OperationalError, pw.DatabaseError, sqlite3.Error) as exc:
        if not database.is_closed():
            database.close()
        raise _explain(exc, target) from None
    proxy.initialize(database)
    return database


def open_database(target: str | None = None, busy_timeout_s: float = 5.0) -> OpenedDatabase:
    """Connect, then create the schema (new database) or back up and migrate (older database).

    A database made by a newer app is refused with a message and left unchanged.
    """
    from db.migrate import upgrade  # the runner imports the models; keep import order simple

    target = target or default_target()
    # A refused file must stay byte for byte as it was: WAL is switched on only once it is accepted.
    database = connect(target, busy_timeout_s, wal=False)
    try:
        created, migrated, backup = upgrade(database, target)
        if isinstance(database, pw.SqliteDatabase):
            database.execute_sql("PRAGMA journal_mode=wal")
    except DatabaseProblem:
        database.close()
        raise
    except (pw.OperationalError, pw.DatabaseError, sqlite3.Error) as exc:
        database.close()
        raise _explain(exc, target) from None
    return OpenedDatabase(database, target, created, migrated, backup)
