"""``startup`` (process start to the till window shown, vs a bare PySide6 window) and ``sale_commit``.

``sale_commit`` (issue 15): one 3-line cash sale through ``sales.commit_sale`` on the demo shop plus a year of
trading (``benchmarks.year_of_trading``: 60,000 sales, ~210,000 stock movements) — vs the floor, a raw one-row
SQLite insert + commit with the same pragmas (WAL, synchronous=FULL) on the same disk.  Beside it: the same
sale on the demo shop alone (``empty_ms``: the year must cost nothing), CPU times, and ``fsync_ms``, what one
fsync costs on this disk — the floor is mostly that fsync, so on a disk where it is nearly free (a virtual
one) the ratio shows the Python work, and on a laptop's disk (1–10 ms a fsync) the same sale is ~1.1× it.
``floor_cpu_ms`` / ``cpu_ratio``: the same comparison in CPU time of this thread (a shared machine's waits for
a CPU or a disk move both wall figures, the floor's most: it ranged 0.08–4 ms in one evening)."""

from __future__ import annotations

import os
import shutil
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


def _raw_commit(path: Path, n: int, cpu: list[float] | None = None) -> list[float]:
    """Wall seconds of ``n`` raw one-row insert + commit; their CPU seconds (this thread) go into ``cpu``."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    for pragma in ("journal_mode=wal", "foreign_keys=1", "synchronous=2"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, uuid TEXT UNIQUE, total INTEGER)")
    times = []
    first = int(conn.execute("SELECT COUNT(*) FROM t").fetchone()[0])
    for i in range(first, first + n):
        start, start_cpu = time.perf_counter(), time.thread_time()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (uuid, total) VALUES (?, ?)", (f"u{i}", i))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - start)
        if cpu is not None:
            cpu.append(time.thread_time() - start_cpu)
    conn.close()
    return times


def fsync_ms(path: Path, n: int = 30) -> float:
    """Median milliseconds of writing 4 KiB to a file and fsync-ing it (what a commit waits for)."""
    times = []
    with path.open("wb") as fh:
        for _ in range(n):
            fh.write(b"x" * 4096)
            fh.flush()
            start = time.perf_counter()
            os.fsync(fh.fileno())
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def sale_commit(workdir: Path, n: int = 60) -> Figure:
    from benchmarks.year_of_trading import add_a_year, demo_database, time_sales

    demo, year = workdir / "sale-demo.sqlite3", workdir / "sale-year.sqlite3"
    demo_database(demo)
    shutil.copy(demo, year)
    sizes = add_a_year(year)
    year_wall, year_cpu = time_sales(year, n)
    empty_wall, empty_cpu = time_sales(demo, n)
    raw_cpu: list[float] = []
    raw = statistics.median(_raw_commit(workdir / "raw.sqlite3", n, raw_cpu)) * 1000
    value, empty = statistics.median(year_wall) * 1000, statistics.median(empty_wall) * 1000
    cpu, empty_cpu_ms = statistics.median(year_cpu) * 1000, statistics.median(empty_cpu) * 1000
    floor_cpu = statistics.median(raw_cpu) * 1000
    return Figure("sale_commit", "ms", value, raw, 3.0, {
        **sizes, "empty_ms": round(empty, 3), "cpu_ms": round(cpu, 3), "empty_cpu_ms": round(empty_cpu_ms, 3),
        "floor_cpu_ms": round(floor_cpu, 4), "cpu_ratio": round(cpu / floor_cpu, 2) if floor_cpu else None,
        "fsync_ms": round(fsync_ms(workdir / "fsync.bin"), 3),
        "not_slower_than_empty_ok": cpu <= 1.1 * empty_cpu_ms})


def figures() -> Iterator[Figure]:
    with tempfile.TemporaryDirectory(prefix="pos-bench-") as tmp:
        yield sale_commit(Path(tmp))
        yield startup(Path(tmp))
