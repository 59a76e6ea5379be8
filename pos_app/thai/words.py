"""Amounts of money in Thai words, as printed on receipts and cash books, and back.

``baht_words(satang)`` takes integer satang (or a :class:`~pos_app.money.Money`) and returns the reading:

- ``12050`` → ``หนึ่งร้อยยี่สิบบาทห้าสิบสตางค์``; whole baht end in ``ถ้วน``: ``2100`` → ``ยี่สิบเอ็ดบาทถ้วน``.
- **The เอ็ด rule** (the common one, as Excel's ``BAHTTEXT``): a one in the units place reads ``เอ็ด`` when
  any higher digit of the number is not zero, ``หนึ่ง`` when it stands alone: 1 ``หนึ่ง``, 11 ``สิบเอ็ด``,
  101 ``หนึ่งร้อยเอ็ด``, 1,000,001 ``หนึ่งล้านเอ็ด``, 1,000,000 ``หนึ่งล้าน``.  A one in any other place
  reads ``หนึ่ง`` (``หนึ่งพัน``), except the tens place, which is ``สิบ`` (never ``หนึ่งสิบ``); two tens is
  ``ยี่สิบ``.  The satang part follows the same rule on its own: 0.01 ``หนึ่งสตางค์``, 0.21
  ``ยี่สิบเอ็ดสตางค์``.
- Under one baht reads as satang only (``ห้าสิบสตางค์``); zero is ``ศูนย์บาทถ้วน``.
- Above a million the millions repeat: 10^12 baht is ``หนึ่งล้านล้านบาทถ้วน``.
- A negative amount is refused with :class:`~pos_app.errors.InputError` (a refund prints its amount
  positive, with the word for refund beside it).

``parse_baht_words(text)`` reads such words back to integer satang (spaces ignored; ``ถ้วน``/``ตรง`` after
``บาท`` optional; the colloquial ``หนึ่ง`` for a trailing ``เอ็ด`` accepted) and raises
:class:`~pos_app.errors.InputError` for anything that is not an amount (``หนึ่งสิบ``, ``สองสิบ``, ``ยี่ร้อย``,
a place without its digit other than ``สิบ``, places out of order, 100 satang or more, no ``บาท``/``สตางค์``).
``parse_baht_words(baht_words(x)) == x`` for every ``x ≥ 0`` (property-tested up to 10^15 satang).
"""

from __future__ import annotations

from pos_app.errors import InputError
from pos_app.money import Money

_DIGITS = ("", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
_TENS = ("", "สิบ", "ยี่สิบ", "สามสิบ", "สี่สิบ", "ห้าสิบ", "หกสิบ", "เจ็ดสิบ", "แปดสิบ", "เก้าสิบ")
_MILLION = 1_000_000


def _low_table() -> tuple[str, ...]:
    """Readings of 0..999 in the hundreds/tens/units places (units one → เอ็ด after a higher digit)."""
    out = []
    for n in range(1000):
        h, rest = divmod(n, 100)
        t, u = divmod(rest, 10)
        unit = "เอ็ด" if u == 1 and n >= 10 else _DIGITS[u]
        out.append((_DIGITS[h] + "ร้อย" if h else "") + _TENS[t] + unit)
    return tuple(out)


def _high_table() -> tuple[str, ...]:
    """Readings of 0..999 in the hundred-thousands/ten-thousands/thousands places (แสน หมื่น พัน)."""
    out = []
    for n in range(1000):
        a, rest = divmod(n, 100)
        b, c = divmod(rest, 10)
        out.append(
            (_DIGITS[a] + "แสน" if a else "")
            + (_DIGITS[b] + "หมื่น" if b else "")
            + (_DIGITS[c] + "พัน" if c else "")
        )
    return tuple(out)


_LOW = _low_table()
_HIGH = _high_table()


def _number(n: int) -> str:
    """Thai reading of a positive integer ``n`` with the เอ็ด rule (no unit word)."""
    upper, group = divmod(n, _MILLION)
    hi, lo = divmod(group, 1000)
    low = "เอ็ด" if lo == 1 and (hi or upper) else _LOW[lo]
    return (_number(upper) + "ล้าน" if upper else "") + _HIGH[hi] + low


def baht_words(amount: int | Money) -> str:
    """The amount (integer satang or :class:`Money`) in Thai words, e.g. ``หนึ่งร้อยยี่สิบบาทห้าสิบสตางค์``.

    See the module docstring for the rules (เอ็ด, ยี่สิบ, repeated ล้าน).  Raises :class:`InputError` for
    a negative amount, :class:`TypeError` for anything that is not an ``int`` or ``Money``.
    """
    if isinstance(amount, Money):
        satang = amount.satang
    elif isinstance(amount, int) and not isinstance(amount, bool):
        satang = amount
    else:
        raise TypeError(f"baht_words takes integer satang or Money, not {type(amount).__name__}")
    if satang <= 0:
        if satang == 0:
            return "ศูนย์บาทถ้วน"
        raise InputError("A negative amount cannot be written in words; write a refund as a positive amount")
    baht, st = divmod(satang, 100)
    if not st:
        return _number(baht) + "บาทถ้วน"
    if not baht:
        return _LOW[st] + "สตางค์"
    return _number(baht) + "บาท" + _LOW[st] + "สตางค์"


# --- reading words back -------------------------------------------------------------------------------

_DIGIT_VALUES = {w: i for i, w in enumerate(_DIGITS) if w} | {"เอ็ด": 1, "ยี่": 2, "ศูนย์": 0}
_PLACES = {"สิบ": 10, "ร้อย": 100, "พัน": 1000, "หมื่น": 10_000, "แสน": 100_000}
# Longest first, so that e.g. "สิบ" is not read as a prefix of something longer.
_NUMBER_WORDS = frozenset([*_DIGIT_VALUES, *_PLACES, "ล้าน"])
_TOKENS = sorted([*_DIGIT_VALUES, *_PLACES, "ล้าน", "บาท", "สตางค์", "ถ้วน", "ตรง"], key=len, reverse=True)


def _tokenize(text: str) -> list[str] | None:
    out: list[str] = []
    i = 0
    while i < len(text):
        for tok in _TOKENS:
            if text.startswith(tok, i):
                out.append(tok)
                i += len(tok)
                break
        else:
            return None
    return out


def _read_number(tokens: list[str]) -> int | None:
    """The value of a run of number words, or ``None`` if they do not make a well-formed number."""
    if not tokens or not all(t in _NUMBER_WORDS for t in tokens):
        return None
    if tokens == ["ศูนย์"]:
        return 0
    total = 0  # whole millions read so far (already multiplied)
    group = 0  # value of the current group below a million
    last_place = _MILLION  # places inside a group must fall strictly
    pending: str | None = None  # a digit word waiting for its place
    for tok in tokens:
        if tok in _PLACES:
            place = _PLACES[tok]
            if place >= last_place:
                return None
            if pending is None:
                if tok != "สิบ":  # only ten may stand without a digit
                    return None
                digit = 1
            elif pending in ("เอ็ด", "ศูนย์") or (pending == "หนึ่ง" and tok == "สิบ"):
                return None
            elif pending == "ยี่" and tok != "สิบ":
                return None
            elif pending == "สอง" and tok == "สิบ":
                return None
            else:
                digit = _DIGIT_VALUES[pending]
            group += digit * place
            last_place = place
            pending = None
        elif tok == "ล้าน":
            if pending is not None:
                if pending in ("ยี่", "ศูนย์") or (pending == "เอ็ด" and not group and not total):
                    return None
                group += _DIGIT_VALUES[pending]
            if not group and not total:
                return None
            total = (total + group) * _MILLION
            group, last_place, pending = 0, _MILLION, None
        else:  # a digit word
            if pending is not None or tok == "ศูนย์":
                return None
            pending = tok
    if pending is not None:
        if pending == "ยี่":
            return None
        if pending == "เอ็ด" and not group and not total:
            return None
        group += _DIGIT_VALUES[pending]
    return total + group


def parse_baht_words(text: str) -> int:
    """Read an amount in Thai words back to integer satang; :class:`InputError` if it is not one."""
    if not isinstance(text, str):
        raise TypeError(f"parse_baht_words takes a string, not {type(text).__name__}")
    cleaned = "".join(text.split())
    tokens = _tokenize(cleaned)
    value = _parse_tokens(tokens) if tokens else None
    if value is None:
        raise InputError("“{text}” is not an amount in Thai words (for example หนึ่งร้อยบาทถ้วน)", text=text)
    return value


def _parse_tokens(tokens: list[str]) -> int | None:
    if "บาท" in tokens:
        cut = tokens.index("บาท")
        baht = _read_number(tokens[:cut])
        rest = tokens[cut + 1 :]
        if baht is None:
            return None
        if rest in ([], ["ถ้วน"], ["ตรง"]):
            return baht * 100
        if rest[-1] != "สตางค์":
            return None
        satang = _read_number(rest[:-1])
        if satang is None or not 0 < satang < 100:
            return None
        return baht * 100 + satang
    if tokens[-1] == "สตางค์":
        satang = _read_number(tokens[:-1])
        if satang is None or not 0 < satang < 100:
            return None
        return satang
    return None
