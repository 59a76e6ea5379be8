"""A till with no shift open says so, and opens one from where the seller stands.

Cash taken while no shift is open belongs to no drawer count: the day's books still hold every sale, but
nobody counted the float it went into, so an over or short cannot be found.  The till shows a button in its
bottom row ("No shift open: count the float  Ctrl+G") until a shift is open.  A seller may not handle the
drawer (a treasurer or the admin does, :class:`pos_app.people.permissions.Action.HANDLE_CASH`): the button
asks for such a person's PIN first (the override is audited by the core) and the shift is opened in that
person's name, with the float they count.  Opening or closing a shift on the Books screen updates the button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app.errors import PosError
from pos_app.events import Event
from pos_app.people.permissions import Action, can
from pos_app.people.users import Actor
from resources.i18n import _
from ui.shell.context import ShellContext
from ui.till import keys
from ui.till.asking import modal


class ShiftHere(QPushButton):
    """The bottom row's "no shift open" button; hidden while the till has a shift open."""

    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(keys.labelled(_("No shift open: count the float"), keys.OPEN_SHIFT), parent)
        self.ctx = ctx
        self.setObjectName("open_shift_here")
        self.setMinimumHeight(44)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the cursor
        self.setStyleSheet("background: #fff3cd; color: #7a4b00; font-weight: bold;")
        self.setToolTip(_("Cash taken now is in no drawer count until a shift is opened with its float"))
        self.clicked.connect(self.open_here)
        self.key = QShortcut(QKeySequence(keys.OPEN_SHIFT), self)  # works while the button is on screen
        self.key.activated.connect(self.open_here)
        from pos_app.books.events import ShiftChanged

        ctx.bridge.on(ShiftChanged, self._changed)
        self.refresh()

    def _changed(self, event: Event) -> None:
        if getattr(event, "till_id", None) == self.ctx.till.id:
            self.refresh()

    def refresh(self) -> None:
        from pos_app.books.open_shift import open_shift_of  # light: the till starts without the journal

        self.setVisible(open_shift_of(self.ctx.till.id) is None)

    def open_here(self) -> None:
        """Who opens: the person logged in when they may handle the drawer, else a treasurer's PIN first."""
        who: Actor | None = self.ctx.actor
        if who is None or not can(who.role, Action.HANDLE_CASH):
            from ui.till.approval import ask_manager

            who = ask_manager(self.window(), self.ctx, Action.HANDLE_CASH, _("Open a shift at the till"))
        if who is not None:
            modal(FloatDialog(self.ctx, who, self.window()))
        self.refresh()
        refocus = getattr(self.parentWidget(), "refocus", None)  # the till's scan field, with its keys
        if callable(refocus):
            refocus()


class FloatDialog(QDialog):
    """Count the float note by note and coin by coin; "Open shift" opens it (a refused count keeps the box
    open with the core's message and opens nothing)."""

    def __init__(self, ctx: ShellContext, who: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.books.widgets import CountGrid

        self.ctx, self.who = ctx, who
        self.opened = False
        self.setObjectName("float_dialog")
        self.setWindowTitle(_("Open a shift at the till"))
        title = QLabel(_("{person} counts the float in the drawer of till {till}")
                       .format(person=who.display_name, till=ctx.till.code))
        title.setWordWrap(True)
        self.count = CountGrid("float")
        self.message = QLabel("")
        self.message.setObjectName("float_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        ok = QPushButton(_("Open shift"))
        ok.setObjectName("float_open")
        cancel = QPushButton(_("Cancel (Esc)"))
        cancel.setObjectName("float_cancel")
        for b in (ok, cancel):
            b.setMinimumHeight(44)
            b.setAutoDefault(False)
        ok.setDefault(True)  # Enter in a count field opens the shift
        ok.clicked.connect(self.open_shift)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(ok)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.count)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def open_shift(self) -> None:
        from pos_app.books import cash

        try:
            cash.open_shift(self.who, self.ctx.till.id, self.count.entries())
        except PosError as err:
            self.message.setText(err.message)
            return
        self.opened = True
        self.accept()
