"""The receipts' front door: lay a :class:`Receipt` out once and render it for paper, screen or PDF.

>>> image = render_preview(receipt, PrintSettings(paper=58))       # Pillow image, mode "1"
>>> data = render_escpos(receipt, PrintSettings(paper=80))         # bytes for any ESC/POS printer
>>> pdf = render_pdf(receipt, page="a5")                           # bytes of a PDF
"""

from __future__ import annotations

from PIL import Image

from receipts.document import Receipt
from receipts.escpos_out import raster_job
from receipts.layout import Layout, layout
from receipts.metrics import RasterMetrics
from receipts.raster import render, segments
from receipts.settings import PrintSettings
from receipts.textmode import text_job

DEFAULT = PrintSettings()


def raster_metrics(settings: PrintSettings = DEFAULT) -> RasterMetrics:
    return RasterMetrics.for_paper(settings.paper, settings.font_px)


def layout_receipt(receipt: Receipt, settings: PrintSettings = DEFAULT) -> Layout:
    """The raster layout (in dots) shared by the preview, the ESC/POS raster and the PDF."""
    return layout(receipt, raster_metrics(settings))


def render_preview(receipt: Receipt, settings: PrintSettings = DEFAULT) -> Image.Image:
    """What the paper will show, dot for dot: a 1-bit image 384 or 576 dots wide."""
    metrics = raster_metrics(settings)
    return render(layout(receipt, metrics), metrics.font_px)


def render_escpos(receipt: Receipt, settings: PrintSettings = DEFAULT) -> bytes:
    """The whole print job as ESC/POS bytes (raster ``GS v 0`` by default, code-page text when opted in)."""
    if settings.thai_mode == "codepage":
        return text_job(receipt, settings)
    metrics = raster_metrics(settings)
    lay = layout(receipt, metrics)
    return raster_job(render(lay, metrics.font_px), segments(lay), settings)


def render_escpos_with_preview(
    receipt: Receipt, settings: PrintSettings = DEFAULT
) -> tuple[bytes, Image.Image]:
    """Raster bytes and the preview they were made from (one layout, one drawing)."""
    metrics = raster_metrics(settings)
    lay = layout(receipt, metrics)
    image = render(lay, metrics.font_px)
    return raster_job(image, segments(lay), settings), image
