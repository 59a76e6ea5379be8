"""The running app backs up on a schedule (the issue: "a hot backup at day close and on a schedule … to a folder
such as a USB stick"): the shell's timer starts after the window shows, the backup runs off the GUI thread
(the window keeps taking keys while it is held up), a backup file appears in the laptop's backup folder; a
folder that vanished gives one Thai line at the foot of the window — no modal box — an audit row, and the next
try an interval later.  The clock is the tests' fixed clock, moved by hand; both databases."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from db.connection import OpenedDatabase
from pos_app.books import close_backup
from pos_app.clock import FixedClock
from pos_app.trust import audit
from pos_app.trust.backup import backup_if_due
from tests.ui_till_helpers import child, log_in
from ui.app import application
from ui.shell import scheduled_backup
from ui.shell.window import MainWindow

pytestmark = pytest.mark.qt
HOUR = dt.timedelta(hours=1)


@pytest.fixture
def usb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The laptop's backup folder on a "USB stick"; the schedule checks every 50 ms from the window's start."""
    folder = tmp_path / "usb" / "backups"
    monkeypatch.setenv(close_backup.ENV, str(folder))
    monkeypatch.setattr(scheduled_backup, "FIRST_CHECK_MS", 0)
    monkeypatch.setattr(scheduled_backup, "CHECK_EVERY_MS", 50)
    return folder


def _window(qtbot: Any) -> MainWindow:
    application()
    win = MainWindow("T1")
    qtbot.addWidget(win)
    win.resize(1024, 600)
    win.show()
    return win


def _schedule(win: MainWindow) -> scheduled_backup.ScheduledBackup:
    schedule = getattr(win, "scheduled_backup", None)  # set by the shell's hook after the window shows
    assert isinstance(schedule, scheduled_backup.ScheduledBackup)
    return schedule


def _notice(win: MainWindow) -> Any:
    return win.statusBar().findChild(QLabel, "backup_notice")


def _backups(usb: Path) -> list[str]:
    """The scheduled backups: in the backup folder's own subfolder, apart from the day closes' month."""
    folder = usb / "scheduled"
    return sorted(p.name for p in folder.glob("shop-*.sqlite3")) + sorted(p.name for p in folder.glob("shop-*.pgdump"))


def test_a_backup_appears_while_the_window_keeps_taking_keys(demo_db: OpenedDatabase, usb: Path, qtbot: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    gate, threads = threading.Event(), []
    real = backup_if_due

    def held_up(*args: Any, **kwargs: Any) -> Any:  # a slow USB stick: the backup waits until the test lets it go
        threads.append(threading.current_thread())
        assert gate.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr("pos_app.books.close_backup.backup_if_due", held_up)
    win = _window(qtbot)  # nobody logged in: the schedule runs all the same
    qtbot.waitUntil(lambda: len(threads) == 1, timeout=5000)
    assert threads[0] is not threading.main_thread()
    pin: QLineEdit = child(win.login_page, QLineEdit, "pin")
    qtbot.keyClicks(pin, "12")  # the GUI thread is free while the backup is held up
    assert pin.text() == "12" and _backups(usb) == []
    gate.set()
    qtbot.waitUntil(lambda: len(_backups(usb)) == 1, timeout=20000)
    qtbot.waitUntil(lambda: getattr(_schedule(win).last, "made", None) is not None, timeout=5000)
    made = getattr(_schedule(win).last, "made", None)  # what reached the GUI thread
    assert made is not None and made.name == _backups(usb)[0]
    assert _backups(usb)[0].startswith("shop-20261124T0300")  # 10:00 Bangkok, the tests' clock
    qtbot.wait(300)  # several more checks: the newest backup is younger than the hour, none is due
    assert len(threads) > 1 and len(_backups(usb)) == 1
    (row,) = audit.entries(["backup"])
    assert row.detail["ok"] is True and row.user == ""  # made by the schedule, not by a person


def test_a_vanished_folder_says_so_once_in_thai_and_tries_again_an_interval_later(
        demo_db: OpenedDatabase, usb: Path, qtbot: Any, clock: FixedClock) -> None:
    win = _window(qtbot)
    log_in(win, qtbot, "somsri", "1111")  # a seller is selling
    qtbot.waitUntil(lambda: len(_backups(usb)) == 1, timeout=20000)
    shutil.rmtree(usb.parent)
    usb.parent.write_text("the stick was pulled; something else is mounted here")
    clock.advance(HOUR)
    qtbot.waitUntil(lambda: len(audit.entries(["backup"])) == 2, timeout=20000)
    qtbot.waitUntil(lambda: _notice(win) is not None and _notice(win).isVisible(), timeout=5000)
    notice = _notice(win)  # at the foot of the window, below the pages (the window's status bar)
    assert notice.text().startswith("การสำรองข้อมูลตามกำหนดเวลาไม่สำเร็จ")
    assert "ลองใหม่อีกครั้งใน 60 นาที" in notice.text()
    assert QApplication.activeModalWidget() is None and win.isVisible() and win.actor is not None
    assert audit.entries(["backup"])[0].detail["ok"] is False  # newest first
    qtbot.wait(300)  # checks keep coming every 50 ms, but the next try waits an interval
    assert len(audit.entries(["backup"])) == 2
    usb.parent.unlink()  # the stick is back
    clock.advance(HOUR)
    qtbot.waitUntil(lambda: len(_backups(usb)) == 1, timeout=20000)
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=5000)
    assert [r.detail["ok"] for r in audit.entries(["backup"])] == [True, False, True]


def test_no_folder_set_makes_no_backup_and_settings_says_so(demo_db: OpenedDatabase, tmp_path: Path, qtbot: Any,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scheduled_backup, "FIRST_CHECK_MS", 0)
    monkeypatch.setattr(scheduled_backup, "CHECK_EVERY_MS", 50)
    win = _window(qtbot)
    log_in(win, qtbot, "admin", "9999")
    qtbot.waitUntil(lambda: getattr(win, "scheduled_backup", None) is not None, timeout=5000)
    qtbot.wait(200)
    assert _schedule(win).task is None and audit.entries(["backup"]) == []
    note = child(win, QLabel, "answer_backup_every").text()
    assert note.startswith("ยังไม่ได้ตั้งโฟลเดอร์สำรองข้อมูลของเครื่องนี้")
