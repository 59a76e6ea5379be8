"""A scanner typing through the Thai Kedmanee layout: its number row read back as digits.

The expected values are the Kedmanee layout as printed on Thai keyboards (TIS 820-2538 number row, unshifted:
``ๅ / - ภ ถ ุ ึ ค ต จ`` on the keys ``1 2 3 4 5 6 7 8 9 0``), written out by hand.
"""

from __future__ import annotations

import pytest

from pos_app.thai.keyboard import as_digits, as_us_keys


@pytest.mark.parametrize(("typed", "digits"), [
    ("ๅ/-ภถุึคตจ", "1234567890"),
    ("ถจ/ถ", "5025"),  # an EAN's first digits as the scanner sends them with the Thai layout on
    ("๘๘๕๐๑๒๓", "8850123"),  # Thai digits typed on purpose
    ("885ภ", "8854"),  # a mix of ASCII digits and layout keys
    ("จจจ", "000"),
    ("7", "7"),
])
def test_number_row_and_thai_digits_read_as_digits(typed: str, digits: str) -> None:
    assert as_digits(typed) == digits


@pytest.mark.parametrize("typed", ["", "กะปิ", "88a5", "ๅ/ก", " 885", "8.5", "๑๒x", "+66"])
def test_anything_else_is_not_a_number(typed: str) -> None:
    assert as_digits(typed) is None


# What a scanner types for a lot label while the Thai Kedmanee layout is on, worked from the published layout
# (TIS 820-2538): Shift+K ษ, Shift+A ฤ, Shift+P ญ, Shift+I ณ, Shift+B ฺ, Shift+H ็, Shift+S ฆ; unshifted
# - ข, 0 จ, 1 ๅ, 2 /, 4 ภ, 5 ถ, 6 ุ, 9 ต; d ก.
def test_a_lot_label_typed_under_the_thai_layout_reads_back_as_its_keys() -> None:
    assert as_us_keys("ษฤญณข/ถุตๅๅ/ภขจจๅ") == "KAPI-25691124-001"
    assert as_us_keys("ฺ็ฆข/ถุตๅ/จุ") == "BHS-25691206"
    assert as_us_keys("ก") == "d"


def test_text_not_typed_under_the_thai_layout_is_not_read() -> None:
    assert as_us_keys("") is None
    assert as_us_keys("KAPI-25691124-001") is None  # plain ASCII: typed under the US layout already
    assert as_us_keys("ษฤญณ1") is None  # an ASCII digit among Thai: no key sends that mix
    assert as_us_keys("ฐ") is None  # Shift+[ : no key of a code sends it
    assert as_us_keys("ษฤญณ ") is None  # a space is not a key of a code
    assert as_us_keys("-/()") is None  # ASCII that Kedmanee also sends (keys 3 2 Z X): no Thai, so US typing
