"""Permissions live in the services: each action the issue lists is refused by the service itself to a role
that may not do it (the UI only hides buttons), with nothing written — no document, no journal entry, no
audit row, no file.  The actions whose refusals other files already show: sell and refunds/voids
(test_selling_rules, test_sales_details), discounts (test_discount_limits), prices (test_trust_audit), items
and receiving (test_stock_items, test_stock_ledger), people (test_trust_people), settings
(test_till_settings), stock reports (test_stock_export_audit).  Here the rest, on both databases.
Demo people: somsri seller, prapha production lead, wanna treasurer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from db.connection import OpenedDatabase
from db.models import JournalEntry, Shop, Till
from db.models.trust import AuditEntry
from pos_app.books import cash, days
from pos_app.books.export.run import export_books
from pos_app.books.scope import make_scope
from pos_app.errors import PermissionDenied
from pos_app.money import Money
from pos_app.production.batches import BatchDraft, commit_batch
from pos_app.stock import adjustments, transfers
from tests.books_day import actor

DAY = dt.date(2026, 11, 24)


def _shops() -> tuple[int, int]:
    ids = [s.id for s in Shop.select().order_by(Shop.id)]
    return ids[0], ids[-1]


def _till() -> int:
    return int(Till.get(Till.code == "T1").id)


ACTIONS: dict[str, tuple[tuple[str, ...], Callable[[str, Path], object], str]] = {
    # action: (roles refused, the service call, the Thai name of the action in the refusal)
    "adjust_stock": (("somsri", "wanna"), lambda who, _tmp: adjustments.record_waste(
        actor(who), _shops()[0], [], "แตก"), "ตรวจนับหรือตัดจำหน่ายสต็อก"),
    "transfer_stock": (("somsri", "wanna"), lambda who, _tmp: transfers.transfer(
        actor(who), _shops()[0], _shops()[1], [transfers.GiveLine(1, 1, Money(100))]), "โอนสินค้าระหว่างกลุ่ม"),
    "produce": (("somsri", "wanna"), lambda who, _tmp: commit_batch(
        actor(who), BatchDraft(recipe_id=1, shop_id=_shops()[0], planned=1, uses=())), "บันทึกการผลิต"),
    "close_day": (("somsri", "prapha"), lambda who, _tmp: days.close_day(actor(who), _shops()[0], DAY), "ปิดยอดประจำวัน"),
    "handle_cash": (("somsri", "prapha"), lambda who, _tmp: cash.move_cash(
        actor(who), _till(), "out", "other", "ซื้อน้ำแข็ง", Money(5000)), "จัดการลิ้นชักเงินสด"),
    "export_books": (("somsri", "prapha"), lambda who, tmp: export_books(
        actor(who), "day", make_scope(DAY), "csv", tmp / "out"), "ส่งออกบัญชี"),
}
CASES = [(action, who) for action, (refused, _call, _name) in ACTIONS.items() for who in refused]


@pytest.mark.parametrize(("action", "who"), CASES, ids=[f"{a}-{w}" for a, w in CASES])
def test_the_service_refuses_a_role_that_may_not(demo_db: OpenedDatabase, tmp_path: Path, action: str,
                                                 who: str) -> None:
    _refused, call, thai = ACTIONS[action]
    before = (JournalEntry.select().count(), AuditEntry.select().count())
    with pytest.raises(PermissionDenied) as err:
        call(who, tmp_path)
    role = {"somsri": "คนขายหน้าร้าน", "prapha": "หัวหน้าฝ่ายผลิต", "wanna": "เหรัญญิก"}[who]
    assert str(err.value) == f"{role} ไม่มีสิทธิ์{thai}"
    assert (JournalEntry.select().count(), AuditEntry.select().count()) == before
    assert list(tmp_path.iterdir()) == []
