"""A scan survives a till that stalls in the middle of the burst: the catcher times keys by the window
system's stamps, not by when it gets round to them (the walk lost 5 of 20 scans on a busy laptop)."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui_till_helpers import barcode_of, log_in, till_page
from ui.shell.window import MainWindow

pytestmark = pytest.mark.qt


def stamped_burst(target: QWidget, text: str, start_ms: int, gap_ms: int, stall_after: int, stall_s: float) -> None:
    """Keys stamped ``gap_ms`` apart, as a scanner sends them; the till is busy for ``stall_s`` after
    ``stall_after`` keys (the keys wait in the queue meanwhile, their stamps unchanged)."""
    keys = [*((Qt.Key.Key_unknown, ch) for ch in text), (Qt.Key.Key_Return, "\r")]
    for n, (key, ch) in enumerate(keys):
        if n == stall_after:
            time.sleep(stall_s)  # the stall itself: real time passes between handling two keys
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            code = key if key != Qt.Key.Key_unknown else Qt.Key(ord(ch))
            event = QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, ch)
            event.setTimestamp(start_ms + n * gap_ms)
            QApplication.sendEvent(target, event)


def test_a_burst_handled_late_is_still_one_scan(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    code = barcode_of("DISH-500")
    seen: list[str] = []
    page.catcher.scanned.connect(seen.append)
    stamped_burst(page.scan, code, start_ms=5_000_000, gap_ms=4, stall_after=6, stall_s=0.12)
    assert seen == [code]
    assert [line.item.sku for line in page.cart.lines] == ["DISH-500"]
    assert page.scan.text() == ""  # what the burst typed was taken back


def test_keys_stamped_a_person_apart_are_typing_not_a_scan(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    code = barcode_of("DISH-500")
    seen: list[str] = []
    page.catcher.scanned.connect(seen.append)
    stamped_burst(page.scan, code, start_ms=6_000_000, gap_ms=180, stall_after=99, stall_s=0)
    assert seen == []  # a person typing: the field's own Enter handles it


def test_shift_before_each_capital_letter_does_not_break_the_scan(window: MainWindow, qtbot: Any) -> None:
    """A scanner types a lot label's capitals with Shift held: a Shift press (a key with no text) comes
    before each letter.  The walk's `BHS-25691206-5DB57E-004` arrived as "unknown barcode E-004"."""
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    label = "BHS-25691206-5DB57E-004"
    seen: list[str] = []
    page.catcher.scanned.connect(seen.append)
    stamp = 7_000_000
    for ch in label:
        shifted = ch.isupper()
        if shifted:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                pressed = kind == QEvent.Type.KeyPress
                mods = Qt.KeyboardModifier.ShiftModifier if pressed else Qt.KeyboardModifier.NoModifier
                event = QKeyEvent(kind, Qt.Key.Key_Shift, mods, "")
                event.setTimestamp(stamp)
                QApplication.sendEvent(page.scan, event)
            stamp += 2
        mods = Qt.KeyboardModifier.ShiftModifier if shifted else Qt.KeyboardModifier.NoModifier
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key(ord(ch)), mods, ch)
            event.setTimestamp(stamp)
            QApplication.sendEvent(page.scan, event)
        stamp += 4
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        event.setTimestamp(stamp)
        QApplication.sendEvent(page.scan, event)
    assert seen == [label]
    assert page.scan.text() == ""
