"""The idle lock in the shell: after the role's idle time (the shop's setting ``idle_lock_<role>``, read by
``pos_app.settings.idle_lock`` at each check, so a change takes effect at once) without a key or a click,
back to the log-in page.  The same person logging in again gets their session (the open cart) back; anyone else starts
with an empty one.  Installed by the shell with one line: ``IdleWatch(window)``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from pos_app.errors import PosError
from pos_app.trust.idle import IdleRule, idle_limit

ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class IdleWatch(QObject):
    def __init__(self, window: Any, check_every_ms: int = 5000) -> None:
        super().__init__(window)
        self.window = window
        self.rule = IdleRule(idle_limit("seller"))
        self.kept: tuple[Any, dict[str, Any]] | None = None
        self.watching = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(check_every_ms)

    def watch(self) -> None:
        """Count every key and click of the app, from the first log-in on (before it there is nobody to lock
        out).  Not at start: the first events through an app-wide filter set up Qt's Python types for every
        object it sees (~40 ms), which would delay the log-in screen."""
        app = QApplication.instance()
        if app is not None and not self.watching:
            app.installEventFilter(self)
            self.watching = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self.rule.touch()
        return False

    def check(self) -> bool:
        """Lock if the person has been away too long; returns whether it locked."""
        actor = self.window.actor
        if actor is None or not self.window.isVisible():
            return False
        from pos_app import settings  # the log-in screen does not need the settings' table

        try:
            self.rule.limit = settings.idle_lock(actor.role, self.window.till.shop_id)
        except PosError:
            self.rule.limit = idle_limit(actor.role)  # never a box nobody answers: the built-in time
        if not self.rule.due():
            return False
        kept = (actor, dict(self.window.session))
        if not self.window.logout(ask=False):
            return False
        self.kept = kept
        return True

    def logged_in(self, actor: Any) -> None:
        """Called by the shell after each log-in: the same person gets the locked session back."""
        self.watch()
        self.rule.touch()
        if self.kept is None:
            return
        before, session = self.kept
        self.kept = None
        if actor.login == before.login and session:
            self.window.session.update(session)
            self.window.rebuild()  # the pages see the session again (the open cart)
            return
        cart = session.get("cart")
        if cart is not None and not cart.is_empty:  # someone else: the first seller's sale waits as held
            from pos_app.selling import holds  # the selling core loads with the till, not the log-in page

            try:
                holds.hold(before, self.window.till.id, cart, cart.customer_name)
            except PosError:
                pass  # e.g. a closed day: the cart is dropped, as a log-out would; nothing was sold
