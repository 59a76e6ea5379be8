"""What a keyboard sends under the Thai Kedmanee layout, read back as the keys' digits.

A barcode scanner is a keyboard: with the Thai layout switched on, its digits arrive as the characters of
Kedmanee's number row (unshifted): ``ๅ / - ภ ถ ุ ึ ค ต จ`` for ``1 2 3 4 5 6 7 8 9 0``.  Thai digits
(``๐``–``๙``) typed on purpose read as digits too.  Anything else is left as it is.
"""

from __future__ import annotations

KEDMANEE_NUMBER_ROW = "ๅ/-ภถุึคตจ"  # the keys 1 2 3 4 5 6 7 8 9 0, unshifted
_TO_DIGITS = str.maketrans(KEDMANEE_NUMBER_ROW + "๐๑๒๓๔๕๖๗๘๙", "1234567890" + "0123456789")


def as_digits(text: str) -> str | None:
    """``text`` as ASCII digits if every character is a digit, a Thai digit or a Kedmanee number-row key
    (``"ๅ/-ภ"`` → ``"1234"``); ``None`` if any character is something else (an ordinary word)."""
    if not text:
        return None
    converted = text.translate(_TO_DIGITS)
    return converted if converted.isascii() and converted.isdigit() else None
