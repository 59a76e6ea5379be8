"""The print outbox (print_job, print_event: append-only) and each till's printer set-up (till_printer).

Frozen copies of the models as they were at this migration; never import db.models here.
"""

import uuid

import peewee as pw

JOB_KINDS = ("receipt", "document", "drawer", "test")
EVENT_STATUSES = ("printing", "printed", "sent", "failed", "uncertain", "resolved", "cancelled")
TABLES = ("print_job", "print_event")


class UtcDateTimeField(pw.DateTimeField):
    pass


def up(migrator, db):
    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Till(Base):  # referenced only; exists already
        pass

    class User(Base):  # referenced only; exists already
        pass

    class PrintJob(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        till = pw.ForeignKeyField(Till, on_delete="RESTRICT")
        kind = pw.CharField(max_length=16, constraints=[pw.Check(f"kind IN {JOB_KINDS!r}")])
        doc_uuid = pw.UUIDField(null=True, index=True)
        doc_kind = pw.CharField(max_length=32, default="")
        payload = pw.TextField(null=True)
        copy = pw.BooleanField(default=False)
        reprint_of = pw.UUIDField(null=True)
        requested_by = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")
        note = pw.CharField(max_length=500, default="")
        created_at = UtcDateTimeField()

        class Meta:
            indexes = ((("till", "id"), False),)

    class PrintEvent(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        job = pw.ForeignKeyField(PrintJob, on_delete="RESTRICT")
        seq = pw.IntegerField()
        status = pw.CharField(max_length=16, constraints=[pw.Check(f"status IN {EVENT_STATUSES!r}")])
        reason = pw.TextField(default="")
        params = pw.TextField(default="")
        printer = pw.CharField(max_length=300, default="")
        user = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")
        created_at = UtcDateTimeField()

        class Meta:
            indexes = ((("job", "seq"), True),)

    class TillPrinter(Base):
        till = pw.ForeignKeyField(Till, unique=True, on_delete="RESTRICT")
        address = pw.CharField(max_length=500)
        answers_status = pw.BooleanField(null=True)
        codepage_tested = pw.IntegerField(null=True)
        logo = pw.BlobField(null=True)
        header = pw.TextField(default="")
        footer = pw.TextField(default="")
        drawer = pw.BooleanField(default=True)
        updated_at = UtcDateTimeField()
        updated_by = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")

    db.create_tables([PrintJob, PrintEvent, TillPrinter])
    if isinstance(db, pw.PostgresqlDatabase):
        # pos_append_only() exists since 0002
        for t in TABLES:
            db.execute_sql(f"CREATE TRIGGER {t}_append_only BEFORE UPDATE OR DELETE ON {t} "
                           "FOR EACH ROW EXECUTE FUNCTION pos_append_only()")
        return
    for t in TABLES:
        for op in ("UPDATE", "DELETE"):
            db.execute_sql(f"CREATE TRIGGER {t}_no_{op.lower()} BEFORE {op} ON {t} BEGIN "
                           f"SELECT RAISE(ABORT, 'append-only: {t} rows are never changed or deleted'); END")
