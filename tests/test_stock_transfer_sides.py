"""A transfer between groups recorded by either side: the group that receives records what it took from the
giver's lots (first-expiry-first-out, or the lot it names); a member of a third group may not (both DBs).

Worked by hand: the Bang Hua Suea market buys 1,000 g of tamarind for ฿50.00 (expires 1 Mar 2027), then
500 g for ฿30.00 (expires 15 Jan 2027).  The Khlong Dan lead records 700 g received at an agreed ฿70.00:
first-expiry-first-out takes the January lot's 500 g (cost ฿30.00) and 200 g of the March lot (cost
5,000 × 200 ÷ 1,000 = 1,000 satang), so the giver's cost is ฿40.00; the price is shared by quantity,
7,000 × 500 ÷ 700 = 5,000 satang for the first new lot and the 2,000 left for the second.
"""

from __future__ import annotations

import datetime as dt

import pytest

from db.connection import OpenedDatabase
from db.models import Lot, NetworkGroup, StockMovement
from db.models.stock import StockBalance, Transfer
from pos_app.errors import PermissionDenied
from pos_app.money import Money
from pos_app.people import users
from pos_app.stock import transfers
from tests.stock_support import admin, buy, lead, new_item, shop

STALL, MARKET = "KAPI-STALL", "BHS-MARKET"  # prapha, the lead, is of the Khlong Dan (KAPI) group


def _tamarind() -> tuple[int, int, int]:
    item = new_item("BHS", name="มะขามเปียก")
    march = buy(MARKET, item, 1000, 5000, expires=dt.date(2027, 3, 1))
    january = buy(MARKET, item, 500, 3000, expires=dt.date(2027, 1, 15))
    return int(item.id), march.lot_id, january.lot_id


def _held(lot_id: int, shop_code: str) -> int:
    row = StockBalance.get_or_none((StockBalance.lot == lot_id) & (StockBalance.shop == shop(shop_code).id))
    return 0 if row is None else int(row.quantity)


def test_the_receiving_group_records_what_it_took_first_expiry_first_out(demo_db: OpenedDatabase) -> None:
    item, march, january = _tamarind()
    done = transfers.transfer(lead(), shop(MARKET).id, shop(STALL).id,  # KAPI receives, KAPI records
                              [transfers.GiveLine(item, 700, Money(7000))])
    assert (done.amount, done.cost) == (Money(7000), Money(4000))
    t = Transfer.get(Transfer.uuid == done.uuid)
    assert (t.from_group.code, t.to_group.code, t.user.login) == ("BHS", "KAPI", "prapha")
    assert (_held(january, MARKET), _held(march, MARKET)) == (0, 800)
    new = [Lot.get(Lot.number == to) for _from, to, _q in done.lots]
    assert [(lot.quantity_in, lot.cost_satang, lot.group.code) for lot in new] == [(500, 5000, "KAPI"),
                                                                                   (200, 2000, "KAPI")]
    assert [_held(lot.id, STALL) for lot in new] == [500, 200]
    assert [str(lot.expires_on) for lot in new] == ["2027-01-15", "2027-03-01"]  # the giver's lots' expiry


def test_the_receiver_may_name_the_givers_lot(demo_db: OpenedDatabase) -> None:
    item, march, january = _tamarind()
    done = transfers.transfer(lead(), shop(MARKET).id, shop(STALL).id,
                              [transfers.GiveLine(item, 300, Money(2400), lot_id=march)])
    assert done.cost == Money(1500)  # 5,000 × 300 ÷ 1,000
    assert (_held(january, MARKET), _held(march, MARKET)) == (500, 700)
    (only,) = done.lots
    assert only[0] == Lot.get_by_id(march).number and only[2] == 300


def test_a_member_of_a_third_group_may_not_record_it_and_nothing_changes(demo_db: OpenedDatabase) -> None:
    item, march, january = _tamarind()
    herbs = NetworkGroup.get(NetworkGroup.code == "HERB").id
    users.create_user("malee", "มาลี", "production", "4444", herbs)
    before = (Transfer.select().count(), StockMovement.select().count(), Lot.select().count())
    with pytest.raises(PermissionDenied) as err:
        transfers.transfer(users.login("malee", "4444"), shop(MARKET).id, shop(STALL).id,
                           [transfers.GiveLine(item, 100, Money(1000))])
    assert "กลุ่มสมุนไพรใกล้บ้าน" in err.value.message  # the group she is in, named in Thai
    assert (Transfer.select().count(), StockMovement.select().count(), Lot.select().count()) == before
    assert (_held(january, MARKET), _held(march, MARKET)) == (500, 1000)


def test_the_network_administrator_belongs_to_no_group_and_may_record_it(demo_db: OpenedDatabase) -> None:
    item, _march, january = _tamarind()
    done = transfers.transfer(admin(), shop(MARKET).id, shop(STALL).id, [transfers.GiveLine(item, 100, Money(900))])
    assert done.lots[0][0] == Lot.get_by_id(january).number
