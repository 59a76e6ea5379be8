"""The areas of the app: each a page in the shell, shown in the navigation bar to the roles that may use it.

An area says which action its role needs (``pos_app.people.permissions``: the one table), its shortcut
key, and how to build its page from a :class:`ui.shell.context.ShellContext`.  Each capability adds its
one ``Area`` line to :data:`AREAS`; the order here is the order of the buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from pos_app.people.permissions import Action, can
from resources.i18n import N_
from ui.shell.context import ShellContext


@dataclass(frozen=True)
class Area:
    key: str
    label: str  # an N_() msgid, translated when shown
    needs: Action
    shortcut: str
    build: Callable[[ShellContext], QWidget]


def _till(ctx: ShellContext) -> QWidget:
    from ui.till.page import TillPage

    return TillPage(ctx)


def _stock(ctx: ShellContext) -> QWidget:
    from ui.stock.page import StockPage

    return StockPage(ctx)


def _production(ctx: ShellContext) -> QWidget:
    from ui.production.page import ProductionPage

    return ProductionPage(ctx)


def _books(ctx: ShellContext) -> QWidget:
    from ui.books.page import BooksPage

    return BooksPage(ctx)


def _settings(ctx: ShellContext) -> QWidget:
    from ui.shell.settings import SettingsPage

    return SettingsPage(ctx)


def _prices(ctx: ShellContext) -> QWidget:
    from ui.prices.page import PricesPage

    return PricesPage(ctx)


def _people(ctx: ShellContext) -> QWidget:
    from ui.people.page import PeoplePage

    return PeoplePage(ctx)


AREAS: list[Area] = [
    Area("till", N_("Till"), Action.SELL, "F2", _till),
    Area("stock", N_("Stock"), Action.RECEIVE_STOCK, "F3", _stock),
    Area("production", N_("Production"), Action.PRODUCE, "F4", _production),
    Area("books", N_("Books"), Action.CLOSE_DAY, "F8", _books),
    Area("people", N_("People"), Action.MANAGE_USERS, "F7", _people),
    Area("settings", N_("Settings"), Action.SETTINGS, "F9", _settings),
    Area("prices", N_("Prices"), Action.CHANGE_PRICE, "F10", _prices),
]

# Where each role lands after log-in (the first of these it may use).
HOME: dict[str, tuple[str, ...]] = {
    "seller": ("till",),
    "production": ("production", "stock", "till"),
    "treasurer": ("books", "till"),
    "admin": ("settings", "till"),
}


def areas_for(role: str) -> list[Area]:
    return [area for area in AREAS if can(role, area.needs)]


def home_for(role: str) -> str:
    allowed = [a.key for a in areas_for(role)]
    for key in HOME.get(role, ()):
        if key in allowed:
            return key
    return allowed[0] if allowed else ""
