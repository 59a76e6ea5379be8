"""``day_close_5k`` (close a day of 5,000 sales and write its PDF and XLSX; target ≤ 1 s) and ``export_year``
(the notice-161 report for a year of 50,000 sales as PDF and XLSX; target ≤ 5 s).

Data: the demo network, then sales written in bulk as the till writes them (sale, 2 lines, 1 payment each;
a quarter by PromptPay).  Floors, measured in the same run on the same file: the raw SQL sums of those
sales plus writing the same number of rows with bare openpyxl (write-only) and a bare reportlab canvas.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from benchmarks.harness import Figure

BANGKOK_OFFSET = dt.timedelta(hours=7)


def _bulk_sales(days: list[dt.date], per_day: int, seed: int = 2563) -> None:
    from db.models import Item, ItemPrice, Payment, Sale, SaleLine, Till, User, database

    rng = random.Random(seed)
    till = Till.get(Till.code == "T1")
    seller = User.get(User.login == "somsri")
    goods = [(p.item_id, p.price_satang) for p in ItemPrice.select().join(Item)
             .where((Item.kind == "finished") & (Item.sold_by_weight == False))]  # noqa: E712
    tier = ItemPrice.select(ItemPrice.tier).scalar()
    number = till.last_receipt_no
    for day in days:
        sales, lines, payments = [], [], []
        start = dt.datetime.combine(day, dt.time(1, 0), dt.UTC)  # 08:00 Bangkok
        for n in range(per_day):
            number += 1
            picks = rng.sample(goods, 2)
            qty = [rng.randint(1, 3), rng.randint(1, 3)]
            total = sum(q * p for q, (_i, p) in zip(qty, picks, strict=True))
            doc = uuid.uuid4()
            sales.append(dict(uuid=doc, kind="sale", till=till.id, number=number, seller=seller.id, tier=tier,
                              created_at=start + dt.timedelta(seconds=n * 5), business_date=day,
                              total_satang=total))
            lines.append((doc, picks, qty))
            cash = rng.random() >= 0.25
            tendered = -(-total // 10000) * 10000 if cash else total
            payments.append((doc, "cash" if cash else "promptpay", total, tendered, tendered - total,
                             start + dt.timedelta(seconds=n * 5), day))
        with database.atomic():
            for chunk in range(0, len(sales), 500):
                Sale.insert_many(sales[chunk:chunk + 500]).execute()
            ids = dict(Sale.select(Sale.uuid, Sale.id).where(Sale.business_date == day).tuples().execute())
            rows = [dict(sale=ids[doc], line_no=k + 1, item=item, quantity=q, unit_price_satang=price, per_quantity=1,
                         amount_satang=q * price) for doc, picks, qty in lines
                    for k, ((item, price), q) in enumerate(zip(picks, qty, strict=True))]
            for chunk in range(0, len(rows), 500):
                SaleLine.insert_many(rows[chunk:chunk + 500]).execute()
            pays = [dict(uuid=uuid.uuid4(), sale=ids[doc], method=m, amount_satang=a, tendered_satang=t,
                         change_satang=c, created_at=when, business_date=on) for doc, m, a, t, c, when, on in payments]
            for chunk in range(0, len(pays), 500):
                Payment.insert_many(pays[chunk:chunk + 500]).execute()
    Till.update(last_receipt_no=number).where(Till.id == till.id).execute()


def _floor(db_path: Path, start: dt.date, end: dt.date, rows: int) -> float:
    """Raw sums of the sales with sqlite3, then ``rows`` rows with bare openpyxl and a bare canvas."""
    import sqlite3

    from openpyxl import Workbook
    from reportlab.pdfgen.canvas import Canvas

    t0 = time.perf_counter()
    conn = sqlite3.connect(str(db_path))
    conn.execute("SELECT s.business_date, s.kind, p.method, COUNT(*), SUM(p.amount_satang) FROM payment p "
                 "JOIN sale s ON s.id = p.sale_id WHERE s.business_date BETWEEN ? AND ? "
                 "GROUP BY s.business_date, s.kind, p.method", (start.isoformat(), end.isoformat())).fetchall()
    conn.execute("SELECT l.item_id, SUM(l.quantity), SUM(l.amount_satang) FROM sale_line l JOIN sale s "
                 "ON s.id = l.sale_id WHERE s.business_date BETWEEN ? AND ? GROUP BY l.item_id",
                 (start.isoformat(), end.isoformat())).fetchall()
    conn.close()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("s")
    for i in range(rows):
        sheet.append([f"row {i}", i, i * 1.5])
    book.save(io.BytesIO())
    canvas = Canvas(io.BytesIO())
    for i in range(rows):
        if i and i % 40 == 0:
            canvas.showPage()
        canvas.drawString(40, 800 - (i % 40) * 18, f"row {i} {i * 1.5:.2f}")
    canvas.save()
    return time.perf_counter() - t0


def _setup(workdir: Path, name: str, days: list[dt.date], per_day: int) -> tuple[Path, object]:
    from db.connection import open_database
    from pos_app.demo import create_demo

    path = workdir / f"{name}.sqlite3"
    opened = open_database(str(path))
    create_demo(days=1, today=days[0])
    _bulk_sales(days, per_day)
    return path, opened


def day_close_5k(workdir: Path) -> Figure:
    from db.models import Till, User
    from pos_app.books import days as books_days
    from pos_app.books.export.run import export_books
    from pos_app.books.scope import make_scope
    from pos_app.clock import fixed
    from pos_app.people.users import Actor

    day = dt.date(2026, 11, 24)
    with fixed(dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)):
        path, opened = _setup(workdir, "day5k", [day], 5000)
        user = User.get(User.login == "wanna")
        actor = Actor(user.id, user.uuid, user.login, user.display_name, user.role)
        out = workdir / "day5k-out"
        out.mkdir()
        shop = Till.get(Till.code == "T1").shop_id
        start = time.perf_counter()
        books_days.close_day(actor, shop, day, backup_to=workdir / "usb")  # the close backs the books up
        scope = make_scope(day)
        export_books(actor, "day", scope, "pdf", out)
        export_books(actor, "day", scope, "xlsx", out)
        value = time.perf_counter() - start
        floor = _floor(path, day, day, 60)
        opened.database.close()  # type: ignore[attr-defined]
    return Figure("day_close_5k", "s", value, floor, 40.0, {"target_s": 1.0, "target_ok": value <= 1.0})


def export_year(workdir: Path) -> Figure:
    from db.models import User
    from pos_app.books.export.run import export_books
    from pos_app.books.scope import make_scope
    from pos_app.clock import fixed
    from pos_app.people.users import Actor

    first = dt.date(2025, 1, 1)
    year = [first + dt.timedelta(days=i) for i in range(365)]
    with fixed(dt.datetime(2026, 1, 5, 3, 0, tzinfo=dt.UTC)):
        path, opened = _setup(workdir, "year", year, 137)  # 50,005 sales
        user = User.get(User.login == "wanna")
        actor = Actor(user.id, user.uuid, user.login, user.display_name, user.role)
        out = workdir / "year-out"
        out.mkdir()
        scope = make_scope(first, year[-1])
        start = time.perf_counter()
        export_books(actor, "rd161", scope, "pdf", out)
        export_books(actor, "rd161", scope, "xlsx", out)
        value = time.perf_counter() - start
        floor = _floor(path, first, year[-1], 400)
        opened.database.close()  # type: ignore[attr-defined]
    return Figure("export_year", "s", value, floor, 20.0, {"target_s": 5.0, "target_ok": value <= 5.0})


def figures() -> Iterator[Figure]:
    with tempfile.TemporaryDirectory() as tmp:
        yield day_close_5k(Path(tmp))
        yield export_year(Path(tmp))
