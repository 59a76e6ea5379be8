"""Two lines of one document taking from the same lot (pos_app.stock.picking): the second line sees what the
first took, first-expiry-first-out and by a named lot, in a shop that warns and one that blocks.  Every
figure is worked by hand from the two purchases below; both databases."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.connection import OpenedDatabase
from db.models import Lot, StockMovement, User, database
from db.models.stock import StockBalance
from pos_app.errors import InputError
from pos_app.stock import ledger
from pos_app.stock import settings as stock_settings
from tests.conftest import NOW
from tests.stock_support import admin, buy, new_item, shop

MARKET = "BHS-MARKET"  # sells what the books do not show, and says so (warn)
SOON, LATER = dt.date(2026, 12, 10), dt.date(2026, 12, 20)


def _two_lots() -> tuple[int, int, int]:
    """An item with lot A (10 units for ฿10.01, expiring first: ฿1.00 a unit, 1 satang over) and lot B (10
    units for ฿12.00).  A lot's value held is rounded up: 4 units of A are worth ⌈400.4⌉ = 401 satang."""
    salt = new_item("BHS", name="เกลือ")
    b = buy(MARKET, salt, 10, 1200, expires=LATER).lot_id  # bought first, expires last
    a = buy(MARKET, salt, 10, 1001, expires=SOON).lot_id
    return salt.id, a, b


def _sale(moves: list[ledger.Movement], doc: uuid.UUID | None = None, user: int | None = None) -> ledger.StockWritten:
    with database.atomic():
        return ledger.write_movements("sale", shop(MARKET).id, doc or uuid.uuid4(), moves, NOW, user)


def _held(lot_id: int) -> tuple[int, int]:
    row = StockBalance.get((StockBalance.lot == lot_id) & (StockBalance.shop == shop(MARKET).id))
    return int(row.quantity), int(row.held_value_satang)


def test_the_second_line_takes_what_the_first_left_in_the_lot(demo_db: OpenedDatabase) -> None:
    item, a, b = _two_lots()
    doc, somsri = uuid.uuid4(), User.get(User.login == "somsri").id
    done = _sale([ledger.Movement(item, -6), ledger.Movement(item, -7), ledger.Movement(item, -2)], doc, somsri)
    # line 1: 6 of A (1001 − ⌈400.4⌉ = 600); line 2: the 4 left in A (401), then 3 of B (1200 − 840 = 360);
    # line 3: A is empty, 2 more of B (840 − 600 = 240)
    na, nb = Lot.get_by_id(a).number, Lot.get_by_id(b).number
    assert list(done.picks) == [ledger.Pick(item, a, na, -6, -600, False, 100, SOON),
                                ledger.Pick(item, a, na, -4, -401, False, 100, SOON),
                                ledger.Pick(item, b, nb, -3, -360, False, 120, LATER),
                                ledger.Pick(item, b, nb, -2, -240, False, 120, LATER)]
    assert done.shortfalls == ()
    assert done.value_satang == -1601
    rows = StockMovement.select().where(StockMovement.document_uuid == doc).order_by(StockMovement.id)
    assert [(r.lot_id, r.quantity, r.value_satang, r.unit_cost_satang, r.user and r.user.id) for r in rows] == [
        (a, -6, -600, 100, somsri), (a, -4, -401, 100, somsri), (b, -3, -360, 120, somsri),
        (b, -2, -240, 120, somsri)]
    assert (_held(a), _held(b)) == ((0, 0), (5, 600))
    assert ledger.on_hand(item, shop(MARKET).id) == 5
    nowhere = list(range(10**9, 10**9 + 200))  # 201 items: read from one pass over the shop's balances
    assert ledger.on_hand_many([item, *nowhere], shop(MARKET).id) == {item: 5, **dict.fromkeys(nowhere, 0)}
    assert ledger.verify_balances() == []


def test_a_named_lot_on_two_lines_reports_only_what_the_second_lacks(demo_db: OpenedDatabase) -> None:
    item, a, b = _two_lots()
    label = Lot.get_by_id(a).number.lower()  # scanned on one line (any letter case), chosen by id on the other
    done = _sale([ledger.Movement(item, -6, lot=label), ledger.Movement(item, -7, lot_id=a)])
    assert [(p.lot_id, p.quantity) for p in done.picks] == [(a, -6), (a, -7)]  # B is never touched
    assert [(s.item_id, s.short_by) for s in done.shortfalls] == [(item, 3)]  # 10 − 6 = 4 left, 7 asked
    assert _held(a)[0] == -3 and _held(b) == (10, 1200)


def test_a_blocking_shop_counts_the_first_line_before_refusing_the_second(demo_db: OpenedDatabase) -> None:
    item, a, b = _two_lots()
    stock_settings.set_stock_policy(admin(), shop(MARKET).id, "block")
    with pytest.raises(InputError) as refused:
        _sale([ledger.Movement(item, -6), ledger.Movement(item, -15)])
    # 20 − 6 = 14 left for the second line's 15
    assert refused.value.params["available"] == 14 and refused.value.params["short"] == 1
    assert (_held(a), _held(b)) == ((10, 1001), (10, 1200))  # nothing written
    done = _sale([ledger.Movement(item, -6), ledger.Movement(item, -14)])
    assert [(p.lot_id, p.quantity, p.value_satang) for p in done.picks] == [
        (a, -6, -600), (a, -4, -401), (b, -10, -1200)]
    assert ledger.on_hand(item, shop(MARKET).id) == 0


def test_a_refund_with_no_sale_known_goes_into_the_newest_lot_here(demo_db: OpenedDatabase) -> None:
    item, a, b = _two_lots()  # a was bought after b: the newest lot here
    never = new_item("BHS", name="ไม่เคยมี")  # no lot of it anywhere
    with database.atomic():
        done = ledger.write_movements("refund", shop(MARKET).id, uuid.uuid4(),
                                      [ledger.Movement(item, 2), ledger.Movement(never.id, 3)], NOW, None)
    unrecorded = Lot.get(Lot.number == f"{never.sku}-UNRECORDED")
    # 2 back into a: ⌈1001 × 12 / 10⌉ − 1001 = 1202 − 1001 = 201; the unrecorded lot has no cost
    assert [(p.lot_id, p.quantity, p.value_satang) for p in done.picks] == [(a, 2, 201), (unrecorded.id, 3, 0)]
    assert unrecorded.made_on == dt.date(2026, 11, 24)  # 10:00 in Bangkok that day
    assert _held(b) == (10, 1200)


def test_the_preview_of_a_take_names_the_lots_first_expiry_first(demo_db: OpenedDatabase) -> None:
    item, a, b = _two_lots()
    market, day = shop(MARKET).id, dt.date(2026, 11, 24)
    assert [(lot.id, n) for lot, n in ledger.fefo_preview(item, market, 13, day)] == [(a, 10), (b, 3)]
    assert [(lot.id, n) for lot, n in ledger.fefo_preview(item, market, 25, day)] == [(a, 10), (b, 10)]  # 20 held
    assert ledger.fefo_preview(item, market, 0, day) == []
    assert ledger.fefo_preview(item, shop("KAPI-STALL").id, 5, day) == []  # none of it at the stall
    # on 15 December lot A (expires the 10th) is past its day: only B is offered
    assert [(lot.id, n) for lot, n in ledger.fefo_preview(item, market, 4, dt.date(2026, 12, 15))] == [(b, 4)]
    assert (_held(a), _held(b)) == ((10, 1001), (10, 1200))  # a preview writes nothing
