"""Counting the drawer by denomination: Thai notes 1,000 / 500 / 100 / 50 / 20 baht, coins 10 / 5 / 2 / 1
baht and 50 / 25 satang.  A count is {denomination in satang: pieces}; its total is exact integer satang."""

from __future__ import annotations

import json
from collections.abc import Mapping

from pos_app.errors import InputError
from pos_app.money import Money
from pos_app.thai.digits import to_arabic_digits

DENOMINATIONS: tuple[int, ...] = (100000, 50000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 25)
MAX_PIECES = 100_000


def label(satang: int) -> str:
    """``1,000`` for a note, ``0.50`` for a 50-satang coin."""
    return f"{satang // 100:,}" if satang % 100 == 0 else f"0.{satang:02d}"


def parse_pieces(text: str | int, denomination: int) -> int:
    """How many pieces a person typed for ``denomination``: blank is 0; negative or not a whole number is
    refused (InputError)."""
    if isinstance(text, bool):
        raise InputError("The count for {value} must be a whole number of pieces", value=label(denomination))
    if isinstance(text, int):
        pieces = text
    else:
        cleaned = to_arabic_digits(text).strip().replace(",", "")
        if cleaned == "":
            return 0
        if not cleaned.removeprefix("-").isdigit() or not cleaned.isascii():  # one sign at most: "--3" is no count
            raise InputError("“{text}” is not a number of pieces (for {value})", text=text,
                             value=label(denomination))
        pieces = int(cleaned)
    if pieces < 0:
        raise InputError("The count for {value} cannot be negative", value=label(denomination))
    if pieces > MAX_PIECES:
        raise InputError("The count for {value} is too large", value=label(denomination))
    return pieces


def parse_count(entries: Mapping[int, str | int]) -> dict[int, int]:
    """A full count from what was typed per denomination; unknown denominations are refused."""
    count = dict.fromkeys(DENOMINATIONS, 0)
    for denomination, text in entries.items():
        if denomination not in count:
            raise InputError("{value} is not a Thai note or coin", value=str(denomination))
        count[denomination] = parse_pieces(text, denomination)
    return count


def total(count: Mapping[int, int]) -> Money:
    return Money(sum(denomination * pieces for denomination, pieces in count.items()))


def to_json(count: Mapping[int, int]) -> str:
    return json.dumps({str(d): count.get(d, 0) for d in DENOMINATIONS}, separators=(",", ":"))


def from_json(text: str) -> dict[int, int]:
    return {int(k): int(v) for k, v in json.loads(text).items()}
