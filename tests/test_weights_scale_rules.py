"""Scale labels under rules other than the demo's, and the exact messages; check digits worked by hand
(weights 1, 3, 1, 3 … from the left, then up to a multiple of ten)."""

from __future__ import annotations

import pytest

from db.connection import OpenedDatabase
from db.models import Barcode, BarcodeRule, Item, ItemPrice, NetworkGroup, PriceTier
from pos_app.errors import InputError
from pos_app.money import Money
from pos_app.selling.weights import parse_weight, read_scale_label


def test_a_weight_is_typed_in_kg_unless_said_otherwise() -> None:
    assert parse_weight("0.35") == 350


def test_the_messages_say_what_to_do(demo_db: OpenedDatabase) -> None:
    with pytest.raises(InputError) as err:
        read_scale_label("2000001003504")
    assert str(err.value) == "อ่านฉลากตาชั่ง 2000001003504 ไม่ถูกต้อง (เลขตรวจสอบผิด) กรุณาสแกนใหม่"
    with pytest.raises(InputError) as err:
        read_scale_label("2099999003503")
    assert str(err.value) == "ไม่มีสินค้าชั่งน้ำหนักที่มีรหัสตาชั่ง 99999"


def test_one_gram_is_a_weight_and_grams_are_integers(demo_db: OpenedDatabase) -> None:
    label = read_scale_label("2000001000014")  # 1 g: 2 + 1 + 1×3 = 6 → 4
    assert label is not None and label.grams == 1 and type(label.grams) is int
    assert read_scale_label("20000010035a3") is None  # thirteen characters, not all digits


def test_a_price_label_in_the_member_tier(demo_db: OpenedDatabase) -> None:
    label = read_scale_label("2100001070007", tier="member")  # ฿70.00 at ฿180.00/kg = 388.9 g → 389 g
    assert label is not None and (label.grams, label.item.price) == (389, Money(18000))


def test_rules_of_prefix_29_and_a_divisor(demo_db: OpenedDatabase) -> None:
    BarcodeRule.create(prefix="29", item_digits=5, value_digits=5, value_kind="weight", divisor=1)
    BarcodeRule.create(prefix="22", item_digits=5, value_digits=5, value_kind="weight", divisor=10)
    top = read_scale_label("2900001003506")  # 2 + 27 + 1 + 9 + 5 = 44 → 6
    assert top is not None and top.grams == 350
    tenths = read_scale_label("2200001035003")  # 3500 tenths of a gram = 350 g: 2 + 6 + 1 + 3 + 15 = 27 → 3
    assert tenths is not None and tenths.grams == 350 and type(tenths.grams) is int
    with pytest.raises(InputError) as err:
        read_scale_label("2200001035058")  # 3505 tenths is not whole grams: 27 + 15 = 42 → 8
    assert str(err.value) == "อ่านฉลากตาชั่ง 2200001035058 ไม่ถูกต้อง กรุณาสแกนใหม่"


def test_a_price_label_of_an_item_with_no_price_is_refused(demo_db: OpenedDatabase) -> None:
    item = Item.create(sku="T-FREE", kind="finished", base_unit="g", name_th="ของแถม", name_en="free",
                       group=NetworkGroup.get(NetworkGroup.code == "KAPI"), sold_by_weight=True)
    ItemPrice.create(item=item, tier=PriceTier.get(PriceTier.code == "retail"), price_satang=0, per_quantity=1000)
    Barcode.create(code="00009", item=item)
    with pytest.raises(InputError) as err:
        read_scale_label("2100009001003")  # ฿1.00 of a free item: 2 + 3 + 9 + 3 = 17 → 3
    assert str(err.value) == "ฉลากตาชั่ง 2100009001003 ไม่มีน้ำหนักที่ใช้ได้"
