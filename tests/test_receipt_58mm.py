"""58 mm paper (384 dots): a per-kilo price stays whole on one line with its amount, the double-size total
label never breaks over two lines, and a line too long for the paper is wrapped, never cut."""

from __future__ import annotations

import pytest

from receipts.document import Receipt, Row, Text
from receipts.layout import TextLine, layout
from receipts.metrics import RasterMetrics


def lines_of(receipt: Receipt, font_px: int = 0) -> list[list[str]]:
    lay = layout(receipt, RasterMetrics.for_paper(58, font_px))
    return [[run.text for run in item.runs] for item in lay.items if isinstance(item, TextLine)]


def test_per_kilo_price_is_one_piece_beside_its_amount() -> None:
    rows = (Row("กะปิกุ้งแท้ ชั่งกิโล", "฿66.60", middle="333 ก. × ฿200.00/กก."),
            Row("น้ำยาล้างจาน", "฿120.00", middle="2 ชิ้น × ฿60.00"))
    got = lines_of(Receipt(rows))
    assert got == [["กะปิกุ้งแท้ ชั่งกิโล"], ["333 ก. × ฿200.00/กก.", "฿66.60"],
                   ["น้ำยาล้างจาน"], ["2 ชิ้น × ฿60.00", "฿120.00"]]
    lay = layout(Receipt(rows), RasterMetrics.for_paper(58))
    detail = [i for i in lay.items if isinstance(i, TextLine)][1]
    amount = detail.runs[1]
    assert amount.x + amount.width == 384  # the amount sits on the paper's right edge
    assert detail.runs[0].x + detail.runs[0].width < amount.x  # the price ends before it, not over it


def test_amounts_of_stacked_rows_line_up() -> None:
    rows = (Row("กะปิ", "฿66.60", middle="333 ก. × ฿200.00/กก."),
            Row("แชมพูสมุนไพรอัญชันขวดใหญ่พิเศษ", "฿1,250.00", middle="1,500 มล. × ฿250.00/ล."))
    lay = layout(Receipt(rows), RasterMetrics.for_paper(58))
    details = [i for i in lay.items if isinstance(i, TextLine) and len(i.runs) == 2]
    assert len(details) == 2
    ends = {d.runs[0].x + d.runs[0].width for d in details}
    assert len(ends) == 1  # both prices end at the same place: the amounts' column


@pytest.mark.parametrize("font_px", [0, 28, 40, 52, 64])
@pytest.mark.parametrize("label", ["ยอดชำระ", "ยอดคืนเงิน"])
def test_double_size_total_label_is_never_broken(font_px: int, label: str) -> None:
    got = lines_of(Receipt((Row(label, "฿12,436.60", size="double", weight="bold"),)), font_px)
    assert [label] in got or any(line[0] == label for line in got)
    assert sum(label in "".join(line) for line in got) == 1


@pytest.mark.parametrize("font_px", [0, 40])
def test_double_size_title_is_never_broken(font_px: int) -> None:
    got = lines_of(Receipt((Text("ใบยกเลิกการขาย", align="center", size="double", weight="bold"),)), font_px)
    assert got == [["ใบยกเลิกการขาย"]]


def test_price_too_long_for_the_paper_is_wrapped_not_cut() -> None:
    middle = "12,345,678 มล. × ฿1,234,567.00/ล. ราคาพิเศษสำหรับสมาชิกกลุ่มวิสาหกิจชุมชน"
    got = lines_of(Receipt((Row("แชมพู", "฿99,999.00", middle=middle),)))
    text = "".join("".join(line) for line in got)
    assert text.replace(" ", "") == ("แชมพู" + middle + "฿99,999.00").replace(" ", "")
    lay = layout(Receipt((Row("แชมพู", "฿99,999.00", middle=middle),)), RasterMetrics.for_paper(58))
    for item in lay.items:
        if isinstance(item, TextLine):
            for run in item.runs:
                assert 0 <= run.x and run.x + run.width <= 384
