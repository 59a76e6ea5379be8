"""Export the books of a scope as PDF, XLSX or CSV files into a folder (atomically, with progress).

Kinds: ``day`` (one day: summary, items, cash movements, stock, the Z reports — or X previews if the day is
not closed —, the cash book, the notice-161 report), ``range`` (the same without Z reports), ``cashbook``
and ``rd161`` (that book alone).  Files are named ``<kind>_<GROUP|NETWORK>_<dates>.<ext>``; CSV gives one
file per section (``…_<section>.csv``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from db.models import Shop, Till
from pos_app.books import days
from pos_app.books.cashbook import cash_book
from pos_app.books.closed import day_close_of
from pos_app.books.export.atomic import ExportError, check_folder, write_atomic
from pos_app.books.export.csvout import write_csv
from pos_app.books.export.pdf import write_pdf
from pos_app.books.export.sections import (
    Section,
    addenda_section,
    cash_book_section,
    rd161_section,
    summary_sections,
    z_section,
)
from pos_app.books.export.xlsx import write_xlsx
from pos_app.books.rd161 import rd161_report
from pos_app.books.scope import Scope
from pos_app.books.summary import daily_summary
from pos_app.books.xz import TillDay
from pos_app.clock import utc_now
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.thai.dates import format_datetime
from pos_app.trust import audit
from resources.i18n import N_, _

KINDS = ("day", "range", "cashbook", "rd161")
FORMATS = ("pdf", "xlsx", "csv")
TITLES = {"day": N_("The day's books"), "range": N_("The books of a period"), "cashbook": N_("Cash book"),
          "rd161": N_("Daily income and expense report (notice 161)")}
Progress = Callable[[int, int], None]


def _z_reports(scope: Scope) -> list[TillDay]:
    """Stored Z reports of each shop whose day is closed; X previews for the others."""
    shops = Shop.select().order_by(Shop.code)
    if scope.group_id is not None:
        shops = shops.where(Shop.group == scope.group_id)
    reports: list[TillDay] = []
    for shop in shops:
        if day_close_of(shop.id, scope.start) is not None:
            reports += days.z_reports_of(shop.id, scope.start)
        else:
            reports += [days.x_report(t.id, scope.start) for t in Till.select().where(Till.shop == shop.id)
                        .order_by(Till.code)]
    return reports


def _addenda(scope: Scope) -> list[tuple[str, days.Addendum]]:
    shops = Shop.select().order_by(Shop.code)
    if scope.group_id is not None:
        shops = shops.where(Shop.group == scope.group_id)
    return [(shop.code, a) for shop in shops for a in days.addenda_of(shop.id, scope.start)]


def build_sections(kind: str, scope: Scope, progress: Progress | None = None) -> list[Section]:
    if kind not in KINDS:
        raise ExportError("Unknown export {kind}", kind=kind)
    steps: list[Callable[[], list[Section]]] = []
    if kind in ("day", "range"):
        steps.append(lambda: summary_sections(daily_summary(scope)))
    if kind == "day":
        steps.append(lambda: [z_section(_z_reports(scope)), addenda_section(_addenda(scope))])
    if kind in ("day", "range", "cashbook"):
        steps.append(lambda: [cash_book_section(cash_book(scope))])
    if kind in ("day", "range", "rd161"):
        steps.append(lambda: [rd161_section(rd161_report(scope))])
    sections: list[Section] = []
    for i, step in enumerate(steps):
        sections += step()
        if progress:
            progress(i + 1, len(steps) + 1)
    return sections


def header_lines(scope: Scope) -> list[str]:
    lines = [scope.who()]
    if scope.tax_id:
        lines.append(_("Taxpayer ID {tax_id}").format(tax_id=scope.tax_id))
    lines.append(_("Period: {period}").format(period=scope.period_text()))
    lines.append(_("Made {when}").format(when=format_datetime(utc_now(), "short")))
    return lines


def export_books(actor: Actor, kind: str, scope: Scope, fmt: str, folder: Path,
                 progress: Progress | None = None) -> list[Path]:
    """Write the export; returns the files written.  Bad input raises before anything is written."""
    require(actor.role, Action.EXPORT)
    if fmt not in FORMATS:
        raise ExportError("Unknown format {format}; use pdf, xlsx or csv", format=fmt)
    if kind not in KINDS:
        raise ExportError("Unknown export {kind}", kind=kind)
    check_folder(folder)
    sections = build_sections(kind, scope, progress)
    header = header_lines(scope)
    title = f"{_(TITLES[kind])} — {scope.who()}"
    stem = f"{kind}_{scope.slug}"
    written: list[Path] = []
    if fmt == "csv":
        for section in sections:
            def one(fh: BinaryIO, s: Section = section) -> None:
                write_csv(s, fh)
            written.append(write_atomic(folder / f"{stem}_{section.key}.csv", one))
    elif fmt == "xlsx":
        written.append(write_atomic(folder / f"{stem}.xlsx", lambda fh: write_xlsx(sections, [title, *header[1:]], fh)))
    else:
        lines = [title, *header[1:]]
        written.append(write_atomic(folder / f"{stem}.pdf", lambda fh: write_pdf(sections, lines, title, fh)))
    if progress:
        progress(1, 1)
    audit.log("export", actor.user_id, subject=str(folder), what=kind, format=fmt, scope=scope.slug,
              files=[path.name for path in written])
    return written
