"""(Interim) the product picker: a list of products filtered as you type.  Replaced by the indexed picker."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from pos_app.selling.catalog import ItemView
from pos_app.thai.sorting import search_key


class ProductPicker(QWidget):
    picked = Signal(object)

    def __init__(self, views: list[ItemView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.views = views
        self.list = QListWidget()
        self.list.setObjectName("products")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setGridSize(self.list.gridSize().expandedTo(self.list.gridSize()))
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.itemClicked.connect(lambda it: self.picked.emit(it.data(Qt.ItemDataRole.UserRole)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.set_query("")

    def matches(self, text: str) -> list[ItemView]:
        key = search_key(text)
        return [v for v in self.views if not key or key in search_key(v.name_th) or key in v.name_en.lower()
                or key in v.sku.lower()]

    def set_query(self, text: str) -> None:
        self.list.clear()
        for view in self.matches(text):
            item = QListWidgetItem(f"{view.name}\n{view.price.format()}")
            item.setData(Qt.ItemDataRole.UserRole, view)
            item.setSizeHint(item.sizeHint().expandedTo(item.sizeHint()))
            self.list.addItem(item)


def pick_list(parent: QWidget, views: list[ItemView]) -> ItemView | None:
    dialog = QDialog(parent)
    box = QListWidget(dialog)
    for view in views:
        item = QListWidgetItem(f"{view.name}  {view.price.format()}")
        item.setData(Qt.ItemDataRole.UserRole, view)
        box.addItem(item)
    box.setCurrentRow(0)
    box.itemActivated.connect(lambda _it: dialog.accept())
    QVBoxLayout(dialog).addWidget(box)
    if dialog.exec() != QDialog.DialogCode.Accepted or box.currentItem() is None:
        return None
    chosen: ItemView = box.currentItem().data(Qt.ItemDataRole.UserRole)
    return chosen
