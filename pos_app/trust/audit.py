"""The audit log: append-only rows of who did what that is not itself a document — log-ins and failed
log-ins, managers' overrides, people and PIN changes, price and setting changes, exports, backups, restores.

Other rooms call the one function :func:`log` (inside their own transaction when the change is a database
change, so the row and the change commit together)::

    audit.log("setting_change", actor.user_id, subject="stock policy", till_id=till_id, old="warn", new="block")

Details are keyword arguments, kept as canonical JSON; name things by code or UUID, never by a local id.
:func:`entries` reads the log back (newest first, by kind and by Bangkok day) for the admin's audit view.
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
from pos_app.clock import BANGKOK, utc_now
from pos_app.trust.retry import write_transaction
from resources.i18n import N_

LABELS = {  # what each kind is called on the admin's audit screen
    "login": N_("Logged in"),
    "login_failed": N_("Wrong PIN or unknown name"),
    "login_locked": N_("Tried while locked out"),
    "override": N_("Manager's approval"),
    "override_failed": N_("Approval refused"),
    "person_added": N_("Person added"),
    "person_deactivated": N_("Person deactivated"),
    "person_activated": N_("Person brought back"),
    "pin_reset": N_("PIN changed"),
    "price_change": N_("Price changed"),
    "setting_change": N_("Setting changed"),
    "export": N_("Books exported"),
    "backup": N_("Backup"),
    "restore": N_("Restore"),
    "verify": N_("Books checked"),
    "no_sale": N_("Drawer opened without a sale"),
}
KINDS = tuple(LABELS)


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
            limit: int = 500, day: dt.date | None = None) -> list[AuditView]:
    """The newest audit rows first (optionally of some kinds, since an instant, on one Bangkok day)."""
    query = (AuditEntry.select(AuditEntry, User.login, Till.code)
             .join(User, pw.JOIN.LEFT_OUTER, on=(AuditEntry.user == User.id)).switch(AuditEntry)
             .join(Till, pw.JOIN.LEFT_OUTER, on=(AuditEntry.till == Till.id))
             .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit))
    if kinds is not None:
        query = query.where(AuditEntry.kind.in_(list(kinds)))
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    if day is not None:
        start = dt.datetime.combine(day, dt.time(0, 0), BANGKOK).astimezone(dt.UTC)
        query = query.where((AuditEntry.at >= start) & (AuditEntry.at < start + dt.timedelta(days=1)))
    out = []
    for row in query.objects():
        out.append(AuditView(row.at, row.kind, cast(str, getattr(row, "login", None) or ""), row.subject,
                             cast(str, getattr(row, "code", None) or ""), json.loads(row.detail)))
    return out
