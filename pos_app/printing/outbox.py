"""The print outbox: what each till has to print, in order, and what became of it.

Queueing a sale's receipt is one INSERT of the document's UUID into ``print_job`` **inside the sale's own
transaction** (:func:`enqueue_receipt`): a sale is never saved without its receipt job, nor a job without
its sale, and it costs well under 0.2 ms.  The receipt itself is built from the saved rows when it prints
(rendering at commit would add queries and ~20 ms of drawing to every sale; the saved document never
changes, so building later gives the same paper).  Documents that are not sales (X/Z reports, the day's
summary, slips) go in as receipts JSON (:func:`enqueue_document`).

A job's life is a list of :class:`~db.models.printing.PrintEvent` rows; its status is the last one
(none yet = ``queued``).  Nothing here is ever updated or deleted.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import peewee as pw

from db.models import Sale, database
from db.models.printing import PrintEvent, PrintJob
from pos_app.clock import utc_now
from pos_app.errors import InputError, NotFound
from pos_app.events import bus
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.printing.events import PrintJobQueued

if TYPE_CHECKING:  # the receipts document types load with the first document, not with the till's light
    from receipts.document import Receipt
from resources.i18n import N_, _

QUEUED = "queued"
OPEN = (QUEUED, "failed")  # the worker prints these, oldest first
NEEDS_LOOK = ("failed", "uncertain")  # shown to the seller until resolved
STATUS_LABELS = {
    "queued": N_("Waiting to print"),
    "printing": N_("Printing…"),
    "printed": N_("Printed"),
    "sent": N_("Sent, not confirmed"),
    "failed": N_("Not printed: will retry"),
    "uncertain": N_("May have printed"),
    "resolved": N_("Done"),
    "cancelled": N_("Not printed: cancelled"),
}
DOC_LABELS = {
    "sale": N_("Receipt {number}"),
    "refund": N_("Refund {number}"),
    "void": N_("Void {number}"),
    "x_report": N_("X report"),
    "z_report": N_("Z report"),
    "day_summary": N_("Day summary"),
    "held_slip": N_("Held sale slip"),
    "order_slip": N_("Order slip"),
    "drawer": N_("Open drawer (no sale)"),
    "test": N_("Test page"),
}


@dataclass(frozen=True)
class JobStatus:
    """One job as the till shows it."""

    job_uuid: uuid.UUID
    job_id: int
    till_id: int
    kind: str  # receipt, document, drawer, test
    doc_uuid: uuid.UUID | None
    doc_kind: str  # sale, refund, void, x_report…
    number: int | None  # the receipt number of a sale/refund/void
    copy: bool
    created_at: dt.datetime
    status: str
    reason_msgid: str = ""
    reason_params: str = ""
    printer: str = ""

    @property
    def label(self) -> str:
        text = _(DOC_LABELS.get(self.doc_kind, self.doc_kind or self.kind)).format(
            number=f"{self.number:06d}" if self.number is not None else "")
        return text + (" " + _("(copy)") if self.copy else "")

    @property
    def status_text(self) -> str:
        return _(STATUS_LABELS.get(self.status, self.status))

    @property
    def reason(self) -> str:
        """The reason of the last failure, translated now."""
        if not self.reason_msgid:
            return ""
        params: dict[str, Any] = json.loads(self.reason_params) if self.reason_params else {}
        try:
            return _(self.reason_msgid).format(**params)
        except (KeyError, IndexError, ValueError):
            return _(self.reason_msgid)

    @property
    def needs_look(self) -> bool:
        return self.status in NEEDS_LOOK


# --- queueing ------------------------------------------------------------------------------------------


_INSERT_SQL: dict[str, str] = {}  # by parameter style: one plain INSERT, no query building per sale


def enqueue_receipt(doc_uuid: uuid.UUID, till_id: int, now: dt.datetime | None = None) -> None:
    """Queue the receipt of the sale/refund/void ``doc_uuid``.  Call INSIDE the document's transaction.

    One prepared INSERT (values converted by the model's own fields), so the sale pays ~0.05 ms for it."""
    db = database.obj
    sql = _INSERT_SQL.get(db.param)
    if sql is None:
        sql = _INSERT_SQL[db.param] = (
            "INSERT INTO print_job (uuid, till_id, kind, doc_uuid, doc_kind, copy, note, created_at) "
            f"VALUES ({', '.join([db.param] * 8)})")
    fields = PrintJob._meta.fields
    db.execute_sql(sql, (fields["uuid"].db_value(uuid.uuid4()), till_id, "receipt",
                         fields["doc_uuid"].db_value(doc_uuid), "", False, "",
                         fields["created_at"].db_value(now or utc_now())))


def enqueue_document(kind: str, document: Receipt, *, till_id: int, actor: Actor | None = None,
                     now: dt.datetime | None = None) -> uuid.UUID:
    """Queue any receipts document (an X/Z report, the day's summary, a held-sale slip) on ``till_id``'s
    printer; ``kind`` names it (``x_report``, ``z_report``, ``day_summary``…).  Returns the job's UUID."""
    if not kind or len(kind) > 32:
        raise InputError("A print job needs a kind of at most 32 characters")
    from receipts.jsonio import dump_document  # with the receipts document types: at the first document queued

    job = uuid.uuid4()
    with database.atomic():
        PrintJob.insert(uuid=job, till=till_id, kind="document", doc_kind=kind, payload=dump_document(document),
                        copy=document.copy, requested_by=actor.user_id if actor else None,
                        created_at=now or utc_now()).execute()
    bus.publish(PrintJobQueued(job, till_id))
    return job


def reprint(actor: Actor, job_uuid: uuid.UUID, till_id: int | None = None) -> uuid.UUID:
    """Print a job again, marked สำเนา / COPY (never opens the drawer), on ``till_id`` (default: the job's
    own till).  A job that "may have printed" is resolved by this.  Returns the new job's UUID."""
    require(actor.role, Action.SELL)
    old = PrintJob.get_or_none(PrintJob.uuid == job_uuid)
    if old is None:
        raise NotFound("No print job {uuid}", uuid=str(job_uuid))
    if old.kind in ("drawer", "test"):
        raise InputError("Only receipts and documents can be printed again")
    new = uuid.uuid4()
    target = till_id if till_id is not None else old.till_id
    with database.atomic():
        PrintJob.insert(uuid=new, till=target, kind=old.kind, doc_uuid=old.doc_uuid, doc_kind=old.doc_kind,
                        payload=old.payload, copy=True, reprint_of=old.uuid, requested_by=actor.user_id,
                        created_at=utc_now()).execute()
        if status_of_job(old.id) in NEEDS_LOOK:
            add_event(old.id, "resolved", N_("Printed again as a copy"), user_id=actor.user_id)
    bus.publish(PrintJobQueued(new, target))
    return new


def reprint_document(actor: Actor, doc_uuid: uuid.UUID, till_id: int) -> uuid.UUID:
    """A COPY of the receipt of a saved sale/refund/void (e.g. from the history), on ``till_id``."""
    require(actor.role, Action.SELL)
    if not Sale.select().where(Sale.uuid == doc_uuid).exists():
        raise NotFound("No saved sale or refund {uuid}", uuid=str(doc_uuid))
    new = uuid.uuid4()
    with database.atomic():
        PrintJob.insert(uuid=new, till=till_id, kind="receipt", doc_uuid=doc_uuid, copy=True,
                        requested_by=actor.user_id, created_at=utc_now()).execute()
    bus.publish(PrintJobQueued(new, till_id))
    return new


def resolve(actor: Actor, job_uuid: uuid.UUID, how: str = "printed") -> None:
    """The seller looked: a job that failed or "may have printed" did print (``printed``) or is not wanted
    (``cancel``).  Either way the worker will not print it."""
    require(actor.role, Action.SELL)
    job = PrintJob.get_or_none(PrintJob.uuid == job_uuid)
    if job is None:
        raise NotFound("No print job {uuid}", uuid=str(job_uuid))
    status = status_of_job(job.id)
    if how == "printed":
        if status not in NEEDS_LOOK and status != "sent":
            raise InputError("This job needs nothing more")
        add_event(job.id, "resolved", N_("The seller saw it printed"), user_id=actor.user_id)
    elif how == "cancel":
        if status not in (*OPEN, "uncertain", "sent"):
            raise InputError("This job needs nothing more")
        add_event(job.id, "cancelled", N_("Cancelled by the seller"), user_id=actor.user_id)
    else:
        raise InputError("Unknown choice {choice}", choice=how)


# --- events and status ---------------------------------------------------------------------------------


def add_event(job_id: int, status: str, reason: str = "", params: dict[str, Any] | None = None,
              printer: str = "", user_id: int | None = None) -> bool:
    """Append the next step of a job.  False when another writer took that step first (UNIQUE job+seq)."""
    try:
        with database.atomic():
            last = (PrintEvent.select(pw.fn.MAX(PrintEvent.seq)).where(PrintEvent.job == job_id).scalar()) or 0
            PrintEvent.insert(uuid=uuid.uuid4(), job=job_id, seq=last + 1, status=status, reason=reason,
                              params=json.dumps(params, ensure_ascii=False, default=str) if params else "",
                              printer=printer[:300], user=user_id, created_at=utc_now()).execute()
    except pw.IntegrityError:
        return False
    return True


def status_of_job(job_id: int) -> str:
    last = (PrintEvent.select(PrintEvent.status).where(PrintEvent.job == job_id)
            .order_by(PrintEvent.seq.desc()).limit(1).scalar())
    return str(last) if last else QUEUED


def _query(till_id: int | None) -> Any:
    latest = PrintEvent.alias("latest")
    last_seq = (latest.select(pw.fn.MAX(latest.seq)).where(latest.job == PrintJob.id))
    query = (PrintJob.select(PrintJob.id, PrintJob.uuid, PrintJob.till, PrintJob.kind, PrintJob.doc_uuid,
                             PrintJob.doc_kind, PrintJob.copy, PrintJob.created_at, PrintEvent.status,
                             PrintEvent.reason, PrintEvent.params, PrintEvent.printer, Sale.kind, Sale.number)
             .join(PrintEvent, pw.JOIN.LEFT_OUTER,
                   on=((PrintEvent.job == PrintJob.id) & (PrintEvent.seq == last_seq)))
             .switch(PrintJob)
             .join(Sale, pw.JOIN.LEFT_OUTER, on=(Sale.uuid == PrintJob.doc_uuid)))
    if till_id is not None:
        query = query.where(PrintJob.till == till_id)
    return query


def _statuses(rows: Any) -> list[JobStatus]:
    created = PrintJob.created_at
    out = []
    for (job_id, job_uuid, till, kind, doc_uuid, doc_kind, copy, at, status, reason, params, printer,
         sale_kind, number) in rows:
        out.append(JobStatus(
            job_uuid=job_uuid if isinstance(job_uuid, uuid.UUID) else uuid.UUID(str(job_uuid)),
            job_id=int(job_id), till_id=int(till), kind=kind,
            doc_uuid=(doc_uuid if isinstance(doc_uuid, uuid.UUID) or doc_uuid is None
                      else uuid.UUID(str(doc_uuid))),
            doc_kind=sale_kind or doc_kind or kind, number=number, copy=bool(copy),
            created_at=created.python_value(at), status=status or QUEUED,
            reason_msgid=reason or "", reason_params=params or "", printer=printer or ""))
    return out


def open_jobs(till_id: int, after_id: int = 0) -> list[JobStatus]:
    """Jobs the worker still has to print (queued, or failed and waiting for a retry), oldest first;
    ``after_id`` skips the jobs the caller knows are finished (the outbox only grows)."""
    query = (_query(till_id).where(PrintEvent.status.is_null() | (PrintEvent.status == "failed"))
             .where(PrintJob.id > after_id).order_by(PrintJob.id))
    return _statuses(query.tuples())


def last_job_id(till_id: int) -> int:
    return int(PrintJob.select(pw.fn.MAX(PrintJob.id)).where(PrintJob.till == till_id).scalar() or 0)


def window_start(till_id: int, size: int = 500) -> int:
    """The id before the till's last ``size`` jobs (what the till's light looks at), 0 for a young till."""
    row = (PrintJob.select(PrintJob.id).where(PrintJob.till == till_id).order_by(PrintJob.id.desc())
           .offset(size).limit(1).scalar())
    return int(row or 0)


def jobs(till_id: int, statuses: tuple[str, ...] | None = None, limit: int = 50,
         after_id: int = 0) -> list[JobStatus]:
    """The till's latest jobs, newest first (``statuses`` filters; ``queued`` means no event yet)."""
    query = _query(till_id).where(PrintJob.id > after_id)
    if statuses is not None:
        cond = PrintEvent.status.in_([s for s in statuses if s != QUEUED])
        if QUEUED in statuses:
            cond = cond | PrintEvent.status.is_null()
        query = query.where(cond)
    return _statuses(query.order_by(PrintJob.id.desc()).limit(limit).tuples())


def job(job_uuid: uuid.UUID) -> JobStatus:
    rows = _statuses(_query(None).where(PrintJob.uuid == job_uuid).tuples())
    if not rows:
        raise NotFound("No print job {uuid}", uuid=str(job_uuid))
    return rows[0]


def jobs_of_document(doc_uuid: uuid.UUID) -> list[JobStatus]:
    return _statuses(_query(None).where(PrintJob.doc_uuid == doc_uuid).order_by(PrintJob.id).tuples())


@dataclass(frozen=True)
class TillPrintState:
    """What the till's status light shows: how many wait, the first problem, the last job."""

    waiting: int
    problems: tuple[JobStatus, ...]
    last: JobStatus | None
    retrying: tuple[JobStatus, ...] = ()  # printing again after a failure: still a problem until it prints


def till_state(till_id: int) -> TillPrintState:
    """The state of the till's last 500 jobs (older ones are long settled: printed, cancelled as from an
    earlier day, or resolved), so reading it stays quick however long the till has been selling."""
    start = window_start(till_id)
    waiting = open_jobs(till_id, start)
    problems = tuple(jobs(till_id, NEEDS_LOOK, limit=20, after_id=start))
    recent = jobs(till_id, limit=1)
    printing = jobs(till_id, ("printing",), limit=5, after_id=start)
    failed_before = {int(e.job_id) for e in PrintEvent.select(PrintEvent.job).where(
        PrintEvent.job.in_([p.job_id for p in printing]) & (PrintEvent.status == "failed"))}
    retrying = tuple(p for p in printing if p.job_id in failed_before)
    return TillPrintState(len(waiting), problems, recent[0] if recent else None, retrying)
