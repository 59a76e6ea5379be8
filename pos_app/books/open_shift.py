"""Which shift is open at a till — light enough for the till to ask at start-up (no journal, no chain: those
load with the first sale).  :mod:`pos_app.books.cash` opens, counts and closes shifts."""

from __future__ import annotations

import peewee as pw

from db.models.books import Shift, ShiftClose


def open_shift_of(till_id: int) -> Shift | None:
    """The till's shift that has no close yet (at most one)."""
    shift: Shift | None = (Shift.select().where((Shift.till == till_id) & ~pw.fn.EXISTS(
        ShiftClose.select(ShiftClose.id).where(ShiftClose.shift_uuid == Shift.uuid))).first())
    return shift
