"""The day's close: tick the PromptPay payments off against the bank app (a tick made by mistake is taken
back with a reason, never erased), then close the day (each till's numbered Z, then a backup into the
laptop's backup folder); a shift still open is asked about first."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.models import Till
from pos_app.books import days, promptpay
from pos_app.books.closed import day_close_of
from pos_app.books.xz_print import print_z
from pos_app.clock import today
from pos_app.errors import PosError
from pos_app.thai.dates import format_date, format_time
from resources.i18n import _
from ui.books.widgets import button, money_text, show_error
from ui.shell.backup_folder import BackupFolderRow
from ui.shell.context import ShellContext


class ClosePage(QWidget):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.day = days.day_to_close(ctx.till.shop_id)
        self.day_pick = QComboBox()
        self.day_pick.setObjectName("close_day_pick")
        self.day_pick.setMinimumHeight(40)
        self.fill_days()
        self.day_pick.currentIndexChanged.connect(self.pick_day)
        self.title = QLabel()
        self.title.setObjectName("close_title")
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("promptpay_list")
        self.table.setHorizontalHeaderLabels([_("Seen in the bank app"), _("Time"), _("Receipt"), _("Amount"),
                                              _("Confirmed by")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(44)  # touch-sized rows
        self.tick_button = button(_("Save ticks"), "Ctrl+5", "save_ticks")
        self.close_button = button(_("Close the day and print the Z"), "Ctrl+6", "close_day")
        self.seal_button = button(_("Seal the addendum"), "Ctrl+7", "seal_addendum")
        self.seal_button.clicked.connect(self.seal)
        self.tick_button.clicked.connect(self.save_ticks)
        self.close_button.clicked.connect(self.close_day)
        self.untick_reason = QLineEdit()
        self.untick_reason.setObjectName("untick_reason")
        self.untick_reason.setPlaceholderText(_("Why the tick was wrong"))
        self.untick_button = button(_("Take back the selected tick"), "Ctrl+8", "untick")
        self.untick_button.clicked.connect(self.untick)
        self.folder_row = BackupFolderRow()
        self.result = QLabel()
        self.result.setObjectName("close_result")
        self.result.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.tick_button)
        actions.addWidget(self.close_button)
        actions.addWidget(self.seal_button)
        mistakes = QHBoxLayout()
        mistakes.addWidget(self.untick_reason, 1)
        mistakes.addWidget(self.untick_button)
        layout = QVBoxLayout(self)
        which = QHBoxLayout()
        which.addWidget(QLabel(_("Day")))
        which.addWidget(self.day_pick, 1)
        layout.addLayout(which)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addLayout(mistakes)
        layout.addWidget(self.folder_row)
        layout.addWidget(self.result)
        self.folder_row.saved.connect(self.result.setText)
        self.refresh()

    def fill_days(self) -> None:
        """Today, yesterday and the recent days with documents; the oldest one not yet closed comes first."""
        self.day_pick.blockSignals(True)
        self.day_pick.clear()
        for day, closed in days.days_to_close(self.ctx.till.shop_id):
            label = format_date(day, "long") + ("  · " + _("closed") if closed else "")
            if day == today():
                label += "  · " + _("today")
            self.day_pick.addItem(label, day.isoformat())
        index = self.day_pick.findData(self.day.isoformat())
        self.day_pick.setCurrentIndex(max(index, 0))
        self.day_pick.blockSignals(False)

    def pick_day(self, index: int) -> None:
        self.day = dt.date.fromisoformat(self.day_pick.itemData(index))
        self.result.clear()
        self.refresh()

    def refresh(self) -> None:
        rows = promptpay.promptpay_of_day(self.day, shop_id=self.ctx.till.shop_id)
        unticked = sum(1 for r in rows if not r.ticked)
        self.title.setText(_("PromptPay payments of {day}: {count}, {unticked} not yet ticked off").format(
            day=format_date(self.day, "long"), count=len(rows), unticked=unticked))
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            tick = QTableWidgetItem()
            tick.setData(Qt.ItemDataRole.UserRole, str(r.payment_uuid))
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                          if not r.ticked else Qt.ItemFlag.ItemIsEnabled)
            tick.setCheckState(Qt.CheckState.Checked if r.ticked else Qt.CheckState.Unchecked)
            self.table.setItem(i, 0, tick)
            for col, text in enumerate((format_time(r.at), f"{r.till_code}-{r.receipt_no:06d}", r.amount.format(),
                                        r.confirmed_by), start=1):
                self.table.setItem(i, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.close_button.setEnabled(day_close_of(self.ctx.till.shop_id, self.day) is None)
        self.seal_button.setEnabled(not self.close_button.isEnabled())

    def selected_ticked(self) -> uuid.UUID | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None or item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return None  # not yet ticked: just untick the box
        return uuid.UUID(item.data(Qt.ItemDataRole.UserRole))

    def untick(self) -> None:
        payment = self.selected_ticked()
        if payment is None:
            self.result.setText(_("Select a payment already ticked off, write why the tick was wrong, then "
                                  "take it back."))
            return
        try:
            promptpay.untick(self.ctx.actor, payment, self.untick_reason.text())
        except PosError as err:
            show_error(self, err)
            return
        self.untick_reason.clear()
        self.result.setText(_("The tick was taken back (kept in the books with the reason)."))
        self.refresh()

    def seal(self) -> None:
        try:
            sealed = days.seal_addendum(self.ctx.actor, self.ctx.till.shop_id, self.day)
        except PosError as err:
            show_error(self, err)
            return
        self.result.setText(_("Addendum {number} of {day} sealed: {count} late documents, net {net}.").format(
            number=sealed.number, day=format_date(self.day, "long"), count=len(sealed.documents),
            net=money_text(sealed.net_satang)))

    def checked(self) -> list[uuid.UUID]:
        out = []
        for i in range(self.table.rowCount()):
            item = self.table.item(i, 0)
            if item is None or not item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                continue  # already ticked (ticks are kept)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(uuid.UUID(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def save_ticks(self) -> None:
        try:
            promptpay.tick(self.ctx.actor, self.checked())
        except PosError as err:
            show_error(self, err)
        self.refresh()

    def close_day(self) -> None:
        close_open = False
        still_open = days.open_shifts_of(self.ctx.till.shop_id, self.day)
        if still_open:
            answer = QMessageBox.question(
                self, _("A shift is still open"),
                _("A shift is still open ({shifts}). Close it without a count and close the day?").format(
                    shifts=", ".join(f"{code} #{n}" for code, n in still_open)))
            if answer != QMessageBox.StandardButton.Yes:
                return
            close_open = True
        elif QMessageBox.question(
                self, _("Close the day?"),
                _("Close the books of {day}? A closed day is never reopened: what arrives later goes into its "
                  "addendum.").format(day=format_date(self.day, "long"))) != QMessageBox.StandardButton.Yes:
            return
        try:
            result = days.close_day(self.ctx.actor, self.ctx.till.shop_id, self.day, close_open_shifts=close_open)
        except PosError as err:
            show_error(self, err)
            return
        tills = {t.code: t.id for t in Till.select().where(Till.shop == self.ctx.till.shop_id)}
        for z in result.z_reports:
            try:
                print_z(self.ctx.actor, z, tills.get(z.till_code, self.ctx.till.id))
            except PosError as err:
                show_error(self, err)
        lines = [_("Z {number} of {till}: net {net}, {unticked} PromptPay not ticked off").format(
            number=z.number, till=z.till_code, net=money_text(z.net_satang), unticked=len(z.unticked))
            for z in result.z_reports]
        if result.backup is not None:
            lines.append(result.backup.message)
        self.result.setText(_("The day {day} is closed.").format(day=format_date(self.day, "long")) + "\n"
                            + "\n".join(lines))
        self.fill_days()
        self.refresh()
