"""Stock at the till: on-hand per product, warn or block past it (two till processes never both sell the last
unit), lot labels, an expired lot only with a manager's recorded override.  Both databases, hand-worked figures."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db.connection import OpenedDatabase
from db.models import Item, Sale, StockMovement, Till
from pos_app import settings
from pos_app.errors import InputError, PermissionDenied
from pos_app.selling import sales
from pos_app.selling.cart import Cart
from pos_app.selling.stock_at_till import check_add, check_cart, on_hand, read_lot_label
from pos_app.stock.ledger import Shortfall
from pos_app.trust import audit
from tests.stock_support import admin, buy, item_view, lead, new_item, seller, till

ROOT = Path(__file__).resolve().parent.parent
MARKET = "BHS-MARKET"


def _policy(policy: str) -> None:
    settings.change(admin(), "stock_policy", policy, settings.Where(till().shop_id))


def _jar_with(units: int) -> Item:
    jar = new_item("KAPI", "finished", "piece", price_satang=5000)
    buy(MARKET, jar, units, units * 100, expires=dt.date(2026, 12, 31))
    return jar


def test_on_hand_and_the_answer_for_one_more(demo_db: OpenedDatabase) -> None:
    jar = _jar_with(3)
    shop = till().shop_id
    assert on_hand([jar.id], shop) == {jar.id: 3}
    cart = Cart()
    first = check_add(shop, cart, jar.id, 2)
    assert (first.on_hand, first.in_cart, first.short_by, first.blocked) == (3, 2, 0, False)
    cart.add(item_view(jar), 2)
    second = check_add(shop, cart, jar.id, 2)  # 4 wanted, 3 in the books
    assert (second.in_cart, second.short_by, second.policy, second.blocked) == (4, 1, "warn", False)
    _policy("block")
    assert check_add(shop, cart, jar.id, 2).blocked is True
    assert check_add(shop, cart, jar.id, 1).blocked is False
    cart.add(item_view(jar), 2)
    [short] = check_cart(shop, cart)
    assert (short.item_id, short.short_by) == (jar.id, 1)


def test_warn_sells_past_on_hand_and_says_by_how_much(demo_db: OpenedDatabase) -> None:
    jar = _jar_with(3)
    cart = Cart()
    cart.add(item_view(jar), 5)
    done = sales.commit_sale(seller(), till().id, cart)
    assert done.shortfalls == (Shortfall(jar.id, 2),)
    assert done.stock_after[jar.id] == -2  # 3 − 5


def test_block_refuses_the_sale_and_writes_nothing(demo_db: OpenedDatabase) -> None:
    jar = _jar_with(3)
    _policy("block")
    cart = Cart()
    cart.add(item_view(jar), 4)
    before = (Sale.select().count(), StockMovement.select().count())
    with pytest.raises(InputError) as err:
        sales.commit_sale(seller(), till().id, cart)
    assert "3" in str(err.value) and "1" in str(err.value)
    assert (Sale.select().count(), StockMovement.select().count()) == before
    assert on_hand([jar.id], till().shop_id) == {jar.id: 3}


def test_a_lot_label_is_read_and_overrides_first_expiry_first_out(demo_db: OpenedDatabase) -> None:
    jar = new_item("KAPI", "finished", "piece", price_satang=5000)
    later = buy(MARKET, jar, 5, 500, expires=dt.date(2026, 12, 1))
    sooner = buy(MARKET, jar, 3, 600, expires=dt.date(2026, 11, 30))
    label = read_lot_label(later.number.lower())  # type: ignore[attr-defined]
    assert label is not None
    assert (label.number, label.item_id, label.expires_on, label.expired) == (
        later.number, jar.id, dt.date(2026, 12, 1), False)  # type: ignore[attr-defined]
    assert read_lot_label("8850000000034") is None
    assert read_lot_label("KAPI-25000101-999") is None
    cart = Cart()
    cart.add(item_view(jar), 2, lot=later.number)  # type: ignore[attr-defined]
    cart.add(item_view(jar), 1)  # first expiry first out: the sooner lot
    assert len(cart.lines) == 2
    assert check_add(till().shop_id, cart, jar.id, 4, lot=later.number).short_by == 1  # type: ignore[attr-defined]
    done = sales.commit_sale(seller(), till().id, cart)
    rows = StockMovement.select().where(StockMovement.document_uuid == done.uuid).order_by(StockMovement.id)
    assert [(r.lot_id, r.quantity) for r in rows] == [(later.lot_id, -2), (sooner.lot_id, -1)]  # type: ignore[attr-defined]


def test_an_expired_lot_needs_a_managers_recorded_override(demo_db: OpenedDatabase, clock: object) -> None:
    jar = new_item("KAPI", "finished", "piece", price_satang=5000)
    old = buy(MARKET, jar, 10, 1000, expires=dt.date(2026, 11, 23), day=dt.date(2026, 11, 1))
    label = read_lot_label(old.number)  # type: ignore[attr-defined]
    assert label is not None and label.expired is True  # expired 23 Nov, today 24 Nov
    cart = Cart()
    cart.add(item_view(jar), 1, lot=label.number)
    with pytest.raises(InputError) as err:
        sales.commit_sale(seller(), till().id, cart)
    assert "หมดอายุ" in str(err.value)
    cart.lines[0].expired_ok_by = seller()  # a seller may not let it through
    with pytest.raises(PermissionDenied):
        sales.commit_sale(seller(), till().id, cart)
    assert Sale.select().where(Sale.uuid == cart.uuid).count() == 0
    cart.lines[0].expired_ok_by = lead()
    done = sales.commit_sale(seller(), till().id, cart)
    row = StockMovement.get(StockMovement.document_uuid == done.uuid)
    assert (row.lot_id, row.quantity, row.expired_override) == (old.lot_id, -1, True)  # type: ignore[attr-defined]
    [entry] = [e for e in audit.entries(["override"]) if e.detail.get("action") == "sell_expired"]
    assert (entry.user, entry.till, entry.at) == ("prapha", "T1", done.created_at)
    assert entry.detail == {"action": "sell_expired", "for_user": "somsri", "lot": old.number,  # type: ignore[attr-defined]
                            "quantity": 1, "sale": str(done.uuid)}


def test_two_tills_never_both_sell_the_last_unit(demo_db: OpenedDatabase, tmp_path: Path) -> None:
    Till.create(shop=till().shop_id, code="T2", name="T2")
    jars = [_jar_with(1) for _ in range(4)]
    _policy("block")
    go = tmp_path / "go"
    skus = ",".join(j.sku for j in jars)
    procs = [subprocess.Popen([sys.executable, "-m", "tests.till_last_unit", demo_db.target, code, skus, str(go)],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for code in ("T1", "T2")]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    go.touch()
    deadline = time.monotonic() + 120
    outs = [p.communicate(timeout=max(1, deadline - time.monotonic())) for p in procs]
    sold: list[str] = []
    for p, (out, errors) in zip(procs, outs, strict=True):
        assert p.returncode == 0, errors
        lines = out.split("\n")
        assert len([line for line in lines if line]) == 4
        sold += [line.split()[1] for line in lines if line.startswith("sold ")]
    assert sorted(sold) == sorted(j.sku for j in jars)  # each last unit sold exactly once
    assert on_hand([j.id for j in jars], till().shop_id) == {j.id: 0 for j in jars}


def test_a_held_cart_keeps_its_scanned_lot(demo_db: OpenedDatabase) -> None:
    from pos_app.selling import holds

    jar = new_item("KAPI", "finished", "piece", price_satang=5000)
    later = buy(MARKET, jar, 5, 500, expires=dt.date(2026, 12, 1))
    cart = Cart()
    cart.add(item_view(jar), 2, lot=later.number)  # type: ignore[attr-defined]
    cart.add(item_view(jar), 1)
    held = holds.hold(seller(), till().id, cart)
    back = holds.recall(seller(), till().id, held)
    assert [(line.quantity, line.lot) for line in back.lines] == [(2, later.number), (1, "")]  # type: ignore[attr-defined]
