"""The notice-161 income-and-expense report (รายงานเงินสดรับ-จ่าย) of a small hand-worked month end, line by line.

The known day of tests/books_day.py (T1, group BHS: #1 ฿120.00 on 23 Nov; on the 24th five sales ฿431.60 and
#7 refunding #2 ฿50.00, ice ฿35.00 out, ฿100.00 change in) plus, on Tuesday 24 Nov 2026:

  08:30  cash out to a supplier (purchase of goods)  ฿80.00  — written before the sales, listed after them
  12:30  #6 (KAPI-KG 333 g, cash ฿66.60) voided      −฿66.60 — with #7: two documents paid back, −฿116.60
  14:00  cash out, other (photocopies)                ฿12.50
  14:30  cash out to the bank                        ฿200.00 — neither income nor expense
  14:45  cash in, other                               ฿20.00 — money into the drawer is not income
  15:00  K1 (KAPI-STALL, group KAPI) sells a jar of KAPI-SEASONED for ฿40.00 cash
and on Tuesday 1 Dec 2026 at 09:00 T1 sells one DRINK-YMN for ฿20.00 cash (the next month).

Network, 23 Nov–1 Dec, worked by hand:
  23 Nov  sales (1 receipt)           120.00
  24 Nov  sales (6 receipts)          471.60   (431.60 + 40.00)
  24 Nov  paid back (2 documents)    −116.60   (−50.00 − 66.60)
  24 Nov  supplier                              80.00
  24 Nov  ice                                              35.00
  24 Nov  photocopies                                      12.50
  November: income 475.00, purchases 80.00, other 47.50, profit 475.00 − 80.00 − 47.50 = 347.50
  01 Dec  sales (1 receipt)            20.00;  December: 20.00, 0, 0, profit 20.00
  Period: income 495.00, purchases 80.00, other 47.50, profit 367.50
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from db.connection import OpenedDatabase
from db.models import Shop, Till
from pos_app.books import cash, days
from pos_app.books.rd161 import RdLine, rd161_report, working_days_between
from pos_app.books.scope import make_scope
from pos_app.money import Money
from pos_app.selling import refunds, sales
from tests.books_day import DAY, at, build_day, cart, seller, t1, treasurer

B = Money.parse  # hand-worked baht, written as text
DEC_1 = dt.date(2026, 12, 1)
ZERO = B("0")


def k1() -> Till:
    return Till.get(Till.code == "K1")


def month_end() -> None:
    done = build_day()
    till, tr = t1(), treasurer()
    cash.move_cash(tr, till.id, "out", "supplier", "ซื้อถุงหิ้ว ร้านป้าแดง", B("80.00"), now=at(8, 30))
    refunds.refund_sale(tr, till.id, done["6"].uuid, "ชั่งผิด", now=at(12, 30), void=True)  # type: ignore[attr-defined]
    cash.move_cash(tr, till.id, "out", "other", "ค่าถ่ายเอกสาร", B("12.50"), now=at(14))
    cash.move_cash(tr, till.id, "out", "bank", "ฝากธนาคาร", B("200.00"), now=at(14, 30))
    cash.move_cash(tr, till.id, "in", "other", "เงินคืนจากร้านค้า", B("20.00"), now=at(14, 45))
    sales.commit_sale(seller(), k1().id, cart(("KAPI-SEASONED", 1)), B("40.00"), now=at(15))
    cash.close_shift(tr, till.id, {10000: 1}, "นับแล้วไม่ตรง", now=at(17))
    sales.commit_sale(seller(), till.id, cart(("DRINK-YMN", 1)), B("20.00"), now=at(9, 0, DEC_1))


def rows(lines: list[RdLine]) -> list[tuple[dt.date, str, Money, Money, Money]]:
    return [(ln.day, ln.description, ln.income, ln.purchases, ln.other) for ln in lines]


def test_the_network_report_of_a_month_end(empty_db: OpenedDatabase) -> None:
    month_end()
    scope = make_scope(dt.date(2026, 11, 23), DEC_1)
    report = rd161_report(scope)
    assert report.scope == scope
    nov_23 = dt.date(2026, 11, 23)
    assert rows(report.lines) == [
        (nov_23, "ขายสินค้า (ใบเสร็จ 1 ใบ)", B("120.00"), ZERO, ZERO),
        (DAY, "ขายสินค้า (ใบเสร็จ 6 ใบ)", B("471.60"), ZERO, ZERO),
        (DAY, "จ่ายคืนเงินค่าสินค้าที่รับคืนและยกเลิก (2 ฉบับ)", B("-116.60"), ZERO, ZERO),
        (DAY, "ซื้อถุงหิ้ว ร้านป้าแดง", ZERO, B("80.00"), ZERO),
        (DAY, "ค่าน้ำแข็ง", ZERO, ZERO, B("35.00")),
        (DAY, "ค่าถ่ายเอกสาร", ZERO, ZERO, B("12.50")),
        (DEC_1, "ขายสินค้า (ใบเสร็จ 1 ใบ)", B("20.00"), ZERO, ZERO),
    ]
    assert all(ln.note == "" and not ln.late for ln in report.lines)
    november, december = report.months
    assert (november.year, november.month, december.year, december.month) == (2026, 11, 2026, 12)
    assert len(november.lines) == 6 and len(december.lines) == 1
    assert (november.income, november.purchases, november.other, november.profit) == (
        B("475.00"), B("80.00"), B("47.50"), B("347.50"))
    assert (december.income, december.purchases, december.other, december.profit) == (
        B("20.00"), ZERO, ZERO, B("20.00"))
    assert (report.income, report.purchases, report.other, report.profit) == (
        B("495.00"), B("80.00"), B("47.50"), B("367.50"))


def test_each_group_reports_its_own_shops_only(empty_db: OpenedDatabase) -> None:
    month_end()
    market = rd161_report(make_scope(DAY, group="BHS"))  # T1's documents and drawer
    assert rows(market.lines) == [
        (DAY, "ขายสินค้า (ใบเสร็จ 5 ใบ)", B("431.60"), ZERO, ZERO),
        (DAY, "จ่ายคืนเงินค่าสินค้าที่รับคืนและยกเลิก (2 ฉบับ)", B("-116.60"), ZERO, ZERO),
        (DAY, "ซื้อถุงหิ้ว ร้านป้าแดง", ZERO, B("80.00"), ZERO),
        (DAY, "ค่าน้ำแข็ง", ZERO, ZERO, B("35.00")),
        (DAY, "ค่าถ่ายเอกสาร", ZERO, ZERO, B("12.50")),
    ]
    # 431.60 − 116.60 − 80.00 − (35.00 + 12.50) = 187.50
    assert (market.income, market.purchases, market.other, market.profit) == (
        B("315.00"), B("80.00"), B("47.50"), B("187.50"))
    stall = rd161_report(make_scope(DAY, group="KAPI"))  # K1's one sale, no drawer moves
    assert rows(stall.lines) == [(DAY, "ขายสินค้า (ใบเสร็จ 1 ใบ)", B("40.00"), ZERO, ZERO)]
    assert stall.profit == B("40.00")
    assert rd161_report(make_scope(DAY, group="HERB")).months == []  # HERB has no shop of its own


def test_an_empty_period_has_no_month(empty_db: OpenedDatabase) -> None:
    month_end()
    empty = rd161_report(make_scope(dt.date(2026, 11, 25), dt.date(2026, 11, 30)))
    assert empty.months == [] and empty.lines == []
    assert (empty.income, empty.purchases, empty.other, empty.profit) == (ZERO, ZERO, ZERO, ZERO)


def test_a_late_document_warns_on_its_own_groups_line_only(empty_db: OpenedDatabase, clock) -> None:  # type: ignore[no-untyped-def]
    month_end()
    market = Shop.get(Shop.code == "BHS-MARKET")
    days.close_day(treasurer(), market.id, DAY, now=at(18))
    # A sale made at T1 on Tuesday 24th at 16:45 reaches the books on Monday 30th: 4 working days later.
    clock.set(at(9, 0, dt.date(2026, 11, 30)))
    sales.commit_sale(seller(), t1().id, cart(("DRINK-YMN", 2)), B("40.00"), now=at(16, 45))
    sales.commit_sale(seller(), t1().id, cart(("DRINK-YMN", 1)), B("20.00"), now=at(16, 50))
    late_note = "บันทึกหลังวันที่เกิดรายการเกิน 3 วันทำการ (2 ฉบับ)"
    sold = [ln for ln in rd161_report(make_scope(DAY)).lines if ln.income.satang > 0]
    assert [(ln.income, ln.note, ln.late) for ln in sold] == [(B("531.60"), late_note, True)]  # 471.60 + 40 + 20
    (bhs_sales,) = [ln for ln in rd161_report(make_scope(DAY, group="BHS")).lines if ln.income.satang > 0]
    assert (bhs_sales.income, bhs_sales.note, bhs_sales.late) == (B("491.60"), late_note, True)
    (kapi_sales,) = rd161_report(make_scope(DAY, group="KAPI")).lines
    assert (kapi_sales.income, kapi_sales.note, kapi_sales.late) == (B("40.00"), "", False)
    # The paid-back line never carries the warning (the late sale is not on it).
    (paid_back,) = [ln for ln in rd161_report(make_scope(DAY)).lines if ln.income.satang < 0]
    assert (paid_back.note, paid_back.late) == ("", False)


def test_a_document_three_working_days_late_is_not_warned(empty_db: OpenedDatabase, clock) -> None:  # type: ignore[no-untyped-def]
    month_end()
    days.close_day(treasurer(), Shop.get(Shop.code == "BHS-MARKET").id, DAY, now=at(18))
    clock.set(at(9, 0, dt.date(2026, 11, 27)))  # Friday: Wed, Thu, Fri = 3 working days after Tuesday
    sales.commit_sale(seller(), t1().id, cart(("DRINK-YMN", 2)), B("40.00"), now=at(16, 45))
    sold = [ln for ln in rd161_report(make_scope(DAY)).lines if ln.income.satang > 0]
    assert [(ln.income, ln.note, ln.late) for ln in sold] == [(B("511.60"), "", False)]


def test_working_days_skip_the_weekend() -> None:
    fri, sat, sun, mon = (dt.date(2026, 11, d) for d in (27, 28, 29, 30))
    assert working_days_between(fri, sat) == 0 and working_days_between(fri, sun) == 0
    assert working_days_between(sat, mon) == 1 and working_days_between(sun, mon) == 1
    assert working_days_between(mon, fri) == 0  # backwards: none
    assert working_days_between(fri, dt.date(2026, 12, 4)) == 5  # Mon 30 Nov … Fri 4 Dec


NOV_25, NOV_26 = dt.date(2026, 11, 25), dt.date(2026, 11, 26)
ORDERS = "รับเงินค่าสินค้าสั่งออนไลน์ ({n} รายการ)"


def test_online_order_money_and_a_one_satang_payment_on_their_own_days(empty_db: OpenedDatabase) -> None:
    """On the known day T1 takes a LINE order of 3 × KAPI-SEASONED (฿120.00), unpaid.  Wed 25th: ฿0.01 of it
    arrives by transfer; a jar sold for ฿40.00 paid ฿39.99 cash + ฿0.01 PromptPay; #4 (฿160.00) refunded in
    cash.  Thu 26th: the rest, ฿119.99 (฿50.00 transfer + ฿69.99 cash)."""
    from pos_app.selling import orders
    from pos_app.selling.payments import PaymentIn

    done = build_day()
    order = cart(("KAPI-SEASONED", 3))
    order.set_channel("online", "คุณมาลี", "0812345678")
    saved = sales.commit_sale(seller(), t1().id, order, payments=[], now=at(15))
    orders.pay_order(seller(), saved.uuid, [PaymentIn("transfer", B("0.01"))], now=at(9, 0, NOV_25))
    sales.commit_sale(seller(), t1().id, cart(("KAPI-SEASONED", 1)), now=at(9, 30, NOV_25),
                      payments=[PaymentIn("cash", B("39.99"), B("39.99")), PaymentIn("promptpay", B("0.01"))])
    refunds.refund_sale(treasurer(), t1().id, done["4"].uuid, "ลูกค้าคืนสินค้า", now=at(10, 0, NOV_25))  # type: ignore[attr-defined]
    orders.pay_order(seller(), saved.uuid, [PaymentIn("transfer", B("50.00"))], now=at(9, 0, NOV_26))
    orders.pay_order(seller(), saved.uuid, [PaymentIn("cash", B("69.99"), B("100.00"))], now=at(9, 5, NOV_26))
    wed_thu = [
        (NOV_25, "ขายสินค้า (ใบเสร็จ 1 ใบ)", B("40.00"), ZERO, ZERO),
        (NOV_25, ORDERS.format(n=1), B("0.01"), ZERO, ZERO),  # income before money paid back
        (NOV_25, "จ่ายคืนเงินค่าสินค้าที่รับคืนและยกเลิก (1 ฉบับ)", B("-160.00"), ZERO, ZERO),
        (NOV_26, ORDERS.format(n=2), B("119.99"), ZERO, ZERO),
    ]
    assert rows(rd161_report(make_scope(NOV_25, NOV_26)).lines) == wed_thu
    assert rows(rd161_report(make_scope(NOV_25, NOV_26, group="BHS")).lines) == wed_thu
    assert rows(rd161_report(make_scope(NOV_26, group="BHS")).lines) == wed_thu[-1:]
    assert rows(rd161_report(make_scope(NOV_26)).lines) == wed_thu[-1:]
    assert rd161_report(make_scope(NOV_25, NOV_26, group="KAPI")).lines == []
    # 40.00 + 0.01 − 160.00 + 119.99 = 0.00
    assert rd161_report(make_scope(NOV_25, NOV_26)).profit == ZERO


def test_a_paid_transfer_names_the_other_group(empty_db: OpenedDatabase) -> None:
    from pos_app.books.transfer_pay import pay_transfer
    from tests.test_books_transfers import _give_soap

    done = _give_soap()  # 4 × DISH-500 from the market (BHS) to the Kapi stall (KAPI), ฿80.00 agreed
    pay_transfer(treasurer(), done.uuid, "cash", now=at(15))
    assert rows(rd161_report(make_scope(DAY, group="BHS")).lines) == [
        (DAY, "ขายสินค้าให้กลุ่มกะปิคลองด่านชุมชน 3 (โอนสินค้าระหว่างกลุ่ม)", B("80.00"), ZERO, ZERO)]
    assert rows(rd161_report(make_scope(DAY, group="KAPI")).lines) == [
        (DAY, "ซื้อสินค้าจากกลุ่มวิสาหกิจชุมชนบางหัวเสือ (โอนสินค้าระหว่างกลุ่ม)", ZERO, B("80.00"), ZERO)]


def test_the_printed_report_shows_buddhist_era_days_and_each_months_totals(empty_db: OpenedDatabase,
                                                                             tmp_path: Path) -> None:
    """The PDF the Revenue Department is shown: days as dd/mm/BE, a subtotal and the profit per month (Buddhist
    Era month names), then the period's total (figures of test_the_network_report_of_a_month_end)."""
    from pos_app.books.export.run import export_books

    month_end()
    pdf, = export_books(treasurer(), "rd161", make_scope(dt.date(2026, 11, 23), DEC_1), "pdf", tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True,
                          text=True).stdout
    flat = [" ".join(line.split()) for line in text.splitlines() if line.strip()]

    def row(start: str) -> str:
        (found,) = [line for line in flat if line.startswith(start)]
        return found

    assert row("23/11/2569").endswith("120.00 0.00 0.00")
    assert row("01/12/2569").endswith("20.00 0.00 0.00")
    assert row("รวมเดือนพฤศจิกายน พ.ศ. 2569") == "รวมเดือนพฤศจิกายน พ.ศ. 2569 475.00 80.00 47.50"
    assert row("รวมเดือนธันวาคม พ.ศ. 2569") == "รวมเดือนธันวาคม พ.ศ. 2569 20.00 0.00 0.00"
    assert row("รวมทั้งช่วงเวลา") == "รวมทั้งช่วงเวลา 495.00 80.00 47.50"
    assert [line for line in flat if line.startswith("กำไรจากการขาย")] == [
        "กำไรจากการขาย 347.50", "กำไรจากการขาย 20.00", "กำไรจากการขาย 367.50"]
