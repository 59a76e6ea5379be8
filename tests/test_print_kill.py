"""A print worker killed (a process of its own, killed hard) with jobs queued, and in the middle of a job:
nothing is lost, nothing prints twice; the job it was printing is shown as "may have printed"."""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from db.connection import OpenedDatabase
from pos_app.printing import outbox
from pos_app.printing.receipt_of import build_receipt
from pos_app.printing.setup import printer_of_till, save_printer
from pos_app.printing.worker import PrintWorker
from receipts.render import render_escpos
from tests.conftest import NOW
from tests.loopback import Printer
from tests.print_helpers import admin, cash_sale, till_t1

ROOT = Path(__file__).resolve().parent.parent


def start_worker(target: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "tests.print_worker_child", target, str(till_t1().id),
                             NOW.isoformat()], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_until(check: Callable[[], bool], seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError("timed out waiting")


def status(doc: uuid.UUID) -> str:
    return outbox.jobs_of_document(doc)[0].status


def expected(docs: list[uuid.UUID]) -> list[bytes]:
    setup = printer_of_till(till_t1().id)
    assert setup is not None
    return [render_escpos(build_receipt(d), setup.config.settings) for d in docs]


def finish_in_process() -> list[str]:
    worker = PrintWorker(till_t1().id, backoff=(0.0,))
    out = []
    while (step := worker.step()) is not None:
        out.append(step.status)
    return out


def test_killed_mid_job_it_may_have_printed_and_is_never_printed_again(demo_db: OpenedDatabase) -> None:
    p = Printer("hang")  # takes the job, then never answers the status question after it
    child = None
    try:
        save_printer(admin(), till_t1().id, p.address(timeout="30"))
        docs = [cash_sale("300"), cash_sale("250"), cash_sale("211.60")]
        child = start_worker(demo_db.target)
        wait_until(lambda: status(docs[0]) == "printing" and len(p.jobs()) == 1)
        child.kill()
        child.wait(10)
        assert status(docs[0]) == "printing" and status(docs[1]) == "queued"
        p.mode = "record"
        assert finish_in_process() == ["printed", "printed"]  # recovery marks the first, prints the rest
        assert [status(d) for d in docs] == ["uncertain", "printed", "printed"]
        assert p.wait_for(3) == expected(docs)  # each exactly once, in order
        problem = outbox.till_state(till_t1().id).problems
        assert [j.doc_uuid for j in problem] == [docs[0]] and problem[0].status_text == "อาจพิมพ์ไปแล้ว"
    finally:
        if child is not None and child.poll() is None:
            child.kill()
        p.stop()


def test_killed_with_jobs_queued_loses_nothing(demo_db: OpenedDatabase) -> None:
    p = Printer("record")
    p.stop()  # switched off: the worker can only fail and wait
    child = None
    try:
        save_printer(admin(), till_t1().id, p.address())
        docs = [cash_sale("300"), cash_sale("250"), cash_sale("211.60")]
        child = start_worker(demo_db.target)
        wait_until(lambda: status(docs[0]) == "failed")
        child.kill()
        child.wait(10)
        assert [status(d) for d in docs] in (["failed", "queued", "queued"], ["printing", "queued", "queued"])
        p.start()
        statuses = finish_in_process()
        assert [status(d) for d in docs][1:] == ["printed", "printed"]
        if statuses[0] == "printed":  # killed between two tries: the first one prints now, once
            assert p.wait_for(3) == expected(docs)
        else:  # killed while trying (after "printing"): it may have printed → shown, not repeated
            assert status(docs[0]) == "uncertain" and p.wait_for(2) == expected(docs[1:])
    finally:
        if child is not None and child.poll() is None:
            child.kill()
        p.stop()
