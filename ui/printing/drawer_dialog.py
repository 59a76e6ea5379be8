""""Open the drawer without a sale": asks why (the reason goes to the audit log), then queues the opening."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos_app.errors import PosError
from pos_app.printing.drawer import open_drawer
from resources.i18n import _
from ui.shell.context import ShellContext


class NoSaleDialog(QDialog):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("no_sale")
        self.setWindowTitle(_("Open the drawer without a sale"))
        self.ctx = ctx
        self.job: uuid.UUID | None = None
        self.reason = QLineEdit()
        self.reason.setObjectName("no_sale_reason")
        self.reason.setMinimumHeight(44)
        self.reason.returnPressed.connect(self.on_open)
        self.message = QLabel()
        self.message.setObjectName("no_sale_message")
        self.message.setWordWrap(True)
        ok = QPushButton(_("Open (Enter)"))
        ok.setObjectName("no_sale_open")
        ok.setMinimumHeight(44)
        ok.clicked.connect(self.on_open)
        cancel = QPushButton(_("Cancel (Esc)"))
        cancel.setMinimumHeight(44)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(ok)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Why open the drawer? (written in the log)")))
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def on_open(self) -> None:
        try:
            self.job = open_drawer(self.ctx.actor, self.ctx.till.id, self.reason.text())
        except PosError as err:
            self.message.setText(err.message)
            return
        self.accept()
