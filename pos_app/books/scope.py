"""Who and when a report covers: one group (by code) or the whole network, a day or a date range, and the
header facts an export prints (the group's name and tax ID, the period in Buddhist-Era dates)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.models import NetworkGroup, Shop
from pos_app.clock import BANGKOK
from pos_app.errors import InputError, NotFound
from pos_app.thai.dates import format_date
from resources.i18n import _

MAX_DAYS = 3660


@dataclass(frozen=True)
class Scope:
    start: dt.date
    end: dt.date  # inclusive
    group_id: int | None = None  # None: the whole network
    group_code: str = ""
    name_th: str = ""
    name_en: str = ""
    tax_id: str = ""

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def start_utc(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time(0), BANGKOK).astimezone(dt.UTC)

    def end_utc(self) -> dt.datetime:
        """The instant just after the last day (exclusive bound)."""
        return dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time(0), BANGKOK).astimezone(dt.UTC)

    def period_text(self) -> str:
        if self.start == self.end:
            return format_date(self.start, "long")
        return _("{start} to {end}").format(start=format_date(self.start, "long"), end=format_date(self.end, "long"))

    def who(self) -> str:
        return self.name_th or _("The whole network")

    @property
    def slug(self) -> str:
        code = self.group_code or "NETWORK"
        if self.start == self.end:
            return f"{code}_{self.start.isoformat()}"
        return f"{code}_{self.start.isoformat()}_{self.end.isoformat()}"


def make_scope(start: dt.date, end: dt.date | None = None, group: str | None = None) -> Scope:
    """A scope from dates and an optional group code; refuses an end before the start or an unknown group."""
    end = end or start
    if end < start:
        raise InputError("The period ends before it starts")
    if (end - start).days >= MAX_DAYS:
        raise InputError("A period of at most {days} days, please", days=MAX_DAYS)
    if not group:
        return Scope(start, end)
    row = NetworkGroup.get_or_none(NetworkGroup.code == group.strip())
    if row is None:
        raise NotFound("No group {code}", code=group)
    tax = (Shop.select(Shop.tax_id).where((Shop.group == row.id) & (Shop.tax_id != "")).order_by(Shop.id)
           .scalar() or "")
    return Scope(start, end, row.id, row.code, row.name_th, row.name_en, tax)
