"""The production lead's stock screen: on hand per item and lot (expiry, value), expiring soon and low
stock, the stock card of a lot with its running balance, the recall list as PDF, purchases, write-offs."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.clock import today
from pos_app.errors import PosError
from pos_app.stock import adjustments, reports, views
from pos_app.stock.units import to_base, unit_name
from pos_app.thai.dates import format_date
from resources.i18n import _
from ui.shell.context import ShellContext
from ui.stock.item_index import lots_matching
from ui.stock.items_tab import ItemsTab
from ui.stock.moves import MovesTab
from ui.stock.purchase_tab import PurchaseTab
from ui.stock.reports_tab import ReportsTab
from ui.stock.widgets import button, export_report, fill, focus_first, message_label, print_labels, say, table

EXPIRING_DAYS = 14


class StockPage(QWidget):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stock")
        self.ctx = ctx
        self.shop_id = ctx.till.shop_id
        self.lots: list[views.LotOnHand] = []
        self._shown: list[views.LotOnHand] = []
        self.tabs = QTabWidget()
        self.tabs.setObjectName("stock_tabs")
        self.tabs.addTab(self._on_hand_tab(), _("On hand"))
        self.message = message_label("stock_message")
        self.tabs.addTab(PurchaseTab(ctx, self.message, self.refresh, self), _("Purchase"))
        self.tabs.addTab(MovesTab(ctx, self.message, self.refresh, self), _("Count and transfer"))
        self.tabs.addTab(ItemsTab(ctx, self.message, self), _("Items, packs and barcodes"))
        self.tabs.addTab(ReportsTab(ctx, self.message, self), _("Reports"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.refresh()

    def _tab_changed(self, index: int) -> None:
        if index == 0:
            self.refresh()
        self.entered()

    def entered(self) -> None:
        """Shown (F3) or another tab chosen: the cursor goes into the tab's first field."""
        focus_first(self.tabs.currentWidget())

    def showEvent(self, event: QShowEvent) -> None:
        """Read the stock again each time the area is shown: a batch saved, a sale at the till or another
        laptop's purchase since it was last seen are there at once (the lists are not kept up by hand)."""
        self.refresh()
        super().showEvent(event)

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
        recall.clicked.connect(lambda: self.recall("pdf"))
        recall_xlsx = button(self, _("Recall list XLSX"), "recall_xlsx")
        recall_xlsx.clicked.connect(lambda: self.recall("xlsx"))
        labels = button(self, _("Lot labels PDF"), "lot_labels")
        labels.clicked.connect(self.labels)
        self.waste_qty = QLineEdit()
        self.waste_qty.setObjectName("waste_quantity")
        self.waste_qty.setPlaceholderText(_("Quantity"))
        self.waste_reason = QLineEdit()
        self.waste_reason.setObjectName("waste_reason")
        self.waste_reason.setPlaceholderText(_("Reason (spoilt, broken, lost …)"))
        waste = button(self, _("Write off"), "write_off", "Ctrl+D")
        waste.clicked.connect(self.write_off)
        row = QHBoxLayout()
        for w in (recall, recall_xlsx, labels, self.waste_qty, self.waste_reason, waste):
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
        """The lots that match the search; the lot that was chosen stays chosen (its card read again)."""
        was = self.selected_lot()
        shown = lots_matching(self.lots, self.search.text())  # the item picker's search, or the lot number
        self.on_hand.clearSelection()
        fill(self.card, [])
        self._shown = shown
        fill(self.on_hand, [(f"{r.name} ({r.sku})", r.lot, format_date(r.expires_on) if r.expires_on else "—",
                             f"{r.quantity:,} {unit_name(r.unit)}", r.value.format(symbol=False))
                            for r in shown], {3, 4})
        day = today()
        for n, r in enumerate(shown):
            if r.expires_on is not None and r.expires_on <= day + dt.timedelta(days=EXPIRING_DAYS):
                colour = QColor("#f8d7da" if r.expires_on < day else "#fff3cd")
                for c in range(self.on_hand.columnCount()):
                    item = self.on_hand.item(n, c)
                    if item is not None:
                        item.setBackground(colour)
        again = [n for n, r in enumerate(shown) if was is not None and r.lot_id == was.lot_id]
        if again:
            self.on_hand.selectRow(again[0])

    def selected_lot(self) -> views.LotOnHand | None:
        rows = self.on_hand.selectionModel().selectedRows()
        return self._shown[rows[0].row()] if rows else None

    def show_card(self) -> None:
        lot = self.selected_lot()
        if lot is None:
            return
        page = views.stock_card(lot.item_id, self.shop_id, lot.lot_id, page_size=200)
        fill(self.card, [(format_date(r.business_date),
                          f"{reports.kind_label(r.kind)} {reports.document_name(r.kind, r.document_uuid)}".strip(),
                          f"{r.quantity:+,}",
                          f"{r.balance:,}", r.balance_value.format(symbol=False)) for r in page.rows], {2, 3, 4})

    def recall(self, kind: str) -> None:
        lot = self.selected_lot()
        if lot is None:
            say(self.message, _("Choose a lot first (click its row in the list)"), error=True)
            return
        export_report(self.ctx, self.message, reports.recall_list(lot.lot_id), f"recall-{lot.lot}", kind)

    def labels(self) -> None:
        """A sheet of labels for the chosen lot: one per piece held (a sheet of 24 for goods by weight)."""
        lot = self.selected_lot()
        if lot is None:
            say(self.message, _("Choose a lot first (click its row in the list)"), error=True)
            return
        print_labels(self.ctx, self.message, lot.lot_id, lot.quantity)

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

