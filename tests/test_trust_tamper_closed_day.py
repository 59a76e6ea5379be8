"""Tampering with a day that was really closed (tests/books_day.py: T1's day of 24 Nov 2026, the shift counted,
the day closed at 18:00 with its Z report): ``verify`` names the changed document, and the head printed on
the Z report (``ZReport.journal_head``, as typed from the paper) proves the day's last receipt was removed
even when the forger rebuilt the whole chain."""

from __future__ import annotations

import pytest

from db.connection import OpenedDatabase
from db.models import Till
from db.models.books import ZReport
from pos_app.books import cash, days
from pos_app.trust import chain, verify
from tests.books_day import DAY, at, build_day, t1, treasurer
from tests.trust_helpers import ALL, delete_sale, drop_guards, recompute_chains, sale_id, sale_uuid_hex

COUNT_723 = {10000: 7, 2000: 1, 100: 3}


@pytest.fixture(autouse=True)
def no_secret() -> object:
    chain.set_shop_secret(None)
    yield
    chain.set_shop_secret(None)


def _closed_day() -> str:
    """The known day, closed; returns the head printed on T1's Z report."""
    build_day()
    cash.close_shift(treasurer(), t1().id, COUNT_723, "เหรียญหาย", now=at(17))
    days.close_day(treasurer(), t1().shop_id, DAY, now=at(18))
    z = ZReport.get(ZReport.till == t1().id)
    assert verify().ok
    return str(z.journal_head)


def test_a_sale_of_a_closed_day_changed_is_named(empty_db: OpenedDatabase) -> None:
    _closed_day()
    db = empty_db.database
    drop_guards(db, "sale_line")
    db.execute_sql(f"UPDATE sale_line SET quantity = quantity + 1 WHERE sale_id = {sale_id(db, 4)} AND line_no = 2")
    report = verify()
    assert report.kinds() == {"chain"}
    (problem,) = report.problems
    assert problem.params["doc"].startswith("sale #4 ") and problem.params["chain"] == "เครื่องขาย T1"


def test_a_cash_movement_of_a_closed_day_changed_is_named(empty_db: OpenedDatabase) -> None:
    _closed_day()
    db = empty_db.database
    drop_guards(db, "cash_movement")
    db.execute_sql("UPDATE cash_movement SET amount_satang = 1500 WHERE amount_satang = 3500")  # the ice: 35 → 15
    report = verify()
    assert report.kinds() == {"chain"}
    assert report.problems[0].params["doc"].startswith("cash_movement ")


def test_the_last_receipt_removed_and_the_chain_rebuilt_is_caught_by_the_z_head(empty_db: OpenedDatabase) -> None:
    printed = _closed_day()
    db = empty_db.database
    key = chain.chain_head(t1().id).chain
    drop_guards(db, *ALL, "chain_head")
    sid = sale_id(db, 7)  # the refund at 12:00, the day's last receipt
    seq = db.execute_sql(f"SELECT seq FROM chain_link WHERE REPLACE(CAST(doc_uuid AS TEXT), '-', '') = "
                         f"'{sale_uuid_hex(db, sid)}'").fetchone()[0]
    delete_sale(db, sid)
    # close the hole in the chain, lower the counter and rehash every link: a careful forger's whole job
    db.execute_sql(f"UPDATE chain_link SET seq = -seq WHERE chain = '{key}' AND seq > {seq}")
    db.execute_sql(f"UPDATE chain_link SET seq = -seq - 1 WHERE chain = '{key}' AND seq < 0")
    db.execute_sql(f"UPDATE chain_head SET seq = seq - 1 WHERE chain = '{key}'")
    db.execute_sql(f"UPDATE till SET last_receipt_no = 6 WHERE id = {t1().id}")
    recompute_chains(db, None)
    assert Till.get_by_id(t1().id).last_receipt_no == 6
    assert verify().ok, verify().lines()  # the books agree with themselves …
    report = verify(anchor=printed)  # … but not with the Z report on paper
    assert report.kinds() == {"anchor"}
    assert report.problems[0].params["head"] == printed.split(":")[1]
