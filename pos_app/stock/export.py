"""A report as a table (title, lines above, header, rows, totals) and its two renderings: PDF with shaped
Thai (reportlab ``Paragraph`` with ``shaping=1`` in the bundled Sarabun) and XLSX (openpyxl);
:func:`write_report` saves one as a file and records the export in the audit log, as the books' exports do."""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from pos_app.books.export.atomic import ExportError, write_atomic
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.trust import audit

REPORT_FORMATS = ("pdf", "xlsx")


@dataclass(frozen=True)
class ReportTable:
    title: str
    lines: tuple[str, ...]  # under the title (shop, item, period …)
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = field(default_factory=frozenset)  # right-aligned columns
    landscape: bool = False
    sheet: str = "report"


def to_pdf(report: ReportTable) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from receipts.pdf import register_fonts

    regular, bold = register_fonts()
    body = ParagraphStyle("cell", fontName=regular, fontSize=9, leading=11.5, shaping=1)
    right = ParagraphStyle("cell-r", parent=body, alignment=TA_RIGHT)
    head = ParagraphStyle("head", parent=body, fontName=bold)
    title = ParagraphStyle("title", fontName=bold, fontSize=15, leading=20, shaping=1)
    size = landscape(A4) if report.landscape else A4
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=size, leftMargin=12 * mm, rightMargin=12 * mm, topMargin=12 * mm,
                            bottomMargin=12 * mm, title=report.title)

    def cell(text: str, col: int, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(escape(text), style or (right if col in report.numeric else body))

    data = [[cell(h, i, head) for i, h in enumerate(report.header)]]
    data += [[cell(v, i) for i, v in enumerate(row)] for row in report.rows]
    table = Table(data, repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4")),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story = [Paragraph(escape(report.title), title)]
    story += [Paragraph(escape(line), body) for line in report.lines]
    story += [Spacer(1, 4 * mm), table]
    doc.build(story)
    return buf.getvalue()


def to_xlsx(report: ReportTable) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = report.sheet[:31]
    ws.append([report.title])
    ws["A1"].font = Font(bold=True, size=14)
    for line in report.lines:
        ws.append([line])
    ws.append([])
    ws.append(list(report.header))
    for c in ws[ws.max_row]:
        c.font = Font(bold=True)
    for row in report.rows:
        ws.append([_number(v) if i in report.numeric else v for i, v in enumerate(row)])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _number(text: str) -> object:
    """A figure shown as ``1,234.50`` stays exact in the sheet: an int, or a 2-place decimal string → Decimal."""
    from decimal import Decimal, InvalidOperation

    cleaned = text.replace(",", "").replace("฿", "").strip()
    if not cleaned:
        return ""
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return text
    return int(value) if value == value.to_integral_value() and "." not in cleaned else value


def write_report(actor: Actor, report: ReportTable, folder: Path, stem: str, kind: str = "pdf",
                 till_id: int | None = None) -> Path:
    """Render ``report`` into ``folder/<stem>.<kind>`` (written whole or not at all) and add an ``export`` row
    to the audit log (who, which report, which file).  A person whose role may not export the reports
    (``Action.EXPORT_REPORTS``: a seller) and bad input raise before anything is written."""
    require(actor.role, Action.EXPORT_REPORTS)
    if kind not in REPORT_FORMATS:
        raise ExportError("Unknown format {format}; use pdf or xlsx", format=kind)
    body = to_pdf(report) if kind == "pdf" else to_xlsx(report)

    def write(fh: BinaryIO) -> None:
        fh.write(body)

    with contextlib.suppress(OSError):  # a missing folder is made; one that cannot be is named by write_atomic
        folder.mkdir(parents=True, exist_ok=True)
    path = write_atomic(folder / f"{re.sub(r'[^0-9A-Za-z_.-]+', '-', stem)}.{kind}", write)
    audit.log("export", actor.user_id, subject=str(path), till_id=till_id, what=report.sheet, format=kind,
              title=report.title, files=[path.name])
    return path
