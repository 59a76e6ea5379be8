"""Changing a price (pos_app.selling.prices): exactly that item's price in that tier changes, for the quantity
kept or given, the audit row holds old and new, and a bad change is refused in Thai with nothing changed.  The
price list and the last changes read back as written.  Both databases; the demo's prices (network.json)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import cast

import pytest

from db.connection import OpenedDatabase
from db.models import Item, ItemPrice, PriceTier, Till
from db.models.trust import AuditEntry
from pos_app.errors import InputError, NotFound, PermissionDenied
from pos_app.events import PriceChanged, bus
from pos_app.money import Money
from pos_app.people import users
from pos_app.selling import prices
from pos_app.selling.prices import PastChange, PriceChange, Tier


def admin() -> users.Actor:
    return users.login("admin", "9999")


def item(sku: str) -> Item:
    return Item.get(Item.sku == sku)


def table() -> dict[tuple[str, str], tuple[int, int]]:
    """Every price row: (sku, tier) → (satang, per quantity)."""
    rows = (ItemPrice.select(Item.sku, PriceTier.code, ItemPrice.price_satang, ItemPrice.per_quantity)
            .join(Item).switch(ItemPrice).join(PriceTier).tuples())
    return {(str(sku), str(tier)): (int(satang), int(per))
            for sku, tier, satang, per in cast(Iterable[tuple[str, str, int, int]], rows)}


def test_a_new_price_keeps_its_quantity_and_changes_nothing_else(demo_db: OpenedDatabase) -> None:
    before = table()
    seen: list[PriceChanged] = []
    stop = bus.subscribe(PriceChanged, seen.append)
    try:
        change = prices.change_price(admin(), item("KAPI-KG").id, "retail", Money(21050))
    finally:
        stop()
    assert change == PriceChange(item("KAPI-KG").id, "KAPI-KG", "retail", Money(20000), Money(21050), 1000)
    assert seen == [PriceChanged(item("KAPI-KG").id, "retail", 21050, 1000)]
    assert table() == {**before, ("KAPI-KG", "retail"): (21050, 1000)}  # ฿210.50 a kilo; all else as it was
    audit_row = AuditEntry.get(AuditEntry.kind == "price_change")
    assert audit_row.user is not None and audit_row.user.login == "admin"
    assert (audit_row.subject, audit_row.till) == ("KAPI-KG", None)
    assert json.loads(audit_row.detail) == {"tier": "retail", "old_satang": 20000, "old_per": 1000,
                                            "new_satang": 21050, "new_per": 1000}


def test_a_price_for_another_quantity(demo_db: OpenedDatabase) -> None:
    before = table()
    till = Till.get(Till.code == "T1")
    change = prices.change_price(admin(), item("KAPI-KG").id, "member", Money(9500), per_quantity=500,
                                 till_id=till.id)
    assert (change.old, change.new, change.per_quantity) == (Money(18000), Money(9500), 500)
    assert table() == {**before, ("KAPI-KG", "member"): (9500, 500)}  # ฿95.00 for half a kilo
    audit_row = AuditEntry.get(AuditEntry.kind == "price_change")
    assert audit_row.till is not None and audit_row.till.code == "T1"
    assert json.loads(audit_row.detail) == {"tier": "member", "old_satang": 18000, "old_per": 1000,
                                            "new_satang": 9500, "new_per": 500}


def test_a_first_price_is_for_one_unit_unless_told(demo_db: OpenedDatabase) -> None:
    before = table()
    salt, sugar = item("ING-SALT"), item("ING-SUGAR")
    first = prices.change_price(admin(), salt.id, "network", Money(1234))
    assert first == PriceChange(salt.id, "ING-SALT", "network", None, Money(1234), 1)
    second = prices.change_price(admin(), sugar.id, "retail", Money(3500), per_quantity=1000)
    assert second == PriceChange(sugar.id, "ING-SUGAR", "retail", None, Money(3500), 1000)
    assert table() == {**before, ("ING-SALT", "network"): (1234, 1), ("ING-SUGAR", "retail"): (3500, 1000)}
    details = [json.loads(r.detail) for r in AuditEntry.select().where(AuditEntry.kind == "price_change")
               .order_by(AuditEntry.id)]
    assert details == [{"tier": "network", "old_satang": None, "old_per": None, "new_satang": 1234, "new_per": 1},
                       {"tier": "retail", "old_satang": None, "old_per": None, "new_satang": 3500,
                        "new_per": 1000}]


def test_a_free_item_and_a_price_for_one_unit_are_allowed(demo_db: OpenedDatabase) -> None:
    change = prices.change_price(admin(), item("KAPI-200").id, "retail", Money(0), per_quantity=1)
    assert (change.old, change.new, change.per_quantity) == (Money(5000), Money(0), 1)
    assert table()[("KAPI-200", "retail")] == (0, 1)


@pytest.mark.parametrize(("bad", "message"), [
    (dict(price=Money(-1)), "ราคาต้องไม่ติดลบ"),
    (dict(per_quantity=0), "ราคาต้องเป็นราคาของอย่างน้อยหนึ่งหน่วย"),
    (dict(per_quantity=-1000), "ราคาต้องเป็นราคาของอย่างน้อยหนึ่งหน่วย"),
    (dict(item_id=999_999), "ไม่พบสินค้ารหัส 999999"),
    (dict(tier="gold"), "ไม่มีรายการราคา gold"),
])
def test_a_bad_change_is_refused_in_thai_and_changes_nothing(demo_db: OpenedDatabase, bad: dict[str, object],
                                                             message: str) -> None:
    before = table()
    asked: dict[str, object] = {"item_id": item("KAPI-KG").id, "tier": "retail", "price": Money(100), **bad}
    with pytest.raises((InputError, NotFound)) as refused:
        prices.change_price(admin(), **asked)  # type: ignore[arg-type]
    assert str(refused.value) == message
    assert table() == before
    assert AuditEntry.select().where(AuditEntry.kind == "price_change").count() == 0


def test_a_seller_may_not_change_a_price(demo_db: OpenedDatabase) -> None:
    before = table()
    with pytest.raises(PermissionDenied):
        prices.change_price(users.login("somsri", "1111"), item("KAPI-KG").id, "retail", Money(1))
    assert table() == before


def test_the_price_list_finished_goods_first_then_by_code(demo_db: OpenedDatabase) -> None:
    prices.change_price(admin(), item("PKG-JAR200").id, "network", Money(350))
    Item.update(active=False).where(Item.sku == "DISH-3800").execute()  # out of use: not on the list
    tiers, listed = prices.price_list()
    assert tiers == [Tier("retail", "ราคาปลีก", "Retail"), Tier("member", "ราคาสมาชิก", "Member"),
                     Tier("network", "ราคาเครือข่าย", "Network")]
    assert [p.sku for p in listed] == [
        "DISH-500", "DRINK-YMN", "KAPI-200", "KAPI-KG", "KAPI-SEASONED", "KAPI-WASABI", "LAUNDRY-1L",
        "SHAMPOO-250", "TEA-YMN",
        "ING-FRAGRANCE", "ING-KRILL", "ING-N70", "ING-SALT", "ING-SUGAR", "ING-WASABI", "ING-YMN",
        "PKG-BOTTLE350", "PKG-BOTTLE500", "PKG-JAR200", "PKG-POUCH50"]
    by_sku = {p.sku: p for p in listed}
    kapi = by_sku["KAPI-KG"]
    assert (kapi.item_id, kapi.name_th, kapi.kind, kapi.unit) == (item("KAPI-KG").id, "กะปิ (ชั่งกิโล)",
                                                                  "finished", "g")
    assert kapi.prices == {"retail": (Money(20000), 1000), "member": (Money(18000), 1000),
                           "network": (Money(16000), 1000)}
    assert by_sku["KAPI-200"].prices == {"retail": (Money(5000), 1), "member": (Money(4500), 1),
                                         "network": (Money(4000), 1)}
    assert by_sku["PKG-JAR200"].prices == {"network": (Money(350), 1)}
    assert (by_sku["PKG-JAR200"].kind, by_sku["PKG-JAR200"].unit) == ("packaging", "piece")
    assert by_sku["ING-SALT"].prices == {}


def test_the_last_changes_newest_first_as_recorded(demo_db: OpenedDatabase) -> None:
    kapi, salt = item("KAPI-KG").id, item("ING-SALT").id
    prices.change_price(admin(), kapi, "retail", Money(21000))
    prices.change_price(admin(), salt, "member", Money(800), per_quantity=1000)
    prices.change_price(admin(), kapi, "retail", Money(22000), per_quantity=500)
    at = [r.at for r in AuditEntry.select().where(AuditEntry.kind == "price_change").order_by(AuditEntry.id.desc())]
    assert prices.recent_changes() == [
        PastChange(at[0], "admin", "KAPI-KG", "retail", Money(21000), 1000, Money(22000), 500),
        PastChange(at[1], "admin", "ING-SALT", "member", None, None, Money(800), 1000),
        PastChange(at[2], "admin", "KAPI-KG", "retail", Money(20000), 1000, Money(21000), 1000),
    ]
    assert [c.new for c in prices.recent_changes(limit=2)] == [Money(22000), Money(800)]
    assert len(prices.recent_changes(limit=50)) == 3


def test_the_price_screen_shows_the_last_fifty_changes(demo_db: OpenedDatabase) -> None:
    kapi = item("KAPI-200").id
    for satang in range(5001, 5052):  # 51 changes: ฿50.01 … ฿50.51
        prices.change_price(admin(), kapi, "retail", Money(satang))
    shown = prices.recent_changes()
    assert len(shown) == 50
    assert (shown[0].old, shown[0].new) == (Money(5050), Money(5051))
    assert (shown[-1].old, shown[-1].new) == (Money(5001), Money(5002))  # the first change (5000 → 5001) is off
