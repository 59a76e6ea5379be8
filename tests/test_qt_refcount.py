"""PySide6 6.12.0 lost one reference to ``None`` on every ``processEvents()``: after enough events Python
frees ``None`` and dies ("none_dealloc"), at exit or in the middle of a day's selling.  pyproject caps the
version; this test fails on any Qt binding that leaks so, before a seller meets it."""

from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget

from ui.app import application

pytestmark = pytest.mark.qt


class _Filter(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return False


def test_processing_events_keeps_none_true_and_false_alive(qtbot: object) -> None:
    app = application()
    watcher = _Filter()
    app.installEventFilter(watcher)
    widget = QWidget()
    widget.show()
    for _ in range(200):  # let what earlier tests left behind (deleteLater, timers) go first
        app.processEvents()
    gc.collect()
    app.processEvents()
    before = (sys.getrefcount(None), sys.getrefcount(False), sys.getrefcount(True))
    for _ in range(2000):
        QCoreApplication.postEvent(widget, QEvent(QEvent.Type.User))
        app.processEvents()
    after = (sys.getrefcount(None), sys.getrefcount(False), sys.getrefcount(True))
    app.removeEventFilter(watcher)
    widget.close()
    # references come and go with objects freed meanwhile; the leaking binding lost one per call (2,000)
    assert [a - b > -500 for a, b in zip(after, before, strict=True)] == [True, True, True], (before, after)
