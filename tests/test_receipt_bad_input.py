"""Bad input: a clear message, and nothing printed half (nothing at all reaches the printer)."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import pytest
from PIL import Image

from receipts.connection import print_receipt
from receipts.decode import decode
from receipts.document import Barcode, Logo, QRCode, Receipt, Text
from receipts.errors import DocumentError
from receipts.jsonio import parse_document
from receipts.printers import parse_printer
from receipts.render import render_escpos, render_preview


def png(width: int, height: int) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()


def test_logo_that_is_not_an_image_is_refused_and_nothing_is_sent(tmp_path: Path) -> None:
    out = tmp_path / "printer.bin"
    doc = Receipt((Text("ก่อนโลโก้"), Logo(b"this is not a picture"), Text("หลังโลโก้")))
    with pytest.raises(DocumentError) as info:
        print_receipt(parse_printer(f"file:{out}"), doc)
    assert "not a picture" in info.value.msgid
    assert not out.exists()  # the job is made in full before the printer is opened


def test_truncated_logo_is_refused() -> None:
    with pytest.raises(DocumentError):
        render_preview(Receipt((Logo(png(50, 50)[:60]),)))


def test_huge_logo_is_scaled_down_to_the_paper() -> None:
    image = render_preview(Receipt((Logo(png(3000, 1500), max_width=1.0),)))
    assert image.width == 576
    decoded = decode(render_escpos(Receipt((Logo(png(3000, 1500)),))))
    assert decoded.image() is not None and all(s.width == 576 for s in decoded.slices)


def test_logo_above_the_pixel_limit_is_refused_without_decoding_it() -> None:
    buf = io.BytesIO()
    Image.new("1", (8000, 6000), 1).save(buf, format="PNG")
    with pytest.raises(DocumentError) as info:
        render_preview(Receipt((Logo(buf.getvalue()),)))
    assert info.value.params["width"] == 8000


def test_line_too_long_for_the_paper_is_wrapped_never_cut() -> None:
    long = "น้ำยาล้างจานสูตรมะนาวเข้มข้นพิเศษ" * 6
    image = render_preview(Receipt((Text(long),)), settings=parse_printer("tcp://h?paper=58").settings)
    assert image.width == 384 and image.height > 5 * 30


def test_bad_barcode_and_qr_are_refused() -> None:
    with pytest.raises(DocumentError):
        render_preview(Receipt((Barcode("12ab", symbology="ean13"),)))
    with pytest.raises(DocumentError):
        render_preview(Receipt((QRCode("x" * 5000),)))
    with pytest.raises(DocumentError):
        render_preview(Receipt((Barcode("A" * 200),)))


@pytest.mark.parametrize(
    ("raw", "part"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "JSON object"),
        ('{"blocks": []}', "non-empty list"),
        ('{"blocks": [{"type": "poem"}]}', "unknown type"),
        ('{"blocks": [{"type": "text"}]}', "is missing"),
        ('{"blocks": [{"type": "text", "text": 5}]}', "must be text"),
        ('{"blocks": [{"type": "text", "text": "ก", "align": "middle"}]}', "must be one of"),
        ('{"blocks": [{"type": "text", "text": "ก", "colour": "red"}]}', "unknown field"),
        ('{"blocks": [{"type": "feed", "lines": 500}]}', "whole number"),
        ('{"blocks": [{"type": "logo", "base64": "***"}]}', "base64"),
        ('{"blocks": [{"type": "logo", "path": "nowhere.png"}]}', "cannot be read"),
        ('{"blocks": [{"type": "qr", "data": ""}]}', "is empty"),
        ('{"blocks": [], "total": 5}', "Unknown field"),
        ('{"blocks": [{"type": "row", "left": "ก", "right": 12.5}]}', "must be text"),
    ],
)
def test_invalid_documents_say_what_is_wrong(raw: str, part: str, tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as info:
        parse_document(raw, base=tmp_path)
    assert part in info.value.msgid
    assert info.value.message  # translated (Thai by default) without a KeyError


def test_a_valid_json_logo_in_base64() -> None:
    raw = json.dumps({"blocks": [{"type": "logo", "base64": base64.b64encode(png(40, 20)).decode()}]})
    assert render_preview(parse_document(raw)).height > 20
