"""The full permission table, written out by hand: every role × every action, yes or no.

The table below is the oracle (it restates the rules in the module docstring of
``pos_app.people.permissions``); it does not read ``ALLOWED``.  Adding a role or an action makes
``test_the_table_names_every_role_and_action`` fail until a line is added here.
"""

from __future__ import annotations

import pytest

from db.models import ROLES
from pos_app.errors import PermissionDenied
from pos_app.people.permissions import Action, can, require, role_label
from resources.i18n import set_language

# One row per role, one column per action (Y = allowed, . = refused), in the order of COLUMNS below.
#                    sell void refund disc price items recv adjust move produce cash close export users setng exprd rprt
TABLE = {
    "seller":     "Y    .    .      .    .     .     .    .      .    .       .    .     .      .     .        .     .",
    "production": "Y    .    .      .    .     Y     Y    Y      Y    Y       .    .     .      .     .        Y     Y",
    "treasurer":  "Y    Y    Y      Y    .     .     .    .      .    .       Y    Y     Y      .     .        Y     Y",
    "admin":      "Y    Y    Y      Y    Y     Y     Y    Y      Y    Y       Y    Y     Y      Y     Y        Y     Y",
}
COLUMNS = ["sell", "void", "refund", "discount_over_limit", "change_price", "manage_items", "receive_stock",
           "adjust_stock", "transfer_stock", "produce", "handle_cash", "close_day", "export", "manage_users",
           "settings", "sell_expired", "export_reports"]
CELLS = [(role, action, mark == "Y")
         for role, row in TABLE.items() for action, mark in zip(COLUMNS, row.split(), strict=True)]


def test_the_table_names_every_role_and_action() -> None:
    assert sorted(TABLE) == sorted(ROLES)
    assert sorted(COLUMNS) == sorted(a.value for a in Action)


@pytest.mark.parametrize(("role", "action", "allowed"), CELLS, ids=[f"{r}-{a}" for r, a, _ in CELLS])
def test_every_role_and_action(role: str, action: str, allowed: bool) -> None:
    assert can(role, Action(action)) is allowed
    if allowed:
        require(role, Action(action))
    else:
        with pytest.raises(PermissionDenied):
            require(role, Action(action))


def test_an_unknown_role_may_do_nothing() -> None:
    for action in Action:
        assert can("customer", action) is False
        with pytest.raises(PermissionDenied):
            require("customer", action)
    assert can("", Action.SELL) is False


def test_a_refusal_names_the_role_and_the_action_in_thai_then_english() -> None:
    with pytest.raises(PermissionDenied) as err:
        require("production", Action.REFUND)
    assert str(err.value) == "หัวหน้าฝ่ายผลิต ไม่มีสิทธิ์คืนเงิน"
    with pytest.raises(PermissionDenied) as err:
        require("seller", Action.CLOSE_DAY)
    assert str(err.value) == "คนขายหน้าร้าน ไม่มีสิทธิ์ปิดยอดประจำวัน"
    set_language("en")
    assert str(err.value) == "A Stall seller may not close the day"


@pytest.mark.parametrize(
    ("role", "thai", "english"),
    [("seller", "คนขายหน้าร้าน", "Stall seller"), ("production", "หัวหน้าฝ่ายผลิต", "Production lead"),
     ("treasurer", "เหรัญญิก", "Treasurer"), ("admin", "ผู้ดูแลระบบ", "Administrator"),
     ("visitor", "visitor", "visitor")],
)
def test_role_labels(role: str, thai: str, english: str) -> None:
    assert role_label(role) == thai
    set_language("en")
    assert role_label(role) == english


def test_a_refusal_of_an_unknown_role_names_it_as_given() -> None:
    with pytest.raises(PermissionDenied) as err:
        require("customer", Action.SELL)
    assert str(err.value) == "customer ไม่มีสิทธิ์ขายสินค้า"
    set_language("en")
    assert str(err.value) == "A customer may not sell"


def test_a_label_in_a_message_translates_when_read_and_keeps_a_width() -> None:
    with pytest.raises(PermissionDenied) as err:
        require("seller", Action.REFUND)
    label = err.value.params["action"]  # type: ignore[attr-defined]
    assert f"[{label:>10}]" == "[   คืนเงิน]" and f"[{label:<8}]" == "[คืนเงิน ]"  # 7 code points, marks included
    set_language("en")
    assert f"[{label:>14}]" == "[  give refunds]" and str(label) == "give refunds"
