"""The administrator's people screen: who may log in, with which role; add a person, reset a PIN,
deactivate or bring back; and the audit log (log-ins, failures, overrides, backups …) read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.models import ROLES
from pos_app.clock import utc_now
from pos_app.people import users
from pos_app.people.permissions import role_label
from pos_app.thai.dates import to_bangkok
from resources.i18n import TranslatedError, _
from ui.people.audit_view import AuditView
from ui.shell.context import ShellContext


def _button(text: str, key: str, name: str) -> QPushButton:
    button = QPushButton(f"{text}  {key}")
    button.setObjectName(name)
    return button


class PeoplePage(QWidget):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("people_page")
        self.ctx = ctx
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("people_table")
        self.table.setHorizontalHeaderLabels([_("Name"), _("Log-in"), _("Role"), _("Status")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.login = QLineEdit()
        self.login.setObjectName("new_login")
        self.name = QLineEdit()
        self.name.setObjectName("new_name")
        self.role = QComboBox()
        self.role.setObjectName("new_role")
        for role in ROLES:
            self.role.addItem(role_label(role), role)
        self.pin = QLineEdit()
        self.pin.setObjectName("new_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = _button(_("Add person"), "Ctrl+N", "add_person")
        self.reset_pin = QLineEdit()
        self.reset_pin.setObjectName("reset_pin")
        self.reset_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.reset_button = _button(_("Set new PIN"), "Ctrl+P", "reset_pin_button")
        self.active_button = _button(_("Deactivate / bring back"), "Ctrl+D", "toggle_active")
        self.message = QLabel()
        self.message.setObjectName("people_message")
        self.message.setWordWrap(True)

        adding = QGroupBox(_("Add a new person"))
        form = QFormLayout(adding)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_("Log-in name"), self.login)
        form.addRow(_("Name shown"), self.name)
        form.addRow(_("Role"), self.role)
        form.addRow(_("PIN (4–8 digits)"), self.pin)
        form.addRow(self.add_button)
        self.chosen = QGroupBox()
        self.chosen.setObjectName("chosen_person")
        chosen = QFormLayout(self.chosen)
        chosen.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        chosen.addRow(_("New PIN"), self.reset_pin)
        chosen.addRow(self.reset_button)
        chosen.addRow(self.active_button)
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(adding)
        column.addWidget(self.chosen)
        column.addStretch(1)
        scroll = QScrollArea()  # on a 1024×600 screen the forms scroll instead of squeezing together
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFixedWidth(440)
        people = QWidget()
        row = QHBoxLayout(people)
        row.addWidget(self.table, 1)
        row.addWidget(scroll)

        self.log = AuditView()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("people_tabs")
        self.tabs.addTab(people, f"{_('People')}  Alt+1")
        self.tabs.addTab(self.log, f"{_('Audit log')}  Alt+2")
        self.tabs.currentChanged.connect(lambda index: self.log.table.setFocus() if index == 1 else None)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

        self.add_button.clicked.connect(self.add)
        self.pin.returnPressed.connect(self.add)
        self.reset_button.clicked.connect(self.set_pin)
        self.reset_pin.returnPressed.connect(self.set_pin)
        self.active_button.clicked.connect(self.toggle_active)
        self.table.itemSelectionChanged.connect(self._show_chosen)
        for key, slot in (("Ctrl+N", self.login.setFocus), ("Ctrl+P", self.reset_pin.setFocus),
                          ("Ctrl+D", self.toggle_active), ("Alt+1", lambda: self.tabs.setCurrentIndex(0)),
                          ("Alt+2", lambda: self.tabs.setCurrentIndex(1))):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.refresh()

    def entered(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        now = utc_now()
        rows = users.people()
        self.table.setRowCount(len(rows))
        for r, p in enumerate(rows):
            if not p.active:
                status = _("Deactivated")
            elif p.locked_until is not None and p.locked_until > now:
                status = _("Locked until {time}").format(time=f"{to_bangkok(p.locked_until):%H:%M:%S}")
            else:
                status = _("Active")
            for c, text in enumerate((p.display_name, p.login, role_label(p.role), status)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, p.login)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self._show_chosen()
        self.log.refresh()

    def _show_chosen(self) -> None:
        """Name the person the PIN and (de)activate buttons act on, so nobody resets the wrong PIN."""
        login = self.selected_login()
        person = next((p for p in users.people() if p.login == login), None)
        for widget in (self.reset_pin, self.reset_button, self.active_button):
            widget.setEnabled(person is not None)
        if person is None:
            self.chosen.setTitle(_("Choose a person in the list first"))
            self.active_button.setText(f"{_('Deactivate / bring back')}  Ctrl+D")
            return
        self.chosen.setTitle(_("For {name} ({login})").format(name=person.display_name, login=person.login))
        action = _("Deactivate {name}") if person.active else _("Bring {name} back")
        self.active_button.setText(f"{action.format(name=person.display_name)}  Ctrl+D")

    def selected_login(self) -> str:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def _say(self, text: str, ok: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #1f6f43;" if ok else "color: #b00020; font-weight: bold;")

    def add(self) -> None:
        try:
            made = users.add_person(self.ctx.actor, self.login.text(), self.name.text(),
                                    str(self.role.currentData()), self.pin.text())
        except TranslatedError as err:
            self._say(err.message, False)
            return
        for field in (self.login, self.name, self.pin):
            field.clear()
        self._say(_("{name} can now log in").format(name=made.display_name), True)
        self.refresh()

    def set_pin(self) -> None:
        login = self.selected_login()
        if not login:
            self._say(_("Choose a person in the list first"), False)
            return
        try:
            users.reset_pin(self.ctx.actor, login, self.reset_pin.text())
        except TranslatedError as err:
            self._say(err.message, False)
            return
        self.reset_pin.clear()
        self._say(_("New PIN set for {login}").format(login=login), True)
        self.refresh()

    def toggle_active(self) -> None:
        login = self.selected_login()
        if not login:
            self._say(_("Choose a person in the list first"), False)
            return
        active = next(p.active for p in users.people() if p.login == login)
        try:
            users.set_active(self.ctx.actor, login, not active)
        except TranslatedError as err:
            self._say(err.message, False)
            return
        self._say((_("{login} can no longer log in") if active else _("{login} can log in again"))
                  .format(login=login), True)
        self.refresh()
