"""Thai dictionary order for product and people lists, and the normaliser for search keys.

**Which library.**  The full Unicode/CLDR Thai collation is ICU's, but PyICU publishes no wheels on PyPI
(it builds from source against an installed ICU, which a stall laptop on Windows does not have), so it is
not used.  The rule here is pythainlp's collation (``pythainlp.util.collate``, Apache-2.0; pythainlp is
already a dependency): tone marks are dropped for the first comparison and a leading vowel
(เ แ โ ใ ไ) is moved after the consonant it is written before, so ``ไก่`` sorts under ก, after ``กา``.
pythainlp exposes that rule only as ``collate(list_of_str)``, not as a sort key, and its key appends the
tone mark to the string, which puts ``ก่า`` after ``กาก``; :func:`thai_sort_key` applies the same two
transforms but compares in levels, as a dictionary does (and runs 10,000 names in well under 50 ms):

1. script group: blanks and symbols, digits (Thai digits count as their values), then Thai then English
   (``english_first=True`` — the English UI — swaps the last two);
2. the letters without tone marks (``็ ่ ้ ๊ ๋ ์``), leading vowels moved, English case-folded;
3. the text itself by code point, which orders words that differ only in marks as a dictionary does:
   unmarked first, then ่ ้ ๊ ๋ (``กา`` < ``ก่า`` < ``ก้า``), and makes the order total and stable.

The tests check this order against ``pythainlp.util.collate`` on words without tone marks.

:func:`search_key` normalises what a person typed or what a product is called, so that both match:
NFC; zero-width characters removed; Thai digits → Arabic; case folded; whitespace collapsed; and the
common mis-typed orders of Thai marks repaired — ``ํ`` + ``า`` → ``ำ`` (also with a tone mark typed
between them or after ``ำ``: ``น`` + ``ำ`` + ``้`` → ``น้ำ``), a tone mark typed before its upper or lower
vowel (``ก่ี`` → ``กี่``), a mark typed twice, and ``เเ`` (two sara e) → ``แ``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

from pos_app.thai.digits import to_arabic_digits
from resources.i18n import language

T = TypeVar("T")
SortKey = tuple[int, str, str]

_TONES = re.compile("[\u0e47-\u0e4c]+")  # ็ ่ ้ ๊ ๋ ์
_THAI_DIGIT = re.compile("[\u0e50-\u0e59]")
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_LEADING_VOWEL = re.compile("([\u0e40-\u0e44])([\u0e01-\u0e2e])")


def _swap(m: re.Match[str]) -> str:
    return m[2] + m[1]


def _group(first: str, english_first: bool) -> int:
    if "\u0e01" <= first <= "\u0e2e" or "\u0e30" <= first <= "\u0e4e":
        return 3 if english_first else 2
    if first.isdigit():
        return 1
    if first.isalpha():
        return (2 if english_first else 3) if first.isascii() else 4
    return 0


def _key(text: str, english_first: bool) -> SortKey:
    primary = _TONES.sub("", text)
    if _THAI_DIGIT.search(primary):
        primary = primary.translate(_TO_ARABIC)
    primary = _LEADING_VOWEL.sub(_swap, primary.casefold())
    first = primary.lstrip()[:1]
    return (_group(first, english_first) if first else 0, primary, text)


def thai_sort_key(text: str) -> SortKey:
    """Sort key in Thai dictionary order, Thai before English: ``sorted(names, key=thai_sort_key)``."""
    return _key(text, False)


def english_first_sort_key(text: str) -> SortKey:
    """As :func:`thai_sort_key`, but English names before Thai ones (for the English UI)."""
    return _key(text, True)


def sort_key_for(lang: str | None = None) -> Callable[[str], SortKey]:
    """The sort key for a UI language (``None``: the current one): Thai first unless it is English."""
    return english_first_sort_key if (lang or language()) == "en" else thai_sort_key


def thai_sorted(
    items: Iterable[T],
    key: Callable[[T], str] | None = None,
    *,
    lang: str | None = None,
    reverse: bool = False,
) -> list[T]:
    """``items`` in Thai dictionary order; ``key`` picks the text of an item (e.g. ``lambda p: p.name``)."""
    base = sort_key_for(lang)
    if key is None:
        return sorted(items, key=base, reverse=reverse)  # type: ignore[arg-type]
    text_of = key
    return sorted(items, key=lambda item: base(text_of(item)), reverse=reverse)


# --- search keys --------------------------------------------------------------------------------------

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_UPPER_LOWER_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a"  # ั ิ ี ึ ื ุ ู ฺ
_TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"  # ่ ้ ๊ ๋
_REPAIRS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32"), "\\1\u0e33"),  # ํ (tone) า → (tone) ำ
    (re.compile("\u0e32\u0e4d"), "\u0e33"),  # า ํ → ำ
    (re.compile(f"\u0e33([{_TONE_MARKS}])"), "\\1\u0e33"),  # ำ tone → tone ำ
    (re.compile(f"([{_TONE_MARKS}\u0e4c\u0e47])([{_UPPER_LOWER_VOWELS}])"), "\\2\\1"),  # tone before vowel
    (re.compile("([\u0e31-\u0e3a\u0e47-\u0e4e])\\1+"), "\\1"),  # a mark typed twice
    (re.compile("\u0e40\u0e40"), "\u0e41"),  # เ เ → แ
    (re.compile(r"\s+"), " "),
)


def search_key(text: str) -> str:
    """The normalised form of a name or a typed query for matching (see the module docstring)."""
    out = to_arabic_digits(unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)).casefold()
    for _ in range(8):  # one repair can expose another (a doubled mark before a vowel): run to a fixed point
        before = out
        for pattern, repl in _REPAIRS:
            out = pattern.sub(repl, out)
        if out == before:
            break
    return out.strip()
