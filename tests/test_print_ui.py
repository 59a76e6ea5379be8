"""The printing widgets with real key events (pytest-qt, offscreen): the admin sets up a loopback network
printer and prints the test page; bad input gets Thai messages; the till's print light and its reprint
buttons; the receipt preview is the printer's raster."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from db.connection import OpenedDatabase
from db.models.printing import PrintJob, TillPrinter
from pos_app.printing import outbox
from pos_app.printing.receipt_of import build_receipt
from pos_app.printing.setup import printer_of_till, save_printer
from pos_app.printing.worker import PrintWorker
from receipts.errors import PrinterDropped
from receipts.printers import PrinterConfig
from receipts.render import render_preview
from tests.loopback import Printer
from tests.print_helpers import admin, cash_sale, seller, till_t1
from tests.ui_till_helpers import shell_context
from ui.printing.preview import show_receipt_preview
from ui.printing.runner import PrintRunner
from ui.printing.setup_page import PrinterSetupPage
from ui.printing.status import PrintStatus

pytestmark = pytest.mark.qt


def message(page: PrinterSetupPage) -> str:
    found = page.findChild(QLabel, "printer_message")
    assert found is not None
    return str(found.text())


def type_network_printer(page: PrinterSetupPage, qtbot: Any, host: str, port: int) -> None:
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(page.kind, Qt.Key.Key_Home)  # the first choice: a network printer
    qtbot.keyClicks(page.host, host)
    page.port.selectAll()
    qtbot.keyClicks(page.port, str(port))


def test_admin_sets_up_a_network_printer_and_the_test_page_finds_it_answers(
    demo_db: OpenedDatabase, qtbot: Any
) -> None:
    p = Printer("record")
    try:
        page = PrinterSetupPage(shell_context(admin()))
        qtbot.addWidget(page)
        page.show()
        type_network_printer(page, qtbot, "127.0.0.1", p.port)
        qtbot.keyClick(page.paper, Qt.Key.Key_Down)  # 58 mm
        qtbot.keyClicks(page.footer, "Thank you for buying local")
        qtbot.keyClick(page, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: "ตอบสถานะ" in message(page), timeout=20000)
        setup = printer_of_till(till_t1().id)
        assert setup is not None
        assert (setup.config.address, setup.config.settings.paper) == (f"tcp://127.0.0.1:{p.port}", 58)
        assert setup.answers_status is True and setup.footer == "Thank you for buying local"
        assert len(p.wait_for(1)) == 1  # the test page reached the printer
    finally:
        p.stop()


def test_a_bad_address_gets_a_thai_message_and_saves_nothing(demo_db: OpenedDatabase, qtbot: Any) -> None:
    page = PrinterSetupPage(shell_context(admin()))
    qtbot.addWidget(page)
    page.show()
    type_network_printer(page, qtbot, "bad host!", 9100)
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: message(page) != "")
    assert message(page) == "“bad host!” ไม่ใช่ชื่อเครื่องหรือเลขที่อยู่ IP"
    assert TillPrinter.select().count() == 0


def test_a_logo_that_is_not_a_picture_or_is_huge_is_refused(
    demo_db: OpenedDatabase, qtbot: Any, tmp_path: Path
) -> None:
    page = PrinterSetupPage(shell_context(admin()))
    qtbot.addWidget(page)
    text = tmp_path / "logo.png"
    text.write_text("not a picture", encoding="utf-8")
    assert not page.set_logo_file(text)
    assert message(page) == "โลโก้ไม่ใช่ไฟล์รูปภาพที่อ่านได้ (PNG, JPEG, GIF, BMP…)"
    huge = tmp_path / "photo.jpg"
    huge.write_bytes(b"\xff\xd8" + b"0" * 3_000_000)
    assert not page.set_logo_file(huge)
    assert message(page) == "ไฟล์โลโก้ใหญ่เกินไป (3000 KB) ใช้รูปที่เล็กกว่า 2000 KB"
    from PIL import Image

    good = tmp_path / "shop.png"
    Image.new("L", (1200, 300), 0).save(good)
    assert page.set_logo_file(good) and message(page) == ""


class Flaky:
    def __init__(self) -> None:
        self.jobs: list[bytes] = []
        self.errors: list[Exception] = []

    def __call__(self, config: PrinterConfig, data: bytes) -> None:
        if self.errors:
            raise self.errors.pop(0)
        self.jobs.append(data)


def drain(worker: PrintWorker) -> None:
    while worker.step() is not None:
        pass


def test_print_light_shows_printed_may_have_printed_and_reprints_a_copy(
    demo_db: OpenedDatabase, qtbot: Any
) -> None:
    save_printer(admin(), till_t1().id, "tcp://127.0.0.1:9?timeout=1")
    fake = Flaky()
    worker = PrintWorker(till_t1().id, send=fake)
    drain(worker)  # the demo's earlier days: cancelled, not printed
    runner = PrintRunner(till_t1().id, worker)  # not started: the test drives the worker
    light = PrintStatus(shell_context(seller()), runner=runner)
    qtbot.addWidget(light)
    light.show()
    first = cash_sale("300")
    number = outbox.jobs_of_document(first)[0].number
    drain(worker)
    qtbot.waitUntil(lambda: light.text.text() == f"ใบเสร็จ {number:06d}: พิมพ์แล้ว")
    dropped = PrinterDropped("The connection to the printer at {address} was lost during printing; "
                             "part of the receipt may have printed", address="x")
    dropped.started = True
    fake.errors = [dropped]
    second = cash_sale("250")
    drain(worker)
    qtbot.waitUntil(lambda: "อาจพิมพ์ไปแล้ว" in light.text.text())
    assert light.copy.isVisible() and light.printed.isVisible()
    qtbot.mouseClick(light.copy, Qt.MouseButton.LeftButton)
    copies = [j for j in outbox.jobs_of_document(second) if j.copy]
    assert len(copies) == 1 and outbox.jobs_of_document(second)[0].status == "resolved"
    drain(worker)
    qtbot.waitUntil(lambda: light.text.text() == f"ใบเสร็จ {number + 1:06d} (สำเนา): พิมพ์แล้ว")
    before = PrintJob.select().where(PrintJob.copy == True).count()  # noqa: E712
    qtbot.keyClick(light, Qt.Key.Key_F11)  # "Did it print? Reprint" the last receipt
    assert PrintJob.select().where(PrintJob.copy == True).count() == before + 1  # noqa: E712


def test_preview_is_the_printers_raster_and_reprints_a_copy(demo_db: OpenedDatabase, qtbot: Any) -> None:
    save_printer(admin(), till_t1().id, "tcp://127.0.0.1:9?paper=58")
    doc = cash_sale("300")
    dialog = show_receipt_preview(shell_context(seller()), doc)
    qtbot.addWidget(dialog)
    settings = printer_of_till(till_t1().id).config.settings  # type: ignore[union-attr]
    assert dialog.image.tobytes() == render_preview(build_receipt(doc), settings).tobytes()
    assert dialog.image.width == 384
    pixmap = dialog.picture.pixmap()
    assert (pixmap.width(), pixmap.height()) == dialog.image.size
    qtbot.mouseClick(dialog.reprint, Qt.MouseButton.LeftButton)
    assert dialog.reprinted is not None and outbox.job(dialog.reprinted).copy


def test_no_sale_drawer_opening_asks_why_and_is_audited(demo_db: OpenedDatabase, qtbot: Any) -> None:
    from pos_app.trust import audit
    from tests.print_helpers import treasurer

    save_printer(admin(), till_t1().id, "tcp://127.0.0.1:9?timeout=1")
    seller_light = PrintStatus(shell_context(seller()), start_worker=False)
    qtbot.addWidget(seller_light)
    assert seller_light.drawer.isHidden()  # a seller may not open the drawer without a sale
    light = PrintStatus(shell_context(treasurer()), start_worker=False)
    qtbot.addWidget(light)
    light.show()
    qtbot.mouseClick(light.drawer, Qt.MouseButton.LeftButton)
    dialog = light.no_sale
    assert dialog is not None
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # no reason: refused, stays open
    assert dialog.message.text() == "การเปิดลิ้นชักโดยไม่มีการขายต้องระบุเหตุผล" and dialog.job is None
    qtbot.keyClicks(dialog.reason, "change for the next stall")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.job is not None and outbox.job(dialog.job).label == "เปิดลิ้นชัก (ไม่มีการขาย)"
    entry = audit.entries(["no_sale"])[0]
    assert (entry.user, entry.subject) == ("wanna", "change for the next stall")
