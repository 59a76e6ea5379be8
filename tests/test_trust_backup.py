"""Backups and restores: a hot backup while a till sells restores to the same books, verified; the last N
are kept; bad backup files, books in use and a vanishing folder give a clear message and change nothing;
a restore keeps the replaced file, opens a new epoch and reports (and skips) the lost receipt numbers."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from db.connection import OpenedDatabase, open_database
from db.models import Sale, Till
from db.models.trust import ChainHead, ChainLink
from pos_app.money import Money
from pos_app.people import users
from pos_app.selling import catalog, sales
from pos_app.selling.cart import Cart
from pos_app.trust import audit, verify
from pos_app.trust.backup import BackupFailed, Gap, backup, restore
from tests.test_trust_concurrency import ROOT, hold_in_another_process
from tests.trust_helpers import drop_guards, sale_id


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sell(n: int) -> list[int]:
    seller = users.login("somsri", "1111")
    till = Till.get(Till.code == "T1").id
    goods = [v for v in catalog.sellable() if v.kind == "finished" and not v.sold_by_weight]
    out = []
    for i in range(n):
        cart = Cart()
        cart.add(goods[i % len(goods)], 1)
        out.append(sales.commit_sale(seller, till, cart, Money(100000)).number)
    return out


def links(path: Path) -> list[tuple[str, int, str]]:
    import sqlite3

    conn = sqlite3.connect(str(path))
    try:
        return sorted(conn.execute("SELECT chain, seq, hash FROM chain_link").fetchall())
    finally:
        conn.close()


def test_backups_keep_the_last_n_and_are_audited(demo_db: OpenedDatabase, tmp_path: Path, backend: str) -> None:
    made = [backup(tmp_path / "usb", keep=3, target=demo_db.target) for _ in range(4)]
    kept = sorted(p.name for p in (tmp_path / "usb").iterdir())
    assert kept == sorted(m.path.name for m in made[1:])
    assert made[3].removed == [made[0].path]
    assert made[3].sha256 == digest(made[3].path)
    assert [r.kind for r in audit.entries(["backup"])] == ["backup"] * 4


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # restore of SQLite files; PG: pg_restore
def test_a_backup_made_while_selling_restores_to_the_same_books(demo_db: OpenedDatabase, tmp_path: Path) -> None:
    target = demo_db.target
    seller = subprocess.Popen([sys.executable, "-m", "tests.trust_seller", target, "T1", "0"], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert seller.stdout is not None
        for _ in range(5):
            assert seller.stdout.readline().startswith("sold")
        made = backup(tmp_path / "usb", target=target)
        for _ in range(5):  # the till goes on selling after the backup
            assert seller.stdout.readline().startswith("sold")
    finally:
        seller.kill()
        seller.wait()
    in_backup = links(made.path)
    live = links(Path(target))
    assert set(in_backup) < set(live)  # the backup is the live books up to a moment: the same links
    fresh = tmp_path / "elsewhere.sqlite3"
    result = restore(made.path, str(fresh))
    assert result.replaced is None and result.gaps == []
    report = verify()
    assert report.ok, report.lines()
    assert {x for x in links(fresh) if x in set(in_backup)} == set(in_backup)


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # restore of SQLite files; PG: pg_restore
def test_restore_over_newer_books_keeps_them_and_skips_the_lost_numbers(demo_db: OpenedDatabase,
                                                                        tmp_path: Path) -> None:
    target = Path(demo_db.target)
    made = backup(tmp_path / "usb", target=str(target))
    counter = Till.get(Till.code == "T1").last_receipt_no
    lost = sell(3)
    assert lost == [counter + 1, counter + 2, counter + 3]
    result = restore(made.path, str(target))
    assert result.gaps == [Gap("T1", counter + 1, counter + 3)]
    assert result.replaced is not None and result.replaced.exists()
    old = open_database(str(result.replaced))
    assert Sale.select().where(Sale.number == counter + 3).exists()  # the replaced books are intact
    old.database.close()
    open_database(str(target))
    assert not Sale.select().where(Sale.number == counter + 1).exists()
    assert Till.get(Till.code == "T1").last_receipt_no == counter + 3
    assert {h.epoch for h in ChainHead.select()} == {2}
    assert ChainLink.select().where(ChainLink.doc_type == "epoch").count() == ChainHead.select().count()
    assert sell(1) == [counter + 4]  # no number is used twice
    report = verify()
    assert report.ok, report.lines()
    assert audit.entries(["restore"])[0].detail["gaps"] == [["T1", counter + 1, counter + 3]]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
@pytest.mark.parametrize("damage", ["truncated", "not a database", "tampered"])
def test_a_bad_backup_is_refused_and_nothing_is_replaced(demo_db: OpenedDatabase, tmp_path: Path,
                                                         damage: str) -> None:
    target = Path(demo_db.target)
    made = backup(tmp_path / "usb", target=str(target)).path
    if damage == "truncated":
        data = made.read_bytes()
        made.write_bytes(data[: len(data) // 2])
    elif damage == "not a database":
        made.write_text("ใบเสร็จ\n" * 100)
    else:
        tampered = open_database(str(made))
        drop_guards(tampered.database, "sale")
        tampered.database.execute_sql(f"UPDATE sale SET total_satang = 1 WHERE id = {sale_id(tampered.database, 3)}")
        tampered.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        tampered.database.close()
        open_database(str(target))
    demo_db.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digest(target)
    with pytest.raises(BackupFailed) as err:
        restore(made, str(target))
    said = {"truncated": f"ข้อมูลสำรอง {made} เสียหาย (ไม่ครบหรือชำรุด) ไม่มีการแทนที่ใด ๆ",
            "not a database": f"{made} ไม่ใช่ข้อมูลสำรองของร้าน (ไม่ใช่ฐานข้อมูล)",
            "tampered": "ข้อมูลสำรองตรวจสอบไม่ผ่าน ("}[damage]
    assert said in str(err.value)  # a clear message in Thai, not a traceback
    if damage == "tampered":  # and it names what broke: the changed receipt 3 of T1
        assert "T1" in str(err.value) and "#3" in str(err.value)
    assert digest(target) == before
    assert sorted(p.name for p in target.parent.iterdir() if p.name.startswith(target.stem + ".")
                  and ("restoring" in p.name or "replaced" in p.name)) == []


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # restore of SQLite files; PG: pg_restore
def test_restore_onto_books_in_use_is_refused(demo_db: OpenedDatabase, tmp_path: Path) -> None:
    target = Path(demo_db.target)
    made = backup(tmp_path / "usb", target=str(target)).path
    sell(1)
    demo_db.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digest(target)
    other = hold_in_another_process(str(target), "T1")
    try:
        with pytest.raises(BackupFailed) as err:
            restore(made, str(target))
        assert "T1" in str(err.value) and "กรุณาปิดโปรแกรมทุกเครื่องขายก่อนกู้คืน" in str(err.value)
    finally:
        other.kill()
        other.wait()
    assert digest(target) == before


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # restore of SQLite files; PG: pg_restore
def test_a_backup_folder_that_vanishes_midway(demo_db: OpenedDatabase, tmp_path: Path) -> None:
    usb = tmp_path / "usb"

    def pulled_out(done: int, total: int) -> None:
        shutil.rmtree(usb)

    sales_before = Sale.select().count()
    with pytest.raises(BackupFailed) as err:
        backup(usb, progress=pulled_out, target=demo_db.target)
    assert str(err.value).startswith(f"สำรองข้อมูลไปที่ {usb} ไม่สำเร็จ (")  # in Thai, naming the folder
    assert not usb.exists()
    assert Sale.select().count() == sales_before and verify().ok
    assert audit.entries(["backup"])[0].detail["ok"] is False


def test_postgres_backup_is_a_pg_dump(demo_db: OpenedDatabase, tmp_path: Path, backend: str) -> None:
    made = backup(tmp_path / "usb", target=demo_db.target)
    if backend == "postgres":
        assert made.path.suffix == ".pgdump"
        listed = subprocess.run(["pg_restore", "--list", str(made.path)], capture_output=True, text=True)
        assert "TABLE DATA public sale" in listed.stdout and "chain_link" in listed.stdout
    else:
        assert made.path.suffix == ".sqlite3" and made.path.read_bytes()[:16] == b"SQLite format 3\x00"


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
def test_postgres_restore_keeps_the_old_database_and_skips_lost_numbers(demo_db: OpenedDatabase,
                                                                         tmp_path: Path) -> None:
    made = backup(tmp_path / "usb", target=demo_db.target)
    counter = Till.get(Till.code == "T1").last_receipt_no
    assert sell(2) == [counter + 1, counter + 2]
    result = restore(made.path, demo_db.target)
    assert result.gaps == [Gap("T1", counter + 1, counter + 2)]
    assert not Sale.select().where(Sale.number == counter + 1).exists()
    assert sell(1) == [counter + 3]
    report = verify()
    assert report.ok, report.lines()
    kept = open_database(demo_db.target.rsplit("/", 1)[0] + "/" + result.replaced_database)
    try:
        assert Sale.select().where(Sale.number == counter + 2).exists()  # the replaced books, intact
    finally:
        kept.database.close()
        open_database(demo_db.target)


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
def test_a_pg_dump_made_while_selling_restores_to_the_same_books(demo_db: OpenedDatabase, tmp_path: Path) -> None:
    """The same promise on PostgreSQL: the dump is the books at one moment (every link it holds is a link of
    the live books, with the same hash), the restore verifies, and the sales after it are reported as gaps."""
    target = demo_db.target
    seller = subprocess.Popen([sys.executable, "-m", "tests.trust_seller", target, "T1", "0"], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert seller.stdout is not None
        before = [seller.stdout.readline() for _ in range(4)]
        assert all(line.startswith("sold") for line in before)
        made = backup(tmp_path / "usb", target=target)
        counted = Till.get(Till.code == "T1").last_receipt_no  # the live counter once the dump is made
        later = 0
        while later <= counted:  # a sale surely made after the dump's snapshot
            later = int(seller.stdout.readline().split()[1])
    finally:
        seller.kill()
        seller.wait()
    live = set(pg_links())
    result = restore(made.path, target)
    restored = pg_links()
    epochs = [x for x in restored if x not in live]
    assert len(epochs) == 2  # one new-epoch link on each chain (T1 and this computer), nothing else new
    assert set(restored) - set(epochs) < live and max(n for c, n, h in restored if c.startswith("till")) > 4
    gap = next(g for g in result.gaps if g.till == "T1")
    # the sales after the dump's snapshot are reported (those sold while pg_dump started may be in the dump)
    assert int(before[-1].split()[1]) < gap.first <= later <= gap.last
    t1 = Till.get(Till.code == "T1")
    assert not Sale.select().where((Sale.till == t1) & (Sale.number >= gap.first)).exists()
    assert Sale.select().where((Sale.till == t1) & (Sale.number == gap.first - 1)).exists()
    report = verify()
    assert report.ok, report.lines()


def pg_links() -> list[tuple[str, int, str]]:
    from db.models import database

    return sorted((str(c), int(n), str(h)) for c, n, h in
                  database.obj.execute_sql("SELECT chain, seq, hash FROM chain_link").fetchall())


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
def test_postgres_restore_refuses_a_broken_dump(demo_db: OpenedDatabase, tmp_path: Path) -> None:
    made = backup(tmp_path / "usb", target=demo_db.target).path
    made.write_bytes(made.read_bytes()[:2000])
    sales_before = Sale.select().count()
    with pytest.raises(BackupFailed):
        restore(made, demo_db.target)
    assert Sale.select().count() == sales_before and verify().ok
