"""A big catalogue (issue 15, Speed: the till usable at once with 100,000 items): its product index is built
off the UI thread while the seller already scans; real key events, on both databases.  The size that counts as
big is lowered to 0 here, so the demo shop's catalogue takes that path."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QTableWidget

from pos_app.selling import search
from tests.ui_till_helpers import barcode_of, child, log_in, scan, till_page, type_slowly
from ui.shell.window import MainWindow
from ui.till import page as till_page_module

pytestmark = pytest.mark.qt


LOADED = threading.Event()  # the background build waits for this: the test says when the list is ready


def slow_load(tier: str = "retail") -> search.CatalogIndex:
    assert LOADED.wait(30)
    return REAL_LOAD(tier)


REAL_LOAD = search.load


@pytest.fixture(autouse=True)
def a_slow_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every catalogue is indexed off the UI thread, slowly (before the window is made)."""
    monkeypatch.setattr(till_page_module, "INDEXED_AT_ONCE", 0)
    monkeypatch.setattr(search, "load", slow_load)
    LOADED.clear()


def test_the_till_sells_while_its_product_list_loads_then_finds_by_name(window: MainWindow, qtbot: Any) -> None:
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    assert not page.index_ready
    more: QLabel = child(window, QLabel, "product_picker_more")
    assert more.text() == "กำลังโหลดรายการสินค้า… สแกนบาร์โค้ดได้แล้ว"
    assert page.picker.shown() == []

    scan(page, qtbot, barcode_of("DISH-500"))  # a scan reads the database: no wait for the list
    type_slowly(page, qtbot, page.scan, barcode_of("TEA-YMN"))  # a code typed by hand too
    table: QTableWidget = child(window, QTableWidget, "cart")
    assert [table.item(r, 0).text().split("\n")[0] for r in range(table.rowCount())] == [
        "น้ำยาล้างจาน 500 มล.", "ชาหญ้าหมอน้อย (20 ซอง)"]
    type_slowly(page, qtbot, page.scan, "ชาหญ้า")  # a name needs the list: it says so, nothing is added
    assert table.rowCount() == 2 and table.item(1, 1).text() == "1 ชิ้น"
    assert child(window, QLabel, "message").text() == (
        "รายการสินค้ายังโหลดไม่เสร็จ: สแกนบาร์โค้ดได้เลย หรือลองใหม่อีกสักครู่")

    LOADED.set()
    qtbot.waitUntil(lambda: page.index_ready, timeout=30_000)
    assert more.isHidden()
    assert len(page.picker.shown()) > 5
    type_slowly(page, qtbot, page.scan, "ชาหญ้า")
    assert table.item(1, 1).text() == "2 ชิ้น"  # the tea found by its Thai name: one more
