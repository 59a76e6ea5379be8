"""The till: scan or click products, change quantities, take cash, see the change; today's sales below.

A barcode scanner is a fast keyboard ending in Enter: the scan field takes it with no debounce.  Typing
letters in the same field filters the product buttons.  Every rule (prices, totals, change, stock,
receipt numbers) is the core's; this page only shows and asks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.errors import PosError
from pos_app.money import Money
from pos_app.selling import catalog, sales
from pos_app.selling.cart import MAX_QUANTITY, Cart
from pos_app.selling.catalog import ItemView
from resources.i18n import N_, _
from ui.shell.context import ShellContext
from ui.till.sales_list import SalesList

UNIT_LABELS = {"piece": N_("pcs"), "g": N_("g"), "ml": N_("ml")}


def _cell(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class TillPage(QWidget):
    sale_done = Signal(object)  # sales.SaleResult

    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("till")
        self.ctx = ctx
        self.till, self.actor = ctx.till, ctx.actor
        self.cart: Cart = ctx.session.setdefault("cart", Cart())
        self.products = catalog.sellable()
        self.product_buttons: dict[int, QPushButton] = {}

        self.scan = QLineEdit()
        self.scan.setObjectName("scan")
        self.scan.setPlaceholderText(_("Scan a barcode or type a product name"))
        self.scan.returnPressed.connect(self.on_scan)
        self.scan.textEdited.connect(self.filter_products)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        for n, view in enumerate(p for p in self.products if p.kind == "finished"):
            button = QPushButton(f"{view.name}\n{view.price.format()}")
            button.setObjectName(f"product_{view.sku}")
            button.setMinimumSize(200, 64)
            button.setToolTip(view.name)
            button.clicked.connect(lambda _checked=False, v=view: self.add(v))
            grid.addWidget(button, n // 2, n % 2)
            self.product_buttons[view.id] = button
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        left = QVBoxLayout()
        left.addWidget(self.scan)
        left.addWidget(scroll)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("cart")
        self.table.setHorizontalHeaderLabels([_("Item"), _("Quantity"), _("Price"), _("Amount")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._row_selected)
        self.quantity = QSpinBox()
        self.quantity.setObjectName("quantity")
        self.quantity.setRange(1, MAX_QUANTITY)
        self.quantity.valueChanged.connect(self._quantity_changed)
        remove = QPushButton(_("Remove line"))
        remove.setObjectName("remove")
        remove.clicked.connect(self.remove_line)
        qty_row = QHBoxLayout()
        qty_row.addWidget(QLabel(_("Quantity")))
        qty_row.addWidget(self.quantity)
        qty_row.addWidget(remove)

        self.total = QLabel()
        self.total.setObjectName("total")
        self.total.setStyleSheet("font-size: 28pt; font-weight: bold;")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.tendered = QLineEdit()
        self.tendered.setObjectName("tendered")
        self.tendered.setPlaceholderText(_("Cash received (฿)"))
        self.tendered.returnPressed.connect(self.pay_cash)
        pay = QPushButton(_("Pay cash"))
        pay.setObjectName("pay_cash")
        pay.setMinimumHeight(48)
        pay.clicked.connect(self.pay_cash)
        quick = QHBoxLayout()
        for label, amount in ((_("Exact"), None), ("฿100", 10000), ("฿500", 50000), ("฿1,000", 100000)):
            button = QPushButton(label)
            button.clicked.connect(lambda _c=False, a=amount: self._quick_cash(a))
            quick.addWidget(button)
        self.message = QLabel("")
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.change = QLabel("")
        self.change.setObjectName("change")
        self.change.setStyleSheet("font-size: 20pt; color: #0b6e2e; font-weight: bold;")
        right = QVBoxLayout()
        right.addWidget(self.table)
        right.addLayout(qty_row)
        right.addWidget(self.total)
        right.addLayout(quick)
        pay_row = QHBoxLayout()
        pay_row.addWidget(self.tendered)
        pay_row.addWidget(pay)
        right.addLayout(pay_row)
        right.addWidget(self.change)
        right.addWidget(self.message)

        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.addLayout(left, 1)
        top_layout.addLayout(right, 1)
        self.sales_list = SalesList(self.till.id)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.sales_list)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.refresh_cart()
        self.scan.setFocus()

    # -- messages ---------------------------------------------------------------------------------
    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {'#b00020' if error else '#333'}; font-weight: bold;")
        self.message.setText(text)
        if error:
            QApplication.beep()

    # -- adding -----------------------------------------------------------------------------------
    def on_scan(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        self.filter_products("")
        if not code:
            return
        view = catalog.by_barcode(code)
        if view is None:
            matches = [p for p in self.products if p.kind == "finished" and code.lower() in p.name.lower()]
            if len(matches) != 1:
                self.say(_("Unknown barcode {code}: nothing was added").format(code=code), error=True)
                return
            view = matches[0]
        self.add(view)

    def add(self, view: ItemView, quantity: int | None = None) -> None:
        try:
            index = self.cart.add(view, quantity)
        except PosError as err:
            self.say(err.message, error=True)
            return
        self.change.clear()
        self.say(_("Added {name}").format(name=view.name))
        self.refresh_cart(select=index)
        self.scan.setFocus()

    def filter_products(self, text: str) -> None:
        needle = text.strip().lower()
        for view in self.products:
            button = self.product_buttons.get(view.id)
            if button is not None:
                button.setVisible(not needle or needle in view.name.lower() or needle in view.sku.lower())

    # -- the cart ---------------------------------------------------------------------------------
    def refresh_cart(self, select: int | None = None) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.cart.lines))
        for row, line in enumerate(self.cart.lines):
            unit = _(UNIT_LABELS.get(line.item.base_unit, line.item.base_unit))
            per = "" if line.item.per_quantity == 1 else f" / {line.item.per_quantity:,} {unit}"
            self.table.setItem(row, 0, _cell(line.item.name))
            self.table.setItem(row, 1, _cell(f"{line.quantity:,} {unit}", right=True))
            self.table.setItem(row, 2, _cell(line.item.price.format() + per, right=True))
            self.table.setItem(row, 3, _cell(line.amount.format(), right=True))
        self.table.blockSignals(False)
        if select is not None and 0 <= select < len(self.cart.lines):
            self.table.selectRow(select)
        self._row_selected()
        self.total.setText(_("Total {amount}").format(amount=self.cart.total.format()))

    def _current_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _row_selected(self) -> None:
        row = self._current_row()
        self.quantity.blockSignals(True)
        self.quantity.setEnabled(row is not None)
        if row is not None:
            self.quantity.setValue(self.cart.lines[row].quantity)
        self.quantity.blockSignals(False)

    def _quantity_changed(self, value: int) -> None:
        row = self._current_row()
        if row is None:
            return
        try:
            self.cart.set_quantity(row, value)
        except PosError as err:
            self.say(err.message, error=True)
        self.refresh_cart(select=row)

    def remove_line(self) -> None:
        row = self._current_row()
        if row is not None:
            self.cart.remove(row)
            self.refresh_cart(select=min(row, len(self.cart.lines) - 1))

    # -- paying -----------------------------------------------------------------------------------
    def _quick_cash(self, satang: int | None) -> None:
        amount = self.cart.total if satang is None else Money(satang)
        self.tendered.setText(amount.format(symbol=False))
        self.pay_cash()

    def pay_cash(self) -> None:
        try:
            text = self.tendered.text().strip()
            tendered = Money.parse(text) if text else self.cart.total
            result = sales.commit_sale(self.actor, self.till.id, self.cart, tendered, "cash")
        except PosError as err:
            self.say(err.message, error=True)
            return
        self.cart.clear()
        self.tendered.clear()
        self.refresh_cart()
        self.change.setText(_("Change {amount}").format(amount=result.change.format()))
        self.say(_("Receipt no. {number} saved").format(number=result.number))
        self.sales_list.refresh()
        self.scan.setFocus()
        self.sale_done.emit(result)
