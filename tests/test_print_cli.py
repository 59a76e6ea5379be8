"""``pos-app printer set / run --once / status / preview`` end to end against a loopback printer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from db.connection import OpenedDatabase
from db.models import database
from pos_app.cli import main
from pos_app.printing.receipt_of import build_receipt
from pos_app.printing.setup import printer_of_till
from receipts.render import render_escpos, render_preview
from tests.loopback import Printer
from tests.print_helpers import cash_sale, till_t1


def cli(db: OpenedDatabase, *args: str) -> int:
    try:
        return main(["--database", db.target, "--till", "T1", *args])
    finally:
        database.initialize(db.database)  # the command closed its own connection: back to the test's


def test_set_run_status_and_preview_from_the_terminal(
    demo_db: OpenedDatabase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = Printer("record")
    try:
        assert cli(demo_db, "printer", "set", p.address(paper="58"), "--pin", "9999",
                   "--footer", "Thank you\\nSee you again") == 0
        setup = printer_of_till(till_t1().id)
        assert setup is not None and setup.config.settings.paper == 58
        assert setup.footer == "Thank you\nSee you again"
        doc = cash_sale("300")
        capsys.readouterr()
        assert cli(demo_db, "printer", "run", "--once") == 0
        out = capsys.readouterr().out
        assert "พิมพ์แล้ว" in out
        assert p.wait_for(1) == [render_escpos(build_receipt(doc), setup.config.settings)]
        assert cli(demo_db, "printer", "status", "--limit", "3") == 0
        assert "พิมพ์แล้ว" in capsys.readouterr().out.splitlines()[0]
        sale_number = till_t1().last_receipt_no
        png = tmp_path / "r.png"
        assert cli(demo_db, "printer", "preview", str(sale_number), "--out", str(png), "--copy") == 0
        image = Image.open(png).convert("1")
        assert image.tobytes() == render_preview(build_receipt(doc, copy=True), setup.config.settings).tobytes()
    finally:
        p.stop()


def test_wrong_pin_or_bad_address_changes_nothing(
    demo_db: OpenedDatabase, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(demo_db, "printer", "set", "tcp://127.0.0.1:9100", "--pin", "0000") == 2
    assert "PIN" in capsys.readouterr().err
    assert cli(demo_db, "printer", "set", "tcp://bad host!:9100", "--pin", "9999") == 2
    assert "ไม่ใช่" in capsys.readouterr().err
    assert printer_of_till(till_t1().id) is None
    assert cli(demo_db, "printer", "preview", "99999", "--out", "x.png") == 2
    assert "99999" in capsys.readouterr().err
