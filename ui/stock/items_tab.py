"""Items, packs and barcodes for the production lead: find an item, change its names, kind, unit (while it
has no stock), shelf life and whether it is still in use, or make a new one; declare its packs (kg = 1000 g,
bottle of 500 ml, pack of 6) and its barcodes."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.models import BASE_UNITS, Barcode, Item, ItemPack, NetworkGroup
from db.models.stock import ItemStockRule
from pos_app.errors import PosError
from pos_app.stock import items, settings
from pos_app.stock.items import STOCK_KINDS
from pos_app.stock.units import parse_quantity, unit_name
from pos_app.thai import search_key
from resources.i18n import N_, _
from ui.shell.context import ShellContext
from ui.stock.item_index import forget, when_ready
from ui.stock.item_picker import SHOWN
from ui.stock.widgets import TOUCH, button, fill, say, table

KINDS = (("finished", N_("Finished good")), ("ingredient", N_("Ingredient")), ("packaging", N_("Packaging")))
UNITS = {"g": N_("gram (g)"), "ml": N_("millilitre (ml)"), "piece": N_("piece")}


class ItemsTab(QWidget):
    def __init__(self, ctx: ShellContext, message: QLabel, keys: QWidget) -> None:
        super().__init__()
        self.ctx, self.message = ctx, message
        self.item_id: int | None = None
        self.rows: list[Item] = []
        self.search_box = QLineEdit()
        self.search_box.setObjectName("item_find")
        self.search_box.setPlaceholderText(_("Find an item by name or code"))
        self.search_box.textEdited.connect(lambda _t: self.load())
        self.list = table("item_list", [_("Code"), _("Name"), _("Unit")], 1)
        self.list.itemSelectionChanged.connect(self.show_item)
        self.sku = QLineEdit()
        self.sku.setObjectName("item_sku")
        self.name_th = QLineEdit()
        self.name_th.setObjectName("item_name_th")
        self.name_en = QLineEdit()
        self.name_en.setObjectName("item_name_en")
        self.kind = QComboBox()
        self.kind.setObjectName("item_kind")
        for code, label in KINDS:
            self.kind.addItem(_(label), code)
        self.unit = QComboBox()
        self.unit.setObjectName("item_unit")
        for code in BASE_UNITS:
            self.unit.addItem(_(UNITS[code]), code)
        self.group = QComboBox()
        self.group.setObjectName("item_group")
        for g in NetworkGroup.select().order_by(NetworkGroup.code):
            self.group.addItem(str(g.name_th), str(g.code))
        self.shelf = QSpinBox()
        self.shelf.setObjectName("item_shelf_life")
        self.shelf.setRange(0, 3650)
        self.shelf.setSpecialValueText(_("no expiry"))
        self.shelf.setSuffix(_(" days"))
        self.active = QCheckBox(_("In use"))
        self.active.setObjectName("item_active")
        self.active.setChecked(True)
        for w in (self.kind, self.unit, self.group, self.shelf, self.sku, self.name_th, self.name_en):
            w.setMinimumHeight(TOUCH - 4)
        new = button(keys, _("New item"), "new_item")
        new.clicked.connect(self.new_item)
        save = button(keys, _("Save item"), "save_item")
        save.clicked.connect(self.save_item)

        self.packs = table("pack_list", [_("Pack"), _("Base units")], 0)
        self.pack_name = QLineEdit()
        self.pack_name.setObjectName("pack_name")
        self.pack_name.setPlaceholderText(_("Pack name (e.g. กิโลกรัม, ขวด 500 มล.)"))
        self.pack_factor = QLineEdit()
        self.pack_factor.setObjectName("pack_factor")
        self.pack_factor.setPlaceholderText(_("Base units in one"))
        add_pack = button(keys, _("Add pack"), "add_pack")
        add_pack.clicked.connect(self.add_pack)
        save_pack = button(keys, _("Change pack"), "save_pack")
        save_pack.clicked.connect(self.save_pack)
        retire = button(keys, _("Retire pack"), "retire_pack")
        retire.clicked.connect(self.retire_pack)
        self.codes = table("barcode_list", [_("Barcode"), _("Units per scan")], 0)
        self.code = QLineEdit()
        self.code.setObjectName("barcode_code")
        self.code.setPlaceholderText(_("Scan or type the barcode"))
        self.code_qty = QSpinBox()
        self.code_qty.setObjectName("barcode_quantity")
        self.code_qty.setRange(1, 1_000_000)
        add_code = button(keys, _("Add barcode"), "add_barcode")
        add_code.clicked.connect(self.add_barcode)
        self.code.returnPressed.connect(self.add_barcode)
        drop_code = button(keys, _("Remove barcode"), "remove_barcode")
        drop_code.clicked.connect(self.remove_barcode)

        form = QFormLayout()
        form.addRow(_("Code"), self.sku)
        form.addRow(_("Thai name"), self.name_th)
        form.addRow(_("English name"), self.name_en)
        kind_row = QHBoxLayout()
        for w in (self.kind, self.unit):
            kind_row.addWidget(w)
        form.addRow(_("Kind and unit"), kind_row)
        group_row = QHBoxLayout()
        for w2 in (self.group, self.shelf, self.active):
            group_row.addWidget(w2)
        form.addRow(_("Group, shelf life"), group_row)
        item_buttons = QHBoxLayout()
        item_buttons.addWidget(new)
        item_buttons.addWidget(save)
        pack_row = QHBoxLayout()
        for w3 in (self.pack_name, self.pack_factor, add_pack, save_pack, retire):
            pack_row.addWidget(w3)
        code_row = QHBoxLayout()
        for w4 in (self.code, self.code_qty, add_code, drop_code):
            code_row.addWidget(w4)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(item_buttons)
        small = QHBoxLayout()
        small.addWidget(self.packs)
        small.addWidget(self.codes)
        right.addLayout(small, 1)
        right.addLayout(pack_row)
        right.addLayout(code_row)
        left = QVBoxLayout()
        left.addWidget(self.search_box)
        left.addWidget(self.list)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        self.load()

    def load(self, select: int | None = None) -> None:
        """The items the search finds (the item picker's index: Thai or English name, code, barcode; the first
        ``SHOWN`` in Thai dictionary order), then those no longer in use that match (few; not in the index),
        the item ``select`` first if it is not among them.  A large catalogue still being indexed: the list
        fills when it is done."""
        text = self.search_box.text()
        index = when_ready(STOCK_KINDS, lambda _i: self._index_ready(select))
        ids = [] if index is None else [v.id for v in index.search(text, limit=SHOWN)]
        key = search_key(text)
        listed = set(ids)
        ids += [int(i.id) for i in Item.select(Item.id, Item.sku, Item.name_th, Item.name_en).where(
            Item.active == False)  # noqa: E712
                if int(i.id) not in listed and search_key(f"{i.sku} {i.name_th} {i.name_en}").find(key) >= 0]
        if select is not None and select not in ids:
            ids.insert(0, select)
        found = {int(i.id): i for i in Item.select().where(Item.id.in_(ids))}
        self.rows = [found[i] for i in ids if i in found]
        fill(self.list, [(str(i.sku), str(i.name_th) + ("" if i.active else " " + _("(not in use)")),
                          unit_name(str(i.base_unit))) for i in self.rows])
        if select is not None:
            for n, i in enumerate(self.rows):
                if i.id == select:
                    self.list.selectRow(n)

    def _index_ready(self, select: int | None) -> None:
        if shiboken6.isValid(self):
            self.load(select)

    def show_item(self) -> None:
        rows = self.list.selectionModel().selectedRows()
        if not rows:
            return
        item = Item.get_by_id(self.rows[rows[0].row()].id)
        self.item_id = int(item.id)
        self.sku.setText(str(item.sku))
        self.sku.setReadOnly(True)  # the code is how other laptops and imports name it
        self.name_th.setText(str(item.name_th))
        self.name_en.setText(str(item.name_en))
        self.kind.setCurrentIndex(self.kind.findData(item.kind))
        self.unit.setCurrentIndex(self.unit.findData(item.base_unit))
        self.group.setCurrentIndex(self.group.findData(item.group.code))
        rule = ItemStockRule.get_or_none(ItemStockRule.item == item.id)
        self.shelf.setValue(int(rule.shelf_life_days or 0) if rule is not None else 0)
        self.active.setChecked(bool(item.active))
        self.show_packs()

    def show_packs(self) -> None:
        if self.item_id is None:
            fill(self.packs, [])
            fill(self.codes, [])
            return
        self.pack_rows = list(ItemPack.select().where(ItemPack.item == self.item_id).order_by(ItemPack.factor))
        fill(self.packs, [(str(p.name_th) + (" " + _("(retired)") if p.retired else ""), f"{int(p.factor):,}")
                          for p in self.pack_rows], {1})
        self.code_rows = list(Barcode.select().where(Barcode.item == self.item_id).order_by(Barcode.code))
        fill(self.codes, [(str(b.code), f"{int(b.quantity):,}") for b in self.code_rows], {1})

    def new_item(self) -> None:
        self.item_id = None
        self.list.clearSelection()
        for w in (self.sku, self.name_th, self.name_en):
            w.clear()
        self.sku.setReadOnly(False)
        self.shelf.setValue(0)
        self.active.setChecked(True)
        self.show_packs()
        self.sku.setFocus()
        say(self.message, _("Type the new item's code and names, then save"))

    def save_item(self) -> None:
        try:
            if self.item_id is None:
                saved = items.create_item(self.ctx.actor, self.sku.text(), str(self.kind.currentData()),
                                          str(self.unit.currentData()), self.name_th.text(), self.name_en.text(),
                                          str(self.group.currentData()))
            else:
                saved = items.update_item(self.ctx.actor, self.item_id, self.name_th.text(), self.name_en.text(),
                                          self.active.isChecked(), str(self.unit.currentData()),
                                          kind=str(self.kind.currentData()), group_code=str(self.group.currentData()))
            settings.set_item_rule(self.ctx.actor, saved.id, self.shelf.value() or None)
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        forget()  # the item pickers find it (its new name) at once
        self.item_id = saved.id
        self.load(select=saved.id)
        say(self.message, _("Item {sku} saved").format(sku=saved.sku))

    def _factor(self) -> int:
        qty = parse_quantity(self.pack_factor.text())
        if qty.denominator != 1 or qty <= 0:
            from pos_app.errors import InputError

            raise InputError("A pack holds a whole number of base units, more than zero")
        return int(qty)

    def add_pack(self) -> None:
        if self.item_id is None:
            say(self.message, _("Choose or save an item first"), error=True)
            return
        try:
            items.add_pack(self.ctx.actor, self.item_id, self.pack_name.text(), "", self._factor())
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        self.pack_name.clear()
        self.pack_factor.clear()
        self.show_packs()
        say(self.message, _("Pack added"))

    def save_pack(self) -> None:
        rows = self.packs.selectionModel().selectedRows()
        if self.item_id is None or not rows:
            say(self.message, _("Choose the pack to change in its list first"), error=True)
            return
        pack = self.pack_rows[rows[0].row()]
        try:
            items.update_pack(self.ctx.actor, int(pack.id), self.pack_name.text() or str(pack.name_th), "",
                              self._factor())
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        self.show_packs()
        say(self.message, _("Pack changed"))

    def retire_pack(self) -> None:
        rows = self.packs.selectionModel().selectedRows()
        if self.item_id is None or not rows:
            say(self.message, _("Choose the pack to retire in its list first"), error=True)
            return
        pack = self.pack_rows[rows[0].row()]
        try:
            items.retire_pack(self.ctx.actor, int(pack.id))
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        self.show_packs()
        say(self.message, _("Pack “{pack}” retired: no longer offered (add it again to bring it back)").format(
            pack=pack.name_th))

    def add_barcode(self) -> None:
        if self.item_id is None:
            say(self.message, _("Choose or save an item first"), error=True)
            return
        try:
            items.add_barcode(self.ctx.actor, self.item_id, self.code.text(), self.code_qty.value())
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        forget()
        self.code.clear()
        self.show_packs()
        say(self.message, _("Barcode added"))

    def remove_barcode(self) -> None:
        rows = self.codes.selectionModel().selectedRows()
        if not rows:
            say(self.message, _("Choose the barcode to remove in its list first"), error=True)
            return
        try:
            items.remove_barcode(self.ctx.actor, str(self.code_rows[rows[0].row()].code))
        except PosError as err:
            say(self.message, err.message, error=True)
            return
        forget()
        self.show_packs()
        say(self.message, _("Barcode removed"))
