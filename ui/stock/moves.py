"""Stocktake (a count sheet of every lot in the shop → count movements with a reason) and transfers to
another group at an agreed price, as one tab of the stock screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.models import Item, Shop
from pos_app.errors import InputError, PosError
from pos_app.money import Money
from pos_app.stock import adjustments, transfers, views
from pos_app.stock.units import parse_quantity, to_base, unit_name
from pos_app.thai.dates import format_date
from resources.i18n import _
from ui.shell.context import ShellContext
from ui.stock.purchase_tab import item_choices
from ui.stock.widgets import button, fill, say, table


class MovesTab(QWidget):
    def __init__(self, ctx: ShellContext, message: QLabel, changed: Callable[[], None], keys: QWidget) -> None:
        """``keys``: the page whose shortcuts these buttons answer (so they work wherever the focus is on it)."""
        super().__init__()
        self.ctx, self.message, self.changed = ctx, message, changed
        self.shop_id = ctx.till.shop_id
        self.sheet_rows: list[views.LotOnHand] = []
        self.sheet = table("count_sheet", [_("Item"), _("Lot"), _("Expires"), _("In the books"), _("Counted")])
        self.count_reason = QLineEdit()
        self.count_reason.setObjectName("count_reason")
        self.count_reason.setPlaceholderText(_("Reason (monthly stocktake …)"))
        load = button(keys, _("New count sheet"), "new_count", "F11")
        load.clicked.connect(self.load_sheet)
        save = button(keys, _("Save count"), "save_count", "F12")
        save.clicked.connect(self.save_count)
        count_row = QHBoxLayout()
        for w in (load, self.count_reason, save):
            count_row.addWidget(w)

        self.give_item = QComboBox()
        self.give_item.setObjectName("give_item")
        item_choices(self.give_item)
        self.give_item.currentIndexChanged.connect(lambda _i: self.show_unit())
        self.give_to = QComboBox()
        self.give_to.setObjectName("give_to")
        mine = Shop.get_by_id(self.shop_id).group_id
        for shop in Shop.select().where(Shop.group != mine).order_by(Shop.code):
            self.give_to.addItem(shop.name_th, shop.id)
        self.give_qty = QLineEdit()
        self.give_qty.setObjectName("give_quantity")
        self.give_price = QLineEdit()
        self.give_price.setObjectName("give_price")
        self.give_price.setPlaceholderText(_("Agreed price for all (฿)"))
        for w in (self.give_qty, self.give_price):
            w.setMinimumWidth(120)
        self.show_unit()
        give = button(keys, _("Transfer"), "save_transfer", "Ctrl+T")
        give.clicked.connect(self.transfer)
        form = QHBoxLayout()  # one line: the count sheet above keeps the room on a 600-px screen
        form.addWidget(self.give_item, 3)
        form.addWidget(QLabel(_("To the group's shop")))
        form.addWidget(self.give_to, 2)
        form.addWidget(self.give_qty, 1)
        form.addWidget(self.give_price, 1)
        form.addWidget(give)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Stocktake")))
        layout.addLayout(count_row)
        layout.addWidget(self.sheet, 2)
        layout.addWidget(QLabel(_("Transfer to another group (a sale for us, a purchase for them)")))
        layout.addLayout(form)

    def showEvent(self, event: QShowEvent) -> None:
        """Items made on the items tab are offered at once."""
        item_choices(self.give_item)
        super().showEvent(event)

    def show_unit(self) -> None:
        if self.give_item.currentData() is not None:
            unit = unit_name(str(Item.get_by_id(int(self.give_item.currentData())).base_unit))
            self.give_qty.setPlaceholderText(_("Quantity ({unit})").format(unit=unit))

    def load_sheet(self) -> None:
        self.sheet_rows = [r for r in views.on_hand_by_lot(self.shop_id) if r.quantity != 0]
        fill(self.sheet, [(r.name, r.lot, format_date(r.expires_on) if r.expires_on else "—",
                           f"{r.quantity:,} {unit_name(r.unit)}", "")
                          for r in self.sheet_rows], {3})
        for n, r in enumerate(self.sheet_rows):
            # editable: what was found (a lot the books show below zero cannot be found below zero)
            self.sheet.setItem(n, 4, QTableWidgetItem(str(max(r.quantity, 0))))

    def save_count(self) -> None:
        if not self.sheet_rows:
            say(self.message, _("Make a count sheet first"), error=True)
            return
        try:
            counted = []
            for n, r in enumerate(self.sheet_rows):
                cell = self.sheet.item(n, 4)
                found = parse_quantity(cell.text() if cell is not None else "")
                if found.denominator != 1:
                    raise InputError("“{text}” is not a quantity", text=cell.text() if cell else "")
                counted.append(adjustments.Counted(r.lot_id, int(found)))
            done = adjustments.record_count(self.ctx.actor, self.shop_id, counted, self.count_reason.text())
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        say(self.message, _("Count saved: {n} lots changed, value {value}").format(
            n=len(done.picks), value=done.value.format()))
        self.sheet_rows = []
        fill(self.sheet, [])
        self.changed()

    def transfer(self) -> None:
        if self.give_to.currentData() is None:
            say(self.message, _("There is no shop of another group"), error=True)
            return
        item_id = int(self.give_item.currentData())
        try:
            qty = to_base(self.give_qty.text(), item_id)
            price = Money.parse(self.give_price.text())
            done = transfers.transfer(self.ctx.actor, self.shop_id, int(self.give_to.currentData()),
                                      [transfers.GiveLine(item_id, qty, price)])
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        say(self.message, _("Transferred for {amount} (our cost {cost}); their lots: {lots}").format(
            amount=done.amount.format(), cost=done.cost.format(), lots=", ".join(t for _f, t, _q in done.lots)))
        self.give_qty.clear()
        self.give_price.clear()
        self.changed()
