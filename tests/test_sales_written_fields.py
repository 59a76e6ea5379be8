"""What a sale writes besides its rows, field by field, from hand-worked figures: the journal record's keys
and values, the receipt's print job (the sale's UUID, the sale's own instant), who moved the stock, the
result's kind; a price tier the books do not know; an expired lot let through by a manager named in the
audit log even when its label was typed in another letter case or given as the lot's UUID.  Both databases."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from db.connection import OpenedDatabase
from db.models import Item, JournalEntry, Lot, Sale, StockMovement
from db.models.printing import PrintJob
from pos_app.errors import NotFound
from pos_app.money import Money
from pos_app.selling import sales
from pos_app.selling.cart import Cart
from pos_app.trust import audit
from tests.books_day import actor
from tests.stock_support import buy, item_view, lead, new_item, seller, till

MARKET = "BHS-MARKET"
AT = dt.datetime(2026, 11, 24, 5, 6, 7, tzinfo=dt.UTC)  # 12:06:07 in Bangkok, not the clock's reading


def _jar(units: int = 10, expires: dt.date = dt.date(2026, 12, 31)) -> Item:
    jar = new_item("KAPI", "finished", "piece", price_satang=5000)  # ฿50.00 a jar
    buy(MARKET, jar, units, units * 1000, expires=expires)
    return jar


def test_the_journal_record_print_job_and_stock_rows_of_a_sale(demo_db: OpenedDatabase) -> None:
    jar = _jar()
    cart = Cart()
    cart.add(item_view(jar), 2)  # 2 × ฿50.00 = ฿100.00
    cart.set_line_discount(0, Money(200))  # ฿2.00 off the line: ฿98.00
    cart.set_discount(Money(500))  # ฿5.00 off the sale: ฿93.00 (฿7.00 in all, within a seller's ฿10.00)
    done = sales.commit_sale(seller(), till().id, cart, Money(20000), now=AT)
    assert (done.kind, done.total, done.change, done.method) == ("sale", Money(9300), Money(10700), "cash")
    entry = JournalEntry.get(JournalEntry.doc_uuid == cart.uuid)
    assert json.loads(entry.summary) == {
        "number": done.number, "till": "T1", "user": "somsri", "at": "2026-11-24T05:06:07+00:00",
        "total": 9300, "discount": 500, "channel": "stall",
        "payments": [["cash", 9300, 20000, 10700]],
        "lines": [[jar.sku, 2, 5000, 10000, 200]],
    }
    [job] = PrintJob.select().where(PrintJob.doc_uuid == cart.uuid)
    assert (job.kind, job.till_id, job.created_at) == ("receipt", till().id, AT)
    [move] = StockMovement.select().where(StockMovement.document_uuid == cart.uuid)
    assert move.user is not None and (move.quantity, move.user.login) == (-2, "somsri")


def test_an_online_order_records_its_channel_and_no_payment(demo_db: OpenedDatabase) -> None:
    jar = _jar()
    cart = Cart()
    cart.add(item_view(jar), 3)  # ฿150.00, paid later
    cart.set_channel("online", "คุณมานี", "0812345678")
    done = sales.commit_sale(seller(), till().id, cart, now=AT, payments=[])
    record = json.loads(JournalEntry.get(JournalEntry.doc_uuid == cart.uuid).summary)
    assert (record["channel"], record["payments"], record["total"], record["discount"]) == ("online", [], 15000, 0)
    assert (done.kind, done.paid, done.method) == ("sale", Money(0), "")


def test_a_tier_the_books_do_not_know_is_refused_and_nothing_written(demo_db: OpenedDatabase) -> None:
    jar = _jar()
    last = till().last_receipt_no
    cart = Cart()
    cart.add(item_view(jar), 1)
    with pytest.raises(NotFound) as refused:
        sales.commit_sale(seller(), till().id, cart, Money(5000), tier="no-such-tier", now=AT)
    assert str(refused.value) == "ไม่มีรายการราคา no-such-tier"
    assert Sale.select().where(Sale.uuid == cart.uuid).count() == 0
    assert StockMovement.select().where(StockMovement.document_uuid == cart.uuid).count() == 0
    assert till().last_receipt_no == last  # the number taken is given back with the rollback
    done = sales.commit_sale(seller(), till().id, cart, Money(5000), now=AT)  # the cart's own tier: retail
    assert (Sale.get(Sale.uuid == cart.uuid).tier.code, done.number) == ("retail", last + 1)


def _expired_and_fresh_jar() -> tuple[Item, Lot, Lot]:
    jar = new_item("KAPI", "finished", "piece", price_satang=5000)
    old = buy(MARKET, jar, 4, 4000, expires=dt.date(2026, 11, 23), day=dt.date(2026, 11, 1))  # expired yesterday
    new = buy(MARKET, jar, 4, 4000, expires=dt.date(2026, 12, 31))
    return jar, Lot.get_by_id(old.lot_id), Lot.get_by_id(new.lot_id)


def _override_entries() -> list[audit.AuditView]:
    return [e for e in audit.entries(["override"]) if e.detail.get("action") == "sell_expired"]


def test_the_manager_who_let_an_expired_lot_go_is_named_whatever_the_labels_case(demo_db: OpenedDatabase) -> None:
    jar, old, new = _expired_and_fresh_jar()
    cart = Cart()
    cart.add(item_view(jar), 1, lot=new.number)  # the same product, a good lot: nobody's leave needed
    cart.add(item_view(jar), 2, lot="  " + old.number.lower(), expired_ok_by=lead())  # typed in small letters
    done = sales.commit_sale(seller(), till().id, cart, Money(15000), now=AT)
    [entry] = _override_entries()
    assert (entry.user, entry.subject, entry.till, entry.at) == ("prapha", "prapha", "T1", AT)
    assert entry.detail == {"action": "sell_expired", "for_user": "somsri", "lot": old.number, "quantity": 2,
                            "sale": str(done.uuid)}
    moves = StockMovement.select().where(StockMovement.document_uuid == cart.uuid).order_by(StockMovement.id)
    assert [(m.lot_id, m.quantity, m.expired_override) for m in moves] == [(new.id, -1, False), (old.id, -2, True)]


def test_an_expired_lot_named_by_its_uuid_names_its_manager_too(demo_db: OpenedDatabase) -> None:
    jar, old, _new = _expired_and_fresh_jar()
    cart = Cart()
    cart.add(item_view(jar), 1, expired_ok_by=lead())  # first expiry first out: the good lot, no override
    cart.add(item_view(jar), 1, lot=str(old.uuid), expired_ok_by=lead())  # a QR code carries the lot's UUID
    sales.commit_sale(seller(), till().id, cart, Money(10000), now=AT)
    [entry] = _override_entries()
    assert (entry.user, entry.subject, entry.detail["lot"], entry.detail["quantity"]) == \
        ("prapha", "prapha", old.number, 1)


def test_two_expired_lots_let_go_by_two_managers_each_name_their_own(demo_db: OpenedDatabase) -> None:
    jar, first, _new = _expired_and_fresh_jar()
    second = Lot.get_by_id(buy(MARKET, jar, 4, 4000, expires=dt.date(2026, 11, 20), day=dt.date(2026, 11, 2)).lot_id)
    cart = Cart()
    cart.add(item_view(jar), 1, lot=first.number, expired_ok_by=lead())  # the production lead lets this one go
    cart.add(item_view(jar), 3, lot=second.number, expired_ok_by=actor("wanna"))  # the treasurer that one
    sales.commit_sale(seller(), till().id, cart, Money(20000), now=AT)
    assert sorted((e.detail["lot"], e.detail["quantity"], e.user, e.subject) for e in _override_entries()) == \
        sorted([(first.number, 1, "prapha", "prapha"), (second.number, 3, "wanna", "wanna")])
