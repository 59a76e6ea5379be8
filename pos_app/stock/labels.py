"""Lot labels to stick on what a batch made (or a lot received): the product's name, the lot number as a
Code 128 barcode with the number under it, and the day made and the expiry (Buddhist Era).  The till reads
such a label as the lot to sell from (:func:`pos_app.selling.stock_at_till.read_lot_label`).

A4 sheets of 3 × 8 labels (70 × 37 mm, the common self-adhesive sheet), as PDF with shaped Thai.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from db.models import Item, Lot
from pos_app.errors import InputError, NotFound
from pos_app.thai.dates import format_date
from resources.i18n import _

COLUMNS, ROWS = 3, 8
WIDTH = 62  # mm of a 70-mm label the barcode may take, quiet zones included
BAR = 0.33 * 72 / 25.4  # points: a module of 0.33 mm, narrowed only as a long number needs
MAX_COPIES = 50 * COLUMNS * ROWS  # fifty sheets


@dataclass(frozen=True)
class LabelSheet:
    """What the labels say (read from the database first; rendering needs no database)."""

    name: str
    number: str
    dates: str
    copies: int


def label_sheet(lot_id: int, copies: int) -> LabelSheet:
    lot = Lot.get_or_none(Lot.id == lot_id)
    if lot is None:
        raise NotFound("No lot with id {id}", id=lot_id)
    if not 1 <= copies <= MAX_COPIES:
        raise InputError("Print from 1 to {most} labels", most=MAX_COPIES)
    dates = _("Made {day}").format(day=format_date(lot.made_on))
    if lot.expires_on is not None:
        dates += " · " + _("Expires {day}").format(day=format_date(lot.expires_on))
    return LabelSheet(str(Item.get_by_id(lot.item_id).name_th), str(lot.number), dates, copies)


def render_labels(sheet: LabelSheet) -> bytes:
    """``sheet.copies`` labels as PDF, filling A4 sheets row by row."""
    from reportlab.graphics.barcode.code128 import Code128
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from receipts.pdf import register_fonts

    regular, bold = register_fonts()
    name = ParagraphStyle("name", fontName=bold, fontSize=9, leading=11, shaping=1)
    small = ParagraphStyle("small", fontName=regular, fontSize=7.5, leading=9, shaping=1)

    def barcode(bar: float) -> Code128:
        return Code128(sheet.number, barHeight=11 * mm, barWidth=bar, quiet=True, lquiet=10 * bar,
                       rquiet=10 * bar)  # the quiet zones Code 128 asks for: ten modules each side

    fit = barcode(BAR)
    bar = BAR * min(1.0, WIDTH * mm / fit.width)  # a long lot number gets narrower bars, never past the label

    def label() -> list[object]:
        return [Paragraph(escape(sheet.name), name), barcode(bar), Paragraph(escape(sheet.number), small),
                Paragraph(escape(sheet.dates), small)]

    cells = [label() for _n in range(sheet.copies)]
    rows = [cells[n:n + COLUMNS] + [""] * (COLUMNS - len(cells[n:n + COLUMNS]))
            for n in range(0, len(cells), COLUMNS)]
    table = Table(rows, colWidths=[70 * mm] * COLUMNS, rowHeights=[37 * mm] * len(rows))
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm), ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm)]))
    buf = io.BytesIO()
    top = (A4[1] - ROWS * 37 * mm) / 2
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=0, rightMargin=0, topMargin=top, bottomMargin=0,
                            title=_("Lot labels {lot}").format(lot=sheet.number))
    doc.build([table])
    return buf.getvalue()
