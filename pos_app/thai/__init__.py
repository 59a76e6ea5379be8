"""Thai text helpers for the till, the receipts and the books: pure functions, no Qt, no database.

- :mod:`pos_app.thai.words` — ``baht_words`` / ``parse_baht_words``: amounts in Thai words (เอ็ด rule).
- :mod:`pos_app.thai.promptpay` — ``promptpay_payload``, ``validate_promptpay_id``, ``decode_promptpay``,
  ``crc16_ccitt_false``: PromptPay QR payloads (EMVCo), checked against the published vectors.
"""

from pos_app.thai.promptpay import (
    DecodedPayload,
    PromptPayId,
    crc16_ccitt_false,
    decode_promptpay,
    national_id_check_digit,
    promptpay_payload,
    validate_promptpay_id,
)
from pos_app.thai.words import baht_words, parse_baht_words

__all__ = [
    "DecodedPayload",
    "PromptPayId",
    "baht_words",
    "crc16_ccitt_false",
    "decode_promptpay",
    "national_id_check_digit",
    "parse_baht_words",
    "promptpay_payload",
    "validate_promptpay_id",
]
