"""Who may do what.  The one place the rules of roles live; services call :func:`require`, the UI only asks
:func:`can` to decide what to show.

Roles (the people of a community enterprise, not job titles of a chain store):

* ``seller`` — rings up sales at a stall till, holds and recalls carts, takes cash and PromptPay.
* ``production`` — the production lead: also buys ingredients and packaging, keeps items, makes batches,
  moves stock between groups, counts and writes off stock, exports the stock and production reports
  (valuation, a lot's recall list …) — not the books.
* ``treasurer`` — also refunds and voids, approves discounts above a seller's limit, counts the drawer,
  opens and closes shifts, moves cash in and out, closes the day, exports the books and the stock reports.
* ``admin`` — everything, including people and settings.
"""

from __future__ import annotations

from enum import Enum

from pos_app.errors import PermissionDenied
from resources.i18n import N_, _


class Action(Enum):
    SELL = "sell"
    VOID = "void"
    REFUND = "refund"
    DISCOUNT_OVER_LIMIT = "discount_over_limit"
    CHANGE_PRICE = "change_price"
    MANAGE_ITEMS = "manage_items"
    RECEIVE_STOCK = "receive_stock"
    ADJUST_STOCK = "adjust_stock"
    TRANSFER_STOCK = "transfer_stock"
    PRODUCE = "produce"
    HANDLE_CASH = "handle_cash"
    CLOSE_DAY = "close_day"
    EXPORT = "export"
    MANAGE_USERS = "manage_users"
    SETTINGS = "settings"
    SELL_EXPIRED = "sell_expired"
    EXPORT_REPORTS = "export_reports"


ROLE_LABELS = {
    "seller": N_("Stall seller"),
    "production": N_("Production lead"),
    "treasurer": N_("Treasurer"),
    "admin": N_("Administrator"),
}

ALLOWED: dict[str, frozenset[Action]] = {
    "seller": frozenset({Action.SELL}),
    "production": frozenset({Action.SELL, Action.MANAGE_ITEMS, Action.RECEIVE_STOCK, Action.ADJUST_STOCK,
                             Action.TRANSFER_STOCK, Action.PRODUCE, Action.SELL_EXPIRED, Action.EXPORT_REPORTS}),
    "treasurer": frozenset({Action.SELL, Action.VOID, Action.REFUND, Action.DISCOUNT_OVER_LIMIT,
                            Action.HANDLE_CASH, Action.CLOSE_DAY, Action.EXPORT, Action.SELL_EXPIRED,
                            Action.EXPORT_REPORTS}),
    "admin": frozenset(Action),
}

ACTION_LABELS = {
    Action.SELL: N_("sell"),
    Action.VOID: N_("void a sale"),
    Action.REFUND: N_("give refunds"),
    Action.DISCOUNT_OVER_LIMIT: N_("give a discount above the limit"),
    Action.CHANGE_PRICE: N_("change prices"),
    Action.MANAGE_ITEMS: N_("add or change items"),
    Action.RECEIVE_STOCK: N_("receive stock"),
    Action.ADJUST_STOCK: N_("count or write off stock"),
    Action.TRANSFER_STOCK: N_("move stock between groups"),
    Action.PRODUCE: N_("record production"),
    Action.HANDLE_CASH: N_("handle the cash drawer"),
    Action.CLOSE_DAY: N_("close the day"),
    Action.EXPORT: N_("export the books"),
    Action.MANAGE_USERS: N_("manage users"),
    Action.SETTINGS: N_("change settings"),
    Action.SELL_EXPIRED: N_("sell from an expired lot"),
    Action.EXPORT_REPORTS: N_("export stock and production reports"),
}


class _Label(str):
    """A marked label that translates itself when the message holding it is read (not when it is raised)."""

    def __str__(self) -> str:
        return _(str.__str__(self))

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def role_label(role: str) -> str:
    return _(ROLE_LABELS.get(role, role))


def can(role: str, action: Action) -> bool:
    return action in ALLOWED.get(role, frozenset())


def require(role: str, action: Action) -> None:
    if not can(role, action):
        raise PermissionDenied("A {role} may not {action}", role=_Label(ROLE_LABELS.get(role, role)),
                               action=_Label(ACTION_LABELS[action]))
