"""Every figure of the X and the Z (pos_app.books.xz) for the hand-worked day of tests/books_day.py, on both
databases: the counts and totals, payments by method, the shift's drawer, the cash moves, the PromptPay
payments not ticked off, and what is left out (another till, another day)."""

from __future__ import annotations

import datetime as dt
import json

from db.connection import OpenedDatabase
from db.models import Till
from pos_app.books import cash, days
from pos_app.books.xz import ShiftLine, TillDay, till_day
from pos_app.money import Money
from pos_app.selling import refunds, sales
from pos_app.trust import chain_head
from tests.books_day import DAY, at, build_day, cart, seller, t1, treasurer

# The drawer of shift 1 (see tests/books_day.py): float 432.00, cash received 100 + 200 + 70 = 370.00, change
# 50 + 40 + 3.40 = 93.40, refund 50.00, cash in 100.00, cash out 35.00: 432 + 370 − 93.40 − 50 + 100 − 35 = 723.60
DRAWER = dict(float_satang=43200, received_satang=37000, change_satang=9340, refunds_satang=5000,
              cash_in_satang=10000, cash_out_satang=3500, expected_satang=72360)
MOVES = [[at(13).isoformat(), "out", "ice", "ค่าน้ำแข็ง", 3500],
         [at(13, 30).isoformat(), "in", "change", "เหรียญทอนจากเหรัญญิก", 10000]]


def head() -> str:
    h = chain_head(t1().id)
    return f"{h.seq}:{h.hash}"


def test_the_x_of_the_known_day_figure_by_figure(empty_db: OpenedDatabase) -> None:
    build_day()
    x = till_day(t1().id, DAY, at(16))
    assert x == TillDay(
        kind="X", number=0, till_code="T1", till_name="โต๊ะขาย 1", business_date="2026-11-24",
        made_at=at(16).isoformat(),
        sales_count=5, sales_satang=43160,  # 50 + 60 + 160 + 95 + 66.60 (#1 was the day before)
        refunds_count=1, refunds_satang=5000, voids_count=0, voids_satang=0, discounts_satang=0,
        net_satang=38160,  # 431.60 − 50.00
        by_method={"cash": 22660, "promptpay": 15500},  # 50 + 160 + 66.60 − 50 refunded; 60 + 95
        shifts=[ShiftLine(1, at(8).isoformat(), "", **DRAWER, counted_satang=None, over_short_satang=None,
                          note="")],
        cash_moves=MOVES,
        promptpay_count=2, promptpay_satang=15500,
        unticked=[[3, at(9, 30).isoformat(), 6000], [5, at(11).isoformat(), 9500]],
        journal_head=head(), open_shifts=[1])
    assert len(head().split(":")[1]) == 64  # the full SHA-256 of the chain's last link, in hex


def test_the_z_after_the_count_and_its_stored_form(empty_db: OpenedDatabase) -> None:
    build_day()
    cash.close_shift(treasurer(), t1().id, {10000: 7, 2000: 1, 100: 3}, "เหรียญหาย", now=at(17))  # 723.00
    z = days.close_day(treasurer(), t1().shop_id, DAY, now=at(18)).z_reports[0]
    assert (z.kind, z.number, z.made_at, z.open_shifts) == ("Z", 1, at(18).isoformat(), [])
    assert z.shifts == [ShiftLine(1, at(8).isoformat(), at(17).isoformat(), **DRAWER, counted_satang=72300,
                                  over_short_satang=-60, note="เหรียญหาย")]
    assert z.cash_moves == MOVES and z.journal_head != ""
    text = z.to_json()
    assert TillDay.from_json(text) == z
    assert '"till_name":"โต๊ะขาย 1"' in text and '"kind":"Z"' in text and ", " not in text.replace(
        "โต๊ะขาย 1", "")
    keys = list(json.loads(text))
    assert keys == sorted(keys)
    assert days.z_reports_of(t1().shop_id, DAY) == [z]


def test_a_shift_closed_without_a_count_shows_no_count(empty_db: OpenedDatabase) -> None:
    build_day()
    cash.close_shift(treasurer(), t1().id, None, "นับพรุ่งนี้", now=at(17))
    line = till_day(t1().id, DAY, at(18)).shifts[0]
    assert (line.closed_at, line.counted_satang, line.over_short_satang, line.note) == (
        at(17).isoformat(), None, None, "นับพรุ่งนี้")
    assert line.expected_satang == 72360


def test_a_discount_counts_and_other_tills_and_days_do_not(empty_db: OpenedDatabase) -> None:
    build_day()
    discounted = cart(("DISH-500", 2))  # 2 × 25.00 = 50.00, 5.00 off: 45.00 paid in cash
    discounted.set_discount(Money(500))
    sales.commit_sale(seller(), t1().id, discounted, Money(4500), now=at(14))
    k1 = Till.get(Till.code == "K1")
    other_till = cart(("KAPI-200", 1))  # another till, its own discount of 3.00
    other_till.set_discount(Money(300))
    sales.commit_sale(seller(), k1.id, other_till, Money(4700), now=at(14, 30))
    sales.commit_sale(seller(), t1().id, cart(("DISH-500", 1)), Money(2500),
                      now=at(9, 0, dt.date(2026, 11, 25)))  # the next day
    x = till_day(t1().id, DAY, at(16))
    assert (x.sales_count, x.sales_satang, x.discounts_satang, x.net_satang) == (6, 47660, 500, 42660)
    assert x.by_method == {"cash": 27160, "promptpay": 15500}
    # the shift is still open: its drawer holds the 45.00 and the next morning's 25.00 too (370 + 45 + 25)
    assert (x.shifts[0].received_satang, x.shifts[0].expected_satang) == (44000, 79360)
    other = till_day(k1.id, DAY, at(16))
    assert (other.till_code, other.sales_count, other.sales_satang, other.discounts_satang, other.by_method) == (
        "K1", 1, 4700, 300, {"cash": 4700})
    assert (other.shifts, other.cash_moves, other.promptpay_count, other.unticked) == ([], [], 0, [])
    assert till_day(t1().id, dt.date(2026, 11, 25), at(16)).sales_satang == 2500


def test_a_second_shift_keeps_its_own_drawer(empty_db: OpenedDatabase) -> None:
    build_day()
    cash.close_shift(treasurer(), t1().id, {10000: 7, 2000: 1, 100: 3}, "เหรียญหาย", now=at(17))  # 723.00
    cash.open_shift(treasurer(), t1().id, {10000: 3}, now=at(17, 30))  # float 300.00
    sales.commit_sale(seller(), t1().id, cart(("DISH-500", 1)), Money(5000), now=at(18))  # 25.00, change 25.00
    x = till_day(t1().id, DAY, at(19))
    assert x.open_shifts == [2]
    first, second = x.shifts
    assert (first.number, first.closed_at, first.counted_satang, first.over_short_satang, first.note) == (
        1, at(17).isoformat(), 72300, -60, "เหรียญหาย")
    assert (first.received_satang, first.expected_satang) == (37000, 72360)  # the 18:00 sale is not shift 1's
    assert second == ShiftLine(2, at(17, 30).isoformat(), "", 30000, 5000, 2500, 0, 0, 0, 32500, None, None, "")


def test_cash_moves_in_the_order_they_happened(empty_db: OpenedDatabase) -> None:
    build_day()
    cash.move_cash(treasurer(), t1().id, "out", "ice", "น้ำแข็งเพิ่ม", Money(2000), now=at(12, 45))  # entered late
    moves = till_day(t1().id, DAY, at(16)).cash_moves
    assert moves == [[at(12, 45).isoformat(), "out", "ice", "น้ำแข็งเพิ่ม", 2000], *MOVES]


def test_a_day_without_documents_is_all_zero(empty_db: OpenedDatabase) -> None:
    build_day()
    quiet = till_day(Till.get(Till.code == "K1").id, DAY, at(16))
    assert (quiet.sales_count, quiet.sales_satang, quiet.refunds_count, quiet.refunds_satang, quiet.voids_count,
            quiet.voids_satang, quiet.discounts_satang, quiet.net_satang) == (0, 0, 0, 0, 0, 0, 0, 0)
    assert (quiet.by_method, quiet.shifts, quiet.cash_moves, quiet.promptpay_count, quiet.promptpay_satang,
            quiet.unticked, quiet.open_shifts) == ({}, [], [], 0, 0, [], [])


def test_a_sale_refunded_in_full_leaves_cash_at_zero(empty_db: OpenedDatabase) -> None:
    build_day()
    k1 = Till.get(Till.code == "K1")
    sold = sales.commit_sale(seller(), k1.id, cart(("KAPI-200", 1)), Money(5000), now=at(10))  # 50.00
    refunds.refund_sale(treasurer(), k1.id, sold.uuid, "ลูกค้าคืนสินค้า", now=at(11))
    x = till_day(k1.id, DAY, at(16))
    assert (x.sales_count, x.sales_satang, x.refunds_count, x.refunds_satang, x.net_satang) == (1, 5000, 1, 5000,
                                                                                            0)
    assert x.by_method == {"cash": 0}  # 50.00 in, 50.00 back
