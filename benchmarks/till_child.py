"""One run of the till in its own process, for ``bench_till`` (``python -m benchmarks.till_child MODE DB``).

* ``startup``: open the shop, build the window, log the seller in (the till page) and wait until Qt is
  idle: the till is usable (``usable_s``: seconds since the parent started the process, ``POS_BENCH_T0``);
  then wait until the product index is built (a big catalogue is built off the UI thread: ``index_s``).
  The PIN check (argon2, ~0.3–1 s on purpose) is not part of starting: the seller is logged in from her user row.
* ``scan``: then 20 scans of real barcodes as key bursts into the focused field, each timed from the Enter
  to the line on screen (``cart`` table row count); then 20 scans fired 10 ms apart by a timer, all counted.
* ``bare``: the floor for ``scan``: the same key bursts into a bare QLineEdit whose Enter adds a table row.
Prints one JSON object: the figures and ``rss_mb`` (this process's peak, Linux VmHWM).
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QTableWidget, QWidget

# PySide6.QtTest (~15 ms to import) and statistics (~5 ms) are loaded by the scans only: the app never loads
# them, so neither does the start this process times.


def peak_mb() -> float:
    try:
        with open("/proc/self/status") as status:
            line = next(x for x in status if x.startswith("VmHWM:"))
        return int(line.split()[1]) / 1024
    except (OSError, StopIteration):  # not Linux
        return 0.0


def burst(widget: QWidget, code: str) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClicks(widget, code)


def enter(widget: QWidget) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClick(widget, "\r")


def open_till(database: str) -> tuple[QWidget, QTableWidget, list[str]]:
    from db.connection import open_database
    from db.models import Barcode, Item, User
    from pos_app.people.users import Actor
    from ui.app import application
    from ui.shell.window import MainWindow

    application()
    open_database(database)
    win = MainWindow("T1")
    win.resize(1366, 768)
    win.show()
    user = User.get(User.login == "somsri")
    win.on_login(Actor(user.id, user.uuid, user.login, user.display_name, user.role))
    QApplication.processEvents()
    codes = [str(c) for (c,) in Barcode.select(Barcode.code).join(Item).where(
        (Barcode.quantity == 1) & (Item.sold_by_weight == False) & (Item.kind == "finished"))  # noqa: E712
        .order_by(Barcode.id.desc()).limit(20).tuples()]
    codes = (codes * 20)[:20]  # 20 scans (the demo shop has fewer goods: some are scanned twice)
    table = win.findChild(QTableWidget, "cart")
    return win, table, codes


def on_screen(table: QTableWidget) -> tuple[str, ...]:
    """What the cart shows: each line's quantity (a scan adds a line or one more of a line)."""
    return tuple(table.item(r, 1).text() if table.item(r, 1) else "" for r in range(table.rowCount()))


def scans(focus: QWidget, table: QTableWidget, codes: list[str]) -> dict[str, object]:
    import statistics  # ~5 ms the app itself never loads: not counted in the start this process times

    times, cpu, missed = [], [], []
    for code in codes:
        before = on_screen(table)
        burst(QApplication.focusWidget() or focus, code)
        start, start_cpu = time.perf_counter(), time.thread_time()
        enter(QApplication.focusWidget() or focus)
        QApplication.processEvents()
        times.append(time.perf_counter() - start)
        cpu.append(time.thread_time() - start_cpu)
        if on_screen(table) == before:  # not added: say so (a burst split by a stall of the shared machine)
            missed.append(code)
    return {"ms": [round(t * 1000, 3) for t in times], "median_ms": statistics.median(times) * 1000,
            "max_ms": max(times) * 1000, "missed": missed, "cpu_median_ms": statistics.median(cpu) * 1000}


def timed_burst(focus: QWidget, count: Any, codes: list[str]) -> int:
    """20 scans fired 10 ms apart by a timer: how many of them the cart kept (``count()``: pieces in it)."""
    before = count()
    app = QApplication.instance()
    for n, code in enumerate(codes):
        QTimer.singleShot(10 * n, lambda c=code: (burst(QApplication.focusWidget() or focus, c),
                                                  enter(QApplication.focusWidget() or focus)))
    deadline = time.perf_counter() + 10
    while count() < before + len(codes) and time.perf_counter() < deadline:
        app.processEvents()  # type: ignore[union-attr]
    for _ in range(50):  # and nothing more arrives late
        app.processEvents()  # type: ignore[union-attr]
    return int(count() - before)


def main(mode: str, database: str) -> None:
    out: dict[str, object] = {}
    started = float(os.environ.get("POS_BENCH_T0", "0")) or time.time()
    if mode == "bare":
        app = QApplication([])
        field, table = QLineEdit(), QTableWidget(0, 4)
        field.returnPressed.connect(lambda: (table.insertRow(table.rowCount()), field.clear()))
        field.show()
        table.show()
        field.setFocus()
        app.processEvents()
        out["scan"] = scans(field, table, [f"885{n:010d}" for n in range(20)])
    else:
        win, table, codes = open_till(database)
        out["usable_s"] = time.time() - started
        out["usable_cpu_s"] = time.process_time()  # this process's CPU time (all threads) until then
        page = win.current_page()  # type: ignore[attr-defined]
        while not page.index_ready:  # the product grid filled (a big catalogue: built in the background)
            QApplication.processEvents()
            time.sleep(0.005)
        out["index_s"] = time.time() - started
        if mode == "scan":
            out["scan"] = scans(page.scan, table, codes)
            page.cart.clear()
            page.cart_view.refresh()
            out["kept_of_20"] = timed_burst(page.scan, lambda: sum(line.quantity for line in page.cart.lines), codes)
    out["rss_mb"] = peak_mb()
    runner = sys.modules.get("ui.printing.runner")
    if runner is not None:  # the till's print worker thread, stopped before Qt goes (else: abort at exit)
        runner.stop_all()  # type: ignore[attr-defined]
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "")
