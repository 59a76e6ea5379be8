"""A scanner typing through the Thai Kedmanee layout: its number row read back as digits.

The expected values are the Kedmanee layout as printed on Thai keyboards (TIS 820-2538 number row, unshifted:
``ๅ / - ภ ถ ุ ึ ค ต จ`` on the keys ``1 2 3 4 5 6 7 8 9 0``), written out by hand.
"""

from __future__ import annotations

import pytest

from pos_app.thai.keyboard import as_digits


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
