"""Daily summary, cash book and notice-161 report of the hand-worked day (tests/books_day.py)."""

from __future__ import annotations

import datetime as dt

from db.connection import OpenedDatabase
from pos_app.books import cash, days
from pos_app.books.cashbook import cash_book
from pos_app.books.rd161 import rd161_report, working_days_between
from pos_app.books.scope import make_scope
from pos_app.books.summary import daily_summary
from pos_app.money import Money
from pos_app.selling import sales
from tests.books_day import DAY, at, build_day, cart, seller, t1, treasurer

B = Money.parse  # hand-worked baht, written as text


def test_daily_summary_of_the_network(empty_db: OpenedDatabase) -> None:
    build_day()
    s = daily_summary(make_scope(DAY))
    assert (s.sales_count, s.sales_total, s.refunds_count, s.refunds_total) == (5, B("431.60"), 1, B("50.00"))
    assert s.net_sales == B("381.60")
    assert s.by_method == {"cash": B("226.60"), "promptpay": B("155.00")}
    assert s.by_group == {"BHS": B("95.00"), "HERB": B("120.00"), "KAPI": B("166.60")}
    assert s.by_channel == {"stall": B("381.60")}
    items = {line.sku: (line.quantity, line.amount, line.cost) for line in s.items}
    assert items["KAPI-KG"] == (833, B("166.60"), B("74.97"))  # 833 g × ฿90.00/kg standard cost
    assert items["DISH-500"] == (0, B("0.00"), B("0.00"))  # sold 2, refunded 2
    assert items["DRINK-YMN"] == (3, B("60.00"), B("24.00"))
    assert s.cost == B("158.97") and s.margin == B("222.63")
    assert s.cash_moves == {("out", "ice"): B("35.00"), ("in", "change"): B("100.00")}
    assert s.cost_basis == "lots"  # one lot per item sold: the same figures as the standard cost


def test_group_summary_and_an_empty_day(empty_db: OpenedDatabase) -> None:
    build_day()
    assert daily_summary(make_scope(DAY, group="KAPI")).is_empty  # the Kapi stall sold nothing itself
    bhs = daily_summary(make_scope(DAY, group="BHS"))
    assert bhs.net_sales == B("381.60")  # the network stall's own documents
    empty = daily_summary(make_scope(dt.date(2026, 11, 1)))
    assert empty.is_empty and empty.net_sales == B("0") and empty.items == []


def test_cash_book_with_brought_and_carried_forward(empty_db: OpenedDatabase) -> None:
    build_day()
    book = cash_book(make_scope(DAY))
    assert book.brought_forward == (B("120.00"), B("0"))  # #1 on 23 Nov
    rows = [(ln.document, ln.cash_in, ln.bank_in, ln.cash_out, ln.bank_out) for ln in book.lines]
    assert rows[:2] == [
        ("T1-000002–000006", B("276.60"), B("155.00"), B("0"), B("0")),  # 50 + 160 + 66.60 | 60 + 95
        ("T1-000007", B("0"), B("0"), B("50.00"), B("0")),
    ]
    assert book.lines[0].description == "ขายสินค้าประจำวัน (ใบเสร็จ 5 ใบ)"
    assert rows[2][1:] == (B("0"), B("0"), B("35.00"), B("0")) and book.lines[2].description == "ค่าน้ำแข็ง"
    assert len(rows) == 3  # the change put into the drawer is not an entry
    assert book.carried_forward == (B("311.60"), B("155.00"))
    assert book.lines[-1].cash_balance == B("311.60")


def test_rd161_cash_basis_with_monthly_subtotal(empty_db: OpenedDatabase) -> None:
    build_day()
    report = rd161_report(make_scope(dt.date(2026, 11, 23), DAY))
    lines = [(ln.day, ln.income, ln.purchases, ln.other) for ln in report.lines]
    assert lines == [
        (dt.date(2026, 11, 23), B("120.00"), B("0"), B("0")),
        (DAY, B("431.60"), B("0"), B("0")),
        (DAY, B("-50.00"), B("0"), B("0")),
        (DAY, B("0"), B("0"), B("35.00")),
    ]
    assert report.lines[1].description == "ขายสินค้า (ใบเสร็จ 5 ใบ)"
    (november,) = report.months
    assert (november.income, november.purchases, november.other, november.profit) == (
        B("501.60"), B("0"), B("35.00"), B("466.60"))


def test_rd161_warns_on_a_document_written_late(empty_db: OpenedDatabase, clock) -> None:  # type: ignore[no-untyped-def]
    build_day()
    cash.close_shift(treasurer(), t1().id, {10000: 7, 2000: 1, 100: 3}, "เหรียญหาย", now=at(17))
    days.close_day(treasurer(), t1().shop_id, DAY, now=at(18))
    clock.set(at(9, 0, dt.date(2026, 11, 30)))  # Monday: 4 working days after Tuesday 24th
    sales.commit_sale(seller(), t1().id, cart(("DRINK-YMN", 2)), Money(4000), now=at(16, 45))
    (sales_line,) = [ln for ln in rd161_report(make_scope(DAY)).lines if ln.income.satang > 0]
    assert sales_line.late and "3 วันทำการ" in sales_line.note and sales_line.income == B("471.60")


def test_working_days() -> None:
    tue, fri, mon = dt.date(2026, 11, 24), dt.date(2026, 11, 27), dt.date(2026, 11, 30)
    assert working_days_between(tue, fri) == 3 and working_days_between(tue, mon) == 4
    assert working_days_between(fri, mon) == 1 and working_days_between(tue, tue) == 0


def test_money_to_the_bank_and_the_next_day_brought_forward(empty_db: OpenedDatabase) -> None:
    build_day()
    cash.move_cash(treasurer(), t1().id, "out", "bank", "ฝากธนาคาร", B("200.00"), now=at(14))
    book = cash_book(make_scope(DAY))
    deposit = book.lines[-1]
    assert deposit.description == "นำเงินสดฝากธนาคาร"
    assert (deposit.cash_out, deposit.bank_in, deposit.cash_balance, deposit.bank_balance) == (
        B("200.00"), B("200.00"), B("111.60"), B("355.00"))
    assert book.carried_forward == (B("111.60"), B("355.00"))
    # The next day starts from what this one carried forward (moves of the drawer included).
    assert cash_book(make_scope(DAY + dt.timedelta(days=1))).brought_forward == (B("111.60"), B("355.00"))
    assert [ln.other for ln in rd161_report(make_scope(DAY)).lines if ln.other] == [B("35.00")]  # not the bank


def test_cost_of_goods_sold_from_the_lots_sold_standard_cost_only_for_unrecorded(empty_db: OpenedDatabase) -> None:
    from pos_app.stock import ledger as stock
    from tests.books_day import actor, item_id

    build_day()  # 833 g of KAPI-KG sold from the opening lot: 25,000 g costing ฿2,250.00
    stock.receive(actor("prapha"), t1().shop_id, [stock.Movement(item_id("KAPI-KG"), 1000, "L2", 9006)],
                  now=at(7, 0, dt.date(2026, 11, 24)))  # L2: 1,000 g for ฿90.06
    # Sell all that is left of both lots and 222 g more than the books hold (the "warn" policy sells it).
    sales.commit_sale(seller(), t1().id, cart(("KAPI-KG", 24167 + 1000 + 222)), Money(600000), now=at(14))
    s = daily_summary(make_scope(DAY))
    kapi = next(line for line in s.items if line.sku == "KAPI-KG")
    # Lots: the whole opening lot (฿2,250.00) and the whole of L2 (฿90.06) = ฿2,340.06; the 222 g no lot
    # holds the ledger takes from L2 too (it goes below zero), valued at L2's cost: 222 × 90.06 / 1000 =
    # 19.99332 → ฿19.99 (the ledger's rule, rounded towards the books).  Total ฿2,360.05, all from the lots.
    assert kapi.cost == B("2360.05") and kapi.standard_quantity == 0
    assert kapi.quantity == 833 + 25389 and kapi.amount == B("166.60") + B("5077.80")  # 25,389 g × ฿200/kg
    assert s.cost_basis == "lots"


def test_standard_cost_only_where_no_lot_cost_exists(empty_db: OpenedDatabase) -> None:
    from tests import stock_support

    build_day()
    soap = stock_support.new_item("BHS", "finished", "piece", price_satang=5000, name="สบู่ก้อน")
    stock_support.buy("KAPI-STALL", soap, 7, 10000)  # 7 pieces for ฿100.00, at the other shop only
    stock_support.sell(soap, 3)  # at T1: its shop never received any: the "unrecorded" lot, no cost
    line = next(ln for ln in daily_summary(make_scope(DAY)).items if ln.sku == soap.sku)
    # Standard cost: ฿100.00 / 7 = ฿14.2857… per piece → ฿14.29 (half up), × 3 = ฿42.87.
    assert (line.quantity, line.amount, line.cost, line.standard_quantity) == (3, B("150.00"), B("42.87"), 3)
    assert line.margin == B("107.13")
    assert daily_summary(make_scope(DAY)).cost_basis == "mixed"


def test_a_shift_drawer_stops_at_its_end(empty_db: OpenedDatabase) -> None:
    build_day()
    shift = cash.open_shift_of(t1().id)
    assert shift is not None
    assert cash.drawer_of(shift, at(11, 30)).received == B("300.00")  # #6 at 11:30 is after the end


def test_an_online_order_paid_later_enters_the_books_the_day_the_money_arrives(empty_db: OpenedDatabase) -> None:
    from pos_app.selling import orders
    from pos_app.selling.payments import PaymentIn

    build_day()
    order = cart(("KAPI-SEASONED", 3))  # 3 × ฿40.00 = ฿120.00, ordered on LINE on the 24th, unpaid
    order.set_channel("online", "คุณมาลี", "0812345678")
    saved = sales.commit_sale(seller(), t1().id, order, payments=[], now=at(15))
    later = dt.date(2026, 11, 26)
    assert rd161_report(make_scope(DAY)).income == B("381.60")  # nothing received for it on the 24th
    cash.close_shift(treasurer(), t1().id, {10000: 7, 2000: 1, 100: 3}, "เหรียญหาย", now=at(17))
    cash.open_shift(treasurer(), t1().id, {10000: 1}, now=at(8, 0, later))
    orders.pay_order(seller(), saved.uuid, [PaymentIn("transfer", B("50.00"))], now=at(9, 0, later))
    orders.pay_order(seller(), saved.uuid, [PaymentIn("cash", B("70.00"), B("100.00"))], now=at(9, 5, later))
    rd = rd161_report(make_scope(later))
    assert [(ln.income, ln.description) for ln in rd.lines] == [(B("120.00"), "รับเงินค่าสินค้าสั่งออนไลน์ (2 รายการ)")]
    book = cash_book(make_scope(later))
    assert [(ln.cash_in, ln.bank_in) for ln in book.lines] == [(B("0"), B("50.00")), (B("70.00"), B("0"))]
    # the drawer of the 26th: float ฿100 + ฿100 handed over − ฿30 change = ฿170 expected
    drawer = cash.drawer_of(cash.open_shift_of(t1().id), at(10, 0, later))
    assert (drawer.received, drawer.change, drawer.expected) == (B("100.00"), B("30.00"), B("170.00"))
    assert book.carried_forward == (B("311.60") + B("70.00"), B("155.00") + B("50.00"))
    drawer = cash.drawer_of(cash.open_shift_of(t1().id))  # type: ignore[arg-type]
    assert (drawer.received, drawer.change, drawer.expected) == (B("100.00"), B("30.00"), B("170.00"))
