"""The till: a stall seller's screen.  Scan (with the cursor anywhere), search or tap products, weigh goods
sold by the kilo, change quantities, give discounts, hold and recall, take cash, PromptPay, transfer or a
split, and see the change.  Every rule (prices, totals, change, discounts, stock, receipt numbers) is the
core's; this page only shows and asks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app import clock
from pos_app.errors import PosError
from pos_app.money import Money
from pos_app.people.users import Actor
from pos_app.selling import catalog, history, search
from pos_app.selling.cart import CHANNELS, Cart
from pos_app.selling.catalog import ItemView
from pos_app.selling.weights import read_scale_label
from resources.i18n import N_, _
from ui.shell.context import ShellContext
from ui.till import keys
from ui.till.asking import modal
from ui.till.cart_view import CartView
from ui.till.held_sales import HeldSales
from ui.till.paying import Paying
from ui.till.payment import PaymentPanel
from ui.till.products import ProductPicker, pick_list
from ui.till.scanner import ScanCatcher
from ui.till.shift_here import ShiftHere
from ui.till.stock_view import attach_stock
from ui.till.weight import WeightDialog

if TYPE_CHECKING:  # the selling core loads at the first sale (ui.till.paying), not to show the till
    from pos_app.selling.sales import SaleResult

CHANNEL_LABELS = {"stall": N_("Stall"), "member": N_("Member price"), "network": N_("Network group"),
                  "online": N_("Online order")}
TIER_OF_CHANNEL = {"stall": "retail", "member": "member", "network": "network", "online": "retail"}
INDEXED_AT_ONCE = 20_000  # a catalogue up to this size is indexed before the till shows (about a second);
# a bigger one is indexed off the UI thread while the till is already in use (scans read the database)


def _button(text: str, name: str, slot: object, big: bool = False) -> QPushButton:
    b = QPushButton(text)
    b.setObjectName(name)
    b.setMinimumHeight(56 if big else 44)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    b.clicked.connect(slot)
    return b


class TillPage(HeldSales, Paying):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("till")
        self.ctx = ctx
        self.till, self.actor = ctx.till, ctx.actor
        self.cart: Cart = ctx.session.setdefault("cart", Cart())
        self._index_generation = 0
        self.index, self.index_ready = search.CatalogIndex.build([]), False
        self.last_result: SaleResult | None = None

        self.scan = QLineEdit()
        self.scan.setObjectName("scan")
        self.scan.setStyleSheet("font-size: 16pt;")
        self.scan.setPlaceholderText(_("Scan a barcode or type a product name"))
        self.scan.returnPressed.connect(self.on_enter)
        self.picker: ProductPicker = ProductPicker(self.index)
        self.load_index(self.cart.tier)
        self.scan.textEdited.connect(self._search_typed)
        self._search_later = QTimer(self)  # a burst's keys do not each filter the grid: once, after it
        self._search_later.setSingleShot(True)
        self._search_later.setInterval(60)
        self._search_later.timeout.connect(lambda: self.picker.set_query(self.scan.text()))
        self.picker.picked.connect(self.add)
        left = QVBoxLayout()
        left.addWidget(self.scan)
        left.addWidget(self.picker, 1)

        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        self.channel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for code in CHANNELS:
            self.channel.addItem(_(CHANNEL_LABELS[code]), code)
        self.channel.setCurrentIndex(CHANNELS.index(self.cart.channel))
        self.channel.currentIndexChanged.connect(self.change_channel)
        self.customer = QLineEdit()
        self.customer.setObjectName("customer_name")
        self.customer.setPlaceholderText(_("Customer's name"))
        self.phone = QLineEdit()
        self.phone.setObjectName("customer_phone")
        self.phone.setPlaceholderText(_("Phone"))
        for field in (self.customer, self.phone):
            field.textEdited.connect(self._customer_edited)
        head = QHBoxLayout()  # an online order's customer; empty (no height) for a sale at the stall
        head.addWidget(self.customer, 1)
        head.addWidget(self.phone, 1)
        self.cart_view = CartView(self.cart)
        self.cart_view.message.connect(self.say)
        self.cart_view.weigh.connect(self.reweigh)
        self.cart_view.discount_line.connect(self.discount_line)
        actions = QGridLayout()  # two rows: one row of five Thai labels pushed the products off a netbook
        for text, key, name, slot in ((_("Sale discount"), keys.SALE_DISCOUNT, "sale_discount", self.discount_sale),
                                      (_("Hold"), keys.HOLD, "hold", self.hold),
                                      (_("Recall"), keys.RECALL, "recall", self.recall),
                                      (_("Cancel sale"), keys.CANCEL_SALE, "cancel_sale", self.cancel_sale),
                                      (_("Sales && refunds"), keys.HISTORY, "history", self.open_history)):
            actions.addWidget(_button(keys.labelled(text, key), name, slot), *divmod(actions.count(), 3))
        self.channel.setMinimumHeight(44)
        self.channel.setView(QListView())  # its list a finger high too (the default list's rows were 22 px)
        self.channel.view().setStyleSheet("QListView::item { min-height: 44px; }")
        actions.addWidget(self.channel, 1, 2)  # in the buttons' free cell: the cart keeps a line more at 600 px
        self.pay = _button(keys.labelled(_("Pay"), keys.PAY), "pay", self.start_payment, big=True)
        self.pay.setStyleSheet("font-size: 16pt; font-weight: bold;")
        cart_page = QWidget()
        cart_layout = QVBoxLayout(cart_page)
        cart_layout.setContentsMargins(0, 0, 0, 0)
        cart_layout.addLayout(head)
        cart_layout.addWidget(self.cart_view, 1)
        cart_layout.addLayout(actions)
        cart_layout.addWidget(self.pay)
        self.payment = PaymentPanel(ctx, self.cart)
        self.payment.ready.connect(self.finish_sale)
        self.payment.cancelled.connect(self.back_to_cart)
        self.right = QStackedWidget()
        self.right.addWidget(cart_page)
        self.right.addWidget(self.payment)

        self.message = QLabel("")
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.change = QLabel("")
        self.change.setObjectName("change")
        self.change.setStyleSheet("font-size: 20pt; color: #0b6e2e; font-weight: bold;")
        self.today = QLabel("")
        self.today.setObjectName("today")
        bottom = QHBoxLayout()  # the message has a row of its own above: beside the change and the print
        bottom.addWidget(self.change)  # light it wrapped to four lines at 1024 px and squeezed the cart
        bottom.addStretch(1)
        bottom.addWidget(self.today)
        bottom.addWidget(ShiftHere(ctx, self))  # shown while no shift is open at this till
        self._add_print_status(bottom)
        body = QHBoxLayout()
        body.addLayout(left, 11)
        body.addWidget(self.right, 9)
        self.picker.setMinimumWidth(360)  # the products stay in sight next to the cart, even at 1024×600
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

        self.catcher = ScanCatcher(self)
        self.keys_first = keys.TillKeysFirst(self)
        for field in self.findChildren(QLineEdit):
            field.installEventFilter(self.keys_first)
        self.catcher.scanned.connect(self.on_code)
        for key, slot in ((keys.PAY, self.start_payment), (keys.SALE_DISCOUNT, self.discount_sale),
                          (keys.HOLD, self.hold), (keys.RECALL, self.recall), (keys.CANCEL_SALE, self.cancel_sale),
                          (keys.HISTORY, self.open_history), (keys.REMOVE_LINE, self.cart_view.remove_line),
                          (keys.BACK, self.escape), (keys.PROMPTPAY, self.payment.show_promptpay),
                          (keys.TRANSFER, lambda: self.payment.take_other("transfer"))):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(slot)
        self.stock = attach_stock(self)
        self.show_customer()
        self.cart_view.refresh()
        self.refresh_today()

    def _add_print_status(self, row: QHBoxLayout) -> None:
        try:
            from ui.printing import PrintStatus
        except ImportError:  # pragma: no cover - the print path is part of the app
            return
        row.addWidget(PrintStatus(self.ctx))

    def _search_typed(self, text: str) -> None:
        """As the seller types, the grid shows what the search field finds.  Within a scanner's burst each key
        re-filtered and re-laid out the whole grid (13 times a scan): the grid is filtered once the burst
        ends instead (a scan's Enter, or 60 ms after its last key when it was a fast typist after all)."""
        if self.catcher.bursting:
            self._search_later.start()
            return
        self._search_later.stop()
        self.picker.set_query(text)

    def load_index(self, tier: str) -> None:
        """The product index of ``tier``: built now for a usual catalogue, else in the background (the
        grid says it is loading; scans and exact codes are read from the database meanwhile)."""
        self._index_generation += 1
        generation = self._index_generation
        if not catalog.more_sellable_than(INDEXED_AT_ONCE, tier):
            self._index_loaded(generation, search.load(tier))
            return
        self.index_ready = False
        self.picker.show_loading()
        # the thread starts after the till's first paint: building the index holds Python's lock, and the page
        # would otherwise be built and painted at half speed beside it
        QTimer.singleShot(0, self, lambda: self._build_in_background(generation, tier))

    def _build_in_background(self, generation: int, tier: str) -> None:
        if generation != self._index_generation:
            return  # a newer tier was asked for meanwhile

        def build() -> search.CatalogIndex:
            from db.models import database

            try:
                return search.load(tier)
            finally:
                database.close()  # this worker thread's own connection

        self.ctx.run_in_background(build, lambda index: self._index_loaded(generation, index), self._index_failed,
                                   _("Loading the product list…"))

    def _index_loaded(self, generation: int, index: search.CatalogIndex) -> None:
        if generation != self._index_generation or not shiboken6.isValid(self):
            return  # a newer tier was asked for, or the page was closed meanwhile
        self.index, self.index_ready = index, True
        self.picker.set_index(index)

    def _index_failed(self, err: BaseException) -> None:
        if shiboken6.isValid(self):
            detail = err.message if isinstance(err, PosError) else str(err)
            self.say(_("The product list could not be loaded: {error}").format(error=detail), error=True)

    # -- the page's life ----------------------------------------------------------------------------
    def showEvent(self, event: object) -> None:
        self.catcher.install()
        self.scan.setFocus()
        super().showEvent(event)  # type: ignore[arg-type]

    def hideEvent(self, event: object) -> None:
        self.catcher.remove()
        super().hideEvent(event)  # type: ignore[arg-type]

    def entered(self) -> None:
        self.refocus()  # after the log-in page: F12 and the other keys work with no click first

    def refocus(self) -> None:
        """After a dialog: the till's window active again and the cursor in the scan field.  Without this, a
        desktop that does not hand the focus back (no window manager, some kiosks) left F12 and every other
        key going nowhere after the discount box."""
        self.window().activateWindow()
        self.scan.setFocus()

    def say(self, text: str, error: bool = False) -> None:
        style = f"color: {'#b00020' if error else '#333'}; font-weight: bold;"
        if self.message.styleSheet() != style:  # a style sheet set again restyles the label: not on each scan
            self.message.setStyleSheet(style)
        self.message.setText(text)
        if error:
            QApplication.beep()

    def refresh_today(self) -> None:
        rows = history.sales_of_day(clock.today(), self.till.id)
        total = sum((s.total for s in rows), Money(0))
        self.today.setText(_("Today: {count} receipts, {total}").format(count=len(rows), total=total.format()))

    # -- adding -------------------------------------------------------------------------------------
    def on_code(self, code: str) -> None:
        """A scan (from anywhere in the window): lot label, scale label, barcode; never a payment."""
        self._search_later.stop()
        self.picker.set_query(self.scan.text())  # the catcher took the burst back out of the search field
        if self.stock.on_lot_label(code, self.add):
            return
        try:
            label = read_scale_label(code, self.cart.tier)
        except PosError as err:
            self.say(err.message, error=True)
            return
        if label is not None:
            self.add(label.item, label.grams)
            return
        view = catalog.by_barcode(code, self.cart.tier)
        if view is None:
            self.say(_("Unknown barcode {code}: nothing was added").format(code=code), error=True)
            return
        self.add(view)

    def on_enter(self) -> None:
        """Enter typed in the search field at a person's speed: a code, or a name."""
        text = self.scan.text().strip()
        if not text:
            return
        self.scan.clear()
        self.picker.set_query("")
        if self.stock.on_lot_label(text, self.add):
            return
        if read_scale_label_quiet(text):
            self.on_code(text)
            return
        view = self.index.by_code(text) if self.index_ready else catalog.by_barcode(text, self.cart.tier)
        if view is not None:
            self.add(view)
            return
        if not self.index_ready:
            self.say(_("The product list is still loading: scan the barcode, or try again in a moment"),
                     error=True)
            return
        matches = self.index.search(text, limit=10)
        if not matches:
            self.say(_("Nothing found for “{text}”").format(text=text), error=True)
            return
        chosen = matches[0] if len(matches) == 1 else pick_list(self, matches, self.stock.on_hand)
        if len(matches) > 1:
            self.refocus()  # the pick list closed: the till's keys (F12…) work again without a click
        if chosen is not None:
            self.add(chosen)

    def add(self, view: ItemView, quantity: int | None = None, lot: str = "",
            expired_ok_by: Actor | None = None) -> None:
        if view.sold_by_weight and quantity is None:
            quantity = self.ask_weight(view)
            if quantity is None:
                return
        if not self.stock.admit(view, view.scan_quantity if quantity is None else quantity, lot):
            return
        try:
            index = self.cart.add(view, quantity, lot, expired_ok_by)
        except PosError as err:
            self.say(err.message, error=True)
            return
        self.change.clear()
        warning = self.stock.take_warning()  # selling past on-hand (policy "warn") stays on screen
        self.say(warning or _("Added {name}").format(name=view.name), error=bool(warning))
        self.cart_view.refresh(select=index)
        self.payment.refresh()
        self.scan.setFocus()

    def ask_weight(self, view: ItemView) -> int | None:
        dialog = WeightDialog(view, self)
        accepted = modal(dialog) == WeightDialog.DialogCode.Accepted
        grams = dialog.grams
        dialog.close()
        dialog.deleteLater()
        self.refocus()
        return grams if accepted else None

    def reweigh(self, row: int) -> None:
        grams = self.ask_weight(self.cart.lines[row].item)
        if grams is not None:
            self.cart.set_quantity(row, grams)
            self.cart_view.refresh(select=row)

    # -- the sale's own settings ----------------------------------------------------------------------
    def change_channel(self) -> None:
        code = self.channel.currentData()
        tier = TIER_OF_CHANNEL[code]
        try:
            self.cart.set_channel(code, self.customer.text(), self.phone.text())
            if tier != self.cart.tier:
                catalog.reprice(self.cart, tier)
                self.load_index(tier)
        except PosError as err:
            self.say(err.message, error=True)
        self.show_customer()
        self.cart_view.refresh()

    def _customer_edited(self) -> None:
        self.cart.set_channel(self.cart.channel, self.customer.text(), self.phone.text())

    def show_customer(self) -> None:
        online = self.cart.channel == "online"
        self.customer.setVisible(online)
        self.phone.setVisible(online)
        self.customer.setText(self.cart.customer_name)
        self.phone.setText(self.cart.customer_phone)

    def open_history(self) -> None:
        from ui.till.history import HistoryDialog

        modal(HistoryDialog(self.ctx, self))
        self.refresh_today()
        self.refocus()


def read_scale_label_quiet(code: str) -> bool:
    try:
        return read_scale_label(code) is not None
    except PosError:
        return True  # a damaged label: on_code says so
