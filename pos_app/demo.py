"""The demo shop: the Bang Hua Suea network from the news story, with a week of past market days.

Master data (groups, shops, tills, items, prices, barcodes, users) comes from
``resources/demo/network.json``.  Opening stock, the week's sales and a refund or two are made through
the same services the till uses (``stock.receive``, ``sales.commit_sale``, ``refunds.refund_sale``), with
past instants, so the books and reports have something real to show.  Deterministic (seeded).
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass
from typing import Any

from db.models import Barcode, BarcodeRule, Item, ItemPack, ItemPrice, NetworkGroup, PriceTier, Shop, Till, database
from pos_app import clock
from pos_app.clock import BANGKOK
from pos_app.errors import InputError
from pos_app.money import Money
from pos_app.people import users
from pos_app.selling import catalog, sales
from pos_app.selling import refunds as refunding
from pos_app.selling.cart import Cart
from pos_app.stock import purchases
from pos_app.stock.ledger import on_hand_many
from resources import demo_path

DEMO_FILE = "network.json"


@dataclass(frozen=True)
class DemoSummary:
    groups: int
    items: int
    users: int
    sales: int
    refunds: int
    home_till: str


def load_spec() -> dict[str, Any]:
    with demo_path(DEMO_FILE).open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def is_empty() -> bool:
    return not NetworkGroup.select().exists()


def _create_master_data(spec: dict[str, Any]) -> dict[str, users.Actor]:
    groups = {g["code"]: NetworkGroup.create(code=g["code"], name_th=g["name_th"], name_en=g["name_en"])
              for g in spec["groups"]}
    for s in spec["shops"]:
        shop = Shop.create(group=groups[s["group"]], code=s["code"], name_th=s["name_th"], name_en=s["name_en"],
                           tax_id=s["tax_id"], promptpay_id=s["promptpay_id"])
        for t in s["tills"]:
            Till.create(shop=shop, code=t["code"], name=t["name"])
    tiers = {t["code"]: PriceTier.create(**t) for t in spec["tiers"]}
    for i in spec["items"]:
        item = Item.create(sku=i["sku"], kind=i["kind"], base_unit=i["base_unit"], name_th=i["name_th"],
                           name_en=i["name_en"], group=groups[i["group"]], sold_by_weight=i["sold_by_weight"])
        for tier, satang in i["prices"].items():
            ItemPrice.create(item=item, tier=tiers[tier], price_satang=satang, per_quantity=i["per_quantity"])
        for code in i["barcodes"]:
            Barcode.create(code=code, item=item)
        for pack in i["packs"]:
            ItemPack.create(item=item, **pack)
    for rule in spec.get("barcode_rules", []):
        BarcodeRule.create(**rule)
    actors = {}
    for u in spec["users"]:
        group = groups[u["group"]].id if u["group"] else None
        actors[u["role"]] = users.create_user(u["login"], u["display_name"], u["role"], u["pin"], group)
    return actors


def _opening_stock(spec: dict[str, Any], admin: users.Actor, when: dt.datetime) -> None:
    shops = {s.code: s for s in Shop.select(Shop, NetworkGroup).join(NetworkGroup)}
    main = shops[spec["shops"][0]["code"]]
    by_group = {s.group.code: s for s in reversed(list(shops.values()))}
    per_shop: dict[int, list[purchases.BuyLine]] = {}
    for i in spec["items"]:
        if not i["opening_stock"]:
            continue
        item = Item.get(Item.sku == i["sku"])
        shop = main if i["kind"] == "finished" else by_group.get(i["group"], main)
        per_shop.setdefault(shop.id, []).append(purchases.BuyLine(
            item.id, i["opening_stock"], unit_price=Money(i["unit_cost_satang"]), per=i["per_quantity"]))
    for shop_id, lines in per_shop.items():
        purchases.record_purchase(admin, shop_id, lines, paid_from="account", now=when, kind="opening")


SHELF_LIFE_DAYS = {"KAPI-KG": 365, "KAPI-200": 365, "KAPI-SEASONED": 180, "KAPI-WASABI": 180, "ING-KRILL": 3,
                   "DRINK-YMN": 90, "TEA-YMN": 365}


def _production(admin: users.Actor, lead: users.Actor, when: dt.datetime, opened: dt.date) -> None:
    """Suppliers, shelf lives, the seasoned powder's recipe, a purchase of krill and salt, pouches passed from
    the Khlong Dan group to the market, and one batch of seasoned powder made at the market two days ago."""
    from pos_app.production import batches, recipes
    from pos_app.stock import settings, transfers

    sku = {i.sku: i for i in Item.select()}
    shops = {s.code: s for s in Shop.select()}
    market, stall = shops["BHS-MARKET"], shops["KAPI-STALL"]
    for code, days in SHELF_LIFE_DAYS.items():
        settings.set_item_rule(admin, sku[code].id, days, low_stock_level=10 if sku[code].kind == "finished" else 0)
    fish = purchases.add_supplier(lead, "MAHACHAI", "แพปลามหาชัย", "034-000-000")
    purchases.add_supplier(lead, "COOP", "ร้านสหกรณ์บางหัวเสือ")
    day = clock.business_date(when)
    bought = max(day - dt.timedelta(days=3), opened)  # never before the opening stock it draws on
    purchases.record_purchase(lead, stall.id, [
        purchases.BuyLine(sku["ING-KRILL"].id, 20000, unit_price=Money(4500), per=1000, supplier_lot="MC-6911"),
        purchases.BuyLine(sku["ING-SALT"].id, 5000, total=Money(5000)),
    ], supplier_id=fish, paid_from="drawer", day=bought, now=when)
    transfers.transfer(lead, stall.id, market.id, [transfers.GiveLine(sku["PKG-POUCH50"].id, 40, Money(7000))],
                       note="ซองสำหรับกะปิผง", day=bought, now=when)
    recipe = recipes.save_recipe(lead, sku["KAPI-SEASONED"].id, 20, [
        recipes.Ingredient(sku["KAPI-KG"].id, 800), recipes.Ingredient(sku["ING-SUGAR"].id, 150),
        recipes.Ingredient(sku["PKG-POUCH50"].id, 20)], note="สูตรกะปิผงทรงเครื่อง")
    draft = batches.plan_batch(recipe.id, market.id, 20, max(day - dt.timedelta(days=2), bought))
    batches.commit_batch(lead, batches.BatchDraft(**{
        **draft.__dict__, "yield_quantity": 19,
        "labour": (batches.Work("ประภา", 120, Money(5000)), batches.Work("สมใจ", 90, Money(5000))),
        "overheads": (batches.Overhead("ค่าแก๊ส", Money(2500)),)}), now=when)


def _market_days(seller: users.Actor, treasurer: users.Actor, till: Till, days: int, rng: random.Random,
                 today: dt.date) -> tuple[int, int]:
    goods = [v for v in catalog.sellable() if v.kind == "finished"]
    left = on_hand_many([v.id for v in goods], till.shop_id)  # the stall sells only what it has
    count = refunds = 0
    for back in range(days, 0, -1):
        day = today - dt.timedelta(days=back)
        opening = dt.datetime.combine(day, dt.time(8, 0), BANGKOK)
        minutes = sorted(rng.sample(range(0, 9 * 60), rng.randint(8, 14)))
        day_sales = []
        for minute in minutes:
            cart = Cart()
            for view in rng.sample(goods, rng.randint(1, 3)):
                qty = min(rng.choice([250, 500, 1000]) if view.sold_by_weight else rng.randint(1, 3), left[view.id])
                if qty > 0:
                    cart.add(view, qty)
                    left[view.id] -= qty
            if cart.is_empty:  # sold out of everything this customer wanted
                continue
            total = cart.total
            method = "promptpay" if rng.random() < 0.25 else "cash"
            tendered = Money(-(-total.satang // 10000) * 10000) if method == "cash" else total
            at = (opening + dt.timedelta(minutes=minute)).astimezone(dt.UTC)
            day_sales.append(sales.commit_sale(seller, till.id, cart, tendered, method, now=at))
            count += 1
        if back in (5, 2) and day_sales:  # a customer brings something back on two of the days
            victim = day_sales[0]
            at = victim.created_at + dt.timedelta(hours=3)
            refunding.refund_sale(treasurer, till.id, victim.uuid, "ลูกค้าคืนสินค้า (สินค้าชำรุด)", now=at)
            refunds += 1
    return count, refunds


def create_demo(days: int = 7, seed: int = 2563, today: dt.date | None = None) -> DemoSummary:
    """Fill an empty database with the demo network.  Refuses a database that already has a shop."""
    if not is_empty():
        raise InputError("This database already has a shop; the demo is only made in an empty one")
    spec = load_spec()
    today = today or clock.today()
    with database.atomic():
        actors = _create_master_data(spec)
    start = dt.datetime.combine(today - dt.timedelta(days=days + 1), dt.time(7, 0), BANGKOK)
    _opening_stock(spec, actors["admin"], start.astimezone(dt.UTC))
    _production(actors["admin"], actors["production"], (start + dt.timedelta(days=days - 1)).astimezone(dt.UTC),
                start.date())
    till = Till.get(Till.code == spec["home_till"])
    count, refunds = _market_days(actors["seller"], actors["treasurer"], till, days, random.Random(seed), today)
    return DemoSummary(len(spec["groups"]), len(spec["items"]), len(spec["users"]), count, refunds,
                       spec["home_till"])
