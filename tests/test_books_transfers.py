"""A transfer between groups at an agreed price in the books: a sale of the giver and a purchase of the taker
in the daily summary (on its day), cash book and notice-161 report on the day it is paid; worked by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from db.connection import OpenedDatabase
from db.models import Item, Shop
from pos_app.books import days
from pos_app.books.cashbook import cash_book
from pos_app.books.rd161 import rd161_report
from pos_app.books.scope import make_scope
from pos_app.books.summary import daily_summary
from pos_app.books.transfer_pay import pay_transfer
from pos_app.errors import ClosedDayError, InputError
from pos_app.money import Money
from pos_app.stock import transfers
from tests.books_day import DAY, actor, at, master_data, treasurer

B = Money.parse


def _give_soap() -> transfers.TransferResult:
    """4 × DISH-500 from the market (group BHS) to the Kapi stall for ฿80.00 agreed.  The market's opening lot
    is 50 pieces for ฿450.00: 46 left are worth ⌈45000 × 46 / 50⌉ = 41,400 satang, so ฿36.00 left."""
    master_data()
    market, stall = Shop.get(Shop.code == "BHS-MARKET"), Shop.get(Shop.code == "KAPI-STALL")
    soap = Item.get(Item.sku == "DISH-500")
    return transfers.transfer(actor("prapha"), market.id, stall.id, [transfers.GiveLine(soap.id, 4, B("80.00"))],
                              now=at(9))


def test_transfer_is_a_sale_of_the_giver_and_a_purchase_of_the_taker(empty_db: OpenedDatabase) -> None:
    done = _give_soap()
    assert (done.amount, done.cost) == (B("80.00"), B("36.00"))
    giver = daily_summary(make_scope(DAY, group="BHS"))
    assert (giver.transfers_out, giver.transfers_out_cost, giver.transfers_in) == (B("80.00"), B("36.00"), B("0"))
    assert (giver.net_sales, giver.income, giver.cost, giver.margin) == (B("0"), B("80.00"), B("36.00"), B("44.00"))
    assert not giver.is_empty
    taker = daily_summary(make_scope(DAY, group="KAPI"))
    assert (taker.transfers_in, taker.income, taker.margin) == (B("80.00"), B("0"), B("0"))
    network = daily_summary(make_scope(DAY))  # inside the network: listed, not income
    assert (network.transfers_count, network.income, network.margin) == (1, B("0"), B("0"))
    # Not paid yet: no money moved, nothing in the cash books or the notice-161 reports.
    assert cash_book(make_scope(DAY, group="BHS")).lines == []
    assert rd161_report(make_scope(DAY, group="KAPI")).lines == []


def test_paid_transfer_enters_both_cash_books_and_both_rd161_reports(empty_db: OpenedDatabase) -> None:
    done = _give_soap()
    pay_transfer(treasurer(), done.uuid, "cash", now=at(15))
    with pytest.raises(InputError):
        pay_transfer(treasurer(), done.uuid, "cash", now=at(15, 5))  # paid once, in full
    giver = cash_book(make_scope(DAY, group="BHS"))
    (line,) = giver.lines
    assert (line.cash_in, line.bank_in, line.cash_out, line.bank_out) == (B("80.00"), B("0"), B("0"), B("0"))
    assert line.description.startswith("ขายสินค้าให้") and "โอนสินค้าระหว่างกลุ่ม" in line.description
    assert giver.carried_forward == (B("80.00"), B("0"))
    taker = cash_book(make_scope(DAY, group="KAPI"))
    assert [(ln.cash_in, ln.cash_out) for ln in taker.lines] == [(B("0"), B("80.00"))]
    assert taker.carried_forward == (B("-80.00"), B("0"))
    assert cash_book(make_scope(DAY)).lines == []  # the network's own cash did not change
    rd_giver, rd_taker = rd161_report(make_scope(DAY, group="BHS")), rd161_report(make_scope(DAY, group="KAPI"))
    assert [(ln.income, ln.purchases, ln.other) for ln in rd_giver.lines] == [(B("80.00"), B("0"), B("0"))]
    assert [(ln.income, ln.purchases, ln.other) for ln in rd_taker.lines] == [(B("0"), B("80.00"), B("0"))]
    assert (rd_giver.profit, rd_taker.profit) == (B("80.00"), B("-80.00"))
    # The next day starts from it.
    assert cash_book(make_scope(DAY + dt.timedelta(days=1), group="KAPI")).brought_forward == (B("-80.00"), B("0"))


def test_paying_a_transfer_in_a_closed_day_after_the_close_is_refused(empty_db: OpenedDatabase) -> None:
    done = _give_soap()
    stall = Shop.get(Shop.code == "KAPI-STALL")
    days.close_day(treasurer(), stall.id, DAY, now=at(18))
    with pytest.raises(ClosedDayError):
        pay_transfer(treasurer(), done.uuid, "bank", now=at(18, 30))
    assert cash_book(make_scope(DAY, group="BHS")).lines == []
