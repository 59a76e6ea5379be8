"""The till's history: a day's sales, refunds and voids at this till with totals that add up, a search by
receipt number or by date (Buddhist or Christian era, Thai digits), a sale's detail, and the online orders
still waiting for their money.

Totals of a day: sales = Σ totals of sales; refunds = Σ totals of refunds and voids (negative); net = sales +
refunds; by method = Σ payments of each method (a refund's payments are negative); unpaid = net − Σ payments
(online orders not paid on the day).  So the methods and unpaid add up to the net, to the satang.
Money received on the day for online orders (``order_payment`` documents, which are not sales of the day) is
shown on a line of its own, by method, so it never blurs the day's sales totals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.models import OrderPayment
from pos_app import clock
from pos_app.errors import PosError
from pos_app.money import Money
from pos_app.selling import history
from pos_app.thai.dates import format_date, format_time, parse_date
from pos_app.thai.keyboard import as_digits
from resources.i18n import N_, _
from ui.shell.context import ShellContext
from ui.till.pending_orders import PendingOrders
from ui.till.sale_detail import METHOD, SaleDetailView, kind_label, method_label

COLUMNS = (N_("No."), N_("Time"), N_("Type"), N_("Paid by"), N_("Total"), N_("Seller"))
METHOD_ORDER = ("cash", "promptpay", "transfer")


def order_money(till_id: int, day: dt.date) -> dict[str, Money]:
    """Money received at the till on ``day`` for online orders, by method."""
    out: dict[str, Money] = {}
    query = OrderPayment.select(OrderPayment.method, OrderPayment.amount_satang).where(
        (OrderPayment.till == till_id) & (OrderPayment.business_date == day))
    for method, amount in cast(Iterable[tuple[str, int]], query.tuples()):
        out[method] = out.get(method, Money(0)) + Money(int(amount))
    return out


def day_totals(rows: list[history.SaleSummary]) -> dict[str, Money]:
    """sales, refunds, net, each method, unpaid (see the module's docstring)."""
    out = {key: Money(0) for key in ("sales", "refunds", "net", *METHOD_ORDER, "unpaid")}
    for s in rows:
        out["sales" if s.kind == "sale" else "refunds"] += s.total
        if s.method == "mixed":
            for method, amount, _tendered, _change in history.detail(s.uuid).payments:
                out[method] = out.get(method, Money(0)) + amount
        elif s.method:
            out[s.method] = out.get(s.method, Money(0)) + s.paid
    out["net"] = out["sales"] + out["refunds"]
    out["unpaid"] = out["net"] - sum((out[m] for m in METHOD_ORDER), Money(0))
    return out


class HistoryDialog(QDialog):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_dialog")
        self.setWindowTitle(_("Sales history"))
        self.ctx = ctx
        self.day = clock.today()
        self.rows: list[history.SaleSummary] = []
        self.totals: dict[str, Money] = {}

        self.date_field = QLineEdit(format_date(self.day))
        self.date_field.setObjectName("history_date")
        self.date_field.setPlaceholderText(_("Date, e.g. 24/11/2569"))
        self.date_field.setMinimumHeight(44)
        self.date_field.returnPressed.connect(self.on_date)
        self.number_field = QLineEdit()
        self.number_field.setObjectName("history_number")
        self.number_field.setPlaceholderText(_("Receipt number"))
        self.number_field.setMinimumHeight(44)
        self.number_field.returnPressed.connect(self.on_number)
        show_day = self._button(_("Show day (Ctrl+D)"), "history_show_day", self.on_date)
        find = self._button(_("Find receipt (Ctrl+F)"), "history_find", self.on_number)
        today = self._button(_("Today (Ctrl+T)"), "history_today", self.show_today)
        QShortcut(QKeySequence("Ctrl+D"), self, self._focus_date)
        QShortcut(QKeySequence("Ctrl+F"), self, self._focus_number)
        QShortcut(QKeySequence("Ctrl+T"), self, self.show_today)
        search = QHBoxLayout()
        search.addWidget(QLabel(_("Date")))
        search.addWidget(self.date_field, 2)
        search.addWidget(show_day)
        search.addWidget(today)
        search.addWidget(QLabel(_("No.")))
        search.addWidget(self.number_field, 1)
        search.addWidget(find)
        self.heading = QLabel()
        self.heading.setObjectName("history_heading")
        self.heading.setStyleSheet("font-weight: bold;")
        self.message = QLabel("")
        self.message.setObjectName("history_message")
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("history_sales")
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.cellActivated.connect(lambda row, _col: self.open_row(row))
        self.table.cellClicked.connect(lambda row, _col: self.open_row(row))
        self.totals_label = QLabel()
        self.totals_label.setObjectName("history_totals")
        self.totals_label.setWordWrap(True)
        self.totals_label.setStyleSheet("font-size: 15px;")
        open_button = self._button(_("Open (Enter)"), "history_open", lambda: self.open_row(self.table.currentRow()))
        close = self._button(_("Close (Esc)"), "history_close", self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.totals_label, 1)
        bottom.addWidget(open_button)
        bottom.addWidget(close)
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(search)
        list_layout.addWidget(self.message)
        list_layout.addWidget(self.heading)
        list_layout.addWidget(self.table, 1)
        list_layout.addLayout(bottom)
        self.detail = SaleDetailView(ctx)
        self.detail.back.connect(self.show_list)
        self.detail.changed.connect(self.refresh)
        self.stack = QStackedWidget()
        self.stack.addWidget(list_page)
        self.stack.addWidget(self.detail)
        self.orders = PendingOrders(ctx)
        self.orders.changed.connect(self.refresh)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("history_tabs")
        self.tabs.addTab(self.stack, _("Sales"))
        self.tabs.addTab(self.orders, _("Online orders waiting"))
        self.tabs.setStyleSheet("QTabBar::tab { min-height: 44px; padding: 0 16px; }")  # a finger high
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.resize(1000, 580)
        for button in self.findChildren(QPushButton):  # Enter belongs to the fields and the list, not a button
            button.setAutoDefault(False)
        self.refresh()
        self.number_field.setFocus()

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setMinimumHeight(44)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.clicked.connect(slot)
        return button

    def _focus_date(self) -> None:
        self.show_list()
        self.date_field.setFocus()
        self.date_field.selectAll()

    def _focus_number(self) -> None:
        self.show_list()
        self.number_field.setFocus()
        self.number_field.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc on a sale's detail goes back to the list; on the list it closes (QDialog)."""
        if event.key() == Qt.Key.Key_Escape and self.stack.currentWidget() is self.detail:
            self.show_list()
            return
        super().keyPressEvent(event)

    def show_today(self) -> None:
        self.day = clock.today()
        self.date_field.setText(format_date(self.day))
        self.refresh()

    def on_date(self) -> None:
        try:
            day = parse_date(self.date_field.text())
        except PosError as err:
            self.message.setText(err.message)
            return
        self.show_day(day)

    def show_day(self, day: dt.date) -> None:
        self.day = day
        self.date_field.setText(format_date(day))
        self.show_list()
        self.refresh()

    def on_number(self) -> None:
        typed = self.number_field.text().strip()
        digits = as_digits(typed)
        if digits is None:
            self.message.setText(_("Type a receipt number, e.g. 12"))
            return
        try:
            found = history.find(self.ctx.till.id, int(digits))
        except PosError as err:
            self.message.setText(err.message)
            return
        self.message.clear()
        self.open_sale(found)

    def refresh(self) -> None:
        self.message.clear()
        self.rows = history.sales_of_day(self.day, self.ctx.till.id)
        self.heading.setText(_("{day}: {count} receipts at till {till}").format(
            day=format_date(self.day), count=len(self.rows), till=self.ctx.till.code))
        self.table.setRowCount(len(self.rows))
        for r, s in enumerate(self.rows):
            cells = [str(s.number), format_time(s.created_at), kind_label(s), method_label(s.method),
                     s.total.format(), s.seller]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (0, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        if self.rows:
            self.table.selectRow(0)
        self.totals = day_totals(self.rows)
        t = self.totals
        parts = [_("Sales {amount}").format(amount=t["sales"].format()),
                 _("Refunds {amount}").format(amount=t["refunds"].format()),
                 _("Net {amount}").format(amount=t["net"].format())]
        parts += [f"{_(METHOD[m])} {t[m].format()}" for m in METHOD_ORDER]
        parts.append(f"{_(METHOD[''])} {t['unpaid'].format()}")
        text = " · ".join(parts[:3]) + "\n" + " · ".join(parts[3:])
        later = order_money(self.ctx.till.id, self.day)
        if later:
            text += "\n" + _("Online orders paid: {amounts}").format(
                amounts=" · ".join(f"{_(METHOD[m])} {later[m].format()}" for m in METHOD_ORDER if m in later))
        self.totals_label.setText(text)
        self.orders.refresh()
        if self.stack.currentWidget() is self.detail and self.detail.sale is not None:
            self.detail.show_sale(self.detail.sale.summary.uuid)

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.open_sale(self.rows[row])

    def open_sale(self, summary: history.SaleSummary) -> None:
        self.tabs.setCurrentIndex(0)
        self.detail.show_sale(summary.uuid)
        self.stack.setCurrentWidget(self.detail)
        self.detail.back_button.setFocus()

    def show_list(self) -> None:
        self.stack.setCurrentIndex(0)
        self.table.setFocus()
