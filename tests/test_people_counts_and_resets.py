"""People: one person's wrong PINs never touch another's lock-out, a right override PIN starts its count
again, an inactive manager's PIN approves nothing, a PIN reset changes one person's PIN only, and the
people screen and audit rows name who and what.  Both databases.  Demo people (resources/demo): somsri
seller 1111, prapha production 2222, wanna treasurer 3333, admin 9999; till T1 is id 1.  Every expected
value is a literal (the Thai texts are the catalog's, resources/translations/th)."""

from __future__ import annotations

import datetime as dt

import pytest

from db.connection import OpenedDatabase
from pos_app.clock import FixedClock
from pos_app.errors import AuthError
from pos_app.people import users
from pos_app.people.permissions import Action
from pos_app.trust import audit

T0 = dt.datetime(2026, 11, 24, 3, 0, tzinfo=dt.UTC)
WRONG_PIN = "รหัส PIN ไม่ถูกต้อง กรุณาลองใหม่"


def at(clock: FixedClock, seconds: int) -> None:
    clock.set(T0 + dt.timedelta(seconds=seconds))


def locks() -> dict[str, dt.datetime | None]:
    return {p.login: p.locked_until for p in users.people()}


def test_one_persons_wrong_pins_leave_anothers_lock_out_alone(demo_db: OpenedDatabase, clock: FixedClock) -> None:
    at(clock, 0)
    with pytest.raises(AuthError):
        users.login("prapha", "0000")  # prapha's 1st wrong PIN: free
    for n in range(4):  # somsri's 4th wrong PIN, at 0:04, locks her until 0:34
        at(clock, 1 + n)
        with pytest.raises(AuthError):
            users.login("somsri", "0000")
    assert (locks()["somsri"], locks()["prapha"]) == (T0 + dt.timedelta(seconds=34), None)
    at(clock, 5)
    assert users.login("prapha", "2222").login == "prapha"  # somsri's lock-out is not prapha's
    at(clock, 6)
    with pytest.raises(AuthError):
        users.login("wanna", "0000")  # wanna's 1st wrong PIN, free: it leaves somsri locked
    at(clock, 10)
    with pytest.raises(AuthError) as err:
        users.login("somsri", "1111")
    assert str(err.value) == "ใส่รหัส PIN ผิดหลายครั้ง กรุณารอ 24 วินาทีแล้วลองใหม่"  # 0:34 − 0:10
    assert locks() == {"prapha": None, "wanna": None, "admin": None, "somsri": T0 + dt.timedelta(seconds=34)}


def test_a_right_override_pin_starts_the_count_again(demo_db: OpenedDatabase, clock: FixedClock) -> None:
    for n in range(2):
        at(clock, n)
        with pytest.raises(AuthError):
            users.authorise(None, "0000", Action.VOID, till_id=1)
    at(clock, 2)
    assert users.authorise(None, "3333", Action.VOID, till_id=1).login == "wanna"
    for n in range(3):  # three free wrong PINs again, not the 3rd, 4th (locked) and 5th
        at(clock, 3 + n)
        with pytest.raises(AuthError) as err:
            users.authorise(None, "0000", Action.VOID, till_id=1)
        assert str(err.value) == WRONG_PIN
    assert [r.detail["failures"] for r in audit.entries(["override_failed"])] == [3, 2, 1, 2, 1]
    at(clock, 6)
    assert users.authorise(None, "3333", Action.VOID, till_id=1).login == "wanna"
    for n in range(3):  # the same for a manager named
        at(clock, 7 + n)
        with pytest.raises(AuthError):
            users.authorise("wanna", "0000", Action.REFUND, till_id=1)
        at(clock, 10 + n)
        assert users.authorise("wanna", "3333", Action.REFUND, till_id=1).login == "wanna"
    assert [r.detail["failures"] for r in audit.entries(["override_failed"])][:3] == [1, 1, 1]


def test_an_inactive_managers_pin_approves_no_override(demo_db: OpenedDatabase) -> None:
    admin = users.login("admin", "9999")
    users.set_active(admin, "wanna", False)
    seller = users.login("somsri", "1111")
    with pytest.raises(AuthError) as err:
        users.authorise(None, "3333", Action.VOID, till_id=1, for_actor=seller)
    assert str(err.value) == WRONG_PIN
    row = audit.entries(["override_failed"])[0]
    assert (row.user, row.subject, row.till, row.detail) == (
        "", "", "T1", {"action": "void", "for_user": "somsri", "failures": 1})
    assert audit.entries(["override"]) == []
    assert users.authorise(None, "9999", Action.VOID, till_id=1).login == "admin"  # an active one still may


def test_a_pin_reset_changes_that_persons_pin_only(demo_db: OpenedDatabase) -> None:
    admin = users.login("admin", "9999")
    users.reset_pin(admin, "somsri", "4321")
    assert users.login("somsri", "4321").login == "somsri"
    assert users.login("prapha", "2222").login == "prapha"
    assert users.login("admin", "9999").login == "admin"
    with pytest.raises(AuthError) as err:
        users.login("wanna", "4321")
    assert str(err.value) == WRONG_PIN


def test_the_people_screen_shows_each_persons_name_and_who_changed_them(demo_db: OpenedDatabase) -> None:
    admin = users.login("admin", "9999")
    users.add_person(admin, "anong", "  อนงค์ ใจดี ", "seller", "4444")
    users.set_active(admin, "anong", False)
    assert [p for p in users.people() if p.login == "anong"] == [
        users.PersonView("anong", "อนงค์ ใจดี", "seller", False, None)]
    users.set_active(admin, "anong", True)
    rows = audit.entries(["person_activated", "person_deactivated"])
    assert [(r.kind, r.user, r.subject) for r in rows] == [
        ("person_activated", "admin", "anong"), ("person_deactivated", "admin", "anong")]
