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


# The Kedmanee layout (TIS 820-2538) over a US keyboard, key by key: what each key of a code sends with the
# Thai layout on.  A scanner types a lot label's capitals with Shift, its digits and dash unshifted.
_US_KEYS = ("1234567890-" "qwertyuiopasdfghjklzxcvbnm" "QWERTYUIOPASDFGHJKLZXCVBNM")
_KEDMANEE = ("ๅ/-ภถุึคตจข" "ๆไำพะัีรนยฟหกดเ้่าสผปแอิืท" "๐\"ฎฑธํ๊ณฯญฤฆฏโฌ็๋ษศ()ฉฮฺ์?")
_TO_US = dict(zip(_KEDMANEE, _US_KEYS, strict=True))


def as_us_keys(text: str) -> str | None:
    """The keys that typed ``text`` under the Thai Kedmanee layout, as a US layout would have shown them
    (``"ษฤญณข/ถุตๅๅ/ภขจจๅ"`` → ``"KAPI-25691124-001"``): letters, digits and the dash of a code.  ``None``
    when ``text`` holds no Thai character (it was not typed under the Thai layout) or a character no key of
    a code sends under it.  Only a reading to check against real codes: ``-`` is the key 3 under Kedmanee."""
    if not text or text.isascii() or any(ch not in _TO_US for ch in text):
        return None
    return "".join(_TO_US[ch] for ch in text)
