"""A manager's PIN at the till: a person who may do the action chooses their name and types their PIN (keyboard,
Thai digits, the Thai-layout number row, or the on-screen keypad).  The override is checked and recorded in the
audit log by :func:`pos_app.people.users.authorise`; a wrong PIN counts towards the lock-out."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
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

from pos_app.errors import PosError
from pos_app.people import users
from pos_app.people.permissions import Action, can, role_label
from pos_app.thai.keyboard import as_digits
from resources.i18n import _
from ui.shell.context import ShellContext

KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]


class ManagerDialog(QDialog):
    """Emits ``approved(Actor)`` and closes on a right PIN; stays open with the message on a wrong one."""

    approved = Signal(object)  # users.Actor

    def __init__(self, ctx: ShellContext, action: Action, reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manager_dialog")
        self.setWindowTitle(_("A manager's PIN"))
        self.ctx, self.action, self.reason = ctx, action, reason
        self.approver: users.Actor | None = None
        title = QLabel(_("Someone who may {action} chooses their name and types their PIN")
                       .format(action=users.action_label(action)))
        title.setWordWrap(True)
        self.people = QListWidget()
        self.people.setObjectName("managers")
        self.people.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cursor stays in the PIN
        self.people.setStyleSheet("QListWidget::item { min-height: 44px; }")
        for person in users.users_for_login():
            if can(person.role, action):
                item = QListWidgetItem(f"{person.display_name}  ·  {role_label(person.role)}")
                item.setData(Qt.ItemDataRole.UserRole, person.login)
                self.people.addItem(item)
        self.people.setCurrentRow(0)
        self.pin = QLineEdit()
        self.pin.setObjectName("manager_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(_("PIN"))
        self.pin.setMaxLength(8)
        self.pin.setMinimumHeight(44)
        self.pin.returnPressed.connect(self.try_pin)
        self.people.itemClicked.connect(lambda _item: self.pin.setFocus())
        self.message = QLabel("")
        self.message.setObjectName("manager_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        keypad = QGridLayout()
        for n, key in enumerate(KEYS):
            button = QPushButton(key)
            button.setObjectName(f"manager_key_{'ok' if key == 'OK' else 'back' if key == '⌫' else key}")
            button.setMinimumSize(64, 48)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setProperty("key", key)
            button.clicked.connect(self._on_key)
            keypad.addWidget(button, n // 3, n % 3)
        cancel = QPushButton(_("Cancel (Esc)"))
        cancel.setObjectName("manager_cancel")
        cancel.setMinimumHeight(44)
        cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        cancel.clicked.connect(self.reject)
        right = QVBoxLayout()
        right.addWidget(self.pin)
        right.addLayout(keypad)
        right.addWidget(self.message)
        right.addStretch(1)
        right.addWidget(cancel)
        body = QHBoxLayout()
        body.addWidget(self.people, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(body)
        for button in self.findChildren(QPushButton):  # Enter in the PIN field checks the PIN, nothing else
            button.setAutoDefault(False)
        self.resize(620, 420)
        self.pin.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Up and Down choose the person from the PIN field; Esc cancels (QDialog)."""
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.people.count():
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            self.people.setCurrentRow(min(max(self.people.currentRow() + step, 0), self.people.count() - 1))
            self.pin.setFocus()
            return
        super().keyPressEvent(event)

    def _on_key(self) -> None:
        sender = self.sender()
        if sender is not None:
            self._key(str(sender.property("key")))

    def _key(self, key: str) -> None:
        if key == "⌫":
            self.pin.backspace()
        elif key == "OK":
            self.try_pin()
        else:
            self.pin.insert(key)
        self.pin.setFocus()

    def selected_login(self) -> str | None:
        item = self.people.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def try_pin(self) -> None:
        typed = self.pin.text().strip()
        self.pin.clear()
        self.pin.setFocus()
        if not typed:
            self.message.setText(_("Type the PIN first"))
            return
        try:
            approver = users.authorise(self.selected_login(), as_digits(typed) or typed, self.action,
                                       till_id=self.ctx.till.id, for_actor=self.ctx.actor, reason=self.reason)
        except PosError as err:  # wrong PIN, lock-out delay, not allowed
            self.message.setText(err.message)
            return
        self.message.clear()
        self.approver = approver
        self.approved.emit(approver)
        self.accept()


def ask_manager(parent: QWidget | None, ctx: ShellContext, action: Action, reason: str = "") -> users.Actor | None:
    """Ask for a manager's PIN (modal); the approving person, or ``None`` when cancelled."""
    dialog = ManagerDialog(ctx, action, reason, parent)
    dialog.exec()
    return dialog.approver
