"""X and Z reports as a ``receipts`` document (58 mm and up) and onto the till's printer through the
printing outbox (``pos_app.printing.outbox.enqueue_document``)."""

from __future__ import annotations

import datetime as dt
import uuid

from pos_app.books import days
from pos_app.books.export.sections import METHOD_TEXT
from pos_app.books.xz import TillDay
from pos_app.money import Money
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.printing.outbox import enqueue_document
from pos_app.thai.dates import format_date, format_time
from receipts.document import Cut, Receipt, Row, Separator, Text
from resources.i18n import _


def _m(satang: int) -> str:
    return Money(satang).format()


def till_day_receipt(report: TillDay) -> Receipt:
    """The X or Z report laid out for a receipt printer."""
    title = _("Z report {number}").format(number=report.number) if report.kind == "Z" else _("X report (not a close)")
    day = dt.date.fromisoformat(report.business_date)
    blocks: list[object] = [
        Text(title, align="center", size="double_height", weight="bold"),
        Text(f"{report.till_code} · {report.till_name}", align="center"),
        Text(_("Day {day} · made {time}").format(day=format_date(day, "short"),
                                                  time=format_time(dt.datetime.fromisoformat(report.made_at))),
             align="center"),
        Separator(),
        Row(_("Sales ({count})").format(count=report.sales_count), _m(report.sales_satang)),
        Row(_("Refunds ({count})").format(count=report.refunds_count), _m(-report.refunds_satang)),
        Row(_("Voids ({count})").format(count=report.voids_count), _m(-report.voids_satang)),
        Row(_("Discounts given"), _m(report.discounts_satang)),
        Row(_("Net sales"), _m(report.net_satang), weight="bold"),
        Separator(),
    ]
    for method, amount in sorted(report.by_method.items()):
        blocks.append(Row(_("Paid by {method}").format(method=_(METHOD_TEXT.get(method, method))), _m(amount)))
    for s in report.shifts:
        blocks += [
            Separator("blank"),
            Text(_("Shift {number}").format(number=s.number), weight="bold"),
            Row(_("Float"), _m(s.float_satang)),
            Row(_("Cash received"), _m(s.received_satang)),
            Row(_("Change given"), _m(-s.change_satang)),
            Row(_("Cash refunds"), _m(-s.refunds_satang)),
            Row(_("Cash in"), _m(s.cash_in_satang)),
            Row(_("Cash out"), _m(-s.cash_out_satang)),
            Row(_("Expected cash"), _m(s.expected_satang), weight="bold"),
        ]
        if s.counted_satang is not None and s.over_short_satang is not None:
            blocks += [Row(_("Counted cash"), _m(s.counted_satang)), Row(_("Over/short"), _m(s.over_short_satang))]
        elif s.closed_at:
            blocks.append(Text(_("Closed without a count")))
    if report.unticked:
        blocks += [Separator(), Text(_("PromptPay not ticked off against the bank:"), weight="bold")]
        blocks += [Row(f"#{n} {format_time(dt.datetime.fromisoformat(at))}", _m(amount))
                   for n, at, amount in report.unticked]
    if report.journal_head:
        blocks += [Separator(), Text(_("Journal head"), weight="bold"), Text(report.journal_head)]
    blocks += [Separator(), Cut()]
    return Receipt(tuple(blocks))  # type: ignore[arg-type]


def print_x(actor: Actor, till_id: int) -> uuid.UUID:
    """Queue the till's X report (today, now) on its printer."""
    require(actor.role, Action.HANDLE_CASH)
    return enqueue_document("x_report", till_day_receipt(days.x_report(till_id)), till_id=till_id, actor=actor)


def print_z(actor: Actor, report: TillDay, till_id: int) -> uuid.UUID:
    """Queue a stored Z report (again, marked COPY if ``copy``) on the till's printer."""
    require(actor.role, Action.CLOSE_DAY)
    return enqueue_document("z_report", till_day_receipt(report), till_id=till_id, actor=actor)
