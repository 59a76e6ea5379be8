"""The audit log records exports (the service and the command line) and price changes (setting changes:
tests/test_till_settings.py); a refused change leaves no row.  The admin reads it by Bangkok day.  Both
databases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from db.connection import OpenedDatabase
from db.models import Item, ItemPrice, PriceTier
from pos_app.books.export.run import export_books
from pos_app.books.scope import make_scope
from pos_app.cli import main
from pos_app.clock import FixedClock
from pos_app.errors import InputError, PermissionDenied
from pos_app.events import PriceChanged, bus
from pos_app.money import Money
from pos_app.people import users
from pos_app.selling import catalog, prices
from pos_app.trust import audit

BKK = dt.timezone(dt.timedelta(hours=7))


def kapi() -> Item:
    return Item.get(Item.sku == "KAPI-KG")


def test_a_price_change_is_recorded_with_old_and_new_and_the_till_sees_it(demo_db: OpenedDatabase) -> None:
    admin = users.login("admin", "9999")
    seen: list[PriceChanged] = []
    stop = bus.subscribe(PriceChanged, seen.append)
    try:
        change = prices.change_price(admin, kapi().id, "member", Money(17500), till_id=1)
    finally:
        stop()
    assert (change.old, change.new, change.per_quantity) == (Money(18000), Money(17500), 1000)  # network.json
    assert seen == [PriceChanged(kapi().id, "member", 17500, 1000)]
    view = catalog.by_id(kapi().id, "member")
    assert view is not None and view.price == Money(17500)
    row = audit.entries(["price_change"])[0]
    assert (row.user, row.subject, row.till) == ("admin", "KAPI-KG", "T1")
    assert row.detail == {"tier": "member", "old_satang": 18000, "old_per": 1000, "new_satang": 17500,
                          "new_per": 1000}


def test_a_refused_price_change_changes_nothing_and_logs_nothing(demo_db: OpenedDatabase) -> None:
    seller = users.login("somsri", "1111")
    with pytest.raises(PermissionDenied):
        prices.change_price(seller, kapi().id, "retail", Money(1))
    admin = users.login("admin", "9999")
    with pytest.raises(InputError):
        prices.change_price(admin, kapi().id, "retail", Money(-100))
    with pytest.raises(InputError):
        prices.change_price(admin, kapi().id, "retail", Money(100), per_quantity=0)
    tier = PriceTier.get(PriceTier.code == "retail")
    assert ItemPrice.get((ItemPrice.item == kapi().id) & (ItemPrice.tier == tier.id)).price_satang == 20000
    assert audit.entries(["price_change"]) == []


def test_a_first_price_in_a_tier_is_recorded_as_new(demo_db: OpenedDatabase) -> None:
    admin = users.login("admin", "9999")
    PriceTier.create(code="fair", name_th="งานแฟร์", name_en="Fair")
    prices.change_price(admin, kapi().id, "fair", Money(15000), per_quantity=1000)
    assert audit.entries(["price_change"])[0].detail == {"tier": "fair", "old_satang": None, "old_per": None,
                                                         "new_satang": 15000, "new_per": 1000}


def test_exports_are_recorded_from_the_service_and_the_command_line(demo_db: OpenedDatabase, tmp_path: Path) -> None:
    treasurer = users.login("wanna", "3333")
    day = dt.date(2026, 11, 23)
    written = export_books(treasurer, "day", make_scope(day), "xlsx", tmp_path)
    row = audit.entries(["export"])[0]
    assert (row.user, row.subject) == ("wanna", str(tmp_path))
    assert row.detail == {"what": "day", "format": "xlsx", "scope": "NETWORK_2026-11-23",
                          "files": [p.name for p in written]} and written[0].name == "day_NETWORK_2026-11-23.xlsx"
    out = tmp_path / "cli"
    out.mkdir()
    assert main(["export", "cashbook", "2026-11-20", "2026-11-23", "--format", "csv", "--out", str(out),
                 "--user", "wanna", "--pin", "3333", "--database", demo_db.target]) == 0
    from db.connection import open_database

    open_database(demo_db.target)  # the command closed its own connection; read the log again
    rows = audit.entries(["export"])
    assert len(rows) == 2 and rows[0].detail["what"] == "cashbook" and rows[0].detail["format"] == "csv"
    assert sorted(rows[0].detail["files"]) == sorted(p.name for p in out.iterdir())


def test_the_log_is_read_by_bangkok_day_with_a_label_for_every_kind(demo_db: OpenedDatabase,
                                                                    clock: FixedClock) -> None:
    late = dt.datetime(2026, 11, 24, 23, 59, 30, tzinfo=BKK)  # 16:59:30 UTC, still the 24th in Bangkok
    early = dt.datetime(2026, 11, 25, 0, 0, 10, tzinfo=BKK)  # 17:00:10 UTC, the 25th
    audit.log("verify", None, "books", when=late, ok=True)
    audit.log("verify", None, "books", when=early, ok=False)
    assert [e.at for e in audit.entries(["verify"], day=dt.date(2026, 11, 24))] == [late]
    assert [e.at for e in audit.entries(["verify"], day=dt.date(2026, 11, 25))] == [early]
    assert set(audit.LABELS) == set(audit.KINDS)
    with pytest.raises(ValueError):
        audit.log("coffee_break")
