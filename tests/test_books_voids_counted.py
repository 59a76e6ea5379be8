"""A void is counted as a void on the X/Z report and the daily summary, not as a refund — on both databases.

Found by mutation testing of the cash book: a void is stored as a refund document marked ``reversal="void"``
(``Sale.kind`` is only sale or refund), and the reports counted by kind, so their void line was always 0 and
voids swelled the refunds.  KAPI-SEASONED is ฿40.00 a jar at retail (demo); every figure is worked by hand:
two sales (2 jars ฿80.00, 1 jar ฿40.00) = ฿120.00; one jar of the first refunded (฿40.00 back); the second
voided (฿40.00 back); net ฿40.00.
"""

from __future__ import annotations

from db.connection import OpenedDatabase
from pos_app.books.scope import make_scope
from pos_app.books.summary import daily_summary
from pos_app.books.xz import till_day
from pos_app.clock import business_date, utc_now
from pos_app.money import Money
from pos_app.selling import refunds, sales
from tests.test_selling_rules import cart_of, seller, till, treasurer


def a_day_with_a_refund_and_a_void() -> None:
    first = sales.commit_sale(seller(), till().id, cart_of(("KAPI-SEASONED", 2)), Money(10000))
    second = sales.commit_sale(seller(), till().id, cart_of(("KAPI-SEASONED", 1)), Money(4000))
    refunds.refund_sale(treasurer(), till().id, first.uuid, "แตก 1 กระปุก", lines={1: 1})
    refunds.refund_sale(treasurer(), till().id, second.uuid, "ขายผิด", void=True)


def test_the_z_counts_the_void_apart_from_the_refund(demo_db: OpenedDatabase) -> None:
    a_day_with_a_refund_and_a_void()
    day = till_day(till().id, business_date(utc_now()), utc_now())
    assert (day.sales_count, day.sales_satang) == (2, 12000)
    assert (day.refunds_count, day.refunds_satang) == (1, 4000)
    assert (day.voids_count, day.voids_satang) == (1, 4000)
    assert day.net_satang == 4000


def test_the_daily_summary_counts_the_void_apart_from_the_refund(demo_db: OpenedDatabase) -> None:
    a_day_with_a_refund_and_a_void()
    summary = daily_summary(make_scope(business_date(utc_now())))
    assert (summary.sales_count, summary.sales_total) == (2, Money(12000))
    assert (summary.refunds_count, summary.refunds_total) == (1, Money(4000))
    assert (summary.voids_count, summary.voids_total) == (1, Money(4000))
