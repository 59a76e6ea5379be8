"""Exports for members and auditors: the day's books, a period, the cash book or the notice-161 report as
PDF, XLSX or CSV, written off the GUI thread with the shell's progress bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from db.models import NetworkGroup
from pos_app.books.export.run import TITLES, export_books
from pos_app.books.scope import make_scope
from pos_app.clock import today
from pos_app.errors import PosError
from pos_app.thai.dates import format_date, parse_date
from resources.i18n import _
from ui.books.widgets import button, show_error
from ui.shell.context import ShellContext


class ExportPage(QWidget):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = QComboBox()
        self.kind.setObjectName("export_kind")
        for key, label in TITLES.items():
            self.kind.addItem(_(label), key)
        self.fmt = QComboBox()
        self.fmt.setObjectName("export_format")
        for key, label in (("pdf", "PDF"), ("xlsx", "Excel (XLSX)"), ("csv", "CSV")):
            self.fmt.addItem(label, key)
        self.start = QLineEdit(format_date(today(), "numeric"))
        self.start.setObjectName("export_start")
        self.end = QLineEdit()
        self.end.setObjectName("export_end")
        self.end.setPlaceholderText(_("(the same day)"))
        self.group = QComboBox()
        self.group.setObjectName("export_group")
        self.group.addItem(_("The whole network"), "")
        for g in NetworkGroup.select().order_by(NetworkGroup.code):
            self.group.addItem(g.name_th, g.code)
        self.folder = QLineEdit(str(Path.home()))
        self.folder.setObjectName("export_folder")
        choose = button(_("Choose folder"), "Ctrl+O", "choose_folder")
        choose.clicked.connect(self.choose)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        self.go = button(_("Export"), "Ctrl+E", "export")
        self.folder.returnPressed.connect(self.go.click)  # Enter in the folder field exports too
        self.go.clicked.connect(self.export)
        self.result = QLabel()
        self.result.setObjectName("export_result")
        self.result.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(_("Report"), self.kind)
        form.addRow(_("Format"), self.fmt)
        form.addRow(_("From (day/month/BE year)"), self.start)
        form.addRow(_("To"), self.end)
        form.addRow(_("Group"), self.group)
        form.addRow(_("Folder"), folder_row)
        form.addRow(self.go)
        form.addRow(self.result)

    def choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, _("Folder for the export"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def export(self) -> None:
        try:
            start = parse_date(self.start.text())
            end = parse_date(self.end.text()) if self.end.text().strip() else start
            scope = make_scope(start, end, self.group.currentData() or None)
        except PosError as err:
            show_error(self, err)
            return
        kind, fmt, actor = self.kind.currentData(), self.fmt.currentData(), self.ctx.actor
        folder = Path(self.folder.text())
        self.go.setEnabled(False)
        self.result.setText(_("Exporting…"))

        def work(progress: object) -> list[Path]:
            return export_books(actor, kind, scope, fmt, folder, progress)  # type: ignore[arg-type]

        def done(paths: list[Path]) -> None:
            self.go.setEnabled(True)
            self.result.setText(_("Saved:") + "\n" + "\n".join(str(p) for p in paths))

        def failed(err: BaseException) -> None:
            self.go.setEnabled(True)
            self.result.setText(str(err))
            show_error(self, err)

        self.ctx.run_in_background(work, done, failed, _("Exporting…"))
