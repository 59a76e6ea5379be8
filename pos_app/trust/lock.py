"""One running app per till: a lock held for as long as the app runs.

SQLite: a lock file beside the database (``shop.sqlite3.T1.lock``) locked by the operating system (a byte
lock with ``msvcrt.locking`` on Windows, ``flock`` elsewhere — what the ``filelock`` library does, in a few
lines: importing that library cost the till's start ~25 ms); the lock goes with the process, so a crash never
leaves a stale lock.
PostgreSQL: a session advisory lock (``pg_try_advisory_lock``) on a connection of its own, keyed by the
till, so any number of tills share one server but the same till cannot start twice anywhere.
A second start is refused at once with :class:`TillInUse` (a clear, translated message).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import sys
from pathlib import Path
from types import TracebackType
from typing import Any

from db.connection import describe, is_postgres, sqlite_path
from pos_app.errors import PosError
from resources.i18n import N_


class TillInUse(PosError):
    """The till is already open in another window or on another computer."""


def advisory_key(till_code: str) -> int:
    """A stable signed 64-bit key for the till's PostgreSQL advisory lock."""
    return int.from_bytes(hashlib.sha256(f"pos-app till {till_code}".encode()).digest()[:8], "big", signed=True)


def lock_path(target: str, till_code: str) -> Path:
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", till_code) or "till"
    path = sqlite_path(target)
    return path.with_name(f"{path.name}.{safe}.lock")


CONTENTION = {errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EDEADLK}  # "held by someone else"


def _lock_file(path: Path) -> int | None:
    """Lock ``path`` (created if need be) for this open file; its descriptor, or None when another process or
    another open file of this process holds it.  Closing the descriptor (or the process ending) unlocks it."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # byte 0; the position stays 0 (nothing is written)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(fd)
        if exc.errno in CONTENTION:
            return None
        raise
    return fd


def _unlock_file(fd: int) -> None:
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


class TillLock:
    def __init__(self, target: str, till_code: str) -> None:
        self.target, self.till_code = target, till_code
        self._file: int | None = None
        self._conn: Any = None

    def acquire(self) -> TillLock:
        refused = TillInUse(N_("Till {till} is already open (in another window or on another computer using "
                               "{where}). Close it there first, or start this computer as another till."),
                            till=self.till_code, where=describe(self.target))
        if is_postgres(self.target):
            import psycopg2

            conn = psycopg2.connect(self.target)
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute("SELECT pg_try_advisory_lock(%s)", (advisory_key(self.till_code),))
                row = cur.fetchone()
            if not row or not row[0]:
                conn.close()
                raise refused
            self._conn = conn
            return self
        fd = _lock_file(lock_path(self.target, self.till_code))
        if fd is None:
            raise refused
        self._file = fd
        return self

    def release(self) -> None:
        if self._conn is not None:
            self._conn.close()  # ends the session: the advisory lock goes with it
            self._conn = None
        if self._file is not None:
            _unlock_file(self._file)
            self._file = None

    @property
    def held(self) -> bool:
        return self._conn is not None or self._file is not None

    def __enter__(self) -> TillLock:
        return self.acquire() if not self.held else self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()


def lock_till(target: str, till_code: str) -> TillLock:
    """Take the till's lock or raise :class:`TillInUse`; keep the returned lock for as long as the app runs."""
    return TillLock(target, till_code).acquire()
