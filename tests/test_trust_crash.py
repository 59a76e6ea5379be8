"""Crash safety: a selling process killed (SIGKILL on Linux, TerminateProcess on Windows) at random instants,
50 rounds in a row on SQLite.  After each kill the books open, ``verify`` passes (every chain, every total,
every document with its link), every sale is whole (lines, payment, stock rows) or absent, receipt numbers
stay gapless, and every sale the process reported as committed is there (nothing committed is lost)."""

from __future__ import annotations

import random
import subprocess
import sys
import time

import pytest

from db.connection import OpenedDatabase, open_database
from db.models import Payment, Sale, SaleLine, StockMovement, Till
from pos_app.trust import verify
from tests.test_trust_concurrency import ROOT

ROUNDS = 50  # the "50 rounds in a row"; each round starts a fresh Python (~1 s on CI)


@pytest.mark.timeout(900)  # a loaded CI machine: slow is not wrong here; a hang still ends
@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_kill_a_selling_till_at_random_instants(demo_db: OpenedDatabase) -> None:
    target = demo_db.target
    demo_db.database.close()
    rng = random.Random(19)
    reported = 0
    for round_no in range(ROUNDS):
        proc = subprocess.Popen([sys.executable, "-m", "tests.trust_crash_seller", target], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
        time.sleep(rng.uniform(0.0, 0.12))
        proc.kill()
        out, _errors = proc.communicate()
        sold = [int(line.split()[1]) for line in out.splitlines() if line.startswith("sold")]
        if sold:
            reported = max(reported, sold[-1])
        opened = open_database(target)  # the books open after the crash
        try:
            report = verify()
            assert report.ok, (round_no, report.lines())
            till = Till.get(Till.code == "T1")
            numbers = [s.number for s in Sale.select(Sale.number).where(Sale.till == till).order_by(Sale.number)]
            assert numbers == list(range(1, till.last_receipt_no + 1))
            assert till.last_receipt_no >= reported  # nothing reported as committed was lost
            last = Sale.get((Sale.till == till) & (Sale.number == till.last_receipt_no))
            assert SaleLine.select().where(SaleLine.sale == last).count() >= 1
            assert Payment.select().where(Payment.sale == last).count() == 1
            assert StockMovement.select().where(StockMovement.document_uuid == last.uuid).count() >= 1
        finally:
            opened.database.close()
    assert reported > ROUNDS  # the kills did land while sales were being made
