"""hash_version v2 and the books written before it.

v2 covers the journal entry (its summary, person, till and time: what a reader of the journal sees) and
spells every text exactly; books whose links were written under v1 keep verifying under v1, a till that
goes on selling adds v2 links after them, and tampering is caught under either version.
"""

from __future__ import annotations

import datetime as dt
import json

import peewee as pw
import pytest

from db.connection import OpenedDatabase
from db.models import Till, User
from db.models.trust import HashSchema
from pos_app.money import Money
from pos_app.selling import sales
from pos_app.trust import canonical, chain, verify
from tests.books_day import cart, seller
from tests.trust_helpers import drop_guards, sale_id, sale_uuid_hex


@pytest.fixture(autouse=True)
def no_secret() -> object:
    chain.set_shop_secret(None)
    yield
    chain.set_shop_secret(None)


def t1() -> int:
    return int(Till.get(Till.code == "T1").id)


def as_v1_books(db: pw.Database) -> str:
    """Rewrite every link as the app before v2 wrote it: v1 lines, today's columns without the journal
    entry, hashed with the v1 rule written out here (``|``-separated values, ``<length>:<text>``)."""
    postgres = isinstance(db, pw.PostgresqlDatabase)
    columns = {t: c for t, c in json.loads(canonical.spec(postgres)).items() if t != canonical.JOURNAL}
    spec = json.dumps(columns, sort_keys=True, separators=(",", ":"))
    version = canonical.version_of(spec, "v1")
    HashSchema.insert(version=version, spec=spec, created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)).execute()
    docs: dict[str, list[str]] = {}
    for key, line in canonical.all_rows(db, columns, "v1"):
        assert not line.startswith("sale|[")  # v1 lines, not JSON
        docs.setdefault(key, []).append(line)
    drop_guards(db, "chain_link")
    prev: dict[str, str] = {}
    for lid, name, seq, epoch, doc_type, hexid, root in list(db.execute_sql(
            "SELECT id, chain, seq, epoch, doc_type, REPLACE(CAST(doc_uuid AS TEXT), '-', ''), root_table "
            "FROM chain_link ORDER BY chain, seq")):
        p = prev.get(name, chain.GENESIS)
        head = chain.header(version, name, epoch, seq, doc_type, hexid, root, False, p)
        value = chain.digest(canonical.encode(head, docs.get(hexid, [])), False, None)
        db.execute_sql(f"UPDATE chain_link SET hash = 'x{lid}' WHERE id = {lid}")
        db.execute_sql(f"UPDATE chain_link SET hash_version = '{version}', prev_hash = '{p}', hash = '{value}' "
                       f"WHERE id = {lid}")
        prev[name] = value
    for name, value in prev.items():
        db.execute_sql(f"UPDATE chain_head SET hash = '{value}' WHERE chain = '{name}'")
    return version


def test_books_written_under_v1_keep_verifying_and_new_links_are_v2(demo_db: OpenedDatabase) -> None:
    db = demo_db.database
    old = as_v1_books(db)
    report = verify()
    assert report.ok, report.lines()
    last = int(Till.get_by_id(t1()).last_receipt_no)
    sales.commit_sale(seller(), t1(), cart(("DISH-3800", 1)), Money(12000))
    versions = [v for (v,) in db.execute_sql("SELECT hash_version FROM chain_link WHERE chain = "
                                             f"'{chain.chain_head(t1()).chain}' ORDER BY seq")]
    assert set(versions[:-1]) == {old} and versions[-1].startswith("v2-")
    report = verify()
    assert report.ok, report.lines()
    assert int(Till.get_by_id(t1()).last_receipt_no) == last + 1
    drop_guards(db, "sale")  # the one v2 document (read on its own beside the v1 books) is checked too
    db.execute_sql(f"UPDATE sale SET total_satang = total_satang + 100 WHERE id = {sale_id(db, last + 1)}")
    report = verify()
    assert report.kinds() == {"chain", "totals"}
    assert next(p for p in report.problems if p.kind == "chain").params["seq"] == len(versions)


def test_an_edited_amount_in_v1_books_is_caught(demo_db: OpenedDatabase) -> None:
    db = demo_db.database
    as_v1_books(db)
    drop_guards(db, "sale")
    db.execute_sql(f"UPDATE sale SET total_satang = total_satang + 1000 WHERE id = {sale_id(db, 6)}")
    report = verify()
    assert report.kinds() == {"chain", "totals"}
    problem = next(p for p in report.problems if p.kind == "chain")
    assert problem.params["seq"] == 6 and problem.params["doc"].startswith("sale #6 ")


def test_an_edited_journal_summary_is_caught(demo_db: OpenedDatabase) -> None:
    """Only the summary a person reads in the journal is changed; every amount still agrees."""
    db = demo_db.database
    hexid = sale_uuid_hex(db, sale_id(db, 5))
    drop_guards(db, "journal_entry")
    db.execute_sql("UPDATE journal_entry SET summary = '{\"total\":1}' WHERE "
                   f"REPLACE(CAST(doc_uuid AS TEXT), '-', '') = '{hexid}'")
    report = verify()
    assert report.kinds() == {"chain"}
    problem = next(p for p in report.problems if p.kind == "chain")
    assert problem.params["seq"] == 5 and problem.msgid.startswith("Chain {chain}: link {seq} ({doc}) does not "
                                                                   "match")


def test_the_person_named_by_a_journal_entry_changed_is_caught(demo_db: OpenedDatabase) -> None:
    db = demo_db.database
    hexid = sale_uuid_hex(db, sale_id(db, 3))
    other = User.get(User.login == "admin").id
    drop_guards(db, "journal_entry")
    db.execute_sql(f"UPDATE journal_entry SET user_id = {other} WHERE "
                   f"REPLACE(CAST(doc_uuid AS TEXT), '-', '') = '{hexid}'")
    report = verify()
    assert report.kinds() == {"chain"}
    assert next(p for p in report.problems if p.kind == "chain").params["seq"] == 3


def test_a_hash_schema_edited_to_drop_a_column_is_not_trusted(demo_db: OpenedDatabase) -> None:
    """A forger who removes ``total_satang`` from an old version's columns (so an edited total would no
    longer count) gets links that name an unknown version: the version's name is the hash of its columns."""
    db = demo_db.database
    version = as_v1_books(db)
    columns = json.loads(HashSchema.get(HashSchema.version == version).spec)
    columns["sale"].remove("total_satang")
    drop_guards(db, "hash_schema")
    spec = json.dumps(columns, sort_keys=True, separators=(",", ":"))
    db.execute_sql(f"UPDATE hash_schema SET spec = '{spec}' WHERE version = '{version}'")
    report = verify()
    assert "schema" in report.kinds()
    assert next(p for p in report.problems if p.kind == "schema").params["version"] == version
