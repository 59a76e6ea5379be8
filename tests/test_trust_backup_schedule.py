"""The backup on a schedule (the issue: "a hot backup at day close and on a schedule"): ``backup_if_due``
backs up when the folder's newest backup is as old as the interval, and otherwise leaves the folder alone;
a laptop switched off for a day catches up at once.  ``backup_on_schedule`` (what the running app's timer
asks) reads the laptop's folder and the shop's settings ``backup_every`` / ``backup_keep``.  Under the tests'
fixed clock (10:00 Bangkok = 03:00 UTC on 24 Nov 2026, one second a reading), on both databases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from db.connection import OpenedDatabase
from db.models import Till
from pos_app import settings
from pos_app.books.close_backup import ENV, backup_at_close, backup_on_schedule
from pos_app.clock import FixedClock
from pos_app.errors import InputError
from pos_app.trust import audit
from pos_app.trust.backup import BackupFailed, backup_if_due, last_backup_at
from tests.stock_support import admin

HOUR = dt.timedelta(hours=1)


def test_a_backup_is_made_when_due_and_not_before(demo_db: OpenedDatabase, tmp_path: Path,
                                                  clock: FixedClock) -> None:
    usb = tmp_path / "usb"
    assert last_backup_at(usb) is None  # no folder yet: nothing was ever backed up
    clock.set(dt.datetime(2026, 11, 24, 3, 0, 0, tzinfo=dt.UTC))
    first = backup_if_due(usb, every=HOUR, target=demo_db.target)
    assert first is not None and first.path.name.startswith("shop-20261124T030000Z")
    assert last_backup_at(usb) == dt.datetime(2026, 11, 24, 3, 0, 0, tzinfo=dt.UTC)
    clock.set(dt.datetime(2026, 11, 24, 3, 59, 58, tzinfo=dt.UTC))  # 59 min 58 s later: not yet
    assert backup_if_due(usb, every=HOUR, target=demo_db.target) is None
    clock.set(dt.datetime(2026, 11, 24, 4, 0, 0, tzinfo=dt.UTC))  # an hour later: due
    second = backup_if_due(usb, every=HOUR, target=demo_db.target)
    assert second is not None and second.path.name.startswith("shop-20261124T0400")  # a second a clock reading
    clock.set(dt.datetime(2026, 11, 25, 9, 30, 0, tzinfo=dt.UTC))  # the laptop was off overnight
    third = backup_if_due(usb, every=HOUR, keep=2, target=demo_db.target)
    assert third is not None and third.removed == [first.path]
    assert sorted(p.name for p in usb.iterdir()) == sorted([second.path.name, third.path.name])
    assert [r.detail["ok"] for r in audit.entries(["backup"])] == [True, True, True]  # each one audited


def test_a_partial_file_or_a_stranger_does_not_count_as_a_backup(demo_db: OpenedDatabase, tmp_path: Path,
                                                                 clock: FixedClock) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "shop-20261124T025959Z.sqlite3.partial").write_bytes(b"cut short")
    (usb / "shop-notes.sqlite3").write_text("not a stamp")
    (usb / "holiday-photo.jpg").write_bytes(b"\xff\xd8")
    clock.set(dt.datetime(2026, 11, 24, 3, 0, 0, tzinfo=dt.UTC))
    assert last_backup_at(usb) is None
    assert backup_if_due(usb, every=HOUR, target=demo_db.target) is not None


def test_a_missing_usb_stick_says_so_when_due(demo_db: OpenedDatabase, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the USB stick's folder should be")
    with pytest.raises(BackupFailed):
        backup_if_due(blocked, every=HOUR, target=demo_db.target)
    (row,) = audit.entries(["backup"])
    assert row.detail["ok"] is False


def test_the_running_apps_backup_follows_the_shops_settings(demo_db: OpenedDatabase, tmp_path: Path,
                                                            clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> None:
    shop_id = Till.get(Till.code == "T1").shop_id
    assert backup_on_schedule(shop_id) is None  # no folder set on this laptop: nothing happens
    assert audit.entries(["backup"]) == []
    usb = tmp_path / "usb"
    monkeypatch.setenv(ENV, str(usb))
    clock.set(dt.datetime(2026, 11, 24, 3, 0, 0, tzinfo=dt.UTC))
    at_close = backup_at_close(None, target=demo_db.target)  # the day close's own backup, in the folder itself
    assert at_close.path is not None
    where = settings.Where(shop_id)
    settings.change(admin(), "backup_every", "30", where)
    settings.change(admin(), "backup_keep", "๑", where)  # Thai digits as typed on a Thai keyboard
    clock.set(dt.datetime(2026, 11, 24, 3, 0, 0, tzinfo=dt.UTC))
    first = backup_on_schedule(shop_id)
    assert first is not None and first.path == usb / "scheduled" / f"shop-20261124T030000Z{first.path.suffix}"
    clock.set(dt.datetime(2026, 11, 24, 3, 29, 58, tzinfo=dt.UTC))
    assert backup_on_schedule(shop_id) is None  # 29 min 58 s: not yet
    clock.set(dt.datetime(2026, 11, 24, 3, 30, 0, tzinfo=dt.UTC))
    second = backup_on_schedule(shop_id)
    assert second is not None and second.removed == [first.path]  # one kept
    assert [p.name for p in (usb / "scheduled").iterdir()] == [second.path.name]
    assert at_close.path.exists()  # the schedule never prunes the day closes' backups


def test_a_backup_interval_out_of_range_is_refused_in_thai(demo_db: OpenedDatabase) -> None:
    where = settings.Where(Till.get(Till.code == "T1").shop_id)
    for typed in ("4", "1441", "ชั่วโมง", ""):
        with pytest.raises(InputError) as err:
            settings.change(admin(), "backup_every", typed, where)
        assert "ไม่ใช่จำนวนนาทีตั้งแต่ 5 ถึง 1440" in err.value.message
    with pytest.raises(InputError):
        settings.change(admin(), "backup_keep", "0", where)
    assert settings.value("backup_every", where) == 60 and audit.entries(["setting_change"]) == []
