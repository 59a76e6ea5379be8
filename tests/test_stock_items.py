"""Items, packs and barcodes kept by the production lead; conversions through a declared pack (both DBs)."""

from __future__ import annotations

import pytest

from db.connection import OpenedDatabase
from db.models import Barcode, Item, ItemPack
from pos_app.errors import InputError, NotFound, PermissionDenied
from pos_app.selling import catalog
from pos_app.stock import items, ledger
from pos_app.stock.units import to_base
from tests.stock_support import buy, lead, seller, shop


def test_a_lead_creates_an_item_with_a_pack_and_a_barcode(demo_db: OpenedDatabase) -> None:
    saved = items.create_item(lead(), "ING-TAMARIND", "ingredient", "g", "มะขามเปียก", "Tamarind", "KAPI")
    items.add_pack(lead(), saved.id, "ถุง 500 กรัม", "bag of 500 g", 500)
    items.add_barcode(lead(), saved.id, "๘๘๕๐๐๐๐๐๐๑๒๓๔")
    assert to_base("3", saved.id, "ถุง 500 กรัม") == 1500
    assert to_base("0.5", saved.id, "bag of 500 g") == 250
    with pytest.raises(InputError):
        to_base("0.001", saved.id, "bag of 500 g")  # half a gram
    assert Barcode.get(Barcode.code == "8850000001234").item_id == saved.id
    items.update_item(lead(), saved.id, name_th="มะขามเปียกแกะเม็ด")
    assert Item.get_by_id(saved.id).name_th == "มะขามเปียกแกะเม็ด"


def test_bad_items_packs_and_barcodes_change_nothing(demo_db: OpenedDatabase) -> None:
    salt = Item.get(Item.sku == "ING-SALT")
    count = (Item.select().count(), Barcode.select().count())
    for bad in (lambda: items.create_item(lead(), "ING-SALT", "ingredient", "g", "ซ้ำ", "dup", "KAPI"),
                lambda: items.create_item(lead(), "NEW", "ingredient", "kg", "ผิดหน่วย", "kg", "KAPI"),
                lambda: items.add_pack(lead(), salt.id, "ครึ่ง", "half", 0),
                lambda: items.add_pack(lead(), salt.id, "กิโลกรัม", "kg", 1000),  # already declared
                lambda: items.add_barcode(lead(), salt.id, "8850000000010"),  # the shrimp paste's
                lambda: items.update_item(lead(), salt.id, base_unit="piece")):  # salt has stock in g
        with pytest.raises(InputError):
            bad()
    assert (Item.select().count(), Barcode.select().count()) == count
    with pytest.raises(PermissionDenied):
        items.create_item(seller(), "X", "ingredient", "g", "x", "x", "KAPI")


def test_an_item_taken_out_of_use_still_takes_stock_but_is_not_on_the_till(demo_db: OpenedDatabase) -> None:
    saved = items.create_item(lead(), "SOAP-BAR", "finished", "piece", "สบู่ก้อน", "Soap bar", "BHS")
    items.update_item(lead(), saved.id, active=False)
    assert Item.get_by_id(saved.id).active is False
    buy("BHS-MARKET", Item.get_by_id(saved.id), 10, 1000)
    assert catalog.by_id(saved.id) is None  # out of use (and no price): the till does not offer it
    assert ledger.on_hand(saved.id, shop("BHS-MARKET").id) == 10


def test_a_pack_is_corrected_a_barcode_removed_and_kind_and_group_changed(demo_db: OpenedDatabase) -> None:
    from db.models import ItemPack

    saved = items.create_item(lead(), "ING-LIME", "ingredient", "g", "มะนาว", "Lime", "KAPI")
    pack = items.add_pack(lead(), saved.id, "ถุง", "bag", 500)
    items.update_pack(lead(), pack, "ถุงใหญ่", "", 1200)
    assert to_base("2", saved.id, "ถุงใหญ่") == 2400
    got = ItemPack.get_by_id(pack)
    assert (got.name_th, got.name_en, got.factor) == ("ถุงใหญ่", "ถุงใหญ่", 1200)
    other = items.add_pack(lead(), saved.id, "กล่อง", "box", 3000)
    for bad in (lambda: items.update_pack(lead(), other, "ถุงใหญ่", "", 10),  # the other pack's name
                lambda: items.update_pack(lead(), other, "กล่อง", "box", 0),
                lambda: items.update_pack(lead(), 999_999, "x", "x", 1)):
        with pytest.raises((InputError, items.NotFound)):
            bad()
    assert ItemPack.get_by_id(other).factor == 3000
    items.add_barcode(lead(), saved.id, "1234567")
    items.remove_barcode(lead(), "๑๒๓๔๕๖๗")
    assert not Barcode.select().where(Barcode.code == "1234567").exists()
    with pytest.raises(InputError):
        items.remove_barcode(lead(), "1234567")
    items.add_barcode(lead(), Item.get(Item.sku == "ING-SALT").id, "1234567")  # free for another item again
    items.update_item(lead(), saved.id, kind="packaging", group_code="HERB")
    item = Item.get_by_id(saved.id)
    assert (item.kind, item.group.code) == ("packaging", "HERB")
    with pytest.raises(InputError):
        items.update_item(lead(), saved.id, kind="gadget")
    with pytest.raises(InputError):
        items.update_item(lead(), saved.id, group_code="NOPE")
    assert Item.get_by_id(saved.id).kind == "packaging"
    with pytest.raises(PermissionDenied):
        items.remove_barcode(seller(), "1234567")


def test_a_retired_pack_stays_on_record_is_refused_and_comes_back_when_declared_again(
        demo_db: OpenedDatabase) -> None:
    salt = Item.get(Item.sku == "ING-SALT")
    kg = ItemPack.get((ItemPack.item == salt.id) & (ItemPack.name_en == "kg"))
    sack = items.add_pack(lead(), salt.id, "กระสอบ 25 กก.", "sack of 25 kg", 25_000)
    assert [p.name_en for p in items.packs_in_use(salt.id)] == ["kg", "sack of 25 kg"]
    items.retire_pack(lead(), sack)
    assert ItemPack.get_by_id(sack).retired  # kept, not deleted
    assert [p.name_en for p in items.packs_in_use(salt.id)] == ["kg"]
    with pytest.raises(InputError) as refused:
        to_base("2", salt.id, "กระสอบ 25 กก.")
    assert "กระสอบ 25 กก." in refused.value.message
    assert to_base("2", salt.id, "kg") == 2000  # the other pack still converts
    for bad in (lambda: items.retire_pack(lead(), sack),  # already retired
                lambda: items.retire_pack(seller(), kg.id)):  # a seller may not
        with pytest.raises((InputError, PermissionDenied)):
            bad()
    with pytest.raises(NotFound):
        items.retire_pack(lead(), 999_999)
    assert not ItemPack.get_by_id(kg.id).retired
    # declared again (a new sack size): the same record comes back with the new factor
    assert items.add_pack(lead(), salt.id, "กระสอบ 25 กก.", "", 20_000) == sack
    assert to_base("2", salt.id, "กระสอบ 25 กก.") == 40_000
    assert ItemPack.select().where(ItemPack.item == salt.id).count() == 2
