"""Reports of one lot chosen by the lead: its stock card with the documents, the register narrowed to it, and
the lots a picker offers (both DBs).  Figures worked by hand from the lot value rule (held units are worth
⌈cost × held ÷ quantity⌉)."""

from __future__ import annotations

import datetime as dt

import pytest

from db.connection import OpenedDatabase
from db.models import Lot
from pos_app.errors import NotFound
from pos_app.stock import reports, views
from pos_app.stock.export import to_pdf
from tests.stock_support import shop
from tests.test_production_cost_sheet import _pdf_text
from tests.test_stock_trace import STALL, _made


def test_the_stock_card_of_a_lot_names_each_document_and_runs_its_balance(demo_db: OpenedDatabase) -> None:
    m = _made()
    done, sale = m["done"], m["sale"]
    card = reports.stock_card(done.lot_id, shop(STALL).id)  # type: ignore[attr-defined]
    # made: paste 500 of 1,000 g bought for ฿90.00 = 4500; sugar 100 of the 300 g passed for ฿10.00 = 1000 −
    # ⌈1000 × 200 ÷ 300⌉ = 333 → 4833 for 10.  Sold 2: 4833 − ⌈4833 × 8 ÷ 10⌉ = 966 left, 3867 held
    assert card.rows == (
        ("24/11/2569", "ผลิตได้", done.number, "10", "", "10", "48.33"),  # type: ignore[attr-defined]
        ("24/11/2569", "ขาย", f"K1-{sale.number}", "", "2", "8", "38.67"),  # type: ignore[attr-defined]
    )
    assert card.title == f"บัตรคุมสต็อกของล็อต {done.number}"  # type: ignore[attr-defined]
    assert "ชิ้น" in card.lines[0]


def test_the_register_narrowed_to_one_lot(demo_db: OpenedDatabase) -> None:
    m = _made()
    done, paste_lot = m["done"], m["paste_lot"]
    day = dt.date(2026, 11, 24)
    powder = done.lot_id  # type: ignore[attr-defined]
    item = Lot.get_by_id(powder).item_id
    rows = reports.register(item, shop(STALL).id, day, day, lot_id=powder).rows
    # in 10 at 4833 ÷ 10 = 483.3 → ฿4.83; out 2 for 966 = ฿4.83 each; balance 8 worth ฿38.67
    assert [r[2:] for r in rows] == [
        ("", "", "", "", "", "", "0", "0.00"),
        ("10", "4.83", "48.33", "", "", "", "10", "48.33"),
        ("", "", "", "2", "4.83", "9.66", "8", "38.67"),
    ]
    with pytest.raises(NotFound):  # a lot of another item
        reports.register(item, shop(STALL).id, day, day, lot_id=paste_lot.lot_id)  # type: ignore[attr-defined]


def test_the_lots_a_picker_offers_for_an_item(demo_db: OpenedDatabase) -> None:
    m = _made()
    paste_lot = m["paste_lot"]
    paste = Lot.get_by_id(paste_lot.lot_id).item_id  # type: ignore[attr-defined]
    at_stall = views.lots_of(paste, shop(STALL).id)
    assert [(c.number, c.on_hand) for c in at_stall] == [(paste_lot.number, 500)]  # type: ignore[attr-defined]
    assert [c.on_hand for c in views.lots_of(paste, shop("BHS-MARKET").id)] == [0]  # held at the stall only


def test_the_recall_list_shows_the_origin_as_a_tree_a_pdf_keeps(demo_db: OpenedDatabase) -> None:
    m = _made()
    done, moved, paste_lot, sugar_lot = m["done"], m["moved"], m["paste_lot"], m["sugar_lot"]
    table = reports.recall_list(done.lot_id)  # type: ignore[attr-defined]
    tree = [line.split(" — ")[0] for line in table.lines[2:]]
    # the lot; what it was made from (•); and under the sugar passed from the market, the market's own lot (»)
    assert tree == [done.number, f"• {paste_lot.number}", f"• {moved.lots[0][1]}",  # type: ignore[attr-defined]
                    f"\u00a0\u00a0\u00a0\u00a0» {sugar_lot.number}"]  # type: ignore[attr-defined]
    text = _pdf_text(to_pdf(table))
    assert f"» {sugar_lot.number}" in text and f"• {paste_lot.number}" in text  # type: ignore[attr-defined]
