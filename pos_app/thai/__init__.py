"""Thai text helpers for the till, the receipts and the books: pure functions, no Qt, no database.

- :mod:`pos_app.thai.words` — ``baht_words`` / ``parse_baht_words``: amounts in Thai words (เอ็ด rule).
- :mod:`pos_app.thai.promptpay` — ``promptpay_payload``, ``validate_promptpay_id``, ``decode_promptpay``,
  ``crc16_ccitt_false``: PromptPay QR payloads (EMVCo), checked against the published vectors.
- :mod:`pos_app.thai.dates` — ``format_date``, ``format_datetime``, ``format_time``, ``to_bangkok``,
  ``parse_date``: Buddhist-Era dates in Asia/Bangkok, Thai digits optional, English forms; typed dates.
- :mod:`pos_app.thai.sorting` — ``thai_sort_key``, ``english_first_sort_key``, ``sort_key_for``,
  ``thai_sorted``: Thai dictionary order (pythainlp's rule; PyICU has no wheels); ``search_key``.
- :mod:`pos_app.thai.qr` — ``promptpay_qr_image``, ``qr_matrix``, ``promptpay_card`` (a printable card,
  :class:`QrCard`), ``masked_id``; loaded lazily (it imports ``qrcode`` and Pillow).
- :mod:`pos_app.thai.digits` — ``to_thai_digits`` / ``to_arabic_digits``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pos_app.thai.dates import (
        BANGKOK,
        format_date,
        format_datetime,
        format_time,
        parse_date,
        to_bangkok,
    )
    from pos_app.thai.digits import to_arabic_digits, to_thai_digits
    from pos_app.thai.promptpay import (
        DecodedPayload,
        PromptPayId,
        crc16_ccitt_false,
        decode_promptpay,
        national_id_check_digit,
        promptpay_payload,
        validate_promptpay_id,
    )
    from pos_app.thai.qr import QrCard, masked_id, promptpay_card, promptpay_qr_image, qr_matrix
    from pos_app.thai.sorting import (
        english_first_sort_key,
        search_key,
        sort_key_for,
        thai_sort_key,
        thai_sorted,
    )
    from pos_app.thai.words import baht_words, parse_baht_words

_HOME = {
    **dict.fromkeys(("BANGKOK", "format_date", "format_datetime", "format_time", "parse_date", "to_bangkok"),
                    "dates"),
    **dict.fromkeys(("to_arabic_digits", "to_thai_digits"), "digits"),
    **dict.fromkeys(("DecodedPayload", "PromptPayId", "crc16_ccitt_false", "decode_promptpay",
                     "national_id_check_digit", "promptpay_payload", "validate_promptpay_id"), "promptpay"),
    **dict.fromkeys(("QrCard", "masked_id", "promptpay_card", "promptpay_qr_image", "qr_matrix"), "qr"),
    **dict.fromkeys(("english_first_sort_key", "search_key", "sort_key_for", "thai_sort_key", "thai_sorted"),
                    "sorting"),
    **dict.fromkeys(("baht_words", "parse_baht_words"), "words"),
}


def __getattr__(name: str) -> Any:
    """Each helper loads with its module on first use (the log-in screen needs only the keyboard's digits;
    the QR helpers import ``qrcode`` + Pillow)."""
    if name not in _HOME:
        raise AttributeError(f"module 'pos_app.thai' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"pos_app.thai.{_HOME[name]}"), name)
    globals()[name] = value
    return value


__all__ = [
    "BANGKOK",
    "DecodedPayload",
    "PromptPayId",
    "QrCard",
    "baht_words",
    "crc16_ccitt_false",
    "decode_promptpay",
    "english_first_sort_key",
    "format_date",
    "format_datetime",
    "format_time",
    "masked_id",
    "national_id_check_digit",
    "parse_baht_words",
    "parse_date",
    "promptpay_card",
    "promptpay_payload",
    "promptpay_qr_image",
    "qr_matrix",
    "search_key",
    "sort_key_for",
    "thai_sort_key",
    "thai_sorted",
    "to_arabic_digits",
    "to_bangkok",
    "to_thai_digits",
    "validate_promptpay_id",
]
