"""Lines of the cash book (pos_app/books/cashbook.py) found by mutation testing, worked by hand: two refunds on
one till the same day are two lines, and money for an online order paid on a later day is not in the book of
the day the order was saved, for the network nor for its group.  The known day is tests/books_day.py: on the
23rd #1 ฿120.00 cash; on the 24th T1 #2–#6 ฿276.60 cash and ฿155.00 PromptPay, #7 refund of #2 ฿50.00 cash,
ice ฿35.00 cash out (the change coins put in are not an entry)."""

from __future__ import annotations

import datetime as dt
import uuid

from db.connection import OpenedDatabase
from db.models import Item, Shop
from pos_app.books import cash
from pos_app.books.cashbook import cash_book
from pos_app.books.scope import make_scope
from pos_app.books.transfer_pay import pay_transfer
from pos_app.money import Money
from pos_app.selling import orders, refunds, sales
from pos_app.selling.payments import PaymentIn
from pos_app.stock import transfers
from tests.books_day import DAY, actor, at, build_day, cart, master_data, seller, t1, treasurer

B = Money.parse
NEXT = dt.date(2026, 11, 25)
LATER = dt.date(2026, 11, 26)


def test_two_refunds_on_one_till_the_same_day_are_two_lines(empty_db: OpenedDatabase) -> None:
    done = build_day()
    # #8: #4 (KAPI-KG 500 g ฿100.00 + DRINK-YMN ×3 ฿60.00) brought back whole at 14:00, ฿160.00 paid back in cash
    refunds.refund_sale(treasurer(), t1().id, done["4"].uuid, "ลูกค้าคืนสินค้า", now=at(14))  # type: ignore[attr-defined]
    book = cash_book(make_scope(DAY))
    rows = [(ln.document, ln.description, ln.cash_in, ln.bank_in, ln.cash_out, ln.cash_balance, ln.bank_balance,
             ln.at) for ln in book.lines]
    assert rows == [
        ("T1-000002–000006", "ขายสินค้าประจำวัน (ใบเสร็จ 5 ใบ)", B("276.60"), B("155.00"), B("0"), B("396.60"),
         B("155.00"), at(9)),
        ("T1-000007", "คืนเงินให้ลูกค้า", B("0"), B("0"), B("50.00"), B("346.60"), B("155.00"), at(12)),
        (rows[2][0], "ค่าน้ำแข็ง", B("0"), B("0"), B("35.00"), B("311.60"), B("155.00"), at(13)),
        ("T1-000008", "คืนเงินให้ลูกค้า", B("0"), B("0"), B("160.00"), B("151.60"), B("155.00"), at(14)),
    ]
    assert book.carried_forward == (B("151.60"), B("155.00"))
    assert book.scope == make_scope(DAY)
    # A sale on the 25th (#9, ฿25.00 cash) in a two-day book comes after all of the 24th's lines.
    sales.commit_sale(seller(), t1().id, cart(("DISH-500", 1)), B("25.00"), now=at(10, 0, NEXT))
    both = cash_book(make_scope(DAY, NEXT))
    assert [(ln.day, ln.document) for ln in both.lines] == [
        (DAY, "T1-000002–000006"), (DAY, "T1-000007"), (DAY, rows[2][0]), (DAY, "T1-000008"), (NEXT, "T1-000009")]
    assert both.carried_forward == (B("176.60"), B("155.00"))


def test_money_for_an_order_paid_later_is_not_in_the_book_of_the_day_it_was_saved(empty_db: OpenedDatabase) -> None:
    build_day()
    order = cart(("KAPI-SEASONED", 3))  # 3 × ฿40.00 = ฿120.00, saved unpaid on the 24th as #8
    order.set_channel("online", "คุณมาลี", "0812345678")
    saved = sales.commit_sale(seller(), t1().id, order, payments=[], now=at(15))
    cash.close_shift(treasurer(), t1().id, {10000: 7, 2000: 1, 100: 3}, "เหรียญหาย", now=at(17))
    cash.open_shift(treasurer(), t1().id, {10000: 1}, now=at(8, 0, LATER))
    orders.pay_order(seller(), saved.uuid, [PaymentIn("cash", B("120.00"), B("150.00"))], now=at(9, 0, LATER))
    for group in (None, "BHS"):
        day = cash_book(make_scope(DAY, group=group))
        assert [ln.document for ln in day.lines] == ["T1-000002–000006", "T1-000007", day.lines[2].document]
        assert day.carried_forward == (B("311.60"), B("155.00"))
        assert cash_book(make_scope(DAY + dt.timedelta(days=1), group=group)).lines == []
    cash.move_cash(treasurer(), t1().id, "out", "ice", "น้ำแข็ง", B("5.00"), now=at(10, 0, LATER))
    for group in (None, "BHS"):  # on the 26th: the order's money at 09:00 before the ice at 10:00
        paid = cash_book(make_scope(LATER, group=group))
        assert [(ln.day, ln.document, ln.cash_in, ln.cash_out, ln.cash_balance) for ln in paid.lines] == [
            (LATER, "T1-000008", B("120.00"), B("0"), B("431.60")), (LATER, paid.lines[1].document, B("0"), B("5.00"),
                                                                      B("426.60"))]


def test_the_days_sales_come_first_then_each_document_by_its_time(empty_db: OpenedDatabase) -> None:
    build_day()
    market, stall = Shop.get(Shop.code == "BHS-MARKET"), Shop.get(Shop.code == "KAPI-STALL")
    soap = Item.get(Item.sku == "DISH-500")
    cash.move_cash(treasurer(), t1().id, "out", "supplier", "ค่าผัก", B("10.00"), now=at(8, 30))  # before any sale
    done = transfers.transfer(actor("prapha"), market.id, stall.id, [transfers.GiveLine(soap.id, 4, B("80.00"))],
                              now=at(9))
    paid = pay_transfer(treasurer(), done.uuid, "bank", now=at(15))
    cash.move_cash(treasurer(), t1().id, "out", "supplier", "ค่าส่งของ", B("10.00"), now=at(16))
    book = cash_book(make_scope(DAY, group="BHS"))
    rows = [(ln.description, ln.at, ln.cash_in, ln.bank_in, ln.cash_out, ln.cash_balance, ln.bank_balance)
            for ln in book.lines]
    assert rows == [
        ("ขายสินค้าประจำวัน (ใบเสร็จ 5 ใบ)", at(9), B("276.60"), B("155.00"), B("0"), B("396.60"), B("155.00")),
        ("ค่าผัก", at(8, 30), B("0"), B("0"), B("10.00"), B("386.60"), B("155.00")),
        ("คืนเงินให้ลูกค้า", at(12), B("0"), B("0"), B("50.00"), B("336.60"), B("155.00")),
        ("ค่าน้ำแข็ง", at(13), B("0"), B("0"), B("35.00"), B("301.60"), B("155.00")),
        ("ขายสินค้าให้กลุ่มกะปิคลองด่านชุมชน 3 (โอนสินค้าระหว่างกลุ่ม)", at(15), B("0"), B("80.00"), B("0"),
         B("301.60"), B("235.00")),
        ("ค่าส่งของ", at(16), B("0"), B("0"), B("10.00"), B("291.60"), B("235.00")),
    ]
    assert book.lines[4].document == f"TRF-{str(paid.uuid)[:8]}"
    # The next day brings forward the 23rd's ฿120.00, the 24th's lines and the goods paid by bank.
    assert cash_book(make_scope(DAY + dt.timedelta(days=1), group="BHS")).brought_forward == (
        B("291.60"), B("235.00"))


def test_two_moves_at_one_instant_keep_the_order_they_were_written_in(empty_db: OpenedDatabase) -> None:
    master_data()
    cash.open_shift(treasurer(), t1().id, {10000: 5}, now=at(8))
    cash.move_cash(treasurer(), t1().id, "out", "supplier", "ค่าผัก", B("10.00"), now=at(9),
                   movement_uuid=uuid.UUID("ffffffff-0000-4000-8000-000000000000"))
    cash.move_cash(treasurer(), t1().id, "out", "ice", "น้ำแข็ง", B("5.00"), now=at(9),
                   movement_uuid=uuid.UUID("00000000-0000-4000-8000-000000000000"))
    book = cash_book(make_scope(DAY))
    assert [(ln.document, ln.description, ln.cash_balance) for ln in book.lines] == [
        ("CASH-ffffffff", "ค่าผัก", B("-10.00")), ("CASH-00000000", "น้ำแข็ง", B("-15.00"))]
