"""The admin's audit view, driven with real keys: today's log-ins and failures, a day back and forth, a filter."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QTableWidget, QTabWidget

from pos_app.money import Money
from pos_app.people import users
from pos_app.people.users import AuthError
from pos_app.selling import prices
from tests.ui_till_helpers import child, log_in
from ui.people.audit_view import detail_text
from ui.shell.window import MainWindow

pytestmark = [pytest.mark.qt, pytest.mark.window(size=None, active=True)]


def rows(table: QTableWidget) -> list[tuple[str, ...]]:
    return [tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())]


def test_the_admin_reads_todays_log_moves_a_day_and_filters(window: MainWindow, qtbot: Any) -> None:
    with pytest.raises(AuthError):
        users.login("ghost", "1234", till_id=1)
    log_in(window, qtbot, "admin", "9999")
    prices.change_price(window.actor, _kapi(), "member", Money(17500))
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F7)
    tabs: QTabWidget = child(window, QTabWidget, "people_tabs")
    people: QTableWidget = child(window, QTableWidget, "people_table")
    people.setFocus()
    qtbot.keyClick(people, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert tabs.currentIndex() == 1
    table: QTableWidget = child(window, QTableWidget, "audit_table")
    day: QLabel = child(window, QLabel, "audit_day")
    assert day.text() == "24 พฤศจิกายน พ.ศ. 2569"
    seen = rows(table)
    assert [r[1:4] for r in seen] == [("เปลี่ยนราคา", "admin", ""), ("เข้าสู่ระบบ", "admin", "T1"),
                                      ("PIN ผิดหรือไม่มีชื่อนี้", "“ghost” (ไม่มีคนนี้)", "T1")]
    assert seen[0][4] == "KAPI-KG · รายการราคา: member · เดิม: ฿180.00 · ใหม่: ฿175.00"
    assert seen[2][0].startswith("10:00:")  # Bangkok wall clock of the fixed test clock
    assert QApplication.focusWidget() is table  # the log takes the keys at once
    qtbot.keyClick(table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert day.text() == "23 พฤศจิกายน พ.ศ. 2569" and table.rowCount() == 0
    assert child(window, QLabel, "audit_empty").text() == "ไม่มีการบันทึกในวันนี้"
    qtbot.keyClick(table, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(table, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # no further than today
    assert day.text() == "24 พฤศจิกายน พ.ศ. 2569" and table.rowCount() == 3
    kind: QComboBox = child(window, QComboBox, "audit_kind")
    kind.setFocus()
    qtbot.keyClicks(kind, "P")  # types to the first "PIN …" entry: wrong PINs
    assert kind.currentData() == "login_failed"
    assert [r[1] for r in rows(table)] == ["PIN ผิดหรือไม่มีชื่อนี้"]


def _kapi() -> int:
    from db.models import Item

    return int(Item.get(Item.sku == "KAPI-KG").id)


def test_detail_text_reads_money_and_flags() -> None:
    assert detail_text({"old_satang": 18000, "new_satang": None, "ok": True, "sha256": "ab", "old_per": 1}) == \
        "เดิม: ฿180.00 · ใหม่: — · เสร็จ: ใช่"
