"""The head of each till's chain is on the daily summary the treasurer exports (the issue: "printed on every Z
report and daily summary"), as the Z report has it, in the summary's PDF, CSV and XLSX, so a head can be copied
from any of them into ``pos-app verify --head``.  The hand-worked day of tests/books_day.py, closed; both
databases.  The files are read back with independent readers (pdftotext, the csv module, openpyxl)."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import openpyxl

from db.connection import OpenedDatabase
from pos_app.books import cash, days
from pos_app.books.export.run import export_books
from pos_app.books.scope import make_scope
from pos_app.trust import chain_head, verify
from tests.books_day import DAY, at, build_day, t1, treasurer


def test_the_daily_summary_carries_each_tills_head(empty_db: OpenedDatabase, tmp_path: Path) -> None:
    build_day()
    cash.close_shift(treasurer(), t1().id, {10000: 7, 2000: 1, 100: 3}, "เหรียญหาย", now=at(17))
    days.close_day(treasurer(), t1().shop_id, DAY, now=at(18))
    head = chain_head(t1().id)
    (z,) = days.z_reports_of(t1().shop_id, DAY)
    assert z.journal_head == f"{head.seq}:{head.hash}"
    (pdf,) = export_books(treasurer(), "day", make_scope(DAY, group="BHS"), "pdf", tmp_path)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True, text=True).stdout
    assert "สรุปยอดประจำวัน" in text  # the daily summary (an independent PDF reader's text)
    flat = "".join(text.split())  # a long head may wrap at the page's edge
    assert f"หัวสายบันทึกรายการของT1:{head.seq}:{head.hash}" in flat
    assert verify(anchor=f"{head.seq}:{head.hash}").ok  # what is on the paper verifies the books


def _closed_day() -> str:
    build_day()
    cash.close_shift(treasurer(), t1().id, {10000: 7, 2000: 1, 100: 3}, "เหรียญหาย", now=at(17))
    days.close_day(treasurer(), t1().shop_id, DAY, now=at(18))
    head = chain_head(t1().id)
    return f"{head.seq}:{head.hash}"


def test_the_summarys_csv_carries_each_tills_head(empty_db: OpenedDatabase, tmp_path: Path) -> None:
    head = _closed_day()
    files = export_books(treasurer(), "day", make_scope(DAY, group="BHS"), "csv", tmp_path)
    (z_csv,) = [p for p in files if p.name.endswith("_z.csv")]
    rows = list(csv.reader(io.StringIO(z_csv.read_bytes().decode("utf-8-sig"))))
    assert rows[-2:] == [[], [f"หัวสายบันทึกรายการของ T1: {head}"]]  # after the Z rows, one empty row
    assert rows[1][:2] == ["T1", "Z 1"]  # the Z report's own row is still where a spreadsheet expects it
    printed = rows[-1][0].rsplit(" ", 1)[1]
    assert printed == head and verify(anchor=printed).ok


def test_the_summarys_xlsx_carries_each_tills_head(empty_db: OpenedDatabase, tmp_path: Path) -> None:
    head = _closed_day()
    (xlsx,) = export_books(treasurer(), "day", make_scope(DAY, group="BHS"), "xlsx", tmp_path)
    sheet = openpyxl.load_workbook(xlsx, read_only=True)["z"]
    cells = [r[0] for r in sheet.iter_rows(min_row=4, values_only=True) if r and r[0]]
    assert cells[-1] == f"หัวสายบันทึกรายการของ T1: {head}"
    printed = str(cells[-1]).rsplit(" ", 1)[1]
    assert printed == head and verify(anchor=printed).ok
