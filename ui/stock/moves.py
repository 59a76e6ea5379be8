"""Stocktake (a count sheet of every lot in the shop → count movements with a reason) and transfers between
groups at an agreed price — given to another group's shop, or received from it (the receiving group's lead
records what she took, from the giver's lots first-expiry-first-out or the lot she names) — as one tab of
the stock screen."""

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
from pos_app.clock import today
from pos_app.errors import InputError, PosError
from pos_app.money import Money
from pos_app.stock import adjustments, transfers, views
from pos_app.stock.lots import is_expired
from pos_app.stock.picking import fefo_rows
from pos_app.stock.units import parse_quantity, to_base, unit_name
from pos_app.thai.dates import format_date
from resources.i18n import _
from ui.shell.context import ShellContext
from ui.stock.item_index import lots_matching
from ui.stock.item_picker import ItemPicker
from ui.stock.widgets import TOUCH, button, fill, say, table, touch_list


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
        self.count_find = QLineEdit()
        self.count_find.setObjectName("count_find")
        self.count_find.setPlaceholderText(_("Count only: item name or code (empty: every lot)"))
        self.count_find.returnPressed.connect(self.load_sheet)
        load = button(keys, _("New count sheet"), "new_count", "F11")
        load.clicked.connect(self.load_sheet)
        save = button(keys, _("Save count"), "save_count", "F12")
        save.clicked.connect(self.save_count)
        count_row = QHBoxLayout()
        for w in (self.count_find, load, self.count_reason, save):
            count_row.addWidget(w)

        self.direction = touch_list(QComboBox())
        self.direction.setObjectName("transfer_direction")
        self.direction.addItem(_("We give to"), "give")
        self.direction.addItem(_("We received from"), "receive")
        self.other = touch_list(QComboBox())  # the other group's shop
        self.other.setObjectName("give_to")
        mine = Shop.get_by_id(self.shop_id).group_id
        for shop in Shop.select().where(Shop.group != mine).order_by(Shop.code):
            self.other.addItem(shop.name_th, shop.id)
        self.give_item = ItemPicker("give_item")
        self.give_lot = touch_list(QComboBox())
        self.give_lot.setObjectName("give_lot")
        self.give_lot.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.give_lot.setMinimumContentsLength(20)
        self.give_qty = QLineEdit()
        self.give_qty.setObjectName("give_quantity")
        self.give_price = QLineEdit()
        self.give_price.setObjectName("give_price")
        self.give_price.setPlaceholderText(_("Agreed price for all (฿)"))
        for field in (self.give_qty, self.give_price):
            field.setMinimumHeight(TOUCH)
        for w in (self.give_qty, self.give_price):
            w.setMinimumWidth(120)
        self.direction.currentIndexChanged.connect(lambda _i: self.load_lots())
        self.other.currentIndexChanged.connect(lambda _i: self.load_lots())
        self.give_item.changed.connect(self.load_lots)
        self.load_lots()
        give = button(keys, _("Transfer"), "save_transfer", "Ctrl+T")
        give.clicked.connect(self.transfer)
        who = QHBoxLayout()  # two lines: the count sheet above keeps the room on a 600-px screen
        who.addWidget(self.direction, 1)
        who.addWidget(self.other, 2)
        who.addWidget(self.give_item, 5)
        what = QHBoxLayout()
        what.addWidget(QLabel(_("From the giver's lot")))
        what.addWidget(self.give_lot, 3)
        what.addWidget(self.give_qty, 1)
        what.addWidget(self.give_price, 1)
        what.addWidget(give)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Stocktake")))
        layout.addLayout(count_row)
        layout.addWidget(self.sheet, 2)
        layout.addWidget(QLabel(_("Transfer between groups at an agreed price (a sale for the group that gives, "
                                  "a purchase for the group that receives)")))
        layout.addLayout(who)
        layout.addLayout(what)

    def showEvent(self, event: QShowEvent) -> None:
        """Items made on the items tab are offered at once."""
        self.give_item.reload()
        self.load_lots()
        super().showEvent(event)

    def giver_and_taker(self) -> tuple[int | None, int | None]:
        """(the shop that gives, the shop that receives): this one and the other group's, either way."""
        other = self.other.currentData()
        if self.direction.currentData() == "give":
            return self.shop_id, other
        return other, self.shop_id

    def load_lots(self) -> None:
        """The giver's lots of the item that hold stock, first-expiry-first-out; the first choice leaves the
        picking to the books (FEFO), another names the lot.  The quantity says its unit."""
        self.give_lot.clear()
        self.give_lot.addItem(_("First expiry, first out"), None)
        item_id, (giver, _taker) = self.give_item.current(), self.giver_and_taker()
        if item_id is None:
            return
        unit = unit_name(str(Item.get_by_id(item_id).base_unit))
        self.give_qty.setPlaceholderText(_("Quantity ({unit})").format(unit=unit))
        if giver is None:
            return
        day = today()
        for lot, held in fefo_rows([item_id], int(giver), day, lock=False)[item_id]:
            if lot.expires_on is None:
                expiry = _("no expiry")
            else:  # an expired lot is shown so, and first-expiry-first-out skips it
                said = _("expired {date}") if is_expired(lot, day) else _("expires {date}")
                expiry = said.format(date=format_date(lot.expires_on))
            self.give_lot.addItem(f"{lot.number} · {expiry} · {held:,} {unit}", int(lot.id))

    def load_sheet(self) -> None:
        self.sheet_rows = lots_matching([r for r in views.on_hand_by_lot(self.shop_id) if r.quantity != 0],
                                        self.count_find.text())
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
        giver, taker = self.giver_and_taker()
        if giver is None or taker is None:
            say(self.message, _("There is no shop of another group"), error=True)
            return
        try:
            item_id = self.give_item.item_id()
            qty = to_base(self.give_qty.text(), item_id)
            price = Money.parse(self.give_price.text())
            lot = self.give_lot.currentData()
            done = transfers.transfer(self.ctx.actor, int(giver), int(taker),
                                      [transfers.GiveLine(item_id, qty, price, None if lot is None else int(lot))])
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        if self.direction.currentData() == "give":
            said = _("Transferred for {amount} (our cost {cost}); their lots: {lots}")
        else:
            said = _("Received for {amount} (their cost {cost}); our new lots: {lots}")
        say(self.message, said.format(amount=done.amount.format(), cost=done.cost.format(),
                                      lots=", ".join(t for _f, t, _q in done.lots)))
        self.give_qty.clear()
        self.give_price.clear()
        self.load_lots()
        self.changed()
