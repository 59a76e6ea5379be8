"""Today's sales at this till, newest first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from pos_app import clock
from pos_app.money import Money
from pos_app.selling import history
from pos_app.thai.dates import to_bangkok
from resources.i18n import N_, _

KIND = {"sale": N_("Sale"), "refund": N_("Refund")}
METHOD = {"cash": N_("Cash"), "promptpay": N_("PromptPay")}


class SalesList(QWidget):
    def __init__(self, till_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till_id = till_id
        self.heading = QLabel()
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("todays_sales")
        headers = [_("No."), _("Time"), _("Type"), _("Paid by"), _("Total"), _("Seller")]
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        self.refresh()

    def refresh(self) -> None:
        today = clock.today()
        rows = history.sales_of_day(today, self.till_id)
        total = sum((s.total for s in rows), start=Money(0))
        self.heading.setText(_("Today's sales: {count} receipts, {total}").format(count=len(rows),
                                                                                   total=total.format()))
        self.table.setRowCount(len(rows))
        for r, s in enumerate(rows):
            cells = [str(s.number), f"{to_bangkok(s.created_at):%H:%M}", _(KIND[s.kind]),
                     _(METHOD[s.method]), s.total.format(), s.seller]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (0, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
