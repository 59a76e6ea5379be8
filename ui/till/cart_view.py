"""The cart on the till: its lines, the selected line's quantity (typed, or − and +), remove, discounts,
and the totals.  Every figure comes from the core's :class:`pos_app.selling.cart.Cart`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.errors import PosError
from pos_app.money import ZERO
from pos_app.selling.cart import Cart, CartLine
from pos_app.selling.catalog import ItemView
from pos_app.thai.digits import to_arabic_digits
from resources.i18n import N_, _

UNIT_LABELS = {"piece": N_("pcs"), "g": N_("g"), "ml": N_("ml")}
PER_KG = N_("{price} per kg")  # the product tile's words (ui.till.products)
NOTE_ROLE = Qt.ItemDataRole.UserRole + 7  # the stock note shown after a line's name (not part of its text)


class _NameAndNote(QStyledItemDelegate):
    """A line's name on one line, shortened in the middle with "…" when it does not fit (the start and the
    size at the end stay: Qt's wrapping broke Thai names in the middle of a word and the row cut the second
    line off), and the stock note below it in a smaller font.  The full name is the cell's tooltip."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name, note = opt.text, str(index.data(NOTE_ROLE) or "")
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        pen = opt.palette.highlightedText().color() if selected else opt.palette.text().color()
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        if isinstance(foreground, QBrush) and not selected:
            pen = foreground.color()
        rect = opt.rect.adjusted(4, 1, -4, -1)
        small = QFont(opt.font)
        small.setPointSizeF(max(7.0, opt.font.pointSizeF() * 0.8))
        lines = name_lines(name, note, rect.width(), QFontMetrics(opt.font), QFontMetrics(small))
        painter.save()
        painter.setPen(pen)
        if len(lines) == 1:
            painter.setFont(opt.font)
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, lines[0])
        else:
            top = rect.adjusted(0, 0, 0, -rect.height() // 2)
            painter.setFont(opt.font)
            painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, lines[0])
            painter.setFont(small)
            painter.drawText(rect.adjusted(0, rect.height() // 2, 0, 0),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, lines[1])
        painter.restore()


def name_lines(name: str, note: str, width: int, metrics: QFontMetrics, note_metrics: QFontMetrics) -> list[str]:
    """What a cart line's name cell shows in ``width`` pixels: the name on one line (elided in the middle),
    and the note, if any, on a second (elided at its end)."""
    lines = [metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, width)]
    if note:
        lines.append(note_metrics.elidedText(note, Qt.TextElideMode.ElideRight, width))
    return lines


def unit_price_text(view: ItemView) -> str:
    """A line's price as short as the product tile says it: "฿200.00 / กก." for a price per kg."""
    if view.sold_by_weight and view.per_quantity == 1000 and view.base_unit == "g":
        return _(PER_KG).format(price=view.price.format())
    if view.per_quantity == 1:
        return view.price.format()
    unit = _(UNIT_LABELS.get(view.base_unit, view.base_unit))
    return f"{view.price.format()} / {view.per_quantity:,} {unit}"


def _cell(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _button(text: str, name: str) -> QPushButton:
    b = QPushButton(text)
    b.setObjectName(name)
    b.setMinimumSize(52, 44)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return b


class CartView(QWidget):
    changed = Signal()
    message = Signal(str, bool)  # text, is an error
    weigh = Signal(int)  # row of a weighed line whose weight should be asked again
    discount_line = Signal(int)

    def __init__(self, cart: Cart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cart = cart
        # stock at the till (set by the page): the text under a line's name, whether the cart is short of
        # it, and whether ``n`` more of a line may be sold (says why not)
        self.line_note: Callable[[CartLine], str] | None = None
        self.line_short: Callable[[CartLine], bool] | None = None
        self.admit_more: Callable[[CartLine, int], bool] | None = None
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("cart")
        self.table.setHorizontalHeaderLabels([_("Item"), _("Quantity"), _("Price"), _("Amount")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setItemDelegateForColumn(0, _NameAndNote(self.table))
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in (1, 2, 3):  # quantity, price (a price per kg too) and amount are never cut
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.itemSelectionChanged.connect(self._row_selected)
        self.minus = _button("−", "minus")
        self.minus.clicked.connect(lambda: self.step(-1))
        self.quantity = QLineEdit()
        self.quantity.setObjectName("quantity")
        self.quantity.setMaximumWidth(110)
        self.quantity.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.quantity.returnPressed.connect(self.set_typed_quantity)
        # the cursor leaving without Enter (or after a refused Enter) shows the line's real quantity again
        self.quantity.editingFinished.connect(self.show_line_quantity)
        self.plus = _button("+", "plus")
        self.plus.clicked.connect(lambda: self.step(1))
        self.line_discount = _button(_("Discount"), "line_discount")
        self.line_discount.clicked.connect(self._discount_clicked)
        self.remove = _button(_("Remove  Del"), "remove")
        self.remove.clicked.connect(self.remove_line)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Quantity")))
        for w in (self.minus, self.quantity, self.plus, self.line_discount, self.remove):
            row.addWidget(w)
        row.addStretch(1)
        self.discounts = QLabel()
        self.discounts.setObjectName("discounts")
        self.total = QLabel()
        self.total.setObjectName("total")
        self.total.setStyleSheet("font-size: 28pt; font-weight: bold;")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.discounts)
        layout.addWidget(self.total)

    def _discount_clicked(self) -> None:
        row = self.current_row()
        if row is not None:
            self.discount_line.emit(row)

    def refresh(self, select: int | None = None) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.cart.lines))
        for row, line in enumerate(self.cart.lines):
            unit = _(UNIT_LABELS.get(line.item.base_unit, line.item.base_unit))
            amount = line.amount.format()
            if line.discount:
                amount += "\n" + _("− {discount}").format(discount=line.discount.format())
            name = self._put(row, 0, line.item.name)
            if name.toolTip() != line.item.name:
                name.setToolTip(line.item.name)
            note = self.line_note(line) if self.line_note else ""
            if name.data(NOTE_ROLE) != note:
                name.setData(NOTE_ROLE, note)
            short = self.line_short is not None and self.line_short(line)
            if short != (name.data(Qt.ItemDataRole.ForegroundRole) is not None):
                name.setData(Qt.ItemDataRole.ForegroundRole, QBrush(QColor("#b00020")) if short else None)
            self._put(row, 1, f"{line.quantity:,} {unit}", right=True)
            self._put(row, 2, unit_price_text(line.item), right=True)
            self._put(row, 3, amount, right=True)
        self.table.blockSignals(False)
        if select is None and self.cart.lines:
            select = len(self.cart.lines) - 1
        if select is not None and 0 <= select < len(self.cart.lines):
            self.table.selectRow(select)
        self._row_selected()
        given = self.cart.discount_total
        self.discounts.setText("" if given == ZERO else _("Discounts {amount}").format(amount=given.format()))
        self.discounts.setVisible(given != ZERO)  # an empty line took a cart line's height on a netbook
        self.total.setText(_("Total {amount}").format(amount=self.cart.total.format()))
        self.changed.emit()

    def _put(self, row: int, column: int, text: str, right: bool = False) -> QTableWidgetItem:
        """The cell's item, its text changed only when it differs: a scan rebuilt every cell of every line
        (and the view repainted them all) to add one."""
        item = self.table.item(row, column)
        if item is None:
            item = _cell(text, right)
            self.table.setItem(row, column, item)
        elif item.text() != text:
            item.setText(text)
        return item

    def current_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _row_selected(self) -> None:
        row = self.current_row()
        for w in (self.minus, self.plus, self.quantity, self.remove, self.line_discount):
            w.setEnabled(row is not None)
        self.show_line_quantity()

    def show_line_quantity(self) -> None:
        """The quantity box says the selected line's quantity as the cart holds it (never a refused value)."""
        row = self.current_row()
        text = "" if row is None or row >= len(self.cart.lines) else str(self.cart.lines[row].quantity)
        if self.quantity.text() != text:
            self.quantity.setText(text)

    def step(self, delta: int) -> None:
        row = self.current_row()
        if row is None:
            return
        line = self.cart.lines[row]
        if line.item.sold_by_weight:
            self.weigh.emit(row)
            return
        if line.quantity + delta <= 0:
            self.remove_line()
            return
        self._set(row, line.quantity + delta)

    def set_typed_quantity(self) -> None:
        row = self.current_row()
        if row is None:
            return
        text = to_arabic_digits(self.quantity.text().strip())
        if not text.isdigit():
            self.message.emit(_("Type a whole number of {unit}").format(
                unit=_(UNIT_LABELS.get(self.cart.lines[row].item.base_unit, ""))), True)
            self.show_line_quantity()  # refused: the box says the line's quantity again, ready to be typed over
            self.quantity.selectAll()
            return
        self._set(row, int(text))

    def _set(self, row: int, quantity: int) -> None:
        line = self.cart.lines[row]
        if quantity > line.quantity and self.admit_more is not None \
                and not self.admit_more(line, quantity - line.quantity):
            self.refresh(select=row)
            return
        try:
            self.cart.set_quantity(row, quantity)
        except PosError as err:
            self.message.emit(err.message, True)
        self.refresh(select=row)

    def remove_line(self) -> None:
        row = self.current_row()
        if row is not None:
            self.cart.remove(row)
            self.refresh(select=min(row, len(self.cart.lines) - 1) if self.cart.lines else None)
