"""The sale service without Qt, on both databases: one transaction, gapless numbers, idempotent, refunds."""

from __future__ import annotations

import datetime as dt

import peewee as pw
import pytest

from db.connection import OpenedDatabase
from db.models import JournalEntry, Payment, Sale, SaleLine, StockMovement, Till
from pos_app.errors import InputError, PermissionDenied
from pos_app.events import SaleCommitted, bus
from pos_app.money import Money
from pos_app.people import users
from pos_app.selling import catalog, history, refunds, sales
from pos_app.selling.cart import Cart
from pos_app.stock import ledger as stock
from tests.conftest import TODAY

NOON = dt.datetime(2026, 11, 24, 5, 0, tzinfo=dt.UTC)  # 12:00 in Bangkok


def seller() -> users.Actor:
    return users.login("somsri", "1111")


def till_t1() -> Till:
    return Till.get(Till.code == "T1")


def three_line_cart() -> Cart:
    cart = Cart()
    cart.add(catalog.by_barcode(Cart_codes()["DISH-500"]))  # type: ignore[arg-type]
    cart.add(catalog.by_barcode(Cart_codes()["TEA-YMN"]), 2)  # type: ignore[arg-type]
    kapi = next(v for v in catalog.sellable() if v.sku == "KAPI-KG")
    cart.add(kapi, 333)  # 333 g at ฿200.00/kg = ฿66.60
    return cart


def Cart_codes() -> dict[str, str]:
    from db.models import Barcode, Item
    return {b.item.sku: b.code for b in Barcode.select(Barcode, Item).join(Item)}


def test_cash_sale_commits_everything_in_one_go(demo_db: OpenedDatabase) -> None:
    till = till_t1()
    cart = three_line_cart()
    assert cart.total == Money(2500 + 2 * 6000 + 6660)
    before = stock.on_hand_many([line.item.id for line in cart.lines], till.shop_id)
    seen: list[SaleCommitted] = []
    unsubscribe = bus.subscribe(SaleCommitted, seen.append)
    try:
        result = sales.commit_sale(seller(), till.id, cart, Money.parse("300"), now=NOON)
    finally:
        unsubscribe()
    assert result.number == till.last_receipt_no + 1
    assert result.change == Money.parse("300") - cart.total
    assert [e.number for e in seen] == [result.number]
    sale = Sale.get(Sale.uuid == cart.uuid)
    assert (sale.total_satang, sale.business_date) == (cart.total.satang, TODAY)
    assert sale.created_at == NOON
    assert [line.amount_satang for line in SaleLine.select().where(SaleLine.sale == sale)] == [2500, 12000, 6660]
    pay = Payment.get(Payment.sale == sale)
    assert (pay.method, pay.tendered_satang, pay.change_satang) == ("cash", 30000, result.change.satang)
    moves = list(StockMovement.select().where(StockMovement.document_uuid == cart.uuid))
    assert sorted(m.quantity for m in moves) == sorted([-1, -2, -333])
    assert JournalEntry.get(JournalEntry.doc_uuid == cart.uuid).doc_type == "sale"
    for line in cart.lines:
        assert result.stock_after[line.item.id] == before[line.item.id] - line.quantity


def test_saving_the_same_cart_twice_is_a_no_op(demo_db: OpenedDatabase) -> None:
    cart = three_line_cart()
    first = sales.commit_sale(seller(), till_t1().id, cart, Money(100000))
    again = sales.commit_sale(seller(), till_t1().id, cart, Money(100000))
    assert again.already_saved and again.number == first.number
    assert Sale.select().where(Sale.uuid == cart.uuid).count() == 1
    assert StockMovement.select().where(StockMovement.document_uuid == cart.uuid).count() == 3


def test_receipt_numbers_are_gapless_even_after_a_refused_sale(demo_db: OpenedDatabase) -> None:
    till = till_t1()
    start = till.last_receipt_no
    numbers = [sales.commit_sale(seller(), till.id, three_line_cart(), Money(100000)).number]
    with pytest.raises(InputError):
        sales.commit_sale(seller(), till.id, three_line_cart(), Money(100))  # not enough cash
    numbers.append(sales.commit_sale(seller(), till.id, three_line_cart(), Money(100000)).number)
    assert numbers == [start + 1, start + 2]
    all_numbers = [s.number for s in Sale.select().where(Sale.till == till).order_by(Sale.number)]
    assert all_numbers == list(range(1, len(all_numbers) + 1))


def test_cash_less_than_total_changes_nothing(demo_db: OpenedDatabase) -> None:
    counts = (Sale.select().count(), StockMovement.select().count(), JournalEntry.select().count())
    cart = three_line_cart()
    with pytest.raises(InputError) as err:
        sales.commit_sale(seller(), till_t1().id, cart, Money.parse("10"))
    assert "น้อยกว่ายอดรวม" in str(err.value)
    assert (Sale.select().count(), StockMovement.select().count(), JournalEntry.select().count()) == counts
    assert Till.get(Till.code == "T1").last_receipt_no == till_t1().last_receipt_no


def test_a_failure_mid_commit_rolls_everything_back(demo_db: OpenedDatabase, monkeypatch: pytest.MonkeyPatch) -> None:
    till = till_t1()
    counts = (Sale.select().count(), SaleLine.select().count(), Payment.select().count(),
              StockMovement.select().count(), JournalEntry.select().count(), till.last_receipt_no)

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setattr(sales, "record", crash)  # the journal write is the last step
    with pytest.raises(RuntimeError):
        sales.commit_sale(seller(), till.id, three_line_cart(), Money(100000))
    assert (Sale.select().count(), SaleLine.select().count(), Payment.select().count(),
            StockMovement.select().count(), JournalEntry.select().count(),
            Till.get_by_id(till.id).last_receipt_no) == counts


def test_promptpay_records_who_confirmed(demo_db: OpenedDatabase) -> None:
    cart = three_line_cart()
    result = sales.commit_sale(seller(), till_t1().id, cart, method="promptpay")
    pay = Payment.get(Payment.sale == Sale.get(Sale.uuid == cart.uuid))
    assert (pay.method, pay.amount_satang, pay.change_satang) == ("promptpay", cart.total.satang, 0)
    assert pay.confirmed_by.login == "somsri"
    assert result.change == Money(0)


def test_refund_is_a_new_document_and_returns_stock(demo_db: OpenedDatabase) -> None:
    till = till_t1()
    cart = three_line_cart()
    ids = [line.item.id for line in cart.lines]
    before = stock.on_hand_many(ids, till.shop_id)
    sale = sales.commit_sale(seller(), till.id, cart, Money(100000), now=NOON)
    # the sale took 1 dish soap, 2 teas and 333 g of kapi: each exactly that below what was there before
    assert sale.stock_after == {ids[0]: before[ids[0]] - 1, ids[1]: before[ids[1]] - 2, ids[2]: before[ids[2]] - 333}
    with pytest.raises(PermissionDenied):
        refunds.refund_sale(seller(), till.id, sale.uuid, "broken")
    treasurer = users.login("wanna", "3333")
    with pytest.raises(InputError):
        refunds.refund_sale(treasurer, till.id, sale.uuid, "  ")
    refund = refunds.refund_sale(treasurer, till.id, sale.uuid, "ขวดรั่ว", now=NOON + dt.timedelta(hours=1))
    assert refund.number == sale.number + 1 and refund.total == -cart.total
    assert refund.stock_after == before  # the whole sale came back: exactly what was there before it
    assert stock.on_hand_many(ids, till.shop_id) == before
    original = Sale.get(Sale.uuid == sale.uuid)
    assert original.total_satang == cart.total.satang  # untouched
    with pytest.raises(InputError):
        refunds.refund_sale(treasurer, till.id, sale.uuid, "again")
    day = history.sales_of_day(TODAY, till.id)
    assert [(s.kind, s.number) for s in day[:2]] == [("refund", refund.number), ("sale", sale.number)]


def test_documents_cannot_be_edited_or_deleted(demo_db: OpenedDatabase) -> None:
    sale = Sale.select().first()
    with pytest.raises(pw.DatabaseError):
        Sale.update(total_satang=1).where(Sale.id == sale.id).execute()
    demo_db.database.close()
    demo_db.database.connect()
    with pytest.raises(pw.DatabaseError):
        StockMovement.delete().execute()


def test_demo_week_is_there(demo_db: OpenedDatabase) -> None:
    days = {s.business_date for s in Sale.select()}
    assert len(days) == 7 and max(days) == TODAY - dt.timedelta(days=1)
    assert Sale.select().where(Sale.kind == "refund").count() == 2
    assert not history.sales_of_day(TODAY)
    # the ledger sums match what the sales took out
    kapi = next(v for v in catalog.sellable() if v.sku == "KAPI-200")
    sold = -(StockMovement.select(pw.fn.SUM(StockMovement.quantity))
             .where((StockMovement.item == kapi.id) & (StockMovement.kind.in_(["sale", "refund"]))).scalar() or 0)
    assert stock.on_hand(kapi.id, till_t1().shop_id) == 60 - sold
