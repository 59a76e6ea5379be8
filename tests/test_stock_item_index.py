"""The stock screens' item index (the till's search over every item in use, priced or not) and the mark that
says when it must be built again (both DBs)."""

from __future__ import annotations

from db.connection import OpenedDatabase
from db.models import Item
from pos_app.stock import items
from tests.stock_support import admin


def test_every_item_in_use_is_found_by_thai_english_code_or_barcode(demo_db: OpenedDatabase) -> None:
    index = items.item_index()
    assert len(index) == 21  # the demo's items (resources/demo/network.json), ingredients without a price too
    assert [v.sku for v in index.search("เกลือ")] == ["ING-SALT"]
    assert [v.sku for v in index.search("FRESH KRILL")] == ["ING-KRILL"]
    assert [v.sku for v in index.search("pkg-pouch")] == ["PKG-POUCH50"]
    assert [v.sku for v in index.search("8850000000041")] == ["KAPI-SEASONED"]
    assert [v.sku for v in items.item_index(("packaging",)).search("ขวด")] == ["PKG-BOTTLE350", "PKG-BOTTLE500"]


def test_the_mark_changes_when_an_item_is_renamed_retired_or_given_a_barcode(demo_db: OpenedDatabase) -> None:
    salt = Item.get(Item.sku == "ING-SALT")
    marks = [items.catalogue_mark()]
    assert items.catalogue_mark() == marks[0]  # nothing changed: the same
    items.update_item(admin(), salt.id, name_th="เกลือทะเล")
    marks.append(items.catalogue_mark())
    items.add_barcode(admin(), salt.id, "8851234567895")
    marks.append(items.catalogue_mark())
    items.update_item(admin(), salt.id, active=False)
    marks.append(items.catalogue_mark())
    assert len(set(marks)) == 4
    assert [v.sku for v in items.item_index().search("เกลือ")] == []  # no longer in use: not offered
