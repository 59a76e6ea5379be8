"""PySide6's import hook made cheaper (``ui.import_hook``, issue 15, Speed: startup): the same answer as
PySide's own reading of the module's source, for every module loaded — only faster."""

from __future__ import annotations

import inspect
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.qt


def pyside_reading(module: ModuleType) -> bool:
    """PySide's test as its source has it (shibokensupport/feature.py ``_mod_uses_pyside``), written out here."""
    try:
        return "PySide6" in inspect.getsource(module)
    except (TypeError, OSError, SyntaxError):
        return False


def test_the_faster_reading_gives_pyside_s_answer_for_every_loaded_module() -> None:
    import PySide6.QtWidgets  # noqa: F401  (the hook exists once PySide6 is loaded)

    from ui import import_hook
    from ui.till import page  # noqa: F401  (the till's modules: Qt ones and Qt-free ones)

    hook = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    pyside_own = getattr(hook, "pyside_reading", hook)  # PySide's own function, whether or not ui.app wrapped it
    faster = import_hook.faster(pyside_own)
    modules = [m for m in list(sys.modules.values()) if isinstance(m, ModuleType)]
    assert len(modules) > 300
    answers = {m.__name__: faster(m) for m in modules}
    assert answers == {m.__name__: pyside_own(m) for m in modules}
    assert answers == {m.__name__: pyside_reading(m) for m in modules}
    assert answers["ui.till.page"] is True and answers["pos_app.selling.cart"] is False  # both kinds were seen


def test_a_module_whose_file_is_gone_does_not_use_pyside(tmp_path: Path) -> None:
    from ui import import_hook

    module = ModuleType("gone")
    module.__file__ = str(tmp_path / "gone.py")
    assert import_hook.faster(pyside_reading)(module) is False
    written = tmp_path / "qt_user.py"
    written.write_text(textwrap.dedent("""\
        # ภาษาไทย in a comment: the file is UTF-8
        from PySide6.QtCore import QObject
        """), encoding="utf-8")
    module.__file__ = str(written)
    assert import_hook.faster(pyside_reading)(module) is True


def test_the_app_has_it_installed_once() -> None:
    import ui.app  # noqa: F401  (installs it)
    from ui import import_hook

    feature = sys.modules["shibokensupport.feature"]
    assert getattr(feature._mod_uses_pyside, "faster", False) is True
    assert import_hook.install() is False  # not wrapped twice
