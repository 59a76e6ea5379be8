"""Taking the money: cash with banknote buttons that add up and "exact", change shown large; PromptPay with
the amount as a QR (large on the till, and on a customer screen when one is connected) until the seller
confirms; bank transfer; several of these for one sale (split).  A panel inside the till page, so a scan
while paying still reaches the cart (the amount due follows).  Every rule is the core's
(:mod:`pos_app.selling.payments`); this panel only asks and shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app import settings
from pos_app.errors import PosError
from pos_app.money import ZERO, Money
from pos_app.selling.cart import Cart
from pos_app.selling.payments import PaymentIn
from resources.i18n import N_, _
from ui.shell.context import ShellContext
from ui.till import keys
from ui.till.customer_screen import CustomerDisplay, customer_screen

NOTES = (2000, 5000, 10000, 50000, 100000)
METHOD_LABELS = {"cash": N_("Cash"), "promptpay": N_("PromptPay"), "transfer": N_("Bank transfer")}


def _button(text: str, name: str, big: bool = False) -> QPushButton:
    b = QPushButton(text)
    b.setObjectName(name)
    b.setMinimumHeight(56 if big else 44)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return b


class PaymentPanel(QWidget):
    """Collects ``payments`` until they cover the cart's total, then emits ``ready`` (the page commits)."""

    ready = Signal()
    cancelled = Signal()

    def __init__(self, ctx: ShellContext, cart: Cart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("payment")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.ctx, self.cart = ctx, cart
        self.payments: list[PaymentIn] = []
        self.customer: CustomerDisplay | None = None  # the QR facing the customer (a second screen)
        self.qr_payload = ""  # what the QR shown last says
        self.due_label = QLabel()
        self.due_label.setObjectName("due")
        self.due_label.setStyleSheet("font-size: 26pt; font-weight: bold;")
        self.paid_label = QLabel()
        self.paid_label.setObjectName("paid_so_far")
        self.received = QLineEdit()
        self.received.setObjectName("received")
        self.received.setPlaceholderText(_("Cash received (฿)"))
        self.received.setStyleSheet("font-size: 18pt;")
        self.received.returnPressed.connect(self.take_cash)
        self.received.textEdited.connect(self._show_change)
        self.change = QLabel()
        self.change.setObjectName("change_due")
        self.change.setStyleSheet("font-size: 22pt; color: #0b6e2e; font-weight: bold;")
        notes = QGridLayout()
        for n, satang in enumerate(NOTES):
            b = _button(Money(satang).format(grouping=True).replace(".00", ""), f"note_{satang // 100}")
            b.clicked.connect(lambda _c=False, s=satang: self.add_note(s))
            notes.addWidget(b, 0, n)
        exact = _button(_("Exact"), "exact")
        exact.clicked.connect(self.exact)
        notes.addWidget(exact, 0, len(NOTES))
        cash = _button(_("Cash  Enter"), "take_cash", big=True)
        cash.clicked.connect(self.take_cash)
        promptpay = _button(keys.labelled(_("PromptPay"), keys.PROMPTPAY), "promptpay", big=True)
        promptpay.clicked.connect(self.show_promptpay)
        transfer = _button(keys.labelled(_("Bank transfer"), keys.TRANSFER), "transfer", big=True)
        transfer.clicked.connect(lambda: self.take_other("transfer"))
        self.unpaid = _button(_("Save order, pay later"), "pay_later")
        self.unpaid.clicked.connect(self.pay_later)
        back = _button(_("Back to the sale  Esc"), "back")
        back.clicked.connect(self.cancel)
        methods = QHBoxLayout()
        for b in (cash, promptpay, transfer):
            methods.addWidget(b)
        cash_page = QWidget()
        cash_layout = QVBoxLayout(cash_page)
        cash_layout.setContentsMargins(0, 0, 0, 0)
        cash_layout.addWidget(self.received)
        cash_layout.addLayout(notes)
        cash_layout.addWidget(self.change)
        cash_layout.addLayout(methods)
        cash_layout.addWidget(self.unpaid)
        cash_layout.addWidget(back)  # on the cash side only: the QR has its own "Not paid — back  Esc"
        self.qr = QLabel()
        self.qr.setObjectName("promptpay_qr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_caption = QLabel()
        self.qr_caption.setObjectName("promptpay_caption")
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_caption.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.qr_caption.setWordWrap(True)  # one long line widened the payment side for good
        confirm = _button(_("Money received — confirm  Enter"), "promptpay_confirm", big=True)
        confirm.clicked.connect(lambda: self.take_other("promptpay"))
        qr_back = _button(_("Not paid — back  Esc"), "promptpay_cancel")
        qr_back.clicked.connect(self.hide_promptpay)
        qr_page = QWidget()
        qr_layout = QVBoxLayout(qr_page)
        qr_layout.addWidget(self.qr, 1)
        qr_layout.addWidget(self.qr_caption)
        row = QHBoxLayout()
        row.addWidget(qr_back)
        row.addWidget(confirm, 1)
        qr_layout.addLayout(row)
        self.pages = QStackedWidget()
        self.pages.addWidget(cash_page)
        self.pages.addWidget(qr_page)
        self.message = QLabel()
        self.message.setObjectName("payment_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.due_label)
        layout.addWidget(self.paid_label)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.pages.currentIndex() == 1:
            self.take_other("promptpay")
            return
        super().keyPressEvent(event)

    # -- state ------------------------------------------------------------------------------------
    @property
    def paid(self) -> Money:
        return sum((p.amount for p in self.payments), ZERO)

    @property
    def due(self) -> Money:
        return self.cart.total - self.paid

    def start(self) -> None:
        self.payments = []
        self.received.clear()
        self.message.clear()
        self.pages.setCurrentIndex(0)
        self.unpaid.setVisible(self.cart.channel == "online")
        self.refresh()
        self.received.setFocus()

    def refresh(self) -> None:
        self.due_label.setText(_("To pay {amount}").format(amount=self.due.format()))
        self.paid_label.setText("  +  ".join(f"{_(METHOD_LABELS[p.method])} {p.amount.format()}"
                                             for p in self.payments))
        self._show_change()

    def say(self, text: str) -> None:
        self.message.setText(text)

    def _typed(self) -> Money | None:
        text = self.received.text().strip()
        return Money.parse(text) if text else None

    def _show_change(self, *_args: object) -> None:
        try:
            typed = self._typed()
        except PosError:
            self.change.clear()
            return
        if typed is not None and typed >= self.due > ZERO:
            self.change.setText(_("Change {amount}").format(amount=(typed - self.due).format()))
        else:
            self.change.clear()

    # -- cash ---------------------------------------------------------------------------------------
    def add_note(self, satang: int) -> None:
        try:
            typed = self._typed() or ZERO
        except PosError:
            typed = ZERO
        self.received.setText((typed + Money(satang)).format(symbol=False, grouping=False))
        self._show_change()
        self.received.setFocus()

    def exact(self) -> None:
        self.received.setText(self.due.format(symbol=False, grouping=False))
        self.take_cash()

    def take_cash(self) -> None:
        """Cash received covers the rest (change given), or pays part of it (a split: the rest by another way)."""
        try:
            typed = self._typed()
        except PosError as err:
            self.say(err.message)
            return
        if self.due <= ZERO:
            self.ready.emit()
            return
        tendered = self.due if typed is None else typed
        if tendered <= ZERO:
            self.say(_("Type the cash received, or choose another way to pay"))
            return
        amount = min(tendered, self.due)
        self.payments.append(PaymentIn("cash", amount, tendered))
        self.received.clear()
        self._after_payment()

    # -- PromptPay and transfer ----------------------------------------------------------------------
    def _cash_first(self) -> bool:
        """Cash typed in the box before PromptPay or a transfer is chosen is cash received (the box says so):
        less than is due, it is taken first and the other way pays the rest (a split); as much or more, the
        customer pays all the other way instead.  The box is emptied either way.  False: not an amount."""
        try:
            typed = self._typed()
        except PosError as err:
            self.say(err.message)
            return False
        self.received.clear()  # first: the change shown is worked out from the box
        if typed is not None and ZERO < typed < self.due:
            self.payments.append(PaymentIn("cash", typed, typed))
        self.refresh()
        return True

    def show_promptpay(self) -> None:
        shop_id = settings.value("promptpay_id", settings.Where(self.ctx.till.shop_id))
        if not shop_id:
            self.say(_("This shop has no PromptPay ID yet: the administrator sets it in the settings"))
            return
        if self.pages.currentIndex() == 0 and not self._cash_first():
            return
        try:
            from pos_app.thai.promptpay import promptpay_payload
            from pos_app.thai.qr import promptpay_qr_image

            self.qr_payload = promptpay_payload(str(shop_id), self.due)
            image = promptpay_qr_image(self.qr_payload, box_size=8)
        except PosError as err:
            self.say(err.message)
            return
        rgb = image.convert("RGB")
        qimage = QImage(rgb.tobytes(), rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888)
        side = max(160, min(self.width() - 40, self.height() - 250))  # fits a 1024×600 screen too
        self.qr.setPixmap(QPixmap.fromImage(qimage.copy()).scaled(
            side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self.qr_caption.setText(_("PromptPay {amount} — wait for the customer's bank app to show paid")
                                .format(amount=self.due.format()))
        self.pages.setCurrentIndex(1)
        self._show_customer(qimage.copy())
        self.setFocus()  # Enter now confirms the PromptPay payment (keyPressEvent)

    def _show_customer(self, qr: QImage) -> None:
        screen = customer_screen()
        if screen is None:
            return
        if self.customer is None:
            self.customer = CustomerDisplay()
            self.destroyed.connect(self.customer.deleteLater)  # a top-level window: it goes with the till
        self.customer.show_qr(screen, qr, self.due, self.ctx.till.shop_name)

    def hideEvent(self, event: object) -> None:
        self.hide_customer()
        super().hideEvent(event)  # type: ignore[arg-type]

    def hide_customer(self) -> None:
        if self.customer is not None:
            self.customer.clear()

    def hide_promptpay(self) -> None:
        self.hide_customer()
        self.pages.setCurrentIndex(0)
        self.received.setFocus()

    def take_other(self, method: str) -> None:
        """PromptPay (after the seller saw it paid) or a bank transfer, for all that is still due (after any cash
        typed in the box, :meth:`_cash_first`)."""
        if method == "transfer" and not self._cash_first():
            return
        amount = self.due
        if amount <= ZERO:
            return
        self.payments.append(PaymentIn(method, amount))
        self.hide_customer()
        self.received.clear()
        self.pages.setCurrentIndex(0)
        self._after_payment()

    def _after_payment(self) -> None:
        self.message.clear()
        self.refresh()
        if self.due <= ZERO:
            self.ready.emit()
        else:
            self.say(_("Still to pay {amount}: take it in cash, PromptPay or transfer").format(
                amount=self.due.format()))
            self.received.setFocus()

    def pay_later(self) -> None:
        self.ready.emit()

    def cancel(self) -> None:
        self.payments = []
        self.hide_customer()
        self.pages.setCurrentIndex(0)
        self.cancelled.emit()
