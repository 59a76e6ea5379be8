"""The one PIN keypad (log-in page and manager's approval), driven with real key events and mouse clicks."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.ui_till_helpers import key_clicks
from ui.app import application
from ui.people.pin_pad import PinPad

pytestmark = pytest.mark.qt


@pytest.fixture
def pad(qtbot: Any) -> tuple[PinPad, list[str]]:
    application()
    widget = PinPad("pin", "pin_key_")
    qtbot.addWidget(widget)
    widget.show()
    got: list[str] = []
    widget.submitted.connect(got.append)
    return widget, got


def click(qtbot: Any, widget: PinPad, name: str) -> None:
    button = widget.findChild(QPushButton, f"pin_key_{name}")
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_keyboard_digits_and_enter(pad: tuple[PinPad, list[str]], qtbot: Any) -> None:
    widget, got = pad
    qtbot.keyClicks(widget.field, "2580")
    assert widget.field.text() == "2580" and got == []
    qtbot.keyClick(widget.field, Qt.Key.Key_Return)
    assert got == ["2580"] and widget.field.text() == ""


def test_thai_digits_and_the_thai_layout_number_row_read_as_digits(pad: tuple[PinPad, list[str]], qtbot: Any) -> None:
    widget, got = pad
    key_clicks(qtbot, widget.field, "๑๒๓๔")  # Thai digits
    qtbot.keyClick(widget.field, Qt.Key.Key_Enter)
    key_clicks(qtbot, widget.field, "ๅ/-ภถุึคตจ"[:8])  # the keys 1–8 with the Thai (Kedmanee) layout on
    qtbot.keyClick(widget.field, Qt.Key.Key_Return)
    assert got == ["1234", "12345678"]


def test_on_screen_keys_backspace_and_ok(pad: tuple[PinPad, list[str]], qtbot: Any) -> None:
    widget, got = pad
    for name in ("9", "9", "1", "back", "9", "9"):
        click(qtbot, widget, name)
    assert widget.field.text() == "9999" and widget.field.hasFocus()  # the cursor stays in the PIN
    qtbot.keyClick(widget.field, Qt.Key.Key_Backspace)
    click(qtbot, widget, "0")
    click(qtbot, widget, "ok")
    assert got == ["9990"]


def test_no_more_than_eight_digits_from_either_side(pad: tuple[PinPad, list[str]], qtbot: Any) -> None:
    widget, got = pad
    qtbot.keyClicks(widget.field, "1234567")
    click(qtbot, widget, "8")
    click(qtbot, widget, "9")  # a ninth key does nothing
    qtbot.keyClicks(widget.field, "0")
    click(qtbot, widget, "ok")
    assert got == ["12345678"]


def test_words_are_passed_on_as_typed_so_the_check_can_refuse_them(pad: tuple[PinPad, list[str]], qtbot: Any) -> None:
    widget, got = pad
    qtbot.keyClicks(widget.field, "abcd")
    qtbot.keyClick(widget.field, Qt.Key.Key_Return)
    qtbot.keyClick(widget.field, Qt.Key.Key_Return)  # nothing typed
    assert got == ["abcd", ""]


@pytest.mark.window(size=None)
def test_the_log_in_page_uses_the_pad_and_records_the_till(window: Any, qtbot: Any) -> None:
    from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget

    from pos_app.trust import audit
    from tests.ui_till_helpers import child

    win = window
    people: QListWidget = child(win, QListWidget, "people")
    people.setCurrentRow(next(r for r in range(people.count())
                              if people.item(r).data(Qt.ItemDataRole.UserRole) == "admin"))
    field: QLineEdit = child(win, QLineEdit, "pin")
    qtbot.keyClicks(field, "1234")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert child(win, QLabel, "login_message").text() != "" and win.actor is None and field.text() == ""
    key_clicks(qtbot, field, "ตตต")  # 9 9 9 on the Thai layout's number row …
    qtbot.mouseClick(child(win, QPushButton, "pin_key_9"), Qt.MouseButton.LeftButton)  # … and one on screen
    qtbot.mouseClick(child(win, QPushButton, "pin_key_ok"), Qt.MouseButton.LeftButton)
    assert win.actor is not None and win.actor.login == "admin"
    assert [(e.kind, e.till) for e in audit.entries(["login", "login_failed"])] == [("login", "T1"),
                                                                                   ("login_failed", "T1")]
