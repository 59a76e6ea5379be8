"""What a connection remembers (``statements.remembered``: a till's chain, the ``hash_schema`` row) is kept
only once the transaction that read it commits; the ledger's one savepoint leaves nothing of a refused
document behind even when the caller carries on and commits; a batch's lot number skips a number typed by
hand.  Both databases."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.connection import OpenedDatabase
from db.models import Lot, StockMovement, Till, database
from db.models.trust import HashSchema
from pos_app import statements
from pos_app.clock import utc_now
from pos_app.errors import InputError
from pos_app.stock import ledger
from pos_app.stock.ledger import Movement
from pos_app.stock.lots import lot_prefix, next_lot_number
from pos_app.trust import chain
from tests.stock_support import buy, new_item, shop

MARKET = "BHS-MARKET"


class Asked:
    """A lookup that says how often it was asked."""

    def __init__(self, value: object) -> None:
        self.value, self.times = value, 0

    def __call__(self) -> object:
        self.times += 1
        return self.value


def test_a_value_read_in_a_rolled_back_transaction_is_read_again(empty_db: OpenedDatabase) -> None:
    first = Asked("A")
    with pytest.raises(RuntimeError), database.atomic():
        assert statements.remembered("key", first) == "A"
        raise RuntimeError("rolled back")
    second = Asked("B")
    assert statements.remembered("key", second) == "B"  # asked again: the rolled-back read was not kept
    assert statements.remembered("key", Asked("C")) == "B"  # read outside a transaction: kept at once
    with database.atomic():
        assert statements.remembered("other", Asked(7)) == 7
    later = Asked(8)
    assert statements.remembered("other", later) == 7 and later.times == 0  # kept once committed
    nothing = Asked(None)
    assert statements.remembered("none", nothing) is None and statements.remembered("none", nothing) is None
    assert nothing.times == 2  # "no such row" is never kept
    empty_db.database.close()
    empty_db.database.connect()
    again = Asked("D")
    assert statements.remembered("key", again) == "D" and again.times == 1  # a new connection asks again


def test_the_hash_schema_row_of_a_rolled_back_link_is_written_again(empty_db: OpenedDatabase) -> None:
    version = ""
    with pytest.raises(RuntimeError), database.atomic():
        version = chain.current_version()
        assert HashSchema.select().where(HashSchema.version == version).count() == 1
        raise RuntimeError("rolled back")
    assert HashSchema.select().where(HashSchema.version == version).count() == 0
    assert chain.current_version() == version
    assert HashSchema.select().where(HashSchema.version == version).count() == 1


def test_a_tills_chain_is_its_uuid(demo_db: OpenedDatabase) -> None:
    till = Till.get(Till.code == "T1")
    assert chain.chain_of(till.id) == f"till:{till.uuid}" == chain.chain_of(till.id)
    with pytest.raises(ValueError):
        chain.chain_of(987654)


def test_a_refused_line_leaves_nothing_when_the_caller_carries_on(demo_db: OpenedDatabase) -> None:
    salt = new_item("KAPI", "finished", "piece", price_satang=1000)  # none in stock: sold past the books
    jar = new_item("KAPI", "finished", "piece", price_satang=5000)
    expired = buy(MARKET, jar, 10, 1000, expires=dt.date(2026, 11, 23), day=dt.date(2026, 11, 1))
    market, doc = shop(MARKET).id, uuid.uuid4()
    with database.atomic():
        with pytest.raises(InputError):  # line 1 makes salt's "unrecorded" lot, line 2 is refused
            ledger.write_movements("sale", market, doc, [Movement(salt.id, -2),
                                                         Movement(jar.id, -1, lot=expired.number)],
                                   utc_now(), None)
        assert Lot.select().where(Lot.item == salt.id).count() == 0
        done = ledger.write_movements("sale", market, doc, [Movement(jar.id, -1, lot=expired.number,
                                                                     allow_expired=True)], utc_now(), None)
    assert [(p.quantity, p.value_satang, p.expired_override) for p in done.picks] == [(-1, -100, True)]
    rows = StockMovement.select().where(StockMovement.document_uuid == doc)
    assert [(r.item_id, r.quantity) for r in rows] == [(jar.id, -1)]
    assert Lot.select().where(Lot.item == salt.id).count() == 0
    assert ledger.verify_balances() == []


def _typed_by_hand(number: str, item_id: int, group_id: int, day: dt.date) -> None:
    Lot.insert(uuid=uuid.uuid4(), number=number, item=item_id, group=group_id, origin="purchase",
               document_uuid=uuid.uuid4(), made_on=day, quantity_in=1, cost_satang=0, unit_cost_satang=0,
               remainder_satang=0, created_at=utc_now()).execute()


def test_the_next_lot_number_skips_one_typed_by_hand(demo_db: OpenedDatabase) -> None:
    day = dt.date(2026, 10, 1)  # before the demo's week: no lot of that day yet
    prefix = lot_prefix("KAPI", day)
    assert next_lot_number("KAPI", day) == f"{prefix}001"
    item = new_item("KAPI")
    _typed_by_hand(f"{prefix}002", item.id, item.group_id, day)
    assert next_lot_number("KAPI", day) == f"{prefix}003"  # one lot: 002 would be next, but it is taken
    _typed_by_hand(f"{prefix}004", item.id, item.group_id, day)
    assert next_lot_number("KAPI", day) == f"{prefix}003"  # two lots: 003, free
