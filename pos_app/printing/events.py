"""Typed events of the print outbox (published on :data:`pos_app.events.bus`)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from pos_app.events import Event


@dataclass(frozen=True)
class PrintJobQueued(Event):
    """A job was queued outside a sale (a reprint, a report, a drawer opening): wake the worker."""

    job_uuid: uuid.UUID
    till_id: int


@dataclass(frozen=True)
class PrintStatusChanged(Event):
    """A job moved on (printing, printed, sent, failed, uncertain…); published by the worker's thread."""

    job_uuid: uuid.UUID
    till_id: int
    status: str
