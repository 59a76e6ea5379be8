"""The index the stock and production screens find items in (the item picker, the on-hand list, the count
sheet): the till's own search (:func:`pos_app.stock.items.item_index` builds a
:class:`~pos_app.selling.search.CatalogIndex` of every item in use, priced or not), one per open database.

It is built again only when the catalogue changed (:func:`~pos_app.stock.items.catalogue_mark`, looked at no
more than every ``RECHECK_S`` seconds; :func:`forget` after a change made on this laptop).  A catalogue of up
to ``INDEXED_AT_ONCE`` items is indexed at once (about a second at 20,000); a larger one off the GUI thread,
as the till does, the pickers saying "loading" meanwhile (:func:`when_ready`).
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field

from db.models import database
from pos_app.selling.search import CatalogIndex
from pos_app.stock import views
from pos_app.stock.items import STOCK_KINDS, catalogue_mark, item_index
from pos_app.thai import search_key

RECHECK_S = 2.0  # a screen shown again within this long uses the index as it is (one check: ~50 ms at 100,000)
INDEXED_AT_ONCE = 20_000  # items; a larger catalogue is indexed in the background (2–3 s at 100,000)


@dataclass
class _Kept:
    mark: tuple[int, ...] = ()
    index: CatalogIndex | None = None
    checked: float = float("-inf")
    waiting: list[Callable[[CatalogIndex | None], None]] = field(default_factory=list)  # None: it failed
    loading: bool = False


# Per database object, held weakly: keyed by id() a database opened after another was closed could get the
# same id and be handed the closed one's index (a test suite opens hundreds; an app can switch databases).
_kept: weakref.WeakKeyDictionary[object, dict[tuple[str, ...], _Kept]] = weakref.WeakKeyDictionary()


def _entry(kinds: tuple[str, ...]) -> _Kept:
    per_database = _kept.setdefault(database.obj, {})
    return per_database.setdefault(tuple(sorted(kinds)), _Kept())  # same kinds in any order: one


def _is_current(kept: _Kept) -> tuple[bool, tuple[int, ...]]:
    """(the kept index is current, the catalogue's mark): the mark is read at most every ``RECHECK_S``."""
    now = time.monotonic()
    if kept.index is not None and now - kept.checked < RECHECK_S:
        return True, kept.mark
    mark = catalogue_mark()
    current = kept.index is not None and kept.mark == mark
    if current:
        kept.checked = now
    return current, mark


def when_ready(kinds: tuple[str, ...], then: Callable[[CatalogIndex | None], None]) -> CatalogIndex | None:
    """The current index of ``kinds`` now; or, while a large catalogue is indexed in the background, the one
    from before the change (None the first time) — ``then(index)`` runs on the GUI thread when the new one
    is done (``then(None)`` if it failed)."""
    kept = _entry(kinds)
    if kept.loading:
        kept.waiting.append(then)
        return kept.index
    current, mark = _is_current(kept)
    if current:
        return kept.index
    if mark[0] <= INDEXED_AT_ONCE:
        kept.mark, kept.index, kept.checked = mark, item_index(kinds), time.monotonic()
        return kept.index
    kept.loading = True
    kept.waiting.append(then)
    _build_in_background(kept, kinds, mark)
    return kept.index


def _build_in_background(kept: _Kept, kinds: tuple[str, ...], mark: tuple[int, ...]) -> None:
    from ui.shell.background import run_in_background

    def build() -> CatalogIndex:
        try:
            return item_index(kinds)
        finally:
            database.close()  # this worker thread's own connection

    def finish(index: CatalogIndex | None) -> None:
        kept.loading = False
        if index is not None:
            kept.mark, kept.index, kept.checked = mark, index, time.monotonic()
        waiting, kept.waiting = kept.waiting, []
        for then in waiting:
            then(index)

    run_in_background(build, finish, lambda _err: finish(None))


def index_of(kinds: tuple[str, ...] = STOCK_KINDS) -> CatalogIndex:
    """The current index of ``kinds``, built now if it must be (a search typed in the on-hand list or the count
    sheet; while the background build runs, the index from before it, or one built for this search)."""
    kept = _entry(kinds)
    if kept.loading:
        return kept.index or item_index(kinds)
    current, mark = _is_current(kept)
    if not current or kept.index is None:
        kept.mark, kept.index, kept.checked = mark, item_index(kinds), time.monotonic()
    return kept.index


def forget() -> None:
    """An item, its names or barcodes changed on this laptop: the next look builds the index again."""
    for kept in (k for per_database in _kept.values() for k in per_database.values()):
        kept.checked = float("-inf")
        kept.mark = ()


def lots_matching(rows: list[views.LotOnHand], text: str) -> list[views.LotOnHand]:
    """The lots (on-hand list, count sheet) whose item the picker's search finds for ``text``, or whose lot
    number holds it; every lot when nothing is typed."""
    if not text.strip():
        return rows
    ids = {v.id for v in index_of(STOCK_KINDS).search(text, limit=None)}
    key = search_key(text)
    return [r for r in rows if r.item_id in ids or key in search_key(r.lot)]
