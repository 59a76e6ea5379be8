"""A refused SQLite database stays byte for byte as it was — also a rollback-journal file, which used to be
switched to WAL before it was refused."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from db.connection import open_database
from db.errors import DatabaseProblem
from db.migrate import runner


def state(path: Path) -> tuple[str, set[str]]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), {p.name for p in path.parent.iterdir()}


def journal_mode(path: Path) -> str:
    conn = sqlite3.connect(str(path))
    try:
        return str(conn.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        conn.close()


def rollback_journal(path: Path) -> None:
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()


def test_newer_rollback_journal_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite3"
    opened = open_database(str(path))
    runner(opened.database).History.create(name="9999_from_a_newer_app")
    opened.database.close()
    rollback_journal(path)
    assert journal_mode(path) == "delete"
    before = state(path)
    with pytest.raises(DatabaseProblem) as err:
        open_database(str(path))
    assert "เวอร์ชันใหม่กว่า" in str(err.value)
    assert state(path) == before
    assert journal_mode(path) == "delete"


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "photos.sqlite3"
    conn = sqlite3.connect(str(path))
    conn.execute("CREATE TABLE album (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO album (title) VALUES ('วันสงกรานต์')")
    conn.commit()
    conn.close()
    before = state(path)
    with pytest.raises(DatabaseProblem):
        open_database(str(path))
    assert state(path) == before


def test_an_accepted_rollback_journal_database_is_switched_to_wal(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite3"
    open_database(str(path)).database.close()
    rollback_journal(path)
    open_database(str(path)).database.close()
    assert journal_mode(path) == "wal"
