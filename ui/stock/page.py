"""The production lead's stock screen: on hand per item and lot (expiry, value), expiring soon and low
stock, the stock card of a lot with its running balance, the recall list as PDF, purchases, write-offs."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.models import Item
from pos_app.clock import today
from pos_app.errors import PosError
from pos_app.money import Money
from pos_app.stock import adjustments, purchases, reports, views
from pos_app.stock.units import to_base
from pos_app.thai.dates import format_date, parse_date
from resources.i18n import _
from ui.shell.context import ShellContext
from ui.stock.moves import MovesTab
from ui.stock.widgets import button, fill, message_label, save_report, say, table

EXPIRING_DAYS = 14


class StockPage(QWidget):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stock")
        self.ctx = ctx
        self.shop_id = ctx.till.shop_id
        self.lots: list[views.LotOnHand] = []
        self.tabs = QTabWidget()
        self.tabs.setObjectName("stock_tabs")
        self.tabs.addTab(self._on_hand_tab(), _("On hand"))
        self.tabs.addTab(self._purchase_tab(), _("Purchase"))
        self.message = message_label("stock_message")
        self.tabs.addTab(MovesTab(ctx, self.message, self.refresh, self), _("Count and transfer"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        self.lines: list[purchases.BuyLine] = []
        self.refresh()

    # -- on hand, stock card, recall ------------------------------------------------------------------
    def _on_hand_tab(self) -> QWidget:
        page = QWidget()
        self.search = QLineEdit()
        self.search.setObjectName("stock_search")
        self.search.setPlaceholderText(_("Find an item or lot"))
        self.search.textEdited.connect(lambda _t: self.show_lots())
        self.on_hand = table("on_hand", [_("Item"), _("Lot"), _("Expires"), _("On hand"), _("Value (baht)")])
        self.on_hand.itemSelectionChanged.connect(self.show_card)
        self.card = table("stock_card", [_("Date"), _("What"), _("Quantity"), _("Balance"), _("Balance value")], 1)
        self.alerts = QLabel("")
        self.alerts.setObjectName("alerts")
        self.alerts.setWordWrap(True)
        recall = button(self, _("Recall list PDF"), "recall_pdf", "F6")
        recall.clicked.connect(self.recall_pdf)
        self.waste_qty = QLineEdit()
        self.waste_qty.setObjectName("waste_quantity")
        self.waste_qty.setPlaceholderText(_("Quantity"))
        self.waste_reason = QLineEdit()
        self.waste_reason.setObjectName("waste_reason")
        self.waste_reason.setPlaceholderText(_("Reason (spoilt, broken, lost …)"))
        waste = button(self, _("Write off"), "write_off", "Ctrl+D")
        waste.clicked.connect(self.write_off)
        row = QHBoxLayout()
        for w in (recall, self.waste_qty, self.waste_reason, waste):
            row.addWidget(w)
        layout = QVBoxLayout(page)
        layout.addWidget(self.search)
        layout.addWidget(self.alerts)
        layout.addWidget(self.on_hand, 3)
        layout.addLayout(row)
        layout.addWidget(QLabel(_("Stock card of the lot (newest first)")))
        layout.addWidget(self.card, 2)
        return page

    def refresh(self) -> None:
        self.lots = views.on_hand_by_lot(self.shop_id)
        self.show_lots()
        soon = views.expiring(self.shop_id, today(), EXPIRING_DAYS)
        low = views.low_stock(self.shop_id)
        parts = []
        if soon:
            parts.append(_("Expiring within {days} days: {lots}").format(
                days=EXPIRING_DAYS, lots=", ".join(f"{r.name} {r.lot} ({format_date(r.expires_on)})"
                                                   for r in soon if r.expires_on)))
        if low:
            parts.append(_("Low stock: {items}").format(items=", ".join(f"{n} ({q})" for _i, n, q, _l in low)))
        self.alerts.setText("\n".join(parts))

    def show_lots(self) -> None:
        needle = self.search.text().strip().lower()
        shown = [r for r in self.lots if not needle or needle in f"{r.name} {r.sku} {r.lot}".lower()]
        self._shown = shown
        fill(self.on_hand, [(f"{r.name} ({r.sku})", r.lot, format_date(r.expires_on) if r.expires_on else "—",
                             f"{r.quantity:,} {r.unit}", r.value.format(symbol=False)) for r in shown], {3, 4})
        day = today()
        for n, r in enumerate(shown):
            if r.expires_on is not None and r.expires_on <= day + dt.timedelta(days=EXPIRING_DAYS):
                colour = QColor("#f8d7da" if r.expires_on < day else "#fff3cd")
                for c in range(self.on_hand.columnCount()):
                    item = self.on_hand.item(n, c)
                    if item is not None:
                        item.setBackground(colour)

    def selected_lot(self) -> views.LotOnHand | None:
        rows = self.on_hand.selectionModel().selectedRows()
        return self._shown[rows[0].row()] if rows else None

    def show_card(self) -> None:
        lot = self.selected_lot()
        if lot is None:
            return
        page = views.stock_card(lot.item_id, self.shop_id, lot.lot_id, page_size=200)
        fill(self.card, [(format_date(r.business_date), reports.kind_label(r.kind), f"{r.quantity:+,}",
                          f"{r.balance:,}", r.balance_value.format(symbol=False)) for r in page.rows], {2, 3, 4})

    def recall_pdf(self) -> None:
        lot = self.selected_lot()
        if lot is None:
            say(self.message, _("Choose a lot first"), error=True)
            return
        path = save_report(reports.recall_list(lot.lot_id), f"recall-{lot.lot}")
        say(self.message, _("Saved {path}").format(path=str(path)))

    def write_off(self) -> None:
        lot = self.selected_lot()
        if lot is None:
            say(self.message, _("Choose a lot first"), error=True)
            return
        try:
            qty = to_base(self.waste_qty.text(), lot.item_id)
            done = adjustments.record_waste(self.ctx.actor, self.shop_id,
                                            [adjustments.Wasted(lot.item_id, qty, lot.lot_id)],
                                            self.waste_reason.text())
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        say(self.message, _("Written off: {value}").format(value=(-done.value).format()))
        self.waste_qty.clear()
        self.waste_reason.clear()
        self.refresh()

    # -- purchases ------------------------------------------------------------------------------------
    def _purchase_tab(self) -> QWidget:
        page = QWidget()
        self.buy_item = QComboBox()
        self.buy_item.setObjectName("buy_item")
        for item in Item.select().where(Item.active == True).order_by(Item.kind, Item.sku):  # noqa: E712
            self.buy_item.addItem(f"{item.name_th} ({item.sku}, {item.base_unit})", item.id)
        self.buy_qty = QLineEdit()
        self.buy_qty.setObjectName("buy_quantity")
        self.buy_cost = QLineEdit()
        self.buy_cost.setObjectName("buy_cost")
        self.buy_expiry = QLineEdit()
        self.buy_expiry.setObjectName("buy_expiry")
        self.buy_expiry.setPlaceholderText(_("dd/mm/yyyy (Buddhist Era), empty: from the shelf life"))
        self.buy_lot = QLineEdit()
        self.buy_lot.setObjectName("buy_supplier_lot")
        self.buy_cost.returnPressed.connect(self.add_line)
        add = button(self, _("Add line"), "add_line", "F5")
        add.clicked.connect(self.add_line)
        self.paid_from = QComboBox()
        self.paid_from.setObjectName("paid_from")
        for code, label in (("drawer", _("Cash from the drawer")), ("account", _("The group's account")),
                            ("credit", _("Not paid yet"))):
            self.paid_from.addItem(label, code)
        save = button(self, _("Save purchase"), "save_purchase", "Ctrl+S")
        save.clicked.connect(self.save_purchase)
        form = QFormLayout()
        form.addRow(_("Item"), self.buy_item)
        form.addRow(_("Quantity (base unit)"), self.buy_qty)
        form.addRow(_("Cost of the line (฿)"), self.buy_cost)
        form.addRow(_("Expires"), self.buy_expiry)
        form.addRow(_("Supplier's lot"), self.buy_lot)
        self.buy_lines = table("purchase_lines", [_("Item"), _("Quantity"), _("Cost"), _("Expires")])
        bottom = QHBoxLayout()
        bottom.addWidget(self.paid_from)
        bottom.addWidget(save)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(add)
        layout.addWidget(self.buy_lines)
        layout.addLayout(bottom)
        return page

    def add_line(self) -> None:
        item_id = int(self.buy_item.currentData())
        try:
            qty = to_base(self.buy_qty.text(), item_id)
            cost = Money.parse(self.buy_cost.text())
            expiry = parse_date(self.buy_expiry.text()) if self.buy_expiry.text().strip() else None
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        self.lines.append(purchases.BuyLine(item_id, qty, total=cost, expires_on=expiry,
                                            supplier_lot=self.buy_lot.text()))
        fill(self.buy_lines, [(Item.get_by_id(ln.item_id).name_th, f"{ln.quantity:,}", (ln.total or Money()).format(),
                               format_date(ln.expires_on) if ln.expires_on else "—") for ln in self.lines], {1, 2})
        for w in (self.buy_qty, self.buy_cost, self.buy_expiry, self.buy_lot):
            w.clear()
        self.buy_qty.setFocus()

    def save_purchase(self) -> None:
        try:
            done = purchases.record_purchase(self.ctx.actor, self.shop_id, self.lines,
                                             paid_from=str(self.paid_from.currentData()))
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        self.lines = []
        fill(self.buy_lines, [])
        say(self.message, _("Purchase saved: {total}; lots {lots}").format(
            total=done.total.format(), lots=", ".join(lot.number for lot in done.lots)))
        self.refresh()

