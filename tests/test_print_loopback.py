"""The worker against loopback network printers that answer like an Epson (DLE EOT), drop mid-job, never
answer, run out of paper: every receipt comes out once, in order, and the paper equals the preview."""

from __future__ import annotations

from db.connection import OpenedDatabase
from pos_app.printing import outbox
from pos_app.printing.receipt_of import build_receipt
from pos_app.printing.setup import print_test_page, printer_of_till, save_printer
from pos_app.printing.worker import PrintWorker
from receipts.decode import decode
from receipts.render import render_escpos, render_preview
from tests.loopback import Printer, epson_answer
from tests.print_helpers import admin, cash_sale, seller, till_t1


def drain(worker: PrintWorker, limit: int = 200) -> list[str]:
    """Step until nothing is due; the statuses of the steps (the demo's past-day jobs left out)."""
    out = []
    for _ in range(limit):
        step = worker.step()
        if step is None:
            break
        if step.status != "cancelled":
            out.append(step.status)
    return out


def settings():  # type: ignore[no-untyped-def]
    setup = printer_of_till(till_t1().id)
    assert setup is not None
    return setup.config.settings


def test_loopback_answers_status_as_an_epson_does() -> None:
    assert epson_answer(1, "record") == b"\x12"
    assert epson_answer(1, "paper_out") == b"\x1a"
    assert epson_answer(2, "paper_out") == b"\x32"
    assert epson_answer(2, "cover_open") == b"\x16"
    assert epson_answer(4, "paper_out") == b"\x72"


def test_new_printer_set_up_sell_stop_sell_start_every_receipt_once_in_order(demo_db: OpenedDatabase) -> None:
    p = Printer("record")
    try:
        save_printer(admin(), till_t1().id, p.address(paper="58"))
        found = print_test_page(admin(), till_t1().id)
        assert found.printed and found.answers_status is True
        assert printer_of_till(till_t1().id).answers_status is True  # type: ignore[union-attr]
        worker = PrintWorker(till_t1().id, backoff=(0.0,))
        docs = [cash_sale("300"), cash_sale("250")]
        assert drain(worker) == ["printed", "printed"]
        p.stop()  # the printer is switched off; selling goes on
        docs += [cash_sale("300"), cash_sale("211.60")]
        step = worker.step()
        assert step is not None and step.status == "failed" and step.job.doc_uuid == docs[2]
        assert outbox.till_state(till_t1().id).waiting == 2
        p.start()  # switched on again, same address
        worker.retry_now()
        assert drain(worker) == ["printed", "printed"]
        jobs = p.wait_for(5)
        assert len(jobs) == 5  # the self-test page, then each receipt once
        expected = [render_escpos(build_receipt(d), settings()) for d in docs]
        assert jobs[1:] == expected
        for data, doc in zip(jobs[1:], docs, strict=True):
            image = decode(data).image()
            assert image is not None and image.width == 384
            assert image.tobytes() == render_preview(build_receipt(doc), settings()).tobytes()
        copy = outbox.reprint_document(seller(), docs[0], till_t1().id)
        assert drain(worker) == ["printed"]
        reprinted = p.wait_for(6)[5]
        image = decode(reprinted).image()
        assert image is not None
        assert image.tobytes() == render_preview(build_receipt(docs[0], copy=True), settings()).tobytes()
        assert image.tobytes() != decode(jobs[1]).image().tobytes()  # type: ignore[union-attr]
        assert outbox.job(copy).copy
    finally:
        p.stop()


def test_printer_that_never_answers_status_is_found_out_and_gets_sent_not_confirmed(
    demo_db: OpenedDatabase,
) -> None:
    p = Printer("silent")
    try:
        save_printer(admin(), till_t1().id, p.address(timeout="0.5"))
        found = print_test_page(admin(), till_t1().id)
        assert found.printed and found.answers_status is False
        worker = PrintWorker(till_t1().id)
        doc = cash_sale()
        assert drain(worker) == ["sent"]
        assert p.wait_for(2)[-1] == render_escpos(build_receipt(doc), settings())
    finally:
        p.stop()


def test_printer_dropping_mid_job_may_have_printed_and_the_next_goes_on(demo_db: OpenedDatabase) -> None:
    p = Printer("drop", drop_after=2000)
    try:
        save_printer(admin(), till_t1().id, p.address())
        worker = PrintWorker(till_t1().id)
        first = cash_sale()
        assert drain(worker) == ["uncertain"]
        p.mode = "record"
        second = cash_sale()
        assert drain(worker) == ["printed"]
        assert [j.doc_uuid for j in outbox.till_state(till_t1().id).problems] == [first]
        assert outbox.jobs_of_document(second)[0].status == "printed"
    finally:
        p.stop()


def test_paper_out_fails_with_the_reason_and_prints_once_when_paper_is_in(demo_db: OpenedDatabase) -> None:
    p = Printer("paper_out")
    try:
        save_printer(admin(), till_t1().id, p.address())
        worker = PrintWorker(till_t1().id)
        doc = cash_sale()
        assert drain(worker) == ["failed"]  # then it backs off
        problem = outbox.till_state(till_t1().id).problems[0]
        assert problem.reason == f"เครื่องพิมพ์ที่ tcp://127.0.0.1:{p.port} กระดาษหมด"
        p.mode = "record"  # paper in
        worker.retry_now()
        statuses = drain(worker)
        assert statuses == ["printed"]
        assert p.jobs() == [render_escpos(build_receipt(doc), settings())]  # nothing of it went out before
    finally:
        p.stop()


def test_device_answering_garbage_is_not_taken_for_a_printer(demo_db: OpenedDatabase) -> None:
    p = Printer("garbage")
    try:
        save_printer(admin(), till_t1().id, p.address())
        found = print_test_page(admin(), till_t1().id)
        assert not found.printed and found.error is not None
        assert "สถานะ" in found.error.message
        assert printer_of_till(till_t1().id).answers_status is None  # type: ignore[union-attr]
    finally:
        p.stop()
