"""An online order that a refund made smaller gets its receipt when what it keeps is paid — on both databases.

Found by mutation testing: the receipt was queued only when the payments reached the order's whole total, so
an order of 3 jars (฿120) with one jar returned and ฿80 paid left the pending list but never printed its
receipt, and its paper went on saying "still to pay ฿40".  KAPI-SEASONED is ฿40.00 a jar (demo); every figure
below is worked by hand.
"""

from __future__ import annotations

import uuid

from db.connection import OpenedDatabase
from db.models.printing import PrintJob
from pos_app.clock import FixedClock
from pos_app.money import Money
from pos_app.printing.receipt_of import build_receipt
from pos_app.selling import orders, refunds
from pos_app.selling.payments import PaymentIn
from tests.test_print_receipt_of import texts
from tests.test_refund_orders_paid_later import LATER, order_of_three
from tests.test_selling_rules import seller, till, treasurer


def receipt_jobs(order: uuid.UUID) -> list[PrintJob]:
    return list(PrintJob.select().where((PrintJob.doc_uuid == order) & (PrintJob.kind == "receipt"))
                .order_by(PrintJob.id))


def test_an_unpaid_order_with_a_jar_returned_prints_its_receipt_when_80_baht_comes(
        demo_db: OpenedDatabase, clock: FixedClock) -> None:
    order = order_of_three("คุณส้ม")
    assert len(receipt_jobs(order.uuid)) == 1  # the order slip
    refunds.refund_sale(treasurer(), till().id, order.uuid, "แตก 1 กระปุก", lines={1: 1})
    clock.set(LATER)
    orders.pay_order(seller(), order.uuid, [PaymentIn("transfer", Money(8000))])
    jobs = receipt_jobs(order.uuid)
    assert len(jobs) == 2  # the receipt, now that the ฿80 for the two jars kept is paid
    lines = texts(build_receipt(order.uuid, as_of=jobs[1].created_at))
    assert "ใบเสร็จรับเงิน" in lines and "ใบสั่งซื้อ" not in lines
    assert "คืนสินค้า | -฿40.00" in lines
    assert "รับโอนเงินผ่านธนาคาร | ฿80.00" in lines
    assert not any(t.startswith("ยอดค้างชำระ") for t in lines)


def test_a_part_paid_order_with_a_jar_returned_owes_30_baht_then_prints_its_receipt(
        demo_db: OpenedDatabase, clock: FixedClock) -> None:
    """฿50 of ฿120 paid, one ฿40 jar back: the two jars kept cost ฿80, so nothing goes back and ฿30 is due; the
    slip says so; ฿30 more queues the receipt."""
    order = order_of_three("คุณแดง")
    orders.pay_order(seller(), order.uuid, [PaymentIn("cash", Money(5000))])
    refunds.refund_sale(treasurer(), till().id, order.uuid, "แตก 1 กระปุก", lines={1: 1})
    assert len(receipt_jobs(order.uuid)) == 1
    slip = texts(build_receipt(order.uuid))
    assert "ใบสั่งซื้อ" in slip and "คืนสินค้า | -฿40.00" in slip
    assert slip[-1] == "ยอดค้างชำระ | ฿30.00"
    clock.set(LATER)
    orders.pay_order(seller(), order.uuid, [PaymentIn("transfer", Money(3000))])
    jobs = receipt_jobs(order.uuid)
    assert len(jobs) == 2
    lines = texts(build_receipt(order.uuid, as_of=jobs[1].created_at))
    assert "ใบเสร็จรับเงิน" in lines
    assert [t for t in lines if t.startswith("รับ")] == ["รับเงินสด | ฿50.00", "รับโอนเงินผ่านธนาคาร | ฿30.00"]
    assert not any(t.startswith("ยอดค้างชำระ") for t in lines)


def test_part_of_the_money_still_queues_nothing(demo_db: OpenedDatabase, clock: FixedClock) -> None:
    order = order_of_three("คุณเขียว")
    refunds.refund_sale(treasurer(), till().id, order.uuid, "แตก 1 กระปุก", lines={1: 1})
    orders.pay_order(seller(), order.uuid, [PaymentIn("transfer", Money(7999))])
    assert len(receipt_jobs(order.uuid)) == 1  # one satang short of the ฿80 due
    assert texts(build_receipt(order.uuid))[-1] == "ยอดค้างชำระ | ฿0.01"
