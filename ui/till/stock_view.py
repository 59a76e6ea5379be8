"""Stock at the till, as the seller sees it: on-hand on the product tiles, the pick list and each cart line;
a warning (policy ``warn``) or a refusal (policy ``block``) when a line would sell past it; a scanned lot
label sells from that lot; an expired lot only after a manager's PIN.  Every answer is the core's
(:mod:`pos_app.selling.stock_at_till`); this only asks and shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt

from pos_app.events import Event, StockChanged
from pos_app.people.permissions import Action
from pos_app.people.users import Actor
from pos_app.selling import catalog
from pos_app.selling.cart import Cart, CartLine
from pos_app.selling.catalog import ItemView
from pos_app.selling.stock_at_till import check_add, lot_on_hand, read_lot_label, shop_on_hand
from pos_app.thai.dates import format_date
from pos_app.thai.keyboard import as_us_keys
from resources.i18n import N_, _
from ui.shell.context import ShellContext

if TYPE_CHECKING:
    from pos_app.selling.sales import SaleResult

UNIT = {"piece": N_("pcs"), "g": N_("g"), "ml": N_("ml")}


class TillStock(QObject):
    """One per till page.  ``say(text, is_error)`` shows a message; ``ask_manager(action, reason)`` asks for a
    manager's PIN (the till's dialog) and gives the approving person or ``None``."""

    def __init__(self, ctx: ShellContext, cart: Cart, say: Callable[[str, bool], None],
                 ask_manager: Callable[[Action, str], Actor | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.cart, self.say, self.ask_manager = ctx, cart, say, ask_manager
        self.shop_id = ctx.till.shop_id
        self.on_hand: dict[int, int] = {}
        self.warning = ""  # the last "past on-hand" warning, until the page takes it
        self.listeners: list[Callable[[], None]] = []  # called when on-hand was read again
        self.reload()
        ctx.bridge.happened.connect(self._on_event, Qt.ConnectionType.QueuedConnection)

    # -- reading --------------------------------------------------------------------------------------
    def reload(self) -> None:
        self.on_hand = shop_on_hand(self.shop_id)
        for listener in self.listeners:
            listener()

    def _on_event(self, event: Event) -> None:
        if isinstance(event, StockChanged) and event.shop_id == self.shop_id:
            self.reload()

    def line_text(self, line: CartLine) -> str:
        """What the cart shows under a line's name: the lot (if scanned) and what the books hold."""
        unit = _(UNIT.get(line.item.base_unit, ""))
        if line.lot:
            held = lot_on_hand(line.lot, self.shop_id)
            text = _("Lot {lot} · in stock {quantity} {unit}").format(lot=line.lot, quantity=f"{held:,}", unit=unit)
            if line.expired_ok_by is not None:
                text += " · " + _("expired, allowed by {name}").format(name=line.expired_ok_by.display_name)
            return text
        held = self.on_hand.get(line.item.id, 0)
        return _("In stock {quantity} {unit}").format(quantity=f"{held:,}", unit=unit)

    def short(self, line: CartLine) -> bool:
        wanted = sum(x.quantity for x in self.cart.lines if x.item.id == line.item.id)
        return wanted > self.on_hand.get(line.item.id, 0)

    # -- asking -----------------------------------------------------------------------------------------
    def admit(self, item: ItemView, quantity: int, lot: str = "") -> bool:
        """May ``quantity`` more go into the cart?  Under ``block`` a shortfall is refused (said, False);
        under ``warn`` it is said and allowed."""
        answer = check_add(self.shop_id, self.cart, item.id, quantity, lot)
        if answer.short_by <= 0:
            return True
        unit = _(UNIT.get(item.base_unit, ""))
        if answer.blocked:
            self.say(_("Only {on_hand} {unit} of {name} in stock: not added (this shop does not sell past stock)")
                     .format(on_hand=f"{answer.on_hand:,}", unit=unit, name=item.name), True)
            return False
        self.warning = _("Warning: only {on_hand} {unit} of {name} in stock; the cart has {wanted}. "
                         "Sell it if the goods are here, and tell the production lead").format(
            on_hand=f"{answer.on_hand:,}", unit=unit, name=item.name, wanted=f"{answer.in_cart:,}")
        self.say(self.warning, True)
        return True

    def take_warning(self) -> str:
        warning, self.warning = self.warning, ""
        return warning

    def on_lot_label(self, code: str, add: Callable[..., None]) -> bool:
        """If ``code`` is a lot label, deal with it (``add(view, None, lot, approver)`` when it may be sold)
        and say True; False when it is no lot label (then it is a barcode or a name)."""
        if read_lot_label(code) is None:
            typed = as_us_keys(code)  # scanned with the Thai layout on: ษฤญณข/ถุตๅๅ/ภขจจๅ is KAPI-25691124-001
            if typed is None or read_lot_label(typed) is None:
                return False
            code = typed
        found = self.lot_scan(code)
        if found is not None:
            view, lot, approver = found
            add(view, None, lot, approver)
        return True

    def lot_scan(self, code: str) -> tuple[ItemView, str, Actor | None] | None:
        """A scanned lot label: the item, the lot number and who allowed an expired lot.  ``None`` when the
        code is no lot label, or the lot may not be sold (then it is said)."""
        label = read_lot_label(code)
        if label is None:
            return None
        view = catalog.by_id(label.item_id, self.cart.tier)
        if view is None:
            self.say(_("Lot {lot} is not of a product sold at the till").format(lot=label.number), True)
            return None
        approver: Actor | None = None
        if label.expired:
            reason = _("Lot {lot} of {name} expired on {date}").format(
                lot=label.number, name=view.name, date=format_date(label.expires_on) if label.expires_on else "")
            approver = self.ask_manager(Action.SELL_EXPIRED, reason)
            if approver is None:
                self.say(reason + " — " + _("not added"), True)
                return None
        return view, label.number, approver

    def after_sale(self, result: SaleResult) -> str:
        """What to tell the seller when a sale went past the books (policy ``warn``)."""
        if not result.shortfalls:
            return ""
        names = []
        for short in result.shortfalls:
            view = catalog.by_id(short.item_id, self.cart.tier)
            names.append(f"{view.name if view else short.item_id} ({short.short_by:,})")
        return _("Sold more than the books show: {items}. Please tell the production lead to count them"
                 ).format(items=", ".join(names))


def attach_stock(page: Any) -> TillStock:
    """Give a till page its stock answers: the tiles' and cart lines' on-hand, the checks on + and a typed
    quantity, and the scanner's prefix/suffix from the settings."""
    stock = TillStock(page.ctx, page.cart, lambda text, error: page.say(text, error=error),
                      lambda action, reason: page.ask_manager(action, reason), page)
    view = page.cart_view
    view.line_note = stock.line_text
    view.line_short = stock.short
    view.admit_more = lambda line, more: stock.admit(line.item, more, line.lot)

    def show() -> None:
        page.picker.set_on_hand(stock.on_hand, missing_is_zero=True)
        view.refresh(select=view.current_row())

    stock.listeners.append(show)
    page.picker.set_on_hand(stock.on_hand, missing_is_zero=True)
    page.catcher.follow_settings(page.ctx)
    return stock
