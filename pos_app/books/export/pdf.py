"""PDF: A4 landscape, Thai shaped by HarfBuzz (reportlab ``ParagraphStyle(shaping=1)`` with Sarabun), a
header on every page with the group's name, tax ID and the period in Buddhist-Era dates, and "page x of y".

Only text cells that need shaping become Paragraphs; numbers and plain ASCII stay plain strings (fast)."""

from __future__ import annotations

import datetime as dt
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from pos_app.books.export.sections import Cell, Section
from pos_app.money import Money
from pos_app.thai.dates import format_date
from receipts.pdf import register_fonts
from resources.i18n import _

PAGE = landscape(A4)
MARGIN = 12 * mm


def _fonts() -> None:
    """Sarabun, registered once with the receipts' patch that makes shaped Thai read back exactly."""
    register_fonts()


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("cell", fontName="Sarabun", fontSize=9, leading=11, shaping=1)
    return {
        "cell": base,
        "bold": ParagraphStyle("bold", parent=base, fontName="Sarabun-Bold"),
        "head": ParagraphStyle("head", parent=base, fontName="Sarabun-Bold", fontSize=9),
        "title": ParagraphStyle("title", parent=base, fontName="Sarabun-Bold", fontSize=15, leading=19),
        "header": ParagraphStyle("header", parent=base, fontSize=9.5, leading=12),
        "page": ParagraphStyle("page", parent=base, fontSize=9, alignment=TA_RIGHT),
        "note": ParagraphStyle("note", parent=base, fontSize=8.5, textColor=colors.HexColor("#444444")),
    }


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell(cell: Cell, style: ParagraphStyle) -> Any:
    if cell is None:
        return ""
    if isinstance(cell, Money):
        return cell.format(symbol=False)
    if isinstance(cell, dt.date):
        return format_date(cell, "numeric")
    text = str(cell)
    return text if text.isascii() else Paragraph(_escape(text), style)


def _numbered_canvas(header_lines: list[str], styles: dict[str, ParagraphStyle]) -> type[Canvas]:
    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Keeps each page until the end so every page can say "page x of y"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, height = PAGE
            y = height - MARGIN + 2 * mm
            for line in header_lines:
                para = Paragraph(_escape(line), styles["header"])
                _w, h = para.wrap(width - 2 * MARGIN - 50 * mm, 20 * mm)
                y -= h
                para.drawOn(self, MARGIN, y)
            page = Paragraph(_escape(_("Page {number} of {total}").format(number=number, total=total)),
                             styles["page"])
            page.wrap(50 * mm, 10 * mm)
            page.drawOn(self, width - MARGIN - 50 * mm, height - MARGIN - 2 * mm)
            self.setStrokeColor(colors.HexColor("#888888"))
            self.line(MARGIN, y - 1.5 * mm, width - MARGIN, y - 1.5 * mm)

    return NumberedCanvas


def write_pdf(sections: list[Section], header_lines: list[str], title: str, fh: BinaryIO) -> None:
    _fonts()
    styles = _styles()
    top = MARGIN + 6 * mm + 12 * len(header_lines)
    doc = SimpleDocTemplate(fh, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=top,
                            bottomMargin=MARGIN, title=title, author="pos-app")
    story: list[Any] = []
    usable = PAGE[0] - 2 * MARGIN
    for index, section in enumerate(sections):
        if index:
            story.append(Spacer(1, 8 * mm))
        story.append(CondPageBreak(40 * mm))  # a section title never sits alone at the foot of a page
        story.append(Paragraph(_escape(section.title), styles["title"]))
        story.append(Spacer(1, 3 * mm))
        if not section.rows:
            story.append(Paragraph(_escape(_("No entries.")), styles["note"]))
            continue
        total_width = sum(c.width for c in section.columns)
        widths = [usable * c.width / total_width for c in section.columns]
        data: list[list[Any]] = [[Paragraph(_escape(c.title), styles["head"]) for c in section.columns]]
        for i, row in enumerate(section.rows):
            style = styles["bold"] if i in section.total_rows else styles["cell"]
            data.append([_cell(cell, style) for cell in row])
        commands: list[Any] = [
            ("FONT", (0, 0), (-1, -1), "Sarabun", 9),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        for col, column in enumerate(section.columns):
            if column.kind in ("money", "int"):
                commands.append(("ALIGN", (col, 1), (col, -1), "RIGHT"))
        for i in section.total_rows:
            commands.append(("FONT", (0, i + 1), (-1, i + 1), "Sarabun-Bold", 9))
            commands.append(("BACKGROUND", (0, i + 1), (-1, i + 1), colors.HexColor("#f4f4f4")))
        table = LongTable(data, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle(commands))
        story.append(table)
        for note in section.notes:
            story.append(Spacer(1, 2 * mm))
            story.append(Paragraph(_escape(note), styles["note"]))
    doc.build(story, canvasmaker=_numbered_canvas(header_lines, styles))
