"""Recipes (pos_app.production.recipes): each save is the next version with its lines in the order given, the
journal names things by code, a product that would go into itself is refused naming the whole path, and bad
input changes nothing, with the exact Thai messages.  Both databases; every figure written out by hand."""

from __future__ import annotations

import json

import pytest

from db.connection import OpenedDatabase
from db.models import Item, JournalEntry
from db.models.production import Recipe, RecipeLine
from pos_app.errors import InputError, NotFound, PermissionDenied
from pos_app.production import recipes
from pos_app.production.recipes import Ingredient
from tests.stock_support import lead, new_item, seller


def _counts() -> tuple[int, int, int]:
    return Recipe.select().count(), RecipeLine.select().count(), JournalEntry.select().count()


def test_the_first_recipe_is_version_one_with_its_lines_in_the_order_given(demo_db: OpenedDatabase) -> None:
    paste, salt, jar = new_item(name="กะปิ"), new_item(name="เกลือ"), new_item(kind="packaging", unit="piece")
    product = new_item(kind="finished", unit="piece", name="น้ำพริกกะปิ")
    saved = recipes.save_recipe(lead(), product.id, 12, [Ingredient(jar.id, 12), Ingredient(paste.id, 600),
                                                         Ingredient(salt.id, 15)], note="  ตำให้ละเอียด  ")
    assert (saved.product_id, saved.version, saved.yield_quantity, saved.note) == (product.id, 1, 12, "ตำให้ละเอียด")
    expected_lines = (Ingredient(jar.id, 12), Ingredient(paste.id, 600), Ingredient(salt.id, 15))
    assert saved.lines == expected_lines
    rows = RecipeLine.select().where(RecipeLine.recipe == saved.id).order_by(RecipeLine.line_no)
    assert [(r.line_no, r.item_id, r.quantity) for r in rows] == [(1, jar.id, 12), (2, paste.id, 600),
                                                                   (3, salt.id, 15)]
    stored = Recipe.get_by_id(saved.id)
    assert (stored.uuid, stored.version, stored.yield_quantity, stored.user.id) == (saved.uuid, 1, 12,
                                                                                     lead().user_id)
    assert recipes.get(saved.id) == saved
    assert recipes.current(product.id) == saved
    assert recipes.versions(product.id) == [saved]


def test_the_journal_names_the_product_and_ingredients_by_code(demo_db: OpenedDatabase) -> None:
    paste, jar = new_item(name="กะปิ"), new_item(kind="packaging", unit="piece")
    product = new_item(kind="finished", unit="piece")
    saved = recipes.save_recipe(lead(), product.id, 4, [Ingredient(paste.id, 200), Ingredient(jar.id, 4)])
    entry = JournalEntry.get(JournalEntry.doc_uuid == saved.uuid)
    assert entry.doc_type == "recipe"
    assert entry.user is not None and entry.user.id == lead().user_id and entry.till is None
    assert entry.created_at == Recipe.get_by_id(saved.id).created_at
    assert json.loads(entry.summary) == {"product": product.sku, "version": 1, "yield": 4,
                                         "lines": [[paste.sku, 200], [jar.sku, 4]], "user": "prapha"}


def test_each_save_is_the_next_version_and_the_old_ones_stay(demo_db: OpenedDatabase) -> None:
    paste, chili = new_item(name="กะปิ"), new_item(name="พริก")
    product, other = new_item(kind="finished", unit="piece"), new_item(kind="finished", unit="piece")
    assert recipes.current(product.id) is None and recipes.versions(product.id) == []
    recipes.save_recipe(lead(), other.id, 1, [Ingredient(chili.id, 5)])  # another product's: its own numbering
    v1 = recipes.save_recipe(lead(), product.id, 10, [Ingredient(paste.id, 500)])
    v2 = recipes.save_recipe(lead(), product.id, 20, [Ingredient(paste.id, 900), Ingredient(chili.id, 30)])
    v3 = recipes.save_recipe(lead(), product.id, 5, [Ingredient(chili.id, 10)], note="เผ็ด")
    assert [v.version for v in (v1, v2, v3)] == [1, 2, 3]
    assert recipes.current(product.id) == v3
    assert recipes.versions(product.id) == [v1, v2, v3]
    assert recipes.get(v1.id) == v1  # the old version is kept as it was
    assert recipes.get(v1.id).lines == (Ingredient(paste.id, 500),)
    assert recipes.get(v2.id).lines == (Ingredient(paste.id, 900), Ingredient(chili.id, 30))
    assert recipes.get(v2.id).yield_quantity == 20 and recipes.get(v3.id).note == "เผ็ด"
    assert recipes.current(other.id) is not None and recipes.current(other.id).version == 1  # type: ignore[union-attr]


def test_a_long_note_is_cut_to_500_characters(demo_db: OpenedDatabase) -> None:
    paste, product = new_item(), new_item(kind="finished", unit="piece")
    saved = recipes.save_recipe(lead(), product.id, 1, [Ingredient(paste.id, 1)], note=" " + "ก" * 499 + "ขค")
    assert saved.note == "ก" * 499 + "ข"
    assert len(Recipe.get_by_id(saved.id).note) == 500


def test_the_smallest_yield_and_quantity_are_one(demo_db: OpenedDatabase) -> None:
    paste, product = new_item(), new_item(kind="finished", unit="piece")
    saved = recipes.save_recipe(lead(), product.id, 1, [Ingredient(paste.id, 1)])
    assert (saved.yield_quantity, saved.lines, saved.note) == (1, (Ingredient(paste.id, 1),), "")  # no note given
    assert Recipe.get_by_id(saved.id).note == ""


@pytest.mark.parametrize(("bad", "message"), [
    ("yield 0", "ปริมาณที่ได้ของสูตรต้องมากกว่าศูนย์"),
    ("yield -5", "ปริมาณที่ได้ของสูตรต้องมากกว่าศูนย์"),
    ("no lines", "สูตรต้องมีวัตถุดิบอย่างน้อยหนึ่งรายการ"),
    ("quantity 0", "จำนวนต้องมากกว่าศูนย์"),
    ("quantity -1", "จำนวนต้องมากกว่าศูนย์"),
    ("twice", "มีวัตถุดิบซ้ำสองรายการ กรุณาใส่ครั้งเดียวพร้อมจำนวนรวม"),
])
def test_a_bad_recipe_is_refused_in_thai_and_changes_nothing(demo_db: OpenedDatabase, bad: str,
                                                             message: str) -> None:
    paste, salt = new_item(), new_item()
    product = new_item(kind="finished", unit="piece")
    good = [Ingredient(paste.id, 100), Ingredient(salt.id, 5)]
    yield_quantity, lines = {
        "yield 0": (0, good), "yield -5": (-5, good), "no lines": (10, []),
        "quantity 0": (10, [Ingredient(paste.id, 100), Ingredient(salt.id, 0)]),
        "quantity -1": (10, [Ingredient(paste.id, -1), Ingredient(salt.id, 5)]),
        "twice": (10, [Ingredient(paste.id, 100), Ingredient(salt.id, 5), Ingredient(paste.id, 50)]),
    }[bad]
    before = _counts()
    with pytest.raises(InputError) as refused:
        recipes.save_recipe(lead(), product.id, yield_quantity, lines)
    assert str(refused.value) == message
    assert _counts() == before


def test_an_unknown_product_or_ingredient_or_recipe_is_named(demo_db: OpenedDatabase) -> None:
    paste, product = new_item(), new_item(kind="finished", unit="piece")
    before = _counts()
    with pytest.raises(NotFound) as missing:
        recipes.save_recipe(lead(), 987_654, 10, [Ingredient(paste.id, 100)])
    assert str(missing.value) == "ไม่พบสินค้ารหัส 987654"
    with pytest.raises(NotFound) as missing:
        recipes.save_recipe(lead(), product.id, 10, [Ingredient(paste.id, 100), Ingredient(987_655, 1)])
    assert str(missing.value) == "ไม่พบสินค้ารหัส 987655"
    with pytest.raises(NotFound) as missing:
        recipes.get(987_656)
    assert str(missing.value) == "ไม่พบสูตรรหัส 987656"
    assert _counts() == before


def test_only_people_who_produce_may_save_a_recipe(demo_db: OpenedDatabase) -> None:
    paste, product = new_item(), new_item(kind="finished", unit="piece")
    before = _counts()
    with pytest.raises(PermissionDenied):
        recipes.save_recipe(seller(), product.id, 10, [Ingredient(paste.id, 100)])
    assert _counts() == before and recipes.current(product.id) is None


def test_a_product_going_into_itself_is_refused_naming_the_whole_path(demo_db: OpenedDatabase) -> None:
    powder = new_item(kind="finished", unit="piece", name="ผงปรุงรส")
    paste = new_item(name="กะปิพิเศษ")
    chili = new_item(name="พริกแกง")
    salt = new_item(name="เกลือป่น")
    recipes.save_recipe(lead(), chili.id, 100, [Ingredient(salt.id, 3)])
    recipes.save_recipe(lead(), paste.id, 100, [Ingredient(chili.id, 20), Ingredient(powder.id, 5)])
    before = _counts()
    with pytest.raises(InputError) as refused:  # directly
        recipes.save_recipe(lead(), powder.id, 10, [Ingredient(salt.id, 1), Ingredient(powder.id, 1)])
    assert str(refused.value) == f"{powder.name_th} เป็นส่วนผสมในสูตรของตัวเองไม่ได้ ({powder.name_th} → {powder.name_th})"
    with pytest.raises(InputError) as refused:  # through the paste's recipe, found behind the chili and salt
        recipes.save_recipe(lead(), powder.id, 10, [Ingredient(paste.id, 50), Ingredient(salt.id, 1)])
    assert str(refused.value) == (f"{powder.name_th} เป็นส่วนผสมในสูตรของตัวเองไม่ได้ "
                                  f"({powder.name_th} → {paste.name_th} → {powder.name_th})")
    assert _counts() == before
    # two levels down: salt goes into the chili paste, which goes into the shrimp paste
    with pytest.raises(InputError) as refused:
        recipes.save_recipe(lead(), salt.id, 1, [Ingredient(paste.id, 1)])
    assert str(refused.value) == (f"{salt.name_th} เป็นส่วนผสมในสูตรของตัวเองไม่ได้ "
                                  f"({salt.name_th} → {paste.name_th} → {chili.name_th} → {salt.name_th})")
    assert _counts() == before


def test_an_ingredient_met_twice_on_the_way_is_still_followed_to_the_loop(demo_db: OpenedDatabase) -> None:
    # product P with ingredients A, B.  B's recipe uses S; A's recipe uses P (added before P had a recipe)
    # and S.  The search meets S a second time before it reaches P through A: it must go on, not stop.
    p = new_item(kind="finished", unit="piece", name="ชุดของขวัญ")
    a, b, s = new_item(name="กล่องกะปิ"), new_item(name="กล่องพริก"), new_item(name="สติกเกอร์")
    recipes.save_recipe(lead(), b.id, 1, [Ingredient(s.id, 1)])
    recipes.save_recipe(lead(), a.id, 1, [Ingredient(p.id, 1), Ingredient(s.id, 1)])
    before = _counts()
    with pytest.raises(InputError) as refused:
        recipes.save_recipe(lead(), p.id, 1, [Ingredient(a.id, 1), Ingredient(b.id, 1)])
    assert str(refused.value) == (f"{p.name_th} เป็นส่วนผสมในสูตรของตัวเองไม่ได้ "
                                  f"({p.name_th} → {a.name_th} → {p.name_th})")
    assert _counts() == before
    assert Item.get_by_id(p.id).name_th == p.name_th
