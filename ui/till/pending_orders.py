"""Online orders (LINE, Facebook) waiting for their money: mark one paid (all that is due, by the method the
customer used) or cancel it (a void, with a manager's PIN when the person may not void)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.errors import PosError
from pos_app.selling import orders
from pos_app.selling.payments import PaymentIn
from pos_app.thai.dates import format_datetime
from resources.i18n import N_, _
from ui.shell.context import ShellContext
from ui.till.refund import RefundDialog

COLUMNS = (N_("No."), N_("Ordered"), N_("Customer"), N_("Phone"), N_("Total"), N_("Paid"), N_("Due"))
PAY = (("cash", N_("Paid in cash"), "F5"), ("promptpay", N_("Paid by PromptPay"), "F6"),
       ("transfer", N_("Paid by transfer"), "F7"))


class PendingOrders(QWidget):
    changed = Signal()

    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pending_orders")
        self.ctx = ctx
        self.rows: list[orders.PendingOrder] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("pending_table")
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.message = QLabel("")
        self.message.setObjectName("pending_message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for method, label, key in PAY:
            button = QPushButton(f"{_(label)} ({key})")
            button.setObjectName(f"pending_pay_{method}")
            button.setMinimumHeight(44)
            button.setShortcut(QKeySequence(key))
            button.setProperty("method", method)
            button.clicked.connect(self._on_pay)
            buttons.addWidget(button)
        buttons.addStretch(1)
        cancel = QPushButton(_("Cancel the order (F8)"))
        cancel.setObjectName("pending_cancel")
        cancel.setMinimumHeight(44)
        cancel.setShortcut(QKeySequence("F8"))
        cancel.clicked.connect(self.cancel_order)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.dialog: RefundDialog | None = None

    def refresh(self) -> None:
        self.rows = orders.pending_orders(self.ctx.till.id)
        self.table.setRowCount(len(self.rows))
        for r, o in enumerate(self.rows):
            cells = [str(o.number), format_datetime(o.created_at), o.customer_name, o.customer_phone,
                     o.total.format(), o.paid.format(), o.due.format()]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (0, 4, 5, 6):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        if self.rows and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def current(self) -> orders.PendingOrder | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            return self.rows[row]
        self.message.setText(_("Choose an order first"))
        return None

    def _on_pay(self) -> None:
        sender = self.sender()
        if sender is not None:
            self.pay(str(sender.property("method")))

    def pay(self, method: str) -> None:
        order = self.current()
        if order is None:
            return
        try:
            orders.pay_order(self.ctx.actor, order.uuid, [PaymentIn(method, order.due)])
        except PosError as err:
            self.message.setText(err.message)
            return
        self.message.setText(_("Order {number} is paid: {amount}").format(number=order.number,
                                                                           amount=order.due.format()))
        self.refresh()
        self.changed.emit()

    def cancel_order(self) -> None:
        order = self.current()
        if order is None:
            return
        try:
            self.dialog = RefundDialog(self.ctx, order.uuid, self, void=True)
        except PosError as err:
            self.message.setText(err.message)
            return
        self.dialog.saved.connect(self.after_cancel)
        self.dialog.open()

    def after_cancel(self, _result: object) -> None:
        self.refresh()
        self.changed.emit()
