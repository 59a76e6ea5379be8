"""ESC/POS bytes of a receipt, made through python-escpos (a ``Dummy`` printer with a profile of the paper).

Raster mode (the default): the preview image, cut at the cut/drawer commands, sent as ``GS v 0`` in slices
of at most 960 rows.  The whole job is made in memory before a byte goes to a printer, so a bad document
never prints half.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

from escpos.capabilities import Profile, get_profile
from escpos.printer import Dummy
from PIL import Image

from receipts.layout import Command
from receipts.settings import PrintSettings

FRAGMENT_ROWS = 960  # python-escpos' default; GS v 0 itself caps at 4,095 and tall images print garbage
INIT = b"\x1b@"


@lru_cache(maxsize=4)
def profile(dots: int) -> Any:
    """python-escpos' default (Epson-compatible) profile with the paper's width, so it never warns."""
    data = copy.deepcopy(get_profile("default").profile_data)
    data["media"] = {"dpi": 203, "width": {"mm": {384: 48, 576: 72}.get(dots, dots // 8), "pixels": dots}}
    prof = Profile(features=dict(data["features"]))
    prof.profile_data = data  # an instance attribute: the shared class data stays untouched
    return prof


def dummy(settings: PrintSettings) -> Any:
    return Dummy(profile=profile(settings.dots))


def command(printer: Any, cmd: Command, settings: PrintSettings) -> None:
    if cmd.kind == "cut":
        if settings.cut == "none":
            printer.print_and_feed(6)
        else:
            printer.cut(mode="PART" if settings.cut == "partial" else "FULL")
    else:
        pulse = max(1, min(255, settings.drawer_pulse_ms // 2))
        printer.cashdraw([27, 112, 0 if settings.drawer_pin == 2 else 1, pulse, pulse])


_INK = bytes(255 - b for b in range(256))  # a 1-bit row as Pillow packs it (1 = white) → ESC/POS (1 = ink)


def image_bytes(printer: Any, image: Image.Image) -> None:
    """``GS v 0`` of a 1-bit image (0 = black) in slices of at most ``FRAGMENT_ROWS`` rows: byte for byte
    what python-escpos' ``image(impl="bitImageRaster")`` sends (tests/test_print_engine.py checks it), made
    without its RGBA → L → invert → 1 conversions of the whole picture (6 of a receipt's 7 ms)."""
    if image.mode != "1":
        image = image.convert("1")
    if image.width % 8:
        padded = Image.new("1", ((image.width + 7) // 8 * 8, image.height), 1)
        padded.paste(image, (0, 0))
        image = padded
    width_bytes = image.width // 8
    for top in range(0, image.height, FRAGMENT_ROWS):
        rows = min(FRAGMENT_ROWS, image.height - top)
        part = image if rows == image.height else image.crop((0, top, image.width, top + rows))
        header = b"\x1dv0\x00" + bytes((width_bytes & 0xFF, width_bytes >> 8, rows & 0xFF, rows >> 8))
        printer._raw(header + part.tobytes().translate(_INK))


def raster_job(image: Image.Image, parts: list[tuple[int, int] | Command], settings: PrintSettings) -> bytes:
    """``image`` (the preview) cut into ``parts`` (row ranges and commands) as ESC/POS bytes."""
    printer = dummy(settings)
    printer._raw(INIT)
    for part in parts:
        if isinstance(part, Command):
            command(printer, part, settings)
        else:
            top, bottom = part
            image_bytes(printer, image.crop((0, top, image.width, bottom)))
    return bytes(printer.output)
