"""The receipts' typed errors: an English msgid plus ``str.format`` parameters, translated when read.

Like ``pos_app.errors.PosError`` they derive from ``resources.i18n.TranslatedError``: ``err.message`` (and
``str(err)``) is the message in the language in use when it is read.  Nothing in ``receipts`` retries or
queues; the caller (the print outbox) decides what to do with a :class:`PrinterError`.
"""

from __future__ import annotations

from resources.i18n import TranslatedError


class ReceiptError(TranslatedError):
    """Base of every error the receipts package raises on purpose."""


class DocumentError(ReceiptError):
    """The receipt document (or its JSON, logo, barcode) is not valid; nothing was printed."""


class PrinterConfigError(ReceiptError):
    """The printer address or one of its settings does not parse or is out of range."""


class PrinterError(ReceiptError):
    """Talking to the printer failed.  ``started``: part of the job may have printed."""

    started = False  # True when some of the job had been sent: part of it may have printed


class PrinterOffline(PrinterError):
    """Nothing answers at the address: switched off, unplugged, wrong address, or connection refused."""


class PrinterTimeout(PrinterError):
    """The printer did not answer (or accept data) within the configured time."""


class PrinterDropped(PrinterError):
    """The connection was lost in the middle of a job: part of the receipt may have printed."""


class PrinterRefused(PrinterError):
    """Something answered but not as a ready printer: garbage, paper out, cover open, spooler said no."""
