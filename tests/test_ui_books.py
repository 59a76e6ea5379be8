"""The treasurer's day through the screens, as a new user would do it, with real key events."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMessageBox, QPushButton, QTableWidget, QTabWidget

from db.models import Till
from db.models.books import CashMovement, DayClose, PromptPayCheck, PromptPayUncheck, Shift
from db.models.printing import PrintJob
from pos_app.money import Money
from pos_app.selling import sales
from tests.books_day import actor, cart
from tests.conftest import TODAY
from tests.test_ui_till import child, log_in
from ui.shell.window import MainWindow

pytestmark = pytest.mark.qt


def type_into(win: MainWindow, qtbot: Any, name: str, text: str) -> None:
    field: QLineEdit = child(win, QLineEdit, name)
    field.clear()
    qtbot.keyClicks(field, text)


def press(win: MainWindow, qtbot: Any, name: str) -> None:
    qtbot.mouseClick(child(win, QPushButton, name), Qt.MouseButton.LeftButton)


def test_treasurer_opens_counts_ticks_closes_and_exports(window: MainWindow, qtbot: Any, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    log_in(window, qtbot, "wanna", "3333")
    assert window.current_area == "books"
    # Open the shift with a float of 2 × 100 + 5 × 20 = 300.00, typed in the count grid.
    type_into(window, qtbot, "count_10000", "2")
    type_into(window, qtbot, "count_2000", "5")
    assert "300.00" in child(window, QLabel, "count_total").text()
    qtbot.keyClick(child(window, QLineEdit, "count_2000"), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert Shift.get().float_satang == 30000
    till = Till.get(Till.code == "T1")
    sales.commit_sale(actor("somsri"), till.id, cart(("DISH-500", 2)), Money(10000))  # 50.00, change 50.00
    sales.commit_sale(actor("somsri"), till.id, cart(("TEA-YMN", 1)), method="promptpay")  # 60.00
    # A cash-out for ice: 35.00.
    combo: QComboBox = child(window, QComboBox, "cash_category")
    combo.setCurrentIndex(combo.findData("ice"))
    type_into(window, qtbot, "cash_amount", "35")
    type_into(window, qtbot, "cash_reason", "ice for the drinks")  # QTest types ASCII only
    qtbot.keyClick(child(window, QLineEdit, "cash_reason"), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert [(m.direction, m.category, m.amount_satang) for m in CashMovement.select()] == [("out", "ice", 3500)]
    assert "315.00" in child(window, QLabel, "shift_status").text()  # 300 + 100 − 50 − 35
    # Count the drawer: 3 × 100 + 1 × 10 + 1 × 5 = 315.00 and close the shift.
    type_into(window, qtbot, "count_10000", "3")
    type_into(window, qtbot, "count_1000", "1")
    type_into(window, qtbot, "count_500", "1")
    press(window, qtbot, "close_shift")
    assert "315.00" in child(window, QLabel, "shift_status").text()
    # Tick the PromptPay payment off and close the day.
    books_tabs: QTabWidget = child(window, QTabWidget, "books_tabs")
    books_tabs.setCurrentIndex(1)
    # The demo's week of market days was never closed: the oldest comes first; the treasurer picks today.
    day_pick: QComboBox = child(window, QComboBox, "close_day_pick")
    assert day_pick.currentData() < TODAY.isoformat()  # an older day not yet closed
    qtbot.keyClick(day_pick, Qt.Key.Key_Home)
    assert day_pick.currentData() == TODAY.isoformat()
    table: QTableWidget = child(window, QTableWidget, "promptpay_list")
    assert table.rowCount() == 1
    table.item(0, 0).setCheckState(Qt.CheckState.Checked)
    press(window, qtbot, "save_ticks")
    assert PromptPayCheck.select().count() == 1
    # Ticked by mistake: take it back with a reason (a reversing row), then tick it again.
    table.setCurrentCell(0, 1)
    type_into(window, qtbot, "untick_reason", "wrong line")
    press(window, qtbot, "untick")
    assert [u.reason for u in PromptPayUncheck.select()] == ["wrong line"]
    assert table.item(0, 0).checkState() == Qt.CheckState.Unchecked
    table.item(0, 0).setCheckState(Qt.CheckState.Checked)
    press(window, qtbot, "save_ticks")
    assert PromptPayCheck.select().count() == 2
    # The backup folder of this laptop (a USB stick): the close backs the books up into it.
    type_into(window, qtbot, "backup_folder", str(tmp_path / "usb"))
    press(window, qtbot, "save_backup_folder")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(table, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert DayClose.select().count() == 1
    assert [j.doc_kind for j in PrintJob.select().where(PrintJob.kind == "document")] == ["z_report"]  # printed
    assert "110.00" in child(window, QLabel, "close_result").text()  # 50 + 60
    assert "สำรองข้อมูลแล้ว" in child(window, QLabel, "close_result").text()
    assert len(list((tmp_path / "usb").glob("shop-*"))) == 1
    # Export the day as XLSX, off the GUI thread.
    books_tabs.setCurrentIndex(2)
    type_into(window, qtbot, "export_folder", str(tmp_path))
    fmt: QComboBox = child(window, QComboBox, "export_format")
    fmt.setCurrentIndex(fmt.findData("xlsx"))
    press(window, qtbot, "export")
    qtbot.waitUntil(lambda: "xlsx" in child(window, QLabel, "export_result").text(), timeout=20000)
    (path,) = tmp_path.glob("day_NETWORK_*.xlsx")
    rows = {r[0]: r[2] for r in openpyxl.load_workbook(path)["summary"].iter_rows(min_row=4, values_only=True)
            if r and r[0]}
    assert rows["ยอดขายสุทธิ"] == 110.0  # 50.00 cash + 60.00 PromptPay, to the satang
    assert warnings == []
