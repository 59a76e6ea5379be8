"""The main window: log-in page, then the till.  Holds the state that outlives a language switch."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.people.permissions import role_label
from pos_app.people.users import Actor
from pos_app.selling.cart import Cart
from pos_app.selling.tills import TillInfo, till_info
from resources.i18n import _, language, set_language
from ui.bridge import EventBridge
from ui.login import LoginPage
from ui.till import TillPage


class MainWindow(QMainWindow):
    def __init__(self, till_code: str | None = None, where: str = "") -> None:
        super().__init__()
        self.till: TillInfo = till_info(till_code)
        self.where = where
        self.actor: Actor | None = None
        self.cart = Cart()
        self.bridge = EventBridge(self)
        self.till_page: TillPage | None = None
        self.resize(1200, 800)
        self.rebuild()

    def rebuild(self) -> None:
        """(Re)build every page in the current language, keeping who is logged in and the open cart."""
        self.setWindowTitle(_("Community shop till — {shop}").format(shop=self.till.shop_name))
        self.header = QLabel()
        self.header.setObjectName("header")
        self.lang_button = QPushButton("English" if language() == "th" else "ภาษาไทย")
        self.lang_button.setObjectName("language")
        self.lang_button.clicked.connect(self.toggle_language)
        self.logout_button = QPushButton(_("Log out"))
        self.logout_button.setObjectName("logout")
        self.logout_button.clicked.connect(self.logout)
        bar = QHBoxLayout()
        bar.addWidget(self.header, 1)
        bar.addWidget(self.lang_button)
        bar.addWidget(self.logout_button)
        self.stack = QStackedWidget()
        self.login_page = LoginPage()
        self.login_page.logged_in.connect(self.on_login)
        self.stack.addWidget(self.login_page)
        self.till_page = None
        if self.actor is not None:
            self.till_page = TillPage(self.till, self.actor, self.cart)
            self.stack.addWidget(self.till_page)
            self.stack.setCurrentWidget(self.till_page)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(bar)
        layout.addWidget(self.stack)
        self.setCentralWidget(central)
        self._update_header()

    def _update_header(self) -> None:
        parts = [self.till.shop_name, _("Till {code}").format(code=self.till.code)]
        if self.actor is not None:
            parts.append(f"{self.actor.display_name} ({role_label(self.actor.role)})")
        self.header.setText("  ·  ".join(parts))
        self.logout_button.setVisible(self.actor is not None)

    def on_login(self, actor: Actor) -> None:
        self.actor = actor
        self.till_page = TillPage(self.till, actor, self.cart)
        self.stack.addWidget(self.till_page)
        self.stack.setCurrentWidget(self.till_page)
        self._update_header()

    def logout(self) -> None:
        self.actor = None
        if self.till_page is not None:
            self.stack.removeWidget(self.till_page)
            self.till_page.deleteLater()
            self.till_page = None
        self.stack.setCurrentWidget(self.login_page)  # built by rebuild()
        self._update_header()

    def toggle_language(self) -> None:
        set_language("en" if language() == "th" else "th")
        self.rebuild()
