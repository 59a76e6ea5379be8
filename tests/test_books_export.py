"""Exports of the hand-worked day: every figure reconciles to the satang across the sales, the Z, the
summary, the cash book, the notice-161 report and each file (PDF text and picture, XLSX, CSV)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from PIL import Image

from db.connection import OpenedDatabase
from db.models import Payment, Sale
from pos_app.books import cash, days
from pos_app.books.cashbook import cash_book
from pos_app.books.export import atomic
from pos_app.books.export.atomic import ExportError
from pos_app.books.export.run import export_books
from pos_app.books.rd161 import rd161_report
from pos_app.books.scope import make_scope
from pos_app.books.summary import daily_summary
from pos_app.cli import main
from pos_app.money import Money
from pos_app.selling import sales
from tests.books_day import DAY, at, build_day, cart, seller, t1, treasurer

NET = 38160  # hand-worked: 431.60 of sales − 50.00 refunded


def close_the_day() -> None:
    build_day()
    cash.close_shift(treasurer(), t1().id, {10000: 7, 2000: 1, 100: 3}, "เหรียญหาย", now=at(17))
    days.close_day(treasurer(), t1().shop_id, DAY, now=at(18))


def test_net_sales_reconcile_across_every_book(empty_db: OpenedDatabase, tmp_path: Path) -> None:
    close_the_day()
    scope = make_scope(DAY, group="BHS")
    sales_sum = sum(s.total_satang for s in Sale.select().where(Sale.business_date == DAY))
    payments_sum = sum(p.amount_satang for p in Payment.select().join(Sale).where(Sale.business_date == DAY))
    (z,) = days.z_reports_of(t1().shop_id, DAY)
    book = cash_book(scope)
    ci, bi, co, bo = book.totals
    cash_moves = 3500  # the ice went out of the drawer; it is not a sale
    rd = rd161_report(scope)
    assert sales_sum == payments_sum == z.net_satang == daily_summary(scope).net_sales.satang == NET
    assert (ci + bi - co - bo).satang + cash_moves == NET
    assert sum(ln.income.satang for ln in rd.lines) == NET and rd.profit.satang == NET - cash_moves

    pdf, = export_books(treasurer(), "day", scope, "pdf", tmp_path)
    xlsx, = export_books(treasurer(), "day", scope, "xlsx", tmp_path)
    csvs = export_books(treasurer(), "day", scope, "csv", tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True,
                          text=True).stdout
    for expected in ("กลุ่มวิสาหกิจชุมชนบางหัวเสือ", "24 พฤศจิกายน พ.ศ. 2569", "หน้า 1 จาก", "สรุปยอดประจำวัน",
                     "381.60", "158.97", "222.63", "ยอดยกมา", "ยอดยกไป", "311.60", "723.60", "-0.60",
                     "รายงานเงินสดรับ-จ่าย", "กำไรจากการขาย", "346.60", "ค่าน้ำแข็ง", "24/11/2569"):
        assert expected in text, expected

    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == ["summary", "items", "cash", "stock", "z", "addenda", "cashbook", "rd161"]
    summary = wb["summary"]
    assert summary.freeze_panes == "A4"
    rows = {r[0]: r[2] for r in summary.iter_rows(min_row=4, values_only=True) if r and r[0]}
    assert rows["ยอดขายสุทธิ"] == pytest.approx(381.60, abs=0) and isinstance(rows["ยอดขายสุทธิ"], float)
    assert Decimal(str(rows["ยอดขายสุทธิ"])) == Decimal("381.6")
    assert "#,##0.00" in summary.cell(row=8, column=3).number_format
    rd_rows = list(wb["rd161"].iter_rows(min_row=4, values_only=True))
    assert [r[2] for r in rd_rows if r[1] == "กำไรจากการขาย"] == [346.6]
    cb_rows = list(wb["cashbook"].iter_rows(min_row=4, values_only=True))
    assert cb_rows[-1][2] == "ยอดยกไป" and cb_rows[-1][7:9] == (311.6, 155)

    by_key = {p.stem.rsplit("_", 1)[1]: p for p in csvs}
    raw = by_key["summary"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert ["ยอดขายสุทธิ", "", "381.60"] in table
    rd_csv = list(csv.reader(io.StringIO(by_key["rd161"].read_bytes().decode("utf-8-sig"))))
    assert rd_csv[0] == ["วัน/เดือน/ปี", "รายการ", "รายรับ", "รายจ่าย: ซื้อสินค้า", "รายจ่าย: ค่าใช้จ่ายอื่นๆ", "หมายเหตุ"]
    assert ["2026-11-24", "ขายสินค้า (ใบเสร็จ 5 ใบ)", "431.60", "0.00", "0.00", ""] in rd_csv


def test_pdf_page_is_a_picture_with_ink_in_header_and_table(empty_db: OpenedDatabase, tmp_path: Path) -> None:
    close_the_day()
    pdf, = export_books(treasurer(), "rd161", make_scope(DAY), "pdf", tmp_path)
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                   check=True)
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    width, height = image.size
    assert width > height  # A4 landscape
    header = image.crop((0, 0, width, height // 8))
    assert min(header.get_flattened_data()) < 100  # dark text in the header band
    assert sum(1 for v in image.get_flattened_data() if v < 128) > 2000  # a table was drawn


def test_empty_day_is_an_honest_empty_report(empty_db: OpenedDatabase, tmp_path: Path) -> None:
    build_day()
    pdf, = export_books(treasurer(), "day", make_scope(DAY.replace(day=2)), "pdf", tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True).stdout
    assert "ไม่มีการขาย การเคลื่อนไหวเงินสด หรือการเคลื่อนไหวสต็อกในช่วงนี้" in text
    assert "ไม่มีรายรับหรือรายจ่ายในช่วงนี้" in text
    assert "X (ยังไม่ปิดวัน)" in text  # each till's X preview, all zero (the day was never closed)


def test_missing_or_vanishing_folder_leaves_no_half_file(empty_db: OpenedDatabase, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    build_day()
    with pytest.raises(ExportError) as err:
        export_books(treasurer(), "day", make_scope(DAY), "xlsx", tmp_path / "gone")
    assert "ไม่มีโฟลเดอร์" in str(err.value)
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    with pytest.raises(ExportError):
        export_books(treasurer(), "day", make_scope(DAY), "pdf", a_file)
    # The folder disappears while the file is being written: a clear message, nothing left behind.
    out = tmp_path / "usb"
    out.mkdir()
    real_replace = os.replace

    def vanish(src: str, dst: object) -> None:
        os.unlink(src)
        out.rmdir()
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic.os, "replace", vanish)
    with pytest.raises(ExportError) as err:
        export_books(treasurer(), "day", make_scope(DAY), "pdf", out)
    assert "บันทึกไฟล์" in str(err.value) and not out.exists()
    monkeypatch.undo()
    # A folder that cannot be written to (simulated: the OS refuses the new file).
    ro = tmp_path / "ro"
    ro.mkdir()

    def refuse(*_a: object, **_k: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError) as err:
        export_books(treasurer(), "day", make_scope(DAY), "csv", ro)
    assert "Permission denied" in str(err.value) and list(ro.iterdir()) == []


def test_cli_export_with_database_after_the_sub_command(empty_db: OpenedDatabase, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    close_the_day()
    target = empty_db.target
    code = main(["export", "day", "24/11/2569", "--format", "csv", "--out", str(tmp_path), "--group", "BHS",
                 "--user", "wanna", "--pin", "3333", "--database", target])
    assert code == 0
    assert (tmp_path / "day_BHS_2026-11-24_rd161.csv").exists()
    code = main(["--database", target, "export", "range", "2026-11-23", "2026-11-24", "--format", "xlsx",
                 "--out", str(tmp_path), "--user", "wanna", "--pin", "3333"])
    assert code == 0
    wb = openpyxl.load_workbook(tmp_path / "range_NETWORK_2026-11-23_2026-11-24.xlsx")
    assert [r[2] for r in wb["rd161"].iter_rows(min_row=4, values_only=True) if r[1] == "กำไรจากการขาย"] == [466.6]
    assert main(["export", "day", "2026-11-24", "--out", str(tmp_path / "nope"), "--user", "wanna", "--pin",
                 "3333", "--database", target]) == 2
    assert "ไม่มีโฟลเดอร์" in capsys.readouterr().err


def test_a_late_sale_is_in_the_addendum_and_in_the_day_books(empty_db: OpenedDatabase, tmp_path: Path) -> None:
    close_the_day()
    sales.commit_sale(seller(), t1().id, cart(("DRINK-YMN", 2)), Money(4000), now=at(16, 45))  # arrives late
    xlsx, = export_books(treasurer(), "day", make_scope(DAY, group="BHS"), "xlsx", tmp_path)
    wb = openpyxl.load_workbook(xlsx)
    (row,) = list(wb["addenda"].iter_rows(min_row=4, values_only=True))
    assert row[0] == "BHS-MARKET" and row[2:] == (1, "ยังเปิดอยู่", 1, 1, 40)
    z_rows = list(wb["z"].iter_rows(min_row=4, values_only=True))
    assert z_rows[0][5] == 381.6  # the Z stays as it was at the close
    summary = {r[0]: r[2] for r in wb["summary"].iter_rows(min_row=4, values_only=True) if r and r[0]}
    assert summary["ยอดขายสุทธิ"] == 421.6  # the day's books include the late sale: 381.60 + 40.00
