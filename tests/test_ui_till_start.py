"""What starting the till loads (issue 15, Speed: startup): python-escpos (~1 s) loads when the till first
prints, pythainlp when a receipt is first wrapped — not to show a usable till.  A process of its own, as the
app starts; on both databases."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from db.connection import OpenedDatabase

pytestmark = pytest.mark.qt

CHILD = """
import json, sys
from benchmarks.till_child import open_till
win, table, codes = open_till(sys.argv[1])
page = win.current_page()
loaded = sorted(name for name in ("escpos", "pythainlp", "qrcode", "barcode", "yaml") if name in sys.modules)
core = sorted(name for name in ("pos_app.selling.sales", "pos_app.selling.holds", "pos_app.printing.slips",
                                "pos_app.books.closed", "pos_app.trust.journal", "pos_app.trust.chain",
                                "db.schema", "receipts.document", "pos_app.printing.receipt_of", "statistics")
              if name in sys.modules)
print(json.dumps({"loaded": loaded, "core": core, "ready": page.index_ready, "codes": len(codes)}))
runner = sys.modules.get("ui.printing.runner")
if runner is not None:
    runner.stop_all()
"""


def test_a_usable_till_has_not_loaded_the_printing_libraries(demo_db: OpenedDatabase) -> None:
    """Nor the selling core (``sales`` with the closed-day check, the journal's chain and every model: ~40 ms),
    which loads at the first sale, nor holds and their slips (the first hold, recall or cancellation), nor the
    receipts document types (the first job printed or queued; the demo till has no printer)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", CHILD, demo_db.target], env=env, capture_output=True, text=True,
                         timeout=240, check=True).stdout
    assert json.loads(out.strip().splitlines()[-1]) == {"loaded": [], "core": [], "ready": True, "codes": 20}


LOG_IN_SCREEN = """
import json, sys
from ui.app import application
from db.connection import open_database
from pos_app.selling.tills import till_info
from pos_app.trust.lock import lock_till
from ui.shell.window import MainWindow
app = application()
opened = open_database(sys.argv[1])
lock = lock_till(opened.target, till_info("T1").code)
win = MainWindow("T1", opened.where)
win.show()
app.processEvents()
names = ("psycopg2", "filelock", "argon2", "db.schema", "pos_app.trust.chain", "pos_app.trust.verify",
         "pos_app.settings", "pos_app.selling.sales", "ui.till", "platformdirs")
print(json.dumps({"loaded": sorted(n for n in names if n in sys.modules),
                  "people": win.login_page.people.count()}))
lock.release()
"""


def test_the_log_in_screen_loads_only_what_it_needs(demo_db: OpenedDatabase, backend: str) -> None:
    """Start (issue 15, Speed: startup): the log-in screen without PostgreSQL's driver on SQLite, the file lock
    library, Argon2 (loaded at the first PIN), every model, the journal's chain, the settings or the till."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", LOG_IN_SCREEN, demo_db.target], env=env, capture_output=True,
                         text=True, timeout=240, check=True).stdout
    seen = json.loads(out.strip().splitlines()[-1])
    assert seen["loaded"] == (["psycopg2"] if backend == "postgres" else [])
    assert seen["people"] == 4  # the demo network's four people (resources/demo/network.json), on either engine
