"""The daily summary of a small hand-worked day: every figure from the demo's prices and opening costs.

The known day of tests/books_day.py (T1 at BHS-MARKET, group BHS) plus, on Tuesday 24 Nov 2026:

  12:30  #6 (KAPI-KG 333 g, ฿66.60 cash) voided
  14:00  a LINE order at T1: 3 × KAPI-SEASONED (฿40.00) = ฿120.00, ฿10.00 off the sale, ฿110.00 by transfer
  14:30  cash out to a supplier ฿80.00
  15:00  K1 (KAPI-STALL, group KAPI) sells 1 × KAPI-SEASONED for ฿40.00 cash; the stall never received any
         (the "unrecorded" lot): costed at the standard cost, the opening lot's ฿18.00 a jar
  16:00  one DISH-500 thrown away at the market

Opening unit costs (resources/demo/network.json): KAPI-KG ฿90.00/kg, KAPI-SEASONED ฿18.00, TEA-YMN ฿25.00,
DRINK-YMN ฿8.00, DISH-500 ฿9.00, LAUNDRY-1L ฿17.00, SHAMPOO-250 ฿18.00.
"""

from __future__ import annotations

import datetime as dt

from db.connection import OpenedDatabase
from db.models import Item, ItemPrice, PriceTier, Shop, Till
from pos_app.books import cash
from pos_app.books.scope import make_scope
from pos_app.books.summary import ItemLine, daily_summary
from pos_app.money import Money
from pos_app.selling import refunds, sales
from pos_app.selling.payments import PaymentIn
from pos_app.stock import adjustments
from tests.books_day import DAY, actor, at, build_day, cart, item_id, seller, t1, treasurer

B = Money.parse  # hand-worked baht, written as text
ZERO = B("0")


def k1() -> Till:
    return Till.get(Till.code == "K1")


def market_day() -> None:
    done = build_day()
    tr = treasurer()
    refunds.refund_sale(tr, t1().id, done["6"].uuid, "ชั่งผิด", now=at(12, 30), void=True)  # type: ignore[attr-defined]
    order = cart(("KAPI-SEASONED", 3))
    order.set_channel("online", "คุณมาลี", "0812345678")
    order.set_discount(B("10.00"))
    sales.commit_sale(seller(), t1().id, order, payments=[PaymentIn("transfer", B("110.00"))], now=at(14))
    cash.move_cash(tr, t1().id, "out", "supplier", "ซื้อถุงหิ้ว", B("80.00"), now=at(14, 30))
    sales.commit_sale(seller(), k1().id, cart(("KAPI-SEASONED", 1)), B("40.00"), now=at(15))
    market = Shop.get(Shop.code == "BHS-MARKET")
    adjustments.record_waste(actor("prapha"), market.id, [adjustments.Wasted(item_id("DISH-500"), 1)], "ขวดแตก",
                             now=at(16))


def lines(items: list[ItemLine]) -> list[tuple[str, str, str, int, str, Money, Money, int]]:
    return [(ln.sku, ln.name_th, ln.group_code, ln.quantity, ln.base_unit, ln.amount, ln.cost, ln.standard_quantity)
            for ln in items]


SEASONED = "กะปิผงทรงเครื่อง 50 กรัม"


def test_the_networks_summary_of_the_day(empty_db: OpenedDatabase) -> None:
    market_day()
    scope = make_scope(DAY)
    s = daily_summary(scope)
    assert s.scope == scope
    assert lines(s.items) == [  # by group, then SKU; amounts before the sale's discount
        ("DISH-500", "น้ำยาล้างจาน 500 มล.", "BHS", 0, "piece", ZERO, ZERO, 0),  # 2 sold, 2 refunded
        ("LAUNDRY-1L", "น้ำยาซักผ้า 1 ลิตร", "BHS", 1, "piece", B("45.00"), B("17.00"), 0),
        ("SHAMPOO-250", "แชมพูสมุนไพร 250 มล.", "BHS", 1, "piece", B("50.00"), B("18.00"), 0),
        ("DRINK-YMN", "น้ำสมุนไพรหญ้าหมอน้อย 350 มล.", "HERB", 3, "piece", B("60.00"), B("24.00"), 0),
        ("TEA-YMN", "ชาหญ้าหมอน้อย (20 ซอง)", "HERB", 1, "piece", B("60.00"), B("25.00"), 0),
        ("KAPI-KG", "กะปิ (ชั่งกิโล)", "KAPI", 500, "g", B("100.00"), B("45.00"), 0),  # 833 g − 333 g voided
        # 3 jars from the market's lot (3 × ฿18.00) + 1 at the standard cost (฿18.00)
        ("KAPI-SEASONED", SEASONED, "KAPI", 4, "piece", B("160.00"), B("72.00"), 1),
    ]
    assert [ln.margin for ln in s.items][-2:] == [B("55.00"), B("88.00")]
    assert s.cost_basis == "mixed"
    assert s.by_group == {"BHS": B("95.00"), "HERB": B("120.00"), "KAPI": B("260.00")}
    # 431.60 (build_day) + 110.00 (order) + 40.00 (K1)
    assert (s.sales_count, s.sales_total) == (7, B("581.60"))
    assert (s.refunds_count, s.refunds_total, s.voids_count, s.voids_total) == (1, B("50.00"), 1, B("66.60"))
    assert s.discounts == B("10.00")
    assert s.net_sales == B("465.00") and s.income == B("465.00")  # 581.60 − 50.00 − 66.60
    # cash: 50.00 + 160.00 + 66.60 − 50.00 − 66.60 + 40.00; PromptPay 60.00 + 95.00
    assert s.by_method == {"cash": B("200.00"), "promptpay": B("155.00"), "transfer": B("110.00")}
    assert s.by_channel == {"stall": B("355.00"), "online": B("110.00")}
    # 17 + 18 + 24 + 25 + 45 + 72 = 201.00; 465.00 − 201.00 = 264.00
    assert (s.cost, s.margin) == (B("201.00"), B("264.00"))
    assert s.cash_moves == {("out", "ice"): B("35.00"), ("in", "change"): B("100.00"),
                            ("out", "supplier"): B("80.00")}
    assert s.stock == {"waste": [("DISH-500", "น้ำยาล้างจาน 500 มล.", -1, "piece")]}
    assert (s.transfers_out, s.transfers_out_cost, s.transfers_in, s.transfers_count) == (ZERO, ZERO, ZERO, 0)
    assert s.network and not s.is_empty


def test_each_groups_summary_holds_its_own_shops_documents(empty_db: OpenedDatabase) -> None:
    market_day()
    stall = daily_summary(make_scope(DAY, group="KAPI"))  # K1's one jar, costed at the standard cost
    assert lines(stall.items) == [("KAPI-SEASONED", SEASONED, "KAPI", 1, "piece", B("40.00"), B("18.00"), 1)]
    assert stall.cost_basis == "standard"
    assert (stall.sales_count, stall.net_sales, stall.by_method) == (1, B("40.00"), {"cash": B("40.00")})
    assert (stall.cash_moves, stall.stock, stall.discounts) == ({}, {}, ZERO)
    assert not stall.network and (stall.income, stall.margin) == (B("40.00"), B("22.00"))
    market = daily_summary(make_scope(DAY, group="BHS"))
    seasoned = next(ln for ln in market.items if ln.sku == "KAPI-SEASONED")
    assert (seasoned.quantity, seasoned.amount, seasoned.cost, seasoned.standard_quantity) == (
        3, B("120.00"), B("54.00"), 0)
    assert market.cost_basis == "lots"
    assert (market.sales_count, market.net_sales) == (6, B("425.00"))  # 465.00 − K1's 40.00
    assert market.by_method == {"cash": B("160.00"), "promptpay": B("155.00"), "transfer": B("110.00")}
    assert market.cash_moves == {("out", "ice"): B("35.00"), ("in", "change"): B("100.00"),
                                 ("out", "supplier"): B("80.00")}
    assert market.stock == {"waste": [("DISH-500", "น้ำยาล้างจาน 500 มล.", -1, "piece")]}
    assert (market.cost, market.margin) == (B("183.00"), B("242.00"))  # 201.00 − 18.00; 425.00 − 183.00


def test_a_day_with_only_cash_or_only_stock_is_not_empty(empty_db: OpenedDatabase) -> None:
    build_day()  # T1's shift of the 24th is still open
    cash.move_cash(treasurer(), t1().id, "out", "other", "ค่าถ่ายเอกสาร", B("12.50"), now=at(9, 0, DAY + dt.timedelta(1)))
    cash.move_cash(treasurer(), t1().id, "in", "other", "เงินคืนร้านค้า", B("20.00"), now=at(9, 5, DAY + dt.timedelta(1)))
    moved = daily_summary(make_scope(DAY + dt.timedelta(1)))
    assert moved.cash_moves == {("out", "other"): B("12.50"), ("in", "other"): B("20.00")} and not moved.is_empty
    assert daily_summary(make_scope(DAY, group="BHS")).cash_moves == {
        ("out", "ice"): B("35.00"), ("in", "change"): B("100.00")}  # the 24th's only
    assert (moved.sales_count, moved.items, moved.stock, moved.discounts) == (0, [], {}, ZERO)
    assert (moved.by_method, moved.by_channel, moved.cost_basis) == ({}, {}, "lots")
    market = Shop.get(Shop.code == "BHS-MARKET")
    day = DAY + dt.timedelta(2)
    adjustments.record_waste(actor("prapha"), market.id, [adjustments.Wasted(item_id("DISH-500"), 2)], "ขวดแตก",
                             now=at(23, 59, day))
    wasted = daily_summary(make_scope(day))
    assert wasted.stock == {"waste": [("DISH-500", "น้ำยาล้างจาน 500 มล.", -2, "piece")]} and not wasted.is_empty
    assert daily_summary(make_scope(day + dt.timedelta(1))).stock == {}  # 23:59 Bangkok is still the 26th
    # Exactly midnight Bangkok belongs to the day it starts.
    adjustments.record_waste(actor("prapha"), market.id, [adjustments.Wasted(item_id("DISH-500"), 3)], "ขวดแตก",
                             now=at(0, 0, day + dt.timedelta(1)))
    assert daily_summary(make_scope(day)).stock == {"waste": [("DISH-500", "น้ำยาล้างจาน 500 มล.", -2, "piece")]}
    assert daily_summary(make_scope(day + dt.timedelta(1))).stock == {
        "waste": [("DISH-500", "น้ำยาล้างจาน 500 มล.", -3, "piece")]}


def test_money_that_nets_to_nothing_and_goods_never_received(empty_db: OpenedDatabase) -> None:
    """A soap nobody ever bought (no lot anywhere: no cost to use) sold twice for ฿30.00 by PromptPay, and one
    DRINK-YMN (฿20.00 cash) sold and refunded in cash the same day: cash nets ฿0.00.  The drink's lot moved
    (out and back), so the cost basis is mixed."""
    from tests import stock_support

    build_day()
    day = DAY + dt.timedelta(3)  # Friday 27th; T1's shift of the 24th is still open
    soap = stock_support.new_item("BHS", "finished", "piece", price_satang=3000, name="สบู่ไม่มีต้นทุน")
    sales.commit_sale(seller(), t1().id, cart((str(soap.sku), 2)), method="promptpay", now=at(9, 0, day))
    drink = sales.commit_sale(seller(), t1().id, cart(("DRINK-YMN", 1)), B("20.00"), now=at(9, 30, day))
    refunds.refund_sale(treasurer(), t1().id, drink.uuid, "ลูกค้าเปลี่ยนใจ", now=at(9, 45, day))
    s = daily_summary(make_scope(day))
    assert lines(s.items) == [
        (str(soap.sku), str(soap.name_th), "BHS", 2, "piece", B("60.00"), ZERO, 2),  # no lot, no standard cost
        ("DRINK-YMN", "น้ำสมุนไพรหญ้าหมอน้อย 350 มล.", "HERB", 0, "piece", ZERO, ZERO, 0),
    ]
    assert s.cost_basis == "mixed" and (s.cost, s.margin) == (ZERO, B("60.00"))
    assert s.by_method == {"cash": ZERO, "promptpay": B("60.00")}
    drinks = daily_summary(make_scope(day, group="HERB"))  # HERB has no shop: nothing of T1's
    assert drinks.is_empty and drinks.by_method == {}


def test_standard_cost_per_kilo_from_the_newest_lot_before_the_day_ends(empty_db: OpenedDatabase) -> None:
    """Shrimp paste by weight at ฿200.00/kg, bought only by the Kapi stall: 1,000 g for ฿50.00 (20 Nov), then
    2,000 g for ฿180.01 (24 Nov 07:00), then 1,000 g for ฿120.00 (25 Nov).  T1 sells 500 g on the 24th: no lot
    at the market, so the standard cost is the newest lot before the 24th ends: 18001 × 1000 / 2000 = 9000.5
    → ฿90.01/kg (half up); 500 g: 9001 × 500 / 1000 = 4500.5 → ฿45.01 (half up)."""
    from tests import stock_support

    build_day()
    paste = stock_support.new_item("KAPI", "finished", "g", name="กะปิแท้")
    retail = PriceTier.get(PriceTier.code == "retail")
    ItemPrice.create(item=paste, tier=retail, price_satang=20000, per_quantity=1000)
    for grams, satang, when in ((1000, 5000, at(7, 0, dt.date(2026, 11, 20))), (2000, 18001, at(7)),
                                (1000, 12000, at(0, 0, DAY + dt.timedelta(1)))):  # the 25th's first instant
        stock_support.buy("KAPI-STALL", paste, grams, satang, paid_from="account", now=when)
    # A second item the market never received: one bag bought by the stall for ฿12.35 (a lot of one piece).
    bag = stock_support.new_item("KAPI", "finished", "piece", price_satang=2000, name="ถุงผ้า")
    stock_support.buy("KAPI-STALL", bag, 1, 1235, paid_from="account", now=at(7, 30))
    # A third: clothes pegs at ฿5.00 per 10, 3 bought by the stall for ฿1.00; T1 sells 2 for ฿1.00.  Standard
    # cost per 10: 100 × 10 / 3 = 333.3 → 333 satang; for 2: 333 × 2 / 10 = 66.6 → ฿0.67 (half up).
    peg = stock_support.new_item("KAPI", "finished", "piece", name="ไม้หนีบผ้า")
    ItemPrice.create(item=peg, tier=retail, price_satang=500, per_quantity=10)
    stock_support.buy("KAPI-STALL", peg, 3, 100, paid_from="account", now=at(7, 45))
    sales.commit_sale(seller(), t1().id, cart((str(paste.sku), 500), (str(bag.sku), 1), (str(peg.sku), 2)),
                      B("121.00"), now=at(14))
    s = daily_summary(make_scope(DAY))
    line = next(ln for ln in s.items if ln.sku == paste.sku)
    assert (line.quantity, line.base_unit, line.amount, line.cost, line.standard_quantity) == (
        500, "g", B("100.00"), B("45.01"), 500)
    bag_line = next(ln for ln in s.items if ln.sku == bag.sku)
    assert (bag_line.quantity, bag_line.amount, bag_line.cost, bag_line.standard_quantity) == (
        1, B("20.00"), B("12.35"), 1)
    peg_line = next(ln for ln in s.items if ln.sku == peg.sku)
    assert (peg_line.quantity, peg_line.amount, peg_line.cost, peg_line.standard_quantity) == (
        2, B("1.00"), B("0.67"), 2)
    assert line.margin == B("54.99")
    assert s.cost_basis == "mixed"
    assert Item.get_by_id(paste.id).base_unit == "g"


def test_transfers_in_each_groups_stock_and_books(empty_db: OpenedDatabase) -> None:
    from tests.test_books_transfers import _give_soap

    _give_soap()  # 4 × DISH-500 from the market (BHS) to the stall (KAPI): ฿80.00 agreed, ฿36.00 of lots
    soap = ("DISH-500", "น้ำยาล้างจาน 500 มล.")
    giver = daily_summary(make_scope(DAY, group="BHS"))
    assert giver.stock == {"transfer": [(*soap, -4, "piece")]}
    assert (giver.transfers_out, giver.transfers_out_cost, giver.transfers_in, giver.transfers_count) == (
        B("80.00"), B("36.00"), ZERO, 1)
    taker = daily_summary(make_scope(DAY, group="KAPI"))
    assert taker.stock == {"transfer": [(*soap, 4, "piece")]}
    assert (taker.transfers_out, taker.transfers_out_cost, taker.transfers_in, taker.transfers_count) == (
        ZERO, ZERO, B("80.00"), 1)
    assert (taker.income, taker.cost) == (ZERO, ZERO) and not taker.is_empty
    network = daily_summary(make_scope(DAY))
    assert network.stock == {"transfer": [(*soap, 0, "piece")]}
    assert (network.transfers_out, network.transfers_out_cost, network.transfers_in, network.transfers_count) == (
        B("80.00"), B("36.00"), B("80.00"), 1)
    assert (network.income, network.cost) == (ZERO, ZERO)  # moves inside the network
    assert daily_summary(make_scope(DAY + dt.timedelta(1), group="BHS")).transfers_count == 0
    assert daily_summary(make_scope(DAY + dt.timedelta(1))).transfers_count == 0


def test_a_batch_made_and_goods_of_the_same_name_written_off(empty_db: OpenedDatabase) -> None:
    """The production tests' set-up (paste, sugar passed from BHS, pouches; a recipe of 500 g paste + 100 g
    sugar + 10 pouches for 10 jars) and a batch of 10 at the Kapi stall; two different items both named
    "ถุงหิ้ว" bought by the market, 2 and 3 of them thrown away."""
    from pos_app.production import batches
    from tests import stock_support
    from tests.books_day import master_data
    from tests.test_production_batches import _setup

    master_data()
    made = _setup()
    paste, sugar, pouch, powder = (made[k] for k in ("paste", "sugar", "pouch", "powder"))
    batches.commit_batch(stock_support.lead(), batches.plan_batch(made["recipe"].id,  # type: ignore[attr-defined]
                                                                  stock_support.shop("KAPI-STALL").id, 10))
    small, large = (stock_support.new_item("BHS", "packaging", "piece") for _ in range(2))
    for bag in (small, large):
        Item.update(name_th="ถุงหิ้ว").where(Item.id == bag.id).execute()
        stock_support.buy("BHS-MARKET", bag, 10, 1000, paid_from="account")
    adjustments.record_waste(actor("prapha"), stock_support.shop("BHS-MARKET").id,
                             [adjustments.Wasted(small.id, 2), adjustments.Wasted(large.id, 3)], "ขาด")

    def row(item: object, qty: int) -> tuple[str, str, int, str]:
        return (item.sku, item.name_th, qty, item.base_unit)  # type: ignore[attr-defined]

    kapi = daily_summary(make_scope(DAY, group="KAPI")).stock
    assert kapi == {
        "consume": sorted([row(paste, -500), row(sugar, -100), row(pouch, -10)]),
        "produce": [row(powder, 10)],
        "transfer": [row(sugar, 300)],
    }
    market = daily_summary(make_scope(DAY, group="BHS")).stock
    assert market == {"transfer": [row(sugar, -300)],
                      "waste": [(small.sku, "ถุงหิ้ว", -2, "piece"), (large.sku, "ถุงหิ้ว", -3, "piece")]}


def test_an_item_sold_at_two_pricing_quantities_in_a_day(empty_db: OpenedDatabase) -> None:
    """KAPI-KG is ฿200.00 per 1,000 g until noon, then ฿20.00 per 100 g: 100 g sold at each, ฿20.00 each."""
    build_day()  # 833 g sold (฿166.60), none refunded
    retail = PriceTier.get(PriceTier.code == "retail")
    kg = item_id("KAPI-KG")
    sales.commit_sale(seller(), t1().id, cart(("KAPI-KG", 100)), B("20.00"), now=at(11, 45))
    ItemPrice.update(per_quantity=100, price_satang=2000).where(
        (ItemPrice.item == kg) & (ItemPrice.tier == retail)).execute()
    sales.commit_sale(seller(), t1().id, cart(("KAPI-KG", 100)), B("20.00"), now=at(12, 15))
    line = next(ln for ln in daily_summary(make_scope(DAY)).items if ln.sku == "KAPI-KG")
    assert (line.quantity, line.amount) == (1033, B("206.60"))  # 833 + 100 + 100 g; 166.60 + 20.00 + 20.00
