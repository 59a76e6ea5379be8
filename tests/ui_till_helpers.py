"""Driving the till as a seller does, with real key and mouse events (pytest-qt)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QPushButton, QWidget

from db.models import Barcode, Item, User
from pos_app.people.users import Actor
from pos_app.selling.tills import till_info
from ui.app import application
from ui.shell.background import run_in_background
from ui.shell.bridge import EventBridge
from ui.shell.context import ShellContext
from ui.shell.window import MainWindow
from ui.till.page import TillPage

SMALLEST_SCREEN = (1024, 600)  # the netbook: every screen must work from here up


class KeyClock:
    """The scanner catcher's clock: 5 ms between a scanner's keys, 200 ms between a person's."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.step = 0.005

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def open_window(qtbot: Any, size: tuple[int, int] | None = SMALLEST_SCREEN, login: tuple[str, str] | None = None,
                active: bool = False) -> MainWindow:
    """The app's window at till T1, shown (the ``window`` fixture of tests/conftest.py makes it; a test or
    module says how with ``@pytest.mark.window(size=…, login=(name, pin), active=True)``): ``size`` (``None``:
    the window's own size), logged in as ``login``, made the active window first when ``active``."""
    application()
    win = MainWindow("T1")
    qtbot.addWidget(win)
    if size is not None:
        win.resize(*size)
    if active:
        with qtbot.waitActive(win):
            win.show()
            win.activateWindow()
    else:
        win.show()
    if login is not None:
        log_in(win, qtbot, *login)
    return win


def actor(login: str) -> Actor:
    """The Actor of a demo user without the (deliberately slow) PIN check."""
    user = User.get(User.login == login)
    return Actor(user.id, user.uuid, user.login, user.display_name, user.role)


def shell_context(who: str | Actor, till: str = "T1") -> ShellContext:
    """What a screen of the shell is given (for a dialog tested without the window): ``who`` at ``till``;
    background work runs on a real thread."""
    application()

    def background(fn: Any, on_done: Any = None, on_error: Any = None, label: str = "") -> Any:
        return run_in_background(fn, on_done, on_error)

    person = actor(who) if isinstance(who, str) else who
    return ShellContext(person, till_info(till), EventBridge(), background, lambda key: None)


def key_clicks(qtbot: Any, widget: QWidget, text: str) -> None:
    """``qtbot.keyClicks`` for any text: QTest maps only Latin-1 characters to keys, so Thai characters (what a
    Thai keyboard layout sends) go as key events carrying their text, through the application like real keys."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClick(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def barcode_of(sku: str) -> str:
    return str(Barcode.select(Barcode.code).join(Item).where(Item.sku == sku).order_by(Barcode.id).scalar())


def child(win: QWidget, kind: type, name: str) -> Any:
    root = win.centralWidget() if isinstance(win, MainWindow) else win
    assert root is not None
    found = root.findChild(kind, name)
    assert found is not None, name
    return found


def log_in(win: MainWindow, qtbot: Any, login_name: str, pin: str) -> None:
    people: QListWidget = child(win, QListWidget, "people")
    for row in range(people.count()):
        if people.item(row).data(Qt.ItemDataRole.UserRole) == login_name:
            people.setCurrentRow(row)
    pin_field: QLineEdit = child(win, QLineEdit, "pin")
    qtbot.keyClicks(pin_field, pin)
    qtbot.keyClick(pin_field, Qt.Key.Key_Return)


def till_page(win: MainWindow) -> TillPage:
    page = win.current_page()
    assert isinstance(page, TillPage)
    return page


def scan(page: TillPage, qtbot: Any, code: str, into: QWidget | None = None) -> None:
    """A scanner's burst into whatever has the cursor (or ``into``)."""
    clock = KeyClock()
    clock.now = max(clock.now, page.catcher.last + 1.0)  # after any key before it: time never runs back
    page.catcher.clock = clock
    focus = QApplication.focusWidget()
    if focus is not None and not focus.isVisible():  # a closed dialog (no window manager re-activates)
        focus = None
    target = into or focus or page.scan
    key_clicks(qtbot, target, code)
    qtbot.keyClick(target, Qt.Key.Key_Return)


def type_slowly(page: TillPage, qtbot: Any, widget: QWidget, text: str, enter: bool = True) -> None:
    """A person typing: the catcher sees 200 ms between keys."""
    clock = KeyClock()
    clock.step = 0.2
    clock.now = max(clock.now, page.catcher.last + 1.0)
    page.catcher.clock = clock
    key_clicks(qtbot, widget, text)
    if enter:
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def click(qtbot: Any, root: QWidget, name: str) -> None:
    qtbot.mouseClick(child(root, QPushButton, name), Qt.MouseButton.LeftButton)


def answer_next_dialog(action: Callable[[QWidget], None]) -> None:
    """Act on the next modal dialog (a message box, the weight dialog…) as soon as it opens."""
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, act)
            return
        action(dialog)

    QTimer.singleShot(0, act)


def press(qtbot: Any, page: TillPage, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A shortcut key on the till (its window made active first: offscreen, no window manager does it)."""
    page.window().activateWindow()
    QApplication.processEvents()
    qtbot.keyClick(QApplication.focusWidget() or page, key, modifier)
