"""A database that is locked, read-only or not a database: a clear message, never a changed file."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db.connection import open_database
from db.errors import DatabaseProblem


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def test_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "letter.sqlite3"
    path.write_text("Dear members, this is not a database.\n" * 20)
    before, names = digest(path), siblings(path)
    with pytest.raises(DatabaseProblem) as err:
        open_database(str(path))
    assert "ไม่ใช่ฐานข้อมูลของร้าน" in str(err.value)
    assert digest(path) == before and siblings(path) == names



def test_read_only_file_is_refused_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "shop.sqlite3"
    opened = open_database(str(path))
    opened.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    opened.database.close()
    path.chmod(0o444)
    before, names = digest(path), siblings(path)
    # root can write anywhere, so ask the same question the app asks a real read-only file
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == path and mode == os.W_OK
                        else real_access(p, mode))
    with pytest.raises(DatabaseProblem) as err:
        open_database(str(path))
    assert "อ่านอย่างเดียว" in str(err.value)
    assert digest(path) == before and siblings(path) == names


def test_locked_database_is_refused_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite3"
    open_database(str(path)).database.close()
    holder = sqlite3.connect(str(path))
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseProblem) as err:
            open_database(str(path), busy_timeout_s=0.2)
        assert "ถูกล็อก" in str(err.value)
    finally:
        holder.rollback()
        holder.close()


def test_cli_shows_a_message_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "photo.sqlite3"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    done = subprocess.run([sys.executable, "-m", "pos_app", "--database", str(path), "demo"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "ไม่ใช่ฐานข้อมูลของร้าน" in done.stderr
