"""The treasurer's records: shifts and their closes, cash in/out of the drawer, PromptPay tick-offs, day
closes with their Z reports, and late documents admitted into a closed day's numbered addendum.

All are documents: append-only (db.guards), each with a UNIQUE uuid, each journaled and chained (trust).
A shift's close, a cash movement and a tick-off are documents of their own naming what they refer to by
UUID (never an update of the row they close, nor a child row that would change that document's hash).
Money is integer satang.

A day closed for a shop (``DayClose``) is enforced by the database too: triggers on ``sale``, ``payment``,
``stock_movement`` and ``cash_movement`` refuse a row dated in a closed day unless its document was admitted
into that day's addendum (``LateDocument``) in the same transaction (see :func:`closed_day_statements`).
"""

from __future__ import annotations

import uuid

import peewee as pw

from db.models import BaseModel, Shop, Till, User, UtcDateTimeField

CASH_DIRECTIONS = ("in", "out")
CASH_CATEGORIES = ("ice", "supplier", "bank", "change", "other")


class Shift(BaseModel):
    """A till's shift, opened with a float counted by denomination (``float_count``: canonical JSON)."""

    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    till = pw.ForeignKeyField(Till, backref="shifts", on_delete="RESTRICT")
    number = pw.IntegerField()
    opened_by = pw.ForeignKeyField(User, on_delete="RESTRICT")
    opened_at = UtcDateTimeField(index=True)
    business_date = pw.DateField(index=True)
    float_satang = pw.BigIntegerField(constraints=[pw.Check("float_satang >= 0")])
    float_count = pw.TextField()
    till_id: int
    opened_by_id: int

    class Meta:
        indexes = ((("till", "number"), True),)


class ShiftClose(BaseModel):
    """The close of a shift: the drawer counted, expected against counted, over/short signed (+ over)."""

    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    shift_uuid = pw.UUIDField(unique=True)  # the shift it closes (by UUID: a document of its own)
    closed_by = pw.ForeignKeyField(User, on_delete="RESTRICT")
    closed_at = UtcDateTimeField()
    counted = pw.BooleanField(default=True)  # False: closed at day close without a count
    count = pw.TextField()
    counted_satang = pw.BigIntegerField()
    expected_satang = pw.BigIntegerField()
    over_short_satang = pw.BigIntegerField()
    note = pw.CharField(max_length=500, default="")


class CashMovement(BaseModel):
    """Cash put into or taken out of the drawer (ice, a supplier paid, money taken to the bank)."""

    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    shift_uuid = pw.UUIDField(index=True)
    till = pw.ForeignKeyField(Till, on_delete="RESTRICT")
    direction = pw.CharField(max_length=4, constraints=[pw.Check(f"direction IN {CASH_DIRECTIONS!r}")])
    category = pw.CharField(max_length=16, constraints=[pw.Check(f"category IN {CASH_CATEGORIES!r}")])
    reason = pw.CharField(max_length=500)
    amount_satang = pw.BigIntegerField(constraints=[pw.Check("amount_satang > 0")])
    user = pw.ForeignKeyField(User, on_delete="RESTRICT")
    created_at = UtcDateTimeField(index=True)
    business_date = pw.DateField(index=True)
    till_id: int


class PromptPayCheck(BaseModel):
    """The treasurer ticked this PromptPay payment off against the bank app."""

    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    payment_uuid = pw.UUIDField(unique=True)  # by UUID: a tick is its own document, not part of the sale
    checked_by = pw.ForeignKeyField(User, on_delete="RESTRICT")
    checked_at = UtcDateTimeField()


class DayClose(BaseModel):
    """A shop's day is closed: no document may be dated in it any more (except via its addendum)."""

    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
    business_date = pw.DateField()
    closed_by = pw.ForeignKeyField(User, on_delete="RESTRICT")
    closed_at = UtcDateTimeField()
    shop_id: int

    class Meta:
        indexes = ((("shop", "business_date"), True),)


class ZReport(BaseModel):
    """A numbered Z report of one till for one day; ``figures`` is the canonical JSON of its figures."""

    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    till = pw.ForeignKeyField(Till, on_delete="RESTRICT")
    number = pw.IntegerField()
    business_date = pw.DateField()
    day_close = pw.ForeignKeyField(DayClose, backref="z_reports", on_delete="RESTRICT")
    created_at = UtcDateTimeField()
    figures = pw.TextField()
    journal_head = pw.CharField(max_length=128, default="")
    till_id: int

    class Meta:
        indexes = ((("till", "number"), True), (("till", "business_date"), True))


class LateDocument(BaseModel):
    """A document that reached this database after its day was closed: it belongs to addendum
    ``addendum_no`` of that day (numbered from 1; a new number starts after an addendum is sealed)."""

    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
    business_date = pw.DateField()
    addendum_no = pw.IntegerField()
    doc_type = pw.CharField(max_length=32)
    doc_uuid = pw.UUIDField(unique=True)
    made_at = UtcDateTimeField()
    arrived_at = UtcDateTimeField()
    shop_id: int

    class Meta:
        indexes = ((("shop", "business_date", "addendum_no"), False),)


class AddendumSeal(BaseModel):
    """Addendum ``addendum_no`` of a closed day is sealed (its report printed); later arrivals open the next."""

    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
    business_date = pw.DateField()
    addendum_no = pw.IntegerField()
    sealed_by = pw.ForeignKeyField(User, on_delete="RESTRICT")
    sealed_at = UtcDateTimeField()
    figures = pw.TextField()

    class Meta:
        indexes = ((("shop", "business_date", "addendum_no"), True),)


BOOKS_MODELS: tuple[type[BaseModel], ...] = (
    Shift, ShiftClose, CashMovement, PromptPayCheck, DayClose, ZReport, LateDocument, AddendumSeal,
)
BOOKS_APPEND_ONLY: tuple[str, ...] = (
    "shift", "shift_close", "cash_movement", "prompt_pay_check", "day_close", "z_report", "late_document",
    "addendum_seal",
)

_REFUSAL = "closed day: a document dated in a closed day goes into its addendum"
_LATE = "NOT EXISTS (SELECT 1 FROM late_document ld WHERE ld.doc_uuid = {uuid})"
# (table, condition that the row is dated in a closed day of its shop, the document uuid column)
_CHECKS: tuple[tuple[str, str, str], ...] = (
    ("sale", "EXISTS (SELECT 1 FROM day_close dc JOIN till t ON t.shop_id = dc.shop_id "
             "WHERE t.id = NEW.till_id AND dc.business_date = NEW.business_date)", "NEW.uuid"),
    ("cash_movement", "EXISTS (SELECT 1 FROM day_close dc JOIN till t ON t.shop_id = dc.shop_id "
                      "WHERE t.id = NEW.till_id AND dc.business_date = NEW.business_date)", "NEW.uuid"),
    ("payment", "EXISTS (SELECT 1 FROM sale s JOIN till t ON t.id = s.till_id JOIN day_close dc "
                "ON dc.shop_id = t.shop_id AND dc.business_date = s.business_date WHERE s.id = NEW.sale_id)",
     "(SELECT s2.uuid FROM sale s2 WHERE s2.id = NEW.sale_id)"),
    ("stock_movement", "EXISTS (SELECT 1 FROM day_close dc WHERE dc.shop_id = NEW.shop_id "
                       "AND dc.business_date = {bangkok_day})", "NEW.document_uuid"),
)


def closed_day_statements(postgres: bool) -> list[str]:
    """The triggers refusing rows dated in a closed day (the migration 0006 keeps a frozen copy)."""
    sql: list[str] = []
    for table, closed, doc in _CHECKS:
        day = "(NEW.created_at + interval '7 hours')::date" if postgres else "date(NEW.created_at, '+7 hours')"
        condition = f"{closed.format(bangkok_day=day)} AND {_LATE.format(uuid=doc)}"
        if postgres:
            sql.append(f"CREATE OR REPLACE FUNCTION pos_closed_day_{table}() RETURNS trigger LANGUAGE plpgsql "
                       f"AS $$ BEGIN IF {condition} THEN RAISE EXCEPTION '{_REFUSAL}'; END IF; RETURN NEW; END $$")
            sql.append(f"CREATE TRIGGER {table}_closed_day BEFORE INSERT ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION pos_closed_day_{table}()")
        else:
            sql.append(f"CREATE TRIGGER {table}_closed_day BEFORE INSERT ON {table} WHEN {condition} "
                       f"BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END")
    return sql
