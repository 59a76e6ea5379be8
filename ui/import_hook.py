"""PySide6's import hook, made cheaper (issue 15, Speed: startup).

Once PySide6 is loaded it replaces ``__import__`` and, for every module imported after it, asks whether the
module "uses PySide" (for its ``from __feature__ import …`` switches): ``inspect.getsource(module)`` and a
search for "PySide6" in it (PYSIDE-2029).  Through ``inspect`` and ``linecache`` that is ~0.3 ms a module: the
~160 modules that load after it to show a usable till paid ~40 ms of the start.  :func:`install` gives the
hook the same answer for a module with a ``.py`` file by reading the file's bytes once; any other module (no
file, byte code only, a frozen module) still gets PySide's own reading.  When PySide no longer has the hook
(another version), nothing is changed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType


def install() -> bool:
    """Give PySide's hook the faster reading; ``False`` when this PySide has no such hook."""
    feature = sys.modules.get("shibokensupport.feature")
    pyside_reading = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(pyside_reading) or getattr(pyside_reading, "faster", False):
        return False
    feature._mod_uses_pyside = faster(pyside_reading)  # type: ignore[attr-defined]
    return True


def faster(pyside_reading: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return pyside_reading(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:  # as PySide's reading: a module whose source cannot be read does not use PySide
            return False

    uses_pyside.faster = True  # type: ignore[attr-defined]
    uses_pyside.pyside_reading = pyside_reading  # type: ignore[attr-defined]
    return uses_pyside
