"""The till's print light: did the last receipt print, how many wait, what is wrong — and the buttons the
seller needs: "Did it print? Reprint" (a copy of the last receipt), "Try again now", and for a receipt that
may have printed, "Print a copy" or "It printed".  The till keeps selling whatever this shows.
"""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw
from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from pos_app.clock import business_date, today
from pos_app.errors import PosError
from pos_app.events import SaleCommitted
from pos_app.people.permissions import Action, can
from pos_app.printing import outbox
from pos_app.printing.events import PrintJobQueued, PrintStatusChanged
from pos_app.printing.setup import printer_of_till
from resources.i18n import N_, _
from ui.printing.drawer_dialog import NoSaleDialog
from ui.printing.runner import PrintRunner, runner_for
from ui.shell.context import ShellContext
from ui.till import keys

# What the till's light says of a failure, in a few words (the printer's full answer is in the tooltip).
SHORT_REASONS = {
    "The printer at {address} cannot be reached: is it switched on and connected? ({detail})":
        N_("the printer cannot be reached: is it switched on and connected?"),
    "The printer at {address} did not answer within {seconds} seconds": N_("the printer does not answer"),
    "The printer at {address} has its cover open": N_("the printer's cover is open"),
    "The printer at {address} is out of paper": N_("the printer is out of paper"),
    "The printer at {address} is offline or reports an error": N_("the printer reports an error"),
}
COLOURS = {"ok": "#1b7f3b", "busy": "#b26a00", "problem": "#c62828", "none": "#757575"}


@dataclass(frozen=True)
class Light:
    level: str  # ok, busy, problem, none
    text: str
    problem: outbox.JobStatus | None = None  # the job the seller should look at
    last: outbox.JobStatus | None = None  # the latest receipt (for "Did it print? Reprint")


def light_of(till_id: int) -> Light:
    """What the light shows now (Qt-free reading of the outbox)."""
    state = outbox.till_state(till_id)
    last = state.last
    if printer_of_till(till_id) is None:
        return Light("none", _("No receipt printer is set up for this till"), None, last)
    uncertain = [p for p in state.problems if p.status == "uncertain"]
    if uncertain:
        job = uncertain[0]
        return Light("problem", _("{job} may have printed: check the paper").format(job=job.label), job, last)
    failing = [p for p in state.problems if p.status == "failed"]
    if failing:
        job = failing[0]
        short = SHORT_REASONS.get(job.reason_msgid)
        return Light("problem", _("Not printed yet ({waiting} waiting): {reason}").format(
            waiting=state.waiting, reason=_(short) if short else job.reason), job, last)
    if state.retrying:  # trying the printer again after a failure: still a problem until it prints
        return Light("problem", _("Not printed yet ({waiting} waiting): trying the printer again…").format(
            waiting=state.waiting + len(state.retrying)), None, last)
    if state.waiting:
        return Light("busy", _("Printing… {waiting} waiting").format(waiting=state.waiting), None, last)
    if last is None or (last.status == "cancelled" and business_date(last.created_at) < today()):
        return Light("ok", _("Printer ready"), None, None)  # an earlier day's leftovers are nothing to show
    return Light("ok", f"{last.label}: {last.status_text}", None, last)


class PrintStatus(QWidget):
    """Place it on the till.  ``runner``: the print worker (default: this till's, started on first use)."""

    def __init__(self, ctx: ShellContext, parent: QWidget | None = None, runner: PrintRunner | None = None,
                 start_worker: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("print_status")
        self.ctx = ctx
        self.runner = runner if runner is not None else runner_for(ctx.till.id) if start_worker else None
        self.light: Light | None = None
        self._read_once = False  # the first reading is the one after the till's first paint (below)
        self.dot = QLabel("●")
        self.dot.setObjectName("print_dot")
        self.text = QLabel()
        self.text.setObjectName("print_text")
        self.text.setWordWrap(True)
        reprint = "{} ({})".format(_("Did it print? Reprint"), keys.REPRINT)
        self.reprint = self._button("print_reprint", reprint, self.on_reprint)
        self.retry = self._button("print_retry", _("Try again now"), self.on_retry)
        self.copy = self._button("print_copy", _("Print a copy"), self.on_copy)
        self.printed = self._button("print_ok", _("It printed"), self.on_printed)
        self.drawer = self._button("print_drawer", "{} ({})".format(_("Open drawer"), keys.DRAWER), self.on_drawer)
        self.drawer.setVisible(can(ctx.actor.role, Action.HANDLE_CASH))
        self.drawer_shortcut = QShortcut(QKeySequence(keys.DRAWER), self)
        self.drawer_shortcut.setEnabled(can(ctx.actor.role, Action.HANDLE_CASH))
        self.drawer_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.drawer_shortcut.activated.connect(self.on_drawer)
        self.no_sale: NoSaleDialog | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.dot)
        layout.addWidget(self.text, 1)
        for b in (self.copy, self.printed, self.retry, self.reprint, self.drawer):
            layout.addWidget(b)
        self.shortcut = QShortcut(QKeySequence(keys.REPRINT), self)
        self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.shortcut.activated.connect(self.on_reprint)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(50)  # several events in a row → one refresh
        self._timer.timeout.connect(self.refresh)
        # a bound slot of this widget: Qt drops the connection when the widget goes (the bridge lives on)
        ctx.bridge.happened.connect(self._on_event, Qt.ConnectionType.QueuedConnection)
        QTimer.singleShot(0, self, self.refresh)  # the outbox's six queries after the till's first paint, not before it

    @Slot(object)
    def _on_event(self, event: object) -> None:
        if self.isVisible() and isinstance(event, PrintStatusChanged | SaleCommitted | PrintJobQueued):
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._read_once:  # shown again: read it again (the first show is read once, after the first paint)
            self._timer.start()

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setMinimumHeight(44)
        button.clicked.connect(slot)
        return button

    def refresh(self) -> None:
        self._read_once = True
        try:
            light = self.light = light_of(self.ctx.till.id)
        except pw.PeeweeException:  # the database is away for a moment: say so, keep the till going
            self.text.setText(_("Print status cannot be read just now"))
            return
        self.dot.setStyleSheet(f"color: {COLOURS[light.level]}; font-size: 20px;")
        self.text.setText(light.text)
        self.text.setToolTip(light.problem.reason if light.problem is not None else "")
        problem = light.problem
        self.copy.setVisible(problem is not None and problem.status == "uncertain")
        self.printed.setVisible(problem is not None and problem.status == "uncertain")
        self.retry.setVisible(problem is not None and problem.status == "failed")
        self.reprint.setEnabled(light.last is not None and light.last.kind in ("receipt", "document"))

    def _run(self, action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except PosError as err:
            QMessageBox.warning(self, _("Printing"), err.message)
        self.refresh()

    def on_reprint(self) -> None:
        last = self.light.last if self.light else None
        if last is not None and last.kind in ("receipt", "document"):
            self._run(lambda: outbox.reprint(self.ctx.actor, last.job_uuid, self.ctx.till.id))

    def on_copy(self) -> None:
        problem = self.light.problem if self.light else None
        if problem is not None:
            self._run(lambda: outbox.reprint(self.ctx.actor, problem.job_uuid, self.ctx.till.id))

    def on_printed(self) -> None:
        problem = self.light.problem if self.light else None
        if problem is not None:
            self._run(lambda: outbox.resolve(self.ctx.actor, problem.job_uuid, "printed"))

    def on_drawer(self) -> None:
        """"No sale": only for people who handle cash; asks the reason (audited), then opens."""
        if not can(self.ctx.actor.role, Action.HANDLE_CASH):
            return
        self.no_sale = NoSaleDialog(self.ctx, self)
        self.no_sale.finished.connect(lambda _r: self.refresh())
        self.no_sale.open()

    def on_retry(self) -> None:
        if self.runner is not None:
            self.runner.worker.retry_now()
        self.refresh()
