"""Trust records: the hash chain of the journal (one chain per till, one per computer), the column sets
each ``hash_version`` covers, restore epochs, the append-only audit log and PIN lock-outs.

``chain_link``, ``hash_schema``, ``chain_epoch`` and ``audit_entry`` are append-only (db.guards).
``chain_head`` and ``pin_lockout`` are small mutable state rows; ``verify`` checks the heads against
the links, the way the till's receipt counter is checked against its receipts.
"""

from __future__ import annotations

import uuid

import peewee as pw

from db.models import BaseModel, Till, User, UtcDateTimeField


class HashSchema(BaseModel):
    """Which columns of which document tables a ``hash_version`` covers (JSON, canonical)."""

    version = pw.CharField(max_length=40, unique=True)
    spec = pw.TextField()
    created_at = UtcDateTimeField()


class ChainLink(BaseModel):
    """One link: the hash of one document's canonical rows and the previous link of its chain."""

    chain = pw.CharField(max_length=80)  # "till:<till uuid>" or "computer:<computer uuid>"
    seq = pw.BigIntegerField()  # 1, 2, 3 … within the chain
    epoch = pw.IntegerField()  # 1, then +1 at each restore from a backup
    doc_type = pw.CharField(max_length=32)
    doc_uuid = pw.UUIDField(unique=True)
    root_table = pw.CharField(max_length=64)  # "" when the document is only rows keyed by document_uuid
    hash_version = pw.CharField(max_length=40)
    keyed = pw.BooleanField()  # HMAC with the shop secret, or plain SHA-256
    prev_hash = pw.CharField(max_length=64)
    hash = pw.CharField(max_length=64, unique=True)
    created_at = UtcDateTimeField()

    class Meta:
        indexes = ((("chain", "seq"), True),)


class ChainHead(BaseModel):
    """The latest link of a chain (taken and moved inside each document's transaction)."""

    chain = pw.CharField(max_length=80, unique=True)
    till = pw.ForeignKeyField(Till, null=True, on_delete="RESTRICT")
    seq = pw.BigIntegerField(default=0)
    epoch = pw.IntegerField(default=1)
    hash = pw.CharField(max_length=64)
    till_id: int | None


class ChainEpoch(BaseModel):
    """A new epoch of a chain after a restore, with the receipt numbers the restore skipped."""

    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    chain = pw.CharField(max_length=80)
    epoch = pw.IntegerField()
    till = pw.ForeignKeyField(Till, null=True, on_delete="RESTRICT")
    reason = pw.CharField(max_length=32)
    backup_sha256 = pw.CharField(max_length=64, default="")
    skipped_from = pw.IntegerField(null=True)  # first receipt number the restore skipped (gap), or NULL
    skipped_to = pw.IntegerField(null=True)
    created_at = UtcDateTimeField()


class AuditEntry(BaseModel):
    """Who did what that is not a document: log-ins, failed log-ins, overrides, settings, exports, backups."""

    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    at = UtcDateTimeField(index=True)
    kind = pw.CharField(max_length=32, index=True)
    user = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    subject = pw.CharField(max_length=200, default="")  # the login typed, the setting or file named
    till = pw.ForeignKeyField(Till, null=True, on_delete="RESTRICT")
    detail = pw.TextField(default="{}")  # canonical JSON
    user_id: int | None


class PinLockout(BaseModel):
    """Wrong PINs in a row for one subject ("user:<uuid>" or "override:any") and when it may try again."""

    subject = pw.CharField(max_length=80, unique=True)
    failures = pw.IntegerField(default=0)
    locked_until = UtcDateTimeField(null=True)


TRUST_MODELS: tuple[type[BaseModel], ...] = (HashSchema, ChainLink, ChainHead, ChainEpoch, AuditEntry,
                                              PinLockout)
TRUST_APPEND_ONLY: tuple[str, ...] = ("hash_schema", "chain_link", "chain_epoch", "audit_entry")
