"""Migration 0004 on a database that already has a ledger with free-text lots: every old row gets a lot,
values by the ledger's rule (hand-worked) and balances equal to the ledger (both databases)."""

from __future__ import annotations

import uuid

from db.connection import connect
from db.migrate import runner, runner_names
from tests.conftest import Factory


def test_old_ledger_rows_get_lots_values_and_balances(factory: Factory) -> None:
    target = factory.new_target()
    db = connect(target)
    run = runner(db)
    before = [n for n in runner_names() if n < "0004"]
    run.up(target=before[-1])
    p = db.param
    db.execute_sql("INSERT INTO network_group (uuid, code, name_th, name_en) VALUES "
                   f"({p}, 'KAPI', 'กะปิ', 'Kapi')", (str(uuid.uuid4()),))
    db.execute_sql("INSERT INTO shop (uuid, group_id, code, name_th, name_en, tax_id, promptpay_id) VALUES "
                   f"({p}, 1, 'S', 'ร้าน', 'Shop', '', '')", (str(uuid.uuid4()),))
    db.execute_sql("INSERT INTO item (uuid, sku, kind, base_unit, name_th, name_en, group_id, sold_by_weight, active) "
                   f"VALUES ({p}, 'SALT', 'ingredient', 'g', 'เกลือ', 'Salt', 1, {p}, {p})",
                   (str(uuid.uuid4()), False, True))
    opening, sale = uuid.uuid4(), uuid.uuid4()
    rows = [("opening", 3, "OPENING", 333, opening, "2026-11-20 01:00:00"),  # 3 g at ฿3.33 each = 999
            ("sale", -1, "", None, sale, "2026-11-21 18:30:00"),  # 01:30 on the 22nd in Bangkok
            ("sale", -2, "", None, uuid.uuid4(), "2026-11-22 03:00:00")]
    for kind, qty, lot, unit, doc, at in rows:
        db.execute_sql("INSERT INTO stock_movement (uuid, item_id, shop_id, kind, quantity, lot, unit_cost_satang, "
                       f"document_uuid, created_at) VALUES ({p}, 1, 1, {p}, {p}, {p}, {p}, {p}, {p})",
                       (str(uuid.uuid4()), kind, qty, lot, unit, str(doc), at))
    run.up()
    assert sorted(run.applied()) == runner_names()
    lots = db.execute_sql("SELECT id, number, origin, quantity_in, cost_satang FROM lot ORDER BY id").fetchall()
    assert [(n, o, q, c) for _i, n, o, q, c in lots] == [("KAPI-OLD-0001", "opening", 3, 999)]
    moved = db.execute_sql("SELECT quantity, value_satang, lot_id, business_date FROM stock_movement "
                           "ORDER BY id").fetchall()
    # one lot of 3 worth 999: 2 left are worth ⌈999 × 2 ÷ 3⌉ = 666, so the first sale took 333, the second 666
    assert [(q, v) for q, v, _lot, _d in moved] == [(3, 999), (-1, -333), (-2, -666)]
    assert str(moved[1][3]) == "2026-11-22"
    balances = db.execute_sql("SELECT lot_id, quantity, held_value_satang FROM stock_balance "
                              "ORDER BY lot_id").fetchall()
    assert [(q, v) for _lot, q, v in balances] == [(0, 0)]
    db.close()
