"""The till's product grid and pick list: tiles from the catalogue index, never one widget per item.

:class:`ProductPicker` shows the items a :class:`~pos_app.selling.search.CatalogIndex` finds for the
query and the group chosen, as tiles of a ``QListView`` (a wrapping grid over a
``QAbstractListModel``), in Thai dictionary order, coloured by group, with on-hand stock when given.
It emits :attr:`ProductPicker.picked` with the :class:`ItemView` clicked or tapped, or under the
cursor when Enter is pressed; the arrow keys move.  :func:`pick_list` asks which of several matches
is meant (a :class:`ui.till.choice.NumberedChoice`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pos_app.selling.catalog import ItemView
from pos_app.selling.search import CatalogIndex
from resources.i18n import N_, _
from ui.till.choice import NumberedChoice, choose

GRID_LIMIT = 300  # tiles shown at once; typing narrows a bigger catalogue
TILE = QSize(176, 100)  # the narrowest grid cell (name on up to 2 lines, price, on hand); above 44 px
TILE_FACE = QSize(170, 94)
TILE_GAP = TILE.width() - TILE_FACE.width()
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
PALETTE = ("#ffe0b2", "#c8e6c9", "#bbdefb", "#f8bbd0", "#d1c4e9", "#fff59d", "#b2dfdb", "#ffccbc")
STOCK_TEXT = {"piece": N_("In stock: {quantity}"), "g": N_("In stock: {quantity} g"),
              "ml": N_("In stock: {quantity} ml")}
PER_KG = N_("{price} per kg")
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)

Index = QModelIndex | QPersistentModelIndex


def price_text(view: ItemView) -> str:
    """The price as the tile shows it: per kg for goods sold by weight."""
    if view.sold_by_weight and view.per_quantity == 1000:
        return _(PER_KG).format(price=view.price.format())
    return view.price.format()


def stock_text(view: ItemView, quantity: int) -> str:
    return _(STOCK_TEXT.get(view.base_unit, STOCK_TEXT["piece"])).format(quantity=f"{quantity:,}")


class ProductModel(QAbstractListModel):
    """The items shown, one row each; texts are made when a tile is painted (cheap for any catalogue)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: Sequence[ItemView] = ()
        self._colours: dict[int, QBrush] = {}
        self._on_hand: Mapping[int, int] = {}
        self._missing_is_zero = False  # an item absent from ``_on_hand`` has none (else: not shown)
        self._brushes: dict[str, QBrush] = {}
        self._group_of: Callable[[ItemView], str] = lambda view: ""
        self.face = TILE_FACE  # a tile's size: as wide as the grid's columns share the width

    def set_items(self, items: Sequence[ItemView]) -> None:
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def set_groups(self, colour_of: Mapping[str, str], group_of: Callable[[ItemView], str]) -> None:
        self._brushes = {code: QBrush(QColor(colour)) for code, colour in colour_of.items()}
        self._group_of = group_of
        self._emit_all()

    def set_on_hand(self, on_hand: Mapping[int, int], missing_is_zero: bool = False) -> None:
        self._on_hand = on_hand
        self._missing_is_zero = missing_is_zero
        self._emit_all()

    def _emit_all(self) -> None:
        if self._items:
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1))

    def items(self) -> Sequence[ItemView]:
        return self._items

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        view = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            lines = [view.name, price_text(view)]
            if view.id in self._on_hand or self._missing_is_zero:
                lines.append(stock_text(view, self._on_hand.get(view.id, 0)))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{view.name_th}\n{view.name_en}\n{view.sku}"
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brushes.get(self._group_of(view))
        if role == Qt.ItemDataRole.SizeHintRole:
            return self.face
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#000000"))
        if role == ITEM_ROLE:
            return view
        return None


class ProductGrid(QListView):
    """The wrapping grid of tiles: arrows move, Enter picks, a click or tap picks."""

    picked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setGridSize(TILE)
        self.setWordWrap(True)
        self.setSpacing(0)  # the tiles keep their gap (TILE_GAP) inside the grid cell
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(200)
        self.clicked.connect(self._pick)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """As many columns as fit tiles of at least :data:`TILE`'s width, sharing all the width: at 1024 px a
        fixed tile left a third of a column empty beside the grid."""
        super().resizeEvent(event)
        width = self.viewport().width() - 1
        bar = self.verticalScrollBar()
        if not bar.isVisible():  # Qt lays the tiles out leaving room for the scroll bar that may come
            width -= bar.sizeHint().width()
        columns = max(1, width // TILE.width())
        cell = QSize(max(TILE.width(), width // columns), TILE.height())
        if cell != self.gridSize():
            model = self.model()
            if isinstance(model, ProductModel):
                model.face = QSize(cell.width() - TILE_GAP, TILE_FACE.height())
            self.setGridSize(cell)
            self.reset()  # the tiles measured again at the new size (uniform sizes are cached)

    def _pick(self, index: QModelIndex) -> None:
        view = index.data(ITEM_ROLE) if index.isValid() else None
        if view is not None:
            self.picked.emit(view)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER:
            self._pick(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class ProductPicker(QWidget):
    """Group filter buttons above the product grid; ``set_query`` filters as the seller types."""

    picked = Signal(object)  # ItemView

    def __init__(self, index: CatalogIndex, parent: QWidget | None = None, limit: int = GRID_LIMIT) -> None:
        super().__init__(parent)
        self.setObjectName("product_picker")
        self.limit = limit
        self._query = ""
        self._group: str | None = None
        self._loading = False
        self.model = ProductModel(self)
        self.grid = ProductGrid(self)
        self.grid.setModel(self.model)
        self.grid.picked.connect(self.picked)
        self.more = QLabel(self)
        self.more.setObjectName("product_picker_more")
        self.group_buttons: dict[str | None, QPushButton] = {}
        self._button_group = QButtonGroup(self)
        self._button_group.setExclusive(True)
        self._filters = QWidget(self)
        self._filter_row = QHBoxLayout(self._filters)
        self._filter_row.setContentsMargins(0, 0, 0, 0)
        scroller = QScrollArea(self)
        scroller.setWidget(self._filters)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setFixedHeight(56)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroller)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.more)
        self.set_index(index)

    # --- what is shown -------------------------------------------------------------------------------
    def set_index(self, index: CatalogIndex) -> None:
        """Show another (rebuilt) catalogue index; the query and group are kept when the group still is."""
        self.index, self._loading = index, False
        for button in self.group_buttons.values():
            self._button_group.removeButton(button)
            button.deleteLater()
        self.group_buttons = {}
        groups = index.groups()
        colours = {g.code: PALETTE[i % len(PALETTE)] for i, g in enumerate(groups)}
        self.model.set_groups(colours, index.group_of)
        self._add_filter(None, _("All"), None)
        for group in groups:
            self._add_filter(group.code, group.name, colours[group.code])
        if self._group not in self.group_buttons:
            self._group = None
        self.group_buttons[self._group].setChecked(True)
        self._refresh()

    def _add_filter(self, code: str | None, label: str, colour: str | None) -> None:
        button = QPushButton(label, self._filters)
        button.setCheckable(True)
        button.setMinimumHeight(44)
        button.setObjectName(f"group_{code or 'all'}")
        if colour:
            button.setStyleSheet(f"QPushButton {{ background: {colour}; color: black; }}"
                                 "QPushButton:checked { border: 3px solid #1565c0; }")
        button.clicked.connect(lambda _checked=False, c=code: self.set_group(c))
        self._button_group.addButton(button)
        self._filter_row.addWidget(button)
        self.group_buttons[code] = button

    def show_loading(self) -> None:
        """A big catalogue is being indexed: say so under the (empty) grid until :meth:`set_index`."""
        self._loading = True
        self._refresh()

    def set_query(self, text: str) -> None:
        """Show what ``text`` finds (name, SKU or barcode; empty: everything of the group)."""
        self._query = text
        self._refresh()

    def set_group(self, code: str | None) -> None:
        """Show only ``code``'s products (``None``: all groups)."""
        self._group = code if code in self.group_buttons else None
        self.group_buttons[self._group].setChecked(True)
        self._refresh()

    def set_on_hand(self, on_hand: Mapping[int, int], missing_is_zero: bool = False) -> None:
        """Show on-hand stock (item id → quantity in base units, e.g. from ``ledger.on_hand_many``); with
        ``missing_is_zero`` an item not in ``on_hand`` shows none in stock (a whole shop's balances)."""
        self.model.set_on_hand(on_hand, missing_is_zero)

    def shown(self) -> Sequence[ItemView]:
        return self.model.items()

    def _refresh(self) -> None:
        found = self.index.search(self._query, limit=self.limit + 1, group=self._group)
        more = len(found) > self.limit
        self.model.set_items(found[: self.limit])
        if self._loading:
            self.more.setText(_("Loading the product list… scanning works already"))
        else:
            self.more.setText(_("More products: type to narrow the list") if more else "")
        self.more.setVisible(more or self._loading)
        if found:
            self.grid.setCurrentIndex(self.model.index(0))


def pick_list(parent: QWidget | None, views: Sequence[ItemView],
              on_hand: Mapping[int, int] | None = None) -> ItemView | None:
    """Ask which of ``views`` is meant (modal, :class:`ui.till.choice.NumberedChoice`); ``None`` if the seller
    goes back."""
    return choose(pick_list_dialog(views, parent, on_hand))


def pick_list_dialog(views: Sequence[ItemView], parent: QWidget | None = None,
                     on_hand: Mapping[int, int] | None = None) -> NumberedChoice[ItemView]:
    """The pick list: each product's name, price, on-hand stock (when given) and code."""
    texts = [f"{view.name}   {price_text(view)}"
             + ("" if on_hand is None else "   " + stock_text(view, on_hand.get(view.id, 0)))
             + f"   ({view.sku})" for view in views]
    return NumberedChoice(views, texts, name="pick_list", title=_("Which product?"),
                          question=_("Several products match. Choose one (1–9, arrows and Enter):"),
                          width=560, parent=parent)
