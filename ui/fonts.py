"""Load the bundled Thai font into Qt so Thai shows on a machine with no Thai fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from resources import font_path


def install_thai_font(app: QApplication, point_size: int = 12) -> str:
    """Register Sarabun (Regular and Bold) and make it the application font; returns the family name."""
    family = ""
    for weight in ("Regular", "Bold"):
        font_id = QFontDatabase.addApplicationFont(str(font_path(weight)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else "")
    if family:
        app.setFont(QFont(family, point_size))
    return family
