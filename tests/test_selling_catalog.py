"""The catalogue as the till reads it: ``sellable`` (read as plain rows for speed) gives the same views."""

from __future__ import annotations

from db.connection import OpenedDatabase
from pos_app.money import Money
from pos_app.selling import catalog
from pos_app.selling.catalog import ItemView


def test_sellable_gives_each_priced_item_of_the_tier(demo_db: OpenedDatabase) -> None:
    views = {v.sku: v for v in catalog.sellable("retail")}
    assert views["KAPI-KG"] == ItemView(views["KAPI-KG"].id, "KAPI-KG", "กะปิ (ชั่งกิโล)", "Shrimp paste (by weight)",
                                        "finished", "g", True, Money(20000), 1000)
    assert (views["KAPI-200"].price, views["KAPI-200"].per_quantity, views["KAPI-200"].sold_by_weight) == \
        (Money(5000), 1, False)
    assert list(views) == sorted(views)  # ordered by SKU
    for sku in ("KAPI-KG", "KAPI-200"):
        assert catalog.by_id(views[sku].id, "retail") == views[sku]  # the one-item read agrees


def test_more_sellable_than_tells_a_catalogue_past_a_size(demo_db: OpenedDatabase) -> None:
    """The till indexes a catalogue of up to 20,000 items before it shows, a bigger one in the background: the
    demo network prices 10 of its 21 items in each tier (resources/demo/network.json)."""
    assert catalog.more_sellable_than(9, "retail") is True
    assert catalog.more_sellable_than(10, "retail") is False
    assert catalog.more_sellable_than(0, "member") is True
    assert catalog.more_sellable_than(10, "member") is False
    assert catalog.more_sellable_than(0, "no such tier") is False
