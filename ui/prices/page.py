"""The price screen (F10), for whoever may change prices: every item with its price in each tier (retail,
members, network groups); choose an item, a tier, type the new price (and for how many base units: 1 piece,
or 1,000 g for goods sold by the kilo), save.  The core checks the permission and records the change in the
audit log (old → new, who, when); the last changes are listed under it.  A sale already made keeps its
price; the till offers the new price from the next sale."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos_app.clock import BANGKOK
from pos_app.errors import InputError, PosError
from pos_app.money import Money
from pos_app.selling import prices
from pos_app.stock.units import parse_quantity, unit_name
from pos_app.thai.dates import format_date
from resources.i18n import _, language
from ui.shell.context import ShellContext
from ui.stock.widgets import TOUCH, button, fill, focus_first, message_label, say, table
from ui.till.cart_view import PER_KG


def _price(value: tuple[Money, int] | None, unit: str) -> str:
    if value is None:
        return "—"
    money, per = value
    if per == 1000 and unit == "g":
        return _(PER_KG).format(price=money.format())  # as the till's tile says it: "฿200.00 / กก."
    return money.format() if per == 1 else f"{money.format()} / {per:,} {unit_name(unit)}"


class PricesPage(QWidget):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("prices")
        self.ctx = ctx
        self.tiers: list[prices.Tier] = []
        self.rows: list[prices.ItemPrices] = []
        self.shown: list[prices.ItemPrices] = []
        self.search = QLineEdit()
        self.search.setObjectName("price_find")
        self.search.setPlaceholderText(_("Find an item by name or code"))
        self.search.textEdited.connect(lambda _t: self.show_rows())
        self.list = table("price_list", [_("Code"), _("Name")], 1)
        self.list.itemSelectionChanged.connect(self.chosen)
        self.tier = QComboBox()
        self.tier.setObjectName("price_tier")
        self.tier.currentIndexChanged.connect(lambda _i: self.chosen())
        self.price = QLineEdit()
        self.price.setObjectName("price_new")
        self.price.setPlaceholderText(_("New price (฿)"))
        self.price.returnPressed.connect(self.save)
        self.per = QLineEdit()
        self.per.setObjectName("price_per")
        self.now = QLabel("")
        self.now.setObjectName("price_now")
        save = button(self, _("Save price"), "price_save", "Ctrl+S")
        save.clicked.connect(self.save)
        for w in (self.tier, self.price, self.per):
            w.setMinimumHeight(TOUCH - 4)
        self.history = table("price_history", [_("When"), _("Who"), _("Item"), _("Price tier"), _("Old"), _("New")], 2)
        self.message = message_label("price_message")
        self.now.setText(_("Choose an item in the list"))
        edit = QHBoxLayout()
        edit.addWidget(self.tier, 2)
        edit.addWidget(self.price, 2)
        edit.addWidget(QLabel(_("for")))
        edit.addWidget(self.per, 1)
        edit.addWidget(save, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 3)
        layout.addWidget(self.now)
        layout.addLayout(edit)
        layout.addWidget(QLabel(_("Last price changes")))
        layout.addWidget(self.history, 2)
        layout.addWidget(self.message)
        self.load()

    def showEvent(self, event: QShowEvent) -> None:
        self.load()
        super().showEvent(event)

    def entered(self) -> None:
        focus_first(self)

    def tier_name(self, tier: prices.Tier) -> str:
        return tier.name_th if language() == "th" else tier.name_en

    def load(self) -> None:
        """Read the prices again; the item and tier chosen stay chosen."""
        was = self.selected()
        had_tier = self.tier.currentData()
        self.tiers, self.rows = prices.price_list()
        self.tier.blockSignals(True)
        self.tier.clear()
        for t in self.tiers:
            self.tier.addItem(self.tier_name(t), t.code)
        if had_tier is not None and self.tier.findData(had_tier) >= 0:
            self.tier.setCurrentIndex(self.tier.findData(had_tier))
        self.tier.blockSignals(False)
        self.list.setColumnCount(2 + len(self.tiers))
        self.list.setHorizontalHeaderLabels([_("Code"), _("Name"), *(self.tier_name(t) for t in self.tiers)])
        for column in range(2, 2 + len(self.tiers)):  # "฿200.00 / 1,000 ก." whole
            self.list.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.show_rows(was.item_id if was is not None else None)
        items = {r.sku: r for r in self.rows}
        tiers = {t.code: self.tier_name(t) for t in self.tiers}
        rows: list[tuple[str, ...]] = []
        for c in prices.recent_changes():
            at = c.at.astimezone(BANGKOK)
            unit = items[c.sku].unit if c.sku in items else ""
            old = None if c.old is None else (c.old, c.old_per or 1)
            rows.append((f"{format_date(at.date())} {at:%H:%M}", c.who,
                         f"{items[c.sku].name_th if c.sku in items else ''} ({c.sku})", tiers.get(c.tier, c.tier),
                         _price(old, unit), _price((c.new, c.new_per), unit)))
        fill(self.history, rows, {4, 5})
        self.chosen()  # the chosen item's price as it is now

    def show_rows(self, select: int | None = None) -> None:
        needle = self.search.text().strip().lower()
        self.shown = [r for r in self.rows if not needle or needle in f"{r.sku} {r.name_th}".lower()]
        fill(self.list, [(r.sku, r.name_th, *(_price(r.prices.get(t.code), r.unit) for t in self.tiers))
                         for r in self.shown], set(range(2, 2 + len(self.tiers))))
        for n, r in enumerate(self.shown):
            if r.item_id == select:
                self.list.selectRow(n)

    def selected(self) -> prices.ItemPrices | None:
        rows = self.list.selectionModel().selectedRows()
        return self.shown[rows[0].row()] if rows and rows[0].row() < len(self.shown) else None

    def chosen(self) -> None:
        """Show the chosen item's price in the chosen tier; the "for how many" starts at its own."""
        row = self.selected()
        if row is None or self.tier.currentData() is None:
            self.now.setText(_("Choose an item in the list"))
            return
        current = row.prices.get(str(self.tier.currentData()))
        self.now.setText(_("{item}: now {price} ({tier})").format(
            item=row.name_th, price=_price(current, row.unit), tier=self.tier.currentText()))
        self.per.setText(f"{current[1] if current else 1:,}")
        self.per.setToolTip(_("How many {unit} the price is for").format(unit=unit_name(row.unit)))
        self.price.setFocus()

    def save(self) -> None:
        row = self.selected()
        try:
            if row is None:
                raise InputError("Choose an item first")
            before = row.prices.get(str(self.tier.currentData()))
            price = Money.parse(self.price.text())
            per = parse_quantity(self.per.text())
            if per.denominator != 1:
                raise InputError("“{text}” is not a quantity", text=self.per.text())
            done = prices.change_price(self.ctx.actor, row.item_id, str(self.tier.currentData()), price,
                                       int(per), till_id=self.ctx.till.id)
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        old = _price(before, row.unit)
        say(self.message, _("{item} ({tier}): {old} → {new}").format(
            item=row.name_th, tier=self.tier.currentText(), old=old,
            new=_price((done.new, done.per_quantity), row.unit)))
        self.price.clear()
        self.load()
