"""The production lead's reports as PDF (shaped Thai) or XLSX, made through the shell's background wrapper:
stock valuation per group; for an item chosen in the lot picker, its register over a period (ทะเบียนคุมสินค้า
for finished goods, ทะเบียนคุมวัสดุ for ingredients and packaging); for a lot chosen there (from the item's
lots or by its number), the register of that lot, its stock card, and its recall list (traced both ways)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from db.models import Item, Lot
from pos_app.clock import today
from pos_app.errors import PosError
from pos_app.stock import reports
from pos_app.stock.export import ReportTable
from pos_app.thai.dates import format_date, parse_date
from resources.i18n import _
from ui.shell.context import ShellContext
from ui.stock.lot_picker import LotPicker
from ui.stock.widgets import TOUCH, button, export_report, say


class ReportsTab(QWidget):
    def __init__(self, ctx: ShellContext, message: QLabel, keys: QWidget) -> None:
        super().__init__()
        self.ctx, self.message = ctx, message
        self.shop_id = ctx.till.shop_id
        first = today().replace(day=1)
        self.start = QLineEdit(format_date(first))
        self.start.setObjectName("register_from")
        self.end = QLineEdit(format_date(today()))
        self.end.setObjectName("register_to")
        for w in (self.start, self.end):
            w.setMinimumHeight(TOUCH - 4)
        self.picker = LotPicker(self.shop_id, "report_lot")
        self.picker.failed.connect(lambda text: say(self.message, text, error=True))
        form = QFormLayout()
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("–"))
        period.addWidget(self.end)
        form.addRow(_("Period"), period)
        form.addRow(_("Stock valuation per group"), self._pair(keys, "valuation", reports.valuation,
                                                              lambda: "stock-valuation"))
        form.addRow(_("Item and lot"), self.picker)
        form.addRow(_("Register of the item (ทะเบียนคุมสินค้า / วัสดุ)"), self._pair(
            keys, "register", lambda: self._register(None), lambda: f"register-{self._sku()}"))
        form.addRow(_("Register of the lot"), self._pair(
            keys, "lot_register", lambda: self._register(self.picker.lot_id()),
            lambda: f"register-{self._lot_number()}"))
        form.addRow(_("Stock card of the lot"), self._pair(
            keys, "lot_card", lambda: reports.stock_card(self.picker.lot_id(), self.shop_id),
            lambda: f"stock-card-{self._lot_number()}"))
        form.addRow(_("Recall list of the lot (where it came from, where it went)"), self._pair(
            keys, "lot_recall", lambda: reports.recall_list(self.picker.lot_id()),
            lambda: f"recall-{self._lot_number()}"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def showEvent(self, event: QShowEvent) -> None:
        self.picker.reload()
        super().showEvent(event)

    def _sku(self) -> str:
        return str(Item.get_by_id(self.picker.item_id()).sku)

    def _lot_number(self) -> str:
        return str(Lot.get_by_id(self.picker.lot_id()).number)

    def _register(self, lot_id: int | None) -> ReportTable:
        return reports.register(self.picker.item_id(), self.shop_id, parse_date(self.start.text()),
                                parse_date(self.end.text()), lot_id=lot_id)

    def _pair(self, keys: QWidget, name: str, build: Callable[[], ReportTable], stem: Callable[[], str]) -> QHBoxLayout:
        row = QHBoxLayout()
        for kind, label in (("pdf", _("PDF")), ("xlsx", _("Excel (XLSX)"))):
            b = button(keys, label, f"{name}_{kind}")
            b.clicked.connect(lambda _c=False, k=kind: self.make(build, stem, k))
            row.addWidget(b, 1)
        return row

    def make(self, build: Callable[[], ReportTable], stem: Callable[[], str], kind: str) -> None:
        try:
            report = build()
            name = stem()
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        export_report(self.ctx, self.message, report, name, kind)
