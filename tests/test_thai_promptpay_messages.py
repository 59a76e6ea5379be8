"""PromptPay's refusals word for word (Thai, then English) and the decoder's edge cases.

The expected Thai is the translation in resources/translations/th/thai.po with the parameters filled in by
hand; a mutated message id or a lost parameter shows up as a different sentence.
"""

from __future__ import annotations

import pytest

from pos_app.errors import InputError
from pos_app.money import Money
from pos_app.thai.promptpay import decode_promptpay, format_amount, promptpay_payload, validate_promptpay_id
from resources.i18n import set_language

REFUSED_IDS = [
    ("", "ใส่หมายเลขพร้อมเพย์: เบอร์มือถือ เลขประจำตัวประชาชนหรือเลขผู้เสียภาษี หรือเลข e-Wallet",
     "Enter a PromptPay id: a mobile number, a national or tax id, or an e-wallet id"),
    ("+1 555 0100", "“+1 555 0100” ไม่ใช่เบอร์มือถือไทย (+66)", "“+1 555 0100” is not a Thai mobile number (+66)"),
    ("08l2345678", "“08l2345678” ไม่ใช่หมายเลขพร้อมเพย์ ใช้ตัวเลขเท่านั้น",
     "“08l2345678” is not a PromptPay id: use digits only"),
    ("0212345678", "“0212345678” ไม่ใช่เบอร์มือถือไทย (10 หลัก ขึ้นต้นด้วย 06, 08 หรือ 09)",
     "“0212345678” is not a Thai mobile number (10 digits starting 06, 08 or 09)"),
    ("1812345678", "“1812345678” ไม่ใช่เบอร์มือถือไทย (10 หลัก ขึ้นต้นด้วย 06, 08 หรือ 09)",
     "“1812345678” is not a Thai mobile number (10 digits starting 06, 08 or 09)"),
    ("3101201234560",
     "“3101201234560” ไม่ใช่เลขประจำตัวประชาชนหรือเลขประจำตัวผู้เสียภาษีที่ถูกต้อง เลขหลักสุดท้าย (หลักตรวจสอบ) ไม่ตรง",
     "“3101201234560” is not a valid national or tax id: the check digit is wrong"),
    ("12345", "“12345” มี 5 หลัก หมายเลขพร้อมเพย์ต้องมี 10 หลัก (เบอร์มือถือ) 13 หลัก (เลขประจำตัวประชาชนหรือเลขผู้เสียภาษี) "
     "หรือ 15 หลัก (e-Wallet)",
     "“12345” has 5 digits; a PromptPay id has 10 (mobile), 13 (national or tax id) or 15 (e-wallet)"),
]


@pytest.mark.parametrize(("text", "thai", "english"), REFUSED_IDS)
def test_refused_ids_say_why(text: str, thai: str, english: str) -> None:
    with pytest.raises(InputError) as err:
        validate_promptpay_id(text)
    assert str(err.value) == thai
    set_language("en")
    assert str(err.value) == english


@pytest.mark.parametrize(
    ("text", "kind", "digits"),
    [("+66 81 234 5678", "mobile", "0066812345678"), ("66812345678", "mobile", "0066812345678"),
     ("06-1234-5678", "mobile", "0066612345678"),
     ("๐๘๑๒๓๔๕๖๗๘", "mobile", "0066812345678"), ("091 234 5678", "mobile", "0066912345678"),
     ("3-1012-01234-56-9", "national_id", "3101201234569"), ("004999000288505", "ewallet", "004999000288505")],
)
def test_accepted_ids(text: str, kind: str, digits: str) -> None:
    pid = validate_promptpay_id(text)
    assert (pid.kind, pid.digits) == (kind, digits)


def test_a_non_strict_payload_takes_any_mobile_prefix_and_check_digit() -> None:
    # the published vectors use 0000000000 and 1111111111111, which a strict check refuses
    assert promptpay_payload("0000000000", 422, strict=False) == (
        "00020101021229370016A000000677010111011300660000000005802TH530376454044.226304E469")
    assert promptpay_payload("1111111111111", strict=False) == (
        "00020101021129370016A000000677010111021311111111111115802TH530376463047B5A")
    with pytest.raises(InputError):
        promptpay_payload("0000000000", 422)


@pytest.mark.parametrize(
    ("satang", "thai", "english"),
    [(0, "QR รับเงินต้องมียอดเงินมากกว่าศูนย์ (ได้ ฿0.00)", "A QR payment needs an amount above zero (got ฿0.00)"),
     (-150, "QR รับเงินต้องมียอดเงินมากกว่าศูนย์ (ได้ -฿1.50)", "A QR payment needs an amount above zero (got -฿1.50)"),
     (10**13, "฿100,000,000,000.00 มากเกินกว่าที่ QR พร้อมเพย์รับได้",
      "฿100,000,000,000.00 is too large for a PromptPay QR")],
)
def test_refused_amounts_say_why(satang: int, thai: str, english: str) -> None:
    with pytest.raises(InputError) as err:
        promptpay_payload("0812345678", satang)
    assert str(err.value) == thai
    set_language("en")
    assert str(err.value) == english


def test_amounts() -> None:
    assert promptpay_payload("0812345678", 0, static_if_zero=True) == promptpay_payload("0812345678")
    assert promptpay_payload("0812345678", Money(422)) == promptpay_payload("0812345678", 422)
    for bad in (4.22, True, "422"):
        with pytest.raises(TypeError, match="integer satang"):
            promptpay_payload("0812345678", bad)  # type: ignore[arg-type]
    assert [format_amount(s) for s in (1, 10, 422, 12000, 100000050)] == ["0.01", "0.10", "4.22", "120.00",
                                                                         "1000000.50"]


BAD_PAYLOADS = [
    "", "0002", "000201010211", "00020101021129370016A00000067701011101130066812345678",  # no CRC tag
    "0002020102112937", "00020101021X",  # a length that is not digits
    "00020101021129370016A000000677010111011300668012345675802TH53037646304619",  # the CRC cut short
    "ข้อมูล", "00020101021229370016A000000677010111011300668123456785802TH530376454044.2263045D49X",
]


@pytest.mark.parametrize("payload", BAD_PAYLOADS)
def test_bad_payloads_are_refused_quoting_them(payload: str) -> None:
    with pytest.raises(InputError) as err:
        decode_promptpay(payload)
    assert str(err.value) == f"“{payload}” ไม่ใช่ข้อมูล QR พร้อมเพย์"
    set_language("en")
    assert str(err.value) == f"“{payload}” is not a PromptPay QR payload"


def with_crc(body: str) -> str:
    """A payload with a correct CRC-16/CCITT-FALSE, computed here bit by bit (not by the module)."""
    crc = 0xFFFF
    for byte in (body + "6304").encode("ascii"):
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return f"{body}6304{crc:04X}"


@pytest.mark.parametrize(
    ("amount", "satang"),
    [("4.22", 422), ("4.2", 420), ("4", 400), ("120.00", 12000), ("0.05", 5), ("4.225", None), ("4.", None),
     ("4.2a", None), ("a4", None), ("1.2.3", None), ("", None)],
)
def test_amount_tag_is_read_strictly(amount: str, satang: int | None) -> None:
    merchant = "0016A00000067701011101130066812345678"
    body = f"000201010212{'29'}{len(merchant):02d}{merchant}5802TH5303764" + f"54{len(amount):02d}{amount}"
    payload = with_crc(body)
    if satang is None:
        with pytest.raises(InputError) as err:
            decode_promptpay(payload)
        assert str(err.value) == f"“{payload}” ไม่ใช่ข้อมูล QR พร้อมเพย์"
    else:
        decoded = decode_promptpay(payload)
        assert (decoded.satang, decoded.crc_ok, decoded.dynamic) == (satang, True, True)


def test_bill_payment_tag_30_is_read() -> None:
    merchant = "0016A00000067701011101130066812345678"
    decoded = decode_promptpay(with_crc(f"00020101021130{len(merchant):02d}{merchant}5802TH5303764"))
    assert (decoded.kind, decoded.target, decoded.crc_ok, decoded.dynamic) == ("mobile", "0066812345678", True, False)
    other = decode_promptpay(with_crc("00020101021131040000" + "5802TH"))
    assert (other.kind, other.target, other.merchant, other.promptpay_id) == (None, None, {}, None)


def test_a_wrong_crc_is_reported_not_refused() -> None:
    good = "00020101021129370016A000000677010111011300668012345675802TH530376463046197"
    assert decode_promptpay(good).crc_ok is True
    assert decode_promptpay(good[:-4] + "6198").crc_ok is False
    assert decode_promptpay("  " + good + "\n").crc_ok is True  # spaces around a pasted payload
    with pytest.raises(TypeError, match="string"):
        decode_promptpay(None)  # type: ignore[arg-type]


def test_a_broken_merchant_field_is_refused_quoting_the_whole_payload() -> None:
    payload = with_crc("000201010211" + "2904" + "0012" + "5802TH5303764")  # tag 29 says 12 characters, holds 0
    with pytest.raises(InputError) as err:
        decode_promptpay(payload)
    assert str(err.value) == f"“{payload}” ไม่ใช่ข้อมูล QR พร้อมเพย์"


def test_a_wrong_type_is_a_programming_error_naming_what_it_got() -> None:
    with pytest.raises(TypeError) as err:
        decode_promptpay(b"000201")  # type: ignore[arg-type]
    assert str(err.value) == "a payload is a string, not bytes"
    with pytest.raises(TypeError) as err:
        promptpay_payload(812345678)  # type: ignore[arg-type]
    assert str(err.value) == "a PromptPay id is a string, not int"
    with pytest.raises(TypeError) as err:
        promptpay_payload("0812345678", 4.22)  # type: ignore[arg-type]
    assert str(err.value) == "the amount is integer satang, not float"
