"""Closing a shop's day: every till gets its numbered Z report and the day is locked (the core refuses
and the database refuses any new document dated in it; late arrivals go into numbered addenda, see
:mod:`pos_app.books.closed`).

A shift still open when the day is closed: the treasurer is asked first; ``close_open_shifts=False`` (the
default) refuses with the list of open shifts, ``True`` closes them *uncounted* (counted = expected, marked
"not counted" on the Z) so the day can still close when the drawer was counted elsewhere.

Once the day is closed (committed), the books are backed up into the laptop's backup folder
(:mod:`pos_app.books.close_backup`); no folder set, or a failing one, never undoes the close: the result
says so (``DayCloseResult.backup``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path

import peewee as pw

from db.models import Payment, Sale, Shop, Till, database
from db.models.books import AddendumSeal, CashMovement, DayClose, LateDocument, Shift, ShiftClose, ZReport
from pos_app.books.cash import close_shift
from pos_app.books.close_backup import BackupAtClose, backup_at_close
from pos_app.books.closed import day_close_of, open_addendum_no
from pos_app.books.events import DayClosed
from pos_app.books.xz import TillDay, till_day
from pos_app.clock import today, utc_now
from pos_app.errors import InputError, NotFound
from pos_app.events import bus
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.thai.dates import format_date
from pos_app.trust import names
from pos_app.trust.journal import record
from resources.i18n import N_, _

UNCOUNTED_NOTE = N_("closed at the day's close without a count")


@dataclass(frozen=True)
class DayCloseResult:
    uuid: uuid.UUID
    shop_id: int
    business_date: dt.date
    closed_at: dt.datetime
    z_reports: tuple[TillDay, ...]
    backup: BackupAtClose | None = None


def _tills(shop_id: int) -> list[Till]:
    return list(Till.select().where(Till.shop == shop_id).order_by(Till.code))


def open_shifts_of(shop_id: int, day: dt.date) -> list[tuple[str, int]]:
    """(till code, shift number) of the shop's shifts opened on or before ``day`` and not closed."""
    return [(code, number) for code, number in
            Shift.select(Till.code, Shift.number).join(Till, on=(Shift.till == Till.id))
            .where((Till.shop == shop_id) & (Shift.business_date <= day) & ~pw.fn.EXISTS(
                ShiftClose.select(ShiftClose.id).where(ShiftClose.shift_uuid == Shift.uuid)))
            .order_by(Till.code, Shift.number).tuples().execute()]


def _as_date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _days_with_documents(shop_id: int, first: dt.date) -> set[dt.date]:
    tills = Till.select(Till.id).where(Till.shop == shop_id)
    out: set[dt.date] = set()
    for model in (Sale, CashMovement, Shift):
        out |= {_as_date(d) for (d,) in model.select(model.business_date).where(
            (model.business_date >= first) & model.till.in_(tills)).distinct().tuples().execute()}
    return out


def _closed_since(shop_id: int, first: dt.date) -> set[dt.date]:
    return {_as_date(d) for (d,) in DayClose.select(DayClose.business_date).where(
        (DayClose.shop == shop_id) & (DayClose.business_date >= first)).tuples().execute()}


def days_to_close(shop_id: int, back: int = 7) -> list[tuple[dt.date, bool]]:
    """The days the close screen offers, newest first, as (day, closed): today, yesterday and every day of
    the last ``back`` days with a sale, a cash movement or a shift."""
    first = today() - dt.timedelta(days=back)
    found = _days_with_documents(shop_id, first) | {today(), today() - dt.timedelta(days=1)}
    closed = _closed_since(shop_id, first)
    return [(d, d in closed) for d in sorted(found, reverse=True) if d <= today()]


def day_to_close(shop_id: int, back: int = 7) -> dt.date:
    """The day the close screen offers first: the oldest day of the last ``back`` not yet closed that has
    documents, else today.  A stall that closes after midnight thus closes the market day it worked, not
    the new day that has just begun."""
    first = today() - dt.timedelta(days=back)
    closed = _closed_since(shop_id, first)
    waiting = sorted(d for d in _days_with_documents(shop_id, first) if d not in closed and d <= today())
    return waiting[0] if waiting else today()


def x_report(till_id: int, day: dt.date | None = None) -> TillDay:
    """The X report (a preview of the Z) of the till's day, at any time; nothing is stored."""
    return till_day(till_id, day or today(), utc_now())


def close_day(actor: Actor, shop_id: int, day: dt.date, close_open_shifts: bool = False,
              now: dt.datetime | None = None, backup_to: Path | None = None,
              take_backup: bool = True) -> DayCloseResult:
    """Close the shop's day: one numbered Z per till, then the day is locked, then the books are backed up
    (into ``backup_to``, else the laptop's backup folder)."""
    require(actor.role, Action.CLOSE_DAY)
    when = now or utc_now()
    if day > today():
        raise InputError("{day} has not come yet; only a past day or today can be closed",
                         day=format_date(day, "short"))
    with database.atomic():
        if not Shop.select().where(Shop.id == shop_id).exists():
            raise NotFound("No shop with id {id}", id=shop_id)
        if day_close_of(shop_id, day) is not None:
            raise InputError("The day {day} is already closed", day=format_date(day, "short"))
        still_open = open_shifts_of(shop_id, day)
        if still_open and not close_open_shifts:
            raise InputError("A shift is still open ({shifts}). Count the drawer and close it first, or "
                             "close the day closing it uncounted.",
                             shifts=", ".join(f"{code} #{n}" for code, n in still_open))
        for code, _number in still_open:
            till_id = Till.select(Till.id).where(Till.code == code).scalar()
            close_shift(actor, till_id, None, _(UNCOUNTED_NOTE), now=when)
        close = DayClose.create(uuid=uuid.uuid4(), shop=shop_id, business_date=day, closed_by=actor.user_id,
                                closed_at=when)
        reports = []
        for till in _tills(shop_id):
            number = int(ZReport.select(pw.fn.COALESCE(pw.fn.MAX(ZReport.number), 0))
                         .where(ZReport.till == till.id).scalar()) + 1
            figures = till_day(till.id, day, when, "Z", number)
            ZReport.create(uuid=uuid.uuid4(), till=till.id, number=number, business_date=day, day_close=close,
                           created_at=when, figures=figures.to_json(), journal_head=figures.journal_head)
            reports.append(figures)
        record("day_close", close.uuid, when, {"shop": names.shop(shop_id), "day": day.isoformat(),
                                               "user": actor.login, "at": when.isoformat(),
                                               "z": [[r.till_code, r.number, r.net_satang] for r in reports]},
               user_id=actor.user_id)
    bus.publish(DayClosed(shop_id, day, tuple(r.number for r in reports)))
    saved = backup_at_close(actor.user_id, backup_to) if take_backup else None
    return DayCloseResult(close.uuid, shop_id, day, when, tuple(reports), saved)


def z_reports_of(shop_id: int, day: dt.date) -> list[TillDay]:
    """The stored Z reports of the shop's day (as they were at the close)."""
    rows = (ZReport.select(ZReport.figures).join(Till, on=(ZReport.till == Till.id))
            .where((Till.shop == shop_id) & (ZReport.business_date == day)).order_by(Till.code))
    return [TillDay.from_json(text) for (text,) in rows.tuples().execute()]


@dataclass(frozen=True)
class Addendum:
    shop_id: int
    business_date: dt.date
    number: int
    sealed: bool
    documents: tuple[tuple[str, str, str, str], ...]  # (doc type, uuid, made at ISO, arrived at ISO)
    sales_count: int
    net_satang: int
    by_method: dict[str, int]


def addendum(shop_id: int, day: dt.date, number: int) -> Addendum:
    """Addendum ``number`` of a closed day: the late documents in it and their sales totals."""
    docs = list(LateDocument.select().where((LateDocument.shop == shop_id) & (LateDocument.business_date == day)
                                            & (LateDocument.addendum_no == number)).order_by(LateDocument.id))
    uuids = [d.doc_uuid for d in docs]
    sales = Sale.select().where(Sale.uuid.in_(uuids)) if uuids else []
    sale_ids = [s.id for s in sales]
    methods: dict[str, int] = {}
    if sale_ids:
        for method, amount in (Payment.select(Payment.method, pw.fn.SUM(Payment.amount_satang))
                               .where(Payment.sale.in_(sale_ids)).group_by(Payment.method).tuples().execute()):
            methods[method] = int(amount)
    sealed = AddendumSeal.select().where((AddendumSeal.shop == shop_id) & (AddendumSeal.business_date == day)
                                         & (AddendumSeal.addendum_no == number)).exists()
    return Addendum(shop_id, day, number, sealed,
                    tuple((d.doc_type, str(d.doc_uuid), d.made_at.isoformat(), d.arrived_at.isoformat())
                          for d in docs),
                    sum(1 for s in sales if s.kind == "sale"), sum(s.total_satang for s in sales), methods)


def addenda_of(shop_id: int, day: dt.date) -> list[Addendum]:
    """Every addendum of the shop's closed day (sealed ones and the open one, if it has documents)."""
    last = (LateDocument.select(pw.fn.MAX(LateDocument.addendum_no))
            .where((LateDocument.shop == shop_id) & (LateDocument.business_date == day)).scalar())
    return [addendum(shop_id, day, n) for n in range(1, int(last or 0) + 1)]


def seal_addendum(actor: Actor, shop_id: int, day: dt.date, now: dt.datetime | None = None) -> Addendum:
    """Seal the open addendum of a closed day (its report is final); later arrivals open the next one."""
    require(actor.role, Action.CLOSE_DAY)
    with database.atomic():
        if day_close_of(shop_id, day) is None:
            raise InputError("The day {day} is not closed; it has no addendum", day=format_date(day, "short"))
        number = open_addendum_no(shop_id, day)
        report = addendum(shop_id, day, number)
        if not report.documents:
            raise InputError("Addendum {number} of {day} has no documents to seal", number=number,
                             day=format_date(day, "short"))
        doc, when = uuid.uuid4(), now or utc_now()
        AddendumSeal.create(uuid=doc, shop=shop_id, business_date=day, addendum_no=number,
                            sealed_by=actor.user_id, sealed_at=when,
                            figures=f'{{"net":{report.net_satang},"sales":{report.sales_count}}}')
        record("addendum_seal", doc, when, {"shop": names.shop(shop_id), "day": day.isoformat(),
                                            "number": number, "net": report.net_satang}, user_id=actor.user_id)
    return addendum(shop_id, day, number)
