"""A purchase's lines costed to the satang, its refusals in Thai, suppliers, and a purchase saved twice read back
field by field.  Both databases; figures worked out by hand, texts from the Thai catalog."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.connection import OpenedDatabase
from db.models import NetworkGroup, Supplier
from pos_app.errors import InputError, NotFound, PermissionDenied
from pos_app.money import Money
from pos_app.stock import purchases
from pos_app.stock.purchases import BuyLine
from tests.stock_support import lead, new_item, seller, shop

MARKET = "BHS-MARKET"


def test_a_line_costs_its_total_or_its_unit_price_times_the_quantity_half_a_satang_up() -> None:
    assert BuyLine(1, 333, unit_price=Money(1250), per=1000).cost() == Money(416)  # ฿12.50/kg × 333 g = 416.25
    assert BuyLine(1, 1, unit_price=Money(5), per=2).cost() == Money(3)  # 2.5 satang → 3
    assert BuyLine(1, 7, unit_price=Money(199)).cost() == Money(1393)  # 7 × ฿1.99, per 1 by default
    assert BuyLine(1, 7, total=Money(1000)).cost() == Money(1000)
    for both_or_none in (BuyLine(1, 7), BuyLine(1, 7, total=Money(1000), unit_price=Money(100))):
        with pytest.raises(InputError) as err:
            both_or_none.cost()
        assert str(err.value) == "กรุณาใส่ราคารวมของรายการ หรือราคาต่อหน่วย อย่างใดอย่างหนึ่ง"
    for per in (0, -1):
        with pytest.raises(InputError) as bad:
            BuyLine(1, 7, unit_price=Money(100), per=per).cost()
        assert str(bad.value) == "จำนวนต้องมากกว่าศูนย์"


def _refused(lines: list[BuyLine]) -> str:
    with pytest.raises((InputError, NotFound)) as err:
        purchases.record_purchase(lead(), shop(MARKET).id, lines)
    return str(err.value)


def test_bad_lines_are_refused_naming_the_line(demo_db: OpenedDatabase) -> None:
    salt = new_item(name="เกลือ")
    good = BuyLine(salt.id, 1000, total=Money(2000))
    assert _refused([]) == "ใบซื้อไม่มีรายการ"
    assert _refused([good, BuyLine(salt.id, 0, total=Money(100))]) == "รายการที่ 2: จำนวนต้องมากกว่าศูนย์"
    assert _refused([good, BuyLine(salt.id, -5, total=Money(100))]) == "รายการที่ 2: จำนวนต้องมากกว่าศูนย์"
    assert _refused([BuyLine(salt.id, 1, total=Money(-1)), good]) == "รายการที่ 1: ต้นทุนต้องไม่ติดลบ"
    assert _refused([good, BuyLine(987654, 1, total=Money(100))]) == "ไม่พบสินค้ารหัส 987654"
    free = purchases.record_purchase(lead(), shop(MARKET).id, [BuyLine(salt.id, 1, total=Money(0))])
    assert free.total == Money(0)  # a free sample costs nothing, which is allowed


def test_a_supplier_is_added_once_with_its_code_name_and_phone(demo_db: OpenedDatabase) -> None:
    group = NetworkGroup.get(NetworkGroup.code == "KAPI")
    new_id = purchases.add_supplier(lead(), "  SUP-9 ", " ร้านป้าแดง ", " 081 234 5678 ", group.id)
    row = Supplier.get_by_id(new_id)
    assert (row.code, row.name, row.phone, row.network_group_id, row.active) == (  # type: ignore[attr-defined]
        "SUP-9", "ร้านป้าแดง", "081 234 5678", group.id, True)
    with pytest.raises(InputError) as twice:
        purchases.add_supplier(lead(), "SUP-9", "อีกร้าน")
    assert str(twice.value) == "มีผู้ขายรหัส SUP-9 อยู่แล้ว"
    for code, name in (("", "ร้านใหม่"), ("SUP-10", "  "), (" ", "")):
        with pytest.raises(InputError) as blank:
            purchases.add_supplier(lead(), code, name)
        assert str(blank.value) == "ผู้ขายต้องมีรหัสและชื่อ"
    with pytest.raises(PermissionDenied):
        purchases.add_supplier(seller(), "SUP-11", "ร้านของคนขาย")
    assert Supplier.select().where(Supplier.code.startswith("SUP-")).count() == 1


def test_a_purchase_saved_twice_answers_with_the_one_saved(demo_db: OpenedDatabase) -> None:
    salt, fish = new_item(name="เกลือ"), new_item(name="ปลา")
    doc = uuid.UUID("00000000-0000-4000-8000-0000000000b1")
    lines = [BuyLine(salt.id, 1000, total=Money(2000), expires_on=dt.date(2027, 3, 1)),
             BuyLine(fish.id, 333, unit_price=Money(1250), per=1000)]
    first = purchases.record_purchase(lead(), shop(MARKET).id, lines, doc_uuid=doc, day=dt.date(2026, 11, 23))
    again = purchases.record_purchase(lead(), shop(MARKET).id, lines, doc_uuid=doc, day=dt.date(2026, 11, 23))
    group = shop(MARKET).group_id
    assert (again.uuid, again.shop_id, again.group_id, again.day, again.total, again.already_saved) == (
        doc, shop(MARKET).id, group, dt.date(2026, 11, 23), Money(2416), True)
    assert [(m.item_id, m.quantity, m.cost, m.expires_on) for m in again.lots] == [
        (salt.id, 1000, Money(2000), dt.date(2027, 3, 1)), (fish.id, 333, Money(416), None)]
    assert [(m.lot_id, m.number) for m in again.lots] == [(m.lot_id, m.number) for m in first.lots]
    assert first.already_saved is False and len({m.lot_id for m in first.lots}) == 2
