"""CSV: one file per section, UTF-8 with a BOM (so Excel shows Thai), amounts as plain ``1234.50``.

A section's notes follow its rows after one empty row, one note a row in the first column, as the XLSX sheet
and the PDF have them: the Z reports' notes are each till's journal head, which ``pos-app verify --head``
takes (the issue: the head is on every Z report and daily summary, whichever file the treasurer keeps)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import BinaryIO

from pos_app.books.export.sections import Cell, Section
from pos_app.money import Money


def cell_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Money):
        return cell.format(symbol=False, grouping=False)
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return str(cell)


def write_csv(section: Section, fh: BinaryIO) -> None:
    text = io.StringIO(newline="")
    out = csv.writer(text, lineterminator="\r\n")
    out.writerow([c.title for c in section.columns])
    out.writerows([cell_text(c) for c in row] for row in section.rows)
    if section.notes:
        out.writerow([])
        out.writerows([note] for note in section.notes)
    fh.write(text.getvalue().encode("utf-8-sig"))
