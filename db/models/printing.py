"""The print outbox and each till's printer set-up.

* :class:`PrintJob` — one thing to print, in the order it was queued (append-only).  A receipt of a saved
  document stores only the document's UUID (the receipt is built from the saved rows when it prints, so
  queueing costs one small INSERT inside the sale's transaction); X/Z reports and other documents store
  their receipts JSON in ``payload``.
* :class:`PrintEvent` — what happened to a job, one row per step (append-only): printing, printed,
  sent (no status from the printer), failed (will retry), uncertain (may have printed), resolved,
  cancelled.  A job's status is its last event; no event yet means queued.  ``(job, seq)`` is UNIQUE, so
  two workers can never both claim the same step of a job.
* :class:`TillPrinter` — the printer set-up of one till (settings, not a document: updated in place).
"""

from __future__ import annotations

import uuid

import peewee as pw

from db.models import BaseModel, Till, User, UtcDateTimeField

JOB_KINDS = ("receipt", "document", "drawer", "test")
EVENT_STATUSES = ("printing", "printed", "sent", "failed", "uncertain", "resolved", "cancelled")


class PrintJob(BaseModel):
    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    till = pw.ForeignKeyField(Till, on_delete="RESTRICT", index=False)  # (till, id) leads
    kind = pw.CharField(max_length=16, constraints=[pw.Check(f"kind IN {JOB_KINDS!r}")])
    doc_uuid = pw.UUIDField(null=True, index=True)  # the saved sale/refund/void the receipt is built from
    doc_kind = pw.CharField(max_length=32, default="")  # for payload jobs: x_report, z_report, day_summary…
    payload = pw.TextField(null=True)  # receipts JSON (documents not built from the database)
    copy = pw.BooleanField(default=False)  # a reprint: marked สำเนา / COPY, never opens the drawer
    reprint_of = pw.UUIDField(null=True)  # the job this one reprints
    requested_by = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    note = pw.CharField(max_length=500, default="")  # e.g. the reason of a "no sale" drawer opening
    created_at = UtcDateTimeField()
    till_id: int

    class Meta:
        indexes = ((("till", "id"), False),)


class PrintEvent(BaseModel):
    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    job = pw.ForeignKeyField(PrintJob, backref="events", on_delete="RESTRICT", index=False)  # (job, seq) leads
    seq = pw.IntegerField()  # 1, 2, 3… per job
    status = pw.CharField(max_length=16, constraints=[pw.Check(f"status IN {EVENT_STATUSES!r}")])
    reason = pw.TextField(default="")  # an English msgid (translated when shown)
    params = pw.TextField(default="")  # its parameters as JSON
    printer = pw.CharField(max_length=300, default="")  # the address printed to
    user = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    created_at = UtcDateTimeField()
    job_id: int

    class Meta:
        indexes = ((("job", "seq"), True),)


class TillPrinter(BaseModel):
    till = pw.ForeignKeyField(Till, unique=True, on_delete="RESTRICT")
    address = pw.CharField(max_length=500)  # receipts.printers address with its settings (?paper=58&…)
    answers_status = pw.BooleanField(null=True)  # found out by the test print
    codepage_tested = pw.IntegerField(null=True)  # the Thai code page a self-test showed right
    logo = pw.BlobField(null=True)  # PNG bytes, already checked and scaled
    header = pw.TextField(default="")  # lines printed under the shop's name
    footer = pw.TextField(default="")  # lines printed at the end
    drawer = pw.BooleanField(default=True)  # a cash drawer hangs on this printer
    updated_at = UtcDateTimeField()
    updated_by = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    till_id: int


PRINTING_MODELS: tuple[type[BaseModel], ...] = (PrintJob, PrintEvent, TillPrinter)
PRINTING_APPEND_ONLY: tuple[str, ...] = ("print_job", "print_event")
