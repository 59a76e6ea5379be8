"""Journal records name things by code or UUID, never by a local integer id (house rule): each document's
record read back from ``journal_entry`` and compared with hand-written codes of the known day
(tests/books_day.py: till T1 of shop BHS-MARKET).  Books written before the fix (a till's local id in the
record) still verify: a link hashes the record as it was written (v2 on), not as today's code would write it."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from db.connection import OpenedDatabase
from db.models import Item, JournalEntry, Lot
from pos_app.books import cash, days
from pos_app.money import Money
from pos_app.selling import holds
from pos_app.stock import adjustments, purchases
from pos_app.trust import names
from pos_app.trust.verify import verify
from tests.books_day import DAY, actor, at, build_day, cart, t1, treasurer

COUNT_723 = {10000: 7, 2000: 1, 100: 3}  # the known day's expected drawer, ฿723.60 less 60 satang


def _records(doc_type: str) -> list[dict[str, Any]]:
    return [json.loads(e.summary) for e in JournalEntry.select().where(JournalEntry.doc_type == doc_type)
            .order_by(JournalEntry.id)]


def test_till_documents_name_the_till_by_its_code(empty_db: OpenedDatabase) -> None:
    build_day()
    holds.cancel(actor("somsri"), t1().id, cart(("DISH-500", 1)), "ลูกค้าไม่เอา", now=at(14))
    assert [r["till"] for r in _records("shift")] == ["T1"]
    assert [r["till"] for r in _records("cash_movement")] == ["T1", "T1"]
    assert [r["till"] for r in _records("sale")] == ["T1"] * 6
    assert [(r["till"], r["number"]) for r in _records("refund")] == [("T1", 7)]
    assert [r["till"] for r in _records("cart_cancellation")] == ["T1"]


def test_stock_documents_name_shop_supplier_item_and_lot_by_code(empty_db: OpenedDatabase) -> None:
    build_day()
    lead = actor("prapha")
    shop = t1().shop_id
    soap = Item.get(Item.sku == "DISH-500")
    supplier = purchases.add_supplier(lead, "MAKRO-BP", "แม็คโคร บ้านโป่ง")
    purchases.record_purchase(lead, shop, [purchases.BuyLine(soap.id, 10, total=Money(15000))],
                              supplier_id=supplier, now=at(14))
    assert [r["supplier"] for r in _records("purchase")] == ["MAKRO-BP"]
    lot = Lot.select().where(Lot.item == soap.id).order_by(Lot.id).first()
    adjustments.record_waste(lead, shop, [adjustments.Wasted(soap.id, 1, lot.id)], "ขวดแตก", now=at(15))
    (waste,) = _records("waste")
    assert waste["shop"] == "BHS-MARKET"
    assert waste["lines"] == [["DISH-500", lot.number, 1]]
    assert re.fullmatch(r"BHS-25691120-[0-9A-F]{6}-\d{3}", waste["lines"][0][1])  # opening stock's lot, by number
    adjustments.record_count(lead, shop, [adjustments.Counted(lot.id, 0)], "นับสต็อก", now=at(15, 30))
    assert [r["shop"] for r in _records("count")] == ["BHS-MARKET"]


def test_the_day_close_its_addendum_and_late_documents_name_the_shop_by_code(empty_db: OpenedDatabase) -> None:
    build_day()
    cash.close_shift(treasurer(), t1().id, COUNT_723, "เหรียญหาย", now=at(17))
    days.close_day(treasurer(), t1().shop_id, DAY, now=at(18))
    soap = Item.get(Item.sku == "DISH-500")
    purchases.record_purchase(actor("prapha"), t1().shop_id, [purchases.BuyLine(soap.id, 10, total=Money(15000))],
                              day=DAY, now=at(9, 0, DAY.replace(day=25)))  # keyed in late: the addendum
    days.seal_addendum(treasurer(), t1().shop_id, DAY, now=at(20, 0, DAY.replace(day=25)))
    assert [(r["shop"], r["z"][0][0]) for r in _records("day_close")] == [("BHS-MARKET", "T1")]
    assert [(r["shop"], r["addendum"]) for r in _records("late_document")] == [("BHS-MARKET", 1)]
    assert [(r["shop"], r["number"]) for r in _records("addendum_seal")] == [("BHS-MARKET", 1)]


def test_names_of_nothing_are_none(empty_db: OpenedDatabase) -> None:
    build_day()
    assert (names.till(None), names.supplier(None), names.lot(None)) == (None, None, None)
    assert names.till(987654) is None  # no such row: the document's own rows refuse it first
    assert (names.till(t1().id), names.shop(t1().shop_id)) == ("T1", "BHS-MARKET")
    assert names.item(Item.get(Item.sku == "KAPI-KG").id) == "KAPI-KG"


def test_books_with_records_written_before_the_fix_still_verify(empty_db: OpenedDatabase,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Before the fix a record named the till by its local id; the link hashes the record as it was written
    (it is never rebuilt by today's code), so such books verify as they were written (and the new records
    beside them too)."""
    build_day()
    till = t1()
    with monkeypatch.context() as old_code:
        old_code.setattr(names, "till", lambda till_id: till_id)  # what the records held before the fix
        cash.move_cash(treasurer(), till.id, "out", "ice", "น้ำแข็งเพิ่ม", Money(2000), now=at(14))
    cash.move_cash(treasurer(), till.id, "out", "ice", "น้ำแข็งอีก", Money(1000), now=at(15))
    assert [r["till"] for r in _records("cash_movement")] == ["T1", "T1", till.id, "T1"]
    report = verify(use_configured_secret=False)
    assert report.ok, report.lines()
