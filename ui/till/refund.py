"""Refund some or all of a sale's lines, or void a whole sale of today.

What is left to refund and the money left per line come from the core (``refunds.refundable``); the money given
back, and how, is the core's ``refunds.plan_refund``, shown as the quantities and the method change — the same
plan the save writes (``refunds.refund_sale``), so the figure shown is the figure saved.  The screen does no
money arithmetic of its own.  A person who may not refund (or void) is asked for a manager's PIN first."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.models import Sale
from pos_app.errors import NotFound, PosError
from pos_app.money import Money
from pos_app.people.permissions import Action, can
from pos_app.people.users import Actor
from pos_app.selling import history, refunds
from pos_app.selling.sales import SaleResult
from pos_app.thai.dates import format_datetime
from resources.i18n import N_, _
from ui.shell.context import ShellContext
from ui.till.approval import ManagerDialog

METHODS = (("cash", N_("Cash")), ("transfer", N_("Bank transfer")))
COLUMNS = (N_("Item"), N_("Sold"), N_("Left"), N_("Money left"), N_("Give back"), N_("Spoiled → waste"))


def money_back_text(back: Money, method: str, value: Money) -> str:
    """"Give back ฿45.00 by cash" (or "No money to give back"), and what the goods were worth when that differs
    (an online order not paid in full)."""
    words = (_("Give back {amount} by {method}").format(amount=back.format(),
                                                        method=_(dict(METHODS).get(method, "")).lower())
             if back.satang else _("No money to give back"))
    return words if back == value else words + "  ·  " + _("Goods worth {amount}").format(amount=value.format())


def unit_text(quantity: int, base_unit: str) -> str:
    return f"{quantity:,} {_('g') if base_unit == 'g' else _('ml') if base_unit == 'ml' else _('pcs')}"


class RefundDialog(QDialog):
    """``saved(SaleResult)`` is emitted once the refund/void document is saved."""

    saved = Signal(object)

    def __init__(self, ctx: ShellContext, sale_uuid: uuid.UUID, parent: QWidget | None = None,
                 void: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("void_dialog" if void else "refund_dialog")
        self.ctx, self.sale_uuid, self.void = ctx, sale_uuid, void
        self.outcome: SaleResult | None = None
        self.manager: ManagerDialog | None = None
        sale = Sale.get_or_none((Sale.uuid == sale_uuid) & (Sale.kind == "sale"))
        if sale is None:
            raise NotFound("No sale {uuid}", uuid=str(sale_uuid))
        self.sale = sale
        self.detail = history.detail(sale_uuid)
        self.left = {n: (qty, Money(money)) for n, (_line, qty, money) in refunds.refundable(sale).items()}
        self.setWindowTitle(_("Void a sale") if void else _("Refund"))
        summary = self.detail.summary
        heading = _("Void receipt {number}") if void else _("Refund from receipt {number}")
        title = QLabel(heading.format(number=summary.number) + "  ·  " + format_datetime(summary.created_at)
                       + "  ·  " + _("Total {total}").format(total=summary.total.format()))
        title.setObjectName("refund_title")
        title.setWordWrap(True)
        title.setStyleSheet("font-weight: bold;")
        self.table = QTableWidget(len(self.detail.lines), len(COLUMNS))
        self.table.setObjectName("refund_lines")
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(48)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab walks quantity → spoiled → next line's quantity → reason
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.spins: dict[int, QSpinBox] = {}
        self.waste: dict[int, QCheckBox] = {}
        for row, line in enumerate(self.detail.lines):
            qty_left, money_left = self.left[line.line_no]
            cells = [f"{line.sku}  {line.name}", unit_text(line.quantity, line.base_unit),
                     unit_text(qty_left, line.base_unit), money_left.format()]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, cell)
            spin = QSpinBox()
            spin.setObjectName(f"refund_qty_{line.line_no}")
            spin.setRange(0, qty_left)
            spin.setMinimumHeight(44)
            spin.setMinimumWidth(110)
            spin.setSuffix(" " + (_("g") if line.base_unit == "g" else _("ml") if line.base_unit == "ml" else ""))
            # Qt's own arrows are two 22 px halves of the box: a finger needs 44 px − and + beside it
            spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setEnabled(not void and qty_left > 0)
            spin.setValue(qty_left if void else 0)
            spin.valueChanged.connect(self.show_money_back)
            self.table.setCellWidget(row, 4, self._stepper(spin, line.line_no, 1000 if line.base_unit != "piece"
                                                           else 1))
            self.spins[line.line_no] = spin
            tick = QCheckBox()
            tick.setObjectName(f"refund_waste_{line.line_no}")
            tick.setMinimumSize(44, 44)
            tick.setStyleSheet("QCheckBox::indicator { width: 32px; height: 32px; }")
            tick.setEnabled(not void and qty_left > 0)
            self.table.setCellWidget(row, 5, tick)
            self.waste[line.line_no] = tick
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        self.all_button = QPushButton(_("Everything left (F5)"))
        self.all_button.setObjectName("refund_all")
        self.all_button.setShortcut(QKeySequence("F5"))
        self.all_button.setMinimumHeight(44)
        self.all_button.setVisible(not void)
        self.all_button.clicked.connect(self.take_all)
        self.reason = QLineEdit()
        self.reason.setObjectName("refund_reason")
        self.reason.setPlaceholderText(_("Reason (required), e.g. bottle leaking"))
        self.reason.setMinimumHeight(44)
        self.reason.returnPressed.connect(self.on_save)
        self.method = QButtonGroup(self)
        method_row = QHBoxLayout()
        method_row.addWidget(QLabel(_("Money back by")))
        for n, (key, label) in enumerate(METHODS):
            button = QPushButton(f"{_(label)} (F{6 + n})")
            button.setObjectName(f"refund_method_{key}")
            button.setCheckable(True)
            button.setChecked(n == 0)
            button.setMinimumHeight(44)
            button.setShortcut(QKeySequence(f"F{6 + n}"))
            button.setProperty("method", key)
            self.method.addButton(button, n)
            method_row.addWidget(button)
        method_row.addStretch(1)
        self.money_back = QLabel("")  # what the refund chosen so far gives back, before it is saved
        self.money_back.setObjectName("refund_money_back")
        self.money_back.setWordWrap(True)
        self.money_back.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.money_back.setStyleSheet("font-size: 20px; font-weight: bold; color: #0d47a1;")
        method_row.addWidget(self.money_back, 2)
        self.method.buttonToggled.connect(self.show_money_back)
        self.message = QLabel("")
        self.message.setObjectName("refund_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        self.done_text = QLabel("")
        self.done_text.setObjectName("refund_result")
        self.done_text.setWordWrap(True)
        self.done_text.setStyleSheet("font-size: 20px; font-weight: bold; color: #1b5e20;")
        self.save = QPushButton(_("Void the sale (F12)") if void else _("Give the refund (F12)"))
        self.save.setObjectName("refund_save")
        self.save.setShortcut(QKeySequence("F12"))
        self.save.setMinimumHeight(48)
        self.save.setStyleSheet("font-weight: bold;")
        self.save.clicked.connect(self.on_save)
        self.close_button = QPushButton(_("Close (Esc)"))
        self.close_button.setObjectName("refund_close")
        self.close_button.setMinimumHeight(48)
        self.close_button.clicked.connect(self.reject)
        focusable: list[QAbstractButton] = [self.all_button, self.save, self.close_button, *self.method.buttons()]
        for each in focusable:
            each.setFocusPolicy(Qt.FocusPolicy.TabFocus)

        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.all_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.done_text, 1)
        bottom.addWidget(self.save)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reason)
        layout.addLayout(method_row)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        for button in self.findChildren(QPushButton):  # Enter in the reason saves; no other default button
            button.setAutoDefault(False)
        self.resize(960, 540)
        first = next((s for s in self.spins.values() if s.isEnabled()), None)
        (first or self.reason).setFocus()
        self.show_money_back()

    def _stepper(self, spin: QSpinBox, line_no: int, step: int) -> QWidget:
        """``−`` quantity ``+`` in one cell, each button a 44 px square (goods by weight: 1 kg a step, typed
        in grams for less)."""
        cell = QWidget()
        row = QHBoxLayout(cell)
        row.setContentsMargins(2, 2, 2, 2)
        row.setSpacing(2)
        spin.setSingleStep(step)
        for sign, name in ((-1, "minus"), (0, ""), (1, "plus")):
            if not sign:
                row.addWidget(spin, 1)
                continue
            button = QPushButton("−" if sign < 0 else "+")
            button.setObjectName(f"refund_{name}_{line_no}")
            button.setFixedSize(44, 44)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab walks quantity → spoiled, as before
            button.setAutoDefault(False)
            button.setEnabled(spin.isEnabled())
            button.clicked.connect(lambda _c=False, s=spin, d=sign: s.stepBy(d))
            row.addWidget(button)
        return cell

    @property
    def action(self) -> Action:
        return Action.VOID if self.void else Action.REFUND

    def take_all(self) -> None:
        for spin in self.spins.values():
            spin.setValue(spin.maximum())

    def chosen_method(self) -> str:
        button = self.method.checkedButton()
        return str(button.property("method")) if button else "cash"

    def wanted(self) -> dict[int, int]:
        return {n: spin.value() for n, spin in self.spins.items()}

    def chosen_lines(self) -> dict[int, int] | None:
        """line_no → quantity to give back (``None`` for a void: the whole sale)."""
        return None if self.void else {n: q for n, q in self.wanted().items() if q}

    def show_money_back(self) -> None:
        """What the refund chosen so far gives back and how (nothing said until a quantity is chosen)."""
        if self.outcome is not None:
            return
        lines = self.chosen_lines()
        if lines == {}:
            self.money_back.clear()
            return
        try:
            plan = refunds.plan_refund(self.sale, lines, void=self.void, method=self.chosen_method())
        except PosError as err:
            self.money_back.setText(err.message)
            return
        self.money_back.setText(money_back_text(plan.back, plan.method, plan.value))

    def on_save(self) -> None:
        if self.outcome is not None:
            return
        if not self.reason.text().strip():
            self.message.setText(_("A refund needs a reason"))
            self.reason.setFocus()
            return
        if not self.void and not any(self.wanted().values()):
            self.message.setText(_("Choose how many to give back on at least one line"))
            return
        if can(self.ctx.actor.role, self.action):
            self.commit(None)
            return
        self.manager = ManagerDialog(self.ctx, self.action, self.reason.text().strip(), self)
        self.manager.approved.connect(self.commit)
        self.manager.open()

    def _show_left(self) -> None:
        """What is left to refund after this refund (read again from the core: the columns said the old
        figures after saving)."""
        sale = Sale.get(Sale.uuid == self.sale_uuid)
        self.left = {n: (qty, Money(money)) for n, (_line, qty, money) in refunds.refundable(sale).items()}
        for row, line in enumerate(self.detail.lines):
            qty_left, money_left = self.left[line.line_no]
            for col, text in ((2, unit_text(qty_left, line.base_unit)), (3, money_left.format())):
                cell = self.table.item(row, col)
                if cell is not None:
                    cell.setText(text)

    def commit(self, approved_by: Actor | None) -> None:
        lines = self.chosen_lines()
        to_waste = frozenset(n for n, tick in self.waste.items() if tick.isChecked() and lines and n in lines)
        try:
            result = refunds.refund_sale(self.ctx.actor, self.ctx.till.id, self.sale_uuid, self.reason.text(),
                                         lines=lines, to_waste=to_waste, method=self.chosen_method(),
                                         approved_by=approved_by, void=self.void)
        except PosError as err:
            self.message.setText(err.message)
            return
        self.outcome = result
        self.message.clear()
        # the refund document's figures are negative: money and goods going out
        back = money_back_text(-result.paid, result.method, -result.total)
        self.done_text.setText(_("Saved as receipt {number}.").format(number=result.number) + " " + back)
        self.money_back.clear()
        self._show_left()
        steppers = [b for b in self.table.findChildren(QPushButton) if b.objectName().startswith("refund_")]
        for widget in (*self.spins.values(), *self.waste.values(), self.reason, self.save, self.all_button,
                       *self.method.buttons(), *steppers):
            widget.setEnabled(False)
        self.close_button.setFocus()
        self.saved.emit(result)
