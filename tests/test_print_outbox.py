"""The outbox and the worker with a recording sender (no network): the job is in the sale's transaction,
statuses, order, back-off, "may have printed", reprints marked COPY, documents, stale jobs."""

from __future__ import annotations

import uuid

import peewee as pw
import pytest

from db.connection import OpenedDatabase
from db.models import Sale, database
from db.models.printing import PrintEvent, PrintJob
from db.models.trust import AuditEntry
from pos_app.errors import InputError, NotFound, PermissionDenied
from pos_app.money import Money
from pos_app.printing import outbox
from pos_app.printing.drawer import open_drawer
from pos_app.printing.receipt_of import build_receipt
from pos_app.printing.setup import save_printer
from pos_app.printing.worker import PrintWorker
from pos_app.selling import sales
from receipts.decode import decode
from receipts.document import Receipt, Text
from receipts.errors import PrinterDropped, PrinterOffline
from receipts.printers import PrinterConfig
from receipts.render import render_escpos
from tests.print_helpers import admin, cash_sale, seller, three_line_cart, till_t1, treasurer

DRAWER_PIN2 = b"\x1bp\x00"


class FakePrinter:
    """A sender that records jobs, or raises the errors it is given, one per call."""

    def __init__(self, answers_status: bool = True) -> None:
        self.jobs: list[bytes] = []
        self.errors: list[Exception] = []

    def __call__(self, config: PrinterConfig, data: bytes) -> None:
        if self.errors:
            raise self.errors.pop(0)
        self.jobs.append(data)


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def setup_printer(address: str = "tcp://127.0.0.1:9?timeout=1") -> None:
    save_printer(admin(), till_t1().id, address)


def settle_demo(worker: PrintWorker) -> None:
    """The demo's past days queued receipts: the worker cancels them (an earlier day) without printing."""
    while (step := worker.step()) is not None and step.status == "cancelled":
        pass


def test_sale_queues_its_receipt_in_its_own_transaction(demo_db: OpenedDatabase) -> None:
    before = PrintJob.select().count()
    doc = cash_sale()
    jobs = list(PrintJob.select().where(PrintJob.doc_uuid == doc))
    assert len(jobs) == 1 and jobs[0].kind == "receipt" and not jobs[0].copy
    assert PrintJob.select().count() == before + 1
    status = outbox.jobs_of_document(doc)[0]
    assert (status.status, status.label, status.status_text) == ("queued", f"ใบเสร็จ {status.number:06d}", "รอพิมพ์")


def test_a_sale_that_rolls_back_leaves_no_job(demo_db: OpenedDatabase, monkeypatch: pytest.MonkeyPatch) -> None:
    before = PrintJob.select().count()

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(sales, "record", boom)
    with pytest.raises(RuntimeError):
        sales.commit_sale(seller(), till_t1().id, three_line_cart(), Money.parse("300"))
    assert PrintJob.select().count() == before


def test_saving_the_same_cart_twice_queues_one_receipt(demo_db: OpenedDatabase) -> None:
    cart = three_line_cart()
    sales.commit_sale(seller(), till_t1().id, cart, Money.parse("300"))
    again = sales.commit_sale(seller(), till_t1().id, cart, Money.parse("300"))
    assert again.already_saved
    assert PrintJob.select().where(PrintJob.doc_uuid == cart.uuid).count() == 1


def test_outbox_rows_are_append_only(demo_db: OpenedDatabase) -> None:
    cash_sale()
    with pytest.raises(pw.DatabaseError), database.atomic():
        PrintJob.update(copy=True).execute()
    with pytest.raises(pw.DatabaseError), database.atomic():
        PrintJob.delete().execute()


def test_worker_prints_in_order_and_marks_them_printed(demo_db: OpenedDatabase) -> None:
    setup_printer()
    fake = FakePrinter()
    worker = PrintWorker(till_t1().id, send=fake, monotonic=Clock())
    settle_demo(worker)
    assert fake.jobs == []  # nothing of the earlier days printed
    docs = [cash_sale("300"), cash_sale("250"), cash_sale("211.60")]
    steps = [worker.step(), worker.step(), worker.step(), worker.step()]
    assert [s.status if s else None for s in steps] == ["printed", "printed", "printed", None]
    assert [s.job.doc_uuid for s in steps if s] == docs
    assert fake.jobs == [render_escpos(build_receipt(d), worker_settings()) for d in docs]
    assert [e.status for e in PrintEvent.select().join(PrintJob).where(PrintJob.doc_uuid == docs[0])
            .order_by(PrintEvent.seq)] == ["printing", "printed"]


def worker_settings():  # type: ignore[no-untyped-def]
    from pos_app.printing.setup import printer_of_till

    setup = printer_of_till(till_t1().id)
    assert setup is not None
    return setup.config.settings


def test_offline_printer_keeps_the_head_job_and_backs_off(demo_db: OpenedDatabase) -> None:
    setup_printer()
    fake, clock = FakePrinter(), Clock()
    worker = PrintWorker(till_t1().id, send=fake, monotonic=clock)
    settle_demo(worker)
    first, second = cash_sale("300"), cash_sale("300")
    fake.errors = [PrinterOffline("The printer at {address} cannot be reached: is it switched on and "
                                  "connected? ({detail})", address="tcp://127.0.0.1:9", detail="refused")] * 3
    s1 = worker.step()
    assert s1 is not None and (s1.status, s1.retry_in, s1.job.doc_uuid) == ("failed", 2.0, first)
    assert worker.step() is None  # backing off: nothing tried, the second job waits behind the first
    clock.t += 2.0
    s2 = worker.step()
    assert s2 is not None and (s2.status, s2.retry_in) == ("failed", 4.0)
    clock.t += 4.0
    s3 = worker.step()
    assert s3 is not None and (s3.status, s3.retry_in) == ("failed", 8.0)
    state = outbox.till_state(till_t1().id)
    assert state.waiting == 2 and state.problems[0].doc_uuid == first
    assert "127.0.0.1" in state.problems[0].reason and "ติดต่อเครื่องพิมพ์" in state.problems[0].reason
    worker.retry_now()  # the seller switched it on and pressed "try again"
    assert [worker.step().job.doc_uuid, worker.step().job.doc_uuid] == [first, second]  # type: ignore[union-attr]
    assert len(fake.jobs) == 2 and outbox.till_state(till_t1().id).waiting == 0


def test_connection_lost_mid_job_may_have_printed_and_is_never_retried(demo_db: OpenedDatabase) -> None:
    setup_printer()
    fake = FakePrinter()
    worker = PrintWorker(till_t1().id, send=fake, monotonic=Clock())
    settle_demo(worker)
    first, second = cash_sale("300"), cash_sale("300")
    dropped = PrinterDropped("The connection to the printer at {address} was lost during printing; "
                             "part of the receipt may have printed", address="x")
    dropped.started = True
    fake.errors = [dropped]
    s1 = worker.step()
    assert s1 is not None and s1.status == "uncertain"
    s2 = worker.step()
    assert s2 is not None and s2.job.doc_uuid == second and s2.status == "printed"
    assert worker.step() is None  # the uncertain one is not printed again by itself
    problems = outbox.till_state(till_t1().id).problems
    assert [(p.doc_uuid, p.status_text) for p in problems] == [(first, "อาจพิมพ์ไปแล้ว")]
    copy_job = outbox.reprint(seller(), problems[0].job_uuid)  # "Did it print? Reprint"
    s3 = worker.step()
    assert s3 is not None and s3.job.job_uuid == copy_job and s3.job.copy and s3.status == "printed"
    assert outbox.job(problems[0].job_uuid).status == "resolved"
    assert outbox.till_state(till_t1().id).problems == ()
    printed_copy = fake.jobs[-1]
    assert DRAWER_PIN2 not in printed_copy  # a reprint never opens the drawer
    assert DRAWER_PIN2 in fake.jobs[0]  # the original cash receipt did
    preview = decode(printed_copy).image()
    assert preview is not None
    from receipts.render import render_preview

    assert preview.tobytes() == render_preview(build_receipt(first, copy=True), worker_settings()).tobytes()


def test_printer_without_status_gives_sent_not_confirmed(demo_db: OpenedDatabase) -> None:
    setup_printer("tcp://127.0.0.1:9?timeout=1&status=off")
    worker = PrintWorker(till_t1().id, send=FakePrinter(), monotonic=Clock())
    settle_demo(worker)
    cash_sale()
    step = worker.step()
    assert step is not None and step.status == "sent"
    assert outbox.job(step.job.job_uuid).status_text == "ส่งแล้ว (เครื่องพิมพ์ไม่ยืนยัน)"


def test_no_printer_set_up_is_a_failure_that_keeps_the_job(demo_db: OpenedDatabase) -> None:
    fake = FakePrinter()
    worker = PrintWorker(till_t1().id, send=fake, monotonic=Clock())
    settle_demo(worker)
    cash_sale()
    step = worker.step()
    assert step is not None and step.status == "failed"
    assert outbox.job(step.job.job_uuid).reason == "ยังไม่ได้ตั้งค่าเครื่องพิมพ์ของเครื่องขายนี้"
    assert outbox.till_state(till_t1().id).waiting == 1 and fake.jobs == []


def test_documents_print_through_the_same_outbox(demo_db: OpenedDatabase) -> None:
    setup_printer()
    fake = FakePrinter()
    worker = PrintWorker(till_t1().id, send=fake, monotonic=Clock())
    settle_demo(worker)
    report = Receipt((Text("รายงาน X", align="center"), Text("เงินสดในลิ้นชัก ฿1,250.00")))
    job = outbox.enqueue_document("x_report", report, till_id=till_t1().id, actor=treasurer())
    step = worker.step()
    assert step is not None and step.job.job_uuid == job and step.status == "printed"
    assert fake.jobs == [render_escpos(report, worker_settings())]
    assert outbox.job(job).label == "รายงาน X"
    with pytest.raises(InputError):
        outbox.enqueue_document("", report, till_id=till_t1().id)


def test_reprint_from_history_is_a_copy(demo_db: OpenedDatabase) -> None:
    doc = cash_sale()
    job = outbox.reprint_document(seller(), doc, till_t1().id)
    status = outbox.job(job)
    assert status.copy and status.label.endswith("(สำเนา)")
    with pytest.raises(NotFound):
        outbox.reprint_document(seller(), uuid.uuid4(), till_t1().id)


def test_no_sale_drawer_opening_needs_a_reason_and_the_right(demo_db: OpenedDatabase) -> None:
    setup_printer()
    fake = FakePrinter()
    worker = PrintWorker(till_t1().id, send=fake, monotonic=Clock())
    settle_demo(worker)
    with pytest.raises(PermissionDenied):
        open_drawer(seller(), till_t1().id, "แลกเหรียญ")
    with pytest.raises(InputError):
        open_drawer(treasurer(), till_t1().id, "   ")
    job = open_drawer(treasurer(), till_t1().id, "แลกเหรียญให้ร้านข้าง ๆ")
    entry = AuditEntry.get(AuditEntry.kind == "no_sale")
    assert (entry.subject, entry.till_id, entry.user_id) == ("แลกเหรียญให้ร้านข้าง ๆ", till_t1().id, treasurer().user_id)
    assert str(job) in entry.detail
    from pos_app.trust import audit

    shown = audit.entries(["no_sale"])[0]
    assert (shown.user, shown.till, shown.detail["reason"]) == ("wanna", "T1", "แลกเหรียญให้ร้านข้าง ๆ")
    assert worker.step() is not None
    assert fake.jobs == [b"\x1b@\x1bp\x00\x32\x32"]  # ESC @, then ESC p pin 2, 100 ms = 50 × 2 ms


def test_jobs_from_an_earlier_day_are_not_printed_by_themselves(demo_db: OpenedDatabase) -> None:
    setup_printer()
    fake = FakePrinter()
    worker = PrintWorker(till_t1().id, send=fake, monotonic=Clock())
    past = [j for j in outbox.open_jobs(till_t1().id)]
    assert len(past) == Sale.select().count()  # the demo's week: one receipt job per saved document
    settle_demo(worker)
    assert fake.jobs == [] and outbox.open_jobs(till_t1().id) == []
    assert outbox.job(past[0].job_uuid).status == "cancelled"


def test_printer_set_up_is_audited_and_needs_the_settings_right(demo_db: OpenedDatabase) -> None:
    from pos_app.trust import audit

    with pytest.raises(PermissionDenied):
        save_printer(seller(), till_t1().id, "tcp://127.0.0.1:9100")
    setup_printer("tcp://192.168.1.50:9100?paper=58")
    entry = audit.entries(["setting_change"])[0]
    assert (entry.user, entry.till, entry.subject) == ("admin", "T1", "receipt printer")
    assert entry.detail["address"] == "tcp://192.168.1.50:9100?paper=58"


def test_no_drawer_no_opening(demo_db: OpenedDatabase) -> None:
    with pytest.raises(InputError) as err:
        open_drawer(treasurer(), till_t1().id, "แลกเหรียญ")
    assert err.value.message == "เครื่องขายนี้ไม่ได้ตั้งค่าลิ้นชักเก็บเงิน"
    save_printer(admin(), till_t1().id, "tcp://127.0.0.1:9100", drawer=False)
    with pytest.raises(InputError):
        open_drawer(treasurer(), till_t1().id, "แลกเหรียญ")
    assert PrintJob.select().where(PrintJob.kind == "drawer").count() == 0
