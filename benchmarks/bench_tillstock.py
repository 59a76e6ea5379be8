"""What the till asks about stock and settings, on realistic data (SQLite, the shop's default):

* ``till_stock_check`` — "may one more go into the cart?" (:func:`check_add`: on hand from the balances and
  the shop's policy) for an item with 100,000 ledger rows, against a raw indexed one-row balance ``SELECT``
  on the same file (target ≤ 2 ms: it runs on every scan);
* ``till_shop_on_hand`` — on hand of the whole shop (5,000 items, 1–3 lots each) for the product tiles,
  against the raw ``GROUP BY`` over the balance table;
* ``setting_read`` — one declared setting (a seller's discount limit, read at every sale), against a raw
  one-row ``SELECT`` of the setting table.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

from benchmarks.bench_stock import DAY0, _history, _lot
from benchmarks.harness import Figure, best_of


def _world(path: Path) -> tuple[object, int, int]:
    from db.connection import open_database
    from db.models import Shop
    from pos_app.demo import create_demo

    opened = open_database(str(path))
    create_demo(days=4)  # the demo dates its transfer 5 days back: with fewer days it precedes the stock
    return opened, Shop.get(Shop.code == "KAPI-STALL").id, Shop.get(Shop.code == "BHS-MARKET").id


def stock_check(workdir: Path) -> Figure:
    from db.models import Item
    from pos_app.selling.cart import Cart
    from pos_app.selling.stock_at_till import check_add

    path = workdir / "check.sqlite3"
    opened, _stall, market = _world(path)
    item = Item.get(Item.sku == "ING-SALT")
    lot = _lot(item.id, item.group_id, 1, 200_000, 200_000, None)
    _history(item.id, market, lot, 100_000, 200_000)
    cart = Cart()
    value = best_of(lambda: check_add(market, cart, item.id, 1), repeat=7, number=20)
    conn = sqlite3.connect(str(path))
    floor = best_of(lambda: conn.execute("SELECT quantity FROM stock_balance WHERE item_id = ? AND shop_id = ?",
                                         (item.id, market)).fetchall(), repeat=7, number=20)
    conn.close()
    opened.database.close()  # type: ignore[attr-defined]
    return Figure("till_stock_check", "ms", value * 1000, floor * 1000, 60.0,
                  {"target_ms": 2, "target_ms_ok": value * 1000 <= 2, "movements": 100_000})


def shop_on_hand_5k(workdir: Path) -> Figure:
    from db.models import Item, NetworkGroup, database
    from db.models.stock import StockBalance
    from pos_app.selling.stock_at_till import shop_on_hand

    path = workdir / "shop.sqlite3"
    opened, _stall, market = _world(path)
    group = NetworkGroup.get(NetworkGroup.code == "KAPI").id
    with database.atomic():
        Item.insert_many([dict(uuid=uuid.uuid4(), sku=f"B-{i:05d}", kind="finished", base_unit="piece",
                               name_th=f"สินค้า {i}", name_en=f"item {i}", group=group) for i in range(5000)]).execute()
        ids = [i.id for i in Item.select(Item.id).where(Item.sku.startswith("B-"))]
        for n, item_id in enumerate(ids):
            for k in range(1 + n % 3):
                lot = _lot(item_id, group, k, 100, 5000, DAY0 + dt.timedelta(days=300 + k))
                StockBalance.insert(item=item_id, lot=lot, shop=market, quantity=100 - k,
                                    held_value_satang=5000).execute()
    value = best_of(lambda: shop_on_hand(market), repeat=7)
    conn = sqlite3.connect(str(path))
    floor = best_of(lambda: conn.execute(
        "SELECT item_id, SUM(quantity) FROM stock_balance WHERE shop_id = ? GROUP BY item_id", (market,)).fetchall(),
        repeat=7)
    conn.close()
    opened.database.close()  # type: ignore[attr-defined]
    return Figure("till_shop_on_hand", "ms", value * 1000, floor * 1000, 10.0,
                  {"target_ms": 50, "target_ms_ok": value * 1000 <= 50, "items": 5000})


def setting_read(workdir: Path) -> Figure:
    from db.models import Till
    from pos_app import settings
    from pos_app.people import users

    path = workdir / "settings.sqlite3"
    opened, _stall, _market = _world(path)
    till = Till.select().first()
    where = settings.Where(till.shop_id, till.id)
    settings.change(users.login("admin", "9999"), "discount_limit_seller", "7.5", where)
    value = best_of(lambda: settings.value("discount_limit_seller", where), repeat=7, number=50)
    conn = sqlite3.connect(str(path))
    floor = best_of(lambda: conn.execute("SELECT value FROM setting WHERE scope = ? AND key = ?",
                                         ("shop:BHS-MARKET", "discount_limit_seller")).fetchall(),
                    repeat=7, number=50)
    conn.close()
    opened.database.close()  # type: ignore[attr-defined]
    return Figure("setting_read", "ms", value * 1000, floor * 1000, 40.0,
                  {"target_ms": 1, "target_ms_ok": value * 1000 <= 1})


def figures() -> Iterator[Figure]:
    with tempfile.TemporaryDirectory(prefix="pos-bench-tillstock-") as tmp:
        yield stock_check(Path(tmp))
        yield shop_on_hand_5k(Path(tmp))
        yield setting_read(Path(tmp))
