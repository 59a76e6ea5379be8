"""The one item picker of the stock and production screens (purchase, transfer, recipe, batch by-product,
a lot for a report): a search field and the list of the items it finds.

Typing part of a Thai or English name, an SKU or a barcode narrows the list at once, through the till's own
search (:func:`pos_app.stock.items.item_index` builds a :class:`~pos_app.selling.search.CatalogIndex`: the
Thai kit's search keys, Thai dictionary order), so a catalogue of 100,000 items is never put in one list:
the list holds the first ``SHOWN`` matches and the first of them is chosen.  Keyboard: type, Up/Down move
the choice from the search field, Enter goes on to the next field.  Touch: tap the list, rows 44 px high.
The index is built once per kind of list and built again only when the catalogue changed
(:func:`~pos_app.stock.items.catalogue_mark`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from db.models import Item, database
from pos_app.errors import InputError
from pos_app.selling.catalog import ItemView
from pos_app.selling.search import CatalogIndex
from pos_app.stock import views
from pos_app.stock.items import STOCK_KINDS, catalogue_mark, item_index
from pos_app.stock.units import unit_name
from pos_app.thai import search_key
from resources.i18n import _
from ui.stock.widgets import TOUCH, touch_list

SHOWN = 200  # matches listed at once; typing more narrows them
RECHECK_S = 2.0  # a screen shown again within this long uses the index as it is (one check: ~50 ms at 100,000)
_built: dict[tuple[int, tuple[str, ...]], tuple[tuple[int, ...], CatalogIndex, float]] = {}


def index_of(kinds: tuple[str, ...]) -> CatalogIndex:
    """The index of ``kinds`` in the open database, built again only when the catalogue changed since (looked
    at no more than every ``RECHECK_S`` seconds; :func:`forget` after a change made here)."""
    key = (id(database.obj), tuple(sorted(kinds)))  # one index for the same kinds in any order
    had, now = _built.get(key), time.monotonic()
    if had is not None and now - had[2] < RECHECK_S:
        return had[1]
    mark = catalogue_mark()
    index = had[1] if had is not None and had[0] == mark else item_index(kinds)
    _built[key] = (mark, index, now)
    return index


def forget() -> None:
    """An item, its names or barcodes changed on this laptop: every picker's next look builds its index again."""
    _built.clear()


def lots_matching(rows: list[views.LotOnHand], text: str) -> list[views.LotOnHand]:
    """The lots (on-hand list, count sheet) whose item the picker's search finds for ``text``, or whose lot
    number holds it; every lot when nothing is typed."""
    if not text.strip():
        return rows
    ids = {v.id for v in index_of(STOCK_KINDS).search(text, limit=None)}
    key = search_key(text)
    return [r for r in rows if r.item_id in ids or key in search_key(r.lot)]


def label(view: ItemView) -> str:
    return f"{view.name_th} ({view.sku}, {unit_name(view.base_unit)})"


class ItemPicker(QWidget):
    """``name`` names the list (a ``QComboBox``); the search field is ``<name>_search``."""

    changed = Signal()  # another item was chosen (or none is)

    def __init__(self, name: str, kinds: tuple[str, ...] = STOCK_KINDS, first: Iterable[int] = (),
                 only: Iterable[int] | None = None, named: Callable[[ItemView], str] = label) -> None:
        """``first``: these items lead the list; ``only``: just these items are offered (products that have a
        recipe, on the batch screen); ``named`` says how an item is shown in the list."""
        super().__init__()
        self.kinds = kinds
        self.first = list(first)
        self.only = None if only is None else set(only)
        self.named = named
        self.search = QLineEdit()
        self.search.setObjectName(f"{name}_search")
        self.search.setPlaceholderText(_("Find: Thai or English name, code"))
        self.search.setClearButtonEnabled(True)
        self.search.setStyleSheet(f"QLineEdit {{ min-height: {TOUCH}px; }}")  # the shell's 40 px is a floor
        self.search.textChanged.connect(lambda _t: self.narrow())
        self.search.returnPressed.connect(self._next_field)
        self.search.installEventFilter(self)
        self.box = touch_list(QComboBox())
        self.box.setObjectName(name)
        self.box.setMaxVisibleItems(12)
        self.box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.box.setMinimumContentsLength(18)
        self.box.currentIndexChanged.connect(lambda _i: self._chosen())
        self.setFocusProxy(self.search)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search, 1)
        row.addWidget(self.box, 2)
        self.index = index_of(kinds)
        self.narrow()

    # -- what callers read and set ------------------------------------------------------------------------
    def current(self) -> int | None:
        """The chosen item's id, or None (nothing matches what was typed)."""
        data = self.box.currentData()
        return None if data is None else int(data)

    def item_id(self) -> int:
        """The chosen item's id; a translated InputError when none is chosen."""
        found = self.current()
        if found is None:
            raise InputError("Choose an item first")
        return found

    def choose(self, item_id: int) -> None:
        """Choose ``item_id`` (a scanned lot's item, a test): listed first if the search had not found it
        (an item no longer in use too, so that a lot of it can still be named)."""
        at = self.box.findData(item_id)
        if at < 0:
            item = Item.get_by_id(item_id)
            self.box.insertItem(0, f"{item.name_th} ({item.sku}, {unit_name(str(item.base_unit))})", item_id)
            at = 0
        self.box.setCurrentIndex(at)

    def reload(self, first: Iterable[int] | None = None, only: Iterable[int] | None = None) -> None:
        """Items made or changed since are offered (the index is built again only if the catalogue changed);
        the item chosen stays chosen while it still matches."""
        if first is not None:
            self.first = list(first)
        if only is not None:
            self.only = set(only)
        self.index = index_of(self.kinds)
        self.narrow(keep=self.current())

    # -- typing narrows the list ----------------------------------------------------------------------------
    def narrow(self, keep: int | None = None) -> None:
        """List what the search field finds (the ``first`` items ahead, in that order) and choose ``keep``
        if it is there, else the first match."""
        text = self.search.text()
        if self.only is not None:
            only = self.only
            found = [v for v in self.index.search(text, limit=None) if v.id in only][:SHOWN]
        else:
            found = self.index.search(text, limit=SHOWN)
        if self.first:
            rank = {item_id: n for n, item_id in enumerate(self.first)}
            every = self.index.search(text, limit=None) if text.strip() else self.index.items
            head = sorted((v for v in every if v.id in rank), key=lambda v: rank[v.id])
            found = (head + [v for v in found if v.id not in rank])[:SHOWN]
        before = self.current()
        self.box.blockSignals(True)
        self.box.clear()
        for view in found:
            self.box.addItem(self.named(view), view.id)
        if not found:
            self.box.addItem(_("Nothing found for “{text}”").format(text=text.strip()) if text.strip()
                             else _("(none yet)"), None)
        at = self.box.findData(keep) if keep is not None else -1
        self.box.setCurrentIndex(max(at, 0))
        self.box.blockSignals(False)
        self.box.setToolTip(self.box.currentText())
        if self.current() != before:
            self.changed.emit()

    def _chosen(self) -> None:
        self.box.setToolTip(self.box.currentText())  # the whole name where the list is cut short (1024 px)
        self.changed.emit()

    def _next_field(self) -> None:
        """Enter: the item is chosen; the cursor goes to the field after the picker (the quantity …)."""
        self.box.setFocus(Qt.FocusReason.TabFocusReason)
        self.box.focusNextChild()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search field move the choice in the list (the hands stay on the keys)."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None:
                at = self.box.currentIndex() + step
                if 0 <= at < self.box.count():
                    self.box.setCurrentIndex(at)
                return True
        return super().eventFilter(watched, event)
