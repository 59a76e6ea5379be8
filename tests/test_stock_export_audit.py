"""A stock or production report written to a file is an export: it leaves an ``export`` row in the audit log
(who, which report, which file), as the books' exports do; bad input writes neither file nor row."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.connection import OpenedDatabase
from db.models.trust import AuditEntry
from pos_app.books.export.atomic import ExportError
from pos_app.errors import PermissionDenied
from pos_app.stock.export import ReportTable, write_report
from pos_app.trust import audit
from tests.books_day import actor, master_data, t1

REPORT = ReportTable("มูลค่าสต็อก", ("ร้าน BHS-MARKET",), ("สินค้า", "จำนวน"), (("กะปิ", "1,000"),),
                     frozenset({1}), sheet="valuation")


def test_a_written_report_is_audited_as_an_export(empty_db: OpenedDatabase, tmp_path: Path) -> None:
    master_data()
    path = write_report(actor("prapha"), REPORT, tmp_path / "reports", "stock valuation/พฤศจิกายน", "xlsx",
                        till_id=t1().id)
    assert path == tmp_path / "reports" / "stock-valuation-.xlsx"  # the file name keeps only safe characters
    assert path.read_bytes()[:2] == b"PK"  # an XLSX is a zip
    (row,) = audit.entries(["export"])
    assert (row.user, row.subject, row.till) == ("prapha", str(path), "T1")
    assert row.detail == {"what": "valuation", "format": "xlsx", "title": "มูลค่าสต็อก",
                          "files": ["stock-valuation-.xlsx"]}


def test_a_pdf_report_without_a_till_is_audited_too(empty_db: OpenedDatabase, tmp_path: Path) -> None:
    master_data()
    path = write_report(actor("wanna"), REPORT, tmp_path, "recall-KAPI-25691124-001")
    assert path.name == "recall-KAPI-25691124-001.pdf" and path.read_bytes()[:5] == b"%PDF-"
    (row,) = audit.entries(["export"])
    assert (row.user, row.till, row.detail["format"], row.detail["files"]) == (
        "wanna", "", "pdf", ["recall-KAPI-25691124-001.pdf"])


def test_bad_input_writes_no_file_and_no_audit_row(empty_db: OpenedDatabase, tmp_path: Path) -> None:
    master_data()
    with pytest.raises(ExportError) as err:
        write_report(actor("prapha"), REPORT, tmp_path, "valuation", "csv")
    assert str(err.value) == "ไม่รู้จักรูปแบบ csv ใช้ pdf หรือ xlsx"
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with pytest.raises(ExportError) as err:
        write_report(actor("prapha"), REPORT, blocked, "valuation", "pdf")
    assert str(err.value) == f"{blocked} ไม่ใช่โฟลเดอร์"
    assert list(tmp_path.iterdir()) == [blocked]
    assert AuditEntry.select().where(AuditEntry.kind == "export").count() == 0


@pytest.mark.parametrize(("login", "allowed"), [("somsri", False), ("prapha", True), ("wanna", True),
                                                ("admin", True)])
def test_who_may_export_a_report(empty_db: OpenedDatabase, tmp_path: Path, login: str, allowed: bool) -> None:
    """Exporting a stock or production report is an action of its own (``EXPORT_REPORTS``): the production
    lead (recall lists), the treasurer and the admin may; a seller is refused with a Thai message, and then
    no file is written and no export is logged."""
    master_data()
    folder = tmp_path / "reports"
    if not allowed:
        with pytest.raises(PermissionDenied) as err:
            write_report(actor(login), REPORT, folder, "valuation", "xlsx", till_id=t1().id)
        assert str(err.value) == "คนขายหน้าร้าน ไม่มีสิทธิ์ส่งออกรายงานสต็อกและการผลิต"
        assert not folder.exists()
        assert AuditEntry.select().where(AuditEntry.kind == "export").count() == 0
        return
    path = write_report(actor(login), REPORT, folder, "valuation", "xlsx", till_id=t1().id)
    assert path == folder / "valuation.xlsx" and path.read_bytes()[:2] == b"PK"
    (row,) = audit.entries(["export"])
    assert (row.user, row.subject, row.till, row.detail["what"]) == (login, str(path), "T1", "valuation")
