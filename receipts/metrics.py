"""How wide a text is and how tall a line is, in the units of one renderer.

:class:`RasterMetrics` measures shaped Thai with Pillow + raqm and the bundled Sarabun, in printer dots
(203 dpi: 8 dots a millimetre); the raster, the preview and the PDF all use it.  :class:`TextMetrics`
counts character columns for the opt-in code-page text mode (Thai marks take no column).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from PIL import ImageFont

from receipts.document import TextStyle
from receipts.settings import DOTS
from receipts.wrap import attaches
from resources import font_path

DEFAULT_FONT_PX = {58: 22, 80: 24}
WIDE_SIZES = ("double_width", "double")
TALL_SIZES = ("double_height", "double")


class Metrics(Protocol):
    @property
    def width(self) -> int: ...  # the line width, in this renderer's units

    @property
    def dots(self) -> int: ...  # the paper width in printer dots (pictures are always made in dots)

    @property
    def gap(self) -> int: ...  # space between columns

    def measure(self, text: str, style: TextStyle) -> int: ...

    def line_height(self, style: TextStyle) -> int: ...


@lru_cache(maxsize=32)
def font(weight: str, px: int) -> ImageFont.FreeTypeFont:
    path = font_path("Bold" if weight == "bold" else "Regular")
    return ImageFont.truetype(str(path), px, layout_engine=ImageFont.Layout.RAQM)


def font_for(style: TextStyle, px: int) -> ImageFont.FreeTypeFont:
    """The font a style is drawn with: ``double`` is drawn at twice the size, the others are stretched."""
    return font(style.weight, px * 2 if style.size == "double" else px)


@dataclass(frozen=True)
class RasterMetrics:
    dots: int
    font_px: int
    width: int = field(init=False)
    gap: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "width", self.dots)
        object.__setattr__(self, "gap", max(4, self.font_px // 2))

    @classmethod
    def for_paper(cls, paper: int, font_px: int = 0) -> RasterMetrics:
        return cls(DOTS[paper], font_px or DEFAULT_FONT_PX[paper])

    def measure(self, text: str, style: TextStyle) -> int:
        return _measure(text, style.weight, style.size, self.font_px)

    def pads(self) -> tuple[int, int]:
        """Room above the ascender (stacked Thai marks) and below the descender (ฐู, ญ), in dots."""
        return math.ceil(self.font_px * 0.25), math.ceil(self.font_px * 0.12)

    def line_height(self, style: TextStyle) -> int:
        return _line_height(self.font_px, style.size == "double" or style.size == "double_height")


@lru_cache(maxsize=8192)
def _measure(text: str, weight: str, size: str, px: int) -> int:
    if not text:
        return 0
    width = font_for(TextStyle(size, weight), px).getlength(text)  # type: ignore[arg-type]
    if size == "double_width":
        width *= 2
    return math.ceil(width)


@lru_cache(maxsize=64)
def _line_height(px: int, tall: bool) -> int:
    ascent, descent = font("regular", px).getmetrics()
    top, bottom = math.ceil(px * 0.25), math.ceil(px * 0.12)
    base = top + ascent + descent + bottom
    return base * 2 if tall else base


def columns(text: str) -> int:
    """Printer columns a text takes in code-page mode: Thai vowel and tone marks take none."""
    return sum(1 for ch in text if not attaches(ch) or ch == "\u0e33")


@dataclass(frozen=True)
class TextMetrics:
    dots: int
    width: int  # columns of the printer's font A (32 on 58 mm, 48 on 80 mm)
    gap: int = 1

    @classmethod
    def for_paper(cls, paper: int) -> TextMetrics:
        return cls(DOTS[paper], {58: 32, 80: 48}[paper])

    def measure(self, text: str, style: TextStyle) -> int:
        n = columns(text)
        return n * 2 if style.size in WIDE_SIZES else n

    def line_height(self, style: TextStyle) -> int:
        return 2 if style.size in TALL_SIZES else 1
