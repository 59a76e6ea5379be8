"""Recipes for the production lead: choose a product, see its current recipe (what goes in for how many
made), change quantities, add or remove ingredients, and save — a change is a new version (batches keep
the version they used); a recipe that contains its own product, directly or through another, is refused."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.models import Item
from db.models.production import Recipe
from pos_app.errors import InputError, PosError
from pos_app.production import recipes
from pos_app.stock.units import parse_quantity, unit_name
from resources.i18n import _
from ui.shell.context import ShellContext
from ui.stock.item_picker import ItemPicker
from ui.stock.widgets import TOUCH, button, fill, say, table


class RecipeTab(QWidget):
    def __init__(self, ctx: ShellContext, message: QLabel, saved: Callable[[], None]) -> None:
        super().__init__()
        self.ctx, self.message, self.saved = ctx, message, saved
        self.lines: list[recipes.Ingredient] = []
        self.product = ItemPicker("recipe_product", first=self._with_recipe())
        self.product.changed.connect(self.load)
        self.yield_qty = QSpinBox()
        self.yield_qty.setObjectName("recipe_yield")
        self.yield_qty.setRange(1, 1_000_000)
        self.version = QLabel("")
        self.version.setObjectName("recipe_version")
        self.table = table("recipe_lines", [_("Ingredient or packaging"), _("Quantity"), _("Unit")], 0)
        self.ingredient = ItemPicker("recipe_ingredient")
        self.quantity = QLineEdit()
        self.quantity.setObjectName("recipe_quantity")
        self.ingredient.changed.connect(self.show_unit)
        self.show_unit()
        add = button(self, _("Add ingredient"), "recipe_add", "F5")
        add.clicked.connect(self.add_line)
        self.quantity.returnPressed.connect(self.add_line)
        remove = button(self, _("Remove the chosen line"), "recipe_remove")
        remove.clicked.connect(self.remove_line)
        save = button(self, _("Save as a new version"), "recipe_save", "Ctrl+S")
        save.clicked.connect(self.save)
        for w in (self.yield_qty, self.quantity):
            w.setMinimumHeight(TOUCH - 4)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Product")))
        top.addWidget(self.product, 3)
        top.addWidget(QLabel(_("Makes")))
        top.addWidget(self.yield_qty)
        top.addWidget(self.version, 1)
        row = QHBoxLayout()
        row.addWidget(self.ingredient, 3)
        row.addWidget(self.quantity, 1)
        row.addWidget(add)
        bottom = QHBoxLayout()
        bottom.addWidget(remove)
        bottom.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(_("What goes in (change a quantity in the list if needed)")))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addLayout(bottom)
        self.load()

    def show_unit(self) -> None:
        """The quantity is typed in the chosen ingredient's unit: say which (กรัม, มล., ชิ้น)."""
        if self.ingredient.current() is not None:
            unit = unit_name(str(Item.get_by_id(self.ingredient.current()).base_unit))
            self.quantity.setPlaceholderText(_("Quantity ({unit})").format(unit=unit))

    def showEvent(self, event: QShowEvent) -> None:
        self.product.reload(self._with_recipe())
        self.ingredient.reload()
        super().showEvent(event)

    @staticmethod
    def _with_recipe() -> list[int]:
        """Products that have a recipe are listed first (the first of them chosen), then every other item."""
        return [int(r.product_id) for r in Recipe.select(Recipe.product).distinct()]

    def load(self) -> None:
        if self.product.current() is None:
            return
        view = recipes.current(self.product.item_id())
        if view is None:
            self.lines = []
            self.yield_qty.setValue(1)
            self.version.setText(_("No recipe yet"))
        else:
            self.lines = [recipes.Ingredient(ln.item_id, ln.quantity) for ln in view.lines]
            self.yield_qty.setValue(view.yield_quantity)
            self.version.setText(_("Version {version}").format(version=view.version))
        self.show_lines()

    def show_lines(self) -> None:
        items = {i.id: i for i in Item.select().where(Item.id.in_([ln.item_id for ln in self.lines]))}
        fill(self.table, [(f"{items[ln.item_id].name_th} ({items[ln.item_id].sku})", "",
                           unit_name(str(items[ln.item_id].base_unit))) for ln in self.lines])
        for n, ln in enumerate(self.lines):
            self.table.setItem(n, 1, QTableWidgetItem(str(ln.quantity)))

    def _read_table(self) -> list[recipes.Ingredient]:
        out = []
        for n, ln in enumerate(self.lines):
            cell = self.table.item(n, 1)
            qty = parse_quantity(cell.text() if cell is not None else "")
            if qty.denominator != 1:
                raise InputError("“{text}” is not a quantity", text=cell.text() if cell else "")
            out.append(recipes.Ingredient(ln.item_id, int(qty)))
        return out

    def add_line(self) -> None:
        try:
            self.lines = self._read_table()
            qty = parse_quantity(self.quantity.text())
            if qty.denominator != 1 or qty <= 0:
                raise InputError("A quantity must be more than zero")
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        item_id = self.ingredient.current()
        if item_id is None:
            say(self.message, _("Choose an item first"), error=True)
            return
        self.lines = [ln for ln in self.lines if ln.item_id != item_id] + [recipes.Ingredient(item_id, int(qty))]
        self.quantity.clear()
        self.show_lines()
        say(self.message, _("Line added; save to make the new version"))

    def remove_line(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            say(self.message, _("Choose the line to remove first"), error=True)
            return
        try:
            self.lines = self._read_table()
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        del self.lines[rows[0].row()]
        self.show_lines()

    def save(self) -> None:
        try:
            view = recipes.save_recipe(self.ctx.actor, self.product.item_id(),
                                       self.yield_qty.value(), self._read_table())
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        self.version.setText(_("Version {version}").format(version=view.version))
        say(self.message, _("Recipe saved as version {version}").format(version=view.version))
        self.saved()
