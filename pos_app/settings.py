"""The shop's settings, declared once: each with its key, label, type, default, scope and validation.

One way to read (:func:`value`, :func:`all_values`) and one way to change (:func:`change`, permission
``Action.SETTINGS``); every change is written with an audit row ``setting_change`` (old → new) in the same
transaction, and a typed :class:`SettingChanged` event is published after commit.  Bad input raises an
:class:`InputError` and changes nothing.

Where a setting lives: most in the ``Setting`` table under a scope (``shop:<code>`` or ``till:<code>``);
the shop's PromptPay id in ``Shop.promptpay_id`` (what the receipts and the till's QR read) and the stock
policy in the stock room's own ``ShopStockSetting`` (what the stock ledger reads), both through here.

Declared settings:

* ``promptpay_id`` (shop) — a Thai mobile number, national/tax id or e-wallet id, checked by the Thai kit
  (:func:`pos_app.thai.promptpay.validate_promptpay_id`); stored normalised (``0812345678``); empty = none.
* ``stock_policy`` (shop) — ``warn`` (default: sell past on-hand and say so) or ``block``.
* ``discount_limit_seller`` / ``discount_limit_production`` (shop) — the most a person of that role may
  give without a manager's PIN, a percent of the sale before discounts (default 10 %), 0–100, at most two
  decimals; stored in hundredths of a percent.
* ``scanner_prefix`` / ``scanner_suffix`` (till) — characters the barcode scanner adds, stripped by the
  till's one scan handler; at most 8 printable characters, no spaces.
* ``idle_lock_<role>`` (shop: seller, production, treasurer, admin) — whole minutes (1–240) a person of that
  role may leave the till untouched before it goes back to the log-in page (defaults: 5, 10, 5, 3; who can
  do more damage locks sooner); read by :func:`idle_lock`.
* ``backup_every`` (shop) — whole minutes (5–1440, default 60) between the backups the running app makes
  into this laptop's backup folder (the day close's folder, its ``scheduled`` subfolder:
  :mod:`pos_app.books.close_backup`).
* ``backup_keep`` (shop) — how many scheduled backups are kept (1–365, default 48: two days of hourly ones);
  the oldest go when a new one is made.  The day closes keep their own month.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from db.models import Setting, Shop, Till, database
from pos_app.clock import utc_now
from pos_app.errors import InputError, NotFound
from pos_app.events import Event, bus
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.thai.keyboard import as_digits
from pos_app.thai.promptpay import validate_promptpay_id
from pos_app.trust import audit
from pos_app.trust.idle import IDLE_ENV, ROLE_LIMITS
from resources.i18n import N_

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


@dataclass(frozen=True)
class Where:
    """Which shop (and till) a setting is read or written for."""

    shop_id: int
    till_id: int | None = None


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: str  # N_() msgid, shown with _()
    help: str
    kind: str  # "text", "choice", "percent", "minutes", "count"
    scope: str  # "shop" or "till"
    default: Any
    parse: Callable[[str], Any]  # what a person typed → the value (InputError when bad)
    show: Callable[[Any], str] = str  # the value → the text in its field
    choices: tuple[tuple[str, str], ...] = ()  # (value, N_ label)


@dataclass(frozen=True)
class SettingChanged(Event):
    key: str
    shop_id: int
    till_id: int | None
    old: Any
    new: Any


@dataclass(frozen=True)
class Changed:
    """What :func:`change` did: ``old == new`` means nothing needed writing (no audit row either)."""

    key: str
    old: Any
    new: Any

    @property
    def changed(self) -> bool:
        return bool(self.old != self.new)


def _promptpay(text: str) -> str:
    cleaned = text.translate(_THAI_DIGITS).strip()
    if not cleaned:
        return ""
    pid = validate_promptpay_id(cleaned)
    return "0" + pid.digits[4:] if pid.kind == "mobile" else pid.digits


def _policy(text: str) -> str:
    value = text.strip().lower()
    if value not in ("warn", "block"):
        raise InputError("Unknown stock policy {policy}", policy=text)
    return value


def _percent(text: str) -> int:
    """``"10"`` → 1000, ``"12.5 %"`` → 1250 (hundredths of a percent); 0–100, at most two decimals."""
    cleaned = text.translate(_THAI_DIGITS).replace("%", "").replace(" ", "").strip()
    whole, _dot, frac = cleaned.partition(".")
    if (not whole.isdigit() and not (whole == "" and frac)) or (frac and not frac.isdigit()) or len(frac) > 2:
        raise InputError("“{text}” is not a percent (e.g. 10 or 12.5)", text=text)
    value = int(whole or "0") * 100 + int((frac + "00")[:2])
    if value > 10_000:
        raise InputError("A discount limit is between 0 and 100 percent")
    return value


def _show_percent(value: Any) -> str:
    whole, frac = divmod(int(value), 100)
    return str(whole) if frac == 0 else f"{whole}.{frac:02d}".rstrip("0")


def _affix(text: str) -> str:
    cleaned = text.strip()
    if len(cleaned) > 8 or any(not ch.isprintable() or ch.isspace() for ch in cleaned):
        raise InputError("A scanner prefix or suffix is at most 8 characters, without spaces")
    if cleaned and as_digits(cleaned) is not None:
        raise InputError("A scanner prefix or suffix cannot be only digits: it would eat the barcode's own")
    return cleaned


def _minutes(text: str) -> int:
    cleaned = text.translate(_THAI_DIGITS).strip()
    if not cleaned.isdigit() or not 1 <= int(cleaned) <= 240:
        raise InputError("“{text}” is not a number of minutes from 1 to 240", text=text)
    return int(cleaned)


def _backup_minutes(text: str) -> int:
    cleaned = text.translate(_THAI_DIGITS).strip()
    if not cleaned.isdigit() or not 5 <= int(cleaned) <= 1440:
        raise InputError("“{text}” is not a number of minutes from 5 to 1440", text=text)
    return int(cleaned)


def _backups_kept(text: str) -> int:
    cleaned = text.translate(_THAI_DIGITS).strip()
    if not cleaned.isdigit() or not 1 <= int(cleaned) <= 365:
        raise InputError("“{text}” is not a number of backups from 1 to 365", text=text)
    return int(cleaned)


IDLE_LABELS = {"seller": N_("Lock the till after minutes untouched: stall seller"),
               "production": N_("Lock the till after minutes untouched: production lead"),
               "treasurer": N_("Lock the till after minutes untouched: treasurer"),
               "admin": N_("Lock the till after minutes untouched: administrator")}

SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("promptpay_id", N_("Shop's PromptPay ID"),
                N_("Mobile number, national or tax id (13 digits) or e-wallet id (15 digits)"),
                "text", "shop", "", _promptpay),
    SettingSpec("stock_policy", N_("Selling past what is in stock"),
                N_("Warn lets the seller sell goods that are there but not in the books"),
                "choice", "shop", "warn", _policy,
                choices=(("warn", N_("Warn and sell")), ("block", N_("Refuse the sale")))),
    SettingSpec("discount_limit_seller", N_("Discount limit of a stall seller (%)"),
                N_("Above it a manager's PIN is needed"), "percent", "shop", 1_000, _percent, _show_percent),
    SettingSpec("discount_limit_production", N_("Discount limit of a production lead (%)"),
                N_("Above it a manager's PIN is needed"), "percent", "shop", 1_000, _percent, _show_percent),
    SettingSpec("scanner_prefix", N_("Scanner prefix (this till)"),
                N_("Characters the scanner sends before each code"), "text", "till", "", _affix),
    SettingSpec("scanner_suffix", N_("Scanner suffix (this till)"),
                N_("Characters the scanner sends after each code"), "text", "till", "", _affix),
    *(SettingSpec(f"idle_lock_{role}", label, N_("Back to the log-in page; the same person gets the open sale back"),
                  "minutes", "shop", int(ROLE_LIMITS[role].total_seconds()) // 60, _minutes)
      for role, label in IDLE_LABELS.items()),
    SettingSpec("backup_every", N_("Back up the books every (minutes)"),
                N_("While the app runs, into this laptop's backup folder (set on the day close screen)"),
                "minutes", "shop", 60, _backup_minutes),
    SettingSpec("backup_keep", N_("Scheduled backups kept"),
                N_("When a new one is made, the oldest beyond this number are removed (the day closes keep their "
                   "own month)"), "count", "shop", 48,
                _backups_kept),
)
BY_KEY = {spec.key: spec for spec in SPECS}


def spec(key: str) -> SettingSpec:
    found = BY_KEY.get(key)
    if found is None:
        raise NotFound("No setting {key}", key=key)
    return found


def _scope(s: SettingSpec, where: Where) -> str:
    if s.scope == "till":
        if where.till_id is None:
            raise InputError("The setting {key} belongs to a till: name the till", key=s.key)
        till = Till.get_or_none(Till.id == where.till_id)
        if till is None:
            raise NotFound("No till with id {id}", id=where.till_id)
        return f"till:{till.code}"
    shop = Shop.get_or_none(Shop.id == where.shop_id)
    if shop is None:
        raise NotFound("No shop with id {id}", id=where.shop_id)
    return f"shop:{shop.code}"


def _load(s: SettingSpec, where: Where) -> Any:
    if s.key == "promptpay_id":
        shop = Shop.get_or_none(Shop.id == where.shop_id)
        return s.default if shop is None else str(shop.promptpay_id)
    if s.key == "stock_policy":
        from pos_app.stock.ledger import stock_policy
        return stock_policy(where.shop_id)
    row = Setting.get_or_none((Setting.scope == _scope(s, where)) & (Setting.key == s.key))
    if row is None:
        return s.default
    return int(row.value) if s.kind in ("percent", "minutes", "count") else str(row.value)


def _store(actor: Actor, s: SettingSpec, where: Where, new: Any) -> None:
    if s.key == "promptpay_id":
        Shop.update(promptpay_id=new).where(Shop.id == where.shop_id).execute()
        return
    if s.key == "stock_policy":
        from pos_app.stock.settings import set_stock_policy
        set_stock_policy(actor, where.shop_id, new)
        return
    (Setting.insert(scope=_scope(s, where), key=s.key, value=str(new), updated_at=utc_now(),
                    updated_by=actor.user_id)
     .on_conflict(conflict_target=[Setting.scope, Setting.key],
                  update={Setting.value: str(new), Setting.updated_at: utc_now(),
                          Setting.updated_by: actor.user_id})
     .execute())


def value(key: str, where: Where) -> Any:
    """The setting's value for that shop/till, or its default when never set."""
    return _load(spec(key), where)


def all_values(where: Where) -> dict[str, Any]:
    return {s.key: _load(s, where) for s in SPECS if s.scope == "shop" or where.till_id is not None}


def change(actor: Actor, key: str, text: str, where: Where) -> Changed:
    """Set ``key`` from what a person typed.  Refused (nothing written) without ``Action.SETTINGS`` or when
    the text is not valid for the setting; the same value again writes nothing."""
    require(actor.role, Action.SETTINGS)
    s = spec(key)
    new = s.parse(text)
    _scope(s, where)  # an unknown shop or till is refused before anything is written
    with database.atomic():
        old = _load(s, where)
        if old == new:
            return Changed(key, old, new)
        _store(actor, s, where, new)
        audit.log("setting_change", actor.user_id, subject=key, till_id=where.till_id,
                  old=s.show(old), new=s.show(new))
    bus.publish(SettingChanged(key, where.shop_id, where.till_id, old, new))
    return Changed(key, old, new)


def discount_limit(role: str, shop_id: int | None) -> int | None:
    """The role's discount limit in hundredths of a percent from the settings; ``None`` when the role has no
    setting (its limit is the built-in one)."""
    key = f"discount_limit_{role}"
    if key not in BY_KEY or shop_id is None:
        return None
    return int(value(key, Where(shop_id)))


def idle_lock(role: str, shop_id: int) -> dt.timedelta:
    """How long a person of ``role`` may leave this shop's till untouched (the setting ``idle_lock_<role>``;
    ``POS_IDLE_LOCK_SECONDS`` in the environment still overrides it, for a test or a demonstration)."""
    override = os.environ.get(IDLE_ENV, "").strip()
    if override.isdigit() and int(override) > 0:
        return dt.timedelta(seconds=int(override))
    key = f"idle_lock_{role}"
    if key not in BY_KEY:
        return dt.timedelta(minutes=5)
    return dt.timedelta(minutes=int(value(key, Where(shop_id))))
