"""The append-only journal: one entry per committed document, in the document's own transaction."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from db.models import JournalEntry


def canonical(values: dict[str, Any]) -> str:
    """Canonical JSON of a document's business values (sorted keys, no spaces, UTF-8 kept)."""
    return json.dumps(values, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def record(doc_type: str, doc_uuid: uuid.UUID, when: dt.datetime, values: dict[str, Any],
           till_id: int | None = None, user_id: int | None = None) -> int:
    """Write the journal entry of a document (returns its id).  Call inside the document's transaction."""
    return int(JournalEntry.insert(uuid=uuid.uuid4(), doc_type=doc_type, doc_uuid=doc_uuid, till=till_id,
                                   user=user_id, created_at=when, summary=canonical(values)).execute())
