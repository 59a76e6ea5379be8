"""A refund document field by field — its sale row, lines, payment, journal entry and stock — and every refusal
word for word; on both databases.  Demo prices: KAPI-KG ฿200.00 a kilo (per 1000 g), TEA-YMN ฿60.00.
Expected values are worked by hand."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from db.connection import OpenedDatabase
from db.models import JournalEntry, Payment, PriceTier, Sale, SaleLine, StockMovement, User
from pos_app.errors import InputError
from pos_app.money import Money
from pos_app.printing import outbox
from pos_app.selling import refunds, sales
from pos_app.selling.payments import PaymentIn
from pos_app.selling.sales import SaleResult
from pos_app.stock import ledger as stock
from tests.conftest import TODAY
from tests.test_selling_rules import cart_of, item, seller, till, treasurer


def id_of(row: object) -> object:
    return getattr(row, "id", None)


def kapi_and_tea() -> SaleResult:
    sale = sales.commit_sale(seller(), till().id, cart_of(("KAPI-KG", 500), ("TEA-YMN", 1)), Money(20000))
    assert sale.total == Money(16000)  # ฿100.00 for 500 g + ฿60.00
    return sale


def test_a_refund_document_field_by_field(demo_db: OpenedDatabase) -> None:
    shop = till().shop_id
    kapi, tea = item("KAPI-KG").id, item("TEA-YMN").id
    start = stock.on_hand_many([kapi, tea], shop)
    sale = kapi_and_tea()
    result = refunds.refund_sale(seller(), till().id, sale.uuid, "  กะปิขึ้นรา ชาแตก  ", lines={1: 200, 2: 1},
                                 to_waste=frozenset({2}), method="transfer", approved_by=treasurer())
    # 200 of 500 g: ฿100.00 × 200/500 = ฿40.00; the tea ฿60.00
    assert (result.kind, result.number, result.total, result.tendered, result.change, result.method,
            result.paid, result.already_saved) == ("refund", sale.number + 1, Money(-10000), Money(-10000),
                                                   Money(0), "transfer", Money(-10000), False)
    assert result.payments == (PaymentIn("transfer", Money(-10000)),)
    # the kapi came back (−500 + 200 g); the tea came back and went to waste (−1 + 1 − 1)
    assert result.stock_after == {kapi: start[kapi] - 300, tea: start[tea] - 1}
    row = Sale.get(Sale.uuid == result.uuid)
    original = Sale.get(Sale.uuid == sale.uuid)
    somsri, wanna = User.get(User.login == "somsri"), User.get(User.login == "wanna")
    assert (row.kind, row.till_id, row.number, row.seller_id, row.tier_id, row.business_date, row.total_satang,
            row.refund_of_id, row.note, row.channel, row.reversal, id_of(row.discount_approved_by)) == (
        "refund", till().id, sale.number + 1, somsri.id, PriceTier.get(PriceTier.code == "retail").id, TODAY,
        -10000, original.id, "กะปิขึ้นรา ชาแตก", "stall", "refund", wanna.id)
    lines = [(ln.line_no, ln.item_id, ln.quantity, ln.unit_price_satang, ln.per_quantity, ln.amount_satang,
              ln.discount_satang, ln.refund_of_line_no) for ln in SaleLine.select().where(SaleLine.sale == row)
             .order_by(SaleLine.line_no)]
    assert lines == [(1, kapi, -200, 20000, 1000, -4000, 0, 1), (2, tea, -1, 6000, 1, -6000, 0, 2)]
    assert [(p.method, p.amount_satang) for p in Payment.select().where(Payment.sale == row)] == [("transfer", -10000)]
    entry = JournalEntry.get(JournalEntry.doc_uuid == result.uuid)
    assert (entry.doc_type, id_of(entry.till), id_of(entry.user)) == ("refund", till().id, somsri.id)
    assert json.loads(entry.summary) == {
        "number": sale.number + 1, "till": "T1", "user": "somsri", "at": result.created_at.isoformat(),
        "total": -10000, "refund_of": str(sale.uuid), "reason": "กะปิขึ้นรา ชาแตก", "approved_by": "wanna",
        "payments": [["transfer", -10000]], "lines": [[1, -200, -4000, False], [2, -1, -6000, True]]}
    moves = (StockMovement.select().where(StockMovement.document_uuid == result.uuid)
             .order_by(StockMovement.id))
    assert sorted((m.kind, id_of(m.item), m.quantity, id_of(m.user)) for m in moves) == sorted(
        [("refund", kapi, 200, somsri.id), ("refund", tea, 1, somsri.id), ("waste", tea, -1, somsri.id)])
    assert [(j.kind, j.doc_kind, j.number) for j in outbox.open_jobs(till().id) if j.doc_uuid == result.uuid] == [
        ("receipt", "refund", sale.number + 1)]


def test_a_void_is_journalled_as_a_void_with_no_approver(demo_db: OpenedDatabase) -> None:
    sale = kapi_and_tea()
    void = refunds.refund_sale(treasurer(), till().id, sale.uuid, "สแกนผิด", void=True, lines={2: 1})  # all of it
    assert (void.total, void.paid, void.method) == (Money(-16000), Money(-16000), "cash")
    row = Sale.get(Sale.uuid == void.uuid)
    assert (row.reversal, row.discount_approved_by, row.seller_id) == (
        "void", None, User.get(User.login == "wanna").id)
    entry = JournalEntry.get(JournalEntry.doc_uuid == void.uuid)
    summary = json.loads(entry.summary)
    assert (entry.doc_type, summary["approved_by"], summary["payments"], summary["lines"]) == (
        "void", "", [["cash", -16000]], [[1, -500, -10000, False], [2, -1, -6000, False]])


def test_a_sale_with_refunds_cannot_be_voided(demo_db: OpenedDatabase) -> None:
    sale = kapi_and_tea()
    refunds.refund_sale(treasurer(), till().id, sale.uuid, "ชาแตก", lines={2: 1})
    with pytest.raises(InputError) as err:
        refunds.refund_sale(treasurer(), till().id, sale.uuid, "ผิด", void=True)
    assert str(err.value) == f"ใบเสร็จเลขที่ {sale.number} มีการคืนสินค้าไปแล้ว จึงยกเลิกบิลไม่ได้"


@pytest.mark.parametrize(
    ("lines", "method", "message"),
    [
        ({1: 100}, "promptpay", "คืนเงินได้เป็นเงินสดหรือโอนเงินเท่านั้น"),
        ({3: 1}, "cash", "ใบเสร็จเลขที่ {number} ไม่มีรายการที่ 3"),
        ({1: -1}, "cash", "จำนวนต้องมากกว่าศูนย์"),
        ({1: True}, "cash", "จำนวนต้องมากกว่าศูนย์"),
        ({1: 1.5}, "cash", "จำนวนต้องมากกว่าศูนย์"),
        ({1: 501}, "cash", "รายการที่ 1 คืนได้อีกเพียง 500"),
        ({1: 0, 2: 0}, "cash", "ใบเสร็จเลขที่ {number} ไม่มีรายการเหลือให้คืนแล้ว"),
        ({}, "cash", "ใบเสร็จเลขที่ {number} ไม่มีรายการเหลือให้คืนแล้ว"),
    ],
)
def test_a_refund_refused_says_why_and_writes_nothing(demo_db: OpenedDatabase, lines: dict[int, int], method: str,
                                                      message: str) -> None:
    sale = kapi_and_tea()
    before = (Sale.select().count(), till().last_receipt_no)
    with pytest.raises(InputError) as err:
        refunds.refund_sale(treasurer(), till().id, sale.uuid, "คืน", lines=lines, method=method)
    assert str(err.value) == message.format(number=sale.number)
    assert (Sale.select().count(), till().last_receipt_no) == before


def test_a_line_left_at_zero_is_skipped(demo_db: OpenedDatabase) -> None:
    sale = kapi_and_tea()
    refund = refunds.refund_sale(treasurer(), till().id, sale.uuid, "ชาแตก", lines={1: 0, 2: 1})
    rows = SaleLine.select().join(Sale).where(Sale.uuid == refund.uuid)
    assert [(ln.line_no, ln.quantity, ln.refund_of_line_no) for ln in rows] == [(1, -1, 2)]
    assert refund.total == Money(-6000)


def test_a_line_discount_is_not_given_back(demo_db: OpenedDatabase) -> None:
    cart = cart_of(("TEA-YMN", 2))  # 2 × ฿60.00 = ฿120.00
    cart.set_line_discount(0, Money(1000))  # ฿10.00 off the line: ฿110.00 paid
    sale = sales.commit_sale(seller(), till().id, cart, Money(11000))
    first = refunds.refund_sale(treasurer(), till().id, sale.uuid, "แตก", lines={1: 1})
    assert first.total == Money(-5500)  # half of ฿110.00
    rest = refunds.refund_sale(treasurer(), till().id, sale.uuid, "แตกอีก")
    assert rest.total == Money(-5500)  # the ฿55.00 left


def test_the_refunds_receipt_is_queued_at_the_refunds_own_time_on_its_till(demo_db: OpenedDatabase) -> None:
    sale = kapi_and_tea()
    at = dt.datetime(2026, 11, 24, 9, 45, tzinfo=dt.UTC)  # 16:45 in Bangkok, hours after the clock's 10:00
    result = refunds.refund_sale(treasurer(), till().id, sale.uuid, "ชาแตก", now=at, lines={2: 1})
    assert (result.till_id, result.created_at, result.total) == (till().id, at, Money(-6000))
    jobs = [(j.kind, j.doc_kind, j.created_at) for j in outbox.open_jobs(till().id) if j.doc_uuid == result.uuid]
    assert jobs == [("receipt", "refund", at)]
