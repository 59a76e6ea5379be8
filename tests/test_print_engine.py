"""The receipt engine's known gaps, closed: shaped Thai in PDFs reads back exactly (ปั้น without a false
space, ฐู's short ฐ) while drawing the same dots; a double-size total's label on 58 mm is never split."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from receipts import pdf_unicode
from receipts.document import Receipt, Row, Text
from receipts.jsonio import load_document
from receipts.layout import TextLine
from receipts.pdf import render_pdf
from receipts.render import layout_receipt
from receipts.settings import PrintSettings
from resources import demo_path

MARKS = ["ปั้นดิน", "แชมพูสมุนไพรที่ปั้นโดยสมาชิก", "ที่น้ำกุ้งปั้นญ้าฐู", "ฝั่งฟั้นปั้น ๆ"]


def sample_strings() -> list[str]:
    doc = json.loads(demo_path("sample_receipt.json").read_text(encoding="utf-8"))
    keys = ("text", "left", "middle", "right", "caption")
    return [b[k] for b in doc["blocks"] for k in keys if isinstance(b.get(k), str)]


def document() -> Receipt:
    doc = load_document(demo_path("sample_receipt.json"))
    return Receipt(doc.blocks + tuple(Text(s) for s in MARKS))


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render_pdf(document(), page="roll")


def lines_of(text: str) -> set[str]:
    return {line.strip() for line in text.splitlines()}


def test_pypdf_reads_every_line_back_exactly_spaces_included(pdf: bytes) -> None:
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    got = lines_of(text)
    for s in MARKS:
        assert s in got, s
    for s in sample_strings():
        assert s in text, s


def test_pdftotext_reads_every_line_back_exactly_spaces_included(pdf: bytes) -> None:
    assert shutil.which("pdftotext") is not None, "pdftotext missing: apt-get install poppler-utils"
    out = subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True, check=True, timeout=30)
    text = out.stdout.decode("utf-8")
    for s in MARKS:
        assert s in lines_of(text), s
    for s in sample_strings():
        assert s in text, s


def test_the_read_back_fix_draws_exactly_the_same_dots(
    pdf: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_unicode, "_twin_shifted_marks", lambda font, text: text)
    plain = render_pdf(document(), page="roll")
    assert plain != pdf  # the text layer differs …
    pictures = []
    for name, data in (("fixed", pdf), ("plain", plain)):
        (tmp_path / f"{name}.pdf").write_bytes(data)
        subprocess.run(["pdftoppm", "-r", "200", "-gray", str(tmp_path / f"{name}.pdf"), str(tmp_path / name)],
                       check=True, timeout=60)
        pictures.append(next(tmp_path.glob(f"{name}*.pgm")).read_bytes())
    assert pictures[0] == pictures[1]  # … the page does not


@pytest.mark.parametrize("amount", ["฿1,340.50", "฿12,340.50", "฿211.60"])
def test_a_double_size_total_label_is_never_split_on_58mm(amount: str) -> None:
    row = Row("ยอดชำระ", amount, size="double", weight="bold")
    lay = layout_receipt(Receipt((row,)), PrintSettings(paper=58))
    lines = [[r.text for r in item.runs] for item in lay.items if isinstance(item, TextLine)]
    assert lines[0][0] == "ยอดชำระ"
    assert [t for line in lines for t in line] == ["ยอดชำระ", amount]
    for item in lay.items:
        if isinstance(item, TextLine):
            assert all(0 <= r.x and r.x + r.width <= 384 for r in item.runs)
    amount_run = next(r for item in lay.items if isinstance(item, TextLine) for r in item.runs if r.text == amount)
    assert amount_run.x + amount_run.width == 384  # right-aligned on the paper's edge


@pytest.mark.parametrize(("width", "height"), [(576, 1497), (384, 2000), (203, 50), (8, 961)])
def test_raster_bytes_equal_python_escpos_own_encoding(width: int, height: int) -> None:
    """Our GS v 0 slices are byte for byte what python-escpos' image(impl="bitImageRaster") sends."""
    import random

    from PIL import Image

    from receipts.escpos_out import FRAGMENT_ROWS, dummy, image_bytes

    rng = random.Random(width * height)
    image = Image.frombytes("1", (width, height), bytes(rng.getrandbits(8) for _ in range((width + 7) // 8 * height)))
    ours, theirs = dummy(PrintSettings(paper=80)), dummy(PrintSettings(paper=80))
    image_bytes(ours, image)
    theirs.image(image, impl="bitImageRaster", fragment_height=FRAGMENT_ROWS, center=False)
    assert bytes(ours.output) == bytes(theirs.output)
