"""Trust: the hash chain of the journal, hash schema versions, restore epochs, the audit log and PIN
lock-outs; the append-only guards on the new document tables.

Frozen copies of the models as they were at this migration; never import db.models here.
"""

import uuid

import peewee as pw

APPEND_ONLY = ("hash_schema", "chain_link", "chain_epoch", "audit_entry")


class UtcDateTimeField(pw.DateTimeField):
    pass


def up(migrator, db):
    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Till(Base):  # existing table, referenced only
        pass

    class User(Base):  # existing table, referenced only
        pass

    class HashSchema(Base):
        version = pw.CharField(max_length=40, unique=True)
        spec = pw.TextField()
        created_at = UtcDateTimeField()

    class ChainLink(Base):
        chain = pw.CharField(max_length=80)
        seq = pw.BigIntegerField()
        epoch = pw.IntegerField()
        doc_type = pw.CharField(max_length=32)
        doc_uuid = pw.UUIDField(unique=True)
        root_table = pw.CharField(max_length=64)
        hash_version = pw.CharField(max_length=40)
        keyed = pw.BooleanField()
        prev_hash = pw.CharField(max_length=64)
        hash = pw.CharField(max_length=64, unique=True)
        created_at = UtcDateTimeField()

        class Meta:
            indexes = ((("chain", "seq"), True),)

    class ChainHead(Base):
        chain = pw.CharField(max_length=80, unique=True)
        till = pw.ForeignKeyField(Till, null=True, on_delete="RESTRICT")
        seq = pw.BigIntegerField(default=0)
        epoch = pw.IntegerField(default=1)
        hash = pw.CharField(max_length=64)

    class ChainEpoch(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        chain = pw.CharField(max_length=80)
        epoch = pw.IntegerField()
        till = pw.ForeignKeyField(Till, null=True, on_delete="RESTRICT")
        reason = pw.CharField(max_length=32)
        backup_sha256 = pw.CharField(max_length=64, default="")
        skipped_from = pw.IntegerField(null=True)
        skipped_to = pw.IntegerField(null=True)
        created_at = UtcDateTimeField()

    class AuditEntry(Base):
        uuid = pw.UUIDField(unique=True, default=uuid.uuid4)
        at = UtcDateTimeField(index=True)
        kind = pw.CharField(max_length=32, index=True)
        user = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")
        subject = pw.CharField(max_length=200, default="")
        till = pw.ForeignKeyField(Till, null=True, on_delete="RESTRICT")
        detail = pw.TextField(default="{}")

    class PinLockout(Base):
        subject = pw.CharField(max_length=80, unique=True)
        failures = pw.IntegerField(default=0)
        locked_until = UtcDateTimeField(null=True)

    db.create_tables([HashSchema, ChainLink, ChainHead, ChainEpoch, AuditEntry, PinLockout])
    if isinstance(db, pw.PostgresqlDatabase):
        for t in APPEND_ONLY:  # pos_append_only() exists since 0002
            db.execute_sql(f"CREATE TRIGGER {t}_append_only BEFORE UPDATE OR DELETE ON {t} "
                           "FOR EACH ROW EXECUTE FUNCTION pos_append_only()")
        return
    for t in APPEND_ONLY:
        for op in ("UPDATE", "DELETE"):
            db.execute_sql(f"CREATE TRIGGER {t}_no_{op.lower()} BEFORE {op} ON {t} BEGIN "
                           f"SELECT RAISE(ABORT, 'append-only: {t} rows are never changed or deleted'); END")
