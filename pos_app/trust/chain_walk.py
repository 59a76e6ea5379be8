"""``verify``'s walk along every chain: each link's hash recomputed from its document as stored now, the links
in order without a hole, each chain's head equal to its last link, a head printed on a Z report still there."""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from collections import Counter
from itertools import groupby
from operator import itemgetter
from typing import Any

import peewee as pw

from pos_app.trust import canonical, chain
from pos_app.trust.canonical import Doc
from pos_app.trust.stored_documents import Schemas, StoredDocuments
from pos_app.trust.verify_report import Report
from resources.i18n import N_, _


def label(doc: Doc, root: str, doc_type: str, doc_uuid: str, postgres: bool) -> str:
    """A document as a problem names it: "sale #12 (3f2a9c01)", or "batch 3f2a9c01" without a number."""
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


def header_text(version: str, key: str, epoch: int, seq: int, doc_type: str, doc_hex: str, root: str,
                keyed: int, prev: str) -> str:
    """``ascii(chain.header(…))`` built piece by piece: the ascii of a tuple is its items' ascii joined by
    ", " in brackets (checked against ``ascii`` itself by the tests)."""
    return (f"({version!a}, {key!a}, {epoch!a}, {seq!a}, {doc_type!a}, {doc_hex!a}, {root!a}, "
            f"{int(bool(keyed))}, {prev!a})")  # ascii, not int(): a forged text value fails the hash, not verify


def main_version(counts: Counter[str], schemas: Schemas) -> str:
    """The hash_version most links use (today's when there are none): the documents are read under it first."""
    today = next((v for v, spec in schemas.items() if spec is None), "")
    known = [(n, v) for v, n in counts.items() if v in schemas]
    return max(known)[1] if known else today


def check_chains(db: pw.Database, report: Report, documents: StoredDocuments, links: list[tuple[Any, ...]],
                 secret: bytes | None, postgres: bool) -> dict[str, tuple[int, str]]:
    """Walk every chain link by link (the hot loop of verify: one dict look-up, one sort, one hash a link)."""
    schemas = documents.schemas
    main = main_version(documents.counts, schemas)
    docs = documents.of(main) if main else None
    if docs is None:  # no links, or today's columns cannot be read: every link takes the careful path
        main, docs = "", {}
    lasts: dict[str, tuple[int, str]] = {}
    names = chain_names(db)
    empty: Doc = []
    sha256, hmac_new, join = hashlib.sha256, hmac.new, "\n".join

    def where(doc: Doc | None, root: str, doc_type: str, doc_uuid: str, name: str, seq: int) -> dict[str, Any]:
        return dict(chain=name, seq=seq, doc=label(doc or empty, root, doc_type, doc_uuid, postgres))

    for key, rows in groupby(links, key=itemgetter(0)):
        name = names.get(key, key)
        report.chains += 1
        prev_hash, expect, saw_keyed, last_keyed = chain.GENESIS, 1, False, False
        lead = f"({main!a}, {key!a}, "  # the header's first items, the same for the chain's links
        for _c, seq, epoch, doc_type, doc_uuid, root, version, keyed, prev, stored in rows:
            if seq == expect and prev == prev_hash and version == main and (secret is not None or not keyed):
                # almost every link: the header text as header_text builds it (the tests hold it to ascii of
                # chain.header), one sort, one hash; anything else takes the careful path below
                lines = docs.get(doc_uuid, empty)
                lines.sort()  # in place: the lines' order means nothing to anyone else (no copy a link)
                message = join((f"{lead}{epoch!a}, {seq!a}, {doc_type!a}, {doc_uuid!a}, {root!a}, "
                                f"{int(bool(keyed))}, {prev!a})", *lines)).encode()
                hashed = hmac_new(secret, message, "sha256") if keyed and secret is not None else sha256(message)
                if hashed.hexdigest() == stored:
                    saw_keyed = saw_keyed or bool(keyed)
                    last_keyed = bool(keyed)
                    prev_hash, expect = stored, seq + 1
                    continue
            doc: Doc | None = docs.get(doc_uuid, empty)
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
    report.links += len(links)
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


def check_heads(db: pw.Database, report: Report, lasts: dict[str, tuple[int, str]]) -> None:
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


def check_anchor(db: pw.Database, report: Report, anchor: str) -> None:
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


