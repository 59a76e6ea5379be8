"""The core, the database layer and the receipts never load Qt, even with every module imported."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import importlib, pkgutil, sys
import pos_app, db, receipts
for package in (pos_app, db, receipts):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if ".migrations." not in info.name and not info.name.endswith("__main__"):
            importlib.import_module(info.name)
assert "PySide6" not in sys.modules, sorted(m for m in sys.modules if m.startswith("PySide6"))
assert not any(m == "ui" or m.startswith("ui.") for m in sys.modules)
print("qt-free")
"""


def test_core_db_and_receipts_import_without_qt() -> None:
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "qt-free"
