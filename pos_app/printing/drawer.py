"""The cash drawer hangs on the receipt printer.  It opens by itself only with the receipt of a sale or
refund that moved cash (:func:`pos_app.printing.receipt_of.build_receipt`); a reprint never opens it.
Opening it without a sale ("no sale") needs a reason and the right to handle cash, and is written to the
audit log (``audit_entry`` kind ``no_sale``: who, when, which till, why) in the same transaction as its job.
"""

from __future__ import annotations

import datetime as dt
import uuid

from db.models import database
from db.models.printing import PrintJob
from pos_app.clock import utc_now
from pos_app.errors import InputError
from pos_app.events import bus
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.printing.events import PrintJobQueued
from pos_app.printing.setup import printer_of_till
from pos_app.trust import audit

MAX_REASON = 500


def open_drawer(actor: Actor, till_id: int, reason: str, now: dt.datetime | None = None) -> uuid.UUID:
    """Open the drawer of ``till_id`` with no sale: logged (audit ``no_sale``) with who and why, then
    sent through the outbox like any print job.  Returns the job's UUID."""
    require(actor.role, Action.HANDLE_CASH)
    why = (reason or "").strip()
    if not why:
        raise InputError("Opening the drawer without a sale needs a reason")
    if len(why) > MAX_REASON:
        raise InputError("The reason is longer than {most} letters", most=MAX_REASON)
    setup = printer_of_till(till_id)
    if setup is None or not setup.drawer:
        raise InputError("No cash drawer is set up for this till")
    when = now or utc_now()
    job = uuid.uuid4()
    with database.atomic():
        PrintJob.insert(uuid=job, till=till_id, kind="drawer", doc_kind="drawer", requested_by=actor.user_id,
                        note=why, created_at=when).execute()
        audit.log("no_sale", actor.user_id, subject=why, till_id=till_id, when=when, job=str(job), reason=why)
    bus.publish(PrintJobQueued(job, till_id))
    return job
