"""The books as ``verify`` reads them: every chain link, and every document's canonical lines as stored now
(:mod:`pos_app.trust.canonical`), under each ``hash_version`` the links name."""

from __future__ import annotations

import json
import uuid
from collections import Counter, defaultdict
from operator import itemgetter
from typing import Any

import peewee as pw

from pos_app.trust import canonical
from pos_app.trust.canonical import Doc

Schemas = dict[str, dict[str, list[str]] | None]  # per hash_version: its columns per table (None: today's)


def read_links(db: pw.Database, postgres: bool) -> list[tuple[Any, ...]]:
    doc = canonical.uuid_sql("doc_uuid", postgres)
    keyed = "CASE WHEN keyed THEN 1 ELSE 0 END" if postgres else "keyed"
    sql = (f"SELECT chain, seq, epoch, doc_type, {doc}, root_table, hash_version, {keyed}, prev_hash, hash "
           "FROM chain_link ORDER BY chain, seq")
    return list(db.execute_sql(sql).fetchall())


def hash_versions(db: pw.Database, postgres: bool) -> Schemas:
    """For each hash_version: the columns it covers per table (None: today's columns).  A version whose
    name does not match its own columns (an edited ``hash_schema``) or names no known algorithm is left
    out, so its links are reported as naming an unknown version."""
    now = canonical.version_of(canonical.spec(postgres))
    out: Schemas = {}
    for version, spec in db.execute_sql("SELECT version, spec FROM hash_schema"):
        algorithm = canonical.algorithm_of(version)
        if version == now:
            out[version] = None
        elif algorithm and canonical.version_of(spec, algorithm) == version:
            out[version] = json.loads(spec)
    return out


FEW = 1000  # a version with no more links than this is read document by document, not table by table


class StoredDocuments:
    """The documents' lines under each hash_version the links use, each read once, when first needed
    (books whose links are all of one version are read once; a version few links use — v2 links just after
    an upgrade of books with years of v1 — is read for those documents only)."""

    def __init__(self, db: pw.Database, schemas: Schemas, counts: Counter[str] | None = None) -> None:
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
            column = canonical.uuid_sql("doc_uuid", canonical.is_postgres(self.db))
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


def load_documents(db: pw.Database, spec: dict[str, list[str]] | None = None,
                   algorithm: str = canonical.ALGORITHM, journal: set[str] | None = None) -> dict[str, Doc]:
    """Every document's lines, by document key (``spec``, ``algorithm``: an older hash_version's); the keys
    of journal entries also go into ``journal`` when given."""
    docs: defaultdict[str, Doc] = defaultdict(list)
    for table, sql in canonical.selects(db, spec, algorithm):  # 700,000 rows for 100,000 sales: off each cursor
        cursor = db.execute_sql(sql)
        if table == canonical.JOURNAL and journal is not None:
            rows = cursor.fetchall()
            journal.update(map(itemgetter(0), rows))
            cursor = rows
        for key, line in cursor:
            docs[key].append(line)
    docs.default_factory = None  # from here on a plain dict: a look-up of a missing key adds nothing
    return docs
