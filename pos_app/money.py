"""Money as integer satang (1 baht = 100 satang).  Never a float, anywhere.

``Money`` wraps one ``int``.  It adds and subtracts with other ``Money``, multiplies by an ``int``
(a quantity), and divides only through :meth:`Money.times_fraction`, whose rounding is explicit:
half away from zero (``ROUND_HALF_UP`` as in Thai retail practice) unless the caller says otherwise.

Parsing accepts what people type or paste: ``"12.50"``, ``"12"``, ``"12.5"``, ``"๑๒.๕๐"`` (Thai digits),
``"฿1,200"``, ``"1,200.50 บาท"``, ``"-3.00"``.  More than two decimals is refused rather than rounded.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import total_ordering
from typing import Any

from pos_app.errors import InputError

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_PATTERN = re.compile(r"^(?P<sign>[-−])?(?P<int>\d{1,3}(?:,\d{3})+|\d+)?(?:\.(?P<frac>\d{1,2}))?$")


class Rounding(Enum):
    HALF_UP = "half_up"  # half away from zero: 0.5 satang -> 1 satang
    DOWN = "down"  # toward zero
    HALF_EVEN = "half_even"  # banker's rounding


def _divide(numerator: int, denominator: int, rounding: Rounding) -> int:
    if denominator == 0:
        raise ZeroDivisionError("denominator is zero")
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    sign = -1 if numerator < 0 else 1
    q, r = divmod(abs(numerator), denominator)
    if rounding is Rounding.DOWN or r == 0:
        return sign * q
    twice = 2 * r
    if twice > denominator or (twice == denominator and (rounding is Rounding.HALF_UP or q % 2 == 1)):
        q += 1
    return sign * q


@total_ordering
class Money:
    """An amount of money in integer satang."""

    __slots__ = ("satang",)
    satang: int

    def __init__(self, satang: int = 0) -> None:
        if isinstance(satang, bool) or not isinstance(satang, int):
            raise TypeError(f"Money takes integer satang, not {type(satang).__name__}")
        object.__setattr__(self, "satang", satang)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Money is immutable")

    @classmethod
    def baht(cls, baht: int, satang: int = 0) -> Money:
        if not isinstance(baht, int) or not isinstance(satang, int):
            raise TypeError("Money.baht takes integers")
        return cls(baht * 100 + satang)

    @classmethod
    def parse(cls, text: str) -> Money:
        """Parse what a person typed; raise :class:`InputError` (translated) if it is not an amount."""
        if not isinstance(text, str):
            raise TypeError(f"Money.parse takes a string, not {type(text).__name__}")
        cleaned = text.translate(_THAI_DIGITS).strip()
        for token in ("฿", "THB", "บาท", " ", "\u00a0"):
            cleaned = cleaned.replace(token, "")
        m = _PATTERN.match(cleaned)
        if not cleaned or m is None or (m.group("int") is None and m.group("frac") is None):
            raise InputError("“{text}” is not an amount of money (for example 12.50)", text=text)
        whole = int((m.group("int") or "0").replace(",", ""))
        frac = (m.group("frac") or "0").ljust(2, "0")
        value = whole * 100 + int(frac)
        return cls(-value if m.group("sign") else value)

    def format(self, symbol: bool = True, grouping: bool = True) -> str:
        """``฿1,200.50``; ``-฿3.00`` for a negative amount; ``symbol=False`` gives ``1,200.50``."""
        whole, frac = divmod(abs(self.satang), 100)
        body = f"{whole:,}" if grouping else str(whole)
        text = f"{'฿' if symbol else ''}{body}.{frac:02d}"
        return f"-{text}" if self.satang < 0 else text

    def times_fraction(self, numerator: int, denominator: int, rounding: Rounding = Rounding.HALF_UP) -> Money:
        """``self × numerator / denominator`` rounded to whole satang by ``rounding`` (stated, never implied).

        E.g. a price per kg times grams sold: ``price.times_fraction(grams, 1000)``.
        """
        for n in (numerator, denominator):
            if isinstance(n, bool) or not isinstance(n, int):
                raise TypeError("times_fraction takes integers")
        return Money(_divide(self.satang * numerator, denominator, rounding))

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.satang + other.satang)

    def __radd__(self, other: object) -> Money:
        if other == 0:  # lets sum() start from 0
            return self
        return NotImplemented

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.satang - other.satang)

    def __mul__(self, factor: int) -> Money:
        if isinstance(factor, bool) or not isinstance(factor, int):
            return NotImplemented
        return Money(self.satang * factor)

    __rmul__ = __mul__

    def __neg__(self) -> Money:
        return Money(-self.satang)

    def __abs__(self) -> Money:
        return Money(abs(self.satang))

    def __bool__(self) -> bool:
        return self.satang != 0

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Money):
            return self.satang == other.satang
        return NotImplemented

    def __lt__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.satang < other.satang

    def __hash__(self) -> int:
        return hash(("Money", self.satang))

    def __repr__(self) -> str:
        return f"Money({self.satang})"

    def __str__(self) -> str:
        return self.format()


ZERO = Money(0)
