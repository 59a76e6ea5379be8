"""The admin's settings screen (F9), driven with real key events: a bad PromptPay ID is refused in Thai and
nothing changes; a good one is saved, audited, and is what the till's QR uses; the stock policy by keys."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton

from db.models import Shop, Till
from pos_app.stock.ledger import stock_policy
from pos_app.trust import audit
from tests.ui_till_helpers import child
from ui.shell.window import MainWindow

pytestmark = [pytest.mark.qt, pytest.mark.window(login=("admin", "9999"))]


def _shop() -> Shop:
    return Shop.get_by_id(Till.get(Till.code == "T1").shop_id)


def test_a_bad_promptpay_id_is_refused_in_thai_and_a_good_one_saved(window: MainWindow, qtbot: Any) -> None:
    assert window.current_area == "settings"
    field: QLineEdit = child(window, QLineEdit, "setting_promptpay_id")
    answer: QLabel = child(window, QLabel, "answer_promptpay_id")
    assert field.text() == "0812345678"
    field.selectAll()
    qtbot.keyClicks(field, "1111111111111")  # check digit should be 9
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "เลขหลักสุดท้าย" in answer.text()
    assert _shop().promptpay_id == "0812345678"
    assert audit.entries(["setting_change"]) == []
    field.selectAll()
    qtbot.keyClicks(field, "080-123-4567")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert answer.text() == "บันทึกแล้ว"
    assert field.text() == "0801234567"
    assert _shop().promptpay_id == "0801234567"
    assert audit.entries(["setting_change"])[0].detail == {"old": "0812345678", "new": "0801234567"}


def test_stock_policy_and_discount_limit_by_keyboard(window: MainWindow, qtbot: Any) -> None:
    box: QComboBox = child(window, QComboBox, "setting_stock_policy")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.currentData() == "block"
    qtbot.mouseClick(child(window, QPushButton, "save_stock_policy"), Qt.MouseButton.LeftButton)
    assert stock_policy(_shop().id) == "block"
    limit: QLineEdit = child(window, QLineEdit, "setting_discount_limit_seller")
    assert limit.text() == "10"
    limit.selectAll()
    qtbot.keyClicks(limit, "150")
    qtbot.keyClick(limit, Qt.Key.Key_Return)
    assert "100" in child(window, QLabel, "answer_discount_limit_seller").text()
    limit.selectAll()
    qtbot.keyClicks(limit, "7.5")
    qtbot.keyClick(limit, Qt.Key.Key_Return)
    assert [e.detail for e in audit.entries(["setting_change"])] == [
        {"old": "10", "new": "7.5"}, {"old": "warn", "new": "block"}]


def test_touch_targets_are_44_px(window: MainWindow, qtbot: Any) -> None:
    for name in ("save_promptpay_id", "save_stock_policy", "save_scanner_suffix"):
        assert child(window, QPushButton, name).height() >= 44
    assert child(window, QLineEdit, "setting_scanner_prefix").height() >= 44
