"""The app shell: a maximised window with the log-in page, then each role's areas behind a navigation bar.

After log-in a person lands on their role's home (``ui.shell.areas.home_for``); the bar lists only the
areas their role may use, each with its shortcut key.  Pages are built on first visit and kept until log-out
or a language switch (which rebuilds them in the new language, keeping ``ShellContext.session``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.people.permissions import role_label
from pos_app.people.users import Actor
from pos_app.selling.tills import TillInfo, till_info
from resources.i18n import _, language, set_language
from ui.shell.areas import Area, areas_for, home_for
from ui.shell.background import BackgroundTask, run_in_background
from ui.shell.bridge import EventBridge
from ui.shell.context import ShellContext
from ui.shell.login import LoginPage

STYLE = """
QPushButton { min-height: 44px; padding: 0 12px; }
QLineEdit, QComboBox, QSpinBox, QDateEdit { min-height: 40px; }
QPushButton#nav { padding: 0 6px; }
QPushButton#nav[current="true"] { background: #1f6f43; color: white; font-weight: bold; }
QLabel#person { font-weight: bold; }
"""
MIN_WIDTH, MIN_HEIGHT = 1000, 560  # usable on a 1024×600 netbook with its task bar


def show_on_screen(window: QMainWindow) -> None:
    """Maximised; and the screen's whole free area first, for a desktop whose window manager ignores
    "maximised" (none at all, some kiosk setups): there the window stayed at its 1000×560 minimum."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.availableGeometry())
    window.showMaximized()
    window.activateWindow()  # no window manager gives it the keys: typed keys reached the PIN field, but
    # every shortcut (F2…F10, Ctrl+S) stayed dead until a click on a home page other than the till's


class MainWindow(QMainWindow):
    def __init__(self, till_code: str | None = None, where: str = "") -> None:
        super().__init__()
        self.till: TillInfo = till_info(till_code)
        self.where = where
        self.actor: Actor | None = None
        self.session: dict[str, Any] = {}
        self.bridge = EventBridge(self)
        self.pages: dict[str, QWidget] = {}
        self.nav_buttons: dict[str, QPushButton] = {}
        self.shortcuts: list[QShortcut] = []
        self.current_area = ""
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.setStyleSheet(STYLE)
        self.rebuild()
        from ui.people.idle import IdleWatch

        self.idle_watch = IdleWatch(self)  # back to the log-in page after an idle time
        from ui.shell.scheduled_backup import after_first_paint  # the backup on a schedule, out of start-up

        after_first_paint(self)

    # -- building ---------------------------------------------------------------------------------
    def rebuild(self) -> None:
        """(Re)build the bar and pages in the current language, keeping who is logged in and the session."""
        self.setWindowTitle(_("Community shop till — {shop}").format(shop=self.till.shop_name))
        for shortcut in self.shortcuts:
            shortcut.setEnabled(False)
            shortcut.deleteLater()
        self.shortcuts = []
        self.pages, self.nav_buttons = {}, {}
        self.nav = QHBoxLayout()
        self.nav.setSpacing(4)
        self.person = QLabel()
        self.person.setObjectName("person")
        self.person.setWordWrap(True)  # the name gives way (two lines) before the area buttons are cut
        self.person.setMinimumWidth(120)
        self.person.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.person.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.busy = QProgressBar()
        self.busy.setObjectName("busy")
        self.busy.setMaximumWidth(160)
        self.busy.setVisible(False)
        self.lang_button = QPushButton("English" if language() == "th" else "ภาษาไทย")
        self.lang_button.setObjectName("language")
        self.lang_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lang_button.clicked.connect(self.toggle_language)
        self.logout_button = QPushButton(_("Log out"))
        self.logout_button.setObjectName("logout")
        self.logout_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.logout_button.clicked.connect(lambda: self.logout())  # not clicked(False) as ask=False
        bar = QHBoxLayout()
        bar.addLayout(self.nav)
        bar.addWidget(self.busy)
        bar.addWidget(self.person, 1)
        bar.addWidget(self.lang_button)
        bar.addWidget(self.logout_button)
        self.stack = QStackedWidget()
        self.login_page = LoginPage(self.till)
        self.login_page.logged_in.connect(self.on_login)
        self.stack.addWidget(self.login_page)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        if self.actor is not None:
            self._build_nav(self.actor)
            self.show_area(self.current_area or home_for(self.actor.role))
        else:
            self.login_page.focus_pin()
        self._update_header()

    def _build_nav(self, actor: Actor) -> None:
        for area in areas_for(actor.role):
            button = QPushButton(f"{_(area.label)}  {area.shortcut}")
            button.setObjectName("nav")
            button.setProperty("area", area.key)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the cursor
            button.clicked.connect(lambda _c=False, k=area.key: self.show_area(k))
            button.setMinimumWidth(button.sizeHint().width())  # at 1024 px the admin's seven labels were cut
            self.nav.addWidget(button)
            self.nav_buttons[area.key] = button
            shortcut = QShortcut(QKeySequence(area.shortcut), self)
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            shortcut.activated.connect(lambda k=area.key: self.show_area(k))
            self.shortcuts.append(shortcut)

    def context(self) -> ShellContext:
        assert self.actor is not None
        return ShellContext(self.actor, self.till, self.bridge, self.background, self.show_area, self.session)

    def _area(self, key: str) -> Area | None:
        if self.actor is None:
            return None
        return next((a for a in areas_for(self.actor.role) if a.key == key), None)

    # -- navigation -------------------------------------------------------------------------------
    def show_area(self, key: str) -> None:
        area = self._area(key)
        if area is None:
            return
        page = self.pages.get(key)
        if page is None:
            page = area.build(self.context())
            page.setProperty("area", key)
            self.pages[key] = page
            self.stack.addWidget(page)
        self.current_area = key
        self.stack.setCurrentWidget(page)
        for k, button in self.nav_buttons.items():
            button.setProperty("current", "true" if k == key else "false")
            button.style().unpolish(button)
            button.style().polish(button)
        entered = getattr(page, "entered", None)
        if callable(entered):
            entered()

    def current_page(self) -> QWidget | None:
        return self.pages.get(self.current_area)

    def _update_header(self) -> None:
        if self.actor is None:
            self.person.setText(f"{self.till.shop_name} · {_('Till {code}').format(code=self.till.code)}")
        else:
            self.person.setText(f"{self.actor.display_name} ({role_label(self.actor.role)}) · "
                                + _("Till {code}").format(code=self.till.code))
        self.logout_button.setVisible(self.actor is not None)

    # -- people -----------------------------------------------------------------------------------
    def on_login(self, actor: Actor) -> None:
        self.actor = actor
        self.session = {}
        self.current_area = ""
        self._build_nav(actor)
        self.show_area(home_for(actor.role))
        self._update_header()
        if self.isVisible():
            self.activateWindow()  # the area keys work at once on every role's home (see show_on_screen)
        if hasattr(self, "idle_watch"):
            self.idle_watch.logged_in(actor)

    def logout(self, ask: bool = True) -> bool:
        """Log out; each built page may refuse (``before_logout()`` returning False, e.g. an open cart the
        seller chose not to hold or cancel).  Returns whether the person was logged out.  The idle lock
        passes ``ask=False``: nobody is there to answer, and it keeps the session itself."""
        for page in self.pages.values() if ask else ():
            check = getattr(page, "before_logout", None)
            if callable(check) and not check():
                return False
        self.actor = None
        self.session = {}
        self.current_area = ""
        self.rebuild()
        return True

    def toggle_language(self) -> None:
        set_language("en" if language() == "th" else "th")
        self.rebuild()

    # -- background work --------------------------------------------------------------------------
    def background(self, fn: Any, on_done: Any = None, on_error: Any = None, label: str = "") -> BackgroundTask:
        """The shell's one background wrapper: a busy bar in the top bar while ``fn`` runs off the GUI thread."""
        self.busy.setFormat(label or _("Working…"))
        self.busy.setRange(0, 0)
        self.busy.setVisible(True)

        def progress(done: int, total: int) -> None:
            self.busy.setRange(0, max(total, 1))
            self.busy.setValue(done)

        task = run_in_background(fn, on_done, on_error, progress, parent=self)
        task.finished.connect(lambda: self.busy.setVisible(False))
        return task
