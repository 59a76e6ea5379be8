"""peewee without psycopg2 until a PostgreSQL database is opened.

peewee imports psycopg2 (and with it ssl, socket…) as it is first imported: ~25 ms of every start of the till,
which on SQLite never uses it.  :func:`import_peewee` (run by ``db/__init__.py``, before any model) imports
peewee with psycopg2 hidden; :func:`enable_postgres` (``db.connection.make_database`` calls it for a
PostgreSQL URL) then imports psycopg2 and gives peewee what its own import would have: the same five names
and the UUID adapter.  A process that imported psycopg2 before peewee (the tests' conftest) gets peewee's own.
"""

from __future__ import annotations

import sys
from typing import Any


def import_peewee() -> None:
    if "peewee" in sys.modules or "psycopg2" in sys.modules:
        return
    sys.modules["psycopg2"] = None  # type: ignore[assignment]  # `import psycopg2` raises ImportError
    try:
        import peewee  # noqa: F401
    finally:
        if sys.modules.get("psycopg2", False) is None:
            del sys.modules["psycopg2"]


def enable_postgres() -> None:
    """Give peewee psycopg2 (what ``import peewee`` does when psycopg2 is there); a no-op when it has it."""
    import peewee

    pw: Any = peewee  # the module's own globals, set as its import would have
    if pw.psycopg2 is not None:
        return
    import psycopg2
    from psycopg2 import extensions
    from psycopg2.extras import Json, register_uuid

    register_uuid()
    pw.pg_extensions, pw.pg_register_uuid, pw.Json_pg2 = extensions, register_uuid, Json
    adapter = pw.Psycopg2Adapter
    adapter.txn_idle = extensions.TRANSACTION_STATUS_IDLE
    adapter.txn_inerror = extensions.TRANSACTION_STATUS_INERROR
    adapter.txn_unknown = extensions.TRANSACTION_STATUS_UNKNOWN
    pw.psycopg2 = psycopg2  # last: the sign that peewee has it
