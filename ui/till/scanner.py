"""One handler for the whole window that tells a barcode scanner from a person typing.

A scanner is a keyboard that types a whole code in a burst (a few milliseconds between keys) and ends with
Enter.  Whatever widget has the cursor — the cash box, the quantity, a search field — a burst of at least
``MIN_LENGTH`` characters, each within ``MAX_GAP_S`` of the last, ending in Enter, is a scan: the text it
typed into that field is taken back, the Enter is swallowed (so it never "pays" or "confirms"), and
``scanned`` carries the code with the configured prefix/suffix stripped and a Thai-layout number row or Thai
digits read as digits.  Typing at a person's speed passes through untouched.  No debounce: every burst counts.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from pos_app import settings
from pos_app.events import Event
from pos_app.thai.keyboard import as_digits

MAX_GAP_S = 0.035  # people type a key every 100–300 ms; scanners every 1–20 ms
MIN_LENGTH = 4


MODIFIER_KEYS = frozenset({Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta,
                           Qt.Key.Key_CapsLock, Qt.Key.Key_Mode_switch})

class ScanCatcher(QObject):
    scanned = Signal(str)

    def __init__(self, page: QWidget, prefix: str = "", suffix: str = "",
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(page)
        self.page, self.prefix, self.suffix, self.clock = page, prefix, suffix, clock
        self.buffer = ""
        self.last = 0.0
        self.field: QLineEdit | None = None
        self.before = ""
        self.cursor = 0
        self.bursting = False

    def follow_settings(self, ctx: Any) -> None:
        """Take the till's scanner prefix/suffix from the settings, now and whenever they change."""
        self._where = settings.Where(ctx.till.shop_id, ctx.till.id)
        self._read_settings()
        ctx.bridge.happened.connect(self._on_event, Qt.ConnectionType.QueuedConnection)

    def _read_settings(self) -> None:
        self.prefix = str(settings.value("scanner_prefix", self._where))
        self.suffix = str(settings.value("scanner_suffix", self._where))

    def _on_event(self, event: Event) -> None:
        if isinstance(event, settings.SettingChanged) and event.key in ("scanner_prefix", "scanner_suffix") \
                and event.till_id == self._where.till_id:
            self._read_settings()

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def when(self, event: QKeyEvent) -> float:
        """When the key was pressed, in seconds.  The window system stamps each key event (ms) as it
        happens; a till busy for a moment (a timer, a slow disk) handles a burst late but its stamps stay
        a few ms apart, so the scan is still one scan.  Without a stamp (0), or with a clock injected by a
        test, the clock is read when the key is handled."""
        stamp = event.timestamp()
        if stamp and self.clock is time.monotonic:
            return stamp / 1000.0
        return self.clock()

    def _reset(self) -> None:
        self.buffer, self.field, self.bursting = "", None, False

    def clean(self, raw: str) -> str:
        code = raw.strip()
        if self.prefix and code.startswith(self.prefix):
            code = code[len(self.prefix):]
        if self.suffix and code.endswith(self.suffix):
            code = code[: -len(self.suffix)]
        return as_digits(code) or code

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not self.page.isVisible():
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self.page.window():
            return False  # only the till's own window (a dialog on top reads its own keys)
        if watched is not (QApplication.focusWidget() or self.page.window()):
            return False  # a key ignored by the focus widget travels on to its parents: count it once
        assert isinstance(event, QKeyEvent)
        now = self.when(event)
        burst_alive = bool(self.buffer) and now - self.last <= MAX_GAP_S
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if burst_alive and len(self.buffer) >= MIN_LENGTH:
                code = self.clean(self.buffer)
                if self.field is not None:  # take back what the burst typed into the field
                    self.field.setText(self.before)
                    self.field.setCursorPosition(self.cursor)
                self._reset()
                self.scanned.emit(code)
                return True
            self._reset()
            return False
        if event.key() in MODIFIER_KEYS:
            return False  # a scanner presses Shift before each capital letter: not a break in the burst
        text = event.text()
        if not text or not text.isprintable() or event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                                                     | Qt.KeyboardModifier.AltModifier):
            self._reset()
            return False
        if not burst_alive:
            self._reset()
            focus = QApplication.focusWidget()
            if isinstance(focus, QLineEdit):
                self.field, self.before, self.cursor = focus, focus.text(), focus.cursorPosition()
        self.bursting = burst_alive  # this key came within a burst: a scanner is typing, not a person
        self.buffer += text
        self.last = now
        return False
