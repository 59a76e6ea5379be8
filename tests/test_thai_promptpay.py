"""PromptPay payloads: the vectors published with dtinth/promptpay-qr byte for byte, decoder round trips,
the CRC, and each kind of bad input."""

from __future__ import annotations

import binascii

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.bench_thai import _floor_payload
from pos_app.errors import InputError
from pos_app.money import Money
from pos_app.thai import (
    PromptPayId,
    crc16_ccitt_false,
    decode_promptpay,
    national_id_check_digit,
    promptpay_payload,
    validate_promptpay_id,
)

# dtinth/promptpay-qr index.test.js and the PromptPay note: (target, satang, payload)
PUBLISHED = [
    ("0801234567", None, "00020101021129370016A000000677010111011300668012345675802TH530376463046197"),
    ("1111111111111", None, "00020101021129370016A000000677010111021311111111111115802TH530376463047B5A"),
    ("0000000000", 422, "00020101021229370016A000000677010111011300660000000005802TH530376454044.226304E469"),
    ("0812345678", 422, "00020101021229370016A000000677010111011300668123456785802TH530376454044.2263045D49"),
]


@pytest.mark.parametrize(("target", "satang", "payload"), PUBLISHED)
def test_published_vectors_byte_for_byte(target: str, satang: int | None, payload: str) -> None:
    assert promptpay_payload(target, satang, strict=False) == payload


@pytest.mark.parametrize(("target", "satang", "payload"), PUBLISHED)
def test_decoder_reads_the_published_vectors(target: str, satang: int | None, payload: str) -> None:
    decoded = decode_promptpay(payload)
    assert decoded.crc_ok
    assert decoded.satang == satang
    assert decoded.dynamic is (satang is not None)
    assert decoded.tags["00"] == "01"
    assert decoded.tags["58"] == "TH"
    assert decoded.tags["53"] == "764"
    assert decoded.merchant["00"] == "A000000677010111"
    assert decoded.kind == ("national_id" if len(target) == 13 else "mobile")
    assert decoded.target == (target if len(target) == 13 else "0066" + target[1:])


def test_crc_check_value_and_zero_padding() -> None:
    assert crc16_ccitt_false(b"123456789") == 0x29B1  # the CRC catalogue's check value
    assert crc16_ccitt_false(b"") == 0xFFFF
    # 0801234567's CRC is 0x6197; the 0000000000 vector's is E469; four upper-case digits always
    for _, _, payload in PUBLISHED:
        crc = payload[-4:]
        assert crc == crc.upper() and len(crc) == 4
        assert int(crc, 16) == crc16_ccitt_false(payload[:-4].encode())


def test_crc_below_0x1000_is_zero_padded() -> None:
    # Search amounts for a payload whose CRC has a leading zero, and check it keeps four digits.
    for satang in range(1, 5000):
        payload = promptpay_payload("0812345678", satang)
        if payload[-4] == "0":
            assert payload[-8:-4] == "6304"
            assert decode_promptpay(payload).crc_ok
            break
    else:
        pytest.fail("no payload with a CRC below 0x1000 found")


@pytest.mark.parametrize(
    "typed",
    [
        "0812345678",
        "081-234-5678",
        "081 234 5678",
        "+66812345678",
        "+66 81 234 5678",
        "66812345678",
        "๐๘๑๒๓๔๕๖๗๘",
    ],
)
def test_mobile_number_forms(typed: str) -> None:
    assert promptpay_payload(typed, 422) == PUBLISHED[3][2]
    assert validate_promptpay_id(typed) == PromptPayId("mobile", "0066812345678")


def test_amounts_from_integer_satang_and_money() -> None:
    assert decode_promptpay(promptpay_payload("0812345678", 12000)).tags["54"] == "120.00"
    assert decode_promptpay(promptpay_payload("0812345678", 5)).tags["54"] == "0.05"
    assert decode_promptpay(promptpay_payload("0812345678", Money.parse("120.50"))).tags["54"] == "120.50"
    top = promptpay_payload("0812345678", 999_999_999_999)
    assert decode_promptpay(top).tags["54"] == "9999999999.99"


def test_zero_amount_is_static_only_when_asked() -> None:
    static = promptpay_payload("0801234567", 0, static_if_zero=True)
    assert static == PUBLISHED[0][2]
    with pytest.raises(InputError):
        promptpay_payload("0801234567", 0)


@pytest.mark.parametrize("satang", [0, -1, -12050])
def test_amount_zero_or_below_is_refused(satang: int) -> None:
    with pytest.raises(InputError) as info:
        promptpay_payload("0812345678", satang)
    assert "มากกว่าศูนย์" in str(info.value)


def test_amount_too_large_is_refused() -> None:
    with pytest.raises(InputError):
        promptpay_payload("0812345678", 1_000_000_000_000)


def test_national_id_and_ewallet() -> None:
    first12 = "110370012345"
    nid = first12 + str(national_id_check_digit(first12))
    decoded = decode_promptpay(promptpay_payload(nid, 100))
    assert (decoded.kind, decoded.target, decoded.satang) == ("national_id", nid, 100)
    assert decoded.tags["29"] == "0016A0000006770101110213" + nid
    assert validate_promptpay_id(nid).display == f"{nid[0]}-{nid[1:5]}-{nid[5:10]}-{nid[10:12]}-{nid[12]}"
    wallet = "004999000288505"
    decoded = decode_promptpay(promptpay_payload(wallet))
    assert (decoded.kind, decoded.target, decoded.satang) == ("ewallet", wallet, None)
    assert decoded.merchant["03"] == wallet


def test_check_digit_known_id() -> None:
    # 3-1012-01234-56-? : sum of digits × weights 13..2 = 156 → (11 − 156 % 11) % 10 = 9
    assert national_id_check_digit("310120123456") == 9
    assert validate_promptpay_id("3-1012-01234-56-9").digits == "3101201234569"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("12345", "มี 5 หลัก"),  # wrong length
        ("08123456789012", "มี 14 หลัก"),
        ("1111111111111", "หลักตรวจสอบ"),  # bad check digit
        ("3101201234560", "หลักตรวจสอบ"),
        ("0212345678", "เบอร์มือถือ"),  # a landline prefix
        ("1812345678", "เบอร์มือถือ"),  # 10 digits not starting with 0
        ("081234567x", "ตัวเลขเท่านั้น"),
        ("+1 555 123 4567", "+66"),
        ("", "ใส่หมายเลขพร้อมเพย์"),
        ("  ", "ใส่หมายเลขพร้อมเพย์"),
    ],
)
def test_bad_ids_are_refused_in_thai(text: str, words: str) -> None:
    with pytest.raises(InputError) as info:
        validate_promptpay_id(text)
    assert words in str(info.value)
    with pytest.raises(InputError):
        promptpay_payload(text, 100)


@pytest.mark.parametrize(
    "payload",
    [
        "",
        "hello",
        "000201",  # no CRC
        "00020101021229370016A0000006770101110113006681234567",  # cut short
        "0002010102115802TH5303764540x4.2263040000",  # a tag length that is not a number
        "0002010102125802TH53037645404x.2263040000",  # an amount that is not a number
        "00020101021229370016A000000677010111011300668123456785802TH530376454044.2263045D49ไทย",
    ],
)
def test_decoder_refuses_what_is_not_a_payload(payload: str) -> None:
    with pytest.raises(InputError):
        decode_promptpay(payload)


def test_decoder_reports_a_wrong_crc() -> None:
    tampered = PUBLISHED[3][2].replace("54044.22", "54044.23")
    decoded = decode_promptpay(tampered)
    assert not decoded.crc_ok
    assert decoded.satang == 423


mobiles = st.from_regex(r"\A0[689][0-9]{8}\Z")
amounts = st.none() | st.integers(min_value=1, max_value=999_999_999_999)


@given(mobiles, amounts)
def test_round_trip_mobile(mobile: str, satang: int | None) -> None:
    payload = promptpay_payload(mobile, satang)
    decoded = decode_promptpay(payload)
    assert decoded.crc_ok
    assert decoded.satang == satang
    assert decoded.kind == "mobile"
    assert decoded.promptpay_id == validate_promptpay_id(mobile)
    assert decoded.tags["01"] == ("11" if satang is None else "12")
    assert payload.endswith(f"{crc16_ccitt_false(payload[:-4].encode()):04X}")


@given(st.from_regex(r"\A[1-8][0-9]{11}\Z"), amounts)
def test_round_trip_national_id(first12: str, satang: int | None) -> None:
    nid = first12 + str(national_id_check_digit(first12))
    decoded = decode_promptpay(promptpay_payload(nid, satang))
    assert (decoded.kind, decoded.target, decoded.satang) == ("national_id", nid, satang)
    assert decoded.crc_ok


@given(st.integers(min_value=0, max_value=9), st.from_regex(r"\A[1-8][0-9]{11}\Z"))
def test_one_changed_digit_breaks_the_check(delta: int, first12: str) -> None:
    good = national_id_check_digit(first12)
    bad = (good + 1 + delta % 9) % 10
    with pytest.raises(InputError):
        validate_promptpay_id(first12 + str(bad))


@given(st.binary(max_size=200))
def test_hand_written_crc_agrees_with_the_c_one(data: bytes) -> None:
    assert crc16_ccitt_false(data) == binascii.crc_hqx(data, 0xFFFF)


@given(st.integers(min_value=1, max_value=999_999_999_999))
def test_benchmark_floor_builds_the_same_payload(satang: int) -> None:
    assert _floor_payload(satang) == promptpay_payload("0812345678", satang)
