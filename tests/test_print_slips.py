"""Held-sale slips and online-order paper: queued in the same transaction as what they record; an order not
paid in full prints as an order slip ("not a receipt", what is still due), and its receipt is queued when the
last money arrives.  Expected texts are written out by hand from the demo's prices (฿211.60 cart)."""

from __future__ import annotations

import datetime as dt

import pytest

from db.connection import OpenedDatabase
from db.models.printing import PrintJob
from pos_app.errors import InputError
from pos_app.money import Money
from pos_app.printing import outbox
from pos_app.printing.receipt_of import build_receipt
from pos_app.selling import holds, orders, sales
from pos_app.selling.cart import Cart
from pos_app.selling.payments import PaymentIn
from receipts.jsonio import parse_document
from tests.print_helpers import NOON, seller, three_line_cart, till_t1
from tests.test_print_receipt_of import texts


def jobs_now() -> list[PrintJob]:
    return list(PrintJob.select().where(PrintJob.till == till_t1().id).order_by(PrintJob.id))


def test_holding_a_sale_queues_its_slip_in_the_same_transaction(demo_db: OpenedDatabase) -> None:
    before = len(jobs_now())
    cart = three_line_cart()
    holds.hold(seller(), till_t1().id, cart, "คุณแดง", now=NOON)
    new = jobs_now()[before:]
    assert [(j.kind, j.doc_kind, j.copy) for j in new] == [("document", "held_slip", False)]
    lines = texts(parse_document(new[0].payload))
    assert lines[:3] == ["ร้านเครือข่ายบางหัวเสือ (ตลาดนัด)", "ใบพักการขาย", "ไม่ใช่ใบเสร็จรับเงิน"]
    assert lines[3:5] == ["พักไว้โดย สมศรี", "วันที่ 24 พ.ย. 2569 | 12:00 น."]
    assert "ลูกค้า: คุณแดง" in lines
    assert "น้ำยาล้างจาน 500 มล. | 1 ชิ้น | ฿25.00" in lines
    assert "ชาหญ้าหมอน้อย (20 ซอง) | 2 ชิ้น | ฿120.00" in lines
    assert "กะปิ (ชั่งกิโล) | 333 ก. | ฿66.60" in lines
    assert "ยอดรวม | ฿211.60" in lines
    assert outbox.job(new[0].uuid).label == "ใบพักการขาย"


def test_a_refused_hold_queues_nothing(demo_db: OpenedDatabase) -> None:
    before = len(jobs_now())
    with pytest.raises(InputError):
        holds.hold(seller(), till_t1().id, Cart(), "", now=NOON)
    assert len(jobs_now()) == before


def online_cart() -> Cart:
    cart = three_line_cart()
    cart.set_channel("online", "คุณสมชาย", "0812345678")
    return cart


def test_online_order_prints_an_order_slip_then_its_receipt_when_paid_in_full(demo_db: OpenedDatabase) -> None:
    before = len(jobs_now())
    order = sales.commit_sale(seller(), till_t1().id, online_cart(), now=NOON,
                              payments=[PaymentIn("cash", Money(10000), Money(10000))]).uuid
    first = jobs_now()[before:]
    assert [(j.kind, j.doc_uuid) for j in first] == [("receipt", order)]
    slip = texts(build_receipt(order, as_of=first[0].created_at))
    assert "ใบสั่งซื้อ" in slip and "ไม่ใช่ใบเสร็จรับเงิน" in slip and "ใบเสร็จรับเงิน" not in slip
    assert "ลูกค้า: คุณสมชาย 0812345678" in slip
    assert "รับเงินสด | ฿100.00" in slip
    assert slip[-1] == "ยอดค้างชำระ | ฿111.60"

    later = NOON + dt.timedelta(hours=2)
    orders.pay_order(seller(), order, [PaymentIn("transfer", Money(5000))], now=later)
    assert len(jobs_now()) == before + 1  # part paid: nothing new to print
    orders.pay_order(seller(), order, [PaymentIn("cash", Money(6160), Money(10000))],
                     now=later + dt.timedelta(minutes=5))
    second = jobs_now()[before + 1:]
    assert [(j.kind, j.doc_uuid) for j in second] == [("receipt", order)]
    receipt = texts(build_receipt(order, as_of=second[0].created_at))
    assert "ใบเสร็จรับเงิน" in receipt and "ใบสั่งซื้อ" not in receipt
    assert [t for t in receipt if t.startswith("รับ")] == [
        "รับเงินสด | ฿100.00", "รับโอนเงินผ่านธนาคาร | ฿50.00", "รับเงินสด | ฿100.00"]
    assert "เงินทอน | ฿38.40" in receipt
    assert not any(t.startswith("ยอดค้างชำระ") for t in receipt)
    # the slip queued first still prints as the slip it was, even if it prints after the money came in
    assert texts(build_receipt(order, as_of=first[0].created_at)) == slip


def test_online_order_paid_at_once_prints_a_plain_receipt(demo_db: OpenedDatabase) -> None:
    order = sales.commit_sale(seller(), till_t1().id, online_cart(), Money(30000), now=NOON).uuid
    lines = texts(build_receipt(order))
    assert "ใบเสร็จรับเงิน" in lines and "ใบสั่งซื้อ" not in lines
    assert "รับเงินสด | ฿300.00" in lines and "เงินทอน | ฿88.40" in lines
