"""The shop's settings, declared once: read with defaults, changed only by who may, validated (nothing changes on
bad input), every change in the audit log with old → new.  Both databases; hand-worked and published figures."""

from __future__ import annotations

import pytest

from db.connection import OpenedDatabase
from db.models import Setting, Shop, Till
from db.models.trust import AuditEntry
from pos_app import settings
from pos_app.errors import InputError, PermissionDenied
from pos_app.money import Money
from pos_app.selling import catalog, sales
from pos_app.selling.cart import Cart
from pos_app.selling.tills import till_info
from pos_app.stock.ledger import stock_policy
from pos_app.thai.promptpay import promptpay_payload
from pos_app.trust import audit
from tests.stock_support import admin, new_item, seller


def _where() -> settings.Where:
    till = Till.get(Till.code == "T1")
    return settings.Where(till.shop_id, till.id)


def test_defaults_when_never_set(demo_db: OpenedDatabase) -> None:
    values = settings.all_values(_where())
    assert values == {"promptpay_id": "0812345678", "stock_policy": "warn", "discount_limit_seller": 1000,
                      "discount_limit_production": 1000, "scanner_prefix": "", "scanner_suffix": "",
                      "idle_lock_seller": 5, "idle_lock_production": 10, "idle_lock_treasurer": 5,
                      "idle_lock_admin": 3,  # minutes
                      "backup_every": 60, "backup_keep": 48}  # an hour; two days of them


def test_promptpay_id_is_normalised_audited_and_used_by_the_till_qr(demo_db: OpenedDatabase) -> None:
    done = settings.change(admin(), "promptpay_id", "080-123-4567", _where())
    assert (done.old, done.new, done.changed) == ("0812345678", "0801234567", True)
    assert Shop.get_by_id(_where().shop_id).promptpay_id == "0801234567"
    # dtinth/promptpay-qr's published vector for 0801234567 without an amount
    assert promptpay_payload(till_info("T1").promptpay_id) == (
        "00020101021129370016A000000677010111011300668012345675802TH530376463046197")
    [row] = audit.entries(["setting_change"])
    assert (row.user, row.subject, row.till, row.detail) == (
        "admin", "promptpay_id", "T1", {"old": "0812345678", "new": "0801234567"})


def test_thai_digits_and_a_national_id(demo_db: OpenedDatabase) -> None:
    # 1111111111119: Σ 1 × (13 … 2) = 90, 90 mod 11 = 2, (11 − 2) mod 10 = 9 → check digit 9
    assert settings.change(admin(), "promptpay_id", "๑๑๑๑๑๑๑๑๑๑๑๑๙", _where()).new == "1111111111119"


@pytest.mark.parametrize("bad", ["1111111111111", "0212345678", "12345", "08x1234567"])
def test_an_invalid_promptpay_id_is_refused_in_thai_and_nothing_changes(demo_db: OpenedDatabase, bad: str) -> None:
    who = admin()
    before = AuditEntry.select().count()
    with pytest.raises(InputError) as err:
        settings.change(who, "promptpay_id", bad, _where())
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in str(err.value))  # the message is Thai
    assert Shop.get_by_id(_where().shop_id).promptpay_id == "0812345678"
    assert AuditEntry.select().count() == before


def test_a_seller_may_not_change_settings(demo_db: OpenedDatabase) -> None:
    with pytest.raises(PermissionDenied):
        settings.change(seller(), "stock_policy", "block", _where())
    assert stock_policy(_where().shop_id) == "warn"


def test_the_stock_policy_is_what_the_stock_ledger_reads(demo_db: OpenedDatabase) -> None:
    done = settings.change(admin(), "stock_policy", "block", _where())
    assert (done.old, done.new) == ("warn", "block")
    assert stock_policy(_where().shop_id) == "block"
    assert audit.entries(["setting_change"])[0].detail == {"old": "warn", "new": "block"}
    with pytest.raises(InputError):
        settings.change(admin(), "stock_policy", "sometimes", _where())
    assert stock_policy(_where().shop_id) == "block"


def test_the_same_value_again_writes_nothing(demo_db: OpenedDatabase) -> None:
    assert settings.change(admin(), "stock_policy", "warn", _where()).changed is False
    assert audit.entries(["setting_change"]) == []


@pytest.mark.parametrize(("typed", "stored"), [("5", 500), ("12.5", 1250), ("๑๒.๕ %", 1250), ("0", 0),
                                               ("100", 10_000), ("7.25", 725)])
def test_discount_limit_percent_text(demo_db: OpenedDatabase, typed: str, stored: int) -> None:
    assert settings.change(admin(), "discount_limit_seller", typed, _where()).new == stored
    assert settings.value("discount_limit_seller", _where()) == stored


@pytest.mark.parametrize("bad", ["101", "abc", "10.555", "-5", ""])
def test_a_bad_discount_limit_is_refused(demo_db: OpenedDatabase, bad: str) -> None:
    with pytest.raises(InputError):
        settings.change(admin(), "discount_limit_seller", bad, _where())
    assert Setting.select().count() == 0


def test_the_sellers_discount_limit_comes_from_the_setting(demo_db: OpenedDatabase) -> None:
    settings.change(admin(), "discount_limit_seller", "5", _where())
    view = catalog.by_id(new_item("KAPI", "finished", "piece", price_satang=5000).id)
    assert view is not None
    cart = Cart()
    cart.add(view, 2)  # ฿100.00; 5 % = ฿5.00
    cart.set_discount(Money(501))
    with pytest.raises(PermissionDenied) as err:
        sales.commit_sale(seller(), _where().till_id or 0, cart)
    assert "฿5.00" in str(err.value)
    cart.set_discount(Money(500))
    assert sales.commit_sale(seller(), _where().till_id or 0, cart).total == Money(9500)


def test_scanner_affixes_belong_to_the_till(demo_db: OpenedDatabase) -> None:
    settings.change(admin(), "scanner_prefix", "]C1", _where())
    row = Setting.get(Setting.key == "scanner_prefix")
    assert (row.scope, row.value) == ("till:T1", "]C1")
    other = Till.create(shop=_where().shop_id, code="T9", name="T9")
    assert settings.value("scanner_prefix", settings.Where(_where().shop_id, other.id)) == ""
    for bad in ("12", "a b", "123456789x"):
        with pytest.raises(InputError):
            settings.change(admin(), "scanner_prefix", bad, _where())
    assert settings.value("scanner_prefix", _where()) == "]C1"
