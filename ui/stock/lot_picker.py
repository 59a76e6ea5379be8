"""Choosing a lot for a report: the item, then one of its lots (newest first, sold-out ones too, each with its
day, expiry and what this shop holds), or the lot's number typed or scanned from its label (Enter) — which
chooses the item and the lot in the lists."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from db.models import Item
from pos_app.errors import InputError, PosError
from pos_app.stock import views
from pos_app.stock.lots import lot_by_label
from pos_app.stock.units import unit_name
from pos_app.thai.dates import format_date
from resources.i18n import _
from ui.stock.purchase_tab import item_choices
from ui.stock.widgets import TOUCH


class LotPicker(QWidget):
    failed = Signal(str)  # a number typed that names no lot: the message to show

    def __init__(self, shop_id: int, name: str = "lot") -> None:
        super().__init__()
        self.shop_id = shop_id
        self.item = QComboBox()
        self.item.setObjectName(f"{name}_item")
        self.lot = QComboBox()
        self.lot.setObjectName(f"{name}_choice")
        self.number = QLineEdit()
        self.number.setObjectName(f"{name}_number")
        self.number.setPlaceholderText(_("or scan / type the lot number, Enter"))
        for w in (self.item, self.lot, self.number):
            w.setMinimumHeight(TOUCH - 4)
        item_choices(self.item)
        self.item.currentIndexChanged.connect(lambda _i: self.load_lots())
        self.number.returnPressed.connect(self.find_number)
        for box in (self.item, self.lot):  # long names and lot lines must not squeeze the number field out
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(16)
        self.number.setMinimumWidth(220)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.item, 2)
        row.addWidget(self.lot, 3)
        row.addWidget(self.number, 2)
        self.load_lots()

    def reload(self) -> None:
        """Items and lots made since (a purchase, a batch) are offered; the lot chosen stays chosen."""
        chosen = self.lot.currentData()
        item_choices(self.item)
        self.load_lots()
        if chosen is not None and self.lot.findData(chosen) >= 0:
            self.lot.setCurrentIndex(self.lot.findData(chosen))

    def load_lots(self) -> None:
        self.lot.clear()
        if self.item.currentData() is None:
            return
        item_id = int(self.item.currentData())
        unit = unit_name(str(Item.get_by_id(item_id).base_unit))
        choices = views.lots_of(item_id, self.shop_id)
        if not choices:
            self.lot.addItem(_("(no lots yet)"), None)
        for c in choices:
            expiry = (_("expires {date}").format(date=format_date(c.expires_on)) if c.expires_on
                      else _("no expiry"))
            self.lot.addItem(_("{lot} · {day} · {expiry} · here {qty}").format(
                lot=c.number, day=format_date(c.made_on), expiry=expiry, qty=f"{c.on_hand:,} {unit}"), c.lot_id)

    def find_number(self) -> None:
        try:
            found = lot_by_label(self.number.text())
        except PosError as err:
            self.failed.emit(err.message)
            return
        self.item.setCurrentIndex(self.item.findData(found.item_id))
        if self.lot.findData(found.id) < 0:  # an item no longer in use: offer it for this lot anyway
            self.item.addItem(str(found.item.name_th), found.item_id)
            self.item.setCurrentIndex(self.item.count() - 1)
        self.lot.setCurrentIndex(self.lot.findData(found.id))
        self.number.clear()

    def item_id(self) -> int:
        if self.item.currentData() is None:
            raise InputError("Choose an item first")
        return int(self.item.currentData())

    def lot_id(self) -> int:
        if self.lot.currentData() is None:
            raise InputError("Choose a lot first (from the list, or scan its label)")
        return int(self.lot.currentData())
