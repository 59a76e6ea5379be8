"""The idle-lock minutes are a shop setting per role (``idle_lock_<role>``): set on the admin's settings
screen with real keys, read by the shell's idle watch at its next check (both databases)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from db.connection import OpenedDatabase
from db.models import Till
from pos_app import settings
from pos_app.clock import FixedClock
from pos_app.errors import InputError, PermissionDenied
from pos_app.trust import audit
from tests.stock_support import admin, lead
from tests.ui_till_helpers import child, log_in
from ui.shell.window import MainWindow


def _shop_id() -> int:
    return int(Till.get(Till.code == "T1").shop_id)


def test_the_idle_minutes_per_role_their_defaults_and_bad_input(demo_db: OpenedDatabase,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POS_IDLE_LOCK_SECONDS", raising=False)
    shop = _shop_id()
    assert [settings.idle_lock(r, shop) for r in ("seller", "production", "treasurer", "admin")] == [
        dt.timedelta(minutes=5), dt.timedelta(minutes=10), dt.timedelta(minutes=5), dt.timedelta(minutes=3)]
    done = settings.change(admin(), "idle_lock_production", " ๑๕ ", settings.Where(shop))  # Thai digits
    assert (done.old, done.new) == (10, 15)
    assert settings.idle_lock("production", shop) == dt.timedelta(minutes=15)
    assert audit.entries(["setting_change"])[0].detail == {"old": "10", "new": "15"}
    for bad in ("0", "241", "1.5", "สิบ", ""):
        with pytest.raises(InputError):
            settings.change(admin(), "idle_lock_production", bad, settings.Where(shop))
    with pytest.raises(PermissionDenied):
        settings.change(lead(), "idle_lock_production", "60", settings.Where(shop))  # not her own to loosen
    assert settings.idle_lock("production", shop) == dt.timedelta(minutes=15)
    assert len(audit.entries(["setting_change"])) == 1
    monkeypatch.setenv("POS_IDLE_LOCK_SECONDS", "42")  # a demonstration's override still wins
    assert settings.idle_lock("production", shop) == dt.timedelta(seconds=42)


@pytest.mark.window(login=("admin", "9999"))
def test_the_seller_lock_set_to_two_minutes_on_the_settings_screen(window: MainWindow, qtbot: Any,
                                                                     clock: FixedClock,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POS_IDLE_LOCK_SECONDS", raising=False)  # read at each check, not when the window opens
    win = window
    field: QLineEdit = child(win, QLineEdit, "setting_idle_lock_seller")
    assert field.text() == "5"
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "2")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert child(win, QLabel, "answer_idle_lock_seller").text() == "บันทึกแล้ว"
    win.logout()
    log_in(win, qtbot, "somsri", "1111")
    clock.advance(dt.timedelta(seconds=90))
    assert not win.idle_watch.check()  # 1½ of 2 minutes
    clock.advance(dt.timedelta(seconds=40))
    assert win.idle_watch.check()  # with the built-in 5 minutes it would still be open
    assert win.actor is None
