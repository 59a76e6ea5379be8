"""The PDF's text layer reads Thai back exactly where a mark sits over a tall letter (issue 17's known gap:
ปั้น read back as "ปั้ น").  Checked with two independent readers: pypdf and poppler's pdftotext, both in
its default (layout-guessing) mode and ``-raw``."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from receipts.document import Receipt, Text
from receipts.pdf import render_pdf

WORDS = ["ปั้น", "ปั้นน้ำเป็นตัว", "ฝั่ง", "ฟ้า", "ป่า", "ญ้า", "ฐู", "กุ้ง", "น้ำ"]


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render_pdf(Receipt(tuple(Text(w) for w in WORDS)), page="a5")


def test_pypdf_reads_marks_over_tall_letters_without_a_space(pdf: bytes) -> None:
    lines = PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split("\n")
    assert [line.strip() for line in lines if line.strip()] == WORDS


@pytest.mark.parametrize("mode", [[], ["-raw"]])
def test_pdftotext_reads_marks_over_tall_letters_without_a_space(pdf: bytes, mode: list[str]) -> None:
    assert shutil.which("pdftotext") is not None, "pdftotext missing: apt-get install poppler-utils"
    out = subprocess.run(["pdftotext", *mode, "-", "-"], input=pdf, capture_output=True, check=True, timeout=30)
    lines = [line.strip() for line in out.stdout.decode("utf-8").split("\n") if line.strip()]
    assert lines == WORDS
