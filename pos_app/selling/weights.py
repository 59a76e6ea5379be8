"""Goods sold by weight: a weight typed as the scale shows it, or read from a scale label (EAN-13, prefixes
20–29, through the barcode-rule table).

* Typed: ``"0.35"`` in kg is 350 g; ``"350"`` in g is 350 g; Thai digits are read as digits; a comma may
  separate thousands; a unit typed after the number (kg, กก., g, กรัม) wins over the box's unit.
  Quantities stay integer grams: a kg weight with more than three decimals (finer than a gram) is
  refused, never rounded silently.  Zero, negative and more than
  ``MAX_WEIGHT_G`` (50 kg — a stall's scale) are refused.
* Scale labels: ``prefix`` + item digits + value digits + check digit.  The check digit is verified (the
  GS1 mod-10 rule).  The item digits name the item through its PLU, registered as an ordinary barcode of
  that item.  A weight value ÷ ``divisor`` is the weight in grams (it must divide exactly, else the label is
  refused); a price value ÷ ``divisor`` is satang; the quantity for a price label is price ÷ price
  per gram, rounded HALF_UP to the gram (the amount charged is then recomputed from the grams, as for any weighed line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.models import BarcodeRule
from pos_app.errors import InputError
from pos_app.money import Money, Rounding
from pos_app.selling import catalog
from pos_app.selling.catalog import ItemView
from pos_app.thai.digits import to_arabic_digits

MAX_WEIGHT_G = 50_000
_NUMBER = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$")


def parse_weight(text: str, unit: str = "kg") -> int:
    """Grams in ``text`` typed in ``unit`` ("kg" or "g"); :class:`InputError` when it is not a weight."""
    cleaned = to_arabic_digits(text.strip()).replace(" ", "")
    for suffix, forced in (("kg", "kg"), ("กก.", "kg"), ("กก", "kg"), ("g", "g"), ("ก.", "g"), ("กรัม", "g")):
        if cleaned.lower().endswith(suffix):
            cleaned, unit = cleaned[: -len(suffix)], forced
            break
    m = _NUMBER.match(cleaned)
    if not cleaned or m is None or (m.group(1) is None and m.group(2) is None):
        raise InputError("“{text}” is not a weight (for example 0.35 kg or 350 g)", text=text)
    whole = int((m.group(1) or "0").replace(",", ""))
    frac = m.group(2) or ""
    if unit == "kg":
        if len(frac) > 3:
            raise InputError("Weigh to the gram: at most three decimals in kg")
        grams = whole * 1000 + int(frac.ljust(3, "0") or "0")
    elif unit == "g":
        if frac.strip("0"):
            raise InputError("Weigh to the gram: no fractions of a gram")
        grams = whole
    else:
        raise InputError("Unknown unit {unit}", unit=unit)
    if grams <= 0:
        raise InputError("The weight must be more than zero")
    if grams > MAX_WEIGHT_G:
        raise InputError("{grams} g is more than a stall's scale weighs: please check", grams=f"{grams:,}")
    return grams


def ean13_check_digit(first12: str) -> int:
    """The GS1 check digit of 12 digits: weights 1, 3, 1, 3 … from the left, then up to a multiple of ten."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return (10 - total % 10) % 10


@dataclass(frozen=True)
class ScaleLabel:
    item: ItemView
    grams: int


def read_scale_label(code: str, tier: str = catalog.DEFAULT_TIER) -> ScaleLabel | None:
    """The item and weight a scale label carries; ``None`` when ``code`` is not a scale label under any rule
    (an ordinary barcode); :class:`InputError` for a scale label that is damaged or names no item."""
    if len(code) != 13 or not code.isdigit() or not "20" <= code[:2] <= "29":
        return None
    rule = next((r for r in BarcodeRule.select() if code.startswith(r.prefix)), None)
    if rule is None:
        return None
    if int(code[12]) != ean13_check_digit(code[:12]):
        raise InputError("The scale label {code} did not read correctly (check digit): please scan again", code=code)
    start = len(rule.prefix)
    plu = code[start:start + rule.item_digits]
    raw = int(code[start + rule.item_digits:start + rule.item_digits + rule.value_digits])
    item = catalog.by_barcode(plu, tier)
    if item is None or not item.sold_by_weight:
        raise InputError("No item sold by weight has the scale number {plu}", plu=plu)
    if rule.value_kind == "weight":
        if raw % rule.divisor:
            raise InputError("The scale label {code} did not read correctly: please scan again", code=code)
        grams = raw // rule.divisor
    else:  # a price in satang: grams = price ÷ (price per gram), HALF_UP to the gram
        price = Money(raw // max(rule.divisor, 1))
        grams = price.times_fraction(item.per_quantity, item.price.satang, Rounding.HALF_UP).satang \
            if item.price.satang else 0
    if not 0 < grams <= MAX_WEIGHT_G:
        raise InputError("The scale label {code} carries no usable weight", code=code)
    return ScaleLabel(item, grams)
