"""Finding products at the till as the seller types: by Thai or English name, SKU or barcode.

:class:`CatalogIndex` is built once from the sellable :class:`~pos_app.selling.catalog.ItemView` s (and
rebuilt when the catalogue changes).  Every item's searchable text — its Thai name, English name, SKU and
barcodes, each through the Thai kit's :func:`~pos_app.thai.search_key` (mark order repaired, Thai digits
read as digits, case folded) — is joined into ONE string, the items in Thai dictionary order
(:func:`~pos_app.thai.thai_sort_key` of the Thai name, then the SKU).  A query is normalised the same way
and found with ``str.find`` from successive offsets (C speed, any length, so 1- and 2-letter Thai queries
work), each offset mapped back to its item with ``bisect``; the search stops after ``limit`` items, so
the results come out already in dictionary order.  Fields are separated by ``\\x01`` and items by a newline;
a query never holds either (``search_key`` turns whitespace into one space; control characters are
dropped), so a match never
spans two fields or two items.  A group filter searches the same string for that group's marked items.

As the seller types, each query usually extends the one before; when the previous query's matches were
all found (a full scan that hit fewer than ``limit`` + 1 items), the next query is looked for only in
those items' keys instead of the whole string — so a rare name typed letter by letter costs one scan.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import cast

from pos_app.selling.catalog import DEFAULT_TIER, ItemView
from pos_app.thai import search_key, thai_sort_key
from pos_app.thai.keyboard import as_digits
from pos_app.thai.sorting import SortKey
from resources.i18n import language

DEFAULT_LIMIT = 60
NARROW_MAX = 2_000  # a query with at most this many matches is remembered, to narrow the next one
FIELD_SEP = "\x01"  # between an item's fields in the joined keys (search_key leaves control characters)
ITEM_SEP = "\n"  # between items (a normalised query never holds a newline)
_JOIN = "\x00"
_CONTROL = dict.fromkeys((0, 1))  # for queries
_BLANKS = re.compile(r"\s{2,}|[^\S ]")  # as search_key's \s+ → " ", without rewriting each single space
CHUNK = 4096  # fields normalised per joined string: C speed, without a second copy of a whole catalogue


@dataclass(frozen=True)
class Group:
    """A network group whose products the till sells (the grid's filter buttons and tile colours)."""

    code: str
    name_th: str
    name_en: str

    @property
    def name(self) -> str:
        return self.name_en if language() == "en" else self.name_th


def search_keys_bulk(fields: Sequence[str]) -> list[str]:
    """``[search_key(f) for f in fields]`` in one pass of the kit's normaliser over all of them joined.

    Every step of :func:`search_key` acts within a stretch of text that holds no control character
    (NFC, case folding, digits per character; its repairs match marks, vowels and spaces only), so the
    fields are joined with ``\\x00`` (``CHUNK`` at a time), normalised once (C-speed regexes over one string
    instead of a Python call per field), and split again; the spaces a field's own strip would remove are removed at
    the joins.  ``FIELD_SEP`` inside a field is kept as a boundary too (the spaces around it dropped).
    ASCII fields (SKUs, barcodes, most English names) need only lower case and collapsed blanks, done
    over their own joined string.  The tests check it against the kit field by field on arbitrary text.
    """
    clean = [f.replace(_JOIN, "") for f in fields]
    out = [""] * len(clean)
    ascii_at = [i for i, f in enumerate(clean) if f.isascii()]
    other_at = [i for i, f in enumerate(clean) if not f.isascii()]
    for every, normalise in ((ascii_at, _ascii_key), (other_at, search_key)):
        for start in range(0, len(every), CHUNK):
            at = every[start:start + CHUNK]
            joined = _trim_joins(normalise(_JOIN.join([clean[i] for i in at])))
            for i, key in zip(at, joined.split(_JOIN), strict=True):
                out[i] = key
    return out


def _trim_joins(text: str) -> str:
    """Drop the one space (blanks are collapsed by then) on either side of each join or field mark."""
    for mark in (_JOIN, FIELD_SEP):
        text = text.replace(" " + mark, mark).replace(mark + " ", mark)
    return text


def _no_control(text: str) -> str:
    """``text`` without the two marks the joined keys use (``str.replace`` is C-fast when absent)."""
    return text.replace(_JOIN, "").replace(FIELD_SEP, "")


def _ascii_key(text: str) -> str:
    """:func:`search_key` of ASCII text: lower case (= case folding), blanks collapsed, stripped."""
    return _BLANKS.sub(" ", text.lower()).strip()


def sort_keys_bulk(names: Sequence[str]) -> list[SortKey]:
    """``[thai_sort_key(n) for n in names]`` with one call of the kit's key over the names joined (its
    transforms act within a name too), the script group read from each name's first letter."""
    if not names:
        return []
    primaries: list[str] = []
    for start in range(0, len(names), CHUNK):
        chunk = names[start:start + CHUNK]
        primaries += thai_sort_key(_JOIN.join([_no_control(n) for n in chunk]))[1].split(_JOIN)
    groups: dict[str, int] = {}
    keys: list[SortKey] = []
    for name, primary in zip(names, primaries, strict=True):
        first = primary.lstrip()[:1]
        group = groups.get(first)
        if group is None:
            group = groups[first] = thai_sort_key(first)[0] if first else 0
        keys.append((group, primary, name))
    return keys


class _Haystack:
    """Items in dictionary order, their keys joined into one string, and where each item's keys start."""

    __slots__ = ("_last", "items", "starts", "text")

    def __init__(self, items: list[ItemView], keys: list[str]) -> None:
        self.items = items
        self.text = ITEM_SEP.join(keys)
        starts = array("q", bytes(8 * len(keys)))  # 8 bytes an item, not a 36-byte int object
        offset = 0
        for i, key in enumerate(keys):
            starts[i] = offset
            offset += len(key) + 1
        self.starts = starts
        # The last query whose every match is known (and few), with the group it was asked in: the next
        # keystroke usually extends it.
        self._last: tuple[str | None, str, list[int]] | None = None

    def find(self, query: str, limit: int | None, group: str | None = None,
             member: bytearray | None = None) -> list[ItemView]:
        """Items whose keys hold ``query``; only those marked in ``member`` (a group's items) when given."""
        last = self._last
        if last is not None and last[0] == group and last[1] in query:
            hits = self._narrow(query, last[2])  # every item holding ``query`` holds ``last[1]``: look there
        else:
            hits = self._scan(query, None if limit is None else limit + 1, member)
            if limit is not None and len(hits) > limit:
                self._last = None
                return [self.items[i] for i in hits[:limit]]
        self._last = (group, query, hits) if len(hits) <= NARROW_MAX else None
        return [self.items[i] for i in (hits if limit is None else hits[:limit])]

    def _scan(self, query: str, limit: int | None, member: bytearray | None) -> list[int]:
        text, starts = self.text, self.starts
        hits: list[int] = []
        n = len(starts)
        pos = text.find(query)
        while pos >= 0:
            i = bisect_right(starts, pos) - 1
            if member is None or member[i]:
                hits.append(i)
                if limit is not None and len(hits) >= limit:
                    break
            if i + 1 >= n:
                break
            pos = text.find(query, starts[i + 1])
        return hits

    def _narrow(self, query: str, candidates: list[int]) -> list[int]:
        text, starts = self.text, self.starts
        n, end_of_text = len(starts), len(self.text)
        return [i for i in candidates
                if text.find(query, starts[i], starts[i + 1] - 1 if i + 1 < n else end_of_text) >= 0]


class CatalogIndex:
    """The till's catalogue index; build it with :meth:`build` or :func:`load`."""

    def __init__(
        self,
        items: list[ItemView],
        keys: list[str],
        group_of: dict[int, str],
        groups: list[Group],
        codes: dict[str, ItemView],
    ) -> None:
        self._all = _Haystack(items, keys)
        self._group_of = group_of
        self._groups = groups
        self._codes = codes
        # A group is searched in the one joined string, its items marked (one byte an item): a second joined
        # string per group doubled the index's memory with 100,000 items.
        self._by_group: dict[str, tuple[list[ItemView], bytearray]] = {}
        for i, view in enumerate(items):
            code = group_of.get(view.id, "")
            if code not in self._by_group:
                self._by_group[code] = ([], bytearray(len(items)))
            members, mask = self._by_group[code]
            members.append(view)
            mask[i] = 1

    @classmethod
    def build(
        cls,
        views: Iterable[ItemView],
        *,
        barcodes: Iterable[tuple[int, str, int]] = (),
        group_of: Mapping[int, str] | None = None,
        groups: Sequence[Group] = (),
    ) -> CatalogIndex:
        """Index ``views``; ``barcodes`` are ``(item_id, code, base units per scan)``, ``group_of`` maps an
        item id to its group code, ``groups`` names the groups (listed in Thai dictionary order)."""
        views = list(views)
        # (group, primary, name, sku) as one string, parts joined by \x00 (below any character in them):
        # the same order as the tuple, compared in C without building 100,000 tuples of tuples
        # (CHUNK items at a time: the sort keys of one chunk only are alive beside the strings)
        flat: list[str] = []
        for start in range(0, len(views), CHUNK):
            chunk = views[start:start + CHUNK]
            flat += [f"{chr(0x30 + group)}{primary}\x00{name}\x00{_no_control(view.sku)}"
                     for (group, primary, name), view in
                     zip(sort_keys_bulk([_no_control(v.name_th) for v in chunk]), chunk, strict=True)]
        order = sorted(range(len(views)), key=flat.__getitem__)
        del flat
        ordered = [views[i] for i in order]
        del order, views
        codes_of: dict[int, list[tuple[str, int]]] = {}
        for item_id, code, quantity in barcodes:
            codes_of.setdefault(item_id, []).append((code, quantity))
        codes: dict[str, ItemView] = {}
        keys: list[str] = []
        for start in range(0, len(ordered), CHUNK):  # a chunk at a time: no second copy of every key
            chunk = ordered[start:start + CHUNK]
            rest: list[str] = []
            for view in chunk:
                mine = codes_of.pop(view.id, [])
                parts = [view.name_en, view.sku, *(c for c, _ in mine)]
                rest.append(FIELD_SEP.join([_no_control(p) for p in parts]))
                codes.setdefault(view.sku.casefold(), view)
                for code, quantity in mine:
                    codes[code] = view if quantity == view.scan_quantity else replace(view, scan_quantity=quantity)
            normalised = search_keys_bulk([_no_control(v.name_th) for v in chunk] + rest)
            n = len(chunk)
            keys += [f"{th}{FIELD_SEP}{others}" for th, others in zip(normalised[:n], normalised[n:], strict=True)]
        del codes_of
        group_map = group_of if isinstance(group_of, dict) else dict(group_of or {})  # not a second copy
        used = set(group_map.get(v.id, "") for v in ordered)
        listed = sorted((g for g in groups if g.code in used), key=lambda g: thai_sort_key(g.name_th))
        return cls(ordered, keys, group_map, listed, codes)

    def __len__(self) -> int:
        return len(self._all.items)

    @property
    def items(self) -> Sequence[ItemView]:
        """Every indexed item, in Thai dictionary order."""
        return self._all.items

    def groups(self) -> list[Group]:
        """The groups that have items here, in Thai dictionary order of their names."""
        return list(self._groups)

    def group_of(self, view: ItemView) -> str:
        """The code of ``view``'s group (``""`` if none was given)."""
        return self._group_of.get(view.id, "")

    def in_group(self, group: str | None) -> Sequence[ItemView]:
        """All items of ``group`` (``None``: all items), in dictionary order."""
        if group is None:
            return self._all.items
        found = self._by_group.get(group)
        return found[0] if found is not None else []

    def search(self, text: str, limit: int | None = DEFAULT_LIMIT, group: str | None = None) -> list[ItemView]:
        """Items whose name (Thai or English), SKU or barcode contains ``text`` once both are normalised,
        in dictionary order, at most ``limit`` (``None``: all); only ``group``'s items when it is given.
        An empty query lists the first ``limit`` items."""
        query = search_key(text.translate(_CONTROL))
        if group is None:
            items, member = self._all.items, None
        elif group in self._by_group:
            items, member = self._by_group[group]
        else:
            return []
        if not query:
            return list(items if limit is None else items[:limit])
        return self._all.find(query, limit, group, member)

    def by_code(self, code: str) -> ItemView | None:
        """The item whose barcode or SKU is exactly ``code`` (a barcode typed under the Thai layout or in
        Thai digits reads as its digits); the view's ``scan_quantity`` is that barcode's."""
        code = code.strip()
        if not code:
            return None
        found = self._codes.get(code) or self._codes.get(code.casefold())
        if found is None:
            digits = as_digits(code)
            if digits is not None:
                found = self._codes.get(digits)
        return found


def load(tier: str = DEFAULT_TIER) -> CatalogIndex:
    """Build the index of everything sellable in ``tier`` from the database (three queries)."""
    from db.models import Barcode, Item, NetworkGroup
    from pos_app.selling.catalog import sellable

    views = sellable(tier)
    ids = {v.id for v in views}
    rows = cast(Iterable[tuple[str, int, int]],
                Barcode.select(Barcode.code, Barcode.item, Barcode.quantity).tuples().iterator())
    barcodes = ((int(i), str(c), int(q)) for c, i, q in rows if int(i) in ids)  # read as the index is built
    pairs = cast(Iterable[tuple[int, str]],
                 Item.select(Item.id, NetworkGroup.code).join(NetworkGroup).tuples().iterator())
    shared: dict[str, str] = {}  # one string per group code, not one per item
    group_of = {int(item_id): shared.setdefault(code, str(code)) for item_id, code in pairs}
    named = cast(Iterable[tuple[str, str, str]],
                 NetworkGroup.select(NetworkGroup.code, NetworkGroup.name_th, NetworkGroup.name_en).tuples())
    groups = [Group(str(c), str(t), str(e)) for c, t, e in named]
    return CatalogIndex.build(views, barcodes=barcodes, group_of=group_of, groups=groups)
