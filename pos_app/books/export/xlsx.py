"""XLSX: one sheet per section, a title row and the column headers frozen, amounts as numbers in baht
(exact decimals written from integer satang) with a baht number format, dates as dates shown in BE."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from pos_app.books.export.sections import Section
from pos_app.money import Money

BAHT_FORMAT = '#,##0.00;-#,##0.00;"-"'
BE_DATE_FORMAT = "[$-th-TH,107]d/m/yyyy"  # Excel's Thai Buddhist-calendar date


def baht(money: Money) -> Decimal:
    return Decimal(money.satang).scaleb(-2)


def write_xlsx(sections: list[Section], header: list[str], fh: BinaryIO) -> None:
    book = Workbook(write_only=True)
    bold = Font(name="Sarabun", bold=True)
    for section in sections:
        sheet = book.create_sheet(section.key[:31])
        sheet.freeze_panes = "A4"  # the title, the header line and the column titles stay in view
        for i, column in enumerate(section.columns, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = 12 * column.width
        sheet.append([section.title])
        sheet.append([" · ".join(header)])
        sheet.append([column.title for column in section.columns])
        for index, row in enumerate(section.rows):
            out: list[object] = []
            for cell in row:
                if isinstance(cell, Money):
                    out.append(_cell(sheet, baht(cell), BAHT_FORMAT, bold if index in section.total_rows else None))
                elif isinstance(cell, dt.date):
                    out.append(_cell(sheet, cell, BE_DATE_FORMAT, None))
                elif index in section.total_rows and cell is not None:
                    out.append(_cell(sheet, cell, None, bold))
                else:
                    out.append(cell)
            sheet.append(out)
        for note in section.notes:
            sheet.append([note])
    book.save(fh)


def _cell(sheet: object, value: object, number_format: str | None, font: Font | None) -> object:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    if number_format:
        cell.number_format = number_format
    if font is not None:
        cell.font = font
    return cell
