"""Many tills, one database: one running app per till, any number of tills selling at once, and the books
still verify — on SQLite and PostgreSQL, with real separate processes."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from db.connection import OpenedDatabase
from db.models import Sale, Shop, Till
from pos_app.trust import verify
from pos_app.trust.lock import TillInUse, lock_till

ROOT = Path(__file__).resolve().parent.parent
HOLD = ("import sys, time\nfrom pos_app.trust.lock import lock_till\n"
        "lock = lock_till(sys.argv[1], sys.argv[2])\nprint('held', flush=True)\ntime.sleep(60)\n")


def hold_in_another_process(target: str, till: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, target, till], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_start_on_the_same_till_is_refused(demo_db: OpenedDatabase) -> None:
    other = hold_in_another_process(demo_db.target, "T1")
    try:
        with pytest.raises(TillInUse) as err:
            lock_till(demo_db.target, "T1")
        assert "T1" in str(err.value) and "เปิดอยู่แล้ว" in str(err.value)
        lock_till(demo_db.target, "K1").release()  # another till of the same books starts fine
    finally:
        other.kill()
        other.wait()
    lock_till(demo_db.target, "T1").release()  # a killed app leaves no stale lock


def test_the_same_till_twice_in_one_process_is_refused(demo_db: OpenedDatabase) -> None:
    with lock_till(demo_db.target, "T1"):
        with pytest.raises(TillInUse):
            lock_till(demo_db.target, "T1")
    lock_till(demo_db.target, "T1").release()


def test_many_tills_sell_at_once_and_the_books_verify(demo_db: OpenedDatabase) -> None:
    shop = Shop.get_by_id(Till.get(Till.code == "T1").shop_id)
    for code in ("T2", "T3"):
        Till.create(shop=shop, code=code, name=code)
    before = {t.code: t.last_receipt_no for t in Till.select()}
    per_till = 12
    procs = [subprocess.Popen([sys.executable, "-m", "tests.trust_seller", demo_db.target, code, str(per_till)],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for code in ("T1", "T2", "T3")]
    deadline = time.monotonic() + 120
    outs = [p.communicate(timeout=max(1, deadline - time.monotonic())) for p in procs]
    for p, (out, errors) in zip(procs, outs, strict=True):
        assert p.returncode == 0, errors
        assert "Traceback" not in errors
        assert len(out.split()) == 2 * per_till
    for code in ("T1", "T2", "T3"):
        till = Till.get(Till.code == code)
        numbers = sorted(s.number for s in Sale.select(Sale.number).where(Sale.till == till))
        assert numbers == list(range(1, before[code] + per_till + 1))
        assert till.last_receipt_no == before[code] + per_till
    report = verify()
    assert report.ok, report.lines()
    assert report.chains == 4  # T1, T2, T3 and the computer's chain (opening stock)


def test_the_till_window_refuses_a_second_start(demo_db: OpenedDatabase) -> None:
    import os

    demo_db.database.close()
    other = hold_in_another_process(demo_db.target, "T1")
    try:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", POS_EXIT_WHEN_READY="1")
        done = subprocess.run([sys.executable, "-m", "ui", "--database", demo_db.target, "--till", "T1"], cwd=ROOT,
                              env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 2 and "Traceback" not in done.stderr
        assert "เครื่องขาย T1 เปิดอยู่แล้ว" in done.stderr
        ok = subprocess.run([sys.executable, "-m", "ui", "--database", demo_db.target, "--till", "K1"], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=120)
        assert ok.returncode == 0, ok.stderr
    finally:
        other.kill()
        other.wait()
