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
print(json.dumps({"loaded": loaded, "ready": page.index_ready, "codes": len(codes)}))
runner = sys.modules.get("ui.printing.runner")
if runner is not None:
    runner.stop_all()
"""


def test_a_usable_till_has_not_loaded_the_printing_libraries(demo_db: OpenedDatabase) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", CHILD, demo_db.target], env=env, capture_output=True, text=True,
                         timeout=240, check=True).stdout
    assert json.loads(out.strip().splitlines()[-1]) == {"loaded": [], "ready": True, "codes": 20}
