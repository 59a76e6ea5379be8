"""Closed days.  A shop's day, once closed, takes no new document; one that *arrives late* goes into the
day's numbered addendum instead.

How "arriving late" is told apart from "a new document in a closed day": by the document's own instant.
A document made **before** the day was closed (a till that was offline and syncs afterwards, a purchase
written on paper that day and entered later) happened while the day was open: it is admitted into the
addendum that is open for that day (``LateDocument``; addendum 1, or the next after the last sealed one).
A document made **after** the close but dated in the closed day (a sale rung up at 18:30 when the day was
closed at 18:00) is refused with :class:`ClosedDayError`; it belongs to an open day.  Corrections of a
closed day are reversing documents in an open day.

:func:`admit` is the one call the document services make inside their own transaction, before writing the
document; the database triggers (migration 0006) refuse the rows of any document not admitted this way.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

import peewee as pw

from db.models.books import AddendumSeal, DayClose, LateDocument
from pos_app import statements
from pos_app.clock import business_date, utc_now
from pos_app.errors import ClosedDayError
from pos_app.thai.dates import format_date, format_time
from pos_app.trust import names
from pos_app.trust.journal import record


def day_close_of(shop_id: int, day: dt.date) -> DayClose | None:
    if not statements.rows('SELECT 1 FROM "day_close" WHERE "shop_id" = ? AND "business_date" = ?',
                           (shop_id, DayClose.business_date.db_value(day))):
        return None  # every document asks: an open day costs one indexed look-up built once
    return DayClose.get_or_none((DayClose.shop == shop_id) & (DayClose.business_date == day))


def is_closed(shop_id: int, day: dt.date) -> bool:
    return day_close_of(shop_id, day) is not None


def open_addendum_no(shop_id: int, day: dt.date) -> int:
    """The addendum a late document of ``day`` goes into now: one past the last sealed one."""
    sealed = (AddendumSeal.select(pw.fn.MAX(AddendumSeal.addendum_no))
              .where((AddendumSeal.shop == shop_id) & (AddendumSeal.business_date == day)).scalar())
    return int(sealed or 0) + 1


def admit_to_shop(shop_id: int, doc_uuid: uuid.UUID, doc_type: str, when: dt.datetime) -> int | None:
    """Check a document of ``shop_id`` made at ``when`` may be written.  Returns None (its day is open), the
    addendum number it was admitted into (made before the close, arriving late), or raises ClosedDayError."""
    day = business_date(when)
    closed = day_close_of(shop_id, day)
    if closed is None:
        return None
    if when >= closed.closed_at:
        raise ClosedDayError("The day {day} was closed at {time}; nothing new can be dated in it. "
                             "Record it in today's books (a correction is a reversing document).",
                             day=format_date(day, "short"), time=format_time(closed.closed_at))
    number = open_addendum_no(shop_id, day)
    entry, arrived = uuid.uuid4(), utc_now()
    LateDocument.insert(uuid=entry, shop=shop_id, business_date=day, addendum_no=number,
                        doc_type=doc_type, doc_uuid=doc_uuid, made_at=when, arrived_at=arrived).execute()
    record("late_document", entry, arrived, {"shop": names.shop(shop_id), "day": day.isoformat(),
                                             "addendum": number, "doc_type": doc_type, "doc": str(doc_uuid),
                                             "made_at": when.isoformat()})
    return number


def admit_dated(shop_ids: Iterable[int], doc_uuid: uuid.UUID, doc_type: str, day: dt.date,
                recorded: dt.datetime) -> int | None:
    """:func:`admit_to_shop` for a document that carries its own day (a purchase, a batch, a transfer, a stock
    count entered after the fact) and touches the books of one or more shops (a transfer: giver and taker).

    Its "made" instant: recorded on its own day, the moment it was recorded (so one written after the close,
    dated in the closed day, is refused); recorded on a later day, it stands for paper of that day entered
    late, made while the day was open (the last instant before the close), and goes into the addendum.
    A document touching two closed shops is listed in the first one's addendum (its UUID is admitted once)."""
    late = business_date(recorded) != day
    closes = [c for s in dict.fromkeys(shop_ids) if (c := day_close_of(s, day)) is not None]
    for close in closes:
        if not late and recorded >= close.closed_at:
            admit_to_shop(close.shop_id, doc_uuid, doc_type, recorded)  # raises ClosedDayError
    if not closes:
        return None
    first = closes[0]
    made = first.closed_at - dt.timedelta(microseconds=1) if late else recorded
    return admit_to_shop(first.shop_id, doc_uuid, doc_type, made)


def admit(till_id: int, doc_uuid: uuid.UUID, doc_type: str, when: dt.datetime) -> int | None:
    """:func:`admit_to_shop` for a document of a till (a sale, a refund, a cash movement)."""
    found = statements.rows('SELECT "shop_id" FROM "till" WHERE "id" = ?', (till_id,))
    if not found:
        return None  # the document's own service reports the unknown till
    return admit_to_shop(int(found[0][0]), doc_uuid, doc_type, when)
