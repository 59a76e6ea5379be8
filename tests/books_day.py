"""A small known day for the books tests, worked by hand (baht written as literals in the tests).

Master data and opening stock of the demo network (no demo sales), then on T1 (shop BHS-MARKET):

23 Nov 2026 15:00  #1 cash   DISH-3800 ×1                          120.00 (tendered 120.00)
24 Nov 2026 08:00  shift 1 opened by the treasurer, float 432.00:
                   2×100 + 5×20 + 10×10 + 4×5 + 10×1 + 2×0.50 + 4×0.25
           09:00   #2 cash   DISH-500 ×2                            50.00 (tendered 100.00, change 50.00)
           09:30   #3 PP     TEA-YMN ×1                             60.00
           10:15   #4 cash   KAPI-KG 500 g + DRINK-YMN ×3  100.00 + 60.00 = 160.00 (tendered 200, change 40)
           11:00   #5 PP     SHAMPOO-250 + LAUNDRY-1L        50.00 + 45.00 = 95.00
           11:30   #6 cash   KAPI-KG 333 g                          66.60 (tendered 70.00, change 3.40)
           12:00   #7 refund of #2 in cash                         −50.00
           13:00   cash out, ice                                    35.00
           13:30   cash in, change coins from the treasurer        100.00
"""

from __future__ import annotations

import datetime as dt

from db.models import Item, Payment, Sale, Till, User
from pos_app import demo
from pos_app.books import cash
from pos_app.clock import BANGKOK
from pos_app.money import Money
from pos_app.people import users
from pos_app.selling import catalog, refunds, sales
from pos_app.selling.cart import Cart

DAY = dt.date(2026, 11, 24)
FLOAT = {10000: 2, 2000: 5, 1000: 10, 500: 4, 100: 10, 50: 2, 25: 4}


def at(hour: int, minute: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), BANGKOK).astimezone(dt.UTC)


def actor(login: str) -> users.Actor:
    """The Actor of a demo user without the (deliberately slow) PIN hash check."""
    user = User.get(User.login == login)
    return users.Actor(user.id, user.uuid, user.login, user.display_name, user.role)


def treasurer() -> users.Actor:
    return actor("wanna")


def seller() -> users.Actor:
    return actor("somsri")


def t1() -> Till:
    return Till.get(Till.code == "T1")


def cart(*lines: tuple[str, int]) -> Cart:
    views = {v.sku: v for v in catalog.sellable()}
    c = Cart()
    for sku, qty in lines:
        c.add(views[sku], qty)
    return c


def master_data() -> None:
    spec = demo.load_spec()
    actors = demo._create_master_data(spec)
    demo._opening_stock(spec, actors["admin"], at(7, 0, dt.date(2026, 11, 20)))


def build_day() -> dict[str, object]:
    """Make the known day; returns the sale results by receipt number."""
    master_data()
    till = t1()
    s, tr = seller(), treasurer()
    done: dict[str, object] = {}
    done["1"] = sales.commit_sale(s, till.id, cart(("DISH-3800", 1)), Money(12000),
                                  now=at(15, 0, dt.date(2026, 11, 23)))
    cash.open_shift(tr, till.id, FLOAT, now=at(8))
    second = done["2"] = sales.commit_sale(s, till.id, cart(("DISH-500", 2)), Money(10000), now=at(9))
    done["3"] = sales.commit_sale(s, till.id, cart(("TEA-YMN", 1)), method="promptpay", now=at(9, 30))
    done["4"] = sales.commit_sale(s, till.id, cart(("KAPI-KG", 500), ("DRINK-YMN", 3)), Money(20000), now=at(10, 15))
    done["5"] = sales.commit_sale(s, till.id, cart(("SHAMPOO-250", 1), ("LAUNDRY-1L", 1)), method="promptpay",
                                  now=at(11))
    done["6"] = sales.commit_sale(s, till.id, cart(("KAPI-KG", 333)), Money(7000), now=at(11, 30))
    done["7"] = refunds.refund_sale(tr, till.id, second.uuid, "ลูกค้าคืนสินค้า", now=at(12))
    cash.move_cash(tr, till.id, "out", "ice", "ค่าน้ำแข็ง", Money(3500), now=at(13))
    cash.move_cash(tr, till.id, "in", "change", "เหรียญทอนจากเหรัญญิก", Money(10000), now=at(13, 30))
    return done


def promptpay_uuids() -> list[object]:
    return [p.uuid for p in Payment.select().join(Sale).where((Payment.method == "promptpay")
                                                                 & (Sale.business_date == DAY))]


def item_id(sku: str) -> int:
    return int(Item.get(Item.sku == sku).id)
