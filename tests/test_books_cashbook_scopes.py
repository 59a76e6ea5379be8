"""The cash book (pos_app.books.cashbook) by group and for the whole network, over one day and a period,
with a void paid back by transfer, a sale on the Kapi stall, money for an online order and a transfer
between groups paid by bank.  The known day of tests/books_day.py, worked by hand:

on the 23rd #1 ฿120.00 cash; on the 24th T1 #2–#6 ฿276.60 cash and ฿155.00 PromptPay, #7 refund ฿50.00
cash, ice ฿35.00 cash out (the change put in is not an entry).  Added here: K1 #1 100 g KAPI-KG ฿20.00 by
PromptPay at 12:00, and #5 (฿95.00 PromptPay) voided at 14:00 with the money sent back by transfer (#8)."""

from __future__ import annotations

import datetime as dt

from db.connection import OpenedDatabase
from db.models import Item, Shop, Till
from pos_app.books import cash
from pos_app.books.cashbook import cash_book
from pos_app.books.scope import make_scope
from pos_app.books.transfer_pay import pay_transfer
from pos_app.money import Money
from pos_app.selling import refunds, sales
from pos_app.stock import transfers
from tests.books_day import DAY, actor, at, build_day, cart, master_data, seller, t1, treasurer

B = Money.parse
NEXT = DAY + dt.timedelta(days=1)
BEFORE = DAY - dt.timedelta(days=1)


def _day_with_stall_and_void() -> None:
    done = build_day()
    k1 = Till.get(Till.code == "K1").id
    sales.commit_sale(actor("admin"), k1, cart(("KAPI-KG", 100)), method="promptpay", now=at(12))
    five = done["5"]
    refunds.refund_sale(treasurer(), t1().id, five.uuid, "สแกนผิด", now=at(14), method="transfer",  # type: ignore[attr-defined]
                        void=True)


def test_the_whole_networks_book_of_the_day(empty_db: OpenedDatabase) -> None:
    _day_with_stall_and_void()
    book = cash_book(make_scope(DAY))
    assert book.brought_forward == (B("120.00"), B("0"))
    rows = [(ln.day, ln.document, ln.description, ln.cash_in, ln.bank_in, ln.cash_out, ln.bank_out,
             ln.cash_balance, ln.bank_balance) for ln in book.lines]
    assert rows == [
        (DAY, "T1-000002–000006", "ขายสินค้าประจำวัน (ใบเสร็จ 5 ใบ)", B("276.60"), B("155.00"), B("0"), B("0"),
         B("396.60"), B("155.00")),
        (DAY, "K1-000001", "ขายสินค้าประจำวัน (ใบเสร็จ 1 ใบ)", B("0"), B("20.00"), B("0"), B("0"),
         B("396.60"), B("175.00")),
        (DAY, "T1-000007", "คืนเงินให้ลูกค้า", B("0"), B("0"), B("50.00"), B("0"), B("346.60"), B("175.00")),
        (DAY, rows[3][1], "ค่าน้ำแข็ง", B("0"), B("0"), B("35.00"), B("0"), B("311.60"), B("175.00")),
        (DAY, "T1-000008", "ยกเลิกการขาย", B("0"), B("0"), B("0"), B("95.00"), B("311.60"), B("80.00")),
    ]
    assert rows[3][1].startswith("CASH-") and len(rows[3][1]) == 13
    assert [ln.at for ln in book.lines] == [at(9), at(12), at(12), at(13), at(14)]
    assert book.carried_forward == (B("311.60"), B("80.00"))
    assert book.totals == (B("276.60"), B("175.00"), B("85.00"), B("95.00"))
    assert cash_book(make_scope(NEXT)).brought_forward == (B("311.60"), B("80.00"))
    assert cash_book(make_scope(NEXT)).lines == []


def test_each_groups_book_holds_its_own_tills_only(empty_db: OpenedDatabase) -> None:
    _day_with_stall_and_void()
    bhs = cash_book(make_scope(DAY, group="BHS"))
    assert [ln.document for ln in bhs.lines][:3] == ["T1-000002–000006", "T1-000007", bhs.lines[2].document]
    assert [ln.document for ln in bhs.lines][3:] == ["T1-000008"]
    assert (bhs.brought_forward, bhs.carried_forward) == ((B("120.00"), B("0")), (B("311.60"), B("60.00")))
    kapi = cash_book(make_scope(DAY, group="KAPI"))
    assert [(ln.document, ln.cash_in, ln.bank_in, ln.bank_balance) for ln in kapi.lines] == [
        ("K1-000001", B("0"), B("20.00"), B("20.00"))]
    assert (kapi.brought_forward, kapi.carried_forward) == ((B("0"), B("0")), (B("0"), B("20.00")))
    assert cash_book(make_scope(NEXT, group="KAPI")).brought_forward == (B("0"), B("20.00"))
    assert cash_book(make_scope(NEXT, group="BHS")).brought_forward == (B("311.60"), B("60.00"))
    assert cash_book(make_scope(DAY, group="HERB")).lines == []


def test_a_period_of_two_days_starts_from_nothing_and_lists_both(empty_db: OpenedDatabase) -> None:
    _day_with_stall_and_void()
    book = cash_book(make_scope(BEFORE, DAY))
    assert book.brought_forward == (B("0"), B("0"))
    first = book.lines[0]
    assert (first.day, first.document, first.description, first.cash_in, first.cash_balance) == (
        BEFORE, "T1-000001", "ขายสินค้าประจำวัน (ใบเสร็จ 1 ใบ)", B("120.00"), B("120.00"))
    assert [ln.day for ln in book.lines] == [BEFORE, DAY, DAY, DAY, DAY, DAY]
    assert book.carried_forward == (B("311.60"), B("80.00"))
    assert cash_book(make_scope(NEXT, NEXT + dt.timedelta(days=6))).lines == []
    assert cash_book(make_scope(dt.date(2026, 11, 1), BEFORE)).carried_forward == (B("120.00"), B("0"))


def test_money_for_an_online_order_is_brought_forward_by_method_and_group(empty_db: OpenedDatabase) -> None:
    from pos_app.selling import orders
    from pos_app.selling.payments import PaymentIn

    build_day()
    order = cart(("KAPI-SEASONED", 3))  # 3 × ฿40.00 = ฿120.00, unpaid on the 24th
    order.set_channel("online", "คุณมาลี", "0812345678")
    saved = sales.commit_sale(seller(), t1().id, order, payments=[], now=at(15))
    later = dt.date(2026, 11, 26)
    cash.close_shift(treasurer(), t1().id, {10000: 7, 2000: 1, 100: 3}, "เหรียญหาย", now=at(17))
    cash.open_shift(treasurer(), t1().id, {10000: 1}, now=at(8, 0, later))
    orders.pay_order(seller(), saved.uuid, [PaymentIn("transfer", B("50.00"))], now=at(9, 0, later))
    orders.pay_order(seller(), saved.uuid, [PaymentIn("cash", B("70.00"), B("100.00"))], now=at(9, 5, later))
    book = cash_book(make_scope(later))
    assert [(ln.document, ln.description, ln.at) for ln in book.lines] == [
        ("T1-000008", "รับเงินค่าสินค้าสั่งออนไลน์", at(9, 0, later)),
        ("T1-000008", "รับเงินค่าสินค้าสั่งออนไลน์", at(9, 5, later))]
    # The 24th carried ฿311.60 cash and ฿155.00 bank; the order's ฿70.00 cash and ฿50.00 transfer came after.
    after = later + dt.timedelta(days=1)
    assert cash_book(make_scope(after)).brought_forward == (B("381.60"), B("205.00"))
    assert cash_book(make_scope(after, group="BHS")).brought_forward == (B("381.60"), B("205.00"))
    assert cash_book(make_scope(after, group="KAPI")).brought_forward == (B("0"), B("0"))
    assert cash_book(make_scope(later, group="KAPI")).lines == []


def test_a_transfer_paid_by_bank_is_bank_money_in_and_out(empty_db: OpenedDatabase) -> None:
    master_data()
    market, stall = Shop.get(Shop.code == "BHS-MARKET"), Shop.get(Shop.code == "KAPI-STALL")
    soap = Item.get(Item.sku == "DISH-500")
    done = transfers.transfer(actor("prapha"), market.id, stall.id, [transfers.GiveLine(soap.id, 4, B("80.00"))],
                              now=at(9))
    paid = pay_transfer(treasurer(), done.uuid, "bank", now=at(15))
    bhs, kapi = cash_book(make_scope(DAY, group="BHS")), cash_book(make_scope(DAY, group="KAPI"))
    assert [(ln.document, ln.description, ln.at, ln.cash_in, ln.bank_in, ln.cash_out, ln.bank_out)
            for ln in bhs.lines] == [(f"TRF-{str(paid.uuid)[:8]}", "ขายสินค้าให้กลุ่มกะปิคลองด่านชุมชน 3 (โอนสินค้าระหว่างกลุ่ม)",
                                      at(15), B("0"), B("80.00"), B("0"), B("0"))]
    assert [(ln.description, ln.bank_out, ln.bank_balance) for ln in kapi.lines] == [
        ("ซื้อสินค้าจากกลุ่มวิสาหกิจชุมชนบางหัวเสือ (โอนสินค้าระหว่างกลุ่ม)", B("80.00"), B("-80.00"))]
    assert cash_book(make_scope(NEXT, group="BHS")).brought_forward == (B("0"), B("80.00"))
    assert cash_book(make_scope(NEXT, group="KAPI")).brought_forward == (B("0"), B("-80.00"))
    assert cash_book(make_scope(NEXT)).brought_forward == (B("0"), B("0"))


def test_drawer_moves_by_group_and_brought_forward(empty_db: OpenedDatabase) -> None:
    master_data()
    t1_id, k1 = t1().id, Till.get(Till.code == "K1").id
    cash.open_shift(treasurer(), t1_id, {10000: 1}, now=at(8))  # floats are not entries
    cash.open_shift(treasurer(), k1, {2000: 5}, now=at(8))
    cash.move_cash(treasurer(), t1_id, "in", "other", "เงินยืมจากประธานกลุ่ม", B("200.00"), now=at(9))
    cash.move_cash(treasurer(), k1, "out", "ice", "น้ำแข็ง", B("20.00"), now=at(9, 30))
    cash.move_cash(treasurer(), t1_id, "out", "supplier", "ค่าผัก", B("30.00"), now=at(10))
    cash.move_cash(treasurer(), t1_id, "in", "change", "เหรียญทอน", B("100.00"), now=at(10, 30))  # not an entry
    cash.move_cash(treasurer(), t1_id, "out", "bank", "ฝากธนาคาร", B("150.00"), now=at(11))
    book = cash_book(make_scope(DAY))
    assert [(ln.description, ln.at, ln.cash_in, ln.bank_in, ln.cash_out, ln.cash_balance, ln.bank_balance)
            for ln in book.lines] == [
        ("เงินยืมจากประธานกลุ่ม", at(9), B("200.00"), B("0"), B("0"), B("200.00"), B("0")),
        ("น้ำแข็ง", at(9, 30), B("0"), B("0"), B("20.00"), B("180.00"), B("0")),
        ("ค่าผัก", at(10), B("0"), B("0"), B("30.00"), B("150.00"), B("0")),
        ("นำเงินสดฝากธนาคาร", at(11), B("0"), B("150.00"), B("150.00"), B("0"), B("150.00"))]
    assert (book.brought_forward, book.carried_forward) == ((B("0"), B("0")), (B("0"), B("150.00")))
    assert cash_book(make_scope(DAY, group="BHS")).carried_forward == (B("20.00"), B("150.00"))
    assert [ln.description for ln in cash_book(make_scope(DAY, group="KAPI")).lines] == ["น้ำแข็ง"]
    assert cash_book(make_scope(NEXT)).brought_forward == (B("0"), B("150.00"))
    assert cash_book(make_scope(NEXT, group="BHS")).brought_forward == (B("20.00"), B("150.00"))
    assert cash_book(make_scope(NEXT, group="KAPI")).brought_forward == (B("-20.00"), B("0"))
