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
    assert s.cost_basis == "standard"


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
