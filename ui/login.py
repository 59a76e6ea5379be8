"""The log-in page: pick your name, type your PIN (keyboard or the on-screen keypad)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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
from resources.i18n import _


class LoginPage(QWidget):
    logged_in = Signal(object)  # users.Actor

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.ok.clicked.connect(self.try_login)

        keypad = QGridLayout()
        for n, key in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]):
            button = QPushButton(key)
            button.setMinimumSize(64, 48)
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
            actor = users.login(self.selected_login(), self.pin.text())
        except AuthError as err:
            self.message.setText(err.message)
            self.pin.clear()
            self.pin.setFocus()
            return
        self.message.clear()
        self.pin.clear()
        self.logged_in.emit(actor)
