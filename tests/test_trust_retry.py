"""Write transactions under contention: retried with back-off, then a translated message, never a raw
database error.  Real contention on both engines (a second connection holding the lock)."""

from __future__ import annotations

import sqlite3
import threading

import peewee as pw
import psycopg2
import pytest

from db.connection import OpenedDatabase, connect
from db.models import Till
from pos_app.trust import TillBusy, write_transaction
from pos_app.trust.retry import is_contention, retrying


class Locked(pw.OperationalError):
    pass


def test_contention_is_retried_then_succeeds(empty_db: OpenedDatabase) -> None:
    calls, waits = [], []

    def fn() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise Locked("database is locked")
        return "saved"

    assert write_transaction(fn, sleep=waits.append, first_wait_s=0.1) == "saved"
    assert len(calls) == 3 and len(waits) == 2
    assert 0.05 <= waits[0] <= 0.15 and 0.1 <= waits[1] <= 0.3  # doubling, with ±50 % jitter


def test_contention_that_lasts_becomes_a_thai_message(empty_db: OpenedDatabase) -> None:
    def fn() -> None:
        raise Locked("database is locked")

    with pytest.raises(TillBusy) as err:
        write_transaction(fn, attempts=4, sleep=lambda s: None)
    assert str(err.value) == "มีเครื่องขายอื่นกำลังบันทึกอยู่ กรุณาลองใหม่อีกครั้ง"
    assert err.value.__cause__ is None


def test_other_database_errors_are_not_retried(empty_db: OpenedDatabase) -> None:
    calls = []

    def fn() -> None:
        calls.append(1)
        raise pw.IntegrityError("UNIQUE constraint failed")

    with pytest.raises(pw.IntegrityError):
        write_transaction(fn, sleep=lambda s: None)
    assert calls == [1]
    assert not is_contention(pw.OperationalError("no such table: x"))


def _add_till_row() -> int:
    from db.models import NetworkGroup, Shop

    g = NetworkGroup.create(code="G", name_th="ก", name_en="G")
    s = Shop.create(group=g, code="S", name_th="ร", name_en="S")
    return int(Till.create(shop=s, code="T1", name="T1").id)


def test_real_contention_waits_for_the_other_till(empty_db: OpenedDatabase, backend: str) -> None:
    till = _add_till_row()
    target = empty_db.target
    release = threading.Event()
    if backend == "sqlite":
        empty_db.database.close()
        connect(target, busy_timeout_s=0.05)  # this till gives up on a lock quickly and retries
        holder = sqlite3.connect(target, isolation_level=None, check_same_thread=False)
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("UPDATE till SET name = 'other' WHERE id = ?", (till,))
    else:
        holder = psycopg2.connect(target)
        holder.cursor().execute("SELECT * FROM till WHERE id = %s FOR UPDATE", (till,))

    def let_go() -> None:
        release.wait(0.4)
        holder.commit() if backend == "postgres" else holder.execute("COMMIT")

    t = threading.Thread(target=let_go)
    t.start()

    @retrying
    def bump(n: int) -> int:
        if backend == "postgres":
            Till._meta.database.execute_sql("SET LOCAL lock_timeout = '50ms'")
        Till.update(last_receipt_no=Till.last_receipt_no + n).where(Till.id == till).execute()
        return int(Till.get_by_id(till).last_receipt_no)

    try:
        assert bump(1) == 1
    finally:
        t.join()
        holder.close()
