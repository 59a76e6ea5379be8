"""The treasurer's area: the shift and drawer, the day's close, and exports, as tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from resources.i18n import _
from ui.books.close_page import ClosePage
from ui.books.export_page import ExportPage
from ui.books.shift import ShiftPage
from ui.shell.context import ShellContext


class BooksPage(QWidget):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("books")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("books_tabs")
        self.shift_page = ShiftPage(ctx)
        self.close_page = ClosePage(ctx)
        self.export_page = ExportPage(ctx)
        self.tabs.addTab(self.shift_page, _("Shift and drawer"))
        self.tabs.addTab(self.close_page, _("PromptPay and day close"))
        self.tabs.addTab(self.export_page, _("Export the books"))
        self.tabs.currentChanged.connect(self._refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def _refresh(self, index: int) -> None:
        page = self.tabs.widget(index)
        if isinstance(page, (ShiftPage, ClosePage)):
            page.refresh()
