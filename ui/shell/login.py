"""The log-in page: pick your name, type your PIN (keyboard or the on-screen keypad)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.errors import AuthError
from pos_app.people import users
from pos_app.people.permissions import role_label
from pos_app.selling.tills import TillInfo
from resources.i18n import _
from ui.people.pin_pad import PinPad


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
            item.setSizeHint(QSize(0, 52))  # a name is tapped with a finger: 44 px at least
            self.people.addItem(item)
        self.people.setCurrentRow(0)
        self.people.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # picking a name leaves the cursor in the PIN
        self.people.itemClicked.connect(lambda _item: self.focus_pin())
        self.pad = PinPad("pin", "pin_key_")
        self.pad.submitted.connect(self.try_login)
        self.pin = self.pad.field
        self.message = QLabel("")
        self.message.setObjectName("login_message")
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        right = QVBoxLayout()
        right.addWidget(self.pad)
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

    def selected_login(self) -> str:
        item = self.people.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def try_login(self, pin: str | None = None) -> None:
        """Log in with ``pin`` (from the keypad; default: what the PIN field holds)."""
        if pin is None:
            pin = self.pad.text()
        self.pad.clear()
        self.pin.setFocus()
        try:
            actor = users.login(self.selected_login(), pin, till_id=self.till.id if self.till is not None else None)
        except AuthError as err:
            self.message.setText(err.message)
            return
        self.message.clear()
        self.logged_in.emit(actor)
