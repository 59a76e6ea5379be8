"""The self-test page of ``pos-app printer test``: Thai marks, both paper rulers, a QR, the code page."""

from __future__ import annotations

from receipts.document import Block, Cut, Feed, QRCode, Receipt, Ruler, Separator, Text
from receipts.printers import PrinterConfig
from receipts.textmode import SAMPLE

THAI_LINE = "ที่น้ำกุ้งปั้นญ้าฐู"
PROMPTPAY_SAMPLE = "00020101021129370016A000000677010111011300668012345675802TH530376463046197"


def self_test_receipt(config: PrinterConfig) -> Receipt:
    s = config.settings
    mode = (
        "raster"
        if s.thai_mode == "raster"
        else f"codepage {s.codepage if s.codepage is not None else 'none'}"
    )
    blocks: list[Block] = [
        Text("ทดสอบเครื่องพิมพ์", align="center", size="double", weight="bold"),
        Text("Printer test", align="center", weight="bold"),
        Text(config.address, align="center"),
        Text(
            f"{s.paper} mm · {s.dots} dots · {mode} · cut {s.cut} · drawer pin {s.drawer_pin}", align="center"
        ),
        Separator("solid"),
        Text(THAI_LINE, align="center", size="double"),
        Text(THAI_LINE, align="center"),
        Text(THAI_LINE, align="center", weight="bold"),
        Separator("dashed"),
        Text("58 mm = 384 dots · 80 mm = 576 dots", align="center"),
        Ruler(),
        Text("The right-hand bar must be on the paper / แถบขวาสุดต้องอยู่บนกระดาษ", align="center"),
        Separator("dashed"),
        QRCode(PROMPTPAY_SAMPLE, caption="PromptPay 080-123-4567 (ตัวอย่าง / sample)"),
    ]
    if s.thai_mode == "codepage":
        blocks += [Separator("dashed"), Text(f"Code page {s.codepage}:"), Text(SAMPLE)]
    blocks += [Feed(1), Cut()]
    return Receipt(tuple(blocks))
