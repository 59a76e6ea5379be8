"""Edges of a shift found by mutation testing (pos_app/books/cash.py): the open shift named on screen, a
shift with no cash sale, an over drawer's exact Thai message, the shift's journal line.  Figures by hand
from tests/books_day.py."""

from __future__ import annotations

import json

import pytest

from db.connection import OpenedDatabase
from db.models import JournalEntry, Till
from pos_app.books import cash
from pos_app.errors import InputError
from pos_app.money import Money
from tests.books_day import DAY, FLOAT, at, build_day, master_data, t1, treasurer

COUNT_730 = {10000: 7, 2000: 1, 1000: 1}  # 700 + 20 + 10 = 730.00, ฿6.40 more than the ฿723.60 expected


def test_the_open_shift_is_named_until_it_is_closed(empty_db: OpenedDatabase) -> None:
    build_day()
    shift = cash.current_shift(t1().id)
    assert shift is not None
    assert (shift.number, shift.float, shift.business_date, shift.closed_at) == (1, Money(43200), DAY, None)
    cash.close_shift(treasurer(), t1().id, COUNT_730, "ทอนเกิน", now=at(17))
    assert cash.current_shift(t1().id) is None


def test_a_shift_without_a_cash_sale_expects_its_float(empty_db: OpenedDatabase) -> None:
    master_data()
    kapi = Till.get(Till.code == "K1")
    cash.open_shift(treasurer(), kapi.id, FLOAT, now=at(8))
    drawer = cash.drawer_of(cash.open_shift_of(kapi.id), at(17))
    assert (drawer.received, drawer.change, drawer.refunds, drawer.expected) == (
        Money(0), Money(0), Money(0), Money(43200))


def test_an_over_drawer_without_a_note_is_refused_in_thai(empty_db: OpenedDatabase) -> None:
    build_day()
    with pytest.raises(InputError) as err:
        cash.close_shift(treasurer(), t1().id, COUNT_730, now=at(17))
    assert str(err.value) == "เงินในลิ้นชักเกิน ฿6.40 กรุณาเขียนหมายเหตุบอกสาเหตุ"
    assert cash.current_shift(t1().id) is not None  # nothing changed


def test_the_shift_journal_line_names_its_number_and_float(empty_db: OpenedDatabase) -> None:
    build_day()
    entry = JournalEntry.get(JournalEntry.doc_type == "shift")
    values = json.loads(entry.summary)
    assert (values["number"], values["float"], values["user"]) == (1, 43200, treasurer().login)


def test_the_shift_shown_is_this_tills_and_refusals_say_so_in_thai(empty_db: OpenedDatabase) -> None:
    build_day()
    shift = cash.current_shift(t1().id)
    assert shift is not None and shift.till_id == t1().id
    kapi = Till.get(Till.code == "K1")
    with pytest.raises(InputError) as err:
        cash.close_shift(treasurer(), kapi.id, COUNT_730, "x", now=at(17))
    assert str(err.value) == "เครื่องขายนี้ไม่มีกะที่เปิดอยู่"
    with pytest.raises(InputError) as err:
        cash.move_cash(treasurer(), t1().id, "out", "lunch", "ข้าว", Money(5000), now=at(12))
    assert str(err.value) == "ไม่รู้จักประเภทเงินสด lunch"
