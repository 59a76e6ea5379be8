"""A cart line keeps the lot it was scanned from and who let an expired lot go, also when the same item is
scanned again.  No database: the item and the people are written out here."""

from __future__ import annotations

import uuid

from pos_app.money import Money
from pos_app.people.users import Actor
from pos_app.selling import catalog
from pos_app.selling.cart import Cart

JAR = catalog.ItemView(7, "KAPI-JAR", "กะปิขวด", "shrimp paste jar", "finished", "piece", False, Money(5000), 1)
LEAD = Actor(2, uuid.UUID("00000000-0000-4000-8000-000000000002"), "prapha", "ประภา", "production")


def test_a_line_keeps_its_lot_and_who_let_it_go() -> None:
    cart = Cart()
    assert cart.add(JAR, 2, lot="KAPI-25691101-001", expired_ok_by=LEAD) == 0
    line = cart.lines[0]
    assert (line.quantity, line.lot, line.expired_ok_by) == (2, "KAPI-25691101-001", LEAD)


def test_the_same_lot_scanned_again_keeps_the_override_given_once() -> None:
    cart = Cart()
    cart.add(JAR, 1, lot="KAPI-25691101-001")
    assert cart.add(JAR, 1, lot="KAPI-25691101-001", expired_ok_by=LEAD) == 0  # the override comes second
    assert (cart.lines[0].quantity, cart.lines[0].expired_ok_by) == (2, LEAD)
    cart.add(JAR, 1, lot="KAPI-25691101-001")  # scanned once more without it: the override stays
    assert (cart.lines[0].quantity, cart.lines[0].expired_ok_by) == (3, LEAD)
    assert cart.add(JAR, 1, lot="KAPI-25691201-002") == 1  # another lot: a line of its own, no override
    assert (cart.lines[1].lot, cart.lines[1].expired_ok_by, cart.total) == ("KAPI-25691201-002", None, Money(20000))
