"""The one PIN keypad (log-in page and the manager's approval at the till): a hidden PIN field and an on-screen
3×4 keypad.  Digits come from the keyboard, from Thai digits (๑๒๓) or from the number row of the Thai layout
(ๅ/-ภถุึคตจ): all read as 0–9.  Enter or OK emits ``submitted`` with the digits and empties the field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos_app.thai.keyboard import as_digits
from resources.i18n import _

KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK")
BACK, OK = "⌫", "OK"
PIN_MAX = 8


def key_name(key: str) -> str:
    """The object-name suffix of a key: the digit, ``back`` or ``ok``."""
    return "ok" if key == OK else "back" if key == BACK else key


class PinPad(QWidget):
    submitted = Signal(str)  # the typed PIN as ASCII digits (or as typed when it is not digits at all)

    def __init__(self, field_name: str = "pin", key_prefix: str = "pin_key_", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{field_name}_pad")
        self.field = QLineEdit()
        self.field.setObjectName(field_name)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(_("PIN"))
        self.field.setMaxLength(PIN_MAX)
        self.field.setMinimumHeight(44)
        self.field.returnPressed.connect(self.submit)
        grid = QGridLayout()
        for n, key in enumerate(KEYS):
            button = QPushButton(key)
            button.setObjectName(f"{key_prefix}{key_name(key)}")
            button.setMinimumSize(64, 48)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cursor stays in the PIN field
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, k=key: self.press(k))
            grid.addWidget(button, n // 3, n % 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addLayout(grid)
        self.setFocusProxy(self.field)

    def press(self, key: str) -> None:
        """An on-screen key: a digit, backspace or OK."""
        if key == BACK:
            self.field.backspace()
        elif key == OK:
            self.submit()
            return
        elif len(self.field.text()) < PIN_MAX:
            self.field.insert(key)
        self.field.setFocus()

    def text(self) -> str:
        typed = self.field.text().strip()
        return as_digits(typed) or typed

    def clear(self) -> None:
        self.field.clear()

    def submit(self) -> None:
        pin = self.text()
        self.field.clear()
        self.field.setFocus()
        self.submitted.emit(pin)
