"""The payment rules without a database, with hand-worked amounts and the seller's exact Thai messages:
payments add up to the total, only cash gives change, change over ฿1,000 needs a yes, over ฿10,000 is
refused."""

from __future__ import annotations

import pytest

from pos_app.errors import InputError
from pos_app.money import Money
from pos_app.selling.payments import NeedsConfirmation, PaymentIn, cash, check_payments


def test_change_is_for_cash_only() -> None:
    assert cash(Money(50000), Money(18496)).change == Money(31504)
    assert cash(Money(18496), Money(18496)).change == Money(0)
    assert PaymentIn("cash", Money(5000)).change == Money(0)  # no tendered given: exactly the amount
    assert PaymentIn("cash", Money(5000)).cash_tendered == Money(5000)
    assert PaymentIn("promptpay", Money(5000)).change == Money(0)
    assert PaymentIn("transfer", Money(5000), Money(5000)).change == Money(0)


@pytest.mark.parametrize(("payments", "total"), [
    ([PaymentIn("cash", Money(18496), Money(20000))], 18496),
    ([PaymentIn("cash", Money(10000), Money(10000)), PaymentIn("promptpay", Money(8496))], 18496),
    ([PaymentIn("transfer", Money(1))], 1),
    ([PaymentIn("cash", Money(5000), Money(105000))], 5000),  # ฿1,000.00 change exactly: no question
])
def test_payments_that_add_up_are_accepted(payments: list[PaymentIn], total: int) -> None:
    check_payments(payments, Money(total))


@pytest.mark.parametrize(("payments", "total", "message"), [
    ([], 5000, "รายการขายนี้ยังไม่มีการชำระเงิน"),
    ([PaymentIn("card", Money(5000))], 5000, "ไม่รู้จักวิธีชำระเงิน card"),
    ([PaymentIn("cash", Money(0))], 0, "ยอดชำระต้องมากกว่าศูนย์"),
    ([PaymentIn("cash", Money(5000)), PaymentIn("promptpay", Money(-1))], 4999, "ยอดชำระต้องมากกว่าศูนย์"),
    ([PaymentIn("promptpay", Money(5000), Money(6000))], 5000, "ทอนเงินได้เฉพาะการชำระด้วยเงินสด"),
    ([PaymentIn("cash", Money(5000), Money(4999))], 5000, "รับเงินสด ฿49.99 น้อยกว่ายอดรวม ฿50.00"),
    ([PaymentIn("cash", Money(5000), Money(1005001))], 5000,
     "รับเงินสด ฿10,050.01 สำหรับยอด ฿50.00 ไม่น่าจะถูกต้อง กรุณาตรวจสอบจำนวนเงิน"),  # ฿10,000.01 change
    ([PaymentIn("cash", Money(5000)), PaymentIn("transfer", Money(1))], 5000, "ยอดชำระ ฿50.01 มากกว่ายอดรวม ฿50.00"),
    ([PaymentIn("cash", Money(4999))], 5000, "ยอดชำระ ฿49.99 น้อยกว่ายอดรวม ฿50.00"),
])
def test_payments_that_break_a_rule_are_refused_saying_which(payments: list[PaymentIn], total: int,
                                                            message: str) -> None:
    with pytest.raises(InputError) as err:
        check_payments(payments, Money(total))
    assert not isinstance(err.value, NeedsConfirmation)
    assert str(err.value) == message


def test_large_change_needs_a_yes_and_ten_thousand_is_the_most() -> None:
    large = [PaymentIn("cash", Money(5000), Money(105001))]  # ฿1,000.01 change
    with pytest.raises(NeedsConfirmation) as err:
        check_payments(large, Money(5000))
    assert str(err.value) == "รับเงินสด ฿1,050.01 ต้องทอน ฿1,000.01 ถูกต้องหรือไม่?"
    check_payments(large, Money(5000), confirmed_large=True)
    most = [PaymentIn("cash", Money(5000), Money(1005000))]  # ฿10,000.00 change: the most, with a yes
    check_payments(most, Money(5000), confirmed_large=True)
    with pytest.raises(InputError):
        check_payments([PaymentIn("cash", Money(5000), Money(1005001))], Money(5000), confirmed_large=True)


def test_an_online_order_may_be_unpaid_or_part_paid_but_never_overpaid() -> None:
    check_payments([], Money(5000), may_be_unpaid=True)
    check_payments([PaymentIn("transfer", Money(2000))], Money(5000), may_be_unpaid=True)
    with pytest.raises(InputError) as err:
        check_payments([PaymentIn("transfer", Money(5001))], Money(5000), may_be_unpaid=True)
    assert str(err.value) == "ยอดชำระ ฿50.01 มากกว่ายอดรวม ฿50.00"
