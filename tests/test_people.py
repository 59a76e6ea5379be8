"""People: who may log in, the log-in list, creating users; on both databases.  Literals only as oracles."""

from __future__ import annotations

import pytest

from db.connection import OpenedDatabase
from db.models import NetworkGroup, User
from pos_app.errors import AuthError, InputError
from pos_app.people import users


def deactivate(login: str) -> None:
    User.update(active=False).where(User.login == login).execute()


def test_an_inactive_user_cannot_log_in_even_with_the_right_pin(demo_db: OpenedDatabase) -> None:
    assert users.login("somsri", "1111").login == "somsri"
    deactivate("somsri")
    with pytest.raises(AuthError) as err:
        users.login("somsri", "1111")
    assert str(err.value) == "ไม่พบผู้ใช้ somsri"
    assert "somsri" not in [a.login for a in users.users_for_login()]
    assert users.login("wanna", "3333").role == "treasurer"  # the others still can


def test_the_log_in_list_is_the_active_users_by_role_then_name(demo_db: OpenedDatabase) -> None:
    assert [(a.login, a.role) for a in users.users_for_login()] == [
        ("somsri", "seller"), ("prapha", "production"), ("wanna", "treasurer"), ("admin", "admin")]
    users.create_user("anong", "อนงค์", "seller", "4444")
    users.create_user("zz", "กมล", "seller", "5555")
    assert [a.login for a in users.users_for_login()] == ["zz", "somsri", "anong", "prapha", "wanna", "admin"]
    deactivate("prapha")
    assert [a.login for a in users.users_for_login()] == ["zz", "somsri", "anong", "wanna", "admin"]


def test_log_in_returns_who_it_is(demo_db: OpenedDatabase) -> None:
    row = User.get(User.login == "wanna")
    actor = users.login("wanna", " 3333 ")  # spaces around a typed PIN are ignored
    assert actor == users.Actor(row.id, row.uuid, "wanna", "วรรณา", "treasurer")


def test_a_wrong_pin_and_an_unknown_user_say_which(demo_db: OpenedDatabase) -> None:
    with pytest.raises(AuthError) as err:
        users.login("nobody", "1111")
    assert str(err.value) == "ไม่พบผู้ใช้ nobody"
    with pytest.raises(AuthError) as err:
        users.login("somsri", "2222")  # another user's PIN
    assert str(err.value) == "รหัส PIN ไม่ถูกต้อง กรุณาลองใหม่"


def test_create_user_stores_what_was_given(empty_db: OpenedDatabase) -> None:
    group = NetworkGroup.create(code="G", name_th="กลุ่ม", name_en="Group")
    actor = users.create_user("  malee ", "  มาลี  ", "production", " 123456 ", group.id)
    row = User.get(User.login == "malee")
    assert (actor.user_id, actor.uuid, actor.login, actor.display_name, actor.role) == (
        row.id, row.uuid, "malee", "มาลี", "production")
    assert (row.display_name, row.role, row.group_id, row.active) == ("มาลี", "production", group.id, True)
    assert users.login("malee", "123456") == actor
    plain = users.create_user("dao", "   ", "seller", "0000")
    assert plain.display_name == "dao"  # no name given: the log-in name is shown
    assert User.get(User.login == "dao").group_id is None


@pytest.mark.parametrize(
    ("login", "role", "message"),
    [("x", "cashier", "ไม่รู้จักบทบาท cashier"), ("  ", "seller", "ผู้ใช้ต้องมีชื่อสำหรับเข้าระบบ")],
)
def test_create_user_refuses_bad_input_and_writes_nothing(empty_db: OpenedDatabase, login: str, role: str,
                                                          message: str) -> None:
    with pytest.raises(InputError) as err:
        users.create_user(login, "X", role, "1234")
    assert str(err.value) == message
    assert not User.select().exists()


def test_a_login_name_is_taken_once(empty_db: OpenedDatabase) -> None:
    users.create_user("somchai", "สมชาย", "seller", "1234")
    with pytest.raises(InputError) as err:
        users.create_user(" somchai", "อีกคน", "admin", "9999")
    assert str(err.value) == "มีผู้ใช้ชื่อ somchai อยู่แล้ว"
    assert [(u.display_name, u.role) for u in User.select()] == [("สมชาย", "seller")]


@pytest.mark.parametrize(("pin", "ok"), [("1234", True), ("12345678", True), ("123", False), ("123456789", False),
                                         ("12a4", False), ("๑๒๓๔", False), ("", False), (" 0007 ", True)])
def test_pin_format(pin: str, ok: bool) -> None:
    if ok:
        assert users.check_pin_format(pin) == pin.strip()
    else:
        with pytest.raises(InputError) as err:
            users.check_pin_format(pin)
        assert str(err.value) == "รหัส PIN ต้องเป็นตัวเลข 4 ถึง 8 หลัก"
