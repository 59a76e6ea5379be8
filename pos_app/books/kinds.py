"""How many sales, refunds and voids a set of documents holds, and their totals.

A void is stored as a refund document marked ``reversal="void"`` (``Sale.kind`` is only ``sale`` or
``refund``), so the kind a report counts is ``void`` when the reversal says so, else the document's kind.
"""

from __future__ import annotations

from typing import Any

import peewee as pw

from db.models import Sale


def documents_by_kind(where: Any) -> dict[str, tuple[int, int]]:
    """``{"sale" | "refund" | "void": (count, total satang)}`` of the documents ``where`` selects (refund and
    void totals are negative, as stored)."""
    kind = pw.Case(None, [(Sale.reversal == "void", "void")], Sale.kind)
    rows = (Sale.select(kind, pw.fn.COUNT(Sale.id), pw.fn.SUM(Sale.total_satang)).where(where)
            .group_by(kind).tuples().execute())
    return {str(k): (int(n), int(t or 0)) for k, n, t in rows}
