"""``pos-app verify``, ``backup`` and ``restore`` from the command line: exit codes and messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from db.connection import OpenedDatabase
from tests.test_trust_concurrency import ROOT
from tests.trust_helpers import drop_guards, sale_id


def pos_app(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pos_app", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_verify_exit_codes_and_messages(demo_db: OpenedDatabase) -> None:
    from pos_app.trust import chain_head

    head = chain_head(1).hash
    ok = pos_app("--database", demo_db.target, "--lang", "en", "verify", "--head", head[:16])
    assert ok.returncode == 0, ok.stderr
    assert "The books are in order" in ok.stdout and head[:16] in ok.stdout
    drop_guards(demo_db.database, "sale")
    demo_db.database.execute_sql(f"UPDATE sale SET total_satang = 5 WHERE id = {sale_id(demo_db.database, 2)}")
    bad = pos_app("--database", demo_db.target, "verify")
    assert bad.returncode == 1
    assert "[chain]" in bad.stdout and "#2" in bad.stdout and "[totals]" in bad.stdout
    assert "ตรวจสอบไม่ผ่าน" in bad.stdout


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_backup_and_restore_from_the_command_line(demo_db: OpenedDatabase, tmp_path: Path) -> None:
    demo_db.database.close()
    made = pos_app("--database", demo_db.target, "--lang", "en", "backup", str(tmp_path / "usb"), "--keep", "2")
    assert made.returncode == 0, made.stderr
    files = list((tmp_path / "usb").glob("shop-*.sqlite3"))
    assert len(files) == 1 and str(files[0]) in made.stdout
    done = pos_app("--database", demo_db.target, "--lang", "en", "restore", str(files[0]))
    assert done.returncode == 0, done.stderr
    assert "a new epoch was opened in 2 chains" in done.stdout and "replaced" in done.stdout
    assert pos_app("--database", demo_db.target, "verify").returncode == 0
    broken = tmp_path / "half.sqlite3"
    broken.write_bytes(files[0].read_bytes()[:5000])
    refused = pos_app("--database", demo_db.target, "restore", str(broken))
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    missing = pos_app("--database", str(tmp_path / "nothing.sqlite3"), "verify")
    assert missing.returncode == 2 and not (tmp_path / "nothing.sqlite3").exists()
