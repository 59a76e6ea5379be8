"""The audit log: append-only rows of who did what that is not itself a document — log-ins and failed
log-ins, managers' overrides, people and PIN changes, price and setting changes, exports, backups, restores.

Other rooms call :func:`log` (inside their own transaction when the change is a database change, so the
row and the change commit together).  Details are canonical JSON with no local integer ids.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

import peewee as pw

from db.models import Till, User
from db.models.trust import AuditEntry
from pos_app.clock import utc_now
from pos_app.trust.retry import write_transaction

KINDS = (
    "login", "login_failed", "login_locked", "override", "override_failed", "person_added",
    "person_deactivated", "person_activated", "pin_reset", "price_change", "setting_change", "export",
    "backup", "restore", "verify", "no_sale",
)


@dataclass(frozen=True)
class AuditView:
    at: dt.datetime
    kind: str
    user: str  # login, "" when nobody was logged in
    subject: str
    till: str  # till code, ""
    detail: dict[str, Any]


def log(kind: str, user_id: int | None = None, subject: str = "", till_id: int | None = None,
        when: dt.datetime | None = None, **detail: Any) -> None:
    """Append one audit row (in the caller's transaction, or its own)."""
    if kind not in KINDS:
        raise ValueError(f"unknown audit kind {kind}")
    text = json.dumps(detail, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    at = when or utc_now()
    write_transaction(lambda: AuditEntry.insert(at=at, kind=kind, user=user_id, subject=subject[:200],
                                                till=till_id, detail=text).execute())


def entries(kinds: Iterable[str] | None = None, since: dt.datetime | None = None,
            limit: int = 500) -> list[AuditView]:
    """The newest audit rows first (optionally of some kinds, since an instant)."""
    query = (AuditEntry.select(AuditEntry, User.login, Till.code)
             .join(User, pw.JOIN.LEFT_OUTER, on=(AuditEntry.user == User.id)).switch(AuditEntry)
             .join(Till, pw.JOIN.LEFT_OUTER, on=(AuditEntry.till == Till.id))
             .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit))
    if kinds is not None:
        query = query.where(AuditEntry.kind.in_(list(kinds)))
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    out = []
    for row in query.objects():
        out.append(AuditView(row.at, row.kind, cast(str, getattr(row, "login", None) or ""), row.subject,
                             cast(str, getattr(row, "code", None) or ""), json.loads(row.detail)))
    return out
