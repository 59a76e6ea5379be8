"""CSV: one file per section, UTF-8 with a BOM (so Excel shows Thai), amounts as plain ``1234.50``."""

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
    fh.write(text.getvalue().encode("utf-8-sig"))
