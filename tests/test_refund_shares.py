"""Each line's share of what the customer paid, when the sale had a whole-sale discount: by hand.

Shares of the discount go by the lines' nets, HALF_UP to the satang, and the last line takes what is left,
so the shares always add up to the sale's total exactly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.selling.refunds import paid_shares


@pytest.mark.parametrize(("nets", "discount", "shares"), [
    # ฿140.00 less ฿10.00: 1000 × 5000/14000 = 357.14 → 357; × 6000/14000 = 428.57 → 429; last 1000 − 786 = 214
    ([5000, 6000, 3000], 1000, [4643, 5571, 2786]),
    ([100, 100], 1, [99, 100]),  # 0.5 satang → 1 (half up) on the first line, the last gets 0
    ([100, 300], 2, [99, 299]),  # 2 × 100/400 = 0.5 → 1; last 2 − 1 = 1
    ([5000], 700, [4300]),  # one line takes the whole discount
    ([5000, 6000], 0, [5000, 6000]),  # no discount
    ([0, 0], 0, [0, 0]),
    ([2500, 0, 7500], 1000, [2250, 0, 6750]),  # a line given away carries none of it
    ([1], 1, [0]),  # a one-satang sale with a one-satang discount: nothing was paid
    ([0, 1], 1, [0, 0]),
])
def test_shares_by_hand(nets: list[int], discount: int, shares: list[int]) -> None:
    assert paid_shares(nets, discount) == shares


@given(st.lists(st.integers(min_value=0, max_value=10**7), min_size=1, max_size=8), st.data())
def test_shares_add_up_to_what_was_paid_and_none_goes_negative(nets: list[int], data: st.DataObject) -> None:
    discount = data.draw(st.integers(min_value=0, max_value=sum(nets)))
    shares = paid_shares(nets, discount)
    assert sum(shares) == sum(nets) - discount
    assert len(shares) == len(nets)
    assert all(0 <= s <= n for s, n in zip(shares[:-1], nets[:-1], strict=True))
