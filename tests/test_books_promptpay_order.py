"""The day's PromptPay list (pos_app.books.promptpay.promptpay_of_day) is in the order the sales were made, not
the order they were written down.  The known day of tests/books_day.py: on T1 #3 TEA-YMN ฿60.00 at 09:30 and
#5 ฿95.00 at 11:00 by PromptPay, confirmed by สมศรี.  Written after them: a sale on the Kapi stall's till K1 made
at 08:15 (100 g of KAPI-KG at ฿200.00 a kg = ฿20.00, confirmed by the admin อนันต์), so its payment's id is the
highest and its time the earliest."""

from __future__ import annotations

import uuid

from db.connection import OpenedDatabase
from db.models import Payment, Sale, Till
from pos_app.books import promptpay
from pos_app.books.promptpay import PromptPayRow
from pos_app.money import Money
from pos_app.selling import sales
from tests.books_day import DAY, actor, at, build_day, cart

B = Money.parse


def _pp(number: int, till: str) -> uuid.UUID:
    sale = Sale.get((Sale.number == number) & (Sale.till == Till.get(Till.code == till)))
    return uuid.UUID(str(Payment.get((Payment.sale == sale) & (Payment.method == "promptpay")).uuid))


def test_a_sale_written_later_but_made_earlier_comes_first(empty_db: OpenedDatabase) -> None:
    build_day()
    k1 = Till.get(Till.code == "K1")
    done = sales.commit_sale(actor("admin"), k1.id, cart(("KAPI-KG", 100)), method="promptpay", now=at(8, 15))
    early, three, five = _pp(done.number, "K1"), _pp(3, "T1"), _pp(5, "T1")
    assert promptpay.promptpay_of_day(DAY) == [
        PromptPayRow(early, "K1", 1, at(8, 15), B("20.00"), "อนันต์", False),
        PromptPayRow(three, "T1", 3, at(9, 30), B("60.00"), "สมศรี", False),
        PromptPayRow(five, "T1", 5, at(11), B("95.00"), "สมศรี", False)]
    assert [r.payment_uuid for r in promptpay.promptpay_of_day(DAY, till_id=k1.id)] == [early]
