"""Log-in with PINs (Argon2), on both databases; permissions live in the core."""

from __future__ import annotations

import pytest

from db.connection import OpenedDatabase
from db.models import User
from pos_app.errors import AuthError, InputError
from pos_app.people import users
from pos_app.people.permissions import Action, can, require


def test_right_pin_logs_in(demo_db: OpenedDatabase) -> None:
    actor = users.login("somsri", "1111")
    assert (actor.login, actor.role) == ("somsri", "seller")
    assert [a.role for a in users.users_for_login()].count("admin") == 1


def test_wrong_pin_is_refused_with_a_thai_message(demo_db: OpenedDatabase) -> None:
    with pytest.raises(AuthError) as err:
        users.login("somsri", "1112")
    assert str(err.value) == "รหัส PIN ไม่ถูกต้อง กรุณาลองใหม่"
    with pytest.raises(AuthError):
        users.login("nobody", "1111")


def test_pins_are_hashed_not_stored(demo_db: OpenedDatabase) -> None:
    stored = User.get(User.login == "somsri").pin_hash
    assert "1111" not in stored and stored.startswith("$argon2")


@pytest.mark.parametrize("pin", ["12", "abcd", "123456789", "๑๒๓๔"])
def test_bad_pins_are_refused_when_creating(empty_db: OpenedDatabase, pin: str) -> None:
    with pytest.raises(InputError):
        users.create_user("new", "New", "seller", pin)
    assert not User.select().exists()


def test_roles() -> None:
    assert can("seller", Action.SELL) and not can("seller", Action.REFUND)
    assert can("treasurer", Action.CLOSE_DAY) and can("admin", Action.MANAGE_USERS)
    with pytest.raises(Exception, match="ไม่มีสิทธิ์"):
        require("seller", Action.CLOSE_DAY)
