"""Small pieces shared by the treasurer's screens: the denomination count grid, messages, buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget

from pos_app.books import denominations
from pos_app.errors import PosError
from pos_app.money import Money
from resources.i18n import _


def button(text: str, shortcut: str, name: str) -> QPushButton:
    """A button showing its shortcut; the key works while the button is on screen (as the shell's keys do)."""
    b = QPushButton(f"{text}  [{shortcut}]")
    b.setObjectName(name)
    b.setMinimumHeight(44)
    key = QShortcut(QKeySequence(shortcut), b)
    key.setContext(Qt.ShortcutContext.ApplicationShortcut)
    key.activated.connect(lambda: b.click() if b.isVisible() and b.isEnabled() else None)
    return b


def show_error(parent: QWidget, err: BaseException) -> None:
    text = str(err) if isinstance(err, PosError) else _("Something went wrong: {reason}").format(reason=err)
    QMessageBox.warning(parent, _("Cannot do that"), text)


class CountGrid(QWidget):
    """One field per Thai note and coin; the total updates as the count is typed."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        grid = QGridLayout(self)
        self.fields: dict[int, QLineEdit] = {}
        for i, value in enumerate(denominations.DENOMINATIONS):
            row, col = divmod(i, 2)
            label = QLabel(f"฿{denominations.label(value)} ×")
            field = QLineEdit()
            field.setObjectName(f"{name}_{value}")
            field.setPlaceholderText("0")
            field.setMinimumHeight(40)
            field.textChanged.connect(self._update)
            grid.addWidget(label, row, col * 2)
            grid.addWidget(field, row, col * 2 + 1)
            self.fields[value] = field
        self.total = QLabel()
        self.total.setObjectName(f"{name}_total")
        grid.addWidget(self.total, len(denominations.DENOMINATIONS) // 2 + 1, 0, 1, 4)
        self._update()

    def entries(self) -> dict[int, str]:
        return {value: field.text() for value, field in self.fields.items()}

    def clear(self) -> None:
        for field in self.fields.values():
            field.clear()

    def _update(self) -> None:
        try:
            total = denominations.total(denominations.parse_count(self.entries()))
            self.total.setText(_("Counted: {amount}").format(amount=total.format()))
        except PosError as err:
            self.total.setText(str(err))
        self.changed.emit()


def money_text(satang: int) -> str:
    return Money(satang).format()
