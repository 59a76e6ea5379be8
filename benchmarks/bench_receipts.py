"""``receipt_render``: a 20-line Thai receipt laid out and rendered to ESC/POS raster bytes.

Floor, measured in the same run: Pillow drawing the same 20 lines (one ``draw.text`` call each, raqm, the
same font) on a 576-dot image, thresholded to 1 bit, plus python-escpos encoding it (``GS v 0``).
Each measured receipt has its own number, time and amounts (as at a real till), so only what really
repeats (header, footer, item names of the catalogue) comes from the cache of rendered runs.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from PIL import Image, ImageDraw

from benchmarks.harness import Figure, best_of
from receipts.document import Block, Cut, Receipt, Row, Separator, Text
from receipts.escpos_out import dummy
from receipts.layout import TextLine
from receipts.metrics import RasterMetrics, font_for
from receipts.render import layout_receipt, render_escpos
from receipts.settings import PrintSettings

TARGET_MS = 30.0
ITEMS = [
    "กะปิกุ้งแท้คลองด่าน 500 ก.",
    "กะปิผงรสวาซาบิ",
    "กะปิผงทรงเครื่อง",
    "น้ำยาล้างจาน สูตรมะนาว 1 ลิตร",
    "น้ำยาซักผ้า 1 ลิตร",
    "แชมพูสมุนไพร",
    "ชาหญ้าหมอน้อย",
    "น้ำสมุนไพรหญ้าหมอน้อย",
    "กุ้งแห้งตัวใหญ่ 100 ก.",
    "ถุงผ้าที่ปั้นลายชุมชน",
]
_counter = itertools.count(1)


def receipt(n: int) -> Receipt:
    """20 lines: 5 header, 10 items, 5 totals/footer; the number, time and amounts change with ``n``."""
    blocks: list[Block] = [
        Text("กลุ่มวิสาหกิจชุมชนบางหัวเสือ", align="center", weight="bold"),
        Text("ต.บางหัวเสือ อ.พระประแดง จ.สมุทรปราการ", align="center"),
        Text("ใบเสร็จรับเงิน", align="center", weight="bold"),
        Text(f"เลขที่ {n:06d}   24 พ.ย. 2569 {n % 24:02d}:{n % 60:02d} น."),
        Text("พนักงานขาย: สมศรี"),
        Separator(),
    ]
    total = 0
    for i, name in enumerate(ITEMS):
        qty = 1 + (n + i) % 4
        price = 2500 + 500 * i + n % 7 * 25
        total += qty * price
        blocks.append(
            Row(name, f"฿{qty * price // 100:,}.{qty * price % 100:02d}", f"{qty} × ฿{price // 100}.{price % 100:02d}")
        )
    blocks += [
        Separator("solid"),
        Row("ยอดชำระ", f"฿{total // 100:,}.{total % 100:02d}", weight="bold"),
        Row("รับเงินสด", "฿2,000.00"),
        Row("เงินทอน", f"฿{(200000 - total) // 100:,}.{(200000 - total) % 100:02d}"),
        Text("ขอบคุณที่อุดหนุนสินค้าชุมชน", align="center", weight="bold"),
        Text("สินค้าซื้อแล้วเปลี่ยนได้ภายใน 7 วัน", align="center"),
        Cut(),
    ]
    return Receipt(tuple(blocks))


def floor_render(lines: list[tuple[str, int, int, str]], height: int, px: int, settings: PrintSettings) -> bytes:
    """Pillow drawing each line in one call, a 1-bit threshold, python-escpos encoding: nothing else."""
    from receipts.document import TextStyle

    image = Image.new("L", (settings.dots, height), 255)
    draw = ImageDraw.Draw(image)
    for text, x, y, weight in lines:
        draw.text((x, y), text, font=font_for(TextStyle("normal", weight), px), fill=0)  # type: ignore[arg-type]
    bw = image.point(lambda v: 255 if v >= 128 else 0).convert("1")
    printer = dummy(settings)
    printer.image(bw, impl="bitImageRaster", fragment_height=960)
    return bytes(printer.output)


def figures() -> Iterator[Figure]:
    settings = PrintSettings(paper=80)
    metrics = RasterMetrics.for_paper(80)
    render_escpos(receipt(0), settings)  # warm up: dictionary, fonts, catalogue names

    def ours() -> bytes:
        return render_escpos(receipt(next(_counter)), settings)

    sample = receipt(1)
    lay = layout_receipt(sample, settings)
    lines: list[tuple[str, int, int, str]] = []
    y = 0
    for item in lay.items:
        if isinstance(item, TextLine):
            text = "   ".join(run.text for run in item.runs)
            lines.append((text, item.runs[0].x if item.runs else 0, y, item.style.weight))
        y += getattr(item, "height", 0)
    text_lines = len(lines)
    floor_render(lines, lay.height, metrics.font_px, settings)

    value = best_of(ours, repeat=7, number=5)
    floor = best_of(lambda: floor_render(lines, lay.height, metrics.font_px, settings), repeat=7, number=5)
    cold_doc = receipt(10_000)
    from receipts import metrics as metrics_module
    from receipts import raster

    def cold() -> bytes:
        raster.run_mask.cache_clear()
        metrics_module._measure.cache_clear()
        return render_escpos(cold_doc, settings)

    cold_s = best_of(cold, repeat=3, number=1)
    yield Figure(
        name="receipt_render",
        unit="ms",
        value=value * 1000,
        floor=floor * 1000,
        target_ratio=1.5,
        extra={
            "text_lines": text_lines,
            "bytes": len(ours()),
            "target_ms": TARGET_MS,
            "target_ms_ok": value * 1000 <= TARGET_MS,
            "moonshot_ms": 10.0,
            "moonshot_ms_ok": value * 1000 <= 10.0,
            "cold_cache_ms": round(cold_s * 1000, 2),
        },
    )
