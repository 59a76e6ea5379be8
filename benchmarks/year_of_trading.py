"""A database holding a year of trading at one till, for the till's benchmarks (issue 15, Speed).

The demo shop first (through the services), then 365 market days of cash sales written straight into the
tables the sale service writes — ``sale``, ``sale_line``, ``payment``, ``stock_movement``, ``journal_entry``,
``chain_link``, ``print_job`` — each row copied from a row the service wrote, with its own UUID, number,
day and lines (1–6 lines of the demo's finished goods, avg 3.5).  The till's receipt number and chain head
are moved past the year, so the next real sale continues them; one opening row per lot brings in what the
year sold, so every balance still equals its ledger sum.  The hashes are not real (``verify`` would fail): the
figures are about the size of the tables, not about trust.  Built once per run in a temp folder.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

SALES = 60_000  # ≥ 50,000 sales and, at 3.5 lines a sale, ≥ 200,000 stock movements
DAYS = 365


def demo_database(path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-m", "pos_app", "--database", str(path), "demo"], env=env, check=True,
                   capture_output=True, timeout=600)


def _row(db: sqlite3.Connection, sql: str, *args: Any) -> dict[str, Any]:
    cur = db.execute(sql, args)
    names = [c[0] for c in cur.description]
    return dict(zip(names, cur.fetchone(), strict=True))


def _insert(db: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    if rows:
        cols = list(rows[0])
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        db.executemany(sql, [tuple(r[c] for c in cols) for r in rows])


def add_a_year(path: Path, sales: int = SALES, days: int = DAYS, seed: int = 15) -> dict[str, int]:
    """Add ``sales`` cash sales over the ``days`` before the demo week; returns the table sizes."""
    rng = random.Random(seed)
    db = sqlite3.connect(str(path), isolation_level=None)
    template = _row(db, "SELECT * FROM sale WHERE kind = 'sale' ORDER BY id DESC LIMIT 1")
    sid = template["id"]
    t_line = _row(db, "SELECT * FROM sale_line WHERE sale_id = ? LIMIT 1", sid)
    t_pay = _row(db, "SELECT * FROM payment WHERE sale_id = ? LIMIT 1", sid)
    t_move = _row(db, "SELECT * FROM stock_movement WHERE document_uuid = ? LIMIT 1", template["uuid"])
    t_journal = _row(db, "SELECT * FROM journal_entry WHERE doc_uuid = ?", template["uuid"])
    t_link = _row(db, "SELECT * FROM chain_link WHERE doc_uuid = ?", template["uuid"])
    t_job = _row(db, "SELECT * FROM print_job WHERE doc_uuid = ? LIMIT 1", template["uuid"])
    goods = db.execute(
        "SELECT b.item_id, b.lot_id, p.price_satang, p.per_quantity FROM stock_balance b "
        "JOIN item i ON i.id = b.item_id JOIN item_price p ON p.item_id = i.id AND p.tier_id = ? "
        "WHERE b.shop_id = ? AND i.kind = 'finished' AND p.per_quantity = 1", (template["tier_id"], 1)).fetchall()
    till = template["till_id"]
    number = db.execute("SELECT last_receipt_no FROM till WHERE id = ?", (till,)).fetchone()[0]
    head = _row(db, "SELECT * FROM chain_head WHERE chain = ?", t_link["chain"])
    seq, prev = head["seq"], head["hash"]
    first_id = db.execute("SELECT MAX(id) FROM sale").fetchone()[0] + 1
    start = dt.datetime.fromisoformat(str(template["created_at"])[:19]) - dt.timedelta(days=days + 8)
    tables: dict[str, list[dict[str, Any]]] = {t: [] for t in (
        "sale", "sale_line", "payment", "stock_movement", "journal_entry", "chain_link", "print_job")}
    db.execute("BEGIN")
    for n in range(sales):
        when = start + dt.timedelta(days=n * days // sales, hours=rng.randint(0, 9), seconds=rng.randint(0, 3599))
        at, day = when.isoformat(" "), (when + dt.timedelta(hours=7)).date().isoformat()
        sale_uuid = uuid.uuid4().hex
        sale_id, number, seq = first_id + n, number + 1, seq + 1
        lines = rng.sample(goods, min(len(goods), rng.choice((1, 2, 3, 3, 4, 4, 5, 6))))
        total = 0
        for no, (item, lot, price, per) in enumerate(lines, start=1):
            qty = rng.randint(1, 3)
            total += qty * price
            tables["sale_line"].append({**t_line, "id": None, "sale_id": sale_id, "line_no": no, "item_id": item,
                                        "quantity": qty, "unit_price_satang": price, "per_quantity": per,
                                        "amount_satang": qty * price, "discount_satang": 0})
            tables["stock_movement"].append({**t_move, "id": None, "uuid": uuid.uuid4().hex, "item_id": item,
                                             "lot_id": lot, "quantity": -qty, "value_satang": 0,
                                             "document_uuid": sale_uuid, "created_at": at, "business_date": day})
        tables["sale"].append({**template, "id": sale_id, "uuid": sale_uuid, "number": number, "created_at": at,
                               "business_date": day, "total_satang": total})
        tables["payment"].append({**t_pay, "id": None, "uuid": uuid.uuid4().hex, "sale_id": sale_id,
                                  "amount_satang": total, "tendered_satang": total, "change_satang": 0,
                                  "created_at": at, "business_date": day})
        tables["journal_entry"].append({**t_journal, "id": None, "uuid": uuid.uuid4().hex, "doc_uuid": sale_uuid,
                                        "created_at": at})
        value = f"{rng.getrandbits(256):064x}"
        tables["chain_link"].append({**t_link, "id": None, "seq": seq, "doc_uuid": sale_uuid, "prev_hash": prev,
                                     "hash": value, "created_at": at})
        prev = value
        tables["print_job"].append({**t_job, "id": None, "uuid": uuid.uuid4().hex, "doc_uuid": sale_uuid,
                                    "created_at": at})
    sold: dict[tuple[int, int], int] = {}
    for move in tables["stock_movement"]:
        sold[(move["item_id"], move["lot_id"])] = sold.get((move["item_id"], move["lot_id"]), 0) - move["quantity"]
    opened = (start - dt.timedelta(days=1)).isoformat(" ")
    for (item, lot), qty in sorted(sold.items()):  # what the year sold came in first: balances = ledger sums
        tables["stock_movement"].append({
            **t_move, "id": None, "uuid": uuid.uuid4().hex, "kind": "opening", "item_id": item, "lot_id": lot,
            "quantity": qty, "value_satang": 0, "unit_cost_satang": 0, "expired_override": 0,
            "document_uuid": uuid.uuid4().hex, "created_at": opened, "business_date": opened[:10]})
    for table, rows in tables.items():
        _insert(db, table, rows)
    db.execute("UPDATE till SET last_receipt_no = ? WHERE id = ?", (number, till))
    db.execute("UPDATE chain_head SET seq = ?, hash = ? WHERE chain = ?", (seq, prev, t_link["chain"]))
    db.execute("COMMIT")
    sizes = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("sale", "stock_movement")}
    db.close()
    return sizes


def time_sales(path: Path, n: int = 60) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds per 3-line cash sale (one each of three finished goods) through
    ``sales.commit_sale``.  The goods are received first (a purchase through the stock service), so every sale
    takes stock from a lot as at a stall, never the oversold path."""
    import time

    from db.connection import open_database
    from db.models import Till
    from pos_app.money import Money
    from pos_app.people import users
    from pos_app.selling import catalog, sales
    from pos_app.selling.cart import Cart
    from pos_app.stock.ledger import Movement, receive

    opened = open_database(str(path))
    try:
        actor = users.login("somsri", "1111")
        lead = users.login("prapha", "2222")
        till = Till.get(Till.code == "T1")
        goods = [v for v in catalog.sellable() if v.kind == "finished" and not v.sold_by_weight][:3]
        receive(lead, till.shop_id, [Movement(v.id, n + 10, unit_cost_satang=1000) for v in goods])
        wall, cpu = [], []
        for _ in range(n):
            cart = Cart()
            for view in goods:
                cart.add(view, 1)
            start, start_cpu = time.perf_counter(), time.thread_time()
            sales.commit_sale(actor, till.id, cart, Money(100000))
            wall.append(time.perf_counter() - start)
            cpu.append(time.thread_time() - start_cpu)
        return wall, cpu
    finally:
        opened.database.close()


def add_catalogue(path: Path, n: int = 100_000, seed: int = 15) -> int:
    """Add ``n`` finished goods (Thai and English names from the till's benchmark generator, a barcode and a
    retail price each) to the shop at ``path``; returns the number of items."""
    from benchmarks.bench_till import catalogue

    views, barcodes, _groups = catalogue(n, seed)
    db = sqlite3.connect(str(path), isolation_level=None)
    first = db.execute("SELECT MAX(id) FROM item").fetchone()[0] + 1
    groups = [g for (g,) in db.execute("SELECT id FROM network_group ORDER BY id")]
    tier = db.execute("SELECT id FROM price_tier WHERE code = 'retail'").fetchone()[0]
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO item (id, uuid, sku, kind, base_unit, name_th, name_en, group_id, sold_by_weight, active) "
        "VALUES (?, ?, ?, 'finished', ?, ?, ?, ?, ?, 1)",
        [(first + k, uuid.uuid4().hex, f"B{v.sku}", v.base_unit, v.name_th, v.name_en, groups[k % len(groups)],
          int(v.sold_by_weight)) for k, v in enumerate(views)])
    db.executemany("INSERT INTO item_price (item_id, tier_id, price_satang, per_quantity) VALUES (?, ?, ?, ?)",
                   [(first + k, tier, v.price.satang, v.per_quantity) for k, v in enumerate(views)])
    db.executemany("INSERT INTO barcode (code, item_id, quantity) VALUES (?, ?, 1)",
                   [(f"886{code[3:]}", first + item - 1) for item, code, _q in barcodes])
    db.execute("COMMIT")
    count = int(db.execute("SELECT COUNT(*) FROM item").fetchone()[0])
    db.close()
    return count
