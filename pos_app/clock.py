"""Instants are UTC; the shop's calendar day is the Asia/Bangkok day.  (Showing an instant is
``pos_app.thai.dates``: ``to_bangkok``, ``format_datetime``.)"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

BANGKOK = ZoneInfo("Asia/Bangkok")


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def business_date(instant: dt.datetime) -> dt.date:
    """The Bangkok calendar day an instant falls on (the day its sale belongs to)."""
    if instant.tzinfo is None:
        raise ValueError("a UTC instant is required")
    return instant.astimezone(BANGKOK).date()

