"""Small pieces shared by the stock and production screens: read-only cells, big buttons that show their
shortcut, a message line, and saving a report (PDF or XLSX) where the person can find it."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from db.connection import data_dir
from pos_app.stock import export as stock_export
from pos_app.stock.export import ReportTable
from resources.i18n import _

if TYPE_CHECKING:
    from ui.shell.context import ShellContext

TOUCH = 44  # px: the smallest touch target


def cell(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def button(owner: QWidget, label: str, name: str, key: str | None = None) -> QPushButton:
    """A button at least 44 px high whose label shows its shortcut key, e.g. ``Save (F8)``."""
    b = QPushButton(f"{label} ({key})" if key else label)
    b.setObjectName(name)
    b.setMinimumHeight(TOUCH)
    if key:
        shortcut = QShortcut(QKeySequence(key), owner)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(b.click)
    return b


def touch_list(box: QComboBox) -> QComboBox:
    """``box`` at least 44 px high, and the rows of its open list too (a finger picks an item or a lot)."""
    box.setStyleSheet(f"QComboBox {{ min-height: {TOUCH}px; }}")  # the shell's 40 px is a floor
    box.setView(QListView())  # its rows take the style sheet's height
    box.view().setStyleSheet(f"QListView::item {{ min-height: {TOUCH}px; }}")
    return box


def focus_first(page: QWidget) -> None:
    """Put the cursor in the first field of ``page`` that takes it (its tab order), so that the page's own
    shortcut keys answer at once when it is shown (a tab bar or a hidden page's field had it, and F5 did
    nothing)."""
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page:
        if (page.isAncestorOf(widget) and widget.isVisibleTo(page) and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        widget = widget.nextInFocusChain()


def table(name: str, headers: list[str], stretch: int = 0) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    for c in range(len(headers)):
        t.horizontalHeader().setSectionResizeMode(
            c, QHeaderView.ResizeMode.Stretch if c == stretch else QHeaderView.ResizeMode.ResizeToContents)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().setDefaultSectionSize(TOUCH - 8)
    return t


def fill(t: QTableWidget, rows: list[tuple[str, ...]], numeric: set[int] | frozenset[int] = frozenset()) -> None:
    t.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            t.setItem(r, c, cell(value, c in numeric))


def message_label(name: str = "message") -> QLabel:
    label = QLabel("")
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def say(label: QLabel, text: str, error: bool = False) -> None:
    label.setStyleSheet(f"color: {'#b00020' if error else '#0b6e2e'}; font-weight: bold;")
    label.setText(text)


def write_file(data: bytes, stem: str, kind: str) -> Path:
    """Save ``data`` as ``<stem>.<kind>`` under the data folder's ``reports`` (no Qt: runs off the GUI thread)."""
    folder = data_dir() / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{re.sub(r'[^0-9A-Za-z_.-]+', '-', stem)}.{kind}"
    path.write_bytes(data)
    return path


def write_report(ctx: ShellContext, report: ReportTable, stem: str, kind: str = "pdf") -> Path:
    """Render the report (PDF with shaped Thai, or XLSX) under the data folder's ``reports``, audited as an
    export by the person logged in (no Qt: runs off the GUI thread)."""
    return stock_export.write_report(ctx.actor, report, data_dir() / "reports", stem, kind, till_id=ctx.till.id)


def open_file(path: Path) -> None:
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def save_report(ctx: ShellContext, report: ReportTable, stem: str, kind: str = "pdf") -> Path:
    """Write the report and open it (not in an offscreen test run)."""
    path = write_report(ctx, report, stem, kind)
    open_file(path)
    return path


def export_report(ctx: ShellContext, message: QLabel, report: ReportTable, stem: str, kind: str = "pdf") -> None:
    """Render and save the report through the shell's background wrapper (the rows are read here, on the GUI
    thread's connection; shaping Thai into a PDF is the slow part), then say where it is and open it."""
    export_file(ctx, message, lambda: write_report(ctx, report, stem, kind), f"{stem}.{kind}")


def export_file(ctx: ShellContext, message: QLabel, make: Callable[[], Path], name: str) -> None:
    """Run ``make`` (it writes a file and returns where) through the shell's background wrapper, then say
    where it is and open it; a failure is said in the message line."""
    say(message, _("Making {file} …").format(file=name))

    def done(path: Path) -> None:
        say(message, _("Saved {path}").format(path=str(path)))
        open_file(path)

    def failed(err: BaseException) -> None:
        say(message, getattr(err, "message", str(err)), error=True)

    ctx.run_in_background(make, done, failed, _("Making the report…"))


def print_labels(ctx: ShellContext, message: QLabel, lot_id: int, pieces: int) -> None:
    """Lot labels as PDF (saved and opened): one per piece (``pieces``), or one sheet for goods by weight or
    volume, or when that is none or too many."""
    from db.models import Item, Lot
    from pos_app.errors import PosError
    from pos_app.stock import labels

    lot = Lot.get_or_none(Lot.id == lot_id)
    by_piece = lot is not None and Item.get_by_id(lot.item_id).base_unit == "piece"
    copies = pieces if by_piece and 0 < pieces <= labels.MAX_COPIES else labels.COLUMNS * labels.ROWS
    try:
        sheet = labels.label_sheet(lot_id, copies)
    except PosError as err:
        say(message, err.message, error=True)
        return
    export_file(ctx, message, lambda: write_file(labels.render_labels(sheet), f"labels-{sheet.number}", "pdf"),
                f"labels-{sheet.number}.pdf")
