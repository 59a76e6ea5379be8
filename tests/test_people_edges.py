"""People: the edges of log-in, overrides and the admin's people screen, with their audit rows — on both
databases.  Demo people (resources/demo): somsri seller 1111, prapha production 2222, wanna treasurer 3333,
admin admin 9999; tills T1 (id 1) and K1 (id 2).  Every expected value is a literal."""

from __future__ import annotations

import datetime as dt

import pytest

from db.connection import OpenedDatabase
from db.models import NetworkGroup, User
from pos_app.clock import FixedClock
from pos_app.errors import AuthError, InputError, NotFound, PermissionDenied
from pos_app.people import users
from pos_app.people.permissions import Action
from pos_app.trust import audit
from resources.i18n import set_language

T0 = dt.datetime(2026, 11, 24, 3, 0, tzinfo=dt.UTC)


def test_a_damaged_pin_hash_refuses_the_pin_instead_of_crashing(demo_db: OpenedDatabase) -> None:
    User.update(pin_hash="not-an-argon2-hash").where(User.login == "somsri").execute()
    with pytest.raises(AuthError) as err:
        users.login("somsri", "1111")
    assert str(err.value) == "รหัส PIN ไม่ถูกต้อง กรุณาลองใหม่"


def test_a_locked_attempt_is_audited_as_locked(demo_db: OpenedDatabase, clock: FixedClock) -> None:
    for n in range(4):
        clock.set(T0 + dt.timedelta(seconds=n))
        with pytest.raises(AuthError):
            users.login("somsri", "0000", till_id=1)
    clock.set(T0 + dt.timedelta(seconds=10))
    with pytest.raises(AuthError):
        users.login("somsri", "1111", till_id=1)
    locked = audit.entries(["login_locked"])
    assert [(r.user, r.subject, r.till) for r in locked] == [("somsri", "somsri", "T1")]
    assert [(r.till, r.detail["failures"]) for r in audit.entries(["login_failed"])] == [
        ("T1", 4), ("T1", 3), ("T1", 2), ("T1", 1)]
    with pytest.raises(AuthError):
        users.login("ghost", "1111", till_id=2)
    row = audit.entries(["login_failed"])[0]
    assert (row.user, row.subject, row.till, row.detail) == ("", "ghost", "K1", {"reason": "unknown user"})


def test_an_unknown_manager_is_refused_and_audited(demo_db: OpenedDatabase) -> None:
    seller = users.login("somsri", "1111")
    with pytest.raises(AuthError) as err:
        users.authorise("ghost", "3333", Action.REFUND, till_id=1, for_actor=seller)
    assert str(err.value) == "ไม่พบผู้ใช้ ghost"
    row = audit.entries(["override_failed"])[0]
    assert (row.user, row.subject, row.till, row.detail) == ("", "ghost", "T1",
                                                             {"action": "refund", "reason": "unknown"})
    User.update(active=False).where(User.login == "wanna").execute()
    with pytest.raises(AuthError) as err:
        users.authorise("wanna", "3333", Action.REFUND)  # an inactive manager approves nothing
    assert str(err.value) == "ไม่พบผู้ใช้ wanna"


def test_a_wrong_override_pin_is_audited_with_whom_it_was_for(demo_db: OpenedDatabase) -> None:
    seller = users.login("somsri", "1111")
    with pytest.raises(AuthError):
        users.authorise("wanna", "0000", Action.VOID, till_id=1, for_actor=seller)
    row = audit.entries(["override_failed"])[0]
    assert (row.user, row.subject, row.till, row.detail) == ("", "wanna", "T1", {"action": "void",
                                                                             "for_user": "somsri", "failures": 1})
    ok = users.authorise("wanna", "3333", Action.VOID, till_id=1, for_actor=seller, reason="  ลูกค้าเปลี่ยนใจ ")
    assert ok.login == "wanna"
    assert len(audit.entries(["override_failed"])) == 1  # the approved override adds no refusal
    assert audit.entries(["override"])[0].detail == {"action": "void", "for_user": "somsri",
                                                     "reason": "ลูกค้าเปลี่ยนใจ"}


def test_a_refused_override_names_the_role_and_the_action(demo_db: OpenedDatabase) -> None:
    with pytest.raises(PermissionDenied) as err:
        users.authorise("prapha", "2222", Action.REFUND, till_id=1)
    assert str(err.value) == "หัวหน้าฝ่ายผลิต ไม่มีสิทธิ์คืนเงิน"
    row = audit.entries(["override_failed"])[0]
    assert (row.user, row.till, row.detail) == ("prapha", "T1",
                                                {"action": "refund", "for_user": "", "reason": "not allowed"})


def test_an_any_manager_lock_out_is_per_till(demo_db: OpenedDatabase, clock: FixedClock) -> None:
    for n in range(4):
        clock.set(T0 + dt.timedelta(seconds=n))
        with pytest.raises(AuthError):
            users.authorise(None, "0000", Action.VOID, till_id=1)
    clock.set(T0 + dt.timedelta(seconds=5))
    assert users.authorise(None, "3333", Action.VOID, till_id=2).login == "wanna"  # K1 is not locked
    clock.set(T0 + dt.timedelta(seconds=5))
    assert users.authorise("wanna", "3333", Action.VOID, till_id=1).login == "wanna"  # nor wanna by name
    clock.set(T0 + dt.timedelta(seconds=5))
    with pytest.raises(AuthError) as err:
        users.authorise(None, "3333", Action.VOID, till_id=1)
    assert err.value.params == {"seconds": 28}  # locked at 0:03 for 30 s
    for n in range(4):  # no till: a count of its own
        clock.set(T0 + dt.timedelta(seconds=10 + n))
        with pytest.raises(AuthError):
            users.authorise(None, "0000", Action.VOID)
    clock.set(T0 + dt.timedelta(seconds=13))
    with pytest.raises(AuthError) as err:
        users.authorise(None, "3333", Action.VOID)
    assert err.value.params == {"seconds": 30}  # locked at 0:13 for 30 s
    clock.set(T0 + dt.timedelta(seconds=13))
    assert users.authorise(None, "9999", Action.VOID, till_id=2).login == "admin"
    assert audit.entries(["override"])[0].detail == {"action": "void", "for_user": "", "reason": ""}  # none given


def test_the_lock_out_ends_exactly_when_the_wait_is_over(demo_db: OpenedDatabase, clock: FixedClock) -> None:
    for n in range(4):
        clock.set(T0 + dt.timedelta(seconds=n))
        with pytest.raises(AuthError):
            users.login("somsri", "0000")
    clock.set(T0 + dt.timedelta(seconds=3 + 29, microseconds=500_000))
    with pytest.raises(AuthError) as err:
        users.login("somsri", "1111")
    assert err.value.params == {"seconds": 1}  # half a second left: "wait 1 second", never 0
    clock.set(T0 + dt.timedelta(seconds=3 + 30))
    assert users.login("somsri", "1111").login == "somsri"
    with pytest.raises(AuthError):  # the right PIN cleared the count: this is the 1st wrong PIN, a free one
        users.login("somsri", "0000")
    assert [p.locked_until for p in users.people() if p.login == "somsri"] == [None]
    assert audit.entries(["login_failed"])[0].detail == {"failures": 1}


def test_a_pin_reset_clears_the_lock_out(demo_db: OpenedDatabase, clock: FixedClock) -> None:
    admin = users.login("admin", "9999")
    for n in range(4):
        clock.set(T0 + dt.timedelta(seconds=n))
        with pytest.raises(AuthError):
            users.login("somsri", "0000")
    assert [p.locked_until for p in users.people() if p.login == "somsri"] == [T0 + dt.timedelta(seconds=33)]
    users.reset_pin(admin, "somsri", " 4321 ")
    assert [p.locked_until for p in users.people() if p.login == "somsri"] == [None]
    assert users.login("somsri", "4321").login == "somsri"
    row = audit.entries(["pin_reset"])[0]
    assert (row.user, row.subject) == ("admin", "somsri")


def test_the_people_screen_lists_active_first_by_role_then_name(demo_db: OpenedDatabase) -> None:
    admin = users.login("admin", "9999")
    users.add_person(admin, "anong", "อนงค์", "seller", "4444")
    users.add_person(admin, "kamol", "กมล", "treasurer", "5555")
    users.set_active(admin, "somsri", False)
    users.set_active(admin, "kamol", False)
    assert [(p.login, p.role, p.active) for p in users.people()] == [
        ("anong", "seller", True), ("prapha", "production", True), ("wanna", "treasurer", True),
        ("admin", "admin", True), ("somsri", "seller", False), ("kamol", "treasurer", False)]
    added = audit.entries(["person_added"])
    assert [(r.user, r.subject, r.detail) for r in added] == [
        ("admin", "kamol", {"role": "treasurer"}), ("admin", "anong", {"role": "seller"})]


def test_a_person_brought_back_can_log_in_again(demo_db: OpenedDatabase) -> None:
    admin = users.login("admin", "9999")
    gone = users.set_active(admin, "somsri", False)
    assert (gone.login, gone.role) == ("somsri", "seller")
    assert User.get(User.login == "somsri").active is False
    back = users.set_active(admin, "somsri", True)
    assert back.login == "somsri" and User.get(User.login == "somsri").active is True
    assert users.login("somsri", "1111").login == "somsri"
    assert [(r.kind, r.subject) for r in audit.entries(["person_activated", "person_deactivated"])] == [
        ("person_activated", "somsri"), ("person_deactivated", "somsri")]


def test_an_admin_may_not_deactivate_themselves_nor_the_last_admin(demo_db: OpenedDatabase) -> None:
    admin = users.login("admin", "9999")
    with pytest.raises(InputError) as err:
        users.set_active(admin, "admin", False)
    assert str(err.value) == "ไม่สามารถปิดการใช้งานบัญชีของตัวเองได้"
    second = users.add_person(admin, "boss2", "ผู้ดูแล 2", "admin", "8888")
    users.set_active(users.login("boss2", "8888"), "admin", False)  # two admins: one may go
    # the first admin's screen is still open: it may not take away the only admin left
    with pytest.raises(InputError) as err:
        users.set_active(admin, second.login, False)
    assert str(err.value) == "ไม่สามารถปิดการใช้งานผู้ดูแลระบบคนสุดท้ายได้"
    assert User.get(User.login == "boss2").active is True
    users.add_person(users.login("boss2", "8888"), "boss3", "ผู้ดูแล 3", "admin", "7777")
    users.set_active(admin, "boss2", False)  # now there are two active admins again: allowed
    assert [a.login for a in users.users_for_login() if a.role == "admin"] == ["boss3"]


def test_the_action_label_is_translated() -> None:
    assert users.action_label(Action.MANAGE_USERS) == "จัดการผู้ใช้"
    set_language("en")
    assert users.action_label(Action.MANAGE_USERS) == "manage users"


def test_the_admin_names_a_person_who_is_not_there(demo_db: OpenedDatabase) -> None:
    admin = users.login("admin", "9999")
    with pytest.raises(NotFound) as err:
        users.set_active(admin, "ghost", False)
    assert str(err.value) == "ไม่มีผู้ใช้ ghost"
    with pytest.raises(NotFound) as err:
        users.reset_pin(admin, "nobody", "1234")
    assert str(err.value) == "ไม่มีผู้ใช้ nobody"


def test_a_person_added_into_a_group_belongs_to_it(demo_db: OpenedDatabase) -> None:
    admin = users.login("admin", "9999")
    group = NetworkGroup.create(code="NEW", name_th="กลุ่มใหม่", name_en="New group")
    users.add_person(admin, "malee", "มาลี", "production", "4321", group.id)
    users.add_person(admin, "dao", "ดาว", "seller", "1234")
    rows = User.select(User.login, User.group).where(User.login.in_(["malee", "dao"])).order_by(User.login)
    assert list(rows.tuples()) == [("dao", None), ("malee", group.id)]


def test_each_person_has_a_count_of_their_own(demo_db: OpenedDatabase, clock: FixedClock) -> None:
    clock.set(T0)
    with pytest.raises(AuthError):
        users.login("prapha", "0000")
    for n in range(3):
        clock.set(T0 + dt.timedelta(seconds=1 + n))
        with pytest.raises(AuthError):
            users.login("somsri", "0000")
    clock.set(T0 + dt.timedelta(seconds=10))
    with pytest.raises(AuthError) as err:
        users.login("prapha", "0000")
    assert err.value.msgid == "Wrong PIN. Please try again."
    assert audit.entries(["login_failed"])[0].detail == {"failures": 2}  # prapha's 2nd, not her 5th
    assert [p.locked_until for p in users.people() if p.login in ("prapha", "somsri")] == [None, None]
