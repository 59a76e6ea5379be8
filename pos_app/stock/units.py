"""Quantities as people type them (``1.5`` kg, ``๒`` packs of 6) → integer base units (g, ml, piece).

A declared pack (``ItemPack``: kg = 1000 g, pack of 6, bottle of 500 ml) converts by its factor; the result
must be a whole number of base units, otherwise the input is refused rather than rounded.
"""

from __future__ import annotations

import re
from fractions import Fraction

from db.models import Item, ItemPack
from pos_app.errors import InputError
from pos_app.thai.digits import to_arabic_digits
from resources.i18n import N_, _

_NUMBER = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$")


def parse_quantity(text: str) -> Fraction:
    """A non-negative decimal typed with Arabic or Thai digits (``1,250.5``, ``๑.๕``)."""
    cleaned = to_arabic_digits(text).strip().replace(" ", "")
    m = _NUMBER.match(cleaned)
    if not cleaned or m is None or (m.group(1) is None and m.group(2) is None):
        raise InputError("“{text}” is not a quantity", text=text)
    whole = int((m.group(1) or "0").replace(",", ""))
    frac = m.group(2) or ""
    return whole + Fraction(int(frac or "0"), 10 ** len(frac))


UNIT_NAMES = {"g": N_("g"), "ml": N_("ml"), "piece": N_("pc")}


def unit_name(unit: str) -> str:
    """A base unit as people read it (กรัม, มล., ชิ้น in Thai): the one label for screens and reports."""
    return _(UNIT_NAMES[unit]) if unit in UNIT_NAMES else unit


def pack_factor(item_id: int, pack: str | None) -> int:
    """Base units in one ``pack`` (its English or Thai name); ``None`` or ``""`` is the base unit itself."""
    if not pack:
        return 1
    found = (ItemPack.select().where((ItemPack.item == item_id)
                                     & ((ItemPack.name_en == pack) | (ItemPack.name_th == pack))).first())
    if found is None:
        item = Item.get_by_id(item_id)
        raise InputError("{item} has no pack called “{pack}”", item=item.name_th, pack=pack)
    if found.retired:
        raise InputError("The pack “{pack}” of {item} is retired; type the quantity in another unit",
                         pack=found.name_th, item=Item.get_by_id(item_id).name_th)
    return int(found.factor)


def to_base(text: str, item_id: int, pack: str | None = None) -> int:
    """``text`` of ``pack`` in whole base units; refused when the conversion does not come out whole."""
    amount = parse_quantity(text) * pack_factor(item_id, pack)
    if amount.denominator != 1:  # typed in the base unit itself (no pack): "2.5 ชิ้น", the unit named twice
        unit = unit_name(str(Item.get_by_id(item_id).base_unit))
        raise InputError("{text} {pack} is not a whole number of {unit}", text=text, pack=pack or unit, unit=unit)
    return int(amount)
