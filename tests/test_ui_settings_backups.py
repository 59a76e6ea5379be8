"""The Settings screen's Backups tab, driven as the admin does (real keys and clicks, both databases): no folder
says so; a folder typed and saved with Enter; "Back up now" runs off the GUI thread and the new backup is
listed with its Bangkok time (Buddhist Era) and how it was made.  Sizes as people read them, by hand."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableWidget, QTabWidget

from db.connection import OpenedDatabase
from pos_app.books import close_backup
from pos_app.clock import FixedClock
from tests.ui_till_helpers import child, key_clicks
from ui.shell.backups import size_text
from ui.shell.window import MainWindow

pytestmark = pytest.mark.qt


@pytest.fixture
def laptop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv(close_backup.ENV, raising=False)
    monkeypatch.setattr(close_backup, "_settings_file", lambda: tmp_path / "config" / "books.json")
    return tmp_path


@pytest.mark.parametrize(("size", "shown"), [
    (1, "1 กิโลไบต์"),  # never "0 KB" for a file that is there
    (1536, "2 กิโลไบต์"),  # 1.5 KB
    (1023 * 1024, "1,023 กิโลไบต์"),
    (1024 * 1024, "1.0 เมกะไบต์"),
    (13_000_000, "12.4 เมกะไบต์"),  # 12.397… MB
    (3 * 1024 ** 3, "3,072.0 เมกะไบต์"),
])
def test_sizes_as_people_read_them(size: int, shown: str) -> None:
    assert size_text(size) == shown


@pytest.mark.window(size=(1024, 600), login=("admin", "9999"), active=True)
def test_the_admin_sets_the_folder_and_backs_up_now(window: MainWindow, qtbot: Any, laptop: Path,
                                                    demo_db: OpenedDatabase, clock: FixedClock) -> None:
    tabs: QTabWidget = child(window, QTabWidget, "settings_tabs")
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == "สำรองข้อมูล"))
    result: QLabel = child(window, QLabel, "backup_result")
    table: QTableWidget = child(window, QTableWidget, "backup_list")
    assert result.text() == "ยังไม่ได้ตั้งโฟลเดอร์สำรองข้อมูลของเครื่องนี้" and table.rowCount() == 0
    folder: QLineEdit = child(window, QLineEdit, "backup_folder")
    usb = laptop / "usb"
    folder.setFocus()
    key_clicks(qtbot, folder, str(usb))
    qtbot.keyClick(folder, Qt.Key.Key_Return)
    assert close_backup.backup_folder() == usb
    assert result.text() == f"เมื่อปิดวัน จะสำรองข้อมูลไปที่ {usb}"
    clock.set(dt.datetime(2026, 11, 24, 5, 30, tzinfo=dt.UTC))  # 12:30 in Bangkok
    qtbot.mouseClick(child(window, QPushButton, "backup_now"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=30_000)
    [made] = [p for p in usb.iterdir()]
    assert result.text() == f"สำรองข้อมูลแล้ว: {made}"
    assert made.name.startswith("shop-20261124T0530")
    cells = [table.item(0, c) for c in range(3)]
    assert all(cells)
    when, how, size = (c.text() for c in cells if c is not None)
    assert when == "24/11/2569 12:30"
    assert how == "ตอนปิดยอดหรือสั่งเอง"
    assert re.fullmatch(r"[\d,]+ กิโลไบต์|[\d,]+\.\d เมกะไบต์", size)
    assert cells[0] is not None and cells[0].toolTip() == str(made)
