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
"""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import Any

import peewee as pw

from db.models import database as proxy
from pos_app.trust import canonical, chain
from pos_app.trust.canonical import Doc
from resources.i18n import N_, _

KINDS = ("chain", "head", "anchor", "secret", "journal", "numbers", "totals", "balance", "schema")


@dataclass(frozen=True)
class Problem:
    kind: str
    msgid: str
    params: dict[str, Any]

    @property
    def message(self) -> str:
        return _(self.msgid).format(**self.params)


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)  # the first of each kind (chains: each chain)
    counts: dict[str, int] = field(default_factory=dict)  # how many problems of each kind
    documents: int = 0
    links: int = 0
    chains: int = 0
    _seen: set[tuple[str, str]] = field(default_factory=set, repr=False)

    @property
    def ok(self) -> bool:
        return not self.counts

    def kinds(self) -> set[str]:
        return set(self.counts)

    def add(self, kind: str, msgid: str, per: str = "", **params: Any) -> None:
        """Count a problem; keep the first of its kind (per chain or till when ``per`` is given)."""
        if (kind, per) not in self._seen:
            self._seen.add((kind, per))
            self.problems.append(Problem(kind, msgid, params))
        self.counts[kind] = self.counts.get(kind, 0) + 1

    def lines(self) -> list[str]:
        return [p.message for p in self.problems]


def _uuid(col: str) -> str:
    return f"REPLACE(CAST({col} AS TEXT), '-', '')"


def _links(db: pw.Database, postgres: bool) -> list[tuple[Any, ...]]:
    doc = _uuid("doc_uuid") if postgres else "doc_uuid"  # SQLite keeps UUIDs as 32 hex digits already
    keyed = "CASE WHEN keyed THEN 1 ELSE 0 END" if postgres else "keyed"
    sql = (f"SELECT chain, seq, epoch, doc_type, {doc}, root_table, hash_version, {keyed}, prev_hash, hash "
           "FROM chain_link ORDER BY chain, seq")
    return list(db.execute_sql(sql))


def _schemas(db: pw.Database, postgres: bool) -> dict[str, dict[str, list[str]] | None]:
    """For each hash_version: the columns it covers per table (None: today's columns).  A version whose
    name does not match its own columns (an edited ``hash_schema``) or names no known algorithm is left
    out, so its links are reported as naming an unknown version."""
    now = canonical.version_of(canonical.spec(postgres))
    out: dict[str, dict[str, list[str]] | None] = {}
    for version, spec in db.execute_sql("SELECT version, spec FROM hash_schema"):
        algorithm = canonical.algorithm_of(version)
        if version == now:
            out[version] = None
        elif algorithm and canonical.version_of(spec, algorithm) == version:
            out[version] = json.loads(spec)
    return out


def _label(doc: Doc, root: str, doc_type: str, doc_uuid: str, postgres: bool) -> str:
    cols = canonical.rules(postgres)[root].columns if root in canonical.rules(postgres) else ()
    line = next((x for x in doc if x.startswith(root + "|")), None) if root else None
    if line is not None and "number" in cols:
        body = line.split("|", 1)[1]
        try:  # a label only: best effort (a v2 line is a JSON array, a v1 line values between bars)
            values = json.loads(body) if body.startswith("[") else body.split("|")
            return f"{doc_type} #{values[cols.index('number')]} ({doc_uuid[:8]})"
        except (ValueError, IndexError):
            pass
    return f"{doc_type} {doc_uuid[:8]}"


FEW = 1000  # a version with no more links than this is read document by document, not table by table


class _Documents:
    """The documents' lines under each hash_version the links use, each read once, when first needed
    (books whose links are all of one version are read once; a version few links use — v2 links just after
    an upgrade of books with years of v1 — is read for those documents only)."""

    def __init__(self, db: pw.Database, schemas: dict[str, dict[str, list[str]] | None],
                 counts: Counter[str] | None = None) -> None:
        self.db, self.schemas, self.counts = db, schemas, counts or Counter()
        self.loaded: dict[str, dict[str, Doc] | None] = {}
        self.one: dict[str, tuple[str, list[pw.Field]] | None] = {}  # a version's one-document statement
        self.journal: set[str] = set()  # documents with a journal entry
        self.bare: set[str] = set()  # keys whose only line is their journal entry (no document rows)
        self.journal_read = False

    def of(self, version: str) -> dict[str, Doc] | None:
        """Every document under ``version`` (None: a column it hashed no longer exists)."""
        if version not in self.loaded:
            spec = self.schemas[version]
            reads_journal = spec is None or canonical.JOURNAL in spec
            journal: set[str] | None = set() if reads_journal and not self.journal_read else None
            try:
                docs = load_documents(self.db, spec, canonical.algorithm_of(version), journal)
            except canonical.SchemaError:
                self.loaded[version] = None
                return None
            self.loaded[version] = docs
            if journal is not None:
                self.journal, self.journal_read = journal, True
                self.bare = {k for k in journal if len(docs[k]) == 1}
        return self.loaded[version]

    def doc(self, version: str, key: str) -> Doc | None:
        """The lines of the document ``key`` under ``version`` (None: a column it hashed no longer exists)."""
        if version in self.loaded or self.counts[version] > FEW:
            docs = self.of(version)
            return None if docs is None else docs.get(key, [])
        if version not in self.one:
            try:
                self.one[version] = canonical.document_select(self.db, self.schemas[version],
                                                              canonical.algorithm_of(version))
            except canonical.SchemaError:
                self.one[version] = None
        found = self.one[version]
        if found is None:
            return None
        sql, fields = found
        try:
            doc_uuid = uuid.UUID(hex=key)
        except ValueError:  # a forged key: no document has it
            return []
        return [str(r[1]) for r in self.db.execute_sql(sql, [f.db_value(doc_uuid) for f in fields])]

    def journal_keys(self) -> set[str]:
        if not self.journal_read:
            column = _uuid("doc_uuid") if canonical.is_postgres(self.db) else "doc_uuid"
            self.journal = {r[0] for r in self.db.execute_sql(f"SELECT {column} FROM {canonical.JOURNAL}")}
            self.journal_read = True
        return self.journal

    def with_rows(self) -> set[str]:
        """The documents that have rows of their own (beyond a journal entry), under any version read."""
        keys: set[str] = set()
        for docs in self.loaded.values():
            if docs is not None:
                keys.update(docs)
        if not self.loaded:
            keys.update(load_documents(self.db))
        return keys - self.bare


def header_text(version: str, key: str, epoch: int, seq: int, doc_type: str, doc_hex: str, root: str,
                keyed: int, prev: str) -> str:
    """``ascii(chain.header(…))`` built piece by piece: the ascii of a tuple is its items' ascii joined by
    ", " in brackets (checked against ``ascii`` itself by the tests)."""
    return (f"({version!a}, {key!a}, {epoch!a}, {seq!a}, {doc_type!a}, {doc_hex!a}, {root!a}, "
            f"{int(bool(keyed))}, {prev!a})")  # ascii, not int(): a forged text value fails the hash, not verify


def _main_version(counts: Counter[str], schemas: dict[str, dict[str, list[str]] | None]) -> str:
    """The hash_version most links use (today's when there are none): the documents are read under it first."""
    today = next((v for v, spec in schemas.items() if spec is None), "")
    known = [(n, v) for v, n in counts.items() if v in schemas]
    return max(known)[1] if known else today


def _check_chains(db: pw.Database, report: Report, documents: _Documents, links: list[tuple[Any, ...]],
                  secret: bytes | None, postgres: bool) -> dict[str, tuple[int, str]]:
    """Walk every chain link by link (the hot loop of verify: one dict look-up, one sort, one hash a link)."""
    schemas = documents.schemas
    main = _main_version(documents.counts, schemas)
    docs = documents.of(main) if main else None
    if docs is None:  # no links, or today's columns cannot be read: every link takes the careful path
        main, docs = "", {}
    lasts: dict[str, tuple[int, str]] = {}
    names = chain_names(db)
    empty: Doc = []
    sha256, hmac_new, join = hashlib.sha256, hmac.new, "\n".join

    def where(doc: Doc | None, root: str, doc_type: str, doc_uuid: str, name: str, seq: int) -> dict[str, Any]:
        return dict(chain=name, seq=seq, doc=_label(doc or empty, root, doc_type, doc_uuid, postgres))

    for key, rows in groupby(links, key=itemgetter(0)):
        name = names.get(key, key)
        report.chains += 1
        prev_hash, expect, saw_keyed, last_keyed = chain.GENESIS, 1, False, False
        lead = f"({main!a}, {key!a}, "  # the header's first items, the same for the chain's links
        for _c, seq, epoch, doc_type, doc_uuid, root, version, keyed, prev, stored in rows:
            report.links += 1
            if seq == expect and prev == prev_hash and version == main and (secret is not None or not keyed):
                # almost every link: the header text as header_text builds it (the tests hold it to ascii of
                # chain.header), one sort, one hash; anything else takes the careful path below
                doc: Doc | None = docs.get(doc_uuid, empty)
                head = (f"{lead}{epoch!a}, {seq!a}, {doc_type!a}, {doc_uuid!a}, {root!a}, {int(bool(keyed))}, "
                        f"{prev!a})")
                message = (head + "\n" + join(sorted(doc)) if doc else head).encode()
                hashed = hmac_new(secret, message, "sha256") if keyed and secret is not None else sha256(message)
                if hashed.hexdigest() == stored:
                    saw_keyed = saw_keyed or bool(keyed)
                    last_keyed = bool(keyed)
                    prev_hash, expect = stored, seq + 1
                    continue
            doc = docs.get(doc_uuid, empty)
            if seq != expect:
                report.add("chain", N_("Chain {chain}: links {first}–{last} are missing (removed?) before {doc}"),
                           name, first=expect, last=seq - 1, **where(doc, root, doc_type, doc_uuid, name, seq))
            elif prev != prev_hash:
                report.add("chain", N_("Chain {chain}: link {seq} ({doc}) does not follow the link before it "
                           "(entries swapped or removed)"), name, **where(doc, root, doc_type, doc_uuid, name, seq))
            spec = schemas.get(version, _UNKNOWN) if version != main else None
            if spec is _UNKNOWN:
                report.add("schema", N_("Link {seq} of {chain} names an unknown hash version {version}"), name,
                           version=version, **where(doc, root, doc_type, doc_uuid, name, seq))
            elif keyed and secret is None:
                report.add("secret", N_("Chain {chain} is signed with the shop secret; give the secret to verify "
                           "it"), name, **where(doc, root, doc_type, doc_uuid, name, seq))
            else:
                if version != main:
                    doc = documents.doc(version, doc_uuid)
                if doc is None:
                    report.add("schema", N_("A column hashed in {chain} link {seq} no longer exists"), name,
                               **where(doc, root, doc_type, doc_uuid, name, seq))
                else:
                    head = header_text(version, key, epoch, seq, doc_type, doc_uuid, root, keyed, prev)
                    message = (head + "\n" + join(sorted(doc)) if doc else head).encode()
                    hashed = hmac_new(secret, message, "sha256") if keyed and secret is not None else sha256(message)
                    if hashed.hexdigest() != stored:
                        report.add("chain", N_("Chain {chain}: link {seq} ({doc}) does not match the document as "
                                   "it is stored now (changed after it was saved)"), name,
                                   **where(doc, root, doc_type, doc_uuid, name, seq))
            saw_keyed = saw_keyed or bool(keyed)
            last_keyed = bool(keyed)
            prev_hash, expect = stored, seq + 1
        if secret is not None and not last_keyed:
            report.add("secret", N_("Chain {chain} ends in a link without the shop secret "
                       "(the chain may have been recomputed)"), name, chain=name)
        elif saw_keyed and not last_keyed:
            report.add("secret", N_("Chain {chain} stopped using the shop secret (the chain may have been "
                       "recomputed)"), name, chain=name)
        lasts[key] = (expect - 1, prev_hash)
    return lasts


_UNKNOWN: Any = object()


def chain_names(db: pw.Database) -> dict[str, str]:
    """Chain keys as people read them: "till T1", "computer 3f2a9c01"."""
    out = {f"till:{uuid.UUID(str(u))}": _("till {code}").format(code=code)
           for u, code in db.execute_sql("SELECT uuid, code FROM till")}
    for (key,) in db.execute_sql("SELECT DISTINCT chain FROM chain_head"):
        if key not in out:
            out[key] = _("computer {id}").format(id=key.split(":", 1)[-1][:8])
    return out


def _check_heads(db: pw.Database, report: Report, lasts: dict[str, tuple[int, str]]) -> None:
    heads = {c: (int(s), h) for c, s, h in db.execute_sql("SELECT chain, seq, hash FROM chain_head")}
    names = chain_names(db)
    for key, (seq, last) in lasts.items():
        name = names.get(key, key)
        if heads.get(key) != (seq, last):
            report.add("head", N_("The head of chain {chain} does not match its last link {seq}"), name,
                       chain=name, seq=seq)
    for key, (seq, _h) in heads.items():
        name = names.get(key, key)
        if key not in lasts and seq:
            report.add("head", N_("Chain {chain} has a head but no links (all its links were removed)"), name,
                       chain=name, seq=seq)


def _check_anchor(db: pw.Database, report: Report, anchor: str) -> None:
    printed = anchor.strip().lower()
    seq_text, _sep, anchor = printed.rpartition(":")  # the Z prints "<seq>:<hash>"; the hash alone will do
    if len(anchor) < 12 or not all(c in "0123456789abcdef" for c in anchor) or (seq_text and not seq_text.isdigit()):
        report.add("anchor", N_("A head from a Z report needs at least 12 characters: {head}"), head=printed)
        return
    found = db.execute_sql("SELECT chain, seq FROM chain_link WHERE hash LIKE " + db.param,
                           (anchor + "%",)).fetchone()
    if found is None or (seq_text and int(found[1]) != int(seq_text)):
        report.add("anchor", N_("The head {head} printed on a Z report is not in these books: documents after it "
                   "were removed (or the books were restored from an older backup)"), head=anchor)


def _check_journal(report: Report, documents: _Documents, links: list[tuple[Any, ...]]) -> int:
    """Every document has its link and its journal entry, every link and entry its document; returns how
    many documents (with rows of their own) there are."""
    linked = {r[4] for r in links}
    journal = documents.journal_keys()
    with_rows = documents.with_rows()
    for key in sorted(with_rows - linked):
        tables = {line.split("|", 1)[0] for docs in documents.loaded.values() if docs for line in docs.get(key, ())}
        report.add("journal", N_("Document {doc} ({tables}) has no link in any chain"), doc=key,
                   tables=", ".join(sorted(tables - {canonical.JOURNAL})))
    for key in sorted(linked - with_rows):
        report.add("journal", N_("Chain link for document {doc} has no document rows (deleted?)"), doc=key)
    for key in sorted(linked ^ journal):
        report.add("journal", N_("Document {doc} has a chain link or a journal entry but not both"), doc=key)
    return len(with_rows)


def _check_numbers(db: pw.Database, report: Report) -> None:
    skipped: dict[int, set[int]] = defaultdict(set)
    for till, a, b in db.execute_sql("SELECT till_id, skipped_from, skipped_to FROM chain_epoch "
                                      "WHERE till_id IS NOT NULL AND skipped_from IS NOT NULL"):
        skipped[int(till)].update(range(int(a), int(b) + 1))
    numbers: dict[int, list[int]] = defaultdict(list)
    for till, number in db.execute_sql("SELECT till_id, number FROM sale ORDER BY till_id, number"):
        numbers[int(till)].append(int(number))
    for till_id, code, counter in db.execute_sql("SELECT id, code, last_receipt_no FROM till ORDER BY id"):
        have = numbers.get(int(till_id), [])
        expected = 1
        for n in have:
            while expected < n and expected in skipped[int(till_id)]:
                expected += 1
            if n != expected:
                report.add("numbers", N_("Till {till}: receipt number {number} is missing"), str(till_id),
                           till=code, number=expected)
            expected = n + 1
        last = have[-1] if have else 0
        top = max([last, *(s for s in skipped[int(till_id)])]) if skipped[int(till_id)] else last
        if int(counter) != top:
            report.add("numbers", N_("Till {till}: the receipt counter is {counter} but the last receipt is "
                       "{number}"), str(till_id) + "c", till=code, counter=int(counter), number=last)


def _check_totals(db: pw.Database, report: Report) -> None:
    sale_cols = {c.name for c in db.get_columns("sale")}
    discount = "s.discount_satang" if "discount_satang" in sale_cols else "0"
    line_cols = {c.name for c in db.get_columns("sale_line")}
    # a line's amount is before its own discount (when lines carry one)
    net = "amount_satang - discount_satang" if "discount_satang" in line_cols else "amount_satang"
    # Payments equal the total — except an online order (and its refunds), which may be unpaid or part paid
    # (money received later is its own ``order_payment`` document): there, everything paid ≤ the total.
    paid = "COALESCE(p.amount, 0)"
    payments_wrong = f"{paid} <> s.total_satang"
    later_join = ""
    if "channel" in sale_cols and "order_payment" in db.get_tables():
        later_join = ("LEFT JOIN (SELECT sale_uuid, SUM(amount_satang) AS amount FROM order_payment "
                      "GROUP BY sale_uuid) o ON o.sale_uuid = s.uuid ")
        payments_wrong = (f"(s.channel <> 'online' AND {paid} <> s.total_satang) OR (s.channel = 'online' AND "
                          f"ABS({paid} + COALESCE(o.amount, 0)) > ABS(s.total_satang))")
    sql = (f"SELECT t.code, s.number, s.total_satang, {discount}, COALESCE(l.amount, 0), {paid} "
           "FROM sale s JOIN till t ON t.id = s.till_id "
           f"LEFT JOIN (SELECT sale_id, SUM({net}) AS amount FROM sale_line GROUP BY sale_id) l "
           "ON l.sale_id = s.id "
           "LEFT JOIN (SELECT sale_id, SUM(amount_satang) AS amount FROM payment GROUP BY sale_id) p "
           "ON p.sale_id = s.id " + later_join +
           f"WHERE COALESCE(l.amount, 0) - {discount} <> s.total_satang OR {payments_wrong} "
           "ORDER BY t.code, s.number")
    for till, number, total, disc, lines, paid in db.execute_sql(sql):
        report.add("totals", N_("Receipt {number} (till {till}): lines {lines} − discount {discount} and "
                   "payments {paid} do not equal the total {total} (satang)"), till=till, number=number,
                   lines=int(lines), discount=int(disc), paid=int(paid), total=int(total))


BALANCE_PAIRS = (("quantity", "quantity"), ("on_hand", "quantity"), ("held_value_satang", "value_satang"),
                 ("value_satang", "value_satang"))


def _check_balances(db: pw.Database, report: Report) -> None:
    """Any ``<x>_balance`` table must equal the stock ledger summed by the key columns they share
    (item, shop, lot …): its quantity, and its value when both carry one."""
    ledger = {c.name for c in db.get_columns("stock_movement")}
    for table in sorted(t for t in db.get_tables() if t.endswith("_balance")):
        cols = [c.name for c in db.get_columns(table)]
        sums = [(b, m) for b, m in BALANCE_PAIRS if b in cols and m in ledger]
        keys = [c for c in cols if c in ledger and c.endswith("_id") and c != "id"]
        if not sums or not keys:
            continue
        group = ", ".join(keys)
        # SQLite would walk the ledger through its item index (a row look-up each); a plain scan is faster
        scan = "" if canonical.is_postgres(db) else " NOT INDEXED"
        ledger_sums = {tuple(row[:len(keys)]): row[len(keys):] for row in db.execute_sql(
            f"SELECT {group}, " + ", ".join(f"SUM({m})" for _b, m in sums)
            + f" FROM stock_movement{scan} GROUP BY {group}")}
        nothing = (0,) * len(sums)
        for row in db.execute_sql(f"SELECT {group}, {', '.join(b for b, _m in sums)} FROM {table}"):
            key = tuple(row[:len(keys)])
            for (column, _m), stored, summed in zip(sums, row[len(keys):], ledger_sums.get(key, nothing), strict=True):
                if int(stored or 0) != int(summed or 0):
                    report.add("balance", N_("{table} {key}: {column} is {stored} but the ledger sums to {ledger}"),
                               table, table=table, key=dict(zip(keys, key, strict=True)),
                               column=column, stored=int(stored or 0), ledger=int(summed or 0))


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


def load_documents(db: pw.Database, spec: dict[str, list[str]] | None = None,
                   algorithm: str = canonical.ALGORITHM, journal: set[str] | None = None) -> dict[str, Doc]:
    """Every document's lines, by document key (``spec``, ``algorithm``: an older hash_version's); the keys
    of journal entries also go into ``journal`` when given."""
    docs: dict[str, Doc] = {}
    get = docs.get
    for table, sql in canonical.selects(db, spec, algorithm):  # 700,000 rows for 100,000 sales: off each cursor
        cursor = db.execute_sql(sql)
        if table == canonical.JOURNAL and journal is not None:
            rows = cursor.fetchall()
            journal.update(key for key, _line in rows)
            cursor = rows
        for key, line in cursor:
            lines = get(key)
            if lines is None:
                docs[key] = [line]
            else:
                lines.append(line)
    return docs


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
        links = _links(db, postgres)
        documents = _Documents(db, _schemas(db, postgres), Counter(r[6] for r in links))
        lasts = _check_chains(db, report, documents, links, secret, postgres)
        _check_heads(db, report, lasts)
        if anchor:
            _check_anchor(db, report, anchor)
        report.documents = _check_journal(report, documents, links)
        _check_numbers(db, report)
        _check_totals(db, report)
        _check_balances(db, report)
    return report
