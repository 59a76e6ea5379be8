"""Discounts and paying: the payment panel in place of the cart, the sale saved, the change shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QWidget,
)

from pos_app.errors import PermissionDenied, PosError
from pos_app.people.permissions import Action
from pos_app.people.users import Actor
from pos_app.selling.cart import Cart, parse_discount
from pos_app.selling.payments import NeedsConfirmation
from pos_app.selling.tills import TillInfo
from pos_app.trust.retry import write_transaction
from resources.i18n import _
from ui.shell.context import ShellContext
from ui.till.asking import ask_text, ask_yes_no
from ui.till.cart_view import CartView
from ui.till.payment import PaymentPanel
from ui.till.stock_view import TillStock

if TYPE_CHECKING:
    from pos_app.selling.sales import SaleResult


class Paying(QWidget):
    """The till page's discount and payment steps (a part of :class:`ui.till.page.TillPage`)."""

    ctx: ShellContext
    cart: Cart
    actor: Actor
    till: TillInfo
    channel: QComboBox
    scan: QLineEdit
    cart_view: CartView
    right: QStackedWidget
    payment: PaymentPanel
    stock: TillStock
    change: QLabel
    last_result: SaleResult | None
    say: Callable[..., None]
    refresh_today: Callable[[], None]
    refocus: Callable[[], None]


    # -- discounts ----------------------------------------------------------------------------------
    def discount_line(self, row: int) -> None:
        self.ask_discount(row)

    def discount_sale(self) -> None:
        self.ask_discount(None)

    def ask_discount(self, row: int | None) -> None:
        if self.cart.is_empty:
            return
        what = self.cart.lines[row].item.name if row is not None else _("the whole sale")
        text, ok = ask_text(self, _("Discount"), _("Discount on {what}: an amount (5) or a percent "
                                                                "(10%)").format(what=what))
        self.refocus()
        if not ok or not text.strip():
            return
        try:
            base = self.cart.lines[row].amount if row is not None else self.cart.subtotal + self.cart.discount
            amount = parse_discount(text, base)
            if row is None:
                self.cart.set_discount(amount)
            else:
                self.cart.set_line_discount(row, amount)
        except PosError as err:
            self.say(err.message, error=True)
            return
        self.cart_view.refresh(select=row)

    # -- paying -------------------------------------------------------------------------------------
    def start_payment(self) -> None:
        if self.cart.is_empty:
            self.say(_("The sale has no items"), error=True)
            return
        self.right.setCurrentWidget(self.payment)
        self.payment.start()

    def back_to_cart(self) -> None:
        self.right.setCurrentIndex(0)
        self.refocus()

    def escape(self) -> None:
        if self.right.currentWidget() is self.payment:
            if self.payment.pages.currentIndex() == 1:
                self.payment.hide_promptpay()
            else:
                self.payment.cancel()

    def finish_sale(self, approved_by: Actor | None = None, confirmed_large: bool = False) -> None:
        from pos_app.selling import sales  # the selling core (~40 ms to import): at the first sale, not at start

        payments = list(self.payment.payments)
        try:
            result = write_transaction(lambda: sales.commit_sale(
                self.actor, self.till.id, self.cart, payments=payments, approved_by=approved_by,
                confirmed_large=confirmed_large))
        except NeedsConfirmation as ask:
            if ask_yes_no(self, _("Check the cash"), ask.message, _("Yes, the cash is right"),
                          _("No, enter it again")):
                self.finish_sale(approved_by, confirmed_large=True)
            else:
                self.not_saved("")
            return
        except PermissionDenied as err:
            manager = self.ask_manager(Action.DISCOUNT_OVER_LIMIT, err.message)
            if manager is not None:
                self.finish_sale(manager, confirmed_large)
            else:  # "to pay ฿0.00" stayed on screen as if the sale were done
                self.not_saved(err.message)
            return
        except PosError as err:  # the cart is kept; nothing was saved
            self.payment.say(err.message)
            QApplication.beep()
            return
        self.last_result = result
        self.cart.clear()
        self.channel.setCurrentIndex(0)
        self.back_to_cart()
        self.cart_view.refresh()
        self.change.setText(_("Change {amount}").format(amount=result.change.format()) if result.change else "")
        self.say(" ".join(t for t in (_("Receipt no. {number} saved").format(number=result.number),
                                      self.stock.after_sale(result)) if t), error=bool(result.shortfalls))
        self.refresh_today()

    def not_saved(self, why: str) -> None:
        """The sale was not saved (the seller or a manager said no): the money taken so far is asked again,
        with why, and the cursor is back in the cash box."""
        self.payment.payments = []
        self.payment.refresh()
        self.payment.say(" ".join(t for t in (_("Not saved."), why) if t))
        self.payment.received.setFocus()

    def ask_manager(self, action: Action, reason: str) -> Actor | None:
        from ui.till.approval import ask_manager

        manager: Actor | None = ask_manager(self, self.ctx, action, reason)
        return manager
