"""Two tills taking the same lot at once (PostgreSQL): a take reads its lots' balance rows FOR UPDATE and holds
them until its document commits, so a second till waits instead of picking the same last units
(pos_app.stock.picking.read_for).  SQLite needs no row locks: ``BEGIN IMMEDIATE`` lets one writer in at a
time.  A second connection asks for the same rows with NOWAIT: refused while the take is open, granted after."""

from __future__ import annotations

import datetime as dt

import psycopg2
import psycopg2.errors
import pytest

from db.connection import OpenedDatabase
from db.models import database
from pos_app.stock import picking
from pos_app.stock.ledger import Movement
from tests.stock_support import buy, new_item, shop

MARKET = "BHS-MARKET"


def _grab(target: str, lot_id: int) -> bool:
    """Whether another connection can lock the lot's balance rows right now (NOWAIT: no waiting)."""
    other = psycopg2.connect(target)
    try:
        with other.cursor() as cur:
            cur.execute('SELECT "quantity" FROM "stock_balance" WHERE "lot_id" = %s FOR UPDATE NOWAIT', (lot_id,))
            assert cur.fetchall() == [(10,)]
        return True
    except psycopg2.errors.LockNotAvailable:
        return False
    finally:
        other.rollback()
        other.close()


def test_a_take_holds_its_lots_until_its_document_commits(demo_db: OpenedDatabase, backend: str) -> None:
    if backend != "postgres":
        pytest.skip("SQLite has no row locks: BEGIN IMMEDIATE admits one writer at a time")
    salt = new_item("BHS", name="เกลือ")
    lot = buy(MARKET, salt, 10, 1000).lot_id
    day = dt.date(2026, 11, 24)
    assert _grab(demo_db.target, lot)  # nobody holds it
    with database.atomic():
        known = picking.read_for([Movement(salt.id, -3)], shop(MARKET).id, day)
        assert [(x.id, held) for x, held in known.fefo[salt.id]] == [(lot, 10)]
        assert not _grab(demo_db.target, lot)  # the take holds the row
    assert _grab(demo_db.target, lot)  # released at commit
