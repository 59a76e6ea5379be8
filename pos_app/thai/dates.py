"""Dates and times for Thai documents: UTC instants shown in Asia/Bangkok, Buddhist Era (BE = CE + 543).

Instants are stored in UTC.  A ``datetime`` with a time zone is converted to Asia/Bangkok (``zoneinfo``;
the ``tzdata`` package supplies the zone on Windows); a *naive* ``datetime`` is read as UTC, because that
is how the database hands stored instants back.  A ``date`` is a calendar day and is shown as it is.

Forms (``lang="th"``, the default when the UI is Thai; ``lang="en"`` gives the English UI's CE forms):

=============  ===============================================  ==============================
style          Thai                                             English
=============  ===============================================  ==============================
``numeric``    ``24/11/2569`` · ``24/11/2569 14:05``            ``24/11/2026`` · ``24/11/2026 14:05``
``short``      ``24 พ.ย. 2569`` · ``24 พ.ย. 2569 14:05``         ``24 Nov 2026`` · ``24 Nov 2026 14:05``
``long``       ``24 พฤศจิกายน พ.ศ. 2569`` ·                       ``24 November 2026`` ·
               ``24 พฤศจิกายน พ.ศ. 2569 เวลา 14:05 น.``            ``24 November 2026, 14:05``
=============  ===============================================  ==============================

``thai_digits=True`` writes the digits as ๐–๙ (``๒๔/๑๑/๒๕๖๙``).  Functions: :func:`format_date`,
:func:`format_datetime`, :func:`format_time`, :func:`to_bangkok`, :func:`parse_date`.

:func:`parse_date` reads a date a person typed: ``24/11/2569``, ``24-11-2026``, ``24.11.2569``,
``2026-11-24`` (ISO), ``24 พ.ย. 2569``, ``24 พฤศจิกายน พ.ศ. 2569``, ``24 Nov 2026``, with Thai or Arabic
digits.  A year of 2400 or more is BE, a smaller one CE (an explicit ``พ.ศ.``/``ค.ศ.`` wins); two-digit
years are refused (``69`` could be 2569 or 1969).  Anything else raises :class:`~pos_app.errors.InputError`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pos_app.clock import BANGKOK as BANGKOK
from pos_app.errors import InputError
from pos_app.thai.digits import to_arabic_digits, to_thai_digits
from resources.i18n import language

BE_OFFSET = 543
MIN_YEAR, MAX_YEAR = 1900, 2200  # CE years a typed date may have (BE 2443–2743)

Style = Literal["numeric", "short", "long"]

THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
THAI_MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def to_bangkok(instant: dt.datetime) -> dt.datetime:
    """The instant in Asia/Bangkok (a naive ``datetime`` is taken to be UTC)."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=dt.UTC)
    return instant.astimezone(BANGKOK)


def _lang(lang: str | None) -> str:
    chosen = lang or language()
    if chosen not in ("th", "en"):
        raise ValueError(f"unsupported language {chosen!r}")
    return chosen


def _day(value: dt.date | dt.datetime) -> dt.date:
    return to_bangkok(value).date() if isinstance(value, dt.datetime) else value


def _date_text(day: dt.date, style: Style, lang: str) -> str:
    if lang == "th":
        year = day.year + BE_OFFSET
        if style == "numeric":
            return f"{day.day:02d}/{day.month:02d}/{year}"
        if style == "short":
            return f"{day.day} {THAI_MONTHS_SHORT[day.month - 1]} {year}"
        if style == "long":
            return f"{day.day} {THAI_MONTHS[day.month - 1]} พ.ศ. {year}"
    else:
        if style == "numeric":
            return f"{day.day:02d}/{day.month:02d}/{day.year}"
        if style == "short":
            return f"{day.day} {ENGLISH_MONTHS[day.month - 1][:3]} {day.year}"
        if style == "long":
            return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}"
    raise ValueError(f"unknown date style {style!r}")


def format_date(
    value: dt.date | dt.datetime,
    style: Style = "numeric",
    *,
    lang: str | None = None,
    thai_digits: bool = False,
) -> str:
    """The Bangkok calendar day of ``value``: ``24/11/2569``, ``24 พ.ย. 2569``, ``24 พฤศจิกายน พ.ศ. 2569``."""
    text = _date_text(_day(value), style, _lang(lang))
    return to_thai_digits(text) if thai_digits else text


def format_time(instant: dt.datetime, *, seconds: bool = False, thai_digits: bool = False) -> str:
    """The Bangkok wall-clock time of an instant: ``14:05`` (``14:05:09`` with ``seconds=True``)."""
    local = to_bangkok(instant)
    text = f"{local:%H:%M:%S}" if seconds else f"{local:%H:%M}"
    return to_thai_digits(text) if thai_digits else text


def format_datetime(
    instant: dt.datetime,
    style: Style = "numeric",
    *,
    lang: str | None = None,
    thai_digits: bool = False,
    seconds: bool = False,
) -> str:
    """An instant as a Bangkok date and time: ``24/11/2569 14:05``; the long Thai form is
    ``24 พฤศจิกายน พ.ศ. 2569 เวลา 14:05 น.``, the long English one ``24 November 2026, 14:05``."""
    chosen = _lang(lang)
    local = to_bangkok(instant)
    day = _date_text(local.date(), style, chosen)
    clock = format_time(local, seconds=seconds)
    if style == "long":
        text = f"{day} เวลา {clock} น." if chosen == "th" else f"{day}, {clock}"
    else:
        text = f"{day} {clock}"
    return to_thai_digits(text) if thai_digits else text


# --- reading typed dates ------------------------------------------------------------------------------


def _month_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for i in range(12):
        for name in (THAI_MONTHS[i], THAI_MONTHS_SHORT[i], ENGLISH_MONTHS[i], ENGLISH_MONTHS[i][:3]):
            names[name.replace(".", "").lower()] = i + 1
    names["sept"] = 9
    return names


_MONTHS = _month_names()
_NUMERIC = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d+)$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NAMED = re.compile(r"^(\d{1,2})\s*([^\d]+?)\s*(\d+)$")
_ERA = re.compile(r"(พ\.?\s*ศ\.?|ค\.?\s*ศ\.?|b\.?e\.?|a\.?d\.?|c\.?e\.?)$")


def _ce_year(year_text: str, era: str | None) -> int | None:
    if len(year_text) != 4:
        return None
    year = int(year_text)
    if era is not None:
        is_be = era.startswith("พ") or era.startswith("b")
    else:
        is_be = year >= 2400
    if is_be:
        year -= BE_OFFSET
    return year if MIN_YEAR <= year <= MAX_YEAR else None


def parse_date(text: str) -> dt.date:
    """A date a person typed (BE or CE, Thai or Arabic digits); :class:`InputError` if it is not one."""
    if not isinstance(text, str):
        raise TypeError(f"parse_date takes a string, not {type(text).__name__}")
    cleaned = " ".join(to_arabic_digits(text).replace(",", " ").split()).lower()
    cleaned = cleaned.removeprefix("วันที่").strip()
    day = month = year = None
    if m := _ISO.match(cleaned):
        year, month, day = _ce_year(m.group(1), None), int(m.group(2)), int(m.group(3))
    elif m := _NUMERIC.match(cleaned):
        day, month, year = int(m.group(1)), int(m.group(2)), _ce_year(m.group(3), None)
    elif m := _NAMED.match(cleaned):
        name = m.group(2).strip()
        era_match = _ERA.search(name)
        era = None
        if era_match:
            era = era_match.group(1).replace(".", "").replace(" ", "")
            name = name[: era_match.start()].strip()
        day, month, year = int(m.group(1)), _MONTHS.get(name.replace(".", "").replace(" ", "")), None
        year = _ce_year(m.group(3), era)
    if day is not None and month is not None and year is not None:
        try:
            return dt.date(year, month, day)
        except ValueError:
            pass
    raise InputError("“{text}” is not a date (for example 24/11/2569 or 24 พ.ย. 2569)", text=text)
