"""The print worker: empties one till's outbox, in order, off the UI thread (Qt-free; the UI runs
:meth:`PrintWorker.run` on a thread of its own and listens to :class:`PrintStatusChanged`).

Rules, so that a printer problem never loses, blocks or doubles a sale:

* Jobs print oldest first.  A job that fails before a byte reached the printer (offline, no answer, paper
  out, cover open) stays at the head and is retried with a back-off (2, 4, 8 … 60 s, or at once when
  woken): the receipts behind it wait, so the paper keeps the order of the sales.
* Before sending, the worker writes ``printing``; after, ``printed`` (the printer confirmed its status) or
  ``sent`` (a printer or spooler that answers no status).  A job found ``printing`` at start — the app died
  while printing — becomes ``uncertain`` ("may have printed"), as does one whose connection broke mid-job:
  never printed again by itself, offered to the seller for a reprint marked สำเนา / COPY.
* A step is claimed with a UNIQUE (job, seq) row, so even two workers could not both print one job.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from db.models.printing import PrintJob
from pos_app.clock import business_date, today
from pos_app.errors import PosError
from pos_app.events import SaleCommitted, bus
from pos_app.printing import outbox
from pos_app.printing.events import PrintJobQueued, PrintStatusChanged
from pos_app.printing.setup import PrinterSetup, printer_of_till
from receipts.connection import send as send_to_printer
from receipts.errors import PrinterConfigError, PrinterError, ReceiptError
from receipts.printers import PrinterConfig
from resources.i18n import N_

if TYPE_CHECKING:  # the receipts document types load with the first job printed, not with the till
    from receipts.document import Receipt

log = logging.getLogger(__name__)
BACKOFF_S = (2.0, 4.0, 8.0, 16.0, 32.0, 60.0)
FLOOR_MARGIN = 200  # jobs: ids are taken at INSERT, a concurrent sale may commit a little later
IDLE_POLL_S = 5.0  # look at the outbox this often even when nobody wakes the worker
Sender = Callable[[PrinterConfig, bytes], None]


@dataclass(frozen=True)
class Step:
    """What one step did: the job, its new status, the reason of a failure, seconds until the retry."""

    job: outbox.JobStatus
    status: str
    retry_in: float = 0.0


def document_of(job: outbox.JobStatus, payload: str | None, setup: PrinterSetup | None) -> Receipt:
    """The receipts document a job prints (built from the saved rows for a sale's receipt)."""
    if job.kind == "receipt":
        assert job.doc_uuid is not None
        from pos_app.printing.receipt_of import build_receipt, decor_of_till  # at the first sale's receipt

        return build_receipt(job.doc_uuid, copy=job.copy, decor=decor_of_till(job.till_id), as_of=job.created_at)
    if job.kind == "drawer":
        from receipts.document import DrawerKick, Receipt

        return Receipt((DrawerKick(),))
    if job.kind == "test":
        assert setup is not None
        from receipts.selftest import self_test_receipt  # python-escpos: loaded for a test page

        return self_test_receipt(setup.config)
    from receipts.jsonio import parse_document

    doc = parse_document(payload or "")
    return doc.as_copy() if job.copy else doc


class PrintWorker:
    """Prints the outbox of ``till_id``.  ``send`` and ``monotonic`` are injectable for tests."""

    def __init__(self, till_id: int, *, send: Sender = send_to_printer,
                 monotonic: Callable[[], float] = time.monotonic,
                 backoff: tuple[float, ...] = BACKOFF_S) -> None:
        self.till_id = till_id
        self._send = send
        self._now = monotonic
        self._backoff = backoff
        self._failures: dict[int, int] = {}  # job id -> failures in a row
        self._retry_at: dict[int, float] = {}
        self._wake = threading.Event()
        self._recovered = False
        self._floor = 0  # every job of this till up to this id is finished (the outbox only grows)

    # --- one step at a time (what the tests drive) ---

    def recover(self) -> list[outbox.JobStatus]:
        """Jobs left ``printing`` by an app that died become ``uncertain`` ("may have printed")."""
        found = outbox.jobs(self.till_id, ("printing",), limit=1000)
        for job in found:
            outbox.add_event(job.job_id, "uncertain",
                             N_("The app stopped while this was printing: check the paper, reprint if needed"))
            self._publish(job, "uncertain")
        self._recovered = True
        return found

    def wait_s(self) -> float:
        """Seconds until the head job may be tried (0: now)."""
        queue = outbox.open_jobs(self.till_id, self._floor)
        if not queue:
            return IDLE_POLL_S
        return max(0.0, self._retry_at.get(queue[0].job_id, 0.0) - self._now())

    def retry_now(self) -> None:
        """Forget the back-off (the seller fixed the printer and pressed "try again")."""
        self._retry_at.clear()
        self.wake()

    def step(self) -> Step | None:
        """Try the oldest open job once, if it is due.  None when there is nothing to do yet."""
        if not self._recovered:
            self.recover()
        queue = outbox.open_jobs(self.till_id, self._floor)
        if not queue:
            # everything up to here is finished; keep a margin for a job whose sale committed late
            self._floor = max(self._floor, outbox.last_job_id(self.till_id) - FLOOR_MARGIN)
            return None
        self._floor = max(self._floor, queue[0].job_id - 1 - FLOOR_MARGIN)
        job = queue[0]
        if self._retry_at.get(job.job_id, 0.0) > self._now():
            return None
        if business_date(job.created_at) < today():  # the customer has long gone: ask, do not print
            outbox.add_event(job.job_id, "cancelled",
                             N_("Queued on an earlier day and not printed then; reprint it from the history "
                                "if it is still wanted"))
            return self._done(job, "cancelled")
        setup = printer_of_till(self.till_id)
        if setup is None:
            return self._failed(job, N_("No printer is set up for this till"), {}, "")
        config = setup.effective
        payload = PrintJob.get_by_id(job.job_id).payload if job.kind == "document" else None
        from receipts.render import render_escpos  # python-escpos loads when the till first prints

        try:
            data = render_escpos(document_of(job, payload, setup), config.settings)
        except (ReceiptError, PosError) as err:  # the document cannot be printed at all: say so, move on
            outbox.add_event(job.job_id, "cancelled", err.msgid, err.params, config.address)
            return self._done(job, "cancelled")
        if not outbox.add_event(job.job_id, "printing", printer=config.address):
            return None  # someone else took this step
        self._publish(job, "printing")
        try:
            self._send(config, data)
        except PrinterConfigError as err:
            return self._failed(job, err.msgid, err.params, config.address)
        except PrinterError as err:
            if err.started:
                outbox.add_event(job.job_id, "uncertain", err.msgid, err.params, config.address)
                return self._done(job, "uncertain")
            return self._failed(job, err.msgid, err.params, config.address)
        except Exception as exc:  # an unexpected failure while sending: it may have printed
            log.exception("printing job %s failed", job.job_uuid)
            outbox.add_event(job.job_id, "uncertain", N_("Printing stopped with an error: {detail}"),
                             {"detail": str(exc)[:200]}, config.address)
            return self._done(job, "uncertain")
        status = "printed" if config.answers_status else "sent"
        outbox.add_event(job.job_id, status, printer=config.address)
        return self._done(job, status)

    def _failed(self, job: outbox.JobStatus, msgid: str, params: dict[str, Any], printer: str) -> Step:
        outbox.add_event(job.job_id, "failed", msgid, params, printer)
        n = self._failures.get(job.job_id, 0) + 1
        self._failures[job.job_id] = n
        delay = self._backoff[min(n, len(self._backoff)) - 1]
        self._retry_at[job.job_id] = self._now() + delay
        self._publish(job, "failed")
        return Step(job, "failed", delay)

    def _done(self, job: outbox.JobStatus, status: str) -> Step:
        self._failures.pop(job.job_id, None)
        self._retry_at.pop(job.job_id, None)
        self._publish(job, status)
        return Step(job, status)

    def _publish(self, job: outbox.JobStatus, status: str) -> None:
        bus.publish(PrintStatusChanged(job.job_uuid, job.till_id, status))

    # --- the loop (run on a thread of its own) ---

    def wake(self) -> None:
        self._wake.set()

    def _on_event(self, event: SaleCommitted | PrintJobQueued) -> None:
        if event.till_id == self.till_id:
            self.wake()

    def run(self, stop: threading.Event) -> None:
        """Print until ``stop`` is set; woken at once by a sale or a queued job on this till."""
        unsubscribe = [bus.subscribe(SaleCommitted, self._on_event),
                       bus.subscribe(PrintJobQueued, self._on_event)]
        try:
            while not stop.is_set():
                try:
                    did = self.step()
                    pause = 0.0 if did is not None and did.status != "failed" else self.wait_s()
                except Exception:  # the database is busy or gone for a moment: try again shortly
                    log.exception("print worker step failed")
                    pause = IDLE_POLL_S
                if pause > 0:
                    self._wake.wait(min(pause, IDLE_POLL_S))
                    self._wake.clear()
        finally:
            for undo in unsubscribe:
                undo()
