"""PromptPay on a customer-facing second screen (a faked list of screens), and the QR built from the shop's
PromptPay ID as the settings hold it.  Real key events; both databases."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel

from db.models import Payment, Sale, Shop, Till
from pos_app import settings
from pos_app.thai.promptpay import decode_promptpay
from tests.stock_support import admin
from tests.ui_till_helpers import barcode_of, child, click, log_in, scan, till_page
from ui.shell.window import MainWindow
from ui.till import customer_screen

pytestmark = pytest.mark.qt


class FakeScreen:
    def __init__(self, x: int, width: int, height: int) -> None:
        self.area = QRect(x, 0, width, height)

    def geometry(self) -> QRect:
        return self.area


def _to_promptpay(window: MainWindow, qtbot: Any) -> Any:
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    scan(page, qtbot, barcode_of("DISH-3800"))  # ฿120.00
    qtbot.keyClick(page, Qt.Key.Key_F12)
    qtbot.keyClick(page, Qt.Key.Key_F5)
    return page


def test_the_qr_faces_the_customer_on_a_second_screen_until_confirmed(window: MainWindow, qtbot: Any,
                                                                      monkeypatch: Any) -> None:
    monkeypatch.setattr(customer_screen, "available_screens",
                        lambda: [FakeScreen(0, 1366, 768), FakeScreen(1366, 800, 600)])
    page = _to_promptpay(window, qtbot)
    display = page.payment.customer
    assert display is not None and display.isVisible()
    assert display.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert display.geometry() == QRect(1366, 0, 800, 600)
    assert child(display, QLabel, "customer_amount").text() == "฿120.00"
    shop = Shop.get_by_id(Till.get(Till.code == "T1").shop_id)
    assert child(display, QLabel, "customer_shop").text() == shop.name_th
    assert not child(display, QLabel, "customer_qr").pixmap().isNull()
    click(qtbot, window, "promptpay_cancel")  # not paid: back, the customer's screen empties
    assert not display.isVisible()
    qtbot.keyClick(page, Qt.Key.Key_F5)
    assert display.isVisible()
    qtbot.keyClick(QApplication.focusWidget() or page.payment, Qt.Key.Key_Return)  # the seller saw it paid
    assert not display.isVisible()
    sale = Sale.select().order_by(Sale.id.desc()).get()
    assert [(p.method, p.amount_satang) for p in sale.payments.order_by(Payment.id)] == [("promptpay", 12000)]


def test_one_screen_opens_no_customer_window(window: MainWindow, qtbot: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(customer_screen, "available_screens", lambda: [FakeScreen(0, 1366, 768)])
    page = _to_promptpay(window, qtbot)
    assert page.payment.pages.currentIndex() == 1  # the QR is on the till
    assert page.payment.customer is None


def test_the_qr_uses_the_promptpay_id_from_the_settings(window: MainWindow, qtbot: Any) -> None:
    till = Till.get(Till.code == "T1")
    settings.change(admin(), "promptpay_id", "0801234567", settings.Where(till.shop_id, till.id))
    page = _to_promptpay(window, qtbot)
    payload = page.payment.qr_payload
    assert "2937" "0016A000000677010111" "01130066801234567" in payload
    assert "5406120.00" in payload
    decoded = decode_promptpay(payload)
    assert (decoded.target, decoded.satang, decoded.crc_ok) == ("0066801234567", 12000, True)
