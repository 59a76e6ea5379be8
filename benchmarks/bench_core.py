"""``startup`` (process start to the till window shown, vs a bare PySide6 window) and ``sale_commit``
(one 3-line cash sale through the service, vs a raw SQLite insert + commit with the same pragmas)."""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.harness import Figure

BARE_WINDOW = (
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\nw = QMainWindow()\nw.resize(1200, 800)\nw.show()\n"
    "QTimer.singleShot(0, app.quit)\napp.exec()\n"
)


def _time_process(cmd: list[str], env: dict[str, str], runs: int = 5) -> float:
    """The fastest of ``runs`` starts, after one warm-up start that compiles the bytecode (an installed app
    has its ``.pyc`` files; ``PYTHONDONTWRITEBYTECODE`` in a developer's shell would time the compiler)."""
    env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=120)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=120)
        times.append(time.perf_counter() - start)
    return min(times)


def startup(workdir: Path) -> Figure:
    database = workdir / "startup.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", POS_EXIT_WHEN_READY="1")
    subprocess.run([sys.executable, "-m", "pos_app", "--database", str(database), "demo"], env=env, check=True,
                   capture_output=True, timeout=300)
    app = _time_process([sys.executable, "-m", "ui", "--database", str(database)], env)
    bare = _time_process([sys.executable, "-c", BARE_WINDOW], env)
    return Figure("startup", "s", app, bare, 1.5)


def _raw_commit(path: Path, n: int) -> list[float]:
    conn = sqlite3.connect(str(path), isolation_level=None)
    for pragma in ("journal_mode=wal", "foreign_keys=1", "synchronous=2"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, uuid TEXT UNIQUE, total INTEGER)")
    times = []
    for i in range(n):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (uuid, total) VALUES (?, ?)", (f"u{i}", i))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - start)
    conn.close()
    return times


def sale_commit(workdir: Path, n: int = 60) -> Figure:
    from db.connection import open_database
    from db.models import Till
    from pos_app.demo import create_demo
    from pos_app.money import Money
    from pos_app.people import users
    from pos_app.selling import catalog, sales
    from pos_app.selling.cart import Cart

    opened = open_database(str(workdir / "sale.sqlite3"))
    create_demo(days=1)
    actor = users.login("somsri", "1111")
    till = Till.get(Till.code == "T1").id
    goods = [v for v in catalog.sellable() if v.kind == "finished" and not v.sold_by_weight][:3]
    times = []
    for _ in range(n):
        cart = Cart()
        for view in goods:
            cart.add(view, 2)
        start = time.perf_counter()
        sales.commit_sale(actor, till, cart, Money(100000))
        times.append(time.perf_counter() - start)
    opened.database.close()
    raw = _raw_commit(workdir / "raw.sqlite3", n)
    return Figure("sale_commit", "ms", statistics.median(times) * 1000, statistics.median(raw) * 1000, 3.0)


def figures() -> Iterator[Figure]:
    with tempfile.TemporaryDirectory(prefix="pos-bench-") as tmp:
        yield sale_commit(Path(tmp))
        yield startup(Path(tmp))
