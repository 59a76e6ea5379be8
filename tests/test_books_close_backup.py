"""The day close backs the books up into the laptop's backup folder; none set or a failing one never undoes
the close (both databases)."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from db.connection import OpenedDatabase
from db.models.books import DayClose
from pos_app.books import cash, close_backup, days
from tests.books_day import DAY, at, build_day, t1, treasurer


@pytest.fixture
def laptop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No backup folder in the environment; the per-laptop settings file in a temporary folder."""
    monkeypatch.delenv(close_backup.ENV, raising=False)
    settings = tmp_path / "config" / "books.json"
    monkeypatch.setattr(close_backup, "_settings_file", lambda: settings)
    return tmp_path


def _close() -> days.DayCloseResult:
    build_day()
    cash.close_shift(treasurer(), t1().id, {10000: 7, 2000: 1, 100: 3}, "เหรียญหาย", now=at(17))
    return days.close_day(treasurer(), t1().shop_id, DAY, now=at(18))


def test_no_folder_set_closes_the_day_and_says_so(empty_db: OpenedDatabase, laptop: Path) -> None:
    result = _close()
    assert result.backup is not None and not result.backup.ok
    assert "ยังไม่ได้ตั้งโฟลเดอร์สำรองข้อมูล" in result.backup.message
    assert DayClose.select().count() == 1


def test_the_close_is_in_the_backup_taken_into_the_folder_set(empty_db: OpenedDatabase, laptop: Path) -> None:
    usb = laptop / "usb"
    close_backup.set_backup_folder(usb)
    assert close_backup.backup_folder() == usb
    result = _close()
    assert result.backup is not None and result.backup.ok and result.backup.path is not None
    (made,) = [p for p in usb.iterdir()]
    assert made == result.backup.path and str(made) in result.backup.message
    if empty_db.target.endswith("sqlite3"):
        with sqlite3.connect(made) as copy:  # the backup holds the closed day and its Z
            assert copy.execute("SELECT business_date FROM day_close").fetchall() == [(DAY.isoformat(),)]
            assert copy.execute("SELECT number FROM z_report").fetchall() == [(1,)]
    else:
        listed = subprocess.run(["pg_restore", "--list", str(made)], capture_output=True, text=True, check=True)
        assert "TABLE DATA public day_close" in listed.stdout


def test_a_failing_folder_does_not_undo_the_close(empty_db: OpenedDatabase, laptop: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = laptop / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv(close_backup.ENV, str(blocker / "usb"))  # a folder inside a file: cannot be made
    result = _close()
    assert result.backup is not None and not result.backup.ok
    assert "สำรองข้อมูลไม่สำเร็จ" in result.backup.message
    assert DayClose.select().count() == 1 and not any(p.name.startswith("shop-") for p in laptop.iterdir())
