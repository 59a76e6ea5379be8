"""The till's printing widgets: the print worker on a thread of its own (:mod:`ui.printing.runner`), the
status light with "Did it print? Reprint" (:class:`PrintStatus`), the receipt preview with a reprint
button (:func:`show_receipt_preview`) and the admin's printer set-up page (:class:`PrinterSetupPage`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ui.printing.preview import ReceiptPreview, show_receipt_preview
    from ui.printing.setup_page import PrinterSetupPage
    from ui.printing.status import PrintStatus

__all__ = ["PrintStatus", "PrinterSetupPage", "ReceiptPreview", "show_receipt_preview"]


def __getattr__(name: str) -> Any:  # imported when first used: the shell starts fast
    if name == "PrintStatus":
        from ui.printing.status import PrintStatus

        return PrintStatus
    if name in ("ReceiptPreview", "show_receipt_preview"):
        from ui.printing import preview

        return getattr(preview, name)
    if name == "PrinterSetupPage":
        from ui.printing.setup_page import PrinterSetupPage

        return PrinterSetupPage
    raise AttributeError(name)
