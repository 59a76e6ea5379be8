"""Import items (with prices and shelf life), suppliers and opening stock from CSV or XLSX: all or nothing.

A CSV may be UTF-8 (with or without a BOM) or TIS-620/cp874 (what Thai Excel saves); numbers may use Thai
digits (๐–๙) and thousands commas.  The first row names the columns (English names below, any order).
Every row is checked first; if any is bad, nothing is written and :class:`ImportRefused` lists every bad
row by its row number in the file (the header is row 1), in the user's language.

* ``items``:    sku, kind (finished/ingredient/packaging), unit (g/ml/piece), name_th, name_en, group,
  [retail_price (baht, per ``per`` units), per, shelf_life_days, barcode]
* ``suppliers``: code, name, [phone]
* ``opening``:  shop, sku, quantity, cost (baht for the whole line), [expires (dd/mm/yyyy, BE or CE), lot]
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from db.models import (
    BASE_UNITS,
    ITEM_KINDS,
    Barcode,
    Item,
    ItemPrice,
    NetworkGroup,
    PriceTier,
    Shop,
    Supplier,
    database,
)
from db.models.stock import ItemStockRule
from pos_app.clock import business_date, utc_now
from pos_app.errors import InputError, PosError
from pos_app.money import Money
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.stock import purchases
from pos_app.stock.units import parse_quantity
from pos_app.thai.dates import format_date, parse_date
from pos_app.thai.digits import to_arabic_digits

NEEDED = {  # the columns each kind of import needs (the optional ones are named in the module's text above)
    "items": ("sku", "kind", "unit", "name_th", "name_en", "group"),
    "suppliers": ("code", "name"),
    "opening": ("shop", "sku", "quantity", "cost"),
}


class ImportRefused(InputError):
    """Nothing was imported; ``problems`` holds one translated line per bad row."""

    def __init__(self, problems: list[PosError]) -> None:
        super().__init__("Nothing was imported: {count} rows have problems", count=len(problems))
        self.problems = problems

    def lines(self) -> list[str]:
        return [p.message for p in self.problems]


@dataclass(frozen=True)
class ImportResult:
    kind: str
    rows: int


def read_rows(data: bytes, filename: str) -> list[dict[str, str]]:
    """The rows of a CSV or XLSX file as dicts keyed by the (lower-cased) header."""
    if filename.lower().endswith(".xlsx") or data[:2] == b"PK":
        return _xlsx(data)
    for encoding in ("utf-8-sig", "cp874"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError("The file is neither UTF-8 nor TIS-620 (cp874) text")
    try:
        dialect: Any = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    table = list(csv.reader(io.StringIO(text), dialect))
    return _dicts(table)


def _xlsx(data: bytes) -> list[dict[str, str]]:
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    except Exception as err:  # openpyxl raises many kinds for a broken file
        raise InputError("The file is not a readable Excel (.xlsx) file") from err
    table = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    return _dicts(table)


def _dicts(table: list[list[str]]) -> list[dict[str, str]]:
    if not table or not any(c.strip() for c in table[0]):
        raise InputError("The file is empty")
    header = [h.strip().lower().lstrip("\ufeff") for h in table[0]]
    # a blank row stays (empty) so that every row keeps its number in the file; import_rows passes over it
    return [{h: row[i].strip() if i < len(row) else "" for i, h in enumerate(header)} for row in table[1:]]


def _int(text: str, what: str) -> int:
    value = parse_quantity(text)  # never called with an empty cell
    if value.denominator != 1:
        raise InputError("{what} must be a whole number", what=what)
    return int(value)


def _more_than_zero(text: str, what: str) -> int:
    value = _int(text, what)
    if value <= 0:
        raise InputError("{what} must be more than zero", what=what)
    return value


def _check_items(row: dict[str, str], seen: set[tuple[str, str]], day: dt.date) -> dict[str, Any]:
    if row["kind"] not in ITEM_KINDS:
        raise InputError("Unknown kind “{kind}” (finished, ingredient or packaging)", kind=row["kind"])
    if row["unit"] not in BASE_UNITS:
        raise InputError("Unknown unit “{unit}” (g, ml or piece)", unit=row["unit"])
    group = NetworkGroup.get_or_none(NetworkGroup.code == row["group"])
    if group is None:
        raise InputError("Unknown group “{group}”", group=row["group"])
    if ("sku", row["sku"]) in seen or Item.select().where(Item.sku == row["sku"]).exists():
        raise InputError("The code {sku} is already used", sku=row["sku"])
    seen.add(("sku", row["sku"]))
    price = Money.parse(row["retail_price"]) if row.get("retail_price") else None
    if price is not None and price.satang < 0:
        raise InputError("A price cannot be below zero")
    per = _more_than_zero(row.get("per") or "1", "per")
    shelf = _more_than_zero(row["shelf_life_days"], "shelf_life_days") if row.get("shelf_life_days") else None
    code = to_arabic_digits(row.get("barcode") or "")
    if code and (("barcode", code) in seen or Barcode.select().where(Barcode.code == code).exists()):
        raise InputError("The barcode {code} is already used", code=code)
    seen.add(("barcode", code))
    return dict(row=row, group=group.id, price=price, per=per, shelf=shelf, barcode=code)


def _write_items(checked: list[dict[str, Any]]) -> None:
    tier = PriceTier.get_or_none(PriceTier.code == "retail")
    for c in checked:
        r = c["row"]
        item = Item.create(sku=r["sku"], kind=r["kind"], base_unit=r["unit"], name_th=r["name_th"],
                           name_en=r["name_en"], group=c["group"],
                           sold_by_weight=r["unit"] != "piece" and r["kind"] == "finished")
        if c["price"] is not None and tier is not None:
            ItemPrice.create(item=item, tier=tier, price_satang=c["price"].satang, per_quantity=c["per"])
        if c["shelf"] is not None:
            ItemStockRule.create(item=item, shelf_life_days=c["shelf"])
        if c["barcode"]:
            Barcode.create(code=c["barcode"], item=item)


def _check_supplier(row: dict[str, str], seen: set[tuple[str, str]], day: dt.date) -> dict[str, Any]:
    if ("code", row["code"]) in seen or Supplier.select().where(Supplier.code == row["code"]).exists():
        raise InputError("There is already a supplier {code}", code=row["code"])
    seen.add(("code", row["code"]))
    return dict(row=row)


def _check_opening(row: dict[str, str], seen: set[tuple[str, str]], day: dt.date) -> dict[str, Any]:
    shop = Shop.get_or_none(Shop.code == row["shop"])
    item = Item.get_or_none(Item.sku == row["sku"])
    if shop is None:
        raise InputError("Unknown shop “{shop}”", shop=row["shop"])
    if item is None:
        raise InputError("Unknown item code “{sku}”", sku=row["sku"])
    qty = _int(row["quantity"], "quantity")
    if qty <= 0:
        raise InputError("A quantity must be more than zero")
    cost = Money.parse(row["cost"])
    if cost.satang < 0:
        raise InputError("A cost cannot be below zero")
    expires = parse_date(row["expires"]) if row.get("expires") else None
    if expires is not None and expires < day:
        raise InputError("The expiry date {expiry} is before the date made or received {made}",
                         expiry=format_date(expires), made=format_date(day))
    return dict(shop=shop.id, line=purchases.BuyLine(item.id, qty, total=cost,
                                                     expires_on=expires, supplier_lot=row.get("lot") or ""))


def import_rows(actor: Actor, kind: str, rows: list[dict[str, str]], day: dt.date | None = None) -> ImportResult:
    """Check every row, then write them all in one transaction (or nothing, with every bad row named)."""
    require(actor.role, Action.RECEIVE_STOCK if kind == "opening" else Action.MANAGE_ITEMS)
    if kind not in NEEDED:
        raise InputError("Unknown kind of import {kind}", kind=kind)
    needed = NEEDED[kind]
    if not any(any(row.values()) for row in rows):
        raise InputError("The file has no rows")
    missing = [c for c in needed if c not in rows[0]]
    if missing:
        raise InputError("Columns missing: {columns}", columns=", ".join(missing))
    check = {"items": _check_items, "suppliers": _check_supplier, "opening": _check_opening}[kind]
    problems: list[PosError] = []
    checked: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    day = day or business_date(utc_now())
    for n, row in enumerate(rows, start=2):  # the header is row 1
        if not any(row.values()):
            continue
        empty = [c for c in needed if not row.get(c)]
        try:
            if empty:
                raise InputError("{column} is empty", column=empty[0])
            checked.append(check(row, seen, day))
        except PosError as err:
            problems.append(InputError("Row {row}: {problem}", row=n, problem=err.message))
    if problems:
        raise ImportRefused(problems)
    with database.atomic():
        if kind == "items":
            _write_items(checked)
        elif kind == "suppliers":
            for c in checked:
                purchases.add_supplier(actor, c["row"]["code"], c["row"]["name"], c["row"].get("phone", ""))
        else:
            per_shop: dict[int, list[purchases.BuyLine]] = {}
            for c in checked:
                per_shop.setdefault(c["shop"], []).append(c["line"])
            for shop_id, lines in per_shop.items():
                purchases.record_purchase(actor, shop_id, lines, paid_from="account", day=day, kind="opening")
    return ImportResult(kind, len(checked))
