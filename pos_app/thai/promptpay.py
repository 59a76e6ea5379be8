"""PromptPay QR payloads (EMVCo merchant-presented QR, Thai PromptPay profile): build, validate, decode.

- ``promptpay_payload(target, satang=None)`` → the payload string a QR code carries.  ``target`` is a mobile
  number (``0812345678``, ``+66 81 234 5678``, ``081-234-5678``; sent as ``0066`` + 9 digits, sub-tag 01),
  a 13-digit national or tax id (sub-tag 02) or a 15-digit e-wallet id (sub-tag 03); dashes, spaces, dots and
  Thai digits are accepted.  Without an amount the QR is static (tag 01 = ``11``); with one it is dynamic
  (``12``) and tag 54 carries the amount written from integer satang (``422`` → ``4.22``; no float anywhere).
  An amount of zero or below is refused, unless ``static_if_zero=True`` turns zero into a static QR.
  ``strict=True`` (the default) also checks what :func:`validate_promptpay_id` checks; the published test
  vectors use ids that are not real (``0000000000``, ``1111111111111`` fails the check digit), so they are
  built with ``strict=False``.
- ``validate_promptpay_id(text)`` → :class:`PromptPayId` (kind and normalised digits) for the shop's settings:
  a mobile number must be 10 digits starting 06, 08 or 09; a national/tax id must pass its check digit.
- ``decode_promptpay(payload)`` → :class:`DecodedPayload` (top-level tags, target kind and id, amount in
  satang or ``None``, whether the CRC matches).  Malformed payloads raise :class:`InputError`.
- ``crc16_ccitt_false(data)`` (poly 0x1021, init 0xFFFF, no reflection, no final xor) is the standard
  library's ``binascii.crc_hqx`` started at 0xFFFF (the ``crc16`` package does not build on Python ≥ 3.10).
  Tag 63 holds it as four upper-case hex digits, zero-padded, computed over everything before it including
  ``6304``.

Every error is an :class:`~pos_app.errors.InputError` with a message in the user's language.
"""

from __future__ import annotations

import binascii
from dataclasses import dataclass
from typing import Literal

from pos_app.errors import InputError
from pos_app.money import Money
from resources.i18n import N_

AID = "A000000677010111"
CURRENCY_THB = "764"
MAX_SATANG = 999_999_999_999  # tag 54 holds at most 13 characters: 9999999999.99

Kind = Literal["mobile", "national_id", "ewallet"]
_SUBTAG: dict[str, str] = {"mobile": "01", "national_id": "02", "ewallet": "03"}
_KIND_OF_SUBTAG: dict[str, Kind] = {"01": "mobile", "02": "national_id", "03": "ewallet"}
_WRONG_LENGTH = N_(
    "“{text}” has {count} digits; a PromptPay id has 10 (mobile), 13 (national or tax id) or 15 (e-wallet)"
)
_CLEAN = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789", " -.\u00a0\t()")


def crc16_ccitt_false(data: bytes) -> int:
    """CRC-16/CCITT-FALSE of ``data`` (check value of ``b"123456789"`` is ``0x29B1``)."""
    return binascii.crc_hqx(data, 0xFFFF)  # the standard library's CRC-CCITT, started at 0xFFFF


@dataclass(frozen=True)
class PromptPayId:
    """A PromptPay id: ``kind`` and ``digits`` as they go into the payload (mobile as ``0066`` + 9 digits)."""

    kind: Kind
    digits: str

    @property
    def display(self) -> str:
        """The id as people write it: ``081-234-5678``, ``1-2345-67890-12-3`` or the 15 digits."""
        d = self.digits
        if self.kind == "mobile":
            local = "0" + d[4:]
            return f"{local[:3]}-{local[3:6]}-{local[6:]}"
        if self.kind == "national_id":
            return f"{d[0]}-{d[1:5]}-{d[5:10]}-{d[10:12]}-{d[12]}"
        return d


def national_id_check_digit(first12: str) -> int:
    """The check digit of a Thai national or tax id from its first 12 digits."""
    total = sum(int(c) * (13 - i) for i, c in enumerate(first12))
    return (11 - total % 11) % 10


def _parse_id(text: str, strict: bool) -> PromptPayId:
    if not isinstance(text, str):
        raise TypeError(f"a PromptPay id is a string, not {type(text).__name__}")
    raw = text.strip()
    digits = raw.translate(_CLEAN)
    if not digits:
        raise InputError("Enter a PromptPay id: a mobile number, a national or tax id, or an e-wallet id")
    if digits.startswith("+"):
        digits = digits[1:]
        if not digits.startswith("66"):
            raise InputError("“{text}” is not a Thai mobile number (+66)", text=text)
        digits = "0" + digits[2:]
    if not digits.isascii() or not digits.isdigit():
        raise InputError("“{text}” is not a PromptPay id: use digits only", text=text)
    if len(digits) == 11 and digits.startswith("66"):
        digits = "0" + digits[2:]
    if len(digits) == 10:
        if not digits.startswith("0") or (strict and digits[1] not in "689"):
            raise InputError(
                "“{text}” is not a Thai mobile number (10 digits starting 06, 08 or 09)", text=text
            )
        return PromptPayId("mobile", "0066" + digits[1:])
    if len(digits) == 13:
        if strict and national_id_check_digit(digits[:12]) != int(digits[12]):
            raise InputError(
                "“{text}” is not a valid national or tax id: the check digit is wrong", text=text
            )
        return PromptPayId("national_id", digits)
    if len(digits) == 15:
        return PromptPayId("ewallet", digits)
    raise InputError(_WRONG_LENGTH, text=text, count=len(digits))


def validate_promptpay_id(text: str) -> PromptPayId:
    """Check the shop's PromptPay id (length, mobile prefix, national-id check digit) and normalise it."""
    return _parse_id(text, strict=True)


def _tlv(tag: str, value: str) -> str:
    return f"{tag}{len(value):02d}{value}"


def format_amount(satang: int) -> str:
    """Tag-54 text of an amount: ``422`` → ``"4.22"``, ``12000`` → ``"120.00"``."""
    baht, st = divmod(satang, 100)
    return f"{baht}.{st:02d}"


def promptpay_payload(
    target: str | PromptPayId,
    satang: int | Money | None = None,
    *,
    static_if_zero: bool = False,
    strict: bool = True,
) -> str:
    """The PromptPay payload for ``target`` and an optional amount in integer satang (or :class:`Money`)."""
    pid = target if isinstance(target, PromptPayId) else _parse_id(target, strict)
    if isinstance(satang, Money):
        satang = satang.satang
    if satang is not None:
        if isinstance(satang, bool) or not isinstance(satang, int):
            raise TypeError(f"the amount is integer satang, not {type(satang).__name__}")
        if satang == 0 and static_if_zero:
            satang = None
        elif satang <= 0:
            raise InputError(
                "A QR payment needs an amount above zero (got {amount})", amount=Money(satang).format()
            )
        elif satang > MAX_SATANG:
            raise InputError("{amount} is too large for a PromptPay QR", amount=Money(satang).format())
    merchant = _tlv("00", AID) + _tlv(_SUBTAG[pid.kind], pid.digits)
    body = (
        "000201"
        + ("010211" if satang is None else "010212")
        + _tlv("29", merchant)
        + "5802TH"
        + "5303764"
        + ("" if satang is None else _tlv("54", format_amount(satang)))
        + "6304"
    )
    return body + f"{crc16_ccitt_false(body.encode('ascii')):04X}"


@dataclass(frozen=True)
class DecodedPayload:
    """A payload read back: top-level ``tags`` (tag → value), the target, the amount and the CRC check."""

    tags: dict[str, str]
    merchant: dict[str, str]
    kind: Kind | None
    target: str | None
    satang: int | None
    dynamic: bool
    crc_ok: bool

    @property
    def promptpay_id(self) -> PromptPayId | None:
        return PromptPayId(self.kind, self.target) if self.kind and self.target else None


def _read_tlv(text: str, original: str) -> dict[str, str]:
    out: dict[str, str] = {}
    i = 0
    while i < len(text):
        head = text[i : i + 4]
        if len(head) < 4 or not head.isdigit():
            raise InputError("“{text}” is not a PromptPay QR payload", text=original)
        length = int(head[2:])
        value = text[i + 4 : i + 4 + length]
        if len(value) != length:
            raise InputError("“{text}” is not a PromptPay QR payload", text=original)
        out[head[:2]] = value
        i += 4 + length
    return out


def _parse_amount(text: str, original: str) -> int:
    whole, dot, frac = text.partition(".")
    if (
        not whole.isascii()
        or not whole.isdigit()
        or len(frac) > 2
        or (frac and not (frac.isascii() and frac.isdigit()))
        or (dot and not frac)
    ):
        raise InputError("“{text}” is not a PromptPay QR payload", text=original)
    return int(whole) * 100 + int(frac.ljust(2, "0"))  # "4" → 400, "4.2" → 420


def decode_promptpay(payload: str) -> DecodedPayload:
    """Read a PromptPay payload back: its tags, target, amount (satang) and whether its CRC is right."""
    if not isinstance(payload, str):
        raise TypeError(f"a payload is a string, not {type(payload).__name__}")
    text = payload.strip()
    if not text.isascii():
        raise InputError("“{text}” is not a PromptPay QR payload", text=payload)
    tags = _read_tlv(text, payload)
    if tags.get("00") != "01" or "63" not in tags or not text.endswith("6304" + tags["63"]):
        raise InputError("“{text}” is not a PromptPay QR payload", text=payload)
    crc_ok = tags["63"] == f"{crc16_ccitt_false(text[:-4].encode('ascii')):04X}"
    merchant: dict[str, str] = {}
    kind: Kind | None = None
    target: str | None = None
    for tag in ("29", "30"):  # 29: credit transfer; 30: bill payment (read, not built here)
        if tag in tags:
            merchant = _read_tlv(tags[tag], payload)
            break
    if merchant.get("00") == AID:
        for sub, k in _KIND_OF_SUBTAG.items():
            if sub in merchant:
                kind, target = k, merchant[sub]
                break
    satang = _parse_amount(tags["54"], payload) if "54" in tags else None
    return DecodedPayload(
        tags=tags,
        merchant=merchant,
        kind=kind,
        target=target,
        satang=satang,
        dynamic=tags.get("01") == "12",
        crc_ok=crc_ok,
    )
