"""The PromptPay QR on a second screen facing the customer, when one is connected.

With more than one screen (``QGuiApplication.screens()``), the first that is not the primary one faces the
customer: a frameless window fills it with the shop's name, the amount in large digits and the QR, from the
moment the seller shows the QR until the seller confirms the money arrived or goes back.  With one screen
nothing opens (the QR is large on the till itself).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pos_app.money import Money
from resources.i18n import _


def available_screens() -> Sequence[Any]:
    """The connected screens (tests replace this with a faked list)."""
    return QGuiApplication.screens()


def customer_screen() -> Any | None:
    """The screen facing the customer, or ``None`` when only one screen is connected."""
    screens = list(available_screens())
    if len(screens) < 2:
        return None
    primary = QGuiApplication.primaryScreen()
    others = [s for s in screens if s is not primary]
    return others[0] if len(others) < len(screens) else screens[1]


class CustomerDisplay(QWidget):
    """A frameless window on the customer's screen: shop name, amount, QR."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
                         | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setObjectName("customer_display")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setStyleSheet("background: white; color: black;")
        self.shop = QLabel()
        self.shop.setObjectName("customer_shop")
        self.shop.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.shop.setStyleSheet("font-size: 28pt; font-weight: bold;")
        self.amount = QLabel()
        self.amount.setObjectName("customer_amount")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.amount.setStyleSheet("font-size: 64pt; font-weight: bold; color: #0b3d91;")
        self.qr = QLabel()
        self.qr.setObjectName("customer_qr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel()
        self.caption.setObjectName("customer_caption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setStyleSheet("font-size: 20pt;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.shop)
        layout.addWidget(self.amount)
        layout.addWidget(self.qr, 1)
        layout.addWidget(self.caption)

    def show_qr(self, screen: Any, qr: QImage, amount: Money, shop_name: str) -> None:
        area: QRect = screen.geometry()
        handle = self.windowHandle()
        if handle is not None and hasattr(screen, "serialNumber"):  # a real QScreen (not a test's fake)
            handle.setScreen(screen)
        self.setGeometry(area)
        self.shop.setText(shop_name)
        self.amount.setText(amount.format())
        self.caption.setText(_("Scan with your bank app to pay with PromptPay"))
        side = max(160, min(area.width() - 80, area.height() - 300))
        self.qr.setPixmap(QPixmap.fromImage(qr).scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                                                       Qt.TransformationMode.FastTransformation))
        self.show()

    def clear(self) -> None:
        self.hide()
        self.qr.clear()
        self.amount.clear()
