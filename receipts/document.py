"""A receipt as plain data: frozen dataclasses, no I/O, no money arithmetic.

Amounts arrive as strings already formatted by the core (``"฿1,200.50"``); the receipts package only places
them.  A :class:`Receipt` is a sequence of blocks, laid out top to bottom by :mod:`receipts.layout`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

Align = Literal["left", "center", "right"]
Size = Literal["normal", "double_height", "double_width", "double"]
Weight = Literal["regular", "bold"]
SeparatorStyle = Literal["dashed", "solid", "double", "blank"]
Symbology = Literal["code128", "ean13", "ean8", "code39"]

ALIGNS: tuple[Align, ...] = ("left", "center", "right")
SIZES: tuple[Size, ...] = ("normal", "double_height", "double_width", "double")
WEIGHTS: tuple[Weight, ...] = ("regular", "bold")
SEPARATOR_STYLES: tuple[SeparatorStyle, ...] = ("dashed", "solid", "double", "blank")
SYMBOLOGIES: tuple[Symbology, ...] = ("code128", "ean13", "ean8", "code39")


@dataclass(frozen=True)
class TextStyle:
    size: Size = "normal"
    weight: Weight = "regular"


NORMAL = TextStyle()
BOLD = TextStyle(weight="bold")


@dataclass(frozen=True)
class Text:
    """A paragraph; wrapped at Thai word boundaries; ``\\n`` starts a new line."""

    text: str
    align: Align = "left"
    size: Size = "normal"
    weight: Weight = "regular"

    @property
    def style(self) -> TextStyle:
        return TextStyle(self.size, self.weight)


@dataclass(frozen=True)
class Row:
    """Two columns (``left | right``) or three (``left | middle | right``), e.g. name | 2 × ฿45.00 | ฿90.00.

    The left column wraps; ``middle`` and ``right`` are right-aligned and sit on the row's last line.
    """

    left: str
    right: str
    middle: str | None = None
    size: Size = "normal"
    weight: Weight = "regular"

    @property
    def style(self) -> TextStyle:
        return TextStyle(self.size, self.weight)


@dataclass(frozen=True)
class Separator:
    style: SeparatorStyle = "dashed"


@dataclass(frozen=True)
class QRCode:
    """A QR code (e.g. a PromptPay payload), centered; ``module``: dots per QR module (0 = automatic)."""

    data: str
    caption: str = ""
    module: int = 0


@dataclass(frozen=True)
class Barcode:
    data: str
    symbology: Symbology = "code128"
    show_text: bool = True


@dataclass(frozen=True)
class Logo:
    """An image (PNG/JPEG/… bytes), scaled down to ``max_width`` of the paper (a fraction) and dithered."""

    image: bytes = field(repr=False)
    max_width: float = 0.6


@dataclass(frozen=True)
class CopyMark:
    """The framed "สำเนา / COPY" mark of a reprint."""

    text: str = "สำเนา / COPY"


@dataclass(frozen=True)
class Ruler:
    """A dot ruler across the paper with marks at 384 (58 mm) and 576 (80 mm) dots: for the self-test."""


@dataclass(frozen=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True)
class Cut:
    """Cut the paper here (full or partial as the printer's setting says; only a feed if it has no cutter)."""


@dataclass(frozen=True)
class DrawerKick:
    """Open the cash drawer (pin and pulse are the printer's settings)."""


Block = Text | Row | Separator | QRCode | Barcode | Logo | CopyMark | Ruler | Feed | Cut | DrawerKick


@dataclass(frozen=True)
class Receipt:
    blocks: tuple[Block, ...]
    copy: bool = False  # a reprint: the COPY mark is added at the top

    def as_copy(self) -> Receipt:
        return replace(self, copy=True)

    def effective_blocks(self) -> tuple[Block, ...]:
        if self.copy and not any(isinstance(b, CopyMark) for b in self.blocks):
            return (CopyMark(), *self.blocks)
        return self.blocks
