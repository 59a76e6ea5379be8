"""A refund or void dated in a closed day: made before the close it lands in the day's addendum under its own
kind; made after the close it is refused — on both databases (the hand-worked day of tests/books_day.py)."""

from __future__ import annotations

import pytest

from db.connection import OpenedDatabase
from db.models.books import LateDocument
from pos_app.books import cash, days
from pos_app.errors import ClosedDayError
from pos_app.money import Money
from pos_app.selling import refunds, sales
from tests.books_day import DAY, at, build_day, cart, seller, t1, treasurer

COUNT_723 = {10000: 7, 2000: 1, 100: 3}  # 700 + 20 + 3 = 723.00 (the drawer of that day, 60 satang short)


def closed_day_and_two_sales() -> tuple[sales.SaleResult, sales.SaleResult]:
    build_day()
    one = sales.commit_sale(seller(), t1().id, cart(("DRINK-YMN", 1)), Money(2000), now=at(16, 30))
    two = sales.commit_sale(seller(), t1().id, cart(("DRINK-YMN", 1)), Money(2000), now=at(16, 31))
    cash.close_shift(treasurer(), t1().id, COUNT_723, "เหรียญหาย", now=at(17))
    days.close_day(treasurer(), t1().shop_id, DAY, now=at(18))
    return one, two


def test_a_late_refund_and_a_late_void_land_in_the_addendum_as_what_they_are(empty_db: OpenedDatabase) -> None:
    one, two = closed_day_and_two_sales()
    refund = refunds.refund_sale(treasurer(), t1().id, one.uuid, "คืน", now=at(16, 40))
    void = refunds.refund_sale(treasurer(), t1().id, two.uuid, "สแกนผิด", now=at(16, 41), void=True)
    late = {row.doc_uuid: (row.business_date, row.addendum_no, row.doc_type) for row in LateDocument.select()}
    assert late[refund.uuid] == (DAY, 1, "refund")
    assert late[void.uuid] == (DAY, 1, "void")


def test_a_refund_dated_after_the_close_is_refused(empty_db: OpenedDatabase) -> None:
    one, _two = closed_day_and_two_sales()
    with pytest.raises(ClosedDayError):
        refunds.refund_sale(treasurer(), t1().id, one.uuid, "คืน", now=at(18, 30))
    assert LateDocument.select().count() == 0
