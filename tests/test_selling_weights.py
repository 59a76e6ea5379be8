"""Weights typed as the scale shows them, and scale labels (EAN-13, prefixes 20–29) — hand-worked figures."""

from __future__ import annotations

import pytest

from db.connection import OpenedDatabase
from pos_app.errors import InputError
from pos_app.selling.weights import ean13_check_digit, parse_weight, read_scale_label


@pytest.mark.parametrize(("text", "unit", "grams"), [
    ("0.35", "kg", 350), ("๐.๓๕", "kg", 350), (".5", "kg", 500), ("1", "kg", 1000), ("1.250", "kg", 1250),
    ("350", "g", 350), ("1,250", "g", 1250), ("0.35 kg", "g", 350), ("350g", "kg", 350), ("350 กรัม", "kg", 350),
    ("2.0", "g", 2), ("50", "kg", 50_000),
])
def test_weights_are_read_as_integer_grams(text: str, unit: str, grams: int) -> None:
    assert parse_weight(text, unit) == grams


@pytest.mark.parametrize(("text", "unit"), [
    ("1.2345", "kg"), ("0", "kg"), ("0.000", "kg"), ("-1", "kg"), ("50.001", "kg"), ("2.5", "g"), ("abc", "kg"),
    ("", "kg"), ("1.2.3", "kg"), ("12", "lb"), ("ภ", "g"),
])
def test_bad_weights_are_refused(text: str, unit: str) -> None:
    with pytest.raises(InputError):
        parse_weight(text, unit)


def test_the_gs1_check_digit_matches_published_codes() -> None:
    assert ean13_check_digit("400638133393") == 1  # 4006381333931, GS1's worked example
    assert ean13_check_digit("885000000001") == 0  # the demo's 8850000000010
    assert ean13_check_digit("885000000010") == 2  # 8850000000102 (shampoo)


def test_scale_labels_carry_weight_or_price(demo_db: OpenedDatabase) -> None:
    weighed = read_scale_label("2000001003503")  # prefix 20, PLU 00001 (กะปิ by the kg), 350 g, check 3
    assert weighed is not None and (weighed.item.sku, weighed.grams) == ("KAPI-KG", 350)
    priced = read_scale_label("2100001070007")  # prefix 21: ฿70.00 at ฿200.00/kg = 350 g, check 7
    assert priced is not None and (priced.item.sku, priced.grams) == ("KAPI-KG", 350)
    assert read_scale_label("8850000000010") is None  # an ordinary barcode
    with pytest.raises(InputError):
        read_scale_label("2000001003504")  # a bad check digit
    with pytest.raises(InputError):
        read_scale_label("2099999003503")  # no item has PLU 99999 (its check digit is right)


@pytest.mark.parametrize(("text", "unit", "message"), [
    ("1.2345", "kg", "ชั่งละเอียดถึงกรัม: ทศนิยมไม่เกินสามตำแหน่งเมื่อเป็นกิโลกรัม"),
    ("0", "kg", "น้ำหนักต้องมากกว่าศูนย์"),
    ("0 g", "kg", "น้ำหนักต้องมากกว่าศูนย์"),
    ("-1", "kg", "“-1” ไม่ใช่น้ำหนัก (เช่น 0.35 กก. หรือ 350 กรัม)"),
    ("50.001", "kg", "50,001 กรัม มากเกินกว่าตาชั่งหน้าร้านจะชั่งได้ กรุณาตรวจสอบ"),
    ("50001", "g", "50,001 กรัม มากเกินกว่าตาชั่งหน้าร้านจะชั่งได้ กรุณาตรวจสอบ"),
    ("2.5", "g", "ชั่งละเอียดถึงกรัม: ไม่มีเศษของกรัม"),
    (" abc ", "kg", "“ abc ” ไม่ใช่น้ำหนัก (เช่น 0.35 กก. หรือ 350 กรัม)"),
    ("12", "lb", "ไม่รู้จักหน่วย lb"),
])
def test_each_refusal_says_why(text: str, unit: str, message: str) -> None:
    with pytest.raises(InputError) as err:
        parse_weight(text, unit)
    assert str(err.value) == message


@pytest.mark.parametrize(("text", "unit", "grams"), [
    ("1.5KG", "g", 1500), ("1.5 กก.", "g", 1500), ("1.5กก", "g", 1500), ("250 ก.", "kg", 250),
    ("2.000", "g", 2), ("50,000", "g", 50_000), ("0.001", "kg", 1), ("12.34", "kg", 12_340), ("๑,๒๕๐", "g", 1250),
])
def test_units_typed_after_the_number_and_edges(text: str, unit: str, grams: int) -> None:
    assert parse_weight(text, unit) == grams


def test_scale_label_edges(demo_db: OpenedDatabase) -> None:
    # check digits worked by hand: weights 1, 3, 1, 3 … from the left, then up to a multiple of ten
    heaviest = read_scale_label("2000001500002")  # 2 + 1 + 5×3 = 18 → 2: 50,000 g, the most a scale weighs
    assert heaviest is not None and heaviest.grams == 50_000
    for code in ("2000001500019",  # 50,001 g: 18 + 1×3 = 21 → 9
                 "2000001000007",  # 0 g: 2 + 1 = 3 → 7
                 "2100001000004",  # ฿0.00: 2 + 3 + 1 = 6 → 4
                 "2100001000011"):  # ฿0.01 at ฿200.00/kg is 0.05 g → 0 g: 6 + 3 = 9 → 1
        with pytest.raises(InputError) as err:
            read_scale_label(code)
        assert str(err.value).startswith(f"ฉลากตาชั่ง {code}"), str(err.value)
    half_up = read_scale_label("2100001070106")  # ฿70.10 at 20 satang a gram = 350.5 g → 351 g (half up)
    below_half = read_scale_label("2100001070090")  # ฿70.09 → 350.45 g → 350 g
    assert (half_up and half_up.grams, below_half and below_half.grams) == (351, 350)
    for not_a_label in ("200000100350", "20000010035a", "1900001003503", "3000001003503", "2200001003503"):
        assert read_scale_label(not_a_label) is None, not_a_label
    with pytest.raises(InputError) as err:
        read_scale_label("2099999003503")
    assert "99999" in str(err.value)
