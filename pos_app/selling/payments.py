"""How a sale is paid: cash (with change), PromptPay (confirmed by the seller), bank transfer; one or several.

The rules, stated once:

* The payments' amounts add up to the sale's total exactly — except an online order, which may be left
  unpaid (or part paid) and paid later (:mod:`pos_app.selling.orders`).
* Only cash gives change: ``change = tendered − amount`` and the tendered cash must cover its amount.
* Implausible cash: when the change would be more than ``LARGE_CHANGE`` (฿1,000) the seller must confirm
  (``confirmed_large=True``); change of more than ``MAX_CHANGE`` (฿10,000) is refused whatever is said —
  no customer hands over ten ฿1,000 notes too many; it is a barcode typed into the cash box.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos_app.errors import InputError
from pos_app.money import ZERO, Money

METHODS = ("cash", "promptpay", "transfer")
LARGE_CHANGE = Money.baht(1_000)
MAX_CHANGE = Money.baht(10_000)


class NeedsConfirmation(InputError):
    """The cash is plausible only if the seller confirms it (the till asks, then calls again)."""


@dataclass(frozen=True)
class PaymentIn:
    """One payment as the till hands it in: ``amount`` goes to the sale; ``tendered`` is the cash handed
    over (cash only; defaults to the amount)."""

    method: str
    amount: Money
    tendered: Money | None = None

    @property
    def cash_tendered(self) -> Money:
        return self.amount if self.tendered is None else self.tendered

    @property
    def change(self) -> Money:
        return self.cash_tendered - self.amount if self.method == "cash" else ZERO


def cash(tendered: Money, total: Money) -> PaymentIn:
    """A whole sale paid in cash: the amount is the total, the rest is change."""
    return PaymentIn("cash", total, tendered)


def check_payments(payments: list[PaymentIn], total: Money, may_be_unpaid: bool = False,
                   confirmed_large: bool = False) -> None:
    """Refuse (InputError, or :class:`NeedsConfirmation`) payments that break the rules above."""
    if not payments and not may_be_unpaid:
        raise InputError("The sale has no payment")
    paid = ZERO
    for p in payments:
        if p.method not in METHODS:
            raise InputError("Unknown payment method {method}", method=p.method)
        if p.amount <= ZERO:
            raise InputError("A payment must be more than zero")
        if p.method != "cash" and p.tendered is not None and p.tendered != p.amount:
            raise InputError("Only cash gives change")
        if p.method == "cash":
            if p.cash_tendered < p.amount:
                raise InputError("Cash received {tendered} is less than the total {total}",
                                 tendered=p.cash_tendered.format(), total=p.amount.format())
            if p.change > MAX_CHANGE:
                raise InputError("Cash received {tendered} for {total} cannot be right: please check the amount",
                                 tendered=p.cash_tendered.format(), total=p.amount.format())
            if p.change > LARGE_CHANGE and not confirmed_large:
                raise NeedsConfirmation("Cash received {tendered} gives {change} change. Is that right?",
                                        tendered=p.cash_tendered.format(), change=p.change.format())
        paid += p.amount
    if paid > total:
        raise InputError("The payments {paid} are more than the total {total}",
                         paid=paid.format(), total=total.format())
    if paid < total and not may_be_unpaid:
        raise InputError("The payments {paid} are less than the total {total}",
                         paid=paid.format(), total=total.format())
