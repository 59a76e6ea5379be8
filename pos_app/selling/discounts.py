"""Who may give how much discount.  A discount within the person's limit is theirs to give; above it, a
manager (a role that may ``DISCOUNT_OVER_LIMIT``) approves with their PIN and is recorded on the sale.

The limit is a share of the sale before discounts (Σ line amounts), in hundredths of a percent; the
amount is that share rounded DOWN to the satang (the limit is never exceeded by rounding).  A shop sets
the seller's and the production lead's limits in its settings (``pos_app.settings``, default 10 %);
``LIMIT`` holds the built-in defaults.
"""

from __future__ import annotations

from pos_app.errors import PermissionDenied
from pos_app.money import ZERO, Money, Rounding
from pos_app.people.permissions import Action, can
from pos_app.people.users import Actor
from pos_app.selling.cart import Cart
from pos_app.settings import discount_limit

LIMIT: dict[str, int] = {"seller": 1_000, "production": 1_000, "treasurer": 10_000, "admin": 10_000}  # 10 %, 100 %


def limit_share(role: str, shop_id: int | None = None) -> int:
    """The role's limit in hundredths of a percent: the shop's setting, else the built-in default."""
    configured = discount_limit(role, shop_id)
    return LIMIT.get(role, 0) if configured is None else configured


def limit_for(role: str, cart: Cart, shop_id: int | None = None) -> Money:
    gross = sum((line.amount for line in cart.lines), ZERO)
    return gross.times_fraction(limit_share(role, shop_id), 10_000, Rounding.DOWN)


def check_discount(actor: Actor, cart: Cart, approved_by: Actor | None,
                   shop_id: int | None = None) -> Actor | None:
    """Who approved the cart's discounts: ``None`` when within the seller's own limit; the approver when
    above it (refused unless the approver's role may give it)."""
    if cart.discount_total == ZERO or cart.discount_total <= limit_for(actor.role, cart, shop_id):
        return None
    if can(actor.role, Action.DISCOUNT_OVER_LIMIT):
        return actor
    if approved_by is None or not can(approved_by.role, Action.DISCOUNT_OVER_LIMIT):
        raise PermissionDenied("A discount of {discount} is above your limit of {limit}: a manager's PIN is needed",
                               discount=cart.discount_total.format(),
                               limit=limit_for(actor.role, cart, shop_id).format())
    return approved_by
