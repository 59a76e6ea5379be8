"""The till's small questions (a discount, a reason, which held sale, "is that cash right?") with Thai buttons.

``QInputDialog.getText``/``getItem`` and ``QMessageBox.question``/``warning`` show Qt's own "OK", "Cancel",
"Yes" and "No", which stay English: PySide6 ships no Thai translation of Qt itself.  These ask the same with
the buttons through our catalogue, each at least 44 px high (a finger)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QPushButton, QWidget

from resources.i18n import _


def modal(dialog: QDialog) -> int:
    """Ask with ``dialog`` (modal) and wait for the answer; then hand the keys back to the window it was asked
    over.  Without a window manager (a kiosk, a netbook with a bare X session) nobody activates that window
    again, and every shortcut of the till (F5, F12, Esc…) went nowhere until the seller clicked it.  The
    window's own focus (the cash box, the scan field) comes back with it."""
    result = dialog.exec()
    owner = dialog.parentWidget()
    if owner is not None and owner.isVisible():
        owner.window().activateWindow()
    return result


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
    ok = modal(dialog) == QInputDialog.DialogCode.Accepted
    text = dialog.textValue()
    dialog.deleteLater()
    return text, ok


def ask_choice(parent: QWidget, title: str, label: str, choices: list[str]) -> tuple[str, bool]:
    dialog = _dialog(parent, title, label)
    dialog.setComboBoxItems(choices)
    dialog.setComboBoxEditable(False)
    dialog.setTextValue(choices[0] if choices else "")
    ok = modal(dialog) == QInputDialog.DialogCode.Accepted
    text = dialog.textValue()
    dialog.deleteLater()
    return text, ok


def _box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("till_message")
    return box


def _add(box: QMessageBox, name: str, text: str, role: QMessageBox.ButtonRole) -> QPushButton:
    button = box.addButton(text, role)
    button.setObjectName(name)
    button.setMinimumSize(120, 44)
    return button


def ask_yes_no(parent: QWidget, title: str, text: str, yes: str = "", no: str = "") -> bool:
    """A question with two buttons in the seller's language (default "Yes" / "No"); Esc answers no."""
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    answer_yes = _add(box, "answer_yes", yes or _("Yes"), QMessageBox.ButtonRole.YesRole)
    answer_no = _add(box, "answer_no", no or _("No"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(answer_no)
    box.setEscapeButton(answer_no)
    modal(box)
    chosen = box.clickedButton() is answer_yes
    box.deleteLater()
    return chosen


def tell(parent: QWidget, title: str, text: str) -> None:
    """A message the seller closes with OK (Enter or Esc), in her language."""
    box = _box(parent, QMessageBox.Icon.Warning, title, text)
    ok = _add(box, "answer_ok", _("OK"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(ok)
    box.setEscapeButton(ok)
    modal(box)
    box.deleteLater()
