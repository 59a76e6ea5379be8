"""The one item picker of the stock and production screens (purchase, transfer, recipe, batch by-product,
a lot for a report): a search field and the list of the items it finds.

Typing part of a Thai or English name, an SKU or a barcode narrows the list at once, through the till's own
search (:func:`pos_app.stock.items.item_index` builds a :class:`~pos_app.selling.search.CatalogIndex`: the
Thai kit's search keys, Thai dictionary order), so a catalogue of 100,000 items is never put in one list:
the list holds the first ``SHOWN`` matches and the first of them is chosen.  Keyboard: type, Up/Down move
the choice from the search field, Enter goes on to the next field.  Touch: tap the list, rows 44 px high.
The index is kept by :mod:`ui.stock.item_index` (built again only when the catalogue changed; a catalogue
of more than 20,000 items off the GUI thread, the list saying it is loading meanwhile).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from db.models import Item
from pos_app.errors import InputError
from pos_app.selling.catalog import ItemView
from pos_app.selling.search import CatalogIndex
from pos_app.stock.items import STOCK_KINDS
from pos_app.stock.units import unit_name
from resources.i18n import _
from ui.stock.item_index import when_ready
from ui.stock.widgets import TOUCH, touch_list

SHOWN = 200  # matches listed at once; typing more narrows them


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
        self.index: CatalogIndex | None = None
        self.reload()

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
        self.index = when_ready(self.kinds, self._loaded)
        self.narrow(keep=self.current())

    def _loaded(self, index: CatalogIndex | None) -> None:
        """The index built in the background is ready (None: it failed; the list says so)."""
        if not shiboken6.isValid(self):
            return  # the screen was closed meanwhile
        if index is None:
            self._say(_("The item list could not be loaded"))
            return
        self.index = index
        self.narrow(keep=self.current())

    def _say(self, text: str) -> None:
        """A line in the list instead of items (it chooses nothing)."""
        self.box.blockSignals(True)
        self.box.clear()
        self.box.addItem(text, None)
        self.box.blockSignals(False)
        self.changed.emit()

    # -- typing narrows the list ----------------------------------------------------------------------------
    def narrow(self, keep: int | None = None) -> None:
        """List what the search field finds (the ``first`` items ahead, in that order) and choose ``keep``
        if it is there, else the first match."""
        if self.index is None:
            self._say(_("Loading the item list…"))
            return
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
