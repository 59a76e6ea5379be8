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
