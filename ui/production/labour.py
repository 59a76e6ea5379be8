"""Who worked on a batch: each member with their own minutes × hourly rate, or an agreed amount.

A line is typed (names, minutes, rate — or an amount) and added with "Add worker" (Ctrl+L); several names with a
comma between share the same minutes and rate.  What is still typed and not added when the batch is saved
counts too, so one line needs no extra step.  The members' books read the names kept with the batch."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget

from pos_app.errors import InputError
from pos_app.money import Money
from pos_app.production.batches import Work
from resources.i18n import _
from ui.stock.widgets import button


class LabourBox(QWidget):
    def __init__(self, keys: QWidget) -> None:
        super().__init__()
        self.added: list[Work] = []
        self.member = QLineEdit()
        self.member.setObjectName("member")
        self.member.setPlaceholderText(_("Who worked (names, comma between)"))
        self.minutes = QSpinBox()
        self.minutes.setObjectName("minutes")
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSuffix(_(" min"))
        self.rate = QLineEdit()
        self.rate.setObjectName("rate")
        self.rate.setPlaceholderText(_("Rate per hour (฿)"))
        self.amount = QLineEdit()
        self.amount.setObjectName("labour_amount")
        self.amount.setPlaceholderText(_("or an agreed amount (฿)"))
        add = button(keys, _("Add worker"), "add_worker", "Ctrl+L")
        add.clicked.connect(self.add)
        drop = button(keys, _("Clear"), "clear_workers")
        drop.clicked.connect(self.clear)
        self.shown = QLabel("")
        self.shown.setObjectName("workers")
        self.shown.setWordWrap(True)
        row = QHBoxLayout(self)  # the list of workers (``shown``) is placed by the page, under it
        row.setContentsMargins(0, 0, 0, 0)
        for w, stretch in ((self.member, 3), (self.minutes, 1), (self.rate, 1), (self.amount, 1), (add, 0),
                           (drop, 0)):
            row.addWidget(w, stretch)
        self.show_added()

    def typed(self) -> list[Work]:
        """The line as typed (nothing when no name is typed); InputError for a bad rate or amount."""
        names = [n.strip() for n in self.member.text().split(",") if n.strip()]
        if not names:
            if self.rate.text().strip() or self.amount.text().strip() or self.minutes.value():
                raise InputError("Say who worked")
            return []
        if self.amount.text().strip():
            amount = Money.parse(self.amount.text())
            return [Work(name, amount=amount) for name in names]
        rate = Money.parse(self.rate.text()) if self.rate.text().strip() else Money(0)
        return [Work(name, self.minutes.value(), rate) for name in names]

    def add(self) -> None:
        try:
            more = self.typed()
        except InputError as err:
            self.shown.setText(err.message)
            return
        self.added.extend(more)
        for w in (self.member, self.rate, self.amount):
            w.clear()
        self.minutes.setValue(0)
        self.show_added()
        self.member.setFocus()

    def work(self) -> tuple[Work, ...]:
        """Everyone added, and the line still typed."""
        return (*self.added, *self.typed())

    def clear(self) -> None:
        self.added = []
        for w in (self.member, self.rate, self.amount):
            w.clear()
        self.minutes.setValue(0)
        self.show_added()

    def show_added(self) -> None:
        if not self.added:
            self.shown.setText(_("Workers added: none yet (Ctrl+L adds the line typed)"))
            return
        self.shown.setText(_("Workers added: {list}").format(list="; ".join(
            f"{w.member} {w.cost().format()}" if w.amount is not None else
            _("{name} {minutes} min × {rate}/h = {cost}").format(name=w.member, minutes=w.minutes,
                                                                  rate=w.rate_per_hour.format(), cost=w.cost().format())
            for w in self.added)))
