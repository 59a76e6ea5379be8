"""The admin's receipt-printer set-up for this till: connection, paper, Thai mode, cutter, drawer, logo,
header and footer; "Save and print a test page" finds out whether the printer answers status.

Every check is the core's (:mod:`pos_app.printing.setup`); this page builds the printer address from the
fields and shows the core's Thai messages.  Thai code-page text is offered only for a code page whose
test page the admin confirmed printed right; raster (a picture of the text) is the default.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.errors import PosError
from pos_app.printing.setup import (
    KEEP,
    SelfTestResult,
    check_logo,
    confirm_codepage,
    parse_address,
    print_test_page,
    printer_of_till,
    save_printer,
    windows_printers,
)
from receipts.errors import PrinterConfigError
from receipts.printers import BAUDS, PrinterConfig, default_kind, with_settings
from resources.i18n import N_, _
from ui.shell.context import ShellContext

KINDS = [("tcp", N_("Network (LAN / Wi-Fi)")), ("usb", N_("USB")), ("serial", N_("Serial or Bluetooth")),
         ("win32", N_("Windows printer")), ("cups", N_("CUPS printer")), ("file", N_("File or device"))]
CUTS = [("partial", N_("Partial cut")), ("full", N_("Full cut")), ("none", N_("No cutter"))]


def _line(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumHeight(36)
    return edit


class PrinterSetupPage(QWidget):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printer_setup")
        self.ctx = ctx
        self.logo: bytes | None = KEEP
        self.tested: SelfTestResult | None = None
        self.kind = QComboBox()
        self.kind.setObjectName("printer_kind")
        for key, label in KINDS:
            self.kind.addItem(_(label), key)
        self.host, self.port = _line("printer_host", "192.168.1.50"), QSpinBox()
        self.port.setObjectName("printer_port")
        self.port.setRange(1, 65535)
        self.port.setValue(9100)
        self.vid, self.pid = _line("printer_vid", "04b8"), _line("printer_pid", "0202")
        self.device, self.baud = _line("printer_device", "COM3"), QComboBox()
        self.baud.setObjectName("printer_baud")
        for b in BAUDS:
            self.baud.addItem(str(b), b)
        self.baud.setCurrentIndex(BAUDS.index(9600))
        self.win_name, self.cups_name = _line("printer_win32", "EPSON TM-T82"), _line("printer_cups", "TM-T20")
        self.file_path = _line("printer_file", "/dev/usb/lp0")
        names, default = windows_printers()
        if names:  # on Windows: pick from the installed printers, the default one first
            self.win_name.setCompleter(QCompleter(names, self.win_name))
            self.win_name.setText(default)
        self.stack = QStackedWidget()
        for fields in ([(_("Address"), self.host), (_("Port"), self.port)],
                       [(_("Vendor id"), self.vid), (_("Product id"), self.pid)],
                       [(_("Port"), self.device), (_("Speed (baud)"), self.baud)],
                       [(_("Printer name"), self.win_name)], [(_("Printer name"), self.cups_name)],
                       [(_("File"), self.file_path)]):
            page = QWidget()
            form = QFormLayout(page)
            for label, widget in fields:
                form.addRow(label, widget)
            self.stack.addWidget(page)
        self.kind.currentIndexChanged.connect(self._show_connection)
        self.paper = QComboBox()
        self.paper.setObjectName("printer_paper")
        self.paper.addItem(_("80 mm"), 80)
        self.paper.addItem(_("58 mm"), 58)
        self.mode = QComboBox()
        self.mode.setObjectName("printer_mode")
        self.mode.addItem(_("Picture of the text (works on every printer)"), "raster")
        self.mode.addItem(_("Printer's Thai code page (after a test page)"), "codepage")
        self.codepage = QSpinBox()
        self.codepage.setObjectName("printer_codepage")
        self.codepage.setRange(0, 255)
        self.codepage.setValue(22)
        self.cut = QComboBox()
        self.cut.setObjectName("printer_cut")
        for key, label in CUTS:
            self.cut.addItem(_(label), key)
        self.drawer = QCheckBox(_("A cash drawer is plugged into this printer"))
        self.drawer.setObjectName("printer_drawer")
        self.drawer.setChecked(True)
        self.pin = QComboBox()
        self.pin.setObjectName("printer_pin")
        self.pin.addItem(_("Pin 2"), 2)
        self.pin.addItem(_("Pin 5"), 5)
        self.pulse = QSpinBox()
        self.pulse.setObjectName("printer_pulse")
        self.pulse.setRange(2, 510)
        self.pulse.setValue(100)
        self.pulse.setSuffix(" ms")
        self.logo_label = QLabel(_("No logo"))
        self.logo_label.setObjectName("printer_logo_state")
        choose = self._button("printer_logo_choose", _("Choose a logo…"), self.on_choose_logo)
        remove = self._button("printer_logo_remove", _("No logo"), self.on_remove_logo)
        self.header, self.footer = QPlainTextEdit(), QPlainTextEdit()
        self.header.setObjectName("printer_header")
        self.footer.setObjectName("printer_footer")
        for edit in (self.header, self.footer):
            edit.setMaximumHeight(80)
        form = QFormLayout()
        form.addRow(_("Connection"), self.kind)
        form.addRow("", self.stack)
        form.addRow(_("Paper"), self.paper)
        form.addRow(_("Thai text"), self.mode)
        form.addRow(_("Code page"), self.codepage)
        self.form = form
        self.mode.currentIndexChanged.connect(self._show_codepage)
        form.addRow(_("Cutter"), self.cut)
        form.addRow("", self.drawer)
        drawer_row = QHBoxLayout()
        drawer_row.addWidget(self.pin)
        drawer_row.addWidget(self.pulse)
        form.addRow(_("Drawer"), drawer_row)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(choose)
        logo_row.addWidget(remove)
        form.addRow(_("Logo"), logo_row)
        form.addRow(_("Header lines"), self.header)
        form.addRow(_("Footer lines"), self.footer)
        self.message = QLabel()
        self.message.setObjectName("printer_message")
        self.message.setWordWrap(True)
        self.save = self._button("printer_save", _("Save (Ctrl+S)"), self.on_save)
        self.save.setShortcut(QKeySequence("Ctrl+S"))
        self.test = self._button("printer_test", _("Save and print a test page (F5)"), self.on_test)
        self.test.setShortcut(QKeySequence("F5"))
        self.confirm = self._button("printer_confirm_codepage", _("Thai printed right on this code page"),
                                    self.on_confirm_codepage)
        buttons = QHBoxLayout()
        for button in (self.save, self.test, self.confirm):
            buttons.addWidget(button)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(QLabel(_("Receipt printer of till {till}").format(till=ctx.till.code)))
        column.addLayout(form)
        column.addStretch(1)
        scroll = QScrollArea()  # a small screen (1024×600) scrolls the fields; the buttons stay in sight
        scroll.setObjectName("printer_fields")
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.load()
        self._show_connection(self.kind.currentIndex())
        self._show_codepage()

    def _show_connection(self, index: int) -> None:
        """Only the chosen connection's fields, at their own height."""
        self.stack.setCurrentIndex(index)
        for n in range(self.stack.count()):
            policy = QSizePolicy.Policy.Preferred if n == index else QSizePolicy.Policy.Ignored
            page = self.stack.widget(n)
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.stack.adjustSize()

    def _show_codepage(self) -> None:
        """The code page number matters only when Thai is printed in the printer's code page."""
        self.form.setRowVisible(self.codepage, self.mode.currentData() == "codepage")

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setMinimumHeight(44)
        button.clicked.connect(slot)
        return button

    # --- fields <-> the saved set-up ---

    def _select(self, combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def load(self) -> None:
        setup = printer_of_till(self.ctx.till.id)
        if setup is None:
            self._select(self.kind, default_kind())
            self.confirm.setVisible(False)
            return
        c, s = setup.config, setup.config.settings
        self._select(self.kind, c.kind)
        self.host.setText(c.target if c.kind == "tcp" else "")
        self.port.setValue(c.port)
        if c.kind == "usb":
            self.vid.setText(f"{c.vendor_id:04x}")
            self.pid.setText(f"{c.product_id:04x}")
        {"serial": self.device, "win32": self.win_name, "cups": self.cups_name, "file": self.file_path}.get(
            c.kind, QLineEdit()).setText(c.target)
        self._select(self.baud, c.baudrate)
        self._select(self.paper, s.paper)
        self._select(self.mode, s.thai_mode)
        self.codepage.setValue(s.codepage if s.codepage is not None else setup.codepage_tested or 22)
        self._select(self.cut, s.cut)
        self.drawer.setChecked(setup.drawer)
        self._select(self.pin, s.drawer_pin)
        self.pulse.setValue(s.drawer_pulse_ms)
        self.logo_label.setText(_("Logo saved") if setup.logo else _("No logo"))
        self.header.setPlainText(setup.header)
        self.footer.setPlainText(setup.footer)
        self.confirm.setVisible(False)
        self.message.setText(self._status_words(setup.answers_status))

    def config(self) -> PrinterConfig:
        """The printer address made of the fields (raises PosError with the Thai message when bad)."""
        kind = self.kind.currentData()
        base = {
            "tcp": lambda: f"tcp://{self.host.text().strip()}:{self.port.value()}",
            "usb": lambda: f"usb:{self.vid.text().strip()}:{self.pid.text().strip()}",
            "serial": lambda: f"serial:{self.device.text().strip()}?baud={self.baud.currentData()}",
            "win32": lambda: f"win32:{self.win_name.text().strip()}",
            "cups": lambda: f"cups:{self.cups_name.text().strip()}",
            "file": lambda: f"file:{self.file_path.text().strip()}",
        }[kind]()
        config = parse_address(base)
        codepage = self.codepage.value() if self.mode.currentData() == "codepage" else None
        try:
            return with_settings(config, paper=self.paper.currentData(), thai_mode=self.mode.currentData(),
                                 codepage=codepage, cut=self.cut.currentData(), drawer_pin=self.pin.currentData(),
                                 drawer_pulse_ms=self.pulse.value())
        except PrinterConfigError as err:
            raise PosError(err.msgid, **err.params) from err

    # --- actions ---

    def on_choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Choose a logo"), "", _("Pictures (*.png *.jpg *.bmp)"))
        if path:
            self.set_logo_file(Path(path))

    def set_logo_file(self, path: Path) -> bool:
        try:
            self.logo = check_logo(path.read_bytes())
        except OSError as exc:
            self.message.setText(_("The file cannot be read: {detail}").format(detail=str(exc)))
            return False
        except PosError as err:
            self.message.setText(err.message)
            return False
        self.logo_label.setText(path.name)
        self.message.setText("")
        return True

    def on_remove_logo(self) -> None:
        self.logo = None
        self.logo_label.setText(_("No logo"))

    def on_save(self) -> bool:
        try:
            return self._save(self.config())
        except PosError as err:
            self.message.setText(err.message)
            return False

    def _save(self, config: PrinterConfig) -> bool:
        try:
            setup = save_printer(self.ctx.actor, self.ctx.till.id, config.to_string(),
                                 header=self.header.toPlainText(), footer=self.footer.toPlainText(),
                                 logo=self.logo, drawer=self.drawer.isChecked())
        except PosError as err:
            self.message.setText(err.message)
            return False
        self.logo = KEEP
        self.message.setText(_("Saved: {address}").format(address=setup.config.address))
        return True

    def on_test(self) -> None:
        """Save (in raster mode while a code page is still untested), then print the test page of the
        fields' settings — in code-page mode too, so the admin can see whether Thai comes out right."""
        try:
            config = self.config()
        except PosError as err:
            self.message.setText(err.message)
            return
        saved = config
        setup = printer_of_till(self.ctx.till.id)
        if config.settings.thai_mode == "codepage" and (setup is None or setup.codepage_tested
                                                        != config.settings.codepage):
            saved = with_settings(config, thai_mode="raster", codepage=None)
        if not self._save(saved):
            return
        self.message.setText(_("Printing a test page…"))
        self.test.setEnabled(False)
        self.ctx.run_in_background(lambda: print_test_page(self.ctx.actor, self.ctx.till.id, config),
                                   self.on_tested, self.on_test_error, _("Printing a test page…"))

    def on_tested(self, result: SelfTestResult) -> None:
        self.test.setEnabled(True)
        self.tested = result
        if not result.printed:
            detail = result.error.message if result.error is not None else ""
            self.message.setText(_("The test page did not print: {detail}").format(detail=detail))
            return
        self.message.setText(_("The test page was sent. ") + self._status_words(result.answers_status))
        self.confirm.setVisible(self.mode.currentData() == "codepage")

    def on_test_error(self, err: BaseException) -> None:
        self.test.setEnabled(True)
        self.message.setText(getattr(err, "message", str(err)))

    def _status_words(self, answers: bool | None) -> str:
        if answers is True:
            return _("The printer answers status: the till will know when a receipt printed.")
        if answers is False:
            return _("The printer does not answer status: receipts will show “sent, not confirmed”.")
        return _("Not tested yet: print a test page.")

    def on_confirm_codepage(self) -> None:
        try:
            confirm_codepage(self.ctx.actor, self.ctx.till.id, self.codepage.value())
        except PosError as err:
            self.message.setText(err.message)
            return
        self.confirm.setVisible(False)
        self.on_save()
