"""The shift: open with a counted float, cash in and out (ice, a supplier, the bank), the X report, and
close with the drawer counted (expected against counted, over/short with a note)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos_app.books import cash, days
from pos_app.books.export.sections import CATEGORY_TEXT
from pos_app.books.xz_print import print_x
from pos_app.errors import PosError
from pos_app.money import Money
from pos_app.thai.dates import format_time
from resources.i18n import _
from ui.books.widgets import CountGrid, button, money_text, show_error
from ui.shell.context import ShellContext


class ShiftPage(QWidget):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status = QLabel()
        self.status.setObjectName("shift_status")
        self.status.setWordWrap(True)
        self.count = CountGrid("count")
        self.note = QLineEdit()
        self.note.setObjectName("shift_note")
        self.note.setPlaceholderText(_("Note (needed when the drawer is over or short)"))
        self.open_button = button(_("Open shift"), "Ctrl+1", "open_shift")
        self.close_button = button(_("Count and close shift"), "Ctrl+2", "close_shift")
        self.x_button = button(_("X report (show and print)"), "Ctrl+3", "x_report")
        self.open_button.clicked.connect(self.open_shift)
        self.close_button.clicked.connect(self.close_shift)
        self.x_button.clicked.connect(self.show_x)
        actions = QHBoxLayout()
        for b in (self.open_button, self.close_button, self.x_button):
            actions.addWidget(b)

        moves = QGroupBox(_("Cash in or out of the drawer"))
        form = QFormLayout(moves)
        self.direction = QComboBox()
        self.direction.setObjectName("cash_direction")
        self.direction.addItem(_("Out of the drawer"), "out")
        self.direction.addItem(_("Into the drawer"), "in")
        self.category = QComboBox()
        self.category.setObjectName("cash_category")
        for key, label in CATEGORY_TEXT.items():
            self.category.addItem(_(label), key)
        self.amount = QLineEdit()
        self.amount.setObjectName("cash_amount")
        self.reason = QLineEdit()
        self.reason.setObjectName("cash_reason")
        self.move_button = button(_("Record cash in/out"), "Ctrl+4", "record_cash")
        self.move_button.clicked.connect(self.move_cash)
        form.addRow(_("Direction"), self.direction)
        form.addRow(_("Category"), self.category)
        form.addRow(_("Amount (baht)"), self.amount)
        form.addRow(_("Reason"), self.reason)
        form.addRow(self.move_button)

        left = QVBoxLayout()
        left.addWidget(self.status)
        left.addWidget(self.count)
        left.addWidget(self.note)
        left.addLayout(actions)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(moves, 2)
        self.refresh()

    def refresh(self) -> None:
        shift = cash.current_shift(self.ctx.till.id)
        if shift is None:
            self.status.setText(_("No shift is open on {till}. Count the float and open a shift.")
                                .format(till=self.ctx.till.code))
        else:
            drawer = cash.drawer_of(cash.open_shift_of(self.ctx.till.id))  # type: ignore[arg-type]
            self.status.setText(_("Shift {number} open since {time}, float {float}. The drawer should hold {expected}.")
                                .format(number=shift.number, time=format_time(shift.opened_at),
                                        float=shift.float.format(), expected=drawer.expected.format()))
        self.open_button.setEnabled(shift is None)
        self.close_button.setEnabled(shift is not None)
        self.move_button.setEnabled(shift is not None)

    def open_shift(self) -> None:
        try:
            cash.open_shift(self.ctx.actor, self.ctx.till.id, self.count.entries())
        except PosError as err:
            show_error(self, err)
            return
        self.count.clear()
        self.refresh()

    def close_shift(self) -> None:
        try:
            closed = cash.close_shift(self.ctx.actor, self.ctx.till.id, self.count.entries(), self.note.text())
        except PosError as err:
            show_error(self, err)
            return
        self.count.clear()
        self.note.clear()
        self.refresh()
        diff = closed.over_short.satang
        result = (_("short by {amount}") if diff < 0 else _("over by {amount}") if diff > 0 else
                  _("exact")).format(amount=Money(abs(diff)).format())
        self.status.setText(_("Shift closed. Expected {expected}, counted {counted}: {result}.").format(
            expected=closed.drawer.expected.format(), counted=closed.counted.format(), result=result))

    def move_cash(self) -> None:
        try:
            amount = Money.parse(self.amount.text())
            cash.move_cash(self.ctx.actor, self.ctx.till.id, self.direction.currentData(), self.category.currentData(),
                           self.reason.text(), amount)
        except PosError as err:
            show_error(self, err)
            return
        self.amount.clear()
        self.reason.clear()
        self.refresh()

    def show_x(self) -> None:
        x = days.x_report(self.ctx.till.id)
        try:
            print_x(self.ctx.actor, self.ctx.till.id)
        except PosError as err:
            show_error(self, err)
        self.status.setText(_("X report {till}: {sales} sales {total}, refunds {refunds}, net {net}; cash {cash}, "
                              "PromptPay {pp} ({unticked} not ticked off).").format(
            till=x.till_code, sales=x.sales_count, total=money_text(x.sales_satang),
            refunds=money_text(x.refunds_satang),
            net=money_text(x.net_satang), cash=money_text(x.by_method.get("cash", 0)),
            pp=money_text(x.by_method.get("promptpay", 0)), unticked=len(x.unticked)))
