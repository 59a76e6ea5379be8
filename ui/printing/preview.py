"""A receipt on screen, dot for dot what the paper gets (the same raster), with a reprint button.

``show_receipt_preview(ctx, sale_uuid)`` opens it for any saved sale, refund or void (e.g. from the day's
sales list); the reprint is a copy marked สำเนา / COPY, printed through the outbox.
"""

from __future__ import annotations

import uuid

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QScrollArea, QVBoxLayout, QWidget

from pos_app.errors import PosError
from pos_app.printing import outbox
from pos_app.printing.receipt_of import build_receipt
from pos_app.printing.setup import printer_of_till
from receipts.render import render_preview
from receipts.settings import PrintSettings
from resources.i18n import _
from ui.shell.context import ShellContext


def to_pixmap(image: Image.Image) -> QPixmap:
    rgb = image.convert("RGB")
    data = rgb.tobytes()
    qimage = QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888).copy()
    return QPixmap.fromImage(qimage)


def preview_image(till_id: int, sale_uuid: uuid.UUID, copy: bool = False) -> Image.Image:
    """The receipt of a saved document as this till's printer would print it (80 mm if none is set up)."""
    setup = printer_of_till(till_id)
    settings = setup.config.settings if setup is not None else PrintSettings()
    return render_preview(build_receipt(sale_uuid, copy=copy), settings)


class ReceiptPreview(QDialog):
    def __init__(self, ctx: ShellContext, sale_uuid: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receipt_preview")
        self.setWindowTitle(_("Receipt"))
        self.ctx, self.sale_uuid = ctx, sale_uuid
        self.reprinted: uuid.UUID | None = None
        self.image = preview_image(ctx.till.id, sale_uuid)
        self.picture = QLabel()
        self.picture.setObjectName("receipt_picture")
        self.picture.setPixmap(to_pixmap(self.image))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(self.image.width + 40)
        self.status = QLabel(self._status_text())
        self.status.setObjectName("receipt_print_status")
        self.reprint = QPushButton(_("Print a copy (Ctrl+P)"))
        self.reprint.setObjectName("receipt_reprint")
        self.reprint.setShortcut(QKeySequence("Ctrl+P"))
        self.reprint.setMinimumHeight(44)
        self.reprint.clicked.connect(self.on_reprint)
        close = QPushButton(_("Close (Esc)"))
        close.setObjectName("receipt_close")
        close.setMinimumHeight(44)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.reprint)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.resize(self.image.width + 80, 560)

    def _status_text(self) -> str:
        jobs = outbox.jobs_of_document(self.sale_uuid)
        if not jobs:
            return _("Not sent to the printer")
        last = jobs[-1]
        return f"{last.label}: {last.status_text}"

    def on_reprint(self) -> None:
        try:
            self.reprinted = outbox.reprint_document(self.ctx.actor, self.sale_uuid, self.ctx.till.id)
        except PosError as err:
            QMessageBox.warning(self, _("Printing"), err.message)
            return
        self.status.setText(self._status_text())


def show_receipt_preview(ctx: ShellContext, sale_uuid: uuid.UUID, parent: QWidget | None = None) -> ReceiptPreview:
    """Open the preview of a saved sale/refund/void (non-modal); returns the dialog."""
    dialog = ReceiptPreview(ctx, sale_uuid, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
