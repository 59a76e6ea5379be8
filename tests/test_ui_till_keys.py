"""The till's keys (``ui.till.keys``, the one list) and the log-out question, with real key and mouse events.

Qt answers a key that two live shortcuts share with neither ("ambiguous shortcut"): a seller pressing F6 for a
bank transfer got nothing when the print light also took F6, and a treasurer's F8 did not reach the Books."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget

from db.models import CartCancellation, Payment, Sale
from pos_app.people import users
from pos_app.selling import holds
from tests.ui_till_helpers import answer_next_dialog, barcode_of, child, log_in, press, scan, till_page
from ui.shell.areas import AREAS, areas_for
from ui.shell.window import MainWindow
from ui.till import keys

pytestmark = pytest.mark.qt

PEOPLE = (("somsri", "1111"), ("prapha", "2222"), ("wanna", "3333"), ("admin", "9999"))


def live_keys(win: MainWindow) -> list[str]:
    """Every key a live shortcut of the window answers: enabled, its widget on screen in this window."""
    QApplication.processEvents()
    found = []
    for shortcut in win.findChildren(QShortcut):
        owner = shortcut.parent()
        if shortcut.isEnabled() and isinstance(owner, QWidget) and owner.isVisible() and owner.window() is win:
            found.append(shortcut.key().toString())
    for button in win.findChildren(QAbstractButton):
        if not button.shortcut().isEmpty() and button.isVisible() and button.window() is win:
            found.append(button.shortcut().toString())
    return found


def shown(key: str) -> str:
    return QKeySequence(key).toString()


def shared(found: list[str]) -> list[str]:
    return sorted(k for k, n in Counter(found).items() if n > 1)


def test_the_till_keys_are_all_different_and_none_is_an_area_key() -> None:
    till_keys = list(keys.TILL_KEYS.values())
    assert len(set(till_keys)) == len(till_keys)
    assert {a.shortcut for a in AREAS} & set(till_keys) == set()
    assert (keys.REPRINT, keys.DRAWER, keys.TRANSFER) == ("F11", "Ctrl+O", "F6")


@pytest.mark.parametrize(("login", "pin"), PEOPLE)
def test_no_two_live_shortcuts_share_a_key_for_any_role(window: MainWindow, qtbot: Any, login: str, pin: str) -> None:
    log_in(window, qtbot, login, pin)
    assert window.actor is not None
    seen = {}
    for area in areas_for(window.actor.role):
        window.show_area(area.key)
        seen[area.key] = live_keys(window)
        assert shared(seen[area.key]) == [], (area.key, seen[area.key])
    window.show_area("till")
    page = till_page(window)
    scan(page, qtbot, barcode_of("KAPI-200"))
    press(qtbot, page, Qt.Key.Key_F12)  # the payment panel in place of the cart
    assert page.right.currentWidget() is page.payment
    in_payment = live_keys(window)
    assert shared(in_payment) == [], in_payment
    # the till's own keys and the role's area keys are all live on the till
    assert {shown(k) for k in keys.TILL_KEYS.values()} - {keys.DRAWER} <= set(in_payment)
    assert {a.shortcut for a in areas_for(window.actor.role)} <= set(in_payment)
    assert (keys.DRAWER in in_payment) == (login in ("wanna", "admin"))  # who may open the drawer
    press(qtbot, page, Qt.Key.Key_Escape)
    answer_next_dialog(lambda box: box.findChild(QPushButton, "logout_cancel").click())
    window.logout()


def test_f6_takes_a_bank_transfer_and_f8_takes_the_treasurer_to_the_books(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "wanna", "3333")
    press(qtbot, window.current_page(), Qt.Key.Key_F2)  # type: ignore[arg-type]
    page = till_page(window)
    before = Sale.select().count()
    scan(page, qtbot, barcode_of("DRINK-YMN"))  # ฿20
    press(qtbot, page, Qt.Key.Key_F12)
    press(qtbot, page, Qt.Key.Key_F6)
    assert Sale.select().count() == before + 1
    sale = Sale.select().order_by(Sale.id.desc()).get()
    assert [(p.method, p.amount_satang) for p in Payment.select().where(Payment.sale == sale)] == [("transfer", 2000)]
    press(qtbot, page, Qt.Key.Key_F8)
    assert window.current_area == "books"


# -- the log-out question: the cart belongs to its seller ------------------------------------------------------
def answer_logout(choice: str) -> None:
    def act(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and box.objectName() == "logout_question"
        assert box.text() == "มีบิลที่ยังเปิดอยู่ จะพักบิลไว้ หรือยกเลิกการขาย?"
        box.findChild(QPushButton, choice).click()

    answer_next_dialog(act)


def cart_of_two(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    scan(page, qtbot, barcode_of("KAPI-200"))  # ฿50
    scan(page, qtbot, barcode_of("DRINK-YMN"))  # ฿20


def test_log_out_with_an_open_sale_holds_it_for_its_seller(window: MainWindow, qtbot: Any) -> None:
    cart_of_two(window, qtbot)
    answer_logout("logout_hold")
    qtbot.mouseClick(child(window, QPushButton, "logout"), Qt.MouseButton.LeftButton)
    assert window.actor is None
    waiting = holds.held(window.till.id, users.login("somsri", "1111"))
    assert [h.line_count for h in waiting] == [2]
    log_in(window, qtbot, "wanna", "3333")  # the next person starts with an empty cart
    press(qtbot, window.current_page(), Qt.Key.Key_F2)  # type: ignore[arg-type]
    assert till_page(window).cart.lines == []
    assert holds.held(window.till.id, users.login("wanna", "3333")) == []


def test_log_out_with_an_open_sale_can_cancel_it_and_the_cancellation_is_recorded(
        window: MainWindow, qtbot: Any) -> None:
    cart_of_two(window, qtbot)
    answer_logout("logout_cancel")
    qtbot.mouseClick(child(window, QPushButton, "logout"), Qt.MouseButton.LeftButton)
    assert window.actor is None
    row = CartCancellation.get()
    assert (row.total_satang, row.reason, row.seller.login) == (7000, "ยกเลิกตอนออกจากระบบ", "somsri")
    assert holds.held(window.till.id, users.login("somsri", "1111")) == []


def test_log_out_with_an_open_sale_can_stay_and_keeps_selling(window: MainWindow, qtbot: Any) -> None:
    cart_of_two(window, qtbot)
    answer_logout("logout_stay")
    qtbot.mouseClick(child(window, QPushButton, "logout"), Qt.MouseButton.LeftButton)
    assert window.actor is not None and window.actor.login == "somsri"
    page = till_page(window)
    assert [line.quantity for line in page.cart.lines] == [1, 1]
    assert CartCancellation.select().count() == 0 and holds.held(window.till.id, window.actor) == []
    qtbot.waitUntil(child(window, QLineEdit, "scan").hasFocus, timeout=2000)  # the scan field has the cursor
    scan(page, qtbot, barcode_of("DRINK-YMN"))
    assert [line.quantity for line in page.cart.lines] == [1, 2]
    assert child(window, QLabel, "message").text().startswith("เพิ่ม")
