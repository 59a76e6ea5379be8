"""Asking the weight of goods sold by the kilo: typed as the scale shows it (kg by default, or g), Thai digits
accepted, with a keypad for touch.  The core reads it (:func:`pos_app.selling.weights.parse_weight`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos_app.errors import PosError
from pos_app.selling.catalog import ItemView
from pos_app.selling.weights import parse_weight
from resources.i18n import _


class WeightDialog(QDialog):
    def __init__(self, item: ItemView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weight_dialog")
        self.setWindowTitle(_("Weight"))
        self.grams = 0
        self.unit = "kg"
        per = _("{price} per {qty:,} g").format(price=item.price.format(), qty=item.per_quantity)
        title = QLabel(f"<b>{item.name}</b><br>{per}")
        self.field = QLineEdit()
        self.field.setObjectName("weight")
        self.field.setStyleSheet("font-size: 20pt;")
        self.field.setPlaceholderText(_("e.g. 0.35"))  # the long hint was cut off in the field: it is a label
        self.hint = QLabel(_("Weight as the scale shows it, e.g. 0.35"))
        self.hint.setObjectName("weight_hint")
        self.hint.setWordWrap(True)
        self.field.returnPressed.connect(self.accept_weight)
        self.kg = QPushButton(_("kg"))
        self.kg.setObjectName("unit_kg")
        self.g = QPushButton(_("g"))
        self.g.setObjectName("unit_g")
        for b, unit in ((self.kg, "kg"), (self.g, "g")):
            b.setCheckable(True)
            b.setMinimumSize(64, 44)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _c=False, u=unit: self.set_unit(u))
        units = QHBoxLayout()
        units.addWidget(self.field, 1)
        units.addWidget(self.kg)
        units.addWidget(self.g)
        keypad = QGridLayout()
        for n, key in enumerate(["7", "8", "9", "4", "5", "6", "1", "2", "3", ".", "0", "⌫"]):
            b = QPushButton(key)
            b.setMinimumSize(64, 44)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _c=False, k=key: self._key(k))
            keypad.addWidget(b, n // 3, n % 3)
        self.message = QLabel()
        self.message.setObjectName("weight_message")
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        self.message.setWordWrap(True)
        ok = QPushButton(_("Add  Enter"))
        ok.setObjectName("weight_ok")
        ok.setMinimumHeight(48)
        ok.clicked.connect(self.accept_weight)
        cancel = QPushButton(_("Cancel  Esc"))
        cancel.setMinimumHeight(48)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addWidget(ok, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.hint)
        layout.addLayout(units)
        layout.addLayout(keypad)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        for button in self.findChildren(QPushButton):  # Enter belongs to the weight field: a weight refused
            button.setAutoDefault(False)  # and Enter clicked Qt's default button (Cancel) and closed the box
        self.set_unit("kg")
        self.field.setFocus()

    def set_unit(self, unit: str) -> None:
        self.unit = unit
        self.kg.setChecked(unit == "kg")
        self.g.setChecked(unit == "g")
        self.field.setFocus()

    def _key(self, key: str) -> None:
        if key == "⌫":
            self.field.backspace()
        else:
            self.field.insert(key)
        self.field.setFocus()

    def accept_weight(self) -> None:
        try:
            self.grams = parse_weight(self.field.text(), self.unit)
        except PosError as err:
            self.message.setText(err.message)
            self.field.selectAll()
            return
        self.accept()
