"""Stock and production figures on realistic data (SQLite, the shop's default):

* ``stock_card`` — the first page (50 rows, running balance) of the stock card of an item with 100,000
  movements, against a raw indexed ``SELECT … ORDER BY id DESC LIMIT 51`` on the same file (target ≤ 50 ms);
* ``on_hand_5k`` — on hand of 5,000 items with 1–3 lots each (from the balances), against a raw
  ``GROUP BY`` over the balance table (target ≤ 100 ms);
* ``batch_commit`` — a 10-ingredient batch through the service on a database holding a year of trading
  (~110,000 ledger rows), against the raw one-row insert + commit floor of ``sale_commit`` (target ≤ 5×);
  beside it its CPU time and ``fsync_ms``, one fsync on this disk (the floor is mostly that fsync: where it is
  nearly free, on a virtual disk, the ratio shows the Python work of the batch's ~27 statements).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from benchmarks.bench_core import _raw_commit, fsync_ms
from benchmarks.harness import Figure, best_of

DAY0 = dt.date(2025, 11, 24)


def _world(path: Path) -> tuple[object, int, int]:
    from db.connection import open_database
    from pos_app.demo import create_demo

    opened = open_database(str(path))
    create_demo(days=1)
    from db.models import Shop

    return opened, Shop.get(Shop.code == "KAPI-STALL").id, Shop.get(Shop.code == "BHS-MARKET").id


def _lot(item_id: int, group_id: int, n: int, qty: int, cost: int, expires: dt.date | None) -> int:
    from db.models import Lot

    unit, rem = divmod(cost, qty)
    return int(Lot.insert(uuid=uuid.uuid4(), number=f"BENCH-{item_id}-{n}", item=item_id, group=group_id,
                          origin="purchase", document_uuid=uuid.uuid4(), made_on=DAY0, expires_on=expires,
                          quantity_in=qty, cost_satang=cost, unit_cost_satang=unit, remainder_satang=rem,
                          created_at=dt.datetime(2025, 11, 24, tzinfo=dt.UTC)).execute())


def _history(item_id: int, shop_id: int, lot_id: int, rows: int, start_qty: int) -> None:
    """``rows`` sale rows of one unit each after one opening row, with the matching balance (setup only)."""
    from db.models import StockMovement, database
    from db.models.stock import StockBalance

    at = dt.datetime(2025, 11, 24, 1, 0, tzinfo=dt.UTC)
    with database.atomic():
        batch = [dict(uuid=uuid.uuid4(), item=item_id, shop=shop_id, kind="opening", quantity=start_qty, lot=lot_id,
                      value_satang=start_qty, document_uuid=uuid.uuid4(), created_at=at, business_date=DAY0)]
        for i in range(rows - 1):
            batch.append(dict(uuid=uuid.uuid4(), item=item_id, shop=shop_id, kind="sale", quantity=-1, lot=lot_id,
                              value_satang=-1, document_uuid=uuid.uuid4(), created_at=at + dt.timedelta(minutes=i),
                              business_date=DAY0 + dt.timedelta(days=i * 365 // rows)))
            if len(batch) >= 5000:
                StockMovement.insert_many(batch).execute()
                batch = []
        if batch:
            StockMovement.insert_many(batch).execute()
        left = start_qty - (rows - 1)
        StockBalance.insert(item=item_id, lot=lot_id, shop=shop_id, quantity=left, held_value_satang=left).execute()


def stock_card(workdir: Path) -> Figure:
    from db.models import Item
    from pos_app.stock import views

    path = workdir / "card.sqlite3"
    opened, stall, _market = _world(path)
    item = Item.get(Item.sku == "ING-SALT")
    lot = _lot(item.id, item.group_id, 1, 200_000, 200_000, None)
    _history(item.id, stall, lot, 100_000, 200_000)
    value = best_of(lambda: views.stock_card(item.id, stall, page_size=50), repeat=7)
    conn = sqlite3.connect(str(path))
    floor = best_of(lambda: conn.execute(
        "SELECT id, business_date, kind, quantity, value_satang FROM stock_movement WHERE item_id = ? AND "
        "shop_id = ? ORDER BY id DESC LIMIT 51", (item.id, stall)).fetchall(), repeat=7)
    conn.close()
    opened.database.close()  # type: ignore[attr-defined]
    return Figure("stock_card", "ms", value * 1000, floor * 1000, 30.0,
                  {"target_ms": 50, "target_ms_ok": value * 1000 <= 50, "movements": 100_000})


def on_hand_5k(workdir: Path) -> Figure:
    from db.models import Item, NetworkGroup, database
    from db.models.stock import StockBalance
    from pos_app.stock import ledger

    path = workdir / "onhand.sqlite3"
    opened, stall, _market = _world(path)
    group = NetworkGroup.get(NetworkGroup.code == "KAPI").id
    with database.atomic():
        Item.insert_many([dict(uuid=uuid.uuid4(), sku=f"B-{i:05d}", kind="ingredient", base_unit="g",
                               name_th=f"วัตถุดิบ {i}", name_en=f"item {i}", group=group) for i in range(5000)]).execute()
        ids = [i.id for i in Item.select(Item.id).where(Item.sku.startswith("B-"))]
        for n, item_id in enumerate(ids):
            for k in range(1 + n % 3):
                lot = _lot(item_id, group, k, 1000, 5000, DAY0 + dt.timedelta(days=300 + k))
                StockBalance.insert(item=item_id, lot=lot, shop=stall, quantity=1000 - k,
                                    held_value_satang=5000).execute()
    value = best_of(lambda: ledger.on_hand_many(ids, stall), repeat=7)
    conn = sqlite3.connect(str(path))
    floor = best_of(lambda: conn.execute(
        "SELECT item_id, SUM(quantity) FROM stock_balance WHERE shop_id = ? GROUP BY item_id", (stall,)).fetchall(),
        repeat=7)
    conn.close()
    opened.database.close()  # type: ignore[attr-defined]
    return Figure("on_hand_5k", "ms", value * 1000, floor * 1000, 30.0,
                  {"target_ms": 100, "target_ms_ok": value * 1000 <= 100, "items": 5000})


def batch_commit(workdir: Path, n: int = 15) -> Figure:
    from db.models import Item
    from pos_app.money import Money
    from pos_app.people import users
    from pos_app.production import batches, recipes
    from pos_app.stock import purchases

    path = workdir / "batch.sqlite3"
    opened, stall, _market = _world(path)
    lead = users.login("prapha", "2222")
    finished = Item.get(Item.sku == "KAPI-SEASONED")
    ingredients = [i for i in Item.select().where(Item.kind != "finished").order_by(Item.sku)][:10]
    for k, item in enumerate(ingredients):  # a year of trading: ~11,000 rows on each ingredient's lots
        lot = _lot(item.id, item.group_id, 100 + k, 1_000_000, 1_000_000, None)
        _history(item.id, stall, lot, 11_000, 1_000_000)
    purchases.record_purchase(lead, stall, [purchases.BuyLine(i.id, 100_000, total=Money(300_000))
                                            for i in ingredients])
    recipe = recipes.save_recipe(lead, finished.id, 20, [recipes.Ingredient(i.id, 5) for i in ingredients])
    times, cpu = [], []
    for _ in range(n):
        draft = batches.plan_batch(recipe.id, stall, 20)
        draft = batches.BatchDraft(**{**draft.__dict__, "labour": (batches.Work("สมใจ", 60, Money(5000)),)})
        start, start_cpu = time.perf_counter(), time.thread_time()
        batches.commit_batch(lead, draft)
        times.append(time.perf_counter() - start)
        cpu.append(time.thread_time() - start_cpu)
    opened.database.close()  # type: ignore[attr-defined]
    raw_cpu: list[float] = []
    raw = _raw_commit(workdir / "raw.sqlite3", n, raw_cpu)
    cpu_ms, floor_cpu = statistics.median(cpu) * 1000, statistics.median(raw_cpu) * 1000
    return Figure("batch_commit", "ms", statistics.median(times) * 1000, statistics.median(raw) * 1000, 5.0,
                  {"ledger_rows": 110_000, "ingredients": 10, "cpu_ms": round(cpu_ms, 3),
                   "floor_cpu_ms": round(floor_cpu, 4),
                   "cpu_ratio": round(cpu_ms / floor_cpu, 2) if floor_cpu else None,
                   "fsync_ms": round(fsync_ms(workdir / "fsync.bin"), 3)})


def figures() -> Iterator[Figure]:
    with tempfile.TemporaryDirectory(prefix="pos-bench-stock-") as tmp:
        yield stock_card(Path(tmp))
        yield on_hand_5k(Path(tmp))
        yield batch_commit(Path(tmp))
