"""This laptop's backups as the Settings screen lists them (``close_backup.kept_backups``) and a backup made by
hand (``close_backup.backup_now``), on both databases; the file names, times and sizes are made by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from db.connection import OpenedDatabase
from pos_app.books import close_backup
from pos_app.trust import audit
from tests.conftest import NOW


@pytest.fixture
def laptop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No backup folder in the environment; the per-laptop settings file in a temporary folder."""
    monkeypatch.delenv(close_backup.ENV, raising=False)
    monkeypatch.setattr(close_backup, "_settings_file", lambda: tmp_path / "config" / "books.json")
    return tmp_path


def _file(path: Path, size: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    return path


def test_the_folders_backups_newest_first_with_the_scheduled_ones(laptop: Path) -> None:
    usb = laptop / "usb"
    close_backup.set_backup_folder(usb)
    closed = _file(usb / "shop-20261123T113000Z.sqlite3", 2048)
    by_hand = _file(usb / "shop-20261124T020000Z.pgdump", 10)
    hourly = _file(usb / "scheduled" / "shop-20261124T010000Z.sqlite3", 4096)
    _file(usb / "shop-20261124T030000Z.sqlite3.partial", 5)  # a backup cut short: not a backup
    _file(usb / "notes.txt", 5)
    _file(usb / "shop-yesterday.sqlite3", 5)  # not a stamp
    kept = close_backup.kept_backups()
    assert [(k.path, k.made_at, k.size, k.scheduled) for k in kept] == [
        (by_hand, dt.datetime(2026, 11, 24, 2, 0, tzinfo=dt.UTC), 10, False),
        (hourly, dt.datetime(2026, 11, 24, 1, 0, tzinfo=dt.UTC), 4096, True),
        (closed, dt.datetime(2026, 11, 23, 11, 30, tzinfo=dt.UTC), 2048, False),
    ]


def test_no_folder_or_a_folder_not_there_lists_nothing(laptop: Path) -> None:
    assert close_backup.kept_backups() == []
    close_backup.set_backup_folder(laptop / "stick-pulled-out")
    assert close_backup.kept_backups() == []


def test_a_backup_by_hand_goes_beside_the_day_closes(empty_db: OpenedDatabase, laptop: Path) -> None:
    made = close_backup.backup_now(None)
    assert (made.ok, made.message) == (False, "ยังไม่ได้ตั้งโฟลเดอร์สำรองข้อมูล: เลือกโฟลเดอร์ (แฟลชไดรฟ์) ก่อน")
    usb = laptop / "usb"
    close_backup.set_backup_folder(usb)
    made = close_backup.backup_now(None)
    suffix = ".sqlite3" if empty_db.target.endswith("sqlite3") else ".pgdump"
    assert made.ok and made.path == usb / f"shop-20261124T030000Z{suffix}"  # the fixed clock's instant
    assert made.message == f"สำรองข้อมูลแล้ว: {made.path}"
    [kept] = close_backup.kept_backups()
    assert (kept.path, kept.made_at, kept.scheduled) == (made.path, NOW, False)
    assert [(e.kind, e.subject, e.detail["ok"]) for e in audit.entries(["backup"])] \
        == [("backup", str(made.path), True)]


def test_a_folder_that_cannot_be_made_says_why_and_makes_nothing(empty_db: OpenedDatabase, laptop: Path) -> None:
    blocker = laptop / "not-a-folder"
    blocker.write_text("x")
    made = close_backup.backup_now(None, folder=blocker / "usb")  # a folder inside a file
    assert not made.ok and made.path is None
    assert made.message.startswith(f"สำรองข้อมูลไปที่ {blocker / 'usb'} ไม่สำเร็จ")
    assert sorted(p.name for p in laptop.iterdir()) == ["not-a-folder"]
