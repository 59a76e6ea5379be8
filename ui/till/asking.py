"""The till's small questions (a discount, a reason, which held sale) with Thai buttons.

``QInputDialog.getText``/``getItem`` show Qt's own "OK" and "Cancel", which stay English: PySide6 ships no
Thai translation of Qt itself.  These ask the same with the buttons through our catalogue."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from resources.i18n import _


def _dialog(parent: QWidget, title: str, label: str) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setObjectName("till_question")
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setOkButtonText(_("OK"))
    dialog.setCancelButtonText(_("Cancel"))
    return dialog


def ask_text(parent: QWidget, title: str, label: str) -> tuple[str, bool]:
    dialog = _dialog(parent, title, label)
    ok = dialog.exec() == QInputDialog.DialogCode.Accepted
    text = dialog.textValue()
    dialog.deleteLater()
    return text, ok


def ask_choice(parent: QWidget, title: str, label: str, choices: list[str]) -> tuple[str, bool]:
    dialog = _dialog(parent, title, label)
    dialog.setComboBoxItems(choices)
    dialog.setComboBoxEditable(False)
    dialog.setTextValue(choices[0] if choices else "")
    ok = dialog.exec() == QInputDialog.DialogCode.Accepted
    text = dialog.textValue()
    dialog.deleteLater()
    return text, ok
