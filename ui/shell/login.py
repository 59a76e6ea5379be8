"""The log-in page: pick your name, type your PIN (keyboard or the on-screen keypad)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.errors import AuthError
from pos_app.people import users
from pos_app.people.permissions import role_label
from pos_app.selling.tills import TillInfo
from pos_app.thai.keyboard import as_digits
from resources.i18n import _


class LoginPage(QWidget):
    logged_in = Signal(object)  # users.Actor

    def __init__(self, till: TillInfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.setObjectName("login")
        title = QLabel(_("Who is selling? Choose your name and type your PIN"))
        title.setObjectName("title")
        self.people = QListWidget()
        self.people.setObjectName("people")
        for actor in users.users_for_login():
            item = QListWidgetItem(f"{actor.display_name}  ·  {role_label(actor.role)}")
            item.setData(Qt.ItemDataRole.UserRole, actor.login)
            self.people.addItem(item)
        self.people.setCurrentRow(0)
        self.people.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # picking a name leaves the cursor in the PIN
        self.people.itemClicked.connect(lambda _item: self.focus_pin())
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(_("PIN"))
        self.pin.setMaxLength(8)
        self.pin.returnPressed.connect(self.try_login)
        self.message = QLabel("")
        self.message.setObjectName("login_message")
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        self.ok = QPushButton(_("Log in"))
        self.ok.setObjectName("login_button")
        self.ok.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ok.clicked.connect(self.try_login)

        keypad = QGridLayout()
        for n, key in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]):
            button = QPushButton(key)
            button.setMinimumSize(64, 48)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, k=key: self._key(k))
            keypad.addWidget(button, n // 3, n % 3)

        right = QVBoxLayout()
        right.addWidget(self.pin)
        right.addLayout(keypad)
        right.addWidget(self.ok)
        right.addWidget(self.message)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.people, 2)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(body)
        self.pin.setFocus()

    def focus_pin(self) -> None:
        self.pin.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Up and Down choose the person from anywhere on the page; the PIN keeps the cursor."""
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            row = min(max(self.people.currentRow() + step, 0), self.people.count() - 1)
            self.people.setCurrentRow(row)
            self.focus_pin()
            return
        super().keyPressEvent(event)

    def _key(self, key: str) -> None:
        if key == "⌫":
            self.pin.backspace()
        elif key == "OK":
            self.try_login()
        else:
            self.pin.insert(key)
        self.pin.setFocus()

    def selected_login(self) -> str:
        item = self.people.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def try_login(self) -> None:
        try:
            typed = self.pin.text().strip()
            actor = users.login(self.selected_login(), as_digits(typed) or typed)
        except AuthError as err:
            self.message.setText(err.message)
            self.pin.clear()
            self.pin.setFocus()
            return
        self.message.clear()
        self.pin.clear()
        self.logged_in.emit(actor)
