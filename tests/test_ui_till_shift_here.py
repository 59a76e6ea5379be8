"""A till with no shift open says so and opens one where the seller stands (ui/till/shift_here.py), driven with
real keys and clicks on both databases: a seller needs a treasurer's PIN, the treasurer counts the float, a bad
count opens nothing, a shift opened on the Books screen hides the button."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget, QPushButton, QWidget

from db.models import Till, User
from db.models.books import Shift
from pos_app.books import cash
from pos_app.trust import audit
from tests.ui_till_helpers import actor, answer_next_dialog, child, key_clicks, press, till_page
from ui.shell.window import MainWindow

pytestmark = pytest.mark.qt


def _button(win: MainWindow) -> QPushButton:
    return child(win, QPushButton, "open_shift_here")  # type: ignore[no-any-return]


def _count(pieces: dict[int, str], then_open: bool = True, seen: list[str] | None = None) -> Any:
    """Type a count into the float box (by real keys), then press its "Open shift" (or cancel after a refusal)."""
    def act(dialog: QWidget) -> None:
        for value, text in pieces.items():
            key_clicks(QTest, child(dialog, QLineEdit, f"float_{value}"), text)  # Thai digits too
        QTest.mouseClick(child(dialog, QPushButton, "float_open"), Qt.MouseButton.LeftButton)
        if seen is not None:
            seen.append(child(dialog, QLabel, "float_message").text())
        if not then_open:
            QTest.mouseClick(child(dialog, QPushButton, "float_cancel"), Qt.MouseButton.LeftButton)
    return act


def _treasurer_pin(then: Any) -> Any:
    def act(dialog: QWidget) -> None:
        people: QListWidget = child(dialog, QListWidget, "managers")
        rows = {people.item(r).data(Qt.ItemDataRole.UserRole): r for r in range(people.count())}
        assert set(rows) == {"wanna", "admin"}  # only those who may handle the drawer are offered
        people.setCurrentRow(rows["wanna"])
        answer_next_dialog(then)  # the float box comes after the PIN
        field = child(dialog, QLineEdit, "manager_pin")
        QTest.keyClicks(field, "3333")
        QTest.keyClick(field, Qt.Key.Key_Return)
    return act


def _t1() -> int:
    return int(Till.get(Till.code == "T1").id)


@pytest.mark.window(size=(1366, 768), login=("somsri", "1111"), active=True)
def test_a_seller_gets_a_treasurers_pin_and_the_treasurer_counts_the_float(window: MainWindow, qtbot: Any) -> None:
    page = till_page(window)
    button = _button(window)
    assert button.isVisible()
    assert button.text() == "ยังไม่เปิดกะ: นับเงินทอนตั้งต้น  Ctrl+G"
    # 5 notes of ฿100 + 10 of ฿20 + 4 coins of ฿5 = 500 + 200 + 20 = ฿720.00
    answer_next_dialog(_treasurer_pin(_count({10000: "5", 2000: "10", 500: "4"})))
    press(qtbot, page, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    shift = cash.current_shift(_t1())
    assert shift is not None
    assert shift.float.satang == 72000
    row = Shift.get(Shift.till == _t1())
    assert User.get_by_id(row.opened_by).login == "wanna"  # opened in the treasurer's name, not the seller's
    [entry] = audit.entries(["override"])
    assert (entry.user, entry.detail["action"], entry.detail["for_user"]) == ("wanna", "handle_cash", "somsri")
    QApplication.processEvents()
    assert not button.isVisible()


@pytest.mark.window(size=(1024, 600), login=("wanna", "3333"), active=True)
def test_the_treasurer_counts_at_once_and_a_bad_count_opens_nothing(window: MainWindow, qtbot: Any) -> None:
    window.show_area("till")
    page = till_page(window)
    seen: list[str] = []
    answer_next_dialog(_count({10000: "x"}, then_open=False, seen=seen))  # no PIN box: she may do it herself
    qtbot.mouseClick(_button(window), Qt.MouseButton.LeftButton)
    assert seen == ["“x” ไม่ใช่จำนวนชิ้น (ของ 100)"]
    assert cash.current_shift(_t1()) is None
    assert _button(window).isVisible()
    answer_next_dialog(_count({100000: "๒"}))  # Thai digits: 2 notes of ฿1,000
    press(qtbot, page, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    shift = cash.current_shift(_t1())
    assert shift is not None and shift.float.satang == 200000


@pytest.mark.window(size=(1024, 600), login=("somsri", "1111"))
def test_a_shift_opened_on_the_books_screen_hides_the_button(window: MainWindow, qtbot: Any) -> None:
    till_page(window)
    assert _button(window).isVisible()
    cash.open_shift(actor("wanna"), _t1(), {5000: "2"})
    qtbot.waitUntil(lambda: not _button(window).isVisible(), timeout=2000)
