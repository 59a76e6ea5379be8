"""The hash chain: one chain per till, one per computer for documents no till makes.

Each link hashes (SHA-256, or HMAC-SHA-256 with the shop secret) a header — ``hash_version``, chain, epoch,
sequence number, document type and UUID, root table, keyed flag, previous link — and the document's
canonical rows (:mod:`pos_app.trust.canonical`).  The link is written in the document's own transaction;
the chain's head row is moved with ``UPDATE … RETURNING`` first, which serialises writers of one chain on
both engines.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.models import database
from db.models.trust import ChainHead, ChainLink, HashSchema
from pos_app import statements
from pos_app.clock import utc_now
from pos_app.trust import canonical

GENESIS = "0" * 64
SECRET_ENV = "POS_SHOP_SECRET"
COMPUTER_ENV = "POS_COMPUTER_ID"

_secret: bytes | None = None
_secret_loaded = False
_computer: str | None = None


def _data_dir() -> Path:
    from db.connection import data_dir

    return data_dir()


def set_shop_secret(secret: bytes | str | None) -> None:
    """Use ``secret`` for the HMAC of new links and for verify (``None``: plain SHA-256)."""
    global _secret, _secret_loaded
    _secret = secret.encode() if isinstance(secret, str) else secret
    _secret_loaded = True


def shop_secret() -> bytes | None:
    """The shop secret: set by :func:`set_shop_secret`, else ``POS_SHOP_SECRET``, else the file
    ``shop-secret`` in the user data folder (kept outside the database on purpose), else none."""
    global _secret, _secret_loaded
    if not _secret_loaded:
        value = os.environ.get(SECRET_ENV)
        path = _data_dir() / "shop-secret"
        if value:
            _secret = value.encode()
        elif path.is_file():
            _secret = path.read_bytes().strip() or None
        _secret_loaded = True
    return _secret


def computer_id() -> str:
    """This computer's UUID (``POS_COMPUTER_ID``, else made once and kept in the user data folder)."""
    global _computer
    if _computer is None:
        value = os.environ.get(COMPUTER_ENV)
        if not value:
            path = _data_dir() / "computer-id"
            try:
                value = path.read_text().strip()
            except OSError:
                value = ""
            if not value:
                value = str(uuid.uuid4())
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(value + "\n")
        _computer = str(uuid.UUID(value))
    return _computer


def chain_of(till_id: int | None) -> str:
    if till_id is None:
        return f"computer:{computer_id()}"
    chain = statements.remembered(("till chain", till_id), lambda: _till_chain(till_id))  # a till's UUID is
    if chain is None:  # its identity: it never changes, so it is read once per connection
        raise ValueError(f"no till {till_id}")
    return str(chain)


def _till_chain(till_id: int) -> str | None:
    found = statements.rows('SELECT "uuid" FROM "till" WHERE "id" = ?', (till_id,))
    return f"till:{uuid.UUID(str(found[0][0]))}" if found else None


def digest(message: bytes, keyed: bool, secret: bytes | None) -> str:
    if keyed:
        if secret is None:
            raise ValueError("a keyed link needs the shop secret")
        return hmac.new(secret, message, hashlib.sha256).hexdigest()
    return hashlib.sha256(message).hexdigest()


def header(version: str, chain: str, epoch: int, seq: int, doc_type: str, doc_hex: str, root_table: str,
           keyed: bool, prev_hash: str) -> tuple[object, ...]:
    """The link's own fields, hashed before the document's lines (``doc_hex``: 32 hex digits)."""
    return (version, chain, epoch, seq, doc_type, doc_hex, root_table, int(keyed), prev_hash)


@functools.cache
def _version_of_today(postgres: bool) -> tuple[str, str]:
    spec = canonical.spec(postgres)  # built from the models once per process (canonical.rules is cached too)
    return canonical.version_of(spec), spec


def current_version() -> str:
    """The ``hash_version`` of the current columns, recorded in ``hash_schema`` if new."""
    version, spec = _version_of_today(canonical.is_postgres(database.obj))
    statements.remembered(("hash_schema", version), lambda: _record_version(version, spec))  # append-only:
    return version  # once there (committed), always there


def _record_version(version: str, spec: str) -> bool:
    if not statements.rows('SELECT 1 FROM "hash_schema" WHERE "version" = ?', (version,)):
        HashSchema.insert(version=version, spec=spec, created_at=utc_now()).on_conflict_ignore().execute()
    return True


def _take_head(chain: str, till_id: int | None) -> tuple[int, str, int]:
    """Move the chain's head one on (locking it until commit): (new seq, previous hash, epoch)."""
    for _ in range(2):
        rows = statements.rows('UPDATE "chain_head" SET "seq" = "seq" + 1 WHERE "chain" = ? '
                               'RETURNING "seq", "hash", "epoch"', (chain,))
        if rows:
            seq, prev, epoch = rows[0]
            return int(seq), str(prev), int(epoch)
        ChainHead.insert(chain=chain, till=till_id, seq=0, epoch=1, hash=GENESIS).on_conflict_ignore().execute()
    raise RuntimeError(f"chain head {chain} could not be taken")


@functools.cache
def _document_sql(postgres: bool) -> str:
    """The lines of one document from every document table in ONE statement (``?``: its UUID, once per
    table): the very lines :func:`canonical.rows_of` reads table by table, for a link's one round trip."""
    return " UNION ALL ".join(f"{rule.select()} WHERE {rule.anchor} = ?"
                              for rule in canonical.rules(postgres).values())


def document_lines(doc_uuid: uuid.UUID) -> canonical.Doc:
    """The canonical lines of a document as stored now (the rows a new link hashes)."""
    postgres = canonical.is_postgres(database.obj)
    converted: dict[type, Any] = {}  # the UUID as each class of anchor column stores it (one class: once)
    params = [converted[kind] if (kind := type(field)) in converted
              else converted.setdefault(kind, field.db_value(doc_uuid)) for field in _anchors(postgres)]
    return [str(r[1]) for r in statements.rows(_document_sql(postgres), params)]


@functools.cache
def _anchors(postgres: bool) -> tuple[Any, ...]:
    return tuple(rule.anchor_field for rule in canonical.rules(postgres).values())


def link(doc_type: str, doc_uuid: uuid.UUID, when: dt.datetime, till_id: int | None,
         chain_key: str | None = None) -> str:
    """Append the document's link to its chain (inside the document's transaction); returns its hash.

    The chain is the till's (or this computer's); ``chain_key`` names another one (a restore's epochs)."""
    doc = document_lines(doc_uuid)
    root = canonical.root_table_of(doc)
    version = current_version()
    chain = chain_key or chain_of(till_id)
    seq, prev, epoch = _take_head(chain, till_id)
    secret = shop_secret()
    keyed = secret is not None
    head = header(version, chain, epoch, seq, doc_type, doc_uuid.hex, root, keyed, prev)
    value = digest(canonical.encode(head, doc), keyed, secret)
    statements.run('UPDATE "chain_head" SET "hash" = ? WHERE "chain" = ?', (value, chain))
    statements.insert(ChainLink, [dict(chain=chain, seq=seq, epoch=epoch, doc_type=doc_type, doc_uuid=doc_uuid,
                                       root_table=root, hash_version=version, keyed=keyed, prev_hash=prev,
                                       hash=value, created_at=when)])
    return value


@dataclass(frozen=True)
class Head:
    """The head of a chain, for the Z report and the daily summary (``short`` fits one receipt line)."""

    chain: str
    seq: int
    epoch: int
    hash: str

    @property
    def short(self) -> str:
        return self.hash[:16]


def chain_head(till_id: int | None = None) -> Head:
    """The head of the till's chain (``None``: this computer's chain); the genesis head if empty."""
    chain = chain_of(till_id)
    row = ChainHead.get_or_none(ChainHead.chain == chain)
    if row is None:
        return Head(chain, 0, 1, GENESIS)
    return Head(chain, int(row.seq), int(row.epoch), str(row.hash))
