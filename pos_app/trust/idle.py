"""The till locks itself after an idle time (Qt-free rule; the shell's ``ui.people.idle`` applies it).

Any key or click is activity.  After :func:`idle_limit` without any, the shell goes back to the log-in page;
the person who comes back with their PIN finds their open cart as they left it, anyone else starts afresh.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

from pos_app.clock import utc_now

IDLE_ENV = "POS_IDLE_LOCK_SECONDS"
DEFAULT_LIMIT = dt.timedelta(minutes=5)
# Who can do more damage locks sooner (an unattended admin screen can add people).
ROLE_LIMITS = {"seller": dt.timedelta(minutes=5), "production": dt.timedelta(minutes=10),
               "treasurer": dt.timedelta(minutes=5), "admin": dt.timedelta(minutes=3)}


def idle_limit(role: str) -> dt.timedelta:
    """How long a person of ``role`` may leave the till untouched (``POS_IDLE_LOCK_SECONDS`` overrides)."""
    override = os.environ.get(IDLE_ENV, "").strip()
    if override.isdigit() and int(override) > 0:
        return dt.timedelta(seconds=int(override))
    return ROLE_LIMITS.get(role, DEFAULT_LIMIT)


@dataclass
class IdleRule:
    limit: dt.timedelta
    last: dt.datetime = field(default_factory=utc_now)

    def touch(self, now: dt.datetime | None = None) -> None:
        self.last = now or utc_now()

    def due(self, now: dt.datetime | None = None) -> bool:
        return (now or utc_now()) - self.last >= self.limit

    def remaining(self, now: dt.datetime | None = None) -> dt.timedelta:
        return max(self.limit - ((now or utc_now()) - self.last), dt.timedelta(0))
