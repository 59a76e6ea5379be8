"""Finding products at the till: hand-worked expectations on the demo catalogue, and properties against a
naive filter written here independently (each field through the kit's search_key, sorted by the kit's key)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.connection import OpenedDatabase
from pos_app.money import Money
from pos_app.selling import search
from pos_app.selling.catalog import ItemView
from pos_app.selling.search import CatalogIndex, Group
from pos_app.thai import search_key, thai_sort_key
from resources.i18n import set_language


@pytest.fixture
def index(demo_db: OpenedDatabase) -> CatalogIndex:
    return search.load()


def skus(views: list[ItemView]) -> list[str]:
    return [v.sku for v in views]


# --- the demo catalogue, expectations worked by hand -------------------------------------------------------

def test_nam_typed_in_the_wrong_mark_order_finds_every_nam_product(index: CatalogIndex) -> None:
    typed = "\u0e19\u0e33\u0e49"  # น + ำ + ้ (the tone typed after sara am)
    # น้ำยาซักผ้า < น้ำยาล้างจาน 500 < น้ำยาล้างจาน แกลลอน < น้ำสมุนไพร… (ซ < ล; 5 < แ; ย < ส)
    expected = ["LAUNDRY-1L", "DISH-500", "DISH-3800", "DRINK-YMN"]
    assert skus(index.search(typed)) == expected
    assert skus(index.search("น้ำ")) == expected
    assert skus(index.search("\u0e19\u0e49\u0e4d\u0e32")) == expected  # น ้ ํ า (nikhahit + sara aa)


def test_two_thai_letters_find_the_four_shrimp_pastes_in_dictionary_order(index: CatalogIndex) -> None:
    # "กะปิ (" < "กะปิ ก" (the bracket is a symbol) < "กะปิผงท" < "กะปิผงร"
    assert skus(index.search("กะ")) == ["KAPI-KG", "KAPI-200", "KAPI-SEASONED", "KAPI-WASABI"]


def test_one_thai_letter(index: CatalogIndex) -> None:
    # ช is in กะปิ (ชั่งกิโล), ชาหญ้าหมอน้อย and แชมพู (sorted under ช, after ชา since า < แ)
    assert skus(index.search("ช")) == ["KAPI-KG", "TEA-YMN", "SHAMPOO-250"]
    assert skus(index.search("ซ")) == ["KAPI-WASABI", "TEA-YMN", "LAUNDRY-1L"]  # วาซาบิ, ซอง, ซักผ้า


def test_english_name_sku_and_barcode(index: CatalogIndex) -> None:
    assert skus(index.search("LIQUID")) == ["LAUNDRY-1L", "DISH-500", "DISH-3800"]
    assert skus(index.search("kapi-2")) == ["KAPI-200"]
    assert skus(index.search("0000089")) == ["DISH-3800"]
    assert skus(index.search("๐๐๐๐๐๘๙")) == ["DISH-3800"]  # Thai digits read as digits
    assert index.search("zzz") == []
    assert index.search("ปิ ก") == [index.by_code("KAPI-200")]  # a space inside the name


def test_limit_group_and_groups(index: CatalogIndex) -> None:
    assert skus(index.search("", limit=3)) == ["KAPI-KG", "KAPI-200", "KAPI-SEASONED"]
    assert skus(index.search("กะ", limit=2)) == ["KAPI-KG", "KAPI-200"]
    assert skus(index.search("น้ำ", group="BHS")) == ["LAUNDRY-1L", "DISH-500", "DISH-3800"]
    assert skus(index.search("น้ำ", group="HERB")) == ["DRINK-YMN"]
    assert index.search("น้ำ", group="NOPE") == []
    # BANGCHAK sells nothing; กลุ่มก < กลุ่มว < กลุ่มส
    assert [g.code for g in index.groups()] == ["KAPI", "BHS", "HERB"]
    assert len(index) == 10
    assert skus(list(index.in_group("HERB"))) == ["TEA-YMN", "DRINK-YMN"]


def test_by_code_reads_barcodes_skus_thai_layout_and_thai_digits(index: CatalogIndex) -> None:
    dish = index.by_code("8850000000089")
    assert dish is not None and dish.sku == "DISH-3800"
    assert index.by_code("คคถจจจจจจจจคต") == dish  # the same scan with the Kedmanee layout on
    assert index.by_code("๘๘๕๐๐๐๐๐๐๐๐๘๙") == dish
    assert index.by_code(" 8850000000089\n") == dish
    found = index.by_code("kapi-200")
    assert found is not None and found.sku == "KAPI-200"
    assert index.by_code("885000000008") is None  # a prefix is not a code
    assert index.by_code("") is None
    assert index.by_code("ค") is None


# --- a tiny catalogue by hand ------------------------------------------------------------------------------

def view(item_id: int, sku: str, th: str, en: str = "") -> ItemView:
    return ItemView(item_id, sku, th, en, "finished", "piece", False, Money(100), 1)


def test_scan_quantity_of_a_multipack_barcode_and_english_names() -> None:
    soap = view(1, "SOAP", "สบู่", "Soap")
    idx = CatalogIndex.build([soap], barcodes=[(1, "111", 1), (1, "666", 6)])
    six = idx.by_code("666")
    assert six is not None and six.scan_quantity == 6 and six.sku == "SOAP"
    one = idx.by_code("111")
    assert one is not None and one.scan_quantity == 1
    set_language("en")
    try:
        assert one.name == "Soap"
        assert Group("G", "กลุ่ม", "Group").name == "Group"
    finally:
        set_language("th")


def test_a_match_never_spans_two_fields_or_two_items() -> None:
    idx = CatalogIndex.build([view(1, "AB", "กา", "xy"), view(2, "CD", "ขา", "zw")])
    assert idx.search("าx") == []  # end of the Thai name + start of the English one
    assert idx.search("yab") == []
    assert idx.search("wก") == [] and idx.search("cdข") == []
    assert idx.search("\x00") == idx.search("")  # control characters are not part of a query


def test_duplicate_names_keep_sku_order_and_an_empty_catalogue_finds_nothing() -> None:
    idx = CatalogIndex.build([view(1, "B", "ชา"), view(2, "A", "ชา"), view(3, "C", "ไก่")])
    assert skus(idx.search("")) == ["C", "A", "B"]  # ไก่ sorts under ก
    empty = CatalogIndex.build([])
    assert empty.search("ก") == [] and empty.search("") == [] and empty.by_code("1") is None


# --- properties against a naive filter ---------------------------------------------------------------------

THAI = "กขคงจชซนมยรลวสหอะาำิีุู่้๊๋็์ัเแโใไํ"
ALPHABET = THAI + "abcAB 12๑๒-.()\t\u200b"
texts = st.text(alphabet=ALPHABET, max_size=14)


def naive(views: list[ItemView], codes: dict[int, list[str]], query: str) -> list[ItemView]:
    q = unicodedata.normalize("NFC", query)
    q = search_key(q)
    ordered = sorted(views, key=lambda v: (thai_sort_key(v.name_th), v.sku))
    if not q:
        return ordered
    return [v for v in ordered
            if any(q in search_key(f) for f in [v.name_th, v.name_en, v.sku, *codes.get(v.id, [])])]


catalogues = st.lists(st.tuples(texts, texts, st.text(alphabet="ABC-12", min_size=1, max_size=4),
                                st.lists(st.text(alphabet="0123", min_size=1, max_size=5), max_size=2)),
                      max_size=25)


@settings(max_examples=300, deadline=None)
@given(catalogues, texts, st.integers(min_value=1, max_value=30))
def test_search_equals_a_naive_filter(rows: list[tuple[str, str, str, list[str]]], query: str, limit: int) -> None:
    views = [view(n, f"{sku}{n}", th, en) for n, (th, en, sku, _) in enumerate(rows, start=1)]
    codes = {n: [f"{c}{n}" for c in bcs] for n, (_, _, _, bcs) in enumerate(rows, start=1)}
    idx = CatalogIndex.build(views, barcodes=[(i, c, 1) for i, cs in codes.items() for c in cs])
    expected = naive(views, codes, query)
    assert idx.search(query, limit=None) == expected
    assert idx.search(query, limit=limit) == expected[:limit]


@settings(max_examples=200, deadline=None)
@given(catalogues, texts)
def test_group_filter_equals_the_naive_filter_within_the_group(rows: list[tuple[str, str, str, list[str]]],
                                                               query: str) -> None:
    views = [view(n, f"{sku}{n}", th, en) for n, (th, en, sku, _) in enumerate(rows, start=1)]
    group_of = {v.id: "ODD" if v.id % 2 else "EVEN" for v in views}
    idx = CatalogIndex.build(views, group_of=group_of)
    odd = [v for v in naive(views, {}, query) if v.id % 2]
    assert idx.search(query, limit=None, group="ODD") == odd


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, max_size=12))
def test_bulk_keys_equal_the_kits_keys_one_by_one(fields: list[str]) -> None:
    assert search.search_keys_bulk(fields) == [search_key(f) for f in fields]
    assert search.sort_keys_bulk(fields) == [thai_sort_key(f) for f in fields]


@settings(max_examples=200, deadline=None)
@given(catalogues, st.lists(texts, min_size=1, max_size=6), st.integers(min_value=1, max_value=8))
def test_typing_letter_by_letter_equals_the_naive_filter(rows: list[tuple[str, str, str, list[str]]],
                                                         words: list[str], limit: int) -> None:
    """Each keystroke may narrow the last query's matches: every prefix must still give the naive answer."""
    views = [view(n, f"{sku}{n}", th, en) for n, (th, en, sku, _) in enumerate(rows, start=1)]
    idx = CatalogIndex.build(views)
    for typed in (w[:k] for w in words for k in range(len(w) + 1)):
        expected = naive(views, {}, typed)
        assert idx.search(typed, limit=limit) == expected[:limit]
        assert idx.search(typed, limit=None) == expected


def test_narrowing_by_hand() -> None:
    idx = CatalogIndex.build([view(1, "A", "กะปิ"), view(2, "B", "กะทิ"), view(3, "C", "ปิ่นโต")])
    assert skus(idx.search("ปิ")) == ["A", "C"]
    assert skus(idx.search("ปิ่")) == ["C"]  # narrowed from A, C
    assert skus(idx.search("ะ")) == ["B", "A"]  # not an extension: a fresh scan (กะท < กะป)
    assert skus(idx.search("ะป", limit=1)) == ["A"]
    assert skus(idx.search("กะ", limit=1)) == ["B"]  # cut at the limit: nothing remembered
    assert skus(idx.search("กะปิ")) == ["A"]


@settings(max_examples=200, deadline=None)
@given(catalogues, st.lists(st.tuples(texts, st.sampled_from([None, "ODD", "EVEN"])), min_size=1, max_size=6),
       st.integers(min_value=1, max_value=8))
def test_typing_while_switching_groups_equals_the_naive_filter(rows: list[tuple[str, str, str, list[str]]],
                                                               steps: list[tuple[str, str | None]],
                                                               limit: int) -> None:
    """The remembered matches of the last query belong to its group: a query typed on in another group (or in
    all groups) is looked for afresh.  Built 2 items a chunk, so every chunk boundary of the bulk keys is
    crossed too."""
    views = [view(n, f"{sku}{n}", th, en) for n, (th, en, sku, _) in enumerate(rows, start=1)]
    group_of = {v.id: "ODD" if v.id % 2 else "EVEN" for v in views}
    chunk, search.CHUNK = search.CHUNK, 2
    try:
        idx = CatalogIndex.build(views, group_of=group_of)
    finally:
        search.CHUNK = chunk
    wanted = {None: lambda v: True, "ODD": lambda v: v.id % 2 == 1, "EVEN": lambda v: v.id % 2 == 0}
    for word, first in steps:
        for typed in (word[:k] for k in range(len(word) + 1)):
            for group in (first, *(g for g in wanted if g != first)):  # a group button tapped, the text kept
                expected = [v for v in naive(views, {}, typed) if wanted[group](v)]
                assert idx.search(typed, limit=limit, group=group) == expected[:limit]
                assert idx.search(typed, limit=None, group=group) == expected
