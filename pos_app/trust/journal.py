"""The append-only journal: one entry per committed document, in the document's own transaction, and
its link in the hash chain (:mod:`pos_app.trust.chain`)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from db.models import JournalEntry
from pos_app import statements
from pos_app.trust.chain import link


def canonical(values: dict[str, Any]) -> str:
    """Canonical JSON of a document's business values (sorted keys, no spaces, UTF-8 kept)."""
    return json.dumps(values, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def record(doc_type: str, doc_uuid: uuid.UUID, when: dt.datetime, values: dict[str, Any],
           till_id: int | None = None, user_id: int | None = None, chain_key: str | None = None) -> int:
    """Write the journal entry and the chain link of a document (returns the entry's id).

    Call inside the document's transaction, after all its rows are written: the link hashes those rows.
    """
    entry = statements.insert(JournalEntry, [dict(uuid=uuid.uuid4(), doc_type=doc_type, doc_uuid=doc_uuid, till=till_id,
                                                  user=user_id, created_at=when, summary=canonical(values))],
                              returning_id=True)[0]
    link(doc_type, doc_uuid, when, till_id, chain_key)
    return entry
