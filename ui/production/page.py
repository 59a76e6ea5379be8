"""The production lead's batch screen: choose a recipe and how many to make, see the ingredients it will
take (lots first-expiry-first-out, editable), who worked and for how long, overheads, what was actually
made; commit, and see the batch's exact cost, unit cost and finished lot; print its cost sheet."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.models import Item, Lot
from db.models.production import Recipe
from pos_app.errors import InputError, PosError
from pos_app.money import Money
from pos_app.production import batches, recipes
from pos_app.production.batches import BatchDraft, BatchResult, Overhead, Use, Work
from pos_app.stock import reports
from pos_app.stock.units import parse_quantity
from resources.i18n import _
from ui.shell.context import ShellContext
from ui.stock.widgets import button, fill, message_label, save_report, say, table


class ProductionPage(QWidget):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("production")
        self.ctx = ctx
        self.shop_id = ctx.till.shop_id
        self.draft: BatchDraft | None = None
        self.last: BatchResult | None = None
        self.recipe = QComboBox()
        self.recipe.setObjectName("recipe")
        products = {r.product_id for r in Recipe.select(Recipe.product)}
        for item in Item.select().where(Item.id.in_(list(products))).order_by(Item.sku):
            view = recipes.current(item.id)
            if view is not None:
                self.recipe.addItem(_("{name} — recipe v{version}, makes {yield_}").format(
                    name=item.name_th, version=view.version, yield_=view.yield_quantity), view.id)
        self.planned = QSpinBox()
        self.planned.setObjectName("planned")
        self.planned.setRange(1, 1_000_000)
        plan = button(self, _("Plan"), "plan", "F5")
        plan.clicked.connect(self.plan)
        self.uses = table("uses", [_("Item"), _("Lot"), _("Quantity")])
        self.made = QSpinBox()
        self.made.setObjectName("made")
        self.made.setRange(0, 1_000_000)
        self.member = QLineEdit()
        self.member.setObjectName("member")
        self.member.setPlaceholderText(_("Who worked (names, comma between)"))
        self.minutes = QSpinBox()
        self.minutes.setObjectName("minutes")
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSuffix(_(" min"))
        self.rate = QLineEdit()
        self.rate.setObjectName("rate")
        self.rate.setPlaceholderText(_("Rate per hour (฿)"))
        self.overhead = QLineEdit()
        self.overhead.setObjectName("overhead")
        self.overhead.setPlaceholderText(_("Gas, electricity … (฿)"))
        commit = button(self, _("Save batch"), "commit_batch", "Ctrl+S")
        commit.clicked.connect(self.commit)
        sheet = button(self, _("Cost sheet PDF"), "cost_sheet", "F6")
        sheet.clicked.connect(self.cost_sheet)
        self.result = QLabel("")
        self.result.setObjectName("batch_result")
        self.result.setStyleSheet("font-size: 14pt;")
        self.message = message_label("production_message")

        top = QHBoxLayout()
        top.addWidget(self.recipe, 3)
        top.addWidget(QLabel(_("How many")))
        top.addWidget(self.planned)
        top.addWidget(plan)
        form = QFormLayout()
        form.addRow(_("Actually made"), self.made)
        work = QHBoxLayout()
        for w in (self.member, self.minutes, self.rate):
            work.addWidget(w)
        form.addRow(_("Labour"), work)
        form.addRow(_("Overhead"), self.overhead)
        bottom = QHBoxLayout()
        bottom.addWidget(commit)
        bottom.addWidget(sheet)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(_("Ingredients and packaging to use (change a quantity if needed)")))
        layout.addWidget(self.uses, 2)
        layout.addLayout(form)
        layout.addLayout(bottom)
        layout.addWidget(self.result)
        layout.addWidget(self.message)

    def plan(self) -> None:
        if self.recipe.currentData() is None:
            say(self.message, _("There is no recipe yet"), error=True)
            return
        try:
            self.draft = batches.plan_batch(int(self.recipe.currentData()), self.shop_id, self.planned.value())
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        names = {i.id: i.name_th for i in Item.select().where(Item.id.in_([u.item_id for u in self.draft.uses]))}
        lots = {lot.id: lot.number for lot in Lot.select().where(Lot.id.in_([u.lot_id for u in self.draft.uses
                                                                             if u.lot_id is not None]))}
        fill(self.uses, [(names[u.item_id], lots.get(u.lot_id or 0, _("(not in stock)")), "") for u in self.draft.uses])
        for n, u in enumerate(self.draft.uses):
            editable = QTableWidgetItem(str(u.quantity))
            self.uses.setItem(n, 2, editable)
        self.made.setValue(self.planned.value())
        say(self.message, "")

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
            rate = Money.parse(self.rate.text()) if self.rate.text().strip() else Money(0)
            names = [n.strip() for n in self.member.text().split(",") if n.strip()]
            labour = tuple(Work(name, self.minutes.value(), rate) for name in names)
            overheads = ((Overhead(_("Overhead"), Money.parse(self.overhead.text())),)
                         if self.overhead.text().strip() else ())
            draft = BatchDraft(**{**self.draft.__dict__, "uses": self._uses(), "yield_quantity": self.made.value(),
                                  "labour": labour, "overheads": overheads})
            self.last = batches.commit_batch(self.ctx.actor, draft)
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        r = self.last
        self.result.setText(_("Batch {number}: cost {total} (materials {materials}, labour {labour}, overhead "
                              "{overhead}); {made} made, {unit} each (remainder {rem} satang on the lot)").format(
            number=r.number, total=r.total.format(), materials=r.materials.format(), labour=r.labour.format(),
            overhead=r.overhead.format(), made=r.yield_quantity, unit=r.unit_cost.format(), rem=r.remainder_satang))
        self.draft = None
        fill(self.uses, [])
        say(self.message, _("Saved"))

    def cost_sheet(self) -> None:
        if self.last is None:
            say(self.message, _("Save a batch first"), error=True)
            return
        path = save_report(reports.cost_sheet(self.last.uuid), f"cost-sheet-{self.last.number}")
        say(self.message, _("Saved {path}").format(path=str(path)))

