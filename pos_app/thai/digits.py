"""Thai digits (๐–๙, U+0E50–U+0E59) to and from Arabic digits."""

from __future__ import annotations

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")


def to_thai_digits(text: str) -> str:
    """``"24/11/2569"`` → ``"๒๔/๑๑/๒๕๖๙"``; other characters are kept."""
    return text.translate(_TO_THAI)


def to_arabic_digits(text: str) -> str:
    """``"๒๔/๑๑/๒๕๖๙"`` → ``"24/11/2569"``; other characters are kept."""
    return text.translate(_TO_ARABIC)
