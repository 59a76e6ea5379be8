"""People and PINs: lock-out with a growing delay that survives a restart, managers' overrides, the admin's
people management, and the audit log of all of it — on both databases."""

from __future__ import annotations

import datetime as dt

import pytest

from db.connection import OpenedDatabase, open_database
from db.models import User
from pos_app.clock import FixedClock
from pos_app.errors import AuthError, InputError, NotFound, PermissionDenied
from pos_app.people import users
from pos_app.people.permissions import Action
from pos_app.trust import audit

T0 = dt.datetime(2026, 11, 24, 3, 0, tzinfo=dt.UTC)


def wrong(clock: FixedClock, at: dt.datetime, login: str = "somsri") -> AuthError:
    clock.set(at)
    with pytest.raises(AuthError) as err:
        users.login(login, "0000")
    return err.value


def test_wrong_pins_lock_a_person_out_for_longer_each_time(demo_db: OpenedDatabase, clock: FixedClock) -> None:
    for n in range(3):  # three free tries
        assert wrong(clock, T0 + dt.timedelta(minutes=n)).msgid == "Wrong PIN. Please try again."
    wrong(clock, T0 + dt.timedelta(minutes=3))  # the 4th: locked for 30 s
    clock.set(T0 + dt.timedelta(minutes=3, seconds=10))
    with pytest.raises(AuthError) as err:
        users.login("somsri", "1111")  # even the right PIN waits
    assert err.value.params == {"seconds": 20}
    assert str(err.value) == "ใส่รหัส PIN ผิดหลายครั้ง กรุณารอ 20 วินาทีแล้วลองใหม่"
    wrong(clock, T0 + dt.timedelta(minutes=3, seconds=30))  # the 5th: 60 s
    locked = wrong(clock, T0 + dt.timedelta(minutes=3, seconds=89))
    assert locked.params == {"seconds": 1}
    wrong(clock, T0 + dt.timedelta(minutes=3, seconds=90))  # the 6th: 120 s
    locked = wrong(clock, T0 + dt.timedelta(minutes=3, seconds=90))
    assert locked.params == {"seconds": 120}
    assert [users.delay_after(n).total_seconds() for n in (2, 3, 4, 5, 8, 20)] == [0, 0, 30, 60, 480, 900]
    clock.set(T0 + dt.timedelta(minutes=6, seconds=30))  # 4:30 + 120 s
    assert users.login("somsri", "1111").login == "somsri"  # the right PIN clears the count
    assert wrong(clock, T0 + dt.timedelta(minutes=7)).msgid == "Wrong PIN. Please try again."


def test_the_lock_out_survives_a_restart(demo_db: OpenedDatabase, clock: FixedClock) -> None:
    for n in range(4):
        wrong(clock, T0 + dt.timedelta(seconds=n))
    demo_db.database.close()
    reopened = open_database(demo_db.target)
    try:
        clock.set(T0 + dt.timedelta(seconds=5))
        with pytest.raises(AuthError) as err:
            users.login("somsri", "1111")
        assert err.value.params == {"seconds": 28}
        assert users.login("prapha", "2222").login == "prapha"  # per person: others are not locked
    finally:
        reopened.database.close()


def test_log_ins_and_failures_are_audited(demo_db: OpenedDatabase, clock: FixedClock) -> None:
    users.login("somsri", "1111", till_id=1)
    wrong(clock, T0 + dt.timedelta(minutes=1))
    with pytest.raises(AuthError):
        users.login("ghost", "1111")
    rows = audit.entries()
    assert [(r.kind, r.user, r.subject) for r in rows] == [
        ("login_failed", "", "ghost"), ("login_failed", "somsri", "somsri"), ("login", "somsri", "somsri")]
    assert rows[2].till == "T1" and rows[1].detail == {"failures": 1}


def test_a_named_manager_overrides_and_it_is_recorded(demo_db: OpenedDatabase) -> None:
    seller = users.login("somsri", "1111")
    manager = users.authorise("wanna", "3333", Action.REFUND, till_id=1, for_actor=seller, reason="ของชำรุด")
    assert (manager.login, manager.role) == ("wanna", "treasurer")
    row = audit.entries(["override"])[0]
    assert (row.user, row.till, row.detail) == ("wanna", "T1", {"action": "refund", "for_user": "somsri",
                                                                "reason": "ของชำรุด"})


def test_any_manager_override_finds_the_person_by_pin(demo_db: OpenedDatabase) -> None:
    assert users.authorise(None, "9999", Action.VOID).login == "admin"
    assert users.authorise(None, "3333", Action.VOID).login == "wanna"
    with pytest.raises(AuthError):
        users.authorise(None, "1111", Action.VOID)  # the seller's own PIN approves nothing
    assert audit.entries(["override_failed"])[0].detail["action"] == "void"


def test_an_override_by_someone_not_allowed_is_refused(demo_db: OpenedDatabase) -> None:
    with pytest.raises(PermissionDenied):
        users.authorise("prapha", "2222", Action.REFUND)
    assert audit.entries(["override_failed"])[0].user == "prapha"
    assert audit.entries(["override"]) == []


def test_wrong_override_pins_lock_out_too(demo_db: OpenedDatabase, clock: FixedClock) -> None:
    for n in range(4):
        clock.set(T0 + dt.timedelta(seconds=n))
        with pytest.raises(AuthError):
            users.authorise(None, "0000", Action.VOID, till_id=1)
    clock.set(T0 + dt.timedelta(seconds=4))
    with pytest.raises(AuthError) as err:
        users.authorise(None, "3333", Action.VOID, till_id=1)
    assert err.value.params == {"seconds": 29}


def test_the_admin_adds_deactivates_and_resets(demo_db: OpenedDatabase) -> None:
    admin = users.login("admin", "9999")
    users.add_person(admin, "malee", "มาลี", "seller", "4321")
    assert users.login("malee", "4321").role == "seller"
    users.reset_pin(admin, "malee", "8765")
    with pytest.raises(AuthError):
        users.login("malee", "4321")
    assert users.login("malee", "8765").login == "malee"
    users.set_active(admin, "malee", False)
    assert "malee" not in [a.login for a in users.users_for_login()]
    with pytest.raises(AuthError):
        users.login("malee", "8765")
    assert [(p.login, p.active) for p in users.people()][-1] == ("malee", False)
    kinds = [r.kind for r in audit.entries(["person_added", "pin_reset", "person_deactivated"])]
    assert kinds == ["person_deactivated", "pin_reset", "person_added"]


def test_people_management_needs_the_admin(demo_db: OpenedDatabase) -> None:
    treasurer = users.login("wanna", "3333")
    admin = users.login("admin", "9999")
    with pytest.raises(PermissionDenied):
        users.add_person(treasurer, "x", "X", "seller", "1234")
    with pytest.raises(PermissionDenied):
        users.reset_pin(treasurer, "somsri", "1234")
    with pytest.raises(InputError):
        users.set_active(admin, "admin", False)  # not yourself, not the last admin
    with pytest.raises(InputError):
        users.reset_pin(admin, "somsri", "12")
    with pytest.raises(NotFound):
        users.set_active(admin, "ghost", False)
    assert User.get(User.login == "somsri").active and users.login("somsri", "1111")
