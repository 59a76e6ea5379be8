"""Write transactions that survive contention: retry with back-off, then a translated message.

``write_transaction(fn)`` runs ``fn()`` inside ``database.atomic()``; when the database is busy (SQLite
"database is locked", PostgreSQL serialization failures, deadlocks, lock time-outs) it rolls back, waits
(exponential back-off with jitter) and tries again; after the last try it raises :class:`TillBusy`
("another till is saving, try again") — never a raw database error.  ``@retrying`` is the decorator form.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

import peewee as pw

from db.models import database
from pos_app.errors import PosError
from resources.i18n import N_

T = TypeVar("T")
P = ParamSpec("P")
RETRY_PGCODES = frozenset({"40001", "40P01", "55P03"})  # serialization failure, deadlock, lock not available


class TillBusy(PosError):
    """The database stayed busy through every retry (another till was saving)."""


def is_contention(exc: BaseException) -> bool:
    """Is ``exc`` a database saying "busy, try again" (rather than a real error)?"""
    pgcode = getattr(exc, "pgcode", None) or getattr(getattr(exc, "orig", None), "pgcode", None)
    if pgcode is None and exc.__cause__ is not None:
        pgcode = getattr(exc.__cause__, "pgcode", None)
    if pgcode in RETRY_PGCODES:
        return True
    if isinstance(exc, pw.OperationalError | sqlite3.OperationalError):
        text = str(exc).lower()
        return "locked" in text or "busy" in text
    return False


def write_transaction(fn: Callable[[], T], attempts: int = 6, first_wait_s: float = 0.05,
                      max_wait_s: float = 1.0, sleep: Callable[[float], None] = time.sleep) -> T:
    """Run ``fn`` in one write transaction, retrying on contention; :class:`TillBusy` after ``attempts``.

    Called inside a transaction already, it runs ``fn`` once in a savepoint (the outer one is retried)."""
    if database.in_transaction():  # inside someone's transaction: that one retries as a whole
        with database.atomic():
            return fn()
    wait = first_wait_s
    for attempt in range(1, attempts + 1):
        try:
            with database.atomic():
                return fn()
        except (pw.OperationalError, pw.DatabaseError, sqlite3.OperationalError) as exc:
            if not is_contention(exc):
                raise
            if attempt == attempts:
                raise TillBusy(N_("Another till is saving right now. Please try again.")) from None
        sleep(wait * (0.5 + random.random()))
        wait = min(wait * 2, max_wait_s)
    raise AssertionError("unreachable")


def retrying(fn: Callable[P, T]) -> Callable[P, T]:
    """Decorator form of :func:`write_transaction` (the arguments are passed through)."""

    @wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        return write_transaction(lambda: fn(*args, **kwargs))

    return wrapper
