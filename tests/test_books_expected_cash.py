"""The drawer's formula against an independent sum over random shifts (hypothesis)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pos_app.books.cash import Drawer, expected_cash
from pos_app.money import Money

amounts = st.integers(min_value=0, max_value=10_000_000)
# An event: ("sale", tendered, change) | ("refund", paid back) | ("in", x) | ("out", x)
events = st.lists(st.one_of(
    st.tuples(st.just("sale"), amounts, amounts), st.tuples(st.just("refund"), amounts, st.just(0)),
    st.tuples(st.just("in"), amounts, st.just(0)), st.tuples(st.just("out"), amounts, st.just(0))), max_size=40)


@given(amounts, events)
def test_expected_cash_is_the_drawer_walked_event_by_event(float_satang: int, evs: list[tuple[str, int, int]]) -> None:
    drawer = float_satang  # walk the drawer: what is physically in it after each event
    for kind, a, b in evs:
        if kind == "sale":
            drawer += a  # the customer's notes go in
            drawer -= b  # the change comes out
        elif kind == "refund" or kind == "out":
            drawer -= a
        else:
            drawer += a
    def total(kind: str, position: int) -> Money:
        return Money(sum(e[position] for e in evs if e[0] == kind))

    got = expected_cash(Money(float_satang), total("sale", 1), total("sale", 2), total("refund", 1), total("in", 1),
                        total("out", 1))
    assert got == Money(drawer)


def test_drawer_expected_uses_the_formula() -> None:
    d = Drawer(Money(43200), Money(37000), Money(9340), Money(5000), Money(10000), Money(3500))
    assert d.expected == Money(72360) and d.net_cash_sales == Money(22660)
