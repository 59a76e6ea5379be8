"""The production lead's batch screen: choose a recipe and how many to make, see the ingredients it will
take (lots first-expiry-first-out, editable), who worked and for how long, overheads, what was actually
made; commit, and see the batch's exact cost, unit cost and finished lot; print its cost sheet."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.models import Item, Lot
from db.models.production import Recipe
from pos_app.clock import today
from pos_app.errors import InputError, PosError
from pos_app.money import Money
from pos_app.production import batches, recipes
from pos_app.production.batches import BatchDraft, BatchResult, ByProduct, Overhead, Use
from pos_app.selling.catalog import ItemView
from pos_app.stock import reports
from pos_app.stock.lots import default_expiry
from pos_app.stock.units import parse_quantity, to_base, unit_name
from pos_app.thai.dates import format_date, parse_date
from resources.i18n import _
from ui.production.labour import LabourBox
from ui.production.recipe_tab import RecipeTab
from ui.shell.context import ShellContext
from ui.stock.item_picker import ItemPicker
from ui.stock.widgets import button, export_report, fill, focus_first, message_label, print_labels, say, table


class ProductionPage(QWidget):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("production")
        self.ctx = ctx
        self.shop_id = ctx.till.shop_id
        self.batch_page = QWidget()  # owns the batch's shortcuts (the recipe tab has its own Ctrl+S)
        self.draft: BatchDraft | None = None
        self.last: BatchResult | None = None
        self.versions: dict[int, recipes.RecipeView] = {}  # product → its current recipe
        self.recipe = ItemPicker("recipe", only=(), named=self._recipe_name)
        self.load_recipes()
        self.planned = QSpinBox()
        self.planned.setObjectName("planned")
        self.planned.setRange(1, 1_000_000)
        self.planned.setMaximumWidth(110)  # the recipe's name needs the room on a 1024-px screen
        self.recipe.changed.connect(self.default_planned)
        self.default_planned()
        plan = button(self.batch_page, _("Plan"), "plan", "F5")
        plan.clicked.connect(self.plan)
        self.uses = table("uses", [_("Item"), _("Lot"), _("Quantity (change if needed)"), _("Unit")])
        self.made = QSpinBox()
        self.made.setObjectName("made")
        self.made.setRange(0, 1_000_000)
        self.made.setMaximumWidth(110)
        self.labour = LabourBox(self.batch_page)
        self.day = QLineEdit(format_date(today()))
        self.day.setObjectName("batch_day")
        self.day.setMaximumWidth(150)
        self.day.setToolTip(_("The day it was made (a batch entered late keeps its real day)"))
        self.expiry = QLineEdit()
        self.expiry.setObjectName("batch_expiry")
        self.expiry.setPlaceholderText(_("empty: its shelf life or the earliest ingredient's"))
        self.beyond = QCheckBox(_("Later than an ingredient's, on purpose"))
        self.beyond.setObjectName("batch_beyond")
        self.overhead = QLineEdit()
        self.overhead.setObjectName("overhead")
        self.overhead.setPlaceholderText(_("Gas, electricity … (฿)"))
        commit = button(self.batch_page, _("Save batch"), "commit_batch", "Ctrl+S")
        commit.clicked.connect(self.commit)
        sheet = button(self.batch_page, _("Cost sheet PDF"), "cost_sheet", "F6")
        sheet.clicked.connect(self.cost_sheet)
        labels = button(self.batch_page, _("Lot labels PDF"), "batch_labels")
        labels.clicked.connect(self.labels)
        self.by_item = ItemPicker("by_item")
        self.by_qty = QLineEdit()
        self.by_qty.setObjectName("by_quantity")
        self.by_qty.setPlaceholderText(_("Quantity (base unit)"))
        self.by_value = QLineEdit()
        self.by_value.setObjectName("by_value")
        self.by_value.setPlaceholderText(_("Its value (฿)"))
        add_by = button(self.batch_page, _("Add by-product"), "add_byproduct")
        add_by.clicked.connect(self.add_byproduct)
        self.by_list = QLabel("")
        self.by_list.setObjectName("byproducts")
        self.by_list.setWordWrap(True)
        self.byproducts: list[ByProduct] = []
        self.result = QLabel("")
        self.result.setObjectName("batch_result")
        self.result.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.result.setWordWrap(True)
        self.message = message_label("production_message")

        top = QHBoxLayout()
        top.addWidget(self.recipe, 3)
        top.addWidget(QLabel(_("How many")))
        top.addWidget(self.planned)
        top.addWidget(plan)
        dates = QHBoxLayout()  # what was made on the second line: the recipe's name needs the room (1024 px)
        dates.addWidget(QLabel(_("Actually made")))
        dates.addWidget(self.made)
        dates.addWidget(QLabel(_("Made on")))
        dates.addWidget(self.day, 1)
        dates.addWidget(QLabel(_("Expires")))
        dates.addWidget(self.expiry, 2)
        dates.addWidget(self.beyond)
        form = QFormLayout()
        form.addRow(_("Labour"), self.labour)
        said = QHBoxLayout()
        said.addWidget(self.labour.shown, 1)
        said.addWidget(self.by_list, 1)
        form.addRow("", said)
        self.by_row = QWidget()  # shown on demand: most batches have none, and a 600-px screen needs the room
        by = QHBoxLayout(self.by_row)
        by.setContentsMargins(0, 0, 0, 0)
        by.addWidget(QLabel(_("By-products")))
        for w2 in (self.by_item, self.by_qty, self.by_value, add_by):
            by.addWidget(w2)
        self.by_row.setVisible(False)
        form.addRow(self.by_row)
        show_by = button(self.batch_page, _("By-products…"), "show_byproducts")
        show_by.setCheckable(True)
        show_by.toggled.connect(self.by_row.setVisible)
        bottom = QHBoxLayout()
        bottom.addWidget(show_by)
        bottom.addStretch(1)
        bottom.addWidget(QLabel(_("Overhead")))
        bottom.addWidget(self.overhead, 1)
        bottom.addWidget(commit, 1)
        bottom.addWidget(sheet, 1)
        bottom.addWidget(labels, 1)
        batch = self.batch_page
        layout = QVBoxLayout(batch)
        layout.addLayout(top)
        layout.addLayout(dates)
        layout.addWidget(self.uses, 1)
        layout.addLayout(form)
        layout.addLayout(bottom)
        layout.addWidget(self.result)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("production_tabs")
        self.tabs.addTab(batch, _("Batch"))
        self.tabs.addTab(RecipeTab(ctx, self.message, self.load_recipes), _("Recipes"))
        self.tabs.currentChanged.connect(lambda _i: self.entered())
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs)
        outer.addWidget(self.message)

    def showEvent(self, event: QShowEvent) -> None:
        """A recipe or item saved elsewhere since (the recipe tab, another laptop) is offered at once."""
        self.by_item.reload()
        self.load_recipes()
        super().showEvent(event)

    def entered(self) -> None:
        """Shown (F4) or another tab chosen: the cursor goes into the tab, so its keys (F5 plan, Ctrl+S save)
        work straight away."""
        focus_first(self.tabs.currentWidget())

    def default_planned(self) -> None:
        """How many to make starts at what the chosen recipe makes."""
        view = self.versions.get(self.recipe.current() or 0)
        if view is not None and hasattr(self, "planned"):
            self.planned.setValue(view.yield_quantity)

    def _recipe_name(self, item: ItemView) -> str:
        view = self.versions[item.id]
        return _("{name} — recipe v{version}, makes {yield_}").format(
            name=item.name_th, version=view.version, yield_=view.yield_quantity)

    def load_recipes(self) -> None:
        """Each product's current recipe, found by typing as any item is; the product chosen stays chosen (at
        its newest version)."""
        products = [int(r.product_id) for r in Recipe.select(Recipe.product).distinct()]
        self.versions = {p: v for p in products if (v := recipes.current(p)) is not None}
        before = self.recipe.current()
        self.recipe.reload(only=self.versions)
        if before is None or self.recipe.current() != before:
            self.default_planned()

    def _recipe_id(self) -> int | None:
        view = self.versions.get(self.recipe.current() or 0)
        return None if view is None else int(view.id)

    def add_byproduct(self) -> None:
        try:
            item_id = self.by_item.item_id()
            qty = to_base(self.by_qty.text(), item_id)
            value = Money.parse(self.by_value.text()) if self.by_value.text().strip() else Money(0)
            if qty <= 0:
                raise InputError("A by-product needs a quantity and a value of zero or more")
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        self.byproducts.append(ByProduct(item_id, qty, value))
        self.by_qty.clear()
        self.by_value.clear()
        self._show_byproducts()

    def _show_byproducts(self) -> None:
        names = {i.id: i.name_th for i in Item.select().where(Item.id.in_([b.item_id for b in self.byproducts]))}
        self.by_list.setText(_("By-products: {list}").format(list="; ".join(
            f"{names[b.item_id]} {b.quantity:,} ({b.value.format()})" for b in self.byproducts))
            if self.byproducts else "")

    def plan(self) -> None:
        recipe_id = self._recipe_id()
        if recipe_id is None:
            say(self.message, _("There is no recipe yet"), error=True)
            return
        try:
            self.draft = batches.plan_batch(recipe_id, self.shop_id, self.planned.value(),
                                            parse_date(self.day.text()))
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        items = {i.id: i for i in Item.select().where(Item.id.in_([u.item_id for u in self.draft.uses]))}
        lots = {lot.id: lot.number for lot in Lot.select().where(Lot.id.in_([u.lot_id for u in self.draft.uses
                                                                             if u.lot_id is not None]))}
        fill(self.uses, [(str(items[u.item_id].name_th), lots.get(u.lot_id or 0, _("(not in stock)")), "",
                          unit_name(str(items[u.item_id].base_unit))) for u in self.draft.uses])
        for n, u in enumerate(self.draft.uses):
            editable = QTableWidgetItem(str(u.quantity))
            self.uses.setItem(n, 2, editable)
        self.made.setValue(self.planned.value())
        self.expiry.setPlaceholderText(self._expiry_hint())
        say(self.message, "")

    def _expiry_hint(self) -> str:
        """What the finished lot will expire on when no date is typed: its shelf life from the day made, or
        the earliest expiry of the lots planned, whichever is sooner (as saving will)."""
        assert self.draft is not None
        product = recipes.get(self.draft.recipe_id).product_id
        day = self.draft.day or today()
        dates = [lot.expires_on for lot in Lot.select(Lot.expires_on).where(
            Lot.id.in_([u.lot_id for u in self.draft.uses if u.lot_id is not None]) & Lot.expires_on.is_null(False))]
        shelf = default_expiry(product, day)
        found = [d for d in (shelf, *dates) if d is not None]
        if not found:
            return _("empty: no expiry")
        return _("empty: {date} (its shelf life or the earliest ingredient's)").format(date=format_date(min(found)))

    def _uses(self) -> tuple[Use, ...]:
        assert self.draft is not None
        out = []
        for n, u in enumerate(self.draft.uses):
            item = self.uses.item(n, 2)
            qty = parse_quantity(item.text() if item is not None else "0")
            if qty.denominator != 1:
                raise InputError("“{text}” is not a quantity", text=item.text() if item else "")
            if qty:
                out.append(Use(u.item_id, int(qty), u.lot_id))
        return tuple(out)

    def commit(self) -> None:
        if self.draft is None:
            say(self.message, _("Plan the batch first"), error=True)
            return
        try:
            labour = self.labour.work()
            day = parse_date(self.day.text())
            expiry = parse_date(self.expiry.text()) if self.expiry.text().strip() else None
            overheads = ((Overhead(_("Overhead"), Money.parse(self.overhead.text())),)
                         if self.overhead.text().strip() else ())
            draft = BatchDraft(**{**self.draft.__dict__, "uses": self._uses(), "yield_quantity": self.made.value(),
                                  "labour": labour, "overheads": overheads, "byproducts": tuple(self.byproducts),
                                  "day": day, "expires_on": expiry, "beyond_components": self.beyond.isChecked()})
            self.last = batches.commit_batch(self.ctx.actor, draft)
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        r = self.last
        self.result.setText(_("Batch {number}: cost {total} (materials {materials}, labour {labour}, overhead "
                              "{overhead}); {made} made, {unit} each (remainder {rem} satang on the lot)").format(
            number=r.number, total=r.total.format(), materials=r.materials.format(), labour=r.labour.format(),
            overhead=r.overhead.format(), made=r.yield_quantity, unit=r.unit_cost.format(), rem=r.remainder_satang)
            + "\n" + (_("Expires {date}.").format(date=format_date(r.expires_on)) if r.expires_on else _("No expiry.")))
        self.draft = None
        self.byproducts = []
        self.labour.clear()
        self.overhead.clear()
        self.expiry.clear()
        self.expiry.setPlaceholderText(_("empty: its shelf life or the earliest ingredient's"))
        self.beyond.setChecked(False)
        self.made.setValue(0)
        self._show_byproducts()
        fill(self.uses, [])
        say(self.message, _("Saved: lot {number}").format(number=r.number))

    def labels(self) -> None:
        """Labels for what the last batch made, one per piece."""
        if self.last is None:
            say(self.message, _("Save a batch first"), error=True)
            return
        print_labels(self.ctx, self.message, self.last.lot_id, self.last.yield_quantity)

    def cost_sheet(self) -> None:
        if self.last is None:
            say(self.message, _("Save a batch first"), error=True)
            return
        export_report(self.ctx, self.message, reports.cost_sheet(self.last.uuid), f"cost-sheet-{self.last.number}")

