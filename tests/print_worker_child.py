"""A print worker in a process of its own, for the kill tests: ``python -m tests.print_worker_child
TARGET TILL_ID INSTANT``.  Runs until killed, under a clock fixed at INSTANT (as the tests' own)."""

from __future__ import annotations

import datetime as dt
import sys
import threading

from db.connection import connect
from pos_app.clock import FixedClock, set_clock
from pos_app.printing.worker import PrintWorker


def main() -> None:
    target, till_id, instant = sys.argv[1], int(sys.argv[2]), dt.datetime.fromisoformat(sys.argv[3])
    set_clock(FixedClock(instant, dt.timedelta(seconds=1)))
    connect(target)
    print("ready", flush=True)
    PrintWorker(till_id, backoff=(0.2,)).run(threading.Event())


if __name__ == "__main__":
    main()
