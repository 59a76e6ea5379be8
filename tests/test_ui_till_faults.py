"""Faults found when the till was walked as a new seller (issue 15, session 4), each with real key and mouse
events (pytest-qt, offscreen) on both databases."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton, QWidget

from db.connection import OpenedDatabase
from db.models import Payment, Sale
from tests.ui_till_helpers import answer_next_dialog, barcode_of, child, log_in, scan, till_page, type_slowly
from ui.app import application
from ui.shell.window import MainWindow

pytestmark = pytest.mark.qt


@pytest.fixture
def window(demo_db: OpenedDatabase, qtbot: Any) -> MainWindow:
    application()
    win = MainWindow("T1")
    qtbot.addWidget(win)
    win.resize(1024, 600)
    win.show()
    return win


def visible_buttons(root: QWidget) -> list[QPushButton]:
    return [b for b in root.findChildren(QPushButton) if b.isVisible()]


def test_the_check_the_cash_question_is_thai_with_big_buttons(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    scan(page, qtbot, barcode_of("DISH-3800"))  # ฿120
    qtbot.keyClick(page, Qt.Key.Key_F12)
    received: QLineEdit = child(window, QLineEdit, "received")
    seen: dict[str, Any] = {}

    def answer(button: str) -> None:
        def act(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            seen["title"], seen["text"] = box.windowTitle(), box.text()
            seen["buttons"] = sorted((b.text(), b.height() >= 44) for b in box.buttons())
            qtbot.mouseClick(child(box, QPushButton, button), Qt.MouseButton.LeftButton)
        answer_next_dialog(act)

    before = Sale.select().count()
    answer("answer_no")  # ฿5,000 for ฿120: more than the total + ฿1,000, so it asks
    type_slowly(page, qtbot, received, "5000")
    assert seen == {"title": "ตรวจสอบจำนวนเงินสด",
                    "text": "รับเงินสด ฿5,000.00 ต้องทอน ฿4,880.00 ถูกต้องหรือไม่?",
                    "buttons": [("ใช่ รับเงินสดถูกต้อง", True), ("ไม่ใช่ ใส่จำนวนใหม่", True)]}
    assert Sale.select().count() == before  # "no": nothing saved, the cash box again
    answer("answer_yes")
    type_slowly(page, qtbot, received, "5000")
    sale = Sale.select().order_by(Sale.id.desc()).get()
    assert Sale.select().count() == before + 1
    assert [(p.method, p.amount_satang, p.tendered_satang) for p in sale.payments.order_by(Payment.id)] == [
        ("cash", 12000, 500000)]


def test_the_promptpay_screen_has_one_way_back(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    scan(page, qtbot, barcode_of("DISH-3800"))
    qtbot.keyClick(page, Qt.Key.Key_F12)
    payment = child(window, QWidget, "payment")
    assert [b.objectName() for b in visible_buttons(payment) if "Esc" in b.text()] == ["back"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F5)
    assert [b.objectName() for b in visible_buttons(payment) if "Esc" in b.text()] == ["promptpay_cancel"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # back to the cash side, not to the cart
    assert child(window, QLineEdit, "received").isVisible()
    assert [b.objectName() for b in visible_buttons(payment) if "Esc" in b.text()] == ["back"]
