"""One layout of a receipt for one paper width, feeding every renderer (raster, preview, PDF, text mode).

Units are those of the :class:`~receipts.metrics.Metrics` given (dots for raster/PDF, columns for text
mode).  Every text run is measured and wrapped so that it never passes the paper's edge; pictures are
made in printer dots and never wider than the paper.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PIL import Image

from receipts.document import (
    Align,
    Barcode,
    Block,
    CopyMark,
    Cut,
    DrawerKick,
    Feed,
    Logo,
    QRCode,
    Receipt,
    Row,
    Ruler,
    Separator,
    SeparatorStyle,
    Text,
    TextStyle,
)
from receipts.errors import DocumentError
from receipts.graphics import barcode_image, logo_image, qr_image, ruler_image
from receipts.metrics import Metrics
from receipts.wrap import wrap

STACK_BELOW = 0.45  # a 3-column row whose name column would be narrower than this share of the paper stacks
MAX_FEED = 20


@dataclass(frozen=True)
class Run:
    """A piece of one line: ``text`` laid in the box ``[x, x + width)``, aligned in it as ``align`` says."""

    x: int
    width: int
    text: str
    style: TextStyle
    align: Align = "left"


@dataclass(frozen=True)
class TextLine:
    runs: tuple[Run, ...]
    height: int
    style: TextStyle
    framed: bool = False


@dataclass(frozen=True)
class Rule:
    style: SeparatorStyle
    height: int


@dataclass(frozen=True)
class Picture:
    image: Image.Image  # mode "1", 0 = black dot
    x: int  # in dots
    height: int  # in the layout's units (dots; 0 in text mode, where pictures go as raster)


@dataclass(frozen=True)
class Space:
    height: int
    lines: int


@dataclass(frozen=True)
class Command:
    kind: Literal["cut", "drawer"]


Item = TextLine | Rule | Picture | Space | Command


@dataclass(frozen=True)
class Layout:
    width: int
    dots: int
    items: tuple[Item, ...]

    @property
    def height(self) -> int:
        return sum(0 if isinstance(item, Command) else item.height for item in self.items)


Column = tuple[list[str], int, int, Align]  # lines, x, width, alignment


@dataclass(frozen=True)
class _Columns:
    middle: int
    right: int
    stacked: bool


def layout(receipt: Receipt, metrics: Metrics, *, pictures_in_dots: bool = True) -> Layout:
    """Lay ``receipt`` out; ``pictures_in_dots=False`` (text mode) gives pictures no height of their own."""
    blocks = receipt.effective_blocks()
    columns = _fit_columns([b for b in blocks if isinstance(b, Row) and b.middle is not None], metrics)
    items: list[Item] = []
    for block in blocks:
        items.extend(_block(block, metrics, columns, pictures_in_dots))
    return Layout(metrics.width, metrics.dots, tuple(items))


def _block(block: Block, m: Metrics, columns: _Columns, in_dots: bool) -> list[Item]:
    if isinstance(block, Text):
        return _text(block.text, block.style, block.align, m)
    if isinstance(block, Row):
        return _row(block, m, columns)
    if isinstance(block, Separator):
        return [Rule(block.style, max(1, m.line_height(TextStyle()) // 2))]
    if isinstance(block, CopyMark):
        style = TextStyle("double", "bold")
        lines = _text(block.text, style, "center", m)
        return [
            TextLine(line.runs, line.height, style, framed=True)
            for line in lines
            if isinstance(line, TextLine)
        ]
    if isinstance(block, Feed):
        if not 0 <= block.lines <= MAX_FEED:
            raise DocumentError("A feed must be 0 to {most} lines", most=MAX_FEED)
        return [Space(block.lines * m.line_height(TextStyle()), block.lines)]
    if isinstance(block, Cut):
        return [Command("cut")]
    if isinstance(block, DrawerKick):
        return [Command("drawer")]
    if isinstance(block, QRCode):
        items = _picture(qr_image(block, m.dots), m, in_dots)
        return items + (_text(block.caption, TextStyle(), "center", m) if block.caption else [])
    if isinstance(block, Barcode):
        items = _picture(barcode_image(block, m.dots), m, in_dots)
        return items + (_text(block.data, TextStyle(), "center", m) if block.show_text else [])
    if isinstance(block, Logo):
        return _picture(logo_image(block, m.dots), m, in_dots)
    if isinstance(block, Ruler):
        return _picture(ruler_image(m.dots), m, in_dots)
    raise DocumentError("Unknown receipt block {kind}", kind=type(block).__name__)


def _picture(image: Image.Image, m: Metrics, in_dots: bool) -> list[Item]:
    picture = Picture(image, (m.dots - image.width) // 2, image.height if in_dots else 0)
    if not in_dots:
        return [picture]
    pad = m.line_height(TextStyle()) // 4
    return [Space(pad, 0), picture, Space(pad, 0)]


def _aligned_x(align: Align, x: int, width: int, used: int) -> int:
    if align == "right":
        return x + width - used
    if align == "center":
        return x + (width - used) // 2
    return x


NARROWER = {"double": "double_height", "double_width": "normal"}


def _one_line_style(text: str, style: TextStyle, m: Metrics) -> TextStyle:
    """A double-width label or title that would break over two lines keeps its height and loses the double
    width (ยอดชำระ stays one word on 58 mm paper, whatever the font size)."""
    narrower = NARROWER.get(style.size)
    if narrower is None or "\n" in text or m.measure(text, style) <= m.width:
        return style
    return TextStyle(narrower, style.weight)  # type: ignore[arg-type]


def _text(text: str, style: TextStyle, align: Align, m: Metrics) -> list[Item]:
    style = _one_line_style(text, style, m)
    height = m.line_height(style)
    out: list[Item] = []
    for line in wrap(text, m.width, lambda s: m.measure(s, style)):
        used = m.measure(line, style)
        out.append(
            TextLine((Run(_aligned_x(align, 0, m.width, used), used, line, style, align),), height, style)
        )
    return out


def _fit_columns(rows: list[Row], m: Metrics) -> _Columns:
    """Widths of the middle and right columns shared by every 3-column row, so the amounts line up."""
    if not rows:
        return _Columns(0, 0, False)
    middle = min(max(m.measure(r.middle or "", r.style) for r in rows), int(m.width * 0.45))
    right = min(max(m.measure(r.right, r.style) for r in rows), int(m.width * 0.4))
    name = m.width - middle - right - 2 * m.gap
    stacked = name < m.width * STACK_BELOW
    if stacked and middle + right + m.gap > m.width:
        middle = m.width - right - m.gap
    return _Columns(middle, right, stacked)


def _column(text: str, width: int, style: TextStyle, m: Metrics) -> list[str]:
    return wrap(text, max(1, width), lambda s: m.measure(s, style))


def _row(row: Row, m: Metrics, columns: _Columns) -> list[Item]:
    style, gap, width = _one_line_style(row.left, row.style, m), m.gap, m.width
    height = m.line_height(style)
    if row.middle is None:
        right_w = m.measure(row.right, style)
        avail = width - right_w - gap
        left_w = m.measure(row.left, style)
        big_label = style.size != "normal" and avail < left_w <= width  # a total's label: never split it
        if right_w <= width * 0.6 and avail >= width * 0.35 and not big_label:
            cols: list[Column] = [
                (_column(row.left, avail, style, m), 0, avail, "left"),
                (_column(row.right, right_w, style, m), width - right_w, right_w, "right"),
            ]
            return _assemble(cols, style, height, m)
        return _stack_then_right(row.left, row.right, style, height, m)
    if not columns.stacked:
        name_w = width - columns.middle - columns.right - 2 * gap
        mid_x = name_w + gap
        cols = [
            (_column(row.left, name_w, style, m), 0, name_w, "left"),
            (_column(row.middle, columns.middle, style, m), mid_x, columns.middle, "right"),
            (_column(row.right, columns.right, style, m), width - columns.right, columns.right, "right"),
        ]
        return _assemble(cols, style, height, m)
    items = _text(row.left, style, "left", m) if row.left else []
    return items + _detail_and_amount(row.middle, row.right, style, height, m, columns)


def _detail_and_amount(middle: str, right: str, style: TextStyle, height: int, m: Metrics,
                       columns: _Columns) -> list[Item]:
    """Under a stacked name (narrow paper): the quantity × price kept whole, ending where the amounts' column
    starts, and the amount on the same line when both fit; else the detail on lines of its own (wrapped only
    where it is wider than the paper) with the amount right-aligned on its last line or below it."""
    mid_w, right_w = m.measure(middle, style), m.measure(right, style)
    amount_w = max(columns.right, right_w)
    if mid_w + m.gap + amount_w <= m.width:
        end = m.width - amount_w - m.gap
        runs = (Run(end - mid_w, mid_w, middle, style, "right"), Run(m.width - right_w, right_w, right, style, "right"))
        return [TextLine(runs, height, style)]
    return _stack_then_right(middle, right, style, height, m)


def _stack_then_right(left: str, right: str, style: TextStyle, height: int, m: Metrics) -> list[Item]:
    """The left text on full-width lines; the right text right-aligned on its last line if it fits,
    else on lines of its own below."""
    lines = _column(left, m.width, style, m) if left else []
    right_lines = _column(right, m.width, style, m)
    items: list[Item] = []
    last_right_w = m.measure(right_lines[-1], style)
    joined = len(right_lines) == 1 and lines and m.measure(lines[-1], style) + m.gap + last_right_w <= m.width
    for n, line in enumerate(lines):
        runs = [Run(0, m.measure(line, style), line, style, "left")]
        if joined and n == len(lines) - 1:
            runs.append(Run(m.width - last_right_w, last_right_w, right_lines[0], style, "right"))
        items.append(TextLine(tuple(runs), height, style))
    if not joined:
        for line in right_lines:
            used = m.measure(line, style)
            items.append(TextLine((Run(m.width - used, used, line, style, "right"),), height, style))
    return items


def _assemble(cols: list[Column], style: TextStyle, height: int, m: Metrics) -> list[Item]:
    """Lines of a row: the first column top-aligned, the others bottom-aligned (amount on the last line)."""
    count = max(len(lines) for lines, _, _, _ in cols)
    out: list[Item] = []
    for i in range(count):
        runs: list[Run] = []
        for n, (lines, x, width, align) in enumerate(cols):
            k = i if n == 0 else i - (count - len(lines))
            if 0 <= k < len(lines) and lines[k]:
                used = m.measure(lines[k], style)
                runs.append(Run(_aligned_x(align, x, width, used), used, lines[k], style, align))
        out.append(TextLine(tuple(runs), height, style))
    return out
