"""The administrator's settings: the shop's own settings (PromptPay ID, stock policy, discount limits…),
this till's receipt printer and this laptop's backups (a tab each).

One row per setting declared in :mod:`pos_app.settings` (the core validates and records each change in the
audit log); each row is saved on its own with its button or Enter, and a refusal is shown in the row's own
words, with nothing changed.  Rows are at least 44 px tall; the list scrolls on a 1024×600 screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app import settings
from pos_app.errors import PosError
from resources.i18n import _
from ui.shell.context import ShellContext

ROW_HEIGHT = 44


class SettingRow:
    """The field, the save button and the answer line of one setting."""

    def __init__(self, page: SettingsPage, spec: settings.SettingSpec, value: object) -> None:
        self.page, self.spec = page, spec
        self.field: QLineEdit | QComboBox
        if spec.kind == "choice":
            box = QComboBox()
            for code, label in spec.choices:
                box.addItem(_(label), code)
            box.setCurrentIndex(max(0, box.findData(value)))
            self.field = box
        else:
            line = QLineEdit(spec.show(value))
            line.returnPressed.connect(self.save)
            self.field = line
        self.field.setObjectName(f"setting_{spec.key}")
        self.field.setMinimumHeight(ROW_HEIGHT)
        self.button = QPushButton(_("Save"))
        self.button.setObjectName(f"save_{spec.key}")
        self.button.setMinimumHeight(ROW_HEIGHT)
        self.button.setMinimumWidth(96)
        self.button.clicked.connect(self.save)
        self.answer = QLabel(_(spec.help))
        self.answer.setObjectName(f"answer_{spec.key}")
        self.answer.setWordWrap(True)
        self.answer.setStyleSheet("color: #555;")

    def typed(self) -> str:
        if isinstance(self.field, QComboBox):
            return str(self.field.currentData())
        return self.field.text()

    def save(self) -> None:
        try:
            done = settings.change(self.page.ctx.actor, self.spec.key, self.typed(), self.page.where)
        except PosError as err:
            self.answer.setStyleSheet("color: #b00020; font-weight: bold;")
            self.answer.setText(err.message)
            return
        if isinstance(self.field, QLineEdit):
            self.field.setText(self.spec.show(done.new))
        self.answer.setStyleSheet("color: #0b6e2e; font-weight: bold;")
        self.answer.setText(_("Saved") if done.changed else _("No change"))


class SettingsPage(QWidget):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings")
        self.ctx = ctx
        self.where = settings.Where(ctx.till.shop_id, ctx.till.id)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        values = settings.all_values(self.where)
        form = QWidget()
        grid = QGridLayout(form)
        grid.setVerticalSpacing(4)
        heading = QLabel(_("Shop: {shop} · till {till}").format(shop=ctx.till.shop_name, till=ctx.till.code))
        heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        grid.addWidget(heading, 0, 0, 1, 3)
        self.rows: dict[str, SettingRow] = {}
        for n, spec in enumerate(settings.SPECS):
            row = SettingRow(self, spec, values.get(spec.key, spec.default))
            self.rows[spec.key] = row
            label = QLabel(_(spec.label))
            label.setWordWrap(True)
            label.setStyleSheet("font-weight: bold;")
            label.setBuddy(row.field)
            grid.addWidget(label, 1 + 2 * n, 0)
            grid.addWidget(row.field, 1 + 2 * n, 1)
            grid.addWidget(row.button, 1 + 2 * n, 2)
            grid.addWidget(row.answer, 2 + 2 * n, 1, 1, 2)
        from ui.shell.scheduled_backup import folder_note  # where the scheduled backups go, or that none are made

        self.rows["backup_every"].answer.setText(folder_note())
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1 + 2 * len(settings.SPECS), 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(form)
        self.tabs.addTab(scroll, _("Shop"))
        from ui.printing.setup_page import PrinterSetupPage  # this till's receipt printer

        self.printer = PrinterSetupPage(ctx)
        self.tabs.addTab(self.printer, _("Receipt printer"))
        from ui.shell.backups import BackupsTab  # this laptop's backup folder and its backups

        self.backups = BackupsTab(ctx)
        self.tabs.addTab(self.backups, _("Backups"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def entered(self) -> None:
        first = self.rows[settings.SPECS[0].key].field
        first.setFocus()
