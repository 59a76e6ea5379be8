"""The purchase screen: lines of items bought (quantity, cost, expiry, the supplier's lot), the supplier
chosen from the list or added on the spot, the day it was bought (a purchase entered late keeps its real
day) and where the money came from."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from db.models import Item, Supplier
from pos_app.clock import today
from pos_app.errors import PosError
from pos_app.money import Money
from pos_app.stock import items, purchases
from pos_app.stock.lots import default_expiry
from pos_app.stock.units import to_base, unit_name
from pos_app.thai.dates import format_date, parse_date
from resources.i18n import _
from ui.shell.context import ShellContext
from ui.stock.item_picker import ItemPicker
from ui.stock.widgets import button, fill, say, table


def next_supplier_code() -> str:
    n = Supplier.select().count() + 1
    while Supplier.select().where(Supplier.code == f"S{n:03d}").exists():
        n += 1
    return f"S{n:03d}"


class PurchaseTab(QWidget):
    def __init__(self, ctx: ShellContext, message: QLabel, changed: Callable[[], None], keys: QWidget) -> None:
        super().__init__()
        self.ctx, self.message, self.changed = ctx, message, changed
        self.shop_id = ctx.till.shop_id
        self.lines: list[purchases.BuyLine] = []
        self.typed: list[str] = []  # each line's quantity as typed, with its unit ("10 กิโลกรัม")
        self.buy_item = ItemPicker("buy_item")
        self.buy_qty = QLineEdit()
        self.buy_qty.setObjectName("buy_quantity")
        self.buy_qty.setPlaceholderText(_("How many (e.g. 2.5)"))
        self.buy_pack = QComboBox()
        self.buy_pack.setObjectName("buy_pack")
        self.buy_pack.setMinimumHeight(44)
        self.buy_pack.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # "กิโลกรัม (= 1,000 ก.)" whole
        self.buy_item.changed.connect(self.load_packs)
        self.load_packs()
        self.buy_cost = QLineEdit()
        self.buy_cost.setObjectName("buy_cost")
        self.buy_expiry = QLineEdit()
        self.buy_expiry.setObjectName("buy_expiry")
        self.buy_expiry.setPlaceholderText(_("dd/mm/yyyy (Buddhist Era), empty: from the shelf life"))
        self.buy_lot = QLineEdit()
        self.buy_lot.setObjectName("buy_supplier_lot")
        self.buy_cost.returnPressed.connect(self.add_line)
        add = button(keys, _("Add line"), "add_line", "F5")
        add.clicked.connect(self.add_line)
        drop = button(keys, _("Remove the chosen line"), "remove_purchase_line")
        drop.clicked.connect(self.remove_line)
        self.supplier = QComboBox()
        self.supplier.setObjectName("supplier")
        self.new_supplier = QLineEdit()
        self.new_supplier.setObjectName("new_supplier")
        self.new_supplier.setPlaceholderText(_("New supplier's name"))
        add_supplier = button(keys, _("Add supplier"), "add_supplier")
        add_supplier.clicked.connect(self.add_supplier)
        self.load_suppliers()
        self.day = QLineEdit(format_date(today()))
        self.day.setObjectName("buy_day")
        self.paid_from = QComboBox()
        self.paid_from.setObjectName("paid_from")
        for code, label in (("drawer", _("Cash from the drawer")), ("account", _("The group's account")),
                            ("credit", _("Not paid yet"))):
            self.paid_from.addItem(label, code)
        save = button(keys, _("Save purchase"), "save_purchase", "Ctrl+S")
        save.clicked.connect(self.save_purchase)
        for w in (self.supplier, self.paid_from):
            w.setMinimumHeight(44)
        form = QFormLayout()
        who = QHBoxLayout()
        who.addWidget(self.supplier, 2)
        who.addWidget(self.new_supplier, 2)
        who.addWidget(add_supplier, 1)
        form.addRow(_("Supplier"), who)
        form.addRow(_("Bought on"), self.day)
        form.addRow(_("Item"), self.buy_item)
        line = QHBoxLayout()
        line.addWidget(self.buy_qty)
        line.addWidget(self.buy_pack)
        line.addWidget(QLabel(_("Cost of the line (฿)")))
        line.addWidget(self.buy_cost)
        form.addRow(_("Quantity"), line)
        more = QHBoxLayout()
        more.addWidget(self.buy_expiry)
        more.addWidget(QLabel(_("Supplier's lot")))
        more.addWidget(self.buy_lot)
        form.addRow(_("Expires"), more)
        self.buy_lines = table("purchase_lines", [_("Item"), _("Quantity"), _("Cost"), _("Expires"),
                                                  _("Supplier's lot")])
        bottom = QHBoxLayout()
        bottom.addWidget(add)
        bottom.addWidget(drop)
        bottom.addWidget(self.paid_from)
        bottom.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buy_lines)
        layout.addLayout(bottom)

    def showEvent(self, event: QShowEvent) -> None:
        """Items or packs made on the items tab are offered at once."""
        self.buy_item.reload()
        self.load_packs()
        super().showEvent(event)

    def load_packs(self) -> None:
        """The units a line may be typed in: the item's base unit and its declared packs."""
        self.buy_pack.clear()
        if self.buy_item.current() is None:
            return
        item = Item.get_by_id(self.buy_item.current())
        self.buy_pack.addItem(unit_name(item.base_unit), "")
        for pack in items.packs_in_use(item.id):
            self.buy_pack.addItem(f"{pack.name_th} (= {int(pack.factor):,} {unit_name(item.base_unit)})",
                                  str(pack.name_en))

    def load_suppliers(self, select: int | None = None) -> None:
        self.supplier.clear()
        self.supplier.addItem(_("(no supplier named)"), None)
        for s in Supplier.select().order_by(Supplier.name):
            self.supplier.addItem(f"{s.name} ({s.code})", s.id)
        if select is not None:
            self.supplier.setCurrentIndex(self.supplier.findData(select))

    def add_supplier(self) -> None:
        try:
            new_id = purchases.add_supplier(self.ctx.actor, next_supplier_code(), self.new_supplier.text())
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        self.new_supplier.clear()
        self.load_suppliers(new_id)
        say(self.message, _("Supplier added"))

    def add_line(self) -> None:
        try:
            item_id = self.buy_item.item_id()
            qty = to_base(self.buy_qty.text(), item_id, self.buy_pack.currentData() or None)
            cost = Money.parse(self.buy_cost.text())
            expiry = parse_date(self.buy_expiry.text()) if self.buy_expiry.text().strip() else None
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        self.lines.append(purchases.BuyLine(item_id, qty, total=cost, expires_on=expiry,
                                            supplier_lot=self.buy_lot.text().strip()))
        self.typed.append(self._as_typed(item_id, qty))
        self.show_lines()
        for w in (self.buy_qty, self.buy_cost, self.buy_expiry, self.buy_lot):
            w.clear()
        say(self.message, _("Line added; add another or save the purchase"))
        self.buy_qty.setFocus()

    def _as_typed(self, item_id: int, qty: int) -> str:
        """The quantity in the unit it was typed in, and in the base unit when that was a pack: the line
        shows "10 ก." where "10 กิโลกรัม (10,000 ก.)" was meant, so the slip is seen before it is saved."""
        base = unit_name(str(Item.get_by_id(item_id).base_unit))
        if not self.buy_pack.currentData():
            return f"{qty:,} {base}"
        pack = self.buy_pack.currentText().split(" (=")[0]
        return f"{self.buy_qty.text().strip()} {pack} ({qty:,} {base})"

    def show_lines(self) -> None:
        names = {i.id: i.name_th for i in Item.select().where(Item.id.in_([ln.item_id for ln in self.lines]))}
        fill(self.buy_lines, [(names[ln.item_id], typed, (ln.total or Money()).format(), self._expiry(ln),
                               ln.supplier_lot or "—") for ln, typed in zip(self.lines, self.typed, strict=True)],
             {1, 2})

    def _expiry(self, line: purchases.BuyLine) -> str:
        """The date typed, or the one the item's shelf life gives from the day bought (as saving will)."""
        if line.expires_on is not None:
            return format_date(line.expires_on)
        try:
            day = parse_date(self.day.text())
        except PosError:
            day = today()
        shelf = default_expiry(line.item_id, day)
        return _("{date} (shelf life)").format(date=format_date(shelf)) if shelf else _("no expiry")

    def remove_line(self) -> None:
        rows = self.buy_lines.selectionModel().selectedRows()
        if not rows:
            say(self.message, _("Choose the line to remove first"), error=True)
            return
        del self.lines[rows[0].row()]
        del self.typed[rows[0].row()]
        self.show_lines()
        say(self.message, _("Line removed"))

    def save_purchase(self) -> None:
        if not self.lines:
            say(self.message, _("Add a line first (item, quantity, cost), then save"), error=True)
            return
        try:
            day = parse_date(self.day.text())
            supplier = self.supplier.currentData()
            done = purchases.record_purchase(self.ctx.actor, self.shop_id, self.lines,
                                             supplier_id=int(supplier) if supplier is not None else None,
                                             paid_from=str(self.paid_from.currentData()), day=day)
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        self.lines, self.typed = [], []
        self.show_lines()
        self.day.setText(format_date(today()))
        say(self.message, _("Purchase saved: {total}; lots {lots}").format(
            total=done.total.format(), lots=", ".join(lot.number for lot in done.lots)))
        self.changed()
