"""Raster rendering: the layout drawn with Pillow + raqm (shaped Thai, Sarabun), thresholded to 1 bit.

The preview *is* this image; the ESC/POS bytes are this image sliced into ``GS v 0`` commands, so what the
screen shows is what the paper gets, dot for dot.  Each text run is drawn once and cached (headers, footers
and repeated item names cost a paste on the next receipt).
"""

from __future__ import annotations

from functools import lru_cache

from PIL import Image, ImageDraw

from receipts.document import TextStyle
from receipts.layout import Command, Layout, Picture, Rule, Space, TextLine
from receipts.metrics import RasterMetrics, font_for

THRESHOLD = 110  # of 255 ink coverage: a little bolder than half, thermal dots are small
_LUT = [255 if v >= THRESHOLD else 0 for v in range(256)]


@lru_cache(maxsize=4096)
def run_mask(text: str, style: TextStyle, font_px: int, height: int) -> tuple[Image.Image, int]:
    """The ink of ``text`` as a 1-bit mask (255 = ink) and the x offset of its left edge from the pen."""
    fnt = font_for(style, font_px)
    metrics = RasterMetrics(1, font_px)
    top, _ = metrics.pads()
    base_h = height // 2 if style.size == "double_height" else height
    if style.size == "double":
        top *= 2
    # One shaping and one drawing per run (getbbox + getlength + ImageDraw.text shaped it three times).
    core, (ink_x, ink_y) = fnt.getmask2(text, mode="L", anchor="la")
    ink = Image.Image()._new(core)
    left = min(0, ink_x)
    width = max(1, ink_x + ink.width - left + 1)
    img = Image.new("L", (width, base_h), 0)
    if ink.width and ink.height:
        img.paste(ink, (ink_x - left, top + ink_y))
    mask = img.point(_LUT, "1")
    if style.size == "double_width":
        mask = mask.resize((mask.width * 2, mask.height), Image.Resampling.NEAREST)
        left *= 2
    elif style.size == "double_height":
        mask = mask.resize((mask.width, mask.height * 2), Image.Resampling.NEAREST)
    return mask, left


def render(layout: Layout, font_px: int) -> Image.Image:
    """The whole receipt as one 1-bit image (0 = black), ``layout.dots`` wide."""
    width = layout.dots
    image = Image.new("1", (width, max(1, layout.height)), 1)
    draw = ImageDraw.Draw(image)
    y = 0
    for item in layout.items:
        if isinstance(item, TextLine):
            for run in item.runs:
                mask, offset = run_mask(run.text, run.style, font_px, item.height)
                image.paste(0, (run.x + offset, y), mask)
            if item.framed:
                xs = [r.x for r in item.runs] + [r.x + r.width for r in item.runs]
                x0, x1 = max(0, min(xs) - 12), min(width - 1, max(xs) + 12)
                draw.rectangle((x0, y + 2, x1, y + item.height - 3), outline=0, width=3)
        elif isinstance(item, Rule):
            _rule(draw, item, y, width)
        elif isinstance(item, Picture):
            image.paste(item.image, (item.x, y))
        elif isinstance(item, Space | Command):
            pass
        y += 0 if isinstance(item, Command) else item.height
    return image


def _rule(draw: ImageDraw.ImageDraw, rule: Rule, y: int, width: int) -> None:
    mid = y + rule.height // 2
    if rule.style == "solid":
        draw.rectangle((0, mid - 1, width - 1, mid), fill=0)
    elif rule.style == "double":
        draw.rectangle((0, mid - 3, width - 1, mid - 2), fill=0)
        draw.rectangle((0, mid + 1, width - 1, mid + 2), fill=0)
    elif rule.style == "dashed":
        for x in range(0, width, 12):
            draw.rectangle((x, mid - 1, min(width - 1, x + 6), mid), fill=0)


def segments(layout: Layout) -> list[tuple[int, int] | Command]:
    """Row ranges of the image between commands, and the commands, in order (empty ranges left out)."""
    out: list[tuple[int, int] | Command] = []
    start = y = 0
    for item in layout.items:
        if isinstance(item, Command):
            if y > start:
                out.append((start, y))
            out.append(item)
            start = y
        else:
            y += item.height
    if y > start:
        out.append((start, y))
    return out
