"""PDF of a receipt: the same layout (in dots of 0.125 mm) drawn with reportlab, Thai shaped by HarfBuzz.

``page="roll"`` is an 80 mm wide page as long as the receipt; ``page="a5"`` lays the receipt out 128 mm
wide on A5 pages (at the same text size), page breaks between lines.  Every text run is a ``Paragraph``
with ``shaping=1`` in the registered Sarabun TTF, so marks sit right and the text can be selected and
searched.
"""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from receipts.document import Receipt, TextStyle
from receipts.layout import Command, Layout, Picture, Rule, Space, TextLine, layout
from receipts.metrics import RasterMetrics
from receipts.settings import PrintSettings
from resources import font_path

Page = Literal["roll", "a5"]
DOT = 0.125 * mm  # one printer dot at 203 dpi
ROLL_MARGIN = 4 * mm
A5_MARGIN = 10 * mm
A5_DOTS = 1024  # 128 mm of text on a 148 mm page
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


@lru_cache(maxsize=1)
def register_fonts() -> tuple[str, str]:
    from receipts import pdf_unicode

    pdfmetrics.registerFont(TTFont("Sarabun", str(font_path("Regular"))))
    pdfmetrics.registerFont(TTFont("Sarabun-Bold", str(font_path("Bold"))))
    pdf_unicode.install(("Sarabun", "Sarabun-Bold"))
    return "Sarabun", "Sarabun-Bold"


def render_pdf(
    receipt: Receipt, page: Page = "roll", settings: PrintSettings | None = None, title: str = ""
) -> bytes:
    """The receipt as PDF bytes (``page`` roll: 80 mm wide, one long page; a5: A5 pages)."""
    font_px = (settings.font_px if settings else 0) or 24
    metrics = RasterMetrics(A5_DOTS if page == "a5" else 576, font_px)
    lay = layout(receipt, metrics)
    register_fonts()
    buf = io.BytesIO()
    if page == "a5":
        width, height = A5
        margin = A5_MARGIN
    else:
        width, height = 80 * mm, lay.height * DOT + 2 * ROLL_MARGIN
        margin = ROLL_MARGIN
    canvas = Canvas(buf, pagesize=(width, height), pageCompression=1)
    canvas.setTitle(title or "ใบเสร็จรับเงิน")
    canvas.setCreator("pos-app receipts")
    _draw(canvas, lay, metrics, margin, width, height)
    canvas.save()
    return buf.getvalue()


def _draw(
    canvas: Canvas, lay: Layout, metrics: RasterMetrics, margin: float, width: float, height: float
) -> None:
    left = (width - lay.dots * DOT) / 2
    top = height - margin
    y = top  # the top of the next item, in points from the bottom of the page
    for item in lay.items:
        if isinstance(item, Command):
            continue
        h = item.height * DOT
        if y - h < margin - 0.01 and y < top:
            canvas.showPage()
            y = top
        if isinstance(item, TextLine):
            _line(canvas, item, metrics, left, y)
        elif isinstance(item, Rule):
            _rule(canvas, item, left, y, lay.dots)
        elif isinstance(item, Picture):
            reader = ImageReader(item.image.convert("RGB"))
            canvas.drawImage(reader, left + item.x * DOT, y - h, item.image.width * DOT, h)
        elif isinstance(item, Space):
            pass
        y -= h


@lru_cache(maxsize=16)
def _style(weight: str, size_pt: float) -> ParagraphStyle:
    regular, bold = register_fonts()
    return ParagraphStyle(
        f"receipt-{weight}-{size_pt}",
        fontName=bold if weight == "bold" else regular,
        fontSize=size_pt,
        leading=size_pt * 1.25,
        shaping=1,
    )


def _line(canvas: Canvas, line: TextLine, metrics: RasterMetrics, left: float, y: float) -> None:
    top_pad, _ = metrics.pads()
    for run in line.runs:
        style = run.style
        sx = 2.0 if style.size == "double_width" else 1.0
        sy = 2.0 if style.size == "double_height" else 1.0
        px = metrics.font_px * (2 if style.size == "double" else 1)
        pad = top_pad * (2 if style.size in ("double", "double_height") else 1)
        para_style = _style(style.weight, px * DOT)
        para_style = ParagraphStyle(
            para_style.name + run.align, parent=para_style, alignment=_ALIGN[run.align], shaping=1
        )
        slack = px * DOT * 2
        box_w = run.width * DOT / sx + slack
        x = left + run.x * DOT
        if run.align == "right":
            x -= slack * sx
        elif run.align == "center":
            x -= slack * sx / 2
        para = Paragraph(escape(run.text), para_style)
        _, para_h = para.wrap(box_w, 10_000)
        ascent = _ascent(style, px) * DOT
        canvas.saveState()
        # the first baseline sits one font size below the paragraph's top; match the raster's baseline
        baseline = y - (pad * DOT) * 1 - ascent * sy
        canvas.translate(x, baseline)
        canvas.scale(sx, sy)
        para.drawOn(canvas, 0, -(para_h - para_style.fontSize))
        canvas.restoreState()


def _ascent(style: TextStyle, px: int) -> float:
    from receipts.metrics import font

    return float(font(style.weight, px).getmetrics()[0])


def _rule(canvas: Canvas, rule: Rule, left: float, y: float, dots: int) -> None:
    mid = y - rule.height * DOT / 2
    right = left + dots * DOT
    canvas.saveState()
    canvas.setLineWidth(2 * DOT)
    if rule.style == "dashed":
        canvas.setDash(6 * DOT, 6 * DOT)
        canvas.line(left, mid, right, mid)
    elif rule.style == "solid":
        canvas.line(left, mid, right, mid)
    elif rule.style == "double":
        canvas.line(left, mid + 2.5 * DOT, right, mid + 2.5 * DOT)
        canvas.line(left, mid - 2.5 * DOT, right, mid - 2.5 * DOT)
    canvas.restoreState()


def pdf_page_count(data: bytes) -> int:
    """For tests and the command line: the number of pages (via pypdf if installed)."""
    from pypdf import PdfReader

    reader: Any = PdfReader(io.BytesIO(data))
    return len(reader.pages)
