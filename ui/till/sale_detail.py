"""One saved sale, refund or void: its lines, discounts, payments and customer, with the receipt preview
(reprint there), Refund and Void (today's sales only)."""

from __future__ import annotations

import uuid

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

from db.models import Sale
from pos_app import clock
from pos_app.errors import PosError
from pos_app.selling import history, refunds
from pos_app.thai.dates import format_datetime, to_bangkok
from resources.i18n import N_, _
from ui.shell.context import ShellContext
from ui.till.asking import tell
from ui.till.cart_view import PER_KG
from ui.till.refund import RefundDialog, unit_text

METHOD = {"cash": N_("Cash"), "promptpay": N_("PromptPay"), "transfer": N_("Bank transfer"),
          "mixed": N_("Mixed"), "": N_("Unpaid")}
LINE_COLUMNS = (N_("Item"), N_("Quantity"), N_("Price"), N_("Amount"), N_("Discount"))


def kind_label(summary: history.SaleSummary) -> str:
    if summary.kind == "sale":
        return _("Online order") if summary.channel == "online" else _("Sale")
    return _("Void") if summary.reversal == "void" else _("Refund")


def method_label(method: str) -> str:
    return _(METHOD.get(method, method))


class SaleDetailView(QWidget):
    """``back`` asks to return to the list; ``changed`` says a refund or void was saved from here."""

    back = Signal()
    changed = Signal()

    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sale_detail")
        self.ctx = ctx
        self.sale: history.SaleDetail | None = None
        self.heading = QLabel()
        self.heading.setObjectName("detail_heading")
        self.heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.info = QLabel()
        self.info.setObjectName("detail_info")
        self.info.setWordWrap(True)
        self.lines = QTableWidget(0, len(LINE_COLUMNS))
        self.lines.setObjectName("detail_lines")
        self.lines.setHorizontalHeaderLabels([_(c) for c in LINE_COLUMNS])
        self.lines.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(LINE_COLUMNS)):  # the figures are never cut ("฿200.00 / ..." was)
            self.lines.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.lines.verticalHeader().setVisible(False)
        self.lines.verticalHeader().setDefaultSectionSize(36)
        self.lines.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.money = QLabel()
        self.money.setObjectName("detail_money")
        self.money.setWordWrap(True)
        self.receipt = self._button(_("Receipt (F5)"), "detail_receipt", "F5", self.show_receipt)
        self.refund = self._button(_("Refund (F6)"), "detail_refund", "F6", lambda: self.open_refund(False))
        self.void = self._button(_("Void (F7)"), "detail_void", "F7", lambda: self.open_refund(True))
        self.back_button = self._button(_("Back to the list (Esc)"), "detail_back", "", self.back.emit)
        buttons = QHBoxLayout()
        for button in (self.receipt, self.refund, self.void):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.info)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.money)
        layout.addLayout(buttons)
        self.dialog: QWidget | None = None

    def _button(self, text: str, name: str, key: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setMinimumHeight(44)
        if key:
            button.setShortcut(QKeySequence(key))
        button.clicked.connect(slot)
        return button

    def show_sale(self, sale_uuid: uuid.UUID) -> None:
        sale = self.sale = history.detail(sale_uuid)
        s = sale.summary
        self.heading.setText(_("{kind} · receipt {number} · till {till}").format(
            kind=kind_label(s), number=s.number, till=sale.till_code))
        facts = [format_datetime(s.created_at), _("Seller: {name}").format(name=s.seller)]
        if sale.refund_of_number is not None:
            facts.append(_("Of receipt {number}").format(number=sale.refund_of_number))
        if sale.customer_name or sale.customer_phone:
            facts.append(_("Customer: {name} {phone}").format(name=sale.customer_name, phone=sale.customer_phone))
        if sale.note:
            facts.append(_("Note: {note}").format(note=sale.note))
        self.info.setText("  ·  ".join(facts))
        self.lines.setRowCount(len(sale.lines))
        for row, line in enumerate(sale.lines):
            if line.per_quantity == 1000 and line.base_unit == "g":  # as the tile and the cart say it
                price = _(PER_KG).format(price=line.unit_price.format())
            else:
                per = "" if line.per_quantity == 1 else f" / {unit_text(line.per_quantity, line.base_unit)}"
                price = line.unit_price.format() + per
            cells = [f"{line.sku}  {line.name}", unit_text(line.quantity, line.base_unit),
                     price, line.amount.format(),
                     line.discount.format() if line.discount.satang else ""]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.lines.setItem(row, col, cell)
        money = []
        if sale.discount.satang:
            money.append(_("Discount on the whole sale {amount}").format(amount=sale.discount.format()))
        money.append(_("Total {total}").format(total=s.total.format()))
        for method, amount, tendered, change in sale.payments:
            text = f"{method_label(method)} {amount.format()}"
            if change.satang:
                text += " " + _("(received {tendered}, change {change})").format(
                    tendered=tendered.format(), change=change.format())
            money.append(text)
        if not sale.payments:
            money.append(method_label(""))
        self.money.setText("  ·  ".join(money))
        is_sale = s.kind == "sale"
        left = refunds.refundable(Sale.get(Sale.uuid == s.uuid)) if is_sale else {}
        untouched = all(qty == line.quantity for line, qty, _money in left.values())
        anything_left = any(qty > 0 for _line, qty, _money in left.values())
        today = to_bangkok(s.created_at).date() == clock.today()
        # the core decides (refund_sale refuses what is not allowed); the buttons only hide what cannot work
        self.refund.setEnabled(is_sale and anything_left)
        self.void.setEnabled(is_sale and untouched and (today or (s.channel == "online" and not s.paid.satang)))

    def show_receipt(self) -> None:
        if self.sale is None:
            return
        from ui.printing import show_receipt_preview

        try:
            self.dialog = show_receipt_preview(self.ctx, self.sale.summary.uuid, self)
        except PosError as err:
            tell(self, _("Receipt"), err.message)

    def open_refund(self, void: bool) -> None:
        if self.sale is None or self.sale.summary.kind != "sale":
            return
        try:
            dialog = RefundDialog(self.ctx, self.sale.summary.uuid, self, void=void)
        except PosError as err:
            tell(self, _("Refund"), err.message)
            return
        dialog.saved.connect(lambda _result: self.after_refund())
        self.dialog = dialog
        dialog.open()

    def after_refund(self) -> None:
        if self.sale is not None:
            self.show_sale(self.sale.summary.uuid)
        self.changed.emit()
