"""PDF: the Thai strings read back exactly (pypdf and poppler's pdftotext), 80 mm roll and A5."""

from __future__ import annotations

import io
import json
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from receipts.jsonio import load_document
from receipts.pdf import pdf_page_count, render_pdf
from resources import demo_path

THAI = [
    "ใบเสร็จรับเงิน",
    "กลุ่มวิสาหกิจชุมชนบางหัวเสือ",
    "กะปิกุ้งแท้คลองด่าน 500 ก.",
    "น้ำยาล้างจาน สูตรมะนาว 1 ลิตร",
    "ชาหญ้าหมอน้อย",
    "น้ำสมุนไพรหญ้าหมอน้อย",
    "ยอดชำระ",
    "฿1,340.50",
    "(หนึ่งพันสามร้อยสี่สิบบาทห้าสิบสตางค์)",
    "เลขประจำตัวผู้เสียภาษี",
    "ขอบคุณที่อุดหนุนสินค้าชุมชน",
    "วันที่ 24 พ.ย. 2569",
]


def _strings() -> list[str]:
    doc = json.loads(demo_path("sample_receipt.json").read_text(encoding="utf-8"))
    keys = ("text", "left", "middle", "right", "caption")
    return [b[k] for b in doc["blocks"] for k in keys if isinstance(b.get(k), str)]


@pytest.fixture(scope="module")
def roll() -> bytes:
    return render_pdf(load_document(demo_path("sample_receipt.json")), page="roll")


def test_pypdf_reads_the_thai_back_exactly(roll: bytes) -> None:
    text = PdfReader(io.BytesIO(roll)).pages[0].extract_text()
    for s in THAI:
        assert s in text, s


def test_every_string_of_the_document_reads_back(roll: bytes) -> None:
    """Every character of every string, in order.  Both readers guess word spaces from gaps, and a mark that
    HarfBuzz shifts left over a tall letter (the ั้ of ปั้น) leaves such a gap: they read "ปั้ น".  So this
    check ignores spaces; the strings above without such a mark are checked exactly."""
    text = PdfReader(io.BytesIO(roll)).pages[0].extract_text()
    flat = text.replace(" ", "").replace("\n", "")
    for s in _strings():
        assert s.replace(" ", "") in flat, s
    # poppler-utils is installed by `dev.py test`; without it this fails rather than skips.
    assert shutil.which("pdftotext") is not None, "pdftotext missing: apt-get install poppler-utils"
    out = subprocess.run(["pdftotext", "-raw", "-", "-"], input=roll, capture_output=True, check=True, timeout=30)
    poppler = out.stdout.decode("utf-8")
    for s in THAI:
        assert s in poppler, s
    flat = poppler.replace(" ", "").replace("\n", "")
    for s in _strings():
        assert s.replace(" ", "") in flat, s


def test_roll_is_80_mm_wide_and_one_page(roll: bytes) -> None:
    page = PdfReader(io.BytesIO(roll)).pages[0]
    assert round(float(page.mediabox.width) / 72 * 25.4) == 80
    assert pdf_page_count(roll) == 1


def test_a5_pages() -> None:
    doc = load_document(demo_path("sample_receipt.json"))
    data = render_pdf(doc, page="a5")
    reader = PdfReader(io.BytesIO(data))
    assert round(float(reader.pages[0].mediabox.width) / 72 * 25.4) == 148
    text = "".join(p.extract_text() for p in reader.pages)
    assert "ใบเสร็จรับเงิน" in text and "฿1,340.50" in text
    long = type(doc)(doc.blocks * 4)
    assert pdf_page_count(render_pdf(long, page="a5")) > 1
