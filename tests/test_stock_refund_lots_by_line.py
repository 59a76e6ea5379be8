"""Where refunded goods go back, and where spoilt refunded goods leave from (pos_app.stock.picking.refund_lots
and the write-off that follows a refund), by fixed figures: several refunds of one sale, one refund of
several lines of one item, and goods brought back with no sale known.  Both databases; every row worked by
hand from the purchases and the sale in each test.

The rule: goods come back into the lots the sale took them from, in the order it took them, each lot up to
what it gave less what earlier refunds and earlier lines of this refund put back; spoilt goods of the refund
leave again from the lots this refund put them in, in that order."""

from __future__ import annotations

import datetime as dt
import uuid

from db.connection import OpenedDatabase
from db.models import Lot, Sale, StockMovement, Till, database
from pos_app.selling import catalog, refunds, sales
from pos_app.selling.cart import Cart
from pos_app.stock import ledger
from pos_app.stock.ledger import Movement
from tests.conftest import NOW
from tests.stock_support import buy, new_item, sell, seller, shop
from tests.test_selling_rules import treasurer

MARKET, STALL = "BHS-MARKET", "KAPI-STALL"  # till T1 is at the market


def _rows(doc: uuid.UUID) -> list[tuple[int | None, int, bool]]:
    rows = StockMovement.select().where(StockMovement.document_uuid == doc).order_by(StockMovement.id)
    return [(r.lot_id, r.quantity, r.expired_override) for r in rows]


def _kind_rows(doc: uuid.UUID, kind: str) -> list[tuple[int | None, int, bool]]:
    rows = (StockMovement.select().where((StockMovement.document_uuid == doc) & (StockMovement.kind == kind))
            .order_by(StockMovement.id))
    return [(r.lot_id, r.quantity, r.expired_override) for r in rows]


def _refund(sale_uuid: uuid.UUID, lines: dict[int, int], spoilt: frozenset[int] = frozenset()) -> uuid.UUID:
    done = refunds.refund_sale(seller(), Till.get(Till.code == "T1").id, sale_uuid, "คืน", lines=lines,
                               to_waste=spoilt, method="cash", approved_by=treasurer())
    return done.uuid


def test_each_refund_of_one_sale_fills_only_what_the_earlier_ones_left(demo_db: OpenedDatabase) -> None:
    salt = new_item("BHS", "finished", "piece", price_satang=500, name="เกลือ")
    a = buy(MARKET, salt, 10, 1000, expires=dt.date(2026, 12, 10)).lot_id  # expires first: sold first
    b = buy(MARKET, salt, 10, 1000, expires=dt.date(2026, 12, 20)).lot_id
    sale = sell(salt, 13)
    assert _rows(sale.uuid) == [(a, -10, False), (b, -3, False)]
    assert _rows(_refund(sale.uuid, {1: 2})) == [(a, 2, False)]
    assert _rows(_refund(sale.uuid, {1: 8})) == [(a, 8, False)]  # a gave 10, 2 are back: room for 8
    # a has all its 10 back (2 + 8 from two refunds): the last 3 go to b, and no empty row for a
    assert _rows(_refund(sale.uuid, {1: 3})) == [(b, 3, False)]
    assert ledger.on_hand(salt.id, shop(MARKET).id) == 20 and ledger.verify_balances() == []


def test_one_refund_of_three_lines_of_one_item_fills_the_lots_in_turn(demo_db: OpenedDatabase) -> None:
    salt = new_item("BHS", "finished", "piece", price_satang=500, name="เกลือ")
    a = buy(MARKET, salt, 10, 1000, expires=dt.date(2026, 12, 10)).lot_id
    b = buy(MARKET, salt, 10, 1000, expires=dt.date(2026, 12, 20)).lot_id
    c = buy(MARKET, salt, 10, 1000, expires=dt.date(2026, 12, 30)).lot_id
    view = catalog.by_id(salt.id)
    assert view is not None
    cart = Cart()
    cart.add(view, 4, lot=Lot.get_by_id(b).number)  # line 1: lot b, scanned
    cart.add(view, 6)  # line 2: first-expiry-first-out, lot a
    cart.add(view, 2, lot=Lot.get_by_id(c).number)  # line 3: lot c, scanned
    sale = sales.commit_sale(seller(), Till.get(Till.code == "T1").id, cart)
    assert _rows(sale.uuid) == [(b, -4, False), (a, -6, False), (c, -2, False)]
    doc = _refund(sale.uuid, {1: 3, 2: 6, 3: 2}, spoilt=frozenset({2}))
    # the sale took b 4, a 6, c 2 (in that order).  Line 1 (3): b 3.  Line 2 (6): b has room for 4 − 3 = 1,
    # then a 5.  Line 3 (2): b is full, a has room for 6 − 5 = 1, then c 1.
    assert _kind_rows(doc, "refund") == [(b, 3, False), (b, 1, False), (a, 5, False), (a, 1, False),
                                         (c, 1, False)]
    # line 2's 6 are spoilt: they leave from what this refund put in, in order: all 4 of b, then 2 of a
    assert _kind_rows(doc, "waste") == [(b, -4, False), (a, -2, False)]
    market = shop(MARKET).id
    assert ledger.on_hand(salt.id, market) == 30 - 12 + 11 - 6 and ledger.verify_balances() == []
    assert Sale.get(Sale.uuid == doc).refund_of.uuid == sale.uuid


def test_one_unit_brought_back_with_no_sale_known_goes_into_the_lot_made_last(demo_db: OpenedDatabase) -> None:
    jar = new_item("BHS", "finished", "piece", price_satang=5000, name="กะปิ")
    later = buy(MARKET, jar, 10, 1000, day=dt.date(2026, 11, 10)).lot_id  # entered first, made on the 10th
    buy(MARKET, jar, 10, 1000, day=dt.date(2026, 11, 1))  # entered second (a higher id), made on the 1st
    buy(STALL, jar, 10, 1000, day=dt.date(2026, 11, 20))  # made last, but at the stall: not a lot here
    doc = uuid.uuid4()  # no sale of that uuid
    with database.atomic():
        done = ledger.write_movements("refund", shop(MARKET).id, doc, [Movement(jar.id, 1)], NOW, None)
    # one unit into the lot made on the 10th: 10 → 11 units held, ⌈1000 × 11 ÷ 10⌉ − 1000 = 100 satang
    assert [(p.lot_id, p.quantity, p.value_satang) for p in done.picks] == [(later, 1, 100)]
    assert _rows(doc) == [(later, 1, False)]


def test_two_spoilt_lines_of_one_item_leave_from_the_lots_they_came_back_into(demo_db: OpenedDatabase) -> None:
    salt = new_item("BHS", "finished", "piece", price_satang=500, name="เกลือ")
    a = buy(MARKET, salt, 10, 1000, expires=dt.date(2026, 12, 10)).lot_id
    b = buy(MARKET, salt, 10, 1000, expires=dt.date(2026, 12, 20)).lot_id
    view = catalog.by_id(salt.id)
    assert view is not None
    cart = Cart()
    cart.add(view, 4, lot=Lot.get_by_id(b).number)  # line 1: lot b, scanned
    cart.add(view, 6)  # line 2: first-expiry-first-out, lot a
    sale = sales.commit_sale(seller(), Till.get(Till.code == "T1").id, cart)
    doc = _refund(sale.uuid, {1: 4, 2: 6}, spoilt=frozenset({1, 2}))  # all of both lines, all spoilt
    assert _kind_rows(doc, "refund") == [(b, 4, False), (a, 6, False)]
    # line 1's 4 leave b, where they came back; line 2's 6 leave a (b has nothing of this refund left)
    assert _kind_rows(doc, "waste") == [(b, -4, False), (a, -6, False)]
    held = {lot.id: n for lot, n in ledger.fefo_preview(salt.id, shop(MARKET).id, 100, dt.date(2026, 11, 24))}
    assert held == {a: 10 - 6 + 6 - 6, b: 10 - 4 + 4 - 4}  # a 4, b 6: as if the goods never left
    assert ledger.verify_balances() == []
