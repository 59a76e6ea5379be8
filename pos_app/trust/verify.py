"""``verify``: recompute every chain from the stored rows and check the ledger's invariants.

Checks, each reported by the first break of its kind (and how many there are):

* ``chain`` — every link's hash equals the hash recomputed from the document's rows today, each link
  points at the one before it, sequence numbers run 1, 2, 3 … without a hole;
* ``head`` — each chain's head row equals its last link; ``anchor`` — a head printed on a Z report is still
  in the books (so nothing after it was removed); ``secret`` — keyed links need the shop secret, and with a
  secret set the last link of a chain must be keyed (no silent downgrade);
* ``journal`` — every document has its link and journal entry, every link and entry its document;
* ``numbers`` — receipt numbers per till run 1…N without a gap (except numbers a restore skipped, as
  recorded in its epoch) and N is the till's counter;
* ``totals`` — for every sale: sum of line amounts − sale discount = total = sum of payments;
* ``balance`` — any ``*_balance`` table equals the sum of the stock ledger.

The work is shared out: :mod:`~pos_app.trust.stored_documents` reads the links and the documents' lines,
:mod:`~pos_app.trust.chain_walk` walks the chains, :mod:`~pos_app.trust.book_checks` checks the books,
:mod:`~pos_app.trust.verify_report` holds what was found.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from operator import itemgetter

import peewee as pw

from db.models import database as proxy
from pos_app.trust import book_checks, canonical, chain, chain_walk
from pos_app.trust.stored_documents import StoredDocuments, hash_versions, read_links
from pos_app.trust.verify_report import Problem, Report
from resources.i18n import N_

__all__ = ["Problem", "Report", "snapshot", "verify"]


@contextmanager
def snapshot(db: pw.Database) -> Iterator[None]:
    """A read-only consistent view that does not hold up the tills (no write lock on SQLite)."""
    if isinstance(db, pw.SqliteDatabase):
        with db.atomic(lock_type="DEFERRED"):
            yield
        return
    with db.atomic():
        db.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def verify(anchor: str | None = None, secret: bytes | None = None, use_configured_secret: bool = True,
           database: pw.Database | None = None) -> Report:
    """Verify the books of ``database`` (default: the one the models are bound to)."""
    db = database or proxy.obj
    postgres = canonical.is_postgres(db)
    if secret is None and use_configured_secret:
        secret = chain.shop_secret()
    report = Report()
    for table, why in sorted(canonical.unusable_tables().items()):
        report.add("schema", N_("Table {table} cannot be verified: {reason}"), table, table=table, reason=why)
    with snapshot(db):
        links = read_links(db, postgres)
        documents = StoredDocuments(db, hash_versions(db, postgres), Counter(map(itemgetter(6), links)))
        lasts = chain_walk.check_chains(db, report, documents, links, secret, postgres)
        chain_walk.check_heads(db, report, lasts)
        if anchor:
            chain_walk.check_anchor(db, report, anchor)
        report.documents = book_checks.check_journal(report, documents, links)
        book_checks.check_numbers(db, report)
        book_checks.check_totals(db, report)
        book_checks.check_balances(db, report)
    return report
