"""Shared set-up of the print tests: a demo sale with known figures, the demo people, the till."""

from __future__ import annotations

import datetime as dt
import uuid

from db.models import Barcode, Item, Till
from pos_app.money import Money
from pos_app.people import users
from pos_app.selling import catalog, sales
from pos_app.selling.cart import Cart

NOON = dt.datetime(2026, 11, 24, 5, 0, tzinfo=dt.UTC)  # 12:00 in Bangkok on 24 Nov 2026 (BE 2569)


def seller() -> users.Actor:
    return users.login("somsri", "1111")


def treasurer() -> users.Actor:
    return users.login("wanna", "3333")


def admin() -> users.Actor:
    return users.login("admin", "9999")


def till_t1() -> Till:
    return Till.get(Till.code == "T1")


def three_line_cart() -> Cart:
    """น้ำยาล้างจาน 500 มล. ฿25.00 + 2 × ชาหญ้าหมอน้อย ฿60.00 + 333 g กะปิ at ฿200.00/kg (฿66.60) = ฿211.60."""
    codes = {b.item.sku: b.code for b in Barcode.select(Barcode, Item).join(Item)}
    cart = Cart()
    cart.add(catalog.by_barcode(codes["DISH-500"]))  # type: ignore[arg-type]
    cart.add(catalog.by_barcode(codes["TEA-YMN"]), 2)  # type: ignore[arg-type]
    kapi = next(v for v in catalog.sellable() if v.sku == "KAPI-KG")
    cart.add(kapi, 333)
    return cart


def one_item_cart(sku: str = "DISH-500", quantity: int = 1) -> Cart:
    codes = {b.item.sku: b.code for b in Barcode.select(Barcode, Item).join(Item)}
    cart = Cart()
    cart.add(catalog.by_barcode(codes[sku]), quantity)  # type: ignore[arg-type]
    return cart


def cash_sale(tendered: str = "300", cart: Cart | None = None, now: dt.datetime | None = None) -> uuid.UUID:
    result = sales.commit_sale(seller(), till_t1().id, cart or three_line_cart(), Money.parse(tendered),
                               now=now or NOON)
    return result.uuid
