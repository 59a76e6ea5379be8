"""X and Z on the receipt printer: a receipts document that renders on 58 mm and goes into the outbox."""

from __future__ import annotations

import json

from db.connection import OpenedDatabase
from db.models.printing import PrintJob
from pos_app.books import cash, days
from pos_app.books.xz_print import print_x, print_z, till_day_receipt
from receipts.document import Row, Text
from receipts.render import render_preview
from receipts.settings import PrintSettings
from tests.books_day import DAY, at, build_day, t1, treasurer


def test_z_receipt_carries_the_hand_worked_figures_and_prints(empty_db: OpenedDatabase) -> None:
    build_day()
    cash.close_shift(treasurer(), t1().id, {10000: 7, 2000: 1, 100: 3}, "เหรียญหาย", now=at(17))
    z = days.close_day(treasurer(), t1().shop_id, DAY, now=at(18)).z_reports[0]
    receipt = till_day_receipt(z)
    rows = {b.left: b.right for b in receipt.blocks if isinstance(b, Row)}
    texts = [b.text for b in receipt.blocks if isinstance(b, Text)]
    assert texts[0] == "รายงาน Z ที่ 1"
    assert rows["ยอดขายสุทธิ"] == "฿381.60" and rows["ชำระด้วยเงินสด"] == "฿226.60"
    assert rows["เงินสดที่ควรมี"] == "฿723.60" and rows["เงินเกิน/ขาด"] == "-฿0.60"
    assert z.journal_head in texts
    image = render_preview(receipt, PrintSettings(paper=58))
    assert image.width == 384 and image.height > 400
    job = print_z(treasurer(), z, t1().id)
    stored = PrintJob.get(PrintJob.uuid == job)
    assert stored.doc_kind == "z_report" and "381.60" in json.dumps(json.loads(stored.payload), ensure_ascii=False)
    x_job = print_x(treasurer(), t1().id)
    assert PrintJob.get(PrintJob.uuid == x_job).doc_kind == "x_report"
