"""The production lead's reports as PDF (shaped Thai) or XLSX, made through the shell's background wrapper:
stock valuation per group, the stock register (ทะเบียนคุมสินค้า, finished goods) and materials register
(ทะเบียนคุมวัสดุ, ingredients and packaging) of an item over a period, and the recall list of a lot."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos_app.clock import today
from pos_app.errors import PosError
from pos_app.stock import reports
from pos_app.stock.export import ReportTable
from pos_app.stock.lots import lot_by_label
from pos_app.thai.dates import format_date, parse_date
from resources.i18n import _
from ui.shell.context import ShellContext
from ui.stock.purchase_tab import item_choices
from ui.stock.widgets import TOUCH, button, export_report, say


class ReportsTab(QWidget):
    def __init__(self, ctx: ShellContext, message: QLabel, keys: QWidget) -> None:
        super().__init__()
        self.ctx, self.message = ctx, message
        self.shop_id = ctx.till.shop_id
        self.goods = QComboBox()
        self.goods.setObjectName("register_goods")
        item_choices(self.goods, ("finished",))
        self.materials = QComboBox()
        self.materials.setObjectName("register_materials")
        item_choices(self.materials, ("ingredient", "packaging"))
        first = today().replace(day=1)
        self.start = QLineEdit(format_date(first))
        self.start.setObjectName("register_from")
        self.end = QLineEdit(format_date(today()))
        self.end.setObjectName("register_to")
        self.lot = QLineEdit()
        self.lot.setObjectName("recall_lot")
        self.lot.setPlaceholderText(_("Scan or type the lot number"))
        for w in (self.goods, self.materials, self.start, self.end, self.lot):
            w.setMinimumHeight(TOUCH - 4)
        form = QFormLayout()
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("–"))
        period.addWidget(self.end)
        form.addRow(_("Period"), period)
        form.addRow(_("Stock valuation per group"), self._pair(keys, "valuation", lambda: reports.valuation(),
                                                              lambda: "stock-valuation"))
        form.addRow(_("Stock register (ทะเบียนคุมสินค้า)"),
                    self._with(self.goods, self._pair(keys, "goods_register", lambda: self._register(self.goods),
                                                      lambda: f"stock-register-{self.goods.currentData()}")))
        form.addRow(_("Materials register (ทะเบียนคุมวัสดุ)"),
                    self._with(self.materials, self._pair(
                        keys, "materials_register", lambda: self._register(self.materials),
                        lambda: f"materials-register-{self.materials.currentData()}")))
        form.addRow(_("Recall list of a lot"), self._with(self.lot, self._pair(
            keys, "lot_recall", lambda: reports.recall_list(lot_by_label(self.lot.text()).id),
            lambda: f"recall-{lot_by_label(self.lot.text()).number}")))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def showEvent(self, event: QShowEvent) -> None:
        item_choices(self.goods, ("finished",))
        item_choices(self.materials, ("ingredient", "packaging"))
        super().showEvent(event)

    def _register(self, box: QComboBox) -> ReportTable:
        if box.currentData() is None:
            from pos_app.errors import InputError

            raise InputError("Choose an item first")
        return reports.register(int(box.currentData()), self.shop_id, parse_date(self.start.text()),
                                parse_date(self.end.text()))

    @staticmethod
    def _with(first: QWidget, rest: QHBoxLayout) -> QHBoxLayout:
        rest.insertWidget(0, first, 2)
        return rest

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
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        export_report(self.ctx, self.message, report, stem(), kind)
