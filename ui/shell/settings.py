"""The administrator's settings: the shop's own settings (PromptPay ID, stock policy, discount limits…) and
this till's receipt printer."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from resources.i18n import _
from ui.shell.context import ShellContext


class SettingsPage(QWidget):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings")
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        shop = QWidget()
        shop_layout = QVBoxLayout(shop)
        shop_layout.addWidget(QLabel(_("Shop: {shop}").format(shop=ctx.till.shop_name)))
        shop_layout.addStretch(1)
        self.tabs.addTab(shop, _("Shop"))
        from ui.printing.setup_page import PrinterSetupPage  # this till's receipt printer

        self.printer = PrinterSetupPage(ctx)
        self.tabs.addTab(self.printer, _("Receipt printer"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
