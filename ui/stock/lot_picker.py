"""Choosing a lot for a report: the item, then one of its lots (newest first, sold-out ones too, each with its
day, expiry and what this shop holds), or the lot's number typed or scanned from its label (Enter) — which
chooses the item and the lot in the lists."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from db.models import Item
from pos_app.errors import InputError, PosError
from pos_app.stock import views
from pos_app.stock.lots import lot_by_label
from pos_app.stock.units import unit_name
from pos_app.thai.dates import format_date
from resources.i18n import _
from ui.stock.item_picker import ItemPicker
from ui.stock.widgets import TOUCH, touch_list


class LotPicker(QWidget):
    failed = Signal(str)  # a number typed that names no lot: the message to show

    def __init__(self, shop_id: int, name: str = "lot") -> None:
        super().__init__()
        self.shop_id = shop_id
        self.item = ItemPicker(f"{name}_item")
        self.lot = touch_list(QComboBox())
        self.lot.setObjectName(f"{name}_choice")
        self.number = QLineEdit()
        self.number.setObjectName(f"{name}_number")
        self.number.setPlaceholderText(_("or scan / type the lot number, Enter"))
        self.number.setMinimumHeight(TOUCH)
        self.item.changed.connect(self.load_lots)
        self.number.returnPressed.connect(self.find_number)
        # a long lot line must not squeeze the number field out
        self.lot.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.lot.setMinimumContentsLength(16)
        self.number.setMinimumWidth(220)
        rows = QVBoxLayout(self)  # the item picker's search and list on a line of their own (1024 px)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addWidget(self.item)
        row = QHBoxLayout()
        row.addWidget(self.lot, 3)
        row.addWidget(self.number, 2)
        rows.addLayout(row)
        self.load_lots()

    def reload(self) -> None:
        """Items and lots made since (a purchase, a batch) are offered; the lot chosen stays chosen."""
        chosen = self.lot.currentData()
        self.item.reload()
        self.load_lots()
        if chosen is not None and self.lot.findData(chosen) >= 0:
            self.lot.setCurrentIndex(self.lot.findData(chosen))

    def load_lots(self) -> None:
        self.lot.clear()
        item_id = self.item.current()
        if item_id is None:
            return
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
        self.item.choose(found.item_id)  # an item no longer in use too
        self.lot.setCurrentIndex(self.lot.findData(found.id))
        self.number.clear()

    def item_id(self) -> int:
        return self.item.item_id()

    def lot_id(self) -> int:
        if self.lot.currentData() is None:
            raise InputError("Choose a lot first (from the list, or scan its label)")
        return int(self.lot.currentData())
