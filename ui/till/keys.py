"""Every key the till's window answers, in one place.

The shell's area keys (``ui.shell.areas.AREAS``: F2 till, F3 stock, F4 production, F7 people, F8 books, F9
settings, F10 prices) work in the whole window, so no key here may be one of them; and no two keys
here may be the same.  ``tests/test_ui_till_keys.py`` logs in every role, visits every area and checks that no
two enabled shortcuts in the window share a key.  A button shows its key through :func:`labelled`.
Dialogs (the history, a refund, the weight box) are windows of their own with their own keys.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence

PAY = "F12"
PROMPTPAY = "F5"
TRANSFER = "F6"
CASH = "Enter"  # in the cash box (Enter in the scan field adds a product)
BACK = "Escape"  # from the payment panel, or from the PromptPay QR, back one step
SALE_DISCOUNT = "Ctrl+D"
HOLD = "Ctrl+H"
RECALL = "Ctrl+R"
CANCEL_SALE = "Ctrl+K"
HISTORY = "Ctrl+F"
REMOVE_LINE = "Delete"
REPRINT = "F11"  # the print light: "Did it print? Reprint" (was F8, the Books area's key)
DRAWER = "Ctrl+O"  # the print light: open the drawer without a sale (was F6, the transfer key)
OPEN_SHIFT = "Ctrl+G"  # no shift open at this till: count the float (ui.till.shift_here)

TILL_KEYS: dict[str, str] = {
    "pay": PAY, "promptpay": PROMPTPAY, "transfer": TRANSFER, "sale_discount": SALE_DISCOUNT, "hold": HOLD,
    "recall": RECALL, "cancel_sale": CANCEL_SALE, "history": HISTORY, "remove_line": REMOVE_LINE, "back": BACK,
    "reprint": REPRINT, "drawer": DRAWER, "open_shift": OPEN_SHIFT,
}
SHOWN = {"Escape": "Esc"}


def labelled(text: str, key: str) -> str:
    """A button's text with its key: ``labelled(_("Hold"), HOLD)`` → "พักบิล  Ctrl+H"."""
    return f"{text}  {SHOWN.get(key, key)}"



class TillKeysFirst(QObject):
    """Installed on the till's text fields: the till's Ctrl keys reach the till, not the field.

    Under Qt's X11 key bindings (KDE, GNOME, no desktop at all) a line edit takes Ctrl+D (delete a
    character) and Ctrl+K (delete to the end of the line) for itself: with the cursor in the scan field the
    discount and cancel keys did nothing, and the seller's next typing went into the search.  Keys without
    Ctrl (Delete, Escape) stay the field's own."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.combos = {QKeySequence(k).toString() for k in TILL_KEYS.values() if k.startswith("Ctrl+")}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if QKeySequence(event.keyCombination()).toString() in self.combos:
                event.ignore()  # not the field's: the till's shortcut takes it
                return True
        return False
