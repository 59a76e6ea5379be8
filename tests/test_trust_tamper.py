"""Each way of forging the books that the issue lists makes ``verify`` fail and name what broke.

The demo's till T1 has its sales and refunds numbered 1, 2, 3 … and linked in that order, so receipt N is
link N of T1's chain.  Every tamper is done with plain SQL after dropping the append-only triggers, as
anyone with a database tool could.
"""

from __future__ import annotations

import pytest

from db.connection import OpenedDatabase
from db.models import Till
from pos_app.trust import canonical, chain, verify
from resources.i18n import set_language
from tests.trust_helpers import ALL, delete_sale, drop_guards, recompute_chains, sale_id, sale_uuid_hex


@pytest.fixture(autouse=True)
def no_secret() -> object:
    chain.set_shop_secret(None)
    yield
    chain.set_shop_secret(None)


def t1() -> int:
    return int(Till.get(Till.code == "T1").id)


def chain_problem(report: verify.Report) -> verify.Problem:
    return next(p for p in report.problems if p.kind == "chain")


def test_untouched_demo_books_verify(demo_db: OpenedDatabase) -> None:
    report = verify()
    assert report.ok, report.lines()
    assert report.chains == 2 and report.links == report.documents


def test_edited_amount_is_caught(demo_db: OpenedDatabase) -> None:
    db = demo_db.database
    drop_guards(db, "sale")
    db.execute_sql(f"UPDATE sale SET total_satang = total_satang + 1000 WHERE id = {sale_id(db, 7)}")
    report = verify()
    assert report.kinds() == {"chain", "totals"}
    assert report.counts["chain"] == 1
    p = chain_problem(report)
    assert p.params["seq"] == 7 and p.params["doc"].startswith("sale #7 ")
    assert next(p for p in report.problems if p.kind == "totals").params["number"] == 7


def test_edit_with_lines_payment_and_journal_made_to_match_is_caught(demo_db: OpenedDatabase) -> None:
    db = demo_db.database
    drop_guards(db, *ALL)
    sid = sale_id(db, 4)
    db.execute_sql(f"UPDATE sale SET total_satang = total_satang + 5000 WHERE id = {sid}")
    db.execute_sql(f"UPDATE sale_line SET amount_satang = amount_satang + 5000 WHERE sale_id = {sid} AND line_no = 1")
    db.execute_sql(f"UPDATE payment SET amount_satang = amount_satang + 5000, tendered_satang = tendered_satang + "
                   f"5000 WHERE sale_id = {sid}")
    db.execute_sql(f"UPDATE journal_entry SET summary = 'forged' WHERE REPLACE(CAST(doc_uuid AS TEXT), '-', '') = "
                   f"'{sale_uuid_hex(db, sid)}'")
    report = verify()
    assert report.kinds() == {"chain"}  # the totals agree with each other now; only the chain knows
    assert chain_problem(report).params["seq"] == 4


def test_sale_deleted_in_the_middle_is_caught(demo_db: OpenedDatabase) -> None:
    db = demo_db.database
    drop_guards(db, *ALL)
    delete_sale(db, sale_id(db, 10))
    report = verify()
    assert report.kinds() == {"chain", "numbers"}
    p = chain_problem(report)
    assert (p.params["first"], p.params["last"]) == (10, 10)
    assert next(p for p in report.problems if p.kind == "numbers").params["number"] == 10


def test_sale_rows_deleted_but_link_kept_is_caught(demo_db: OpenedDatabase) -> None:
    db = demo_db.database
    drop_guards(db, *ALL)
    delete_sale(db, sale_id(db, 3), with_link=False)
    report = verify()
    assert {"chain", "journal", "numbers"} <= report.kinds()
    assert chain_problem(report).params["seq"] == 3


def test_last_sale_deleted_and_counter_lowered_is_caught_by_the_z_head(demo_db: OpenedDatabase) -> None:
    db = demo_db.database
    z_head = chain.chain_head(t1())  # printed on the last Z report
    last = int(Till.get_by_id(t1()).last_receipt_no)
    drop_guards(db, *ALL)
    sid = sale_id(db, last)
    hexid = sale_uuid_hex(db, sid)
    prev = db.execute_sql(f"SELECT prev_hash FROM chain_link WHERE REPLACE(CAST(doc_uuid AS TEXT), '-', '') = "
                          f"'{hexid}'").fetchone()[0]
    delete_sale(db, sid)
    db.execute_sql(f"UPDATE till SET last_receipt_no = {last - 1} WHERE id = {t1()}")
    db.execute_sql(f"UPDATE chain_head SET seq = seq - 1, hash = '{prev}' WHERE chain = '{z_head.chain}'")
    assert verify().ok  # a careful forger leaves the books consistent …
    report = verify(anchor=z_head.hash)
    assert report.kinds() == {"anchor"}  # … but the head on the Z report is gone
    assert report.problems[0].params["head"] == z_head.hash
    assert verify(anchor=z_head.hash[:16]).kinds() == {"anchor"}
    assert verify(anchor=f"{z_head.seq}:{z_head.hash}").kinds() == {"anchor"}


def test_last_sale_deleted_and_counter_lowered_but_the_head_row_left_is_caught(demo_db: OpenedDatabase) -> None:
    db = demo_db.database
    head = chain.chain_head(t1())
    last = int(Till.get_by_id(t1()).last_receipt_no)
    drop_guards(db, *ALL)
    delete_sale(db, sale_id(db, last))
    db.execute_sql(f"UPDATE till SET last_receipt_no = {last - 1} WHERE id = {t1()}")
    report = verify()
    assert report.kinds() == {"head"}  # the chain's head row still names the removed link
    assert report.problems[0].params == {"chain": "เครื่องขาย T1", "seq": head.seq - 1}
    db.execute_sql(f"DELETE FROM chain_link WHERE chain = '{head.chain}'")  # every link of the till removed
    report = verify()
    assert "head" in report.kinds()
    assert report.problems[0].msgid == "Chain {chain} has a head but no links (all its links were removed)"


def test_the_z_report_form_of_the_head_is_accepted(demo_db: OpenedDatabase) -> None:
    head = chain.chain_head(t1())
    assert verify(anchor=f"{head.seq}:{head.hash}").ok
    assert verify(anchor=head.hash[:12].upper()).ok
    assert verify(anchor=f"{head.seq - 1}:{head.hash}").kinds() == {"anchor"}  # right hash, wrong place
    assert verify(anchor="not-a-head").kinds() == {"anchor"}


def test_counter_lowered_alone_is_caught(demo_db: OpenedDatabase) -> None:
    db = demo_db.database
    db.execute_sql(f"UPDATE till SET last_receipt_no = last_receipt_no - 1 WHERE id = {t1()}")
    assert verify().kinds() == {"numbers"}


def test_recomputed_chain_is_caught_with_the_shop_secret(demo_db: OpenedDatabase) -> None:
    db = demo_db.database
    chain.set_shop_secret(b"members-only")
    drop_guards(db, *ALL)
    # the books so far were made without a secret: re-sign them as the shop would after setting one
    recompute_chains(db, b"members-only")
    assert verify().ok
    db.execute_sql(f"UPDATE sale_line SET quantity = quantity + 1 WHERE sale_id = {sale_id(db, 6)}")
    assert verify().kinds() == {"chain"}
    recompute_chains(db, None)  # the forger does not know the secret: a plain SHA-256 chain
    report = verify()
    assert report.kinds() == {"secret"}
    recompute_chains(db, b"a guess")  # or guesses one
    report = verify()
    assert "chain" in report.kinds() and chain_problem(report).params["seq"] == 1
    # without the secret on the computer, verify says it cannot check, it does not pass
    chain.set_shop_secret(None)
    assert "secret" in verify().kinds()


def test_recomputed_chain_without_a_secret_is_caught_by_the_z_head(demo_db: OpenedDatabase) -> None:
    db = demo_db.database
    z_head = chain.chain_head(t1()).hash
    drop_guards(db, *ALL)
    db.execute_sql(f"UPDATE sale SET note = 'x' WHERE id = {sale_id(db, 2)}")
    recompute_chains(db, None)
    assert verify().ok
    assert verify(anchor=z_head).kinds() == {"anchor"}


def test_swapped_entries_are_caught(demo_db: OpenedDatabase) -> None:
    db = demo_db.database
    drop_guards(db, "chain_link")
    key = chain.chain_head(t1()).chain
    db.execute_sql(f"UPDATE chain_link SET seq = -1 WHERE chain = '{key}' AND seq = 8")
    db.execute_sql(f"UPDATE chain_link SET seq = 8 WHERE chain = '{key}' AND seq = 9")
    db.execute_sql(f"UPDATE chain_link SET seq = 9 WHERE chain = '{key}' AND seq = -1")
    report = verify()
    assert report.kinds() == {"chain"}
    assert chain_problem(report).params["seq"] == 8


def test_swapped_entries_rehashed_in_place_are_caught_by_the_next_link(demo_db: OpenedDatabase) -> None:
    """A forger who knows the code swaps links 8 and 9 and rehashes both for their new places (each hash is
    right for its own header); link 10 still names the old link 9's hash: only the linkage shows it."""
    db = demo_db.database
    drop_guards(db, "chain_link")
    key = chain.chain_head(t1()).chain
    docs: dict[str, list[str]] = {}
    for doc_key, line in canonical.all_rows(db):
        docs.setdefault(doc_key, []).append(line)
    rows = {seq: rest for seq, *rest in db.execute_sql(
        "SELECT seq, id, epoch, doc_type, REPLACE(CAST(doc_uuid AS TEXT), '-', ''), root_table, hash_version, "
        f"prev_hash FROM chain_link WHERE chain = '{key}' AND seq IN (8, 9)")}
    prev = rows[8][-1]
    for new_seq, old_seq in ((8, 9), (9, 8)):  # link 9's document first, then link 8's
        lid, epoch, doc_type, hexid, root, version, _p = rows[old_seq]
        head = chain.header(version, key, epoch, new_seq, doc_type, hexid, root, False, prev)
        value = chain.digest(canonical.encode(head, docs[hexid]), False, None)
        db.execute_sql(f"UPDATE chain_link SET seq = {-new_seq}, prev_hash = '{prev}', hash = '{value}' "
                       f"WHERE id = {lid}")
        prev = value
    db.execute_sql(f"UPDATE chain_link SET seq = -seq WHERE chain = '{key}' AND seq < 0")
    report = verify()
    assert report.kinds() == {"chain"} and report.counts["chain"] == 1
    problem = chain_problem(report)
    assert problem.params["seq"] == 10 and problem.msgid.endswith("(entries swapped or removed)")


def test_document_inside_a_closed_day_changed_is_caught(demo_db: OpenedDatabase) -> None:
    db = demo_db.database
    drop_guards(db, "sale_line")
    first_day = db.execute_sql(f"SELECT MIN(business_date) FROM sale WHERE till_id = {t1()}").fetchone()[0]
    number = db.execute_sql(f"SELECT MAX(number) FROM sale WHERE till_id = {t1()} AND business_date = "
                            f"'{first_day}'").fetchone()[0]
    db.execute_sql(f"UPDATE sale_line SET quantity = quantity + 1 WHERE sale_id = {sale_id(db, number)}")
    report = verify()
    assert report.kinds() == {"chain"}
    assert chain_problem(report).params["seq"] == number


def test_stock_movement_quantity_changed_is_caught(demo_db: OpenedDatabase) -> None:
    db = demo_db.database
    drop_guards(db, "stock_movement")
    hexid = sale_uuid_hex(db, sale_id(db, 12))
    db.execute_sql("UPDATE stock_movement SET quantity = quantity - 1 WHERE REPLACE(CAST(document_uuid AS TEXT), "
                   f"'-', '') = '{hexid}'")
    report = verify()
    assert report.kinds() == {"chain", "balance"}  # the lot balances no longer equal the ledger either
    assert chain_problem(report).params["seq"] == 12


def test_opening_stock_changed_is_caught_on_the_computer_chain(demo_db: OpenedDatabase) -> None:
    db = demo_db.database
    drop_guards(db, "stock_movement")
    db.execute_sql("UPDATE stock_movement SET quantity = quantity + 100 WHERE id = 1")
    report = verify()
    assert report.kinds() == {"chain", "balance"}  # the lot balance no longer equals the ledger either
    assert chain_problem(report).params["doc"].startswith("opening ")


def test_a_forged_sale_without_a_link_is_caught(demo_db: OpenedDatabase) -> None:
    db = demo_db.database
    row = db.execute_sql(f"SELECT till_id, seller_id, tier_id, created_at, business_date FROM sale WHERE id = "
                         f"{sale_id(db, 1)}").fetchone()
    import uuid

    u = uuid.uuid4()
    value = u.hex if not hasattr(db, "server_version") else str(u)
    db.execute_sql("INSERT INTO sale (uuid, kind, till_id, number, seller_id, tier_id, created_at, business_date, "
                   f"total_satang, note) VALUES ({db.param}, 'sale', {db.param}, 999, {db.param}, {db.param}, "
                   f"{db.param}, {db.param}, 0, '')", (value, *row))
    report = verify()
    assert {"journal", "numbers"} <= report.kinds()


def test_problems_are_named_in_thai_and_english(demo_db: OpenedDatabase) -> None:
    db = demo_db.database
    drop_guards(db, "sale")
    db.execute_sql(f"UPDATE sale SET total_satang = 1 WHERE id = {sale_id(db, 5)}")
    report = verify()
    thai = chain_problem(report).message
    assert "T1" in thai and "#5" in thai and "เปลี่ยน" in thai
    set_language("en")
    assert "changed after it was saved" in chain_problem(report).message


def test_a_balance_table_that_disagrees_with_the_ledger_is_caught(demo_db: OpenedDatabase) -> None:
    db = demo_db.database
    db.execute_sql("CREATE TABLE probe_balance (item_id INTEGER, shop_id INTEGER, quantity BIGINT)")
    db.execute_sql("INSERT INTO probe_balance (item_id, shop_id, quantity) SELECT item_id, shop_id, SUM(quantity) "
                   "FROM stock_movement GROUP BY item_id, shop_id")
    assert verify().ok
    item = db.execute_sql("SELECT MIN(item_id) FROM probe_balance").fetchone()[0]
    db.execute_sql(f"UPDATE probe_balance SET quantity = quantity + 3 WHERE item_id = {item}")
    report = verify()
    assert report.kinds() == {"balance"}
    p = report.problems[0].params
    assert (p["column"], p["stored"] - p["ledger"]) == ("quantity", 3)


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # only SQLite lets text into an integer column
def test_a_link_forged_with_text_where_numbers_belong_is_reported_not_a_crash(demo_db: OpenedDatabase) -> None:
    db = demo_db.database
    drop_guards(db, "chain_link")
    key = chain.chain_head(t1()).chain
    db.execute_sql(f"UPDATE chain_link SET epoch = 'one' WHERE chain = '{key}' AND seq = 5")
    db.execute_sql(f"UPDATE chain_link SET keyed = 'no' WHERE chain = '{key}' AND seq = 6")
    report = verify()
    assert report.kinds() == {"chain", "secret"}  # the wrong hash; 'no' is a true value: "keyed", needs a secret
    assert chain_problem(report).params["seq"] == 5
    assert next(p for p in report.problems if p.kind == "secret").params["seq"] == 6
