"""What a new user tripped on when the till was walked under Xvfb (1366×768 and 1024×600), each fixed."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QPushButton

from db.connection import OpenedDatabase
from tests.ui_till_helpers import barcode_of, log_in, scan, till_page
from ui.app import application
from ui.shell.window import MIN_HEIGHT, MIN_WIDTH, MainWindow, show_on_screen

pytestmark = pytest.mark.qt


@pytest.fixture
def window(demo_db: OpenedDatabase, qtbot: Any) -> MainWindow:
    application()
    win = MainWindow("T1")
    qtbot.addWidget(win)
    win.resize(1024, 600)
    win.show()
    return win


def test_a_scan_leaves_the_product_grid_showing_everything(window: MainWindow, qtbot: Any) -> None:
    """The burst typed into the search field was taken back, but the grid stayed filtered to the scanned
    product: the next tap on the first tile added that product again instead of the one the seller saw."""
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    everything = len(page.picker.shown())
    scan(page, qtbot, barcode_of("KAPI-200"))
    assert [line.item.sku for line in page.cart.lines] == ["KAPI-200"]
    assert page.scan.text() == ""
    assert len(page.picker.shown()) == everything == 10  # the demo's ten products for sale


def test_at_1024x600_the_products_stay_beside_the_cart_and_every_button_is_whole(
        window: MainWindow, qtbot: Any) -> None:
    """One row of five Thai action buttons made the cart ~880 px wide: the products shrank to 100 px."""
    log_in(window, qtbot, "somsri", "1111")
    page = till_page(window)
    QApplication.processEvents()
    assert (window.width(), window.height()) == (1024, 600)
    assert page.picker.width() >= 360
    inside = QRect(QPoint(0, 0), window.size())
    for name in ("sale_discount", "hold", "recall", "cancel_sale", "history", "pay"):
        button = page.findChild(QPushButton, name)
        rect = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        assert inside.contains(rect), name
        assert button.width() >= button.sizeHint().width(), name  # the label is not cut


def test_the_window_fills_the_screen_even_where_maximised_is_ignored(window: MainWindow) -> None:
    """Without a window manager (or one that ignores "maximised") the till stayed at 1000×560 on 1366×768."""
    screen = window.screen().availableGeometry()
    show_on_screen(window)
    QApplication.processEvents()
    assert window.isMaximized()
    normal = window.normalGeometry()  # what a desktop that ignores "maximised" shows: the whole free area
    assert (normal.width(), normal.height()) == (max(screen.width(), MIN_WIDTH), max(screen.height(), MIN_HEIGHT))
