"""Opt-in text mode: ESC/POS text on the printer's Thai code page (cp874), or romanised Latin without one.

Thai on code pages is fragile (the page number differs by vendor, marks float): raster is the default and
this mode is chosen per printer after a self-test.  Pictures (QR, barcode, logo) still go as raster.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from PIL import Image

from receipts.document import Block, CopyMark, QRCode, Receipt, Row, Text
from receipts.escpos_out import INIT, command, dummy, image_bytes
from receipts.layout import Command, Layout, Picture, Rule, Space, TextLine, layout
from receipts.metrics import TextMetrics, columns
from receipts.settings import PrintSettings

ESC, GS = b"\x1b", b"\x1d"
SAMPLE = "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ ๐๑๒๓๔๕๖๗๘๙ ที่น้ำกุ้งปั้นญ้าฐู ฿"
_THAI = re.compile(r"[\u0e00-\u0e7f]+")
_THAI_DIGITS = {0x0E50 + i: str(i) for i in range(10)}
_PLAIN = str.maketrans({"×": "x", "–": "-", "—": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "…": "..."})
_SIZE = {"normal": 0x00, "double_height": 0x01, "double_width": 0x10, "double": 0x11}


def romanise(text: str) -> str:
    """Latin fallback for a printer with no Thai: Thai in RTGS romanisation, Thai digits as 0-9, ฿ as THB."""
    from pythainlp.transliterate import romanize

    from receipts.wrap import words

    def one(match: re.Match[str]) -> str:
        latin = " ".join(str(romanize(w, engine="royin")) for w in words(match.group(0)) if not w.isspace())
        return _THAI.sub("", latin)  # a mark the romaniser left behind

    return _THAI.sub(one, text.replace("฿", "THB ").translate(_THAI_DIGITS))


def _latin_block(block: Block) -> Block:
    if isinstance(block, Text):
        return replace(block, text=romanise(block.text))
    if isinstance(block, Row):
        middle = None if block.middle is None else romanise(block.middle)
        return replace(block, left=romanise(block.left), middle=middle, right=romanise(block.right))
    if isinstance(block, CopyMark):
        return replace(block, text="COPY")
    if isinstance(block, QRCode):
        return replace(block, caption=romanise(block.caption))
    return block


def text_layout(receipt: Receipt, settings: PrintSettings) -> Layout:
    if settings.codepage is None:
        receipt = Receipt(tuple(_latin_block(b) for b in receipt.effective_blocks()), copy=False)
    return layout(receipt, TextMetrics.for_paper(settings.paper), pictures_in_dots=False)


def _encode(text: str, settings: PrintSettings) -> bytes:
    text = text.translate(_PLAIN)
    if settings.codepage is None:
        return text.encode("ascii", errors="replace")
    return text.encode("cp874", errors="replace")


def _line(printer: Any, line: TextLine, settings: PrintSettings) -> None:
    out = ""
    for run in line.runs:
        pad = run.x - columns(out)
        out += " " * max(0 if not out else 1, pad) + run.text
    size = _SIZE[line.style.size]
    bold = 1 if line.style.weight == "bold" else 0
    printer._raw(GS + b"!" + bytes((size,)) + ESC + b"E" + bytes((bold,)) + _encode(out, settings) + b"\n")


def text_job(receipt: Receipt, settings: PrintSettings) -> bytes:
    lay = text_layout(receipt, settings)
    printer = dummy(settings)
    printer._raw(INIT)
    if settings.codepage is not None:
        printer._raw(ESC + b"t" + bytes((settings.codepage,)))
    rule_chars = {"dashed": "-", "solid": "_", "double": "=", "blank": " "}
    for item in lay.items:
        if isinstance(item, TextLine):
            if item.framed:
                printer._raw(_encode("=" * lay.width, settings) + b"\n")
            _line(printer, item, settings)
            if item.framed:
                printer._raw(GS + b"!\x00" + _encode("=" * lay.width, settings) + b"\n")
        elif isinstance(item, Rule):
            printer._raw(
                GS + b"!\x00" + ESC + b"E\x00" + _encode(rule_chars[item.style] * lay.width, settings)
            )
            printer._raw(b"\n")
        elif isinstance(item, Picture):
            row = Image.new("1", (lay.dots, item.image.height), 1)
            row.paste(item.image, (item.x, 0))
            image_bytes(printer, row)
        elif isinstance(item, Space) and item.lines:
            printer.print_and_feed(item.lines)
        elif isinstance(item, Command):
            command(printer, item, settings)
    printer._raw(GS + b"!\x00" + ESC + b"E\x00")
    return bytes(printer.output)
