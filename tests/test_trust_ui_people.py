"""The admin's people screen and the idle lock, driven with real key events."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QTableWidget

from pos_app.clock import FixedClock
from pos_app.people import users
from pos_app.selling import holds
from pos_app.trust.idle import IdleRule, idle_limit
from tests.ui_till_helpers import barcode_of, child, log_in, scan, till_page
from ui.shell.window import MainWindow

pytestmark = [pytest.mark.qt, pytest.mark.window(size=None)]


def logins_in_table(win: MainWindow) -> list[str]:
    table: QTableWidget = child(win, QTableWidget, "people_table")
    return [table.item(r, 1).text() for r in range(table.rowCount())]


def test_the_admin_adds_a_person_who_can_then_log_in(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "admin", "9999")
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F7)
    assert window.current_area == "people"
    qtbot.keyClicks(child(window, QLineEdit, "new_login"), "malee")
    qtbot.keyClicks(child(window, QLineEdit, "new_name"), "Malee")  # QTest types ASCII only
    pin = child(window, QLineEdit, "new_pin")
    qtbot.keyClicks(pin, "12")
    qtbot.keyClick(pin, Qt.Key.Key_Return)
    assert child(window, QLabel, "people_message").text() == "รหัส PIN ต้องเป็นตัวเลข 4 ถึง 8 หลัก"
    assert "malee" not in logins_in_table(window)
    qtbot.keyClicks(pin, "34")
    qtbot.keyClick(pin, Qt.Key.Key_Return)
    assert "malee" in logins_in_table(window)
    assert pin.text() == ""
    window.logout()
    log_in(window, qtbot, "malee", "1234")
    assert window.actor is not None and window.actor.login == "malee" and window.current_area == "till"


def test_the_admin_deactivates_and_resets_a_pin_with_keys(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "admin", "9999")
    window.show_area("people")
    table: QTableWidget = child(window, QTableWidget, "people_table")
    table.setCurrentCell(logins_in_table(window).index("somsri"), 0)
    field = child(window, QLineEdit, "reset_pin")
    qtbot.keyClicks(field, "5678")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert users.login("somsri", "5678").login == "somsri"
    table.setCurrentCell(logins_in_table(window).index("somsri"), 0)
    qtbot.keyClick(table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert "somsri" not in [a.login for a in users.users_for_login()]
    assert child(window, QLabel, "people_message").text() == "somsri ไม่สามารถเข้าระบบได้อีกต่อไป"


def test_a_seller_does_not_see_the_people_screen(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "somsri", "1111")
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F7)
    assert window.current_area == "till"


def test_the_till_locks_itself_and_gives_the_cart_back_to_the_same_seller(
        window: MainWindow, qtbot: Any, clock: FixedClock) -> None:
    log_in(window, qtbot, "somsri", "1111")
    scan(till_page(window), qtbot, barcode_of("DISH-500"))
    assert len(window.session["cart"].lines) == 1
    clock.advance(dt.timedelta(minutes=4))
    assert not window.idle_watch.check()  # 4 of 5 minutes: still open
    qtbot.keyClick(child(window, QLineEdit, "scan"), Qt.Key.Key_Shift)  # any key is activity
    clock.advance(dt.timedelta(minutes=4))
    assert not window.idle_watch.check()
    clock.advance(dt.timedelta(minutes=2))
    assert window.idle_watch.check()
    assert window.actor is None and window.stack.currentWidget() is window.login_page
    log_in(window, qtbot, "somsri", "1111")
    assert len(window.session["cart"].lines) == 1  # her open sale is as she left it


def test_someone_else_after_the_idle_lock_starts_afresh(window: MainWindow, qtbot: Any,
                                                        clock: FixedClock) -> None:
    log_in(window, qtbot, "somsri", "1111")
    scan(till_page(window), qtbot, barcode_of("DISH-500"))
    clock.advance(dt.timedelta(minutes=6))
    assert window.idle_watch.check()
    log_in(window, qtbot, "wanna", "3333")
    assert window.actor is not None and window.actor.login == "wanna"
    assert "cart" not in window.session or not window.session["cart"].lines
    somsri = users.login("somsri", "1111")
    waiting = holds.held(window.till.id, somsri)  # her sale waits for her, held, not lost
    assert [h.line_count for h in waiting] == [1]


def test_the_idle_rule() -> None:
    t = dt.datetime(2026, 11, 24, 3, 0, tzinfo=dt.UTC)
    rule = IdleRule(dt.timedelta(minutes=5), last=t)
    assert not rule.due(t + dt.timedelta(seconds=299)) and rule.due(t + dt.timedelta(seconds=300))
    assert rule.remaining(t + dt.timedelta(minutes=2)) == dt.timedelta(minutes=3)
    assert [idle_limit(r).total_seconds() for r in ("seller", "admin", "production")] == [300, 180, 600]
