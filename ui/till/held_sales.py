"""Hold, recall and cancel a sale, and the log-out question: the cart belongs to its seller."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QWidget

from pos_app.errors import PosError
from pos_app.people.users import Actor
from pos_app.selling.cart import CHANNELS, Cart
from pos_app.selling.tills import TillInfo
from pos_app.thai.dates import format_time
from resources.i18n import _
from ui.till import keys
from ui.till.asking import ask_text, modal
from ui.till.cart_view import CartView
from ui.till.choice import NumberedChoice, choose

if TYPE_CHECKING:
    from pos_app.selling.holds import HeldSummary


class HeldSales(QWidget):
    """The till page's hold, recall, cancel and log-out steps (a part of :class:`ui.till.page.TillPage`)."""

    cart: Cart
    actor: Actor
    till: TillInfo
    channel: QComboBox
    scan: QLineEdit
    cart_view: CartView
    say: Callable[..., None]
    show_customer: Callable[[], None]
    back_to_cart: Callable[[], None]
    refocus: Callable[[], None]


    def hold(self) -> None:
        from pos_app.selling import holds  # with its slips and the journal: at the first hold, not at start

        if self.cart.is_empty:
            return
        try:
            holds.hold(self.actor, self.till.id, self.cart, self.cart.customer_name)
        except PosError as err:
            self.say(err.message, error=True)
            return
        self.cart.clear()
        self.channel.setCurrentIndex(0)
        self.cart_view.refresh()
        self.say(_("Sale held: recall it with {key}").format(key=keys.RECALL))

    def recall(self) -> None:
        from pos_app.selling import holds

        held = holds.held(self.till.id, self.actor)
        if not held:
            self.say(_("No held sales"), error=True)
            return
        if not self.cart.is_empty:
            self.hold()
            held = holds.held(self.till.id, self.actor)
        chosen = choose(held_list(held, self))
        self.refocus()
        if chosen is None:
            return
        try:
            back = holds.recall(self.actor, self.till.id, chosen.uuid)
        except PosError as err:
            self.say(err.message, error=True)
            return
        self.replace_cart(back)

    def replace_cart(self, cart: Cart) -> None:
        self.cart.lines[:] = cart.lines
        self.cart.uuid, self.cart.discount, self.cart.tier = cart.uuid, cart.discount, cart.tier
        self.cart.set_channel(cart.channel, cart.customer_name, cart.customer_phone)
        self.channel.setCurrentIndex(CHANNELS.index(cart.channel))
        self.show_customer()
        self.cart_view.refresh()

    def cancel_sale(self, reason: str | None = None) -> bool:
        from pos_app.selling import holds

        if self.cart.is_empty:
            return True
        if reason is None:
            text, ok = ask_text(self, _("Cancel sale"), _("Why is this sale cancelled?"))
            self.refocus()
            if not ok:
                return False
            reason = text
        try:
            holds.cancel(self.actor, self.till.id, self.cart, reason)
        except PosError as err:
            self.say(err.message, error=True)
            return False
        self.cart.clear()
        self.channel.setCurrentIndex(0)
        self.back_to_cart()
        self.cart_view.refresh()
        self.say(_("Sale cancelled"))
        return True

    def before_logout(self) -> bool:
        """The cart belongs to its seller: hold it or cancel it before someone else logs in.  Returns
        whether the person may go (False: they chose to stay, or the hold or cancel failed)."""
        if self.cart.is_empty:
            return True
        box = logout_question(self)
        modal(box)
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is not None and clicked.objectName() == "logout_hold":
            self.hold()
            return self.cart.is_empty
        if clicked is not None and clicked.objectName() == "logout_cancel":
            return self.cancel_sale(_("Cancelled at log-out"))
        self.refocus()  # back to selling: the scan field has the cursor again
        return False


def logout_question(parent: QWidget) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Question, _("Open sale"),
                      _("There is an open sale. Hold it for later, or cancel it?"), parent=parent)
    box.setObjectName("logout_question")
    for name, text, role in (("logout_hold", _("Hold it"), QMessageBox.ButtonRole.AcceptRole),
                             ("logout_cancel", _("Cancel the sale"), QMessageBox.ButtonRole.DestructiveRole),
                             ("logout_stay", _("Stay"), QMessageBox.ButtonRole.RejectRole)):
        box.addButton(text, role).setObjectName(name)
    return box


def held_text(held: HeldSummary) -> str:
    """One held sale in the recall list (the list numbers it): time held, seller, total, the first items (and
    how many more), and the customer's name when one was given."""
    first = ", ".join(held.items[:2]) or _("Held sale")
    more = len(held.items) - 2
    if more > 0:
        first += " " + _("and {count} more").format(count=more)
    parts = [format_time(held.created_at), held.seller, held.total.format(), first]
    if held.label:
        parts.append(held.label)
    return "  ·  ".join(p for p in parts if p)


def held_list(held: list[HeldSummary], parent: QWidget | None = None) -> NumberedChoice[HeldSummary]:
    """Which held sale to recall (a :class:`ui.till.choice.NumberedChoice`); a row's tooltip lists all its items."""
    return NumberedChoice(held, [held_text(each) for each in held], name="held_list", title=_("Recall"),
                          question=_("Which held sale? (1–9, arrows and Enter, or tap it)"),
                          tips=["\n".join(each.items) for each in held], width=720, parent=parent)
