"""The till's one numbered-choice list: which of several things the seller means.

Used by the pick list (several products match what was typed) and by recall (which held sale).  The rows
are numbered 1–9; the seller picks one by its digit (ASCII, Thai ``๑``–``๙``, or the number row under the
Thai Kedmanee layout), with the arrows and Enter, or by a tap or click; Esc or the button goes back
without a choice.  Rows are a finger high (at least 44 px).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from pos_app.thai.keyboard import as_digits
from resources.i18n import _
from ui.till.asking import modal

T = TypeVar("T")
ROW_HEIGHT = 52  # a finger high (44 px) with room for a Thai line's marks above and below
NUMBERED = 9  # rows 1–9 answer their digit; later rows are reached with the arrows or a tap
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, NUMBERED + 1)}


def digit_of(event: QKeyEvent) -> int | None:
    """The number 1–9 a key press means: the key itself, or its text read through the Thai kit (a Thai
    digit, or the Kedmanee number-row key that has the digit under the US layout)."""
    number = _DIGIT_KEYS.get(event.key())
    if number is None and len(event.text()) == 1:
        digits = as_digits(event.text())
        number = int(digits) if digits else None
    return number if number and 1 <= number <= NUMBERED else None


class NumberedChoice(QDialog, Generic[T]):
    """A modal list of ``choices`` shown as ``texts`` (numbered here), with ``question`` above it;
    :attr:`chosen` is the one picked, ``None`` when the seller went back."""

    def __init__(self, choices: Sequence[T], texts: Sequence[str], *, name: str, title: str, question: str,
                 tips: Sequence[str] | None = None, width: int = 640, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.choices = list(choices)
        self.chosen: T | None = None
        self.list = QListWidget(self)
        self.list.setObjectName(f"{name}_items")
        for n, text in enumerate(texts, start=1):
            item = QListWidgetItem((f"{n}.  " if n <= NUMBERED else "    ") + text)
            item.setSizeHint(QSize(0, ROW_HEIGHT))
            if tips is not None:
                item.setToolTip(tips[n - 1])
            self.list.addItem(item)
        if self.choices:
            self.list.setCurrentRow(0)
        self.list.itemClicked.connect(lambda item: self._choose(self.list.row(item)))
        self.list.installEventFilter(self)
        back = QPushButton(_("Back to the cart (Esc)"), self)
        back.setObjectName(f"{name}_cancel")
        back.setMinimumHeight(44)
        back.setAutoDefault(False)
        back.clicked.connect(self.reject)
        label = QLabel(question, self)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(back)
        self.resize(width, min(140 + (ROW_HEIGHT + 2) * len(self.choices), 520))
        self.list.setFocus()

    def _choose(self, row: int) -> None:
        if 0 <= row < len(self.choices):
            self.chosen = self.choices[row]
            self.accept()

    def accept(self) -> None:
        """Accepted without a choice (e.g. the default button): the highlighted row."""
        if self.chosen is None and 0 <= self.list.currentRow() < len(self.choices):
            self.chosen = self.choices[self.list.currentRow()]
        super().accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and self._key(event):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._key(event):
            super().keyPressEvent(event)

    def _key(self, event: QKeyEvent) -> bool:
        if event.key() in _ENTER:
            self._choose(self.list.currentRow())
            return True
        number = digit_of(event)
        if number is not None:
            self._choose(number - 1)
            return True
        return False


def choose(dialog: NumberedChoice[T]) -> T | None:
    """Ask (modal) and return what was picked, ``None`` if the seller went back."""
    modal(dialog)
    chosen = dialog.chosen
    dialog.deleteLater()
    return chosen
