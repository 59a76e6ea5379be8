"""The cost sheet of a batch, the registers, the recall list and valuation: figures hand-worked, the PDF's
Thai read back, the XLSX read back (both databases)."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess

from openpyxl import load_workbook

from db.connection import OpenedDatabase
from pos_app.money import Money
from pos_app.production import batches
from pos_app.production.batches import Overhead, Work
from pos_app.stock import adjustments, reports
from pos_app.stock.export import to_pdf, to_xlsx
from tests.stock_support import buy, lead, new_item, sell, shop
from tests.test_production_batches import STALL, _setup


def _pdf_text(data: bytes) -> str:
    assert shutil.which("pdftotext"), "poppler-utils is needed (dev.py installs it)"
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def test_cost_sheet_of_a_batch(demo_db: OpenedDatabase) -> None:
    s = _setup()
    draft = batches.plan_batch(s["recipe"].id, shop(STALL).id, 10)  # type: ignore[attr-defined]
    draft = batches.BatchDraft(**{**draft.__dict__, "yield_quantity": 9,
                                  "labour": (Work("สมใจ", 90, Money(5000)), Work("มาลี", 7, Money(5000))),
                                  "overheads": (Overhead("ค่าแก๊ส", Money(1234)),)})
    done = batches.commit_batch(lead(), draft)
    sell(s["powder"], 1, "K1")  # type: ignore[arg-type]  # ฿45.00
    sheet = reports.cost_sheet(done.uuid)
    rows = {r[0]: r for r in sheet.rows}
    assert rows["รวมต้นทุน"][3] == "156.50"
    assert rows["ต้นทุนต่อหน่วย"][3] == "17.38" and "8" in rows["ต้นทุนต่อหน่วย"][1]
    assert rows["ยอดขายถึงวันนี้"][2:] == ("1", "45.00")
    assert rows["กำไรถึงวันนี้"][3] == "27.62"  # 45.00 − 17.38
    assert [r[3] for r in sheet.rows if r[0] == "ค่าแรง"] == ["75.00", "5.83"]
    assert [r[3] for r in sheet.rows if r[0] == "บรรจุภัณฑ์"] == ["15.00"]
    assert [r[1].split(" — ")[0][-6:] for r in sheet.rows if r[0] == "บรรจุภัณฑ์"] == ["(ชิ้น)"]  # the unit named
    text = _pdf_text(to_pdf(sheet))
    assert "กะปิผงทรงเครื่อง" in text and "156.50" in text and "ค่าแก๊ส" in text
    wb = load_workbook(io.BytesIO(to_xlsx(sheet)))
    values = [c.value for row in wb.active.iter_rows() for c in row]  # type: ignore[union-attr]
    assert "รวมต้นทุน" in values


def test_materials_register_runs_in_out_and_balance(demo_db: OpenedDatabase) -> None:
    salt = new_item(name="เกลือ")
    buy(STALL, salt, 10, 1000, day=dt.date(2026, 11, 20))
    buy(STALL, salt, 5, 1000, day=dt.date(2026, 11, 22))
    adjustments.record_waste(lead(), shop(STALL).id, [adjustments.Wasted(salt.id, 12)], "ขึ้นรา")
    table = reports.register(salt.id, shop(STALL).id, dt.date(2026, 11, 21), dt.date(2026, 11, 30))
    assert table.title.startswith("ทะเบียนคุมวัสดุ")
    assert [r[2:] for r in table.rows] == [
        ("", "", "", "", "", "", "10", "10.00"),  # brought forward from the 20th
        ("5", "2.00", "10.00", "", "", "", "15", "20.00"),
        ("", "", "", "10", "1.00", "10.00", "5", "10.00"),
        ("", "", "", "2", "2.00", "4.00", "3", "6.00"),
    ]
    assert [r[0] for r in table.rows[1:]] == ["22/11/2569", "24/11/2569", "24/11/2569"]
    assert "ทะเบียนคุมวัสดุ" in _pdf_text(to_pdf(table))


def test_recall_list_and_valuation_render(demo_db: OpenedDatabase) -> None:
    s = _setup()
    done = batches.commit_batch(lead(), batches.plan_batch(s["recipe"].id, shop(STALL).id, 10))  # type: ignore[attr-defined]
    sold = sell(s["powder"], 2, "K1")  # type: ignore[arg-type]
    table = reports.recall_list(done.lot_id)
    assert [(r[1], r[3], r[4], r[5]) for r in table.rows] == [("ขาย", "2", f"K1-{sold.number}", "หน้าร้าน/แผง")]
    text = _pdf_text(to_pdf(table))
    assert done.number in text and f"K1-{sold.number}" in text and "กลุ่มวิสาหกิจชุมชนบางหัวเสือ" in text
    value = reports.valuation()
    powder = s["powder"]
    # 6333 satang for 10 (no labour): 8 held are worth ⌈6333 × 8 ÷ 10⌉ = 5067
    assert ("กลุ่มกะปิคลองด่านชุมชน 3", f"{powder.name_th} ({powder.sku})", "8", "50.67") in value.rows  # type: ignore[attr-defined]
