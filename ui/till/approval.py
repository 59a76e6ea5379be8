"""A manager's PIN at the till: a person who may do the action chooses their name and types their PIN (keyboard,
Thai digits, the Thai-layout number row, or the on-screen keypad).  The override is checked and recorded in the
audit log by :func:`pos_app.people.users.authorise`; a wrong PIN counts towards the lock-out."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.errors import PosError
from pos_app.people import users
from pos_app.people.permissions import Action, can, role_label
from resources.i18n import _
from ui.people.pin_pad import PinPad
from ui.shell.context import ShellContext
from ui.till.asking import modal


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
        self.pad = PinPad("manager_pin", "manager_key_")
        self.pad.submitted.connect(self.try_pin)
        self.pin = self.pad.field
        self.people.itemClicked.connect(lambda _item: self.pin.setFocus())
        self.message = QLabel("")
        self.message.setObjectName("manager_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        cancel = QPushButton(_("Cancel (Esc)"))
        cancel.setObjectName("manager_cancel")
        cancel.setMinimumHeight(44)
        cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        cancel.clicked.connect(self.reject)
        right = QVBoxLayout()
        right.addWidget(self.pad)
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

    def selected_login(self) -> str | None:
        item = self.people.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def try_pin(self, typed: str) -> None:
        """Check the PIN the keypad gave (digits already read from Thai digits or the Thai layout)."""
        if not typed:
            self.message.setText(_("Type the PIN first"))
            return
        try:
            approver = users.authorise(self.selected_login(), typed, self.action,
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
    modal(dialog)
    return dialog.approver
