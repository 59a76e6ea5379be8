"""Rendering: ESC/POS bytes through python-escpos' Dummy, decoded back and compared with the preview."""

from __future__ import annotations

import pytest
from escpos.printer import Dummy

from receipts.decode import decode
from receipts.document import BOLD, CopyMark, Cut, DrawerKick, Feed, Receipt, Row, Separator, Text
from receipts.escpos_out import FRAGMENT_ROWS, dummy, profile
from receipts.jsonio import load_document
from receipts.render import render_escpos, render_escpos_with_preview, render_preview
from receipts.settings import PrintSettings
from resources import demo_path


@pytest.fixture(scope="module")
def sample() -> Receipt:
    return load_document(demo_path("sample_receipt.json"))


@pytest.mark.parametrize("paper", [58, 80])
def test_raster_bytes_decode_to_the_preview_pixel_for_pixel(sample: Receipt, paper: int) -> None:
    settings = PrintSettings(paper=paper)
    data = render_escpos(sample, settings)
    preview = render_preview(sample, settings)
    decoded = decode(data)
    image = decoded.image()
    assert image is not None
    assert image.size == preview.size == (settings.dots, preview.height)
    assert image.tobytes() == preview.tobytes()
    assert all(s.height <= FRAGMENT_ROWS for s in decoded.slices)
    assert len(decoded.slices) >= 2  # the sample is taller than one slice
    assert decoded.commands[0] == b"\x1b@"
    assert b"\x1bp\x00" in b"".join(decoded.commands)  # drawer on pin 2
    assert decoded.commands[-1] == b"\x1dV\x01"  # partial cut at the end
    assert decoded.text == b""  # nothing but commands and raster


def test_bytes_are_what_python_escpos_dummy_makes(sample: Receipt) -> None:
    settings = PrintSettings(paper=80)
    data, preview = render_escpos_with_preview(sample, settings)
    printer = Dummy(profile=profile(576))
    printer._raw(b"\x1b@")
    printer.cashdraw([27, 112, 0, 50, 50])
    printer.image(preview, impl="bitImageRaster", fragment_height=960)
    printer.cut(mode="PART")
    assert data == printer.output


def test_python_escpos_does_not_warn_about_media_width(capsys: pytest.CaptureFixture[str], sample: Receipt) -> None:
    render_escpos(sample, PrintSettings(paper=58))
    out = capsys.readouterr()
    assert "media.width" not in out.out + out.err
    assert dummy(PrintSettings(paper=58)).profile.profile_data["media"]["width"]["pixels"] == 384


def test_cut_and_drawer_follow_the_printer_settings() -> None:
    doc = Receipt((DrawerKick(), Text("ทดสอบ"), Cut()))
    full = decode(render_escpos(doc, PrintSettings(cut="full", drawer_pin=5, drawer_pulse_ms=200))).commands
    assert b"\x1bp\x01dd" in full and full[-1] == b"\x1dV\x00"
    none = decode(render_escpos(doc, PrintSettings(cut="none"))).commands
    assert not any(c.startswith(b"\x1dV") for c in none) and b"\x1bd\x06" in none


def test_copy_mark_is_drawn_on_a_reprint(sample: Receipt) -> None:
    plain = render_preview(sample)
    copy = render_preview(sample.as_copy())
    assert copy.height > plain.height
    assert isinstance(sample.as_copy().effective_blocks()[0], CopyMark)


def test_repeated_renders_are_identical(sample: Receipt) -> None:
    assert render_escpos(sample) == render_escpos(sample)


def test_text_mode_uses_the_thai_code_page() -> None:
    doc = Receipt((Text("น้ำยาล้างจาน", weight="bold"), Row("กะปิ", "฿90.00", "2 × ฿45.00"), Separator(), Feed(2)))
    data = render_escpos(doc, PrintSettings(paper=58, thai_mode="codepage", codepage=22))
    decoded = decode(data)
    assert b"\x1bt\x16" in decoded.commands
    text = decoded.text.decode("cp874")
    assert "น้ำยาล้างจาน" in text and "กะปิ" in text and "2 x ฿45.00 ฿90.00" in text
    assert all(len(line) <= 32 + line.count("\u0e49") + 10 for line in text.splitlines())


def test_text_mode_without_thai_prints_romanised_latin() -> None:
    doc = Receipt((Text("กะปิ ฿1,200.50"),))
    data = render_escpos(doc, PrintSettings(paper=80, thai_mode="codepage", codepage=None))
    decoded = decode(data)
    assert not any(c.startswith(b"\x1bt") for c in decoded.commands)
    text = decoded.text.decode("ascii")
    assert "kapi" in text and "THB 1,200.50" in text


def test_styles_change_the_picture() -> None:
    normal = render_preview(Receipt((Text("ที่น้ำกุ้ง"),)))
    bold = render_preview(Receipt((Text("ที่น้ำกุ้ง", weight=BOLD.weight),)))
    double = render_preview(Receipt((Text("ที่น้ำกุ้ง", size="double"),)))
    tall = render_preview(Receipt((Text("ที่น้ำกุ้ง", size="double_height"),)))
    assert normal.tobytes() != bold.tobytes()
    assert double.height == tall.height == 2 * normal.height
