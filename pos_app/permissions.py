"""Who may do what.  The one place the rules of roles live; the UI only asks."""

from __future__ import annotations

from enum import Enum

from pos_app.errors import PermissionDenied
from resources.i18n import N_, _


class Action(Enum):
    SELL = "sell"
    REFUND = "refund"
    RECEIVE_STOCK = "receive_stock"
    PRODUCE = "produce"
    CLOSE_DAY = "close_day"
    MANAGE_USERS = "manage_users"


ROLE_LABELS = {
    "seller": N_("Stall seller"),
    "production": N_("Production lead"),
    "treasurer": N_("Treasurer"),
    "admin": N_("Administrator"),
}

ALLOWED: dict[str, frozenset[Action]] = {
    "seller": frozenset({Action.SELL}),
    "production": frozenset({Action.SELL, Action.RECEIVE_STOCK, Action.PRODUCE}),
    "treasurer": frozenset({Action.SELL, Action.REFUND, Action.CLOSE_DAY}),
    "admin": frozenset(Action),
}

ACTION_LABELS = {
    Action.SELL: N_("sell"),
    Action.REFUND: N_("give refunds"),
    Action.RECEIVE_STOCK: N_("receive stock"),
    Action.PRODUCE: N_("record production"),
    Action.CLOSE_DAY: N_("close the day"),
    Action.MANAGE_USERS: N_("manage users"),
}


def role_label(role: str) -> str:
    return _(ROLE_LABELS.get(role, role))


def can(role: str, action: Action) -> bool:
    return action in ALLOWED.get(role, frozenset())


def require(role: str, action: Action) -> None:
    if not can(role, action):
        raise PermissionDenied("A {role} may not {action}", role=role_label(role),
                               action=_(ACTION_LABELS[action]))
