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
    till = pw.ForeignKeyField(Till, backref="shifts", on_delete="RESTRICT", index=False)  # (till, number) leads
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
    payment_uuid = pw.UUIDField(index=True)  # by UUID: a tick is its own document, not part of the sale
    checked_by = pw.ForeignKeyField(User, on_delete="RESTRICT")
    checked_at = UtcDateTimeField()


class PromptPayUncheck(BaseModel):
    """A tick made by mistake, taken back: the tick stays, this row reverses it (migration 0012).  The payment
    is ticked while it has a tick not reversed; it may be ticked again afterwards (a new tick)."""

    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    check_uuid = pw.UUIDField(unique=True)  # the tick it reverses
    payment_uuid = pw.UUIDField(index=True)
    unchecked_by = pw.ForeignKeyField(User, on_delete="RESTRICT")
    unchecked_at = UtcDateTimeField()
    reason = pw.CharField(max_length=500)


class TransferPayment(BaseModel):
    """Money paid for a transfer between groups (its agreed price, in full, once): cash or bank in the giving
    group's books, out in the receiving group's (migration 0012).  Names the transfer by UUID."""

    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    transfer_uuid = pw.UUIDField(unique=True)
    from_shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
    to_shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT")
    method = pw.CharField(max_length=8, constraints=[pw.Check("method IN ('cash', 'bank')")])
    amount_satang = pw.BigIntegerField(constraints=[pw.Check("amount_satang >= 0")])
    user = pw.ForeignKeyField(User, on_delete="RESTRICT")
    created_at = UtcDateTimeField()
    business_date = pw.DateField(index=True)


class DayClose(BaseModel):
    """A shop's day is closed: no document may be dated in it any more (except via its addendum)."""

    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT", index=False)  # (shop, business_date) leads
    business_date = pw.DateField()
    closed_by = pw.ForeignKeyField(User, on_delete="RESTRICT")
    closed_at = UtcDateTimeField()
    shop_id: int

    class Meta:
        indexes = ((("shop", "business_date"), True),)


class ZReport(BaseModel):
    """A numbered Z report of one till for one day; ``figures`` is the canonical JSON of its figures."""

    uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
    till = pw.ForeignKeyField(Till, on_delete="RESTRICT", index=False)  # (till, business_date) leads
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
    shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT", index=False)  # (shop, business_date, addendum_no) leads
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
    shop = pw.ForeignKeyField(Shop, on_delete="RESTRICT", index=False)  # (shop, business_date, addendum_no) leads
    business_date = pw.DateField()
    addendum_no = pw.IntegerField()
    sealed_by = pw.ForeignKeyField(User, on_delete="RESTRICT")
    sealed_at = UtcDateTimeField()
    figures = pw.TextField()

    class Meta:
        indexes = ((("shop", "business_date", "addendum_no"), True),)


BOOKS_MODELS: tuple[type[BaseModel], ...] = (
    Shift, ShiftClose, CashMovement, PromptPayCheck, PromptPayUncheck, TransferPayment, DayClose, ZReport,
    LateDocument, AddendumSeal,
)
BOOKS_APPEND_ONLY: tuple[str, ...] = (
    "shift", "shift_close", "cash_movement", "prompt_pay_check", "prompt_pay_uncheck", "transfer_payment",
    "day_close", "z_report", "late_document", "addendum_seal",
)

_REFUSAL = "closed day: a document dated in a closed day goes into its addendum"
_LATE = "NOT EXISTS (SELECT 1 FROM late_document ld WHERE ld.doc_uuid = {uuid})"
_BY_TILL = ("EXISTS (SELECT 1 FROM day_close dc JOIN till t ON t.shop_id = dc.shop_id "
            "WHERE t.id = NEW.till_id AND dc.business_date = NEW.business_date)")
_BY_SHOP = "EXISTS (SELECT 1 FROM day_close dc WHERE dc.shop_id = NEW.shop_id AND dc.business_date = NEW.business_date)"
_BY_SHOPS = ("EXISTS (SELECT 1 FROM day_close dc WHERE dc.shop_id IN (NEW.from_shop_id, NEW.to_shop_id) "
             "AND dc.business_date = NEW.business_date)")
# (table, condition that the row is dated in a closed day of its shop, the document uuid column); every
# document table with a day.  Stock rows and stock documents go by the day they are dated in (a purchase
# entered late keeps the day it was bought: migration 0012), a transfer by either group's shop.
_CHECKS: tuple[tuple[str, str, str], ...] = (
    ("sale", _BY_TILL, "NEW.uuid"),
    ("cash_movement", _BY_TILL, "NEW.uuid"),
    ("payment", "EXISTS (SELECT 1 FROM sale s JOIN till t ON t.id = s.till_id JOIN day_close dc "
                "ON dc.shop_id = t.shop_id AND dc.business_date = s.business_date WHERE s.id = NEW.sale_id)",
     "(SELECT s2.uuid FROM sale s2 WHERE s2.id = NEW.sale_id)"),
    ("stock_movement", _BY_SHOP, "NEW.document_uuid"),
    ("order_payment", _BY_TILL, "NEW.uuid"),
    ("shift", _BY_TILL, "NEW.uuid"),
    ("purchase", _BY_SHOP, "NEW.uuid"),
    ("batch", _BY_SHOP, "NEW.uuid"),
    ("stock_adjustment", _BY_SHOP, "NEW.uuid"),
    ("transfer", _BY_SHOPS, "NEW.uuid"),
    ("transfer_payment", _BY_SHOPS, "NEW.uuid"),
)


def closed_day_statement(table: str, postgres: bool) -> list[str]:
    """The trigger refusing a row of ``table`` dated in a closed day (migrations keep frozen copies)."""
    closed, doc = next((c, d) for t, c, d in _CHECKS if t == table)
    condition = f"{closed} AND {_LATE.format(uuid=doc)}"
    if postgres:
        return [f"CREATE OR REPLACE FUNCTION pos_closed_day_{table}() RETURNS trigger LANGUAGE plpgsql "
                f"AS $$ BEGIN IF {condition} THEN RAISE EXCEPTION '{_REFUSAL}'; END IF; RETURN NEW; END $$",
                f"CREATE TRIGGER {table}_closed_day BEFORE INSERT ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION pos_closed_day_{table}()"]
    return [f"CREATE TRIGGER {table}_closed_day BEFORE INSERT ON {table} WHEN {condition} "
            f"BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END"]


def closed_day_statements(postgres: bool) -> list[str]:
    """The triggers refusing rows dated in a closed day, on every document table."""
    return [sql for table, _c, _d in _CHECKS for sql in closed_day_statement(table, postgres)]
