"""Lot numbers across laptops, and the lot look-ups the till uses (labels, expiry), on both databases."""

from __future__ import annotations

import datetime as dt
from uuid import uuid4

import pytest

from db.connection import OpenedDatabase
from db.models import Lot
from pos_app.clock import utc_now
from pos_app.errors import InputError
from pos_app.stock import ledger, lots
from pos_app.stock.ledger import Movement
from pos_app.trust import chain
from tests.stock_support import buy, new_item, shop

LAPTOP_A = "3f2a9c01-1111-4111-8111-111111111111"
LAPTOP_B = "3f2a9d77-2222-4222-8222-222222222222"  # same first four hex digits as A: six tell them apart


def as_computer(monkeypatch: pytest.MonkeyPatch, computer: str) -> None:
    monkeypatch.setattr(chain, "_computer", computer)


def test_two_laptops_of_one_group_never_take_the_same_number(demo_db: OpenedDatabase,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    salt = new_item()
    as_computer(monkeypatch, LAPTOP_A)
    a1 = buy("KAPI-STALL", salt, 10, 100)
    a2 = buy("KAPI-STALL", salt, 10, 100)
    as_computer(monkeypatch, LAPTOP_B)
    b1 = buy("KAPI-STALL", salt, 10, 100)  # the same group and day: B counts only its own lots
    as_computer(monkeypatch, LAPTOP_A)
    a3 = buy("KAPI-STALL", salt, 10, 100, day=dt.date(2026, 11, 23))  # a day earlier, entered late
    numbers = [Lot.get_by_id(x.lot_id).number for x in (a1, a2, b1, a3)]
    assert numbers == ["KAPI-25691124-3F2A9C-001", "KAPI-25691124-3F2A9C-002", "KAPI-25691124-3F2A9D-001",
                       "KAPI-25691123-3F2A9C-001"]
    # the identity is the UUID, never the number: four lots, four different UUIDs
    assert len({Lot.get_by_id(x.lot_id).uuid for x in (a1, a2, b1, a3)}) == 4


def test_a_number_typed_by_hand_is_skipped(demo_db: OpenedDatabase, monkeypatch: pytest.MonkeyPatch) -> None:
    salt = new_item()
    as_computer(monkeypatch, LAPTOP_B)
    import uuid

    lots.create_lot(lots.NewLot(salt.id, 5, 500, number="KAPI-25691124-3F2A9D-001"), salt.group_id, "purchase",
                    uuid.uuid4(), dt.date(2026, 11, 24))
    nxt = buy("KAPI-STALL", salt, 5, 500)
    assert Lot.get_by_id(nxt.lot_id).number == "KAPI-25691124-3F2A9D-002"


def test_lot_by_label_reads_a_scan_in_any_case_or_the_uuid(demo_db: OpenedDatabase,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    salt = new_item()
    as_computer(monkeypatch, LAPTOP_A)
    made = buy("KAPI-STALL", salt, 4, 400)
    lot = Lot.get_by_id(made.lot_id)
    assert lots.lot_by_label("  kapi-25691124-3f2a9c-001\n").id == lot.id
    assert lots.lot_by_label(str(lot.uuid)).id == lot.id
    with pytest.raises(InputError) as err:
        lots.lot_by_label("KAPI-25691124-3F2A9C-999")
    assert err.value.params == {"number": "KAPI-25691124-3F2A9C-999"}
    with pytest.raises(InputError):
        lots.lot_by_label("")


def test_is_expired_counts_the_expiry_day_as_good(demo_db: OpenedDatabase) -> None:
    salt = new_item()
    made = buy("KAPI-STALL", salt, 4, 400, expires=dt.date(2026, 11, 30))
    lot = Lot.get_by_id(made.lot_id)
    assert lots.is_expired(lot, dt.date(2026, 11, 30)) is False
    assert lots.is_expired(lot, dt.date(2026, 12, 1)) is True
    no_expiry = Lot.get_by_id(buy("KAPI-STALL", new_item(), 1, 1).lot_id)
    assert lots.is_expired(no_expiry, dt.date(2100, 1, 1)) is False


def test_a_scanned_lot_overrides_fefo_at_the_till(demo_db: OpenedDatabase, monkeypatch: pytest.MonkeyPatch) -> None:
    paste = new_item(kind="finished", price_satang=5000, unit="piece")
    as_computer(monkeypatch, LAPTOP_A)
    first = buy("KAPI-STALL", paste, 5, 500, expires=dt.date(2026, 12, 1))
    later = buy("KAPI-STALL", paste, 5, 500, expires=dt.date(2027, 6, 1))
    label = Lot.get_by_id(later.lot_id).number
    stall = shop("KAPI-STALL").id
    fefo = ledger.write_movements("sale", stall, uuid4(), [Movement(paste.id, -2)], utc_now(), None)
    assert [(p.lot_id, p.quantity) for p in fefo.picks] == [(first.lot_id, -2)]  # the lot expiring first
    picked = ledger.write_movements("sale", stall, uuid4(), [Movement(paste.id, -1, lot=label.lower())],
                                    utc_now(), None)
    assert [(p.lot_id, p.quantity) for p in picked.picks] == [(later.lot_id, -1)]
